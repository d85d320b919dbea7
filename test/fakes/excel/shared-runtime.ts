// The shared runtime around dist/excel/taskpane.js when it is loaded in a Node vm context: Office (onReady with
// host Excel, actions.associate, addin.showAsTaskpane), Excel.run over a fake workbook, the page's status element,
// a console that records errors, and the `<script>` elements the page adds: like a browser, appending one to the
// head fetches its file (from dist/excel) after the current task, runs it in the page's global scope and fires
// `load`, or fires `error` when there is no such file.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Context, createContext, runInContext } from 'node:vm';
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
  /** The `src` of each script element the page appended to its head, in order. */
  readonly scriptsAdded: string[];
  /** Runs `files` (relative to the script folder) in order in one new global scope: the page's. */
  loadPage(files: readonly string[]): Context;
}

/** A `<script>` element as the page's scripts use it. */
interface FakeScriptElement {
  src: string;
  onload: ((event: { type: string }) => void) | null;
  onerror: ((event: { type: string }) => void) | null;
  remove(): void;
}

/** Where the fake page's scripts come from, unless told: the built dist/excel. */
const BUILT_SCRIPTS = join(import.meta.dirname, '../../../dist/excel');

/**
 * Office and Excel for a workbook `state`, as the shared runtime sees them in Excel (host "Excel").
 * `Office.actions.associate` takes one handler per action id ("Configure your Office Add-in to use a shared
 * runtime" registers each id once); a second association of the same id is a bug the fake reports by throwing.
 */
export function fakeSharedRuntime(
  state: ExcelWorkbookState,
  options: { readonly scriptDir?: string } = {},
): FakeSharedRuntime {
  const scriptDir = options.scriptDir ?? BUILT_SCRIPTS;
  const scriptsAdded: string[] = [];
  let page: Context | undefined;
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
  const recordingConsole = {
    ...console,
    error: (...args: unknown[]) => {
      consoleErrors.push(args);
    },
  };
  /** Fetches and runs an appended script after the current task, then fires load (or error: no such file). */
  const appendScript = (script: FakeScriptElement) => {
    scriptsAdded.push(script.src);
    setTimeout(() => {
      const file = join(scriptDir, script.src);
      if (page === undefined || !existsSync(file)) {
        script.onerror?.({ type: 'error' });
        return;
      }
      try {
        runInContext(readFileSync(file, 'utf8'), page);
      } catch (error) {
        // A browser reports a script's uncaught error and still fires load.
        recordingConsole.error('Uncaught', error);
      }
      script.onload?.({ type: 'load' });
    }, 0);
  };
  const document = {
    readyState: 'complete',
    getElementById(id: string) {
      return id === 'status' ? status : null;
    },
    createElement(tag: string): FakeScriptElement {
      if (tag !== 'script') throw new Error(`the fake page creates no <${tag}>`);
      return { src: '', onload: null, onerror: null, remove: () => undefined };
    },
    head: {
      appendChild(element: FakeScriptElement) {
        appendScript(element);
        return element;
      },
    },
  };
  const globals = { Office, Excel: { run: fakeExcelRun(state, log) }, document, console: recordingConsole };
  return {
    globals,
    loadPage(files) {
      page = createContext({ ...globals });
      for (const file of files) runInContext(readFileSync(join(scriptDir, file), 'utf8'), page);
      return page;
    },
    scriptsAdded,
    actions,
    status,
    taskpaneShown,
    consoleErrors,
    contexts: log.started,
  };
}
