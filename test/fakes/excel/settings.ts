// Office.context.document.settings for the fake Excel host: name → value pairs kept in memory by set/remove and
// written to the document by saveAsync (Common API `Office.Settings`).

import type { ExcelWorkbookState } from './workbook-state';

/** The result object saveAsync hands its callback (`Office.AsyncResult`: status, and error when it failed). */
export interface FakeAsyncResult {
  readonly status: 'succeeded' | 'failed';
  readonly error?: { readonly message: string };
}

/**
 * `Office.Settings` over `state`, from its TSDoc (@types/office-js, Office.Settings):
 * - names are case-sensitive ("settingName The case-sensitive name of the setting");
 * - "the value can be a string, number, boolean, null, object, or array": values are kept as JSON, so anything
 *   JSON cannot hold throws at set;
 * - "The developer is responsible for calling the saveAsync method after adding or deleting settings to save the
 *   settings in the document": set/remove change the in-memory copy only, saveAsync (asynchronous, reporting
 *   through its callback) writes them to the document.
 * - get of a missing name: the TSDoc is silent; it answers null, as Office.js does in practice.
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
