// The fake Excel host inside a browser page: bundled by esbuild (test/browser/harness.ts pageScript) and added
// with addInitScript before the task pane loads. It installs the global `Excel` (Excel.run over one fake
// workbook) and `pmoFakeExcel`, the control the tests drive through page.evaluate: set the workbook up, give
// Office.js (loaded outside Office, where Office.context.document is undefined) the document settings, act as
// the user (activate, select, edit), and read back the sheets, the settings, the syncs and the writes.

import { type ExcelRunLog, type FakeRequestContext, fakeExcelRun } from './request-context';
import { type FakeWorkbookSetup, setupExcelWorkbook, typeIntoSheet } from './seed';
import { type FakeAsyncResult, fakeDocumentSettings } from './settings';
import {
  type CellValue,
  type ExcelSheetState,
  ExcelWorkbookState,
  excelSheetRows,
  parseA1,
  type WriteOp,
} from './workbook-state';

let state = new ExcelWorkbookState();
let log: ExcelRunLog = { started: [], finished: [] };

function sheetNamed(name: string): ExcelSheetState {
  const sheet = state.sheet(name);
  if (!sheet) throw new Error(`No sheet ${name}.`);
  return sheet;
}

/** Excel.run over the workbook set up last. */
const Excel = {
  run: <T>(batch: (context: FakeRequestContext) => Promise<T>) => fakeExcelRun(state, log)(batch),
};

/** Office.context.document.settings over the workbook set up last. */
const settings = {
  get: (name: string) => fakeDocumentSettings(state).get(name),
  set: (name: string, value: unknown) => fakeDocumentSettings(state).set(name, value),
  remove: (name: string) => fakeDocumentSettings(state).remove(name),
  saveAsync: (callback?: (result: FakeAsyncResult) => void) =>
    fakeDocumentSettings(state).saveAsync(callback),
};

/** What the tests call (through page.evaluate) to set up and inspect the fake. */
const control = {
  setup(workbook: FakeWorkbookSetup): void {
    state = setupExcelWorkbook(workbook);
    log = { started: [], finished: [] };
  },
  /** Makes Office.context.document.settings available (outside Office, Office.context.document is undefined). */
  installDocument(): void {
    const office = (globalThis as unknown as { Office?: { context?: Record<string, unknown> } }).Office;
    if (!office?.context) throw new Error('Office.js is not loaded yet.');
    office.context.document = { settings };
  },
  /**
   * Office's theme as `Office.context.officeTheme` gives it: hex triplets and `isDarkTheme`, true for the Black and
   * Dark Gray themes (https://learn.microsoft.com/javascript/api/office/office.officetheme). Set before the pane starts.
   */
  setTheme(theme: {
    bodyBackgroundColor: string;
    bodyForegroundColor: string;
    controlBackgroundColor: string;
    controlForegroundColor: string;
    isDarkTheme: boolean;
  }): void {
    const office = (globalThis as unknown as { Office?: { context?: Record<string, unknown> } }).Office;
    if (!office?.context) throw new Error('Office.js is not loaded yet.');
    office.context.officeTheme = { ...theme };
  },
  activate(name: string): void {
    state.activeSheet = sheetNamed(name);
  },
  select(sheet: string, address: string): void {
    state.selection = { sheet: sheetNamed(sheet), area: parseA1(address) };
  },
  /** The user edits cells (as typing would: no write is recorded). */
  edit(sheet: string, address: string, values: CellValue[][]): void {
    typeIntoSheet(sheetNamed(sheet), address, values);
  },
  /** The workbook's sheet names, in tab order. */
  sheetNames: (): string[] => state.sheets.map((sheet) => sheet.name),
  /** The sheet's values and number formats as they are now, row by row from A1. */
  sheet(name: string): { values: CellValue[][]; formats: string[][] } {
    return excelSheetRows(sheetNamed(name));
  },
  savedSettings: () => structuredClone(state.savedSettings),
  saveCount: () => state.settingsSaves,
  /** Explicit context.sync() calls of each finished Excel.run, in order. */
  syncsPerRun: () => log.finished.map((context) => context.syncCount),
  writes: (): WriteOp[] => [...state.writes],
};

Object.assign(globalThis, { Excel, pmoFakeExcel: control });
