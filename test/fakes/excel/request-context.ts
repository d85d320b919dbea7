// Excel.RequestContext, the proxy base classes and Excel.run. Proxies queue every read and write on their
// context; `context.sync()` sends the queue as one batch, counted, and only then are loaded properties readable.
// Each rule below is one documented behaviour, cited where it is enforced.

import type { Operation } from './client-object';
import { FakeOfficeError } from './errors';
import { FakeWorkbook } from './workbook';
import type { ExcelWorkbookState } from './workbook-state';

/** `Excel.RequestContext`: proxies queue operations here; `sync()` runs them in order, as one round trip. */
export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  /** Explicit `context.sync()` calls made so far (the round trips the add-in asked for). */
  syncCount = 0;
  private queue: { readonly operation: Operation; readonly requestBytes: number }[] = [];
  private responseBytes = 0;

  constructor(
    readonly state: ExcelWorkbookState,
    /** The Excel.run this context belongs to (1-based), for the write log. */
    readonly run = 0,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Queues `operation`; `requestBytes` is what it adds to the request (the values it writes). */
  enqueue(operation: Operation, requestBytes = 0): void {
    this.queue.push({ operation, requestBytes });
  }

  get pending(): number {
    return this.queue.length;
  }

  /**
   * Runs the queued batch as one round trip ("Using the application-specific API model", sync(): "The sync()
   * method runs any commands that are queued on the request context and retrieves values for any properties that
   * should be loaded", https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#sync).
   */
  async sync(): Promise<void> {
    this.syncCount++;
    await this.flush();
  }

  /** Sends the queue without counting an explicit sync (what Excel.run does with what is left at its end). */
  async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    // A round trip to the host: the add-in's code runs on meanwhile (it must await the promise).
    await new Promise((resolve) => setTimeout(resolve, 0));
    checkRequestPayload(
      this.state.payloadLimitBytes,
      batch.reduce((sum, { requestBytes }) => sum + requestBytes, 0),
    );
    this.responseBytes = 0;
    runUntilFirstFailure(batch);
  }

  /**
   * Adds `bytes` to the response of the batch running now, before a loaded value is handed to its proxy: over
   * the limit, ResponsePayloadSizeLimitExceeded and the value is not loaded (see checkResponsePayload).
   */
  chargeResponse(bytes: number): void {
    this.responseBytes += bytes;
    checkResponsePayload(this.state.payloadLimitBytes, this.responseBytes);
  }
}

/**
 * Runs a batch in order and stops at the first command that fails: its error (with `code` and
 * `debugInfo.errorLocation`) rejects the sync, the commands before it stay applied, the ones after it are never
 * run. "Error handling with the application-specific JavaScript APIs" documents the error object (code, message,
 * debugInfo with errorLocation); it does not promise that earlier commands are rolled back, so they are not: the
 * harder reading for an add-in, which must not leave half a write behind.
 */
function runUntilFirstFailure(batch: readonly { readonly operation: Operation }[]): void {
  for (const { operation } of batch) operation();
}

/**
 * The request payload limit of Excel on the web: "Excel on the web has a payload size limit for requests and
 * responses of 5MB" ("Resource limits and performance optimization for Office Add-ins", Excel add-ins,
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * the error code is RequestPayloadSizeLimitExceeded ("Error handling with the application-specific JavaScript
 * APIs", https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling). A request
 * over the limit never reaches the workbook: nothing of the batch is applied.
 */
function checkRequestPayload(limitBytes: number, requestBytes: number): void {
  if (requestBytes > limitBytes)
    throw new FakeOfficeError(
      'RequestPayloadSizeLimitExceeded',
      `The request payload size has exceeded the limit (${requestBytes} bytes > ${limitBytes}).`,
    );
}

/**
 * The response payload limit (same pages; code ResponsePayloadSizeLimitExceeded). The pages do not say what
 * becomes of the commands already run: the fake keeps them applied and stops the batch there, as for any failing
 * command (see {@link FakeRequestContext.flush}), the harder reading for an add-in.
 */
function checkResponsePayload(limitBytes: number, responseBytes: number): void {
  if (responseBytes > limitBytes)
    throw new FakeOfficeError(
      'ResponsePayloadSizeLimitExceeded',
      `The response payload size has exceeded the limit (${responseBytes} bytes > ${limitBytes}).`,
    );
}

/** What the fake Excel.run records: every context it made, and those whose batch function has finished. */
export interface ExcelRunLog {
  readonly started: FakeRequestContext[];
  readonly finished: FakeRequestContext[];
}

/**
 * `Excel.run` over `state`: a fresh request context per batch ("Excel.run ... automatically creates a request
 * context", application-specific API model, *.run function). Commands still queued when the batch function
 * resolves are sent once more: the page's own example sets `dataSheet.position = 1` as its last statement,
 * without a sync. That final send is not counted as a sync of the add-in. A batch that throws sends nothing.
 */
export function fakeExcelRun(state: ExcelWorkbookState, log: ExcelRunLog = { started: [], finished: [] }) {
  return async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(state, log.started.length + 1);
    log.started.push(context);
    try {
      const result = await batch(context);
      if (context.pending > 0) await context.flush();
      return result;
    } finally {
      log.finished.push(context);
    }
  };
}
