// The shared runtime around dist/excel/taskpane.js when it is loaded in a Node vm context: Office (onReady with
// host Excel, actions.associate, addin.showAsTaskpane), Excel.run over a fake workbook, the page's status element
// and a console that records errors.

import { type ExcelRunLog, type FakeRequestContext, fakeExcelRun } from './request-context';
import { fakeDocumentSettings } from './settings';
import type { ExcelWorkbookState } from './workbook-state';

export interface FakeSharedRuntime {
  /** Globals for the vm context that loads dist/excel/taskpane.js. */
  readonly globals: Record<string, unknown>;
  /** Handlers associated with Office.actions.associate. */
  readonly actions: Map<string, (event: unknown) => unknown>;
  /** The task pane's status line. */
  readonly status: { textContent: string };
  /** How often the add-in asked to show the task pane. */
  readonly taskpaneShown: { count: number };
  readonly consoleErrors: unknown[][];
  /** Request contexts handed to Excel.run batches, in order. */
  readonly contexts: FakeRequestContext[];
}

/**
 * Office and Excel for a workbook `state`, as the shared runtime sees them in Excel (host "Excel").
 * `Office.actions.associate` takes one handler per action id ("Configure your Office Add-in to use a shared
 * runtime" registers each id once); a second association of the same id is a bug the fake reports by throwing.
 */
export function fakeSharedRuntime(state: ExcelWorkbookState): FakeSharedRuntime {
  const actions = new Map<string, (event: unknown) => unknown>();
  const status = { textContent: 'Starting…' };
  const taskpaneShown = { count: 0 };
  const consoleErrors: unknown[][] = [];
  const log: ExcelRunLog = { started: [], finished: [] };
  const Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'PC' };
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    actions: {
      associate(id: string, handler: (event: unknown) => unknown) {
        if (actions.has(id)) throw new Error(`${id} associated twice`);
        actions.set(id, handler);
      },
    },
    addin: {
      showAsTaskpane() {
        taskpaneShown.count++;
        return Promise.resolve();
      },
    },
    context: { document: { settings: fakeDocumentSettings(state) } },
  };
  const document = {
    readyState: 'complete',
    getElementById(id: string) {
      return id === 'status' ? status : null;
    },
  };
  const recordingConsole = {
    ...console,
    error: (...args: unknown[]) => {
      consoleErrors.push(args);
    },
  };
  return {
    globals: { Office, Excel: { run: fakeExcelRun(state, log) }, document, console: recordingConsole },
    actions,
    status,
    taskpaneShown,
    consoleErrors,
    contexts: log.started,
  };
}
