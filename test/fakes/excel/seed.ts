// Workbooks the tests start from: the host-neutral PMO seed (test/fakes/workbook-seed.ts) as Excel stores it,
// and the compact description the browser tests hand to the page (sheets of values, Excel tables, the active
// sheet, the selection, the saved document settings).

import { SEED_HEADER_FILL, seededCell, serialOf, type WorkbookSeed } from '../workbook-seed';
import { type CellValue, ExcelSheetState, ExcelWorkbookState, parseA1 } from './workbook-state';

/** An Excel workbook holding `seed`: dates as serials formatted yyyy-mm-dd, row 1 bold on a fill, its Excel tables. */
export function seedExcelWorkbook(seed: WorkbookSeed): ExcelWorkbookState {
  const state = new ExcelWorkbookState();
  for (const { name, rows } of seed.sheets) {
    const sheet = new ExcelSheetState(name);
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null && r > 0) return;
        const cell = sheet.ensure(r, c);
        if (value !== null) Object.assign(cell, seededCell(value, serialOf));
        if (r === 0) {
          cell.bold = true;
          cell.fill = SEED_HEADER_FILL;
        }
      });
    });
    state.sheets.push(sheet);
  }
  for (const [name, { sheet, cell }] of Object.entries(seed.names)) {
    const owner = state.sheet(sheet);
    if (!owner) throw new Error(`seed: no sheet ${sheet} for name ${name}`);
    state.names.set(name, { sheet: owner, area: parseA1(cell) });
  }
  for (const { name, sheet, ref } of seed.excelTables ?? []) {
    const owner = state.sheet(sheet);
    if (!owner) throw new Error(`seed: no sheet ${sheet} for table ${name}`);
    state.tables.push({ name, sheet: owner, area: parseA1(ref) });
  }
  state.activeSheet = state.sheets[0];
  return state;
}

/** The workbook a browser test starts from: sheets (row-major values, Excel tables), the active sheet, the selection. */
export interface FakeWorkbookSetup {
  readonly sheets: readonly {
    readonly name: string;
    readonly values: readonly (readonly CellValue[])[];
    readonly tables?: readonly {
      readonly name: string;
      readonly address: string;
      readonly showTotals?: boolean;
    }[];
  }[];
  readonly active: string;
  readonly selection?: { readonly sheet: string; readonly address: string };
  /** Document settings as saved in the file (name → value). */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** Stores `values` from the cell at `address` as a user typing them would (no write is recorded). */
export function typeIntoSheet(
  sheet: ExcelSheetState,
  address: string,
  values: readonly (readonly CellValue[])[],
) {
  const { row, column } = parseA1(address);
  values.forEach((line, r) => {
    line.forEach((value, c) => {
      const cell = sheet.ensure(row + r, column + c);
      cell.value = value;
      delete cell.formula;
    });
  });
}

/** A workbook as described by `setup`: every given cell is stored (blanks too), formatted General. */
export function setupExcelWorkbook(setup: FakeWorkbookSetup): ExcelWorkbookState {
  const state = new ExcelWorkbookState();
  for (const description of setup.sheets) {
    const sheet = new ExcelSheetState(description.name);
    typeIntoSheet(sheet, 'A1', description.values);
    state.sheets.push(sheet);
    for (const table of description.tables ?? [])
      state.tables.push({
        name: table.name,
        sheet,
        area: parseA1(table.address),
        showTotals: table.showTotals ?? false,
      });
  }
  const sheetNamed = (name: string) => {
    const sheet = state.sheet(name);
    if (!sheet) throw new Error(`setup: no sheet ${name}`);
    return sheet;
  };
  state.activeSheet = sheetNamed(setup.active);
  if (setup.selection)
    state.selection = { sheet: sheetNamed(setup.selection.sheet), area: parseA1(setup.selection.address) };
  state.settings = structuredClone({ ...(setup.settings ?? {}) });
  state.savedSettings = structuredClone(state.settings);
  return state;
}
