// The workbook the fake Excel host edits, as plain data that tests can seed, inspect and snapshot: sheets of
// cells (value, formula, number format, font and fill), merges, column widths, frozen rows, charts, Excel tables,
// defined names (ranges or constants), the active sheet, the selection, the document settings, and the options
// that choose how strict the host is (the Excel-on-the-web payload limit). No Office.js here: see
// request-context.ts and the proxies.

import { columnIndex, columnLetters } from '../../../core/a1';
import { overlaps, within } from '../areas';
import { invalidArgument } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB. RichAPI.Error will be thrown if
 * that limit is exceeded." ("Resource limits and performance optimization for Office Add-ins", Excel add-ins,
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * The page does not say whether 5 MB is 5,000,000 or 5 × 2^20 bytes: the smaller, harder reading is used.
 */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

/** "A range is limited to 5,000,000 cells for read operations." (same page). */
export const READ_CELL_LIMIT = 5_000_000;

/** A 0-based rectangle of cells. */
export interface Area {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export type CellValue = string | number | boolean;

export interface ExcelCellState {
  /** '' for an empty cell; a formula cell holds the placeholder its formula would show. */
  value: CellValue;
  formula?: string;
  numberFormat: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

export interface ExcelChartState {
  readonly name: string;
  readonly type: string;
  readonly source: Area;
  readonly seriesBy: string;
  title?: string;
  legendVisible?: boolean;
  reversePlotOrder?: boolean;
  /** Categories between the category axis's labels; absent = automatic (Excel may skip labels that do not fit). */
  tickLabelSpacing?: number;
  position?: { readonly start: Area; readonly end: Area | undefined };
  readonly series: { name?: string; values: Area; xAxis?: Area }[];
}

export class ExcelSheetState {
  readonly cells = new Map<number, ExcelCellState>();
  merges: Area[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points set by RangeFormat.rowHeight; a row not here has the standard height. */
  readonly rowHeights = new Map<number, number>();
  /** Worksheet.pageLayout as set (ExcelApi 1.9): orientation, zoom and the print title rows ("$1:$2"). */
  readonly pageLayout: { orientation?: string; zoom?: object; printTitleRows?: string } = {};
  frozenRows = 0;
  charts: ExcelChartState[] = [];
  conditionalFormats = 0;
  /** Excel's Worksheet.visibility: a hidden sheet is still in `worksheets.items` and reads like any other. */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';

  constructor(public name: string) {}

  cell(row: number, column: number): ExcelCellState | undefined {
    return this.cells.get(row * MAX_COLUMNS + column);
  }

  /** The cell at (row, column), created empty if absent. */
  ensure(row: number, column: number): ExcelCellState {
    const key = row * MAX_COLUMNS + column;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: '', numberFormat: 'General' };
      this.cells.set(key, cell);
    }
    return cell;
  }
}

export interface ExcelTableState {
  readonly name: string;
  readonly sheet: ExcelSheetState;
  /** The whole table: header row, data rows and (when showTotals) the total row. */
  readonly area: Area;
  readonly showTotals?: boolean;
}

/** One recorded write of range values or number formats: which, where, in which Excel.run (1-based). */
export interface WriteOp {
  readonly property: 'numberFormat' | 'values' | 'formulas';
  readonly sheet: string;
  readonly address: string;
  readonly run: number;
}

export class ExcelWorkbookState {
  readonly sheets: ExcelSheetState[] = [];
  /** Defined names: a range, or a constant such as `=300000`. */
  readonly names = new Map<
    string,
    { readonly sheet: ExcelSheetState; readonly area: Area } | { readonly constant: number }
  >();
  readonly tables: ExcelTableState[] = [];
  activeSheet: ExcelSheetState | undefined;
  selection: { readonly sheet: ExcelSheetState; readonly area: Area } | undefined;
  /** Review › Protect Workbook (structure): adding sheets fails with AccessDenied. */
  structureProtected = false;
  /** The payload limit of Excel on the web; `Number.POSITIVE_INFINITY` models the desktop hosts. */
  payloadLimitBytes = PAYLOAD_LIMIT_BYTES;
  /** Every range write applied, in order (values and number formats), for tests that check write order. */
  readonly writes: WriteOp[] = [];
  /** Office.context.document.settings: in memory, and as last saved with saveAsync. */
  settings: Record<string, unknown> = {};
  savedSettings: Record<string, unknown> = {};
  settingsSaves = 0;
  private chartCount = 0;

