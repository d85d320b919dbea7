// Office.context.document.settings for the fake Excel host: name → value pairs kept in memory by set/remove and
// written to the document by saveAsync (Common API `Office.Settings`).

import type { ExcelWorkbookState } from './workbook-state';

/** The result object saveAsync hands its callback (`Office.AsyncResult`: status, and error when it failed). */
export interface FakeAsyncResult {
  readonly status: 'succeeded' | 'failed';
  readonly error?: { readonly message: string };
}

/**
 * `Office.Settings` over `state`:
 * - get: "Retrieves the specified setting ... null if the setting does not exist" (Office.Settings.get TSDoc);
 * - set/remove change the in-memory copy only: "Settings ... are persisted ... only if saveAsync is called"
 *   (Office.Settings TSDoc: "any changes made to settings ... will be lost unless you call saveAsync");
 * - values must survive JSON (the settings are stored as JSON): anything else throws at set;
 * - saveAsync completes asynchronously and reports through its callback.
 */
export function fakeDocumentSettings(state: ExcelWorkbookState) {
  return {
    get(name: string): unknown {
      return Object.hasOwn(state.settings, name) ? structuredClone(state.settings[name]) : null;
    },
    set(name: string, value: unknown): void {
      if (typeof name !== 'string' || name === '')
        throw new Error('Office.Settings.set: the name must be text.');
      const json = JSON.stringify(value);
      if (json === undefined) throw new Error('Office.Settings.set: the value must be JSON-serializable.');
      state.settings[name] = JSON.parse(json);
    },
    remove(name: string): void {
      delete state.settings[name];
    },
    saveAsync(callback?: (result: FakeAsyncResult) => void): void {
      setTimeout(() => {
        state.savedSettings = structuredClone(state.settings);
        state.settingsSaves++;
        callback?.({ status: 'succeeded' });
      }, 5);
    },
  };
}