  sheet(name: string): ExcelSheetState | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  nextChartName(): string {
    this.chartCount++;
    return `Chart ${this.chartCount}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Addresses.

function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet!B3:H40" (the sheet quoted when Excel would quote it), "Sheet!B3" for one cell. */
export function areaAddress(sheet: string, area: Area): string {
  const first = `${columnLetters(area.column)}${area.row + 1}`;
  const last = `${columnLetters(area.column + area.columns - 1)}${area.row + area.rows}`;
  return `${quoteSheetName(sheet)}!${first === last ? first : `${first}:${last}`}`;
}

/** Parses "B3", "B3:H40", "3:12" (whole rows) or "C:E" (whole columns); InvalidArgument otherwise. */
export function parseA1(ref: string): Area {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(ref);
  if (rows) {
    const first = Math.min(Number(rows[1]), Number(rows[2])) - 1;
    const last = Math.max(Number(rows[1]), Number(rows[2])) - 1;
    if (first >= 0 && last < MAX_ROWS)
      return { row: first, column: 0, rows: last - first + 1, columns: MAX_COLUMNS };
  }
  const columns = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(ref);
  if (columns) {
    const a = columnIndex(columns[1] ?? 'A');
    const b = columnIndex(columns[2] ?? 'A');
    const first = Math.min(a, b);
    const last = Math.max(a, b);
    if (last < MAX_COLUMNS) return { row: 0, column: first, rows: MAX_ROWS, columns: last - first + 1 };
  }
  const cells = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref);
  if (cells) {
    const top = Number(cells[2]) - 1;
    const left = columnIndex(cells[1] ?? 'A');
    const bottom = cells[4] === undefined ? top : Number(cells[4]) - 1;
    const right = cells[3] === undefined ? left : columnIndex(cells[3]);
    const area = {
      row: Math.min(top, bottom),
      column: Math.min(left, right),
      rows: Math.abs(bottom - top) + 1,
      columns: Math.abs(right - left) + 1,
    };
    if (isInsideSheet(area)) return area;
  }
  throw invalidArgument(`bad address ${ref}`);
}

export function isInsideSheet(area: Area): boolean {
  return (
    Number.isInteger(area.row) &&
    Number.isInteger(area.column) &&
    Number.isInteger(area.rows) &&
    Number.isInteger(area.columns) &&
    area.row >= 0 &&
    area.column >= 0 &&
    area.rows >= 1 &&
    area.columns >= 1 &&
    area.row + area.rows <= MAX_ROWS &&
    area.column + area.columns <= MAX_COLUMNS
  );
}

export { overlaps, within };

// ---------------------------------------------------------------------------------------------------------
// Writing values the way Excel reads typed input.

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Stores `input` in `cell` as Excel does with a value written through `Range.values`.
 * - `Range.values` TSDoc (@types/office-js, Excel.Range.values): "If the returned value starts with a plus ("+"),
 *   minus ("-"), or equal sign ("="), Excel interprets this value as a formula." A cell formatted as text ("@")
 *   keeps the text as typed.
 * - "@…" is read as a formula too (Excel's implicit-intersection operator); the docs are silent, this is the
 *   harder reading for an add-in.
 * - Numeric text becomes a number, as typed input does ("Update all cells in a range" writes the text
 *   '3/11/2015' and Excel stores a date); only plain decimal numbers are modelled.
 * - "Blank input for a property": "If you specify a blank value for the values property of a range, the
 *   content of the range is cleared." ("Blank and null values in Excel add-ins",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 */
export function writeTypedValue(cell: ExcelCellState, input: CellValue): void {
  delete cell.formula;
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  if (cell.numberFormat === '@' || input === '') {
    cell.value = input;
    return;
  }
  if (NUMBER_TEXT.test(input.trim())) {
    cell.value = Number(input);
    return;
  }
  if (/^[=+\-@]/.test(input)) {
    cell.formula = input.startsWith('=') ? input : `=${input}`;
    cell.value = '#NAME?';
    return;
  }
  cell.value = input;
}

/** True when a cell holds a value or a formula (the "valuesOnly" used range). */
function hasValue(cell: ExcelCellState): boolean {
  return cell.value !== '' || cell.formula !== undefined;
}

/** True when a cell holds a value or any format (the full used range). */
function hasValueOrFormat(cell: ExcelCellState): boolean {
  return (
    hasValue(cell) ||
    cell.numberFormat !== 'General' ||
    cell.fill !== undefined ||
    cell.bold !== undefined ||
    cell.italic !== undefined ||
    cell.fontColor !== undefined ||
    cell.fontSize !== undefined ||
    cell.horizontalAlignment !== undefined ||
    cell.verticalAlignment !== undefined
  );
}

/**
 * The smallest area inside `bounds` holding every cell with a value (or, unless valuesOnly, any format); null
 * when there is none. `Range.getUsedRangeOrNullObject` TSDoc: "If there are no used cells within the range, then
 * this method returns an object with its isNullObject property set to true."
 */
export function usedArea(sheet: ExcelSheetState, valuesOnly: boolean, bounds?: Area): Area | null {
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let right = -1;
  for (const [key, cell] of sheet.cells) {
    if (!(valuesOnly ? hasValue(cell) : hasValueOrFormat(cell))) continue;
    const row = Math.floor(key / MAX_COLUMNS);
    const column = key % MAX_COLUMNS;
    if (bounds && !within(bounds, row, column)) continue;
    top = Math.min(top, row);
    left = Math.min(left, column);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
  }
  return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

// ---------------------------------------------------------------------------------------------------------
// Snapshots and views for assertions.

export interface ExcelSheetSnapshot {
  readonly name: string;
  readonly cells: readonly (readonly [string, ExcelCellState])[];
  readonly merges: readonly Area[];
  readonly columnWidths: readonly (readonly [number, number])[];
  readonly rowHeights: readonly (readonly [number, number])[];
  readonly pageLayout: ExcelSheetState['pageLayout'];
  readonly frozenRows: number;
  readonly charts: readonly ExcelChartState[];
  readonly conditionalFormats: number;
}

/** Everything stored about a sheet, as plain data (cells by address, in row order). */
export function excelSheetSnapshot(sheet: ExcelSheetState): ExcelSheetSnapshot {
  const cells = [...sheet.cells.entries()]
    .filter(
      ([, cell]) => Object.keys(cell).length > 2 || cell.value !== '' || cell.numberFormat !== 'General',
    )
    .sort(([a], [b]) => a - b)
    .map(([key, cell]): [string, ExcelCellState] => [
      areaAddress(sheet.name, {
        row: Math.floor(key / MAX_COLUMNS),
        column: key % MAX_COLUMNS,
        rows: 1,
        columns: 1,
      }),
      { ...cell },
    ]);
  return {
    name: sheet.name,
    cells,
    merges: sheet.merges.map((merge) => ({ ...merge })),
    columnWidths: [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b),
    rowHeights: [...sheet.rowHeights.entries()].sort(([a], [b]) => a - b),
    pageLayout: structuredClone(sheet.pageLayout),
    frozenRows: sheet.frozenRows,
    charts: structuredClone(sheet.charts),
    conditionalFormats: sheet.conditionalFormats,
  };
}

/** The values of a sheet as a grid from A1 to its last used cell (Excel's shape: blanks are ''). */
export function excelSheetValues(sheet: ExcelSheetState): CellValue[][] {
  const area = usedArea(sheet, true);
  if (!area) return [];
  const rows = area.row + area.rows;
  const columns = area.column + area.columns;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => sheet.cell(r, c)?.value ?? ''),
  );
}

/**
 * A sheet's stored cells row by row from A1: each row runs to its last stored cell (written or set up, even if
 * blank), so a row nobody wrote keeps its length. Values and number formats have the same shape.
 */
export function excelSheetRows(sheet: ExcelSheetState): { values: CellValue[][]; formats: string[][] } {
  const lengths: number[] = [];
  for (const key of sheet.cells.keys()) {
    const row = Math.floor(key / MAX_COLUMNS);
    lengths[row] = Math.max(lengths[row] ?? 0, (key % MAX_COLUMNS) + 1);
  }
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < lengths.length; r++) {
    const length = lengths[r] ?? 0;
    values.push(Array.from({ length }, (_, c) => sheet.cell(r, c)?.value ?? ''));
    formats.push(Array.from({ length }, (_, c) => sheet.cell(r, c)?.numberFormat ?? 'General'));
  }
  return { values, formats };
}
