// Where a table that was read sits on its sheet (DESIGN §4, §7): its header rows, the rows inside it that are
// not data, and the A1 range from its header to its last data row over its columns ("A5:E9"). One definition
// for the dashboard's "built from" line, the `pmo dashboard` summary and `pmo inspect`.

import { a1Address, sheetReference } from '../a1';
import { cellText, isBlank } from '../cells';
import { isPmoError, type PmoError } from '../errors';
import { INITIATIVES_TABLE, isTotalLabel } from '../initiatives/table';
import { RISK_REGISTER_TABLE } from '../risk/register';
import { cellOf, type FoundTable, findTable, normalizeHeader, type TableRow, type TableSpec } from '../table';
import { ASSIGNMENTS_TABLE, RESOURCES_TABLE, TIME_OFF_TABLE } from '../utilization';
import { periodSheetOptions } from '../utilization/period-sheets';
import { KIND_LABELS, type LocatedTable, type TableKind } from '../workbook';

/** The column spec each kind of table is read with. */
export const TABLE_SPECS: Readonly<Record<TableKind, TableSpec>> = {
  resources: RESOURCES_TABLE,
  assignments: ASSIGNMENTS_TABLE,
  timeOff: TIME_OFF_TABLE,
  initiatives: INITIATIVES_TABLE,
  risks: RISK_REGISTER_TABLE,
};

/** A row inside a table's area that is not data: a footer, a total, a section label, a template row. */
export interface SkippedRow {
  readonly row: number;
  readonly reason: string;
  /** The row's sheet, when its table spans sheets (a plan kept one sheet per month). */
  readonly sheet?: string;
}

/** Where a located table sits on its sheet. */
export interface TablePlace {
  /** Sheet column (0-based) of the grid's first column. */
  readonly firstColumn: number;
  /** Sheet rows that make the header (a group row above the column row, then the column row). */
  readonly headerRows: readonly number[];
  readonly skipped: readonly SkippedRow[];
  /** The rows read as data, including rows with an issue; skipped rows are not among them. */
  readonly dataRows: readonly TableRow[];
  /** A1 range from the header's first row to the last data row, over the table's columns ("A5:E9"). */
  readonly range: string;
}

/** Rows inside the table that its reader does not take as data, with why (when discovery gave no list). */
function derivedSkipped(kind: TableKind, found: FoundTable): SkippedRow[] {
  const skipped: SkippedRow[] = [];
  for (const row of found.rows) {
    const cell = (key: string) => cellOf(found, row, key);
    if (kind === 'initiatives') {
      if (isTotalLabel(cell('name')) || isTotalLabel(cell('id')))
        skipped.push({ row: row.number, reason: 'total row' });
      else if (isBlank(cell('id')) && isBlank(cell('name')))
        skipped.push({ row: row.number, reason: 'no ID or name: not an initiative' });
    } else if (kind === 'risks') {
      const id = cell('id');
      const label = normalizeHeader(cellText(isBlank(id) ? cell('title') : id));
      if (['total', 'totals', 'grandtotal', 'sum'].includes(label))
        skipped.push({ row: row.number, reason: 'total row' });
    }
  }
  return skipped;
}

/** The table's columns: from the leftmost to the rightmost matched, widened over adjoining header cells. */
function usedColumns(found: FoundTable): { first: number; last: number } {
  const headerCells = found.headers;
  let first = Number.POSITIVE_INFINITY;
  let last = -1;
  for (const index of found.columns.values()) {
    first = Math.min(first, index);
    last = Math.max(last, index);
  }
  if (last < 0) {
    first = 0;
    last = Math.max(0, headerCells.length - 1);
  }
  while (first > 0 && (headerCells[first - 1] ?? '') !== '') first--;
  while ((headerCells[last + 1] ?? '') !== '') last++;
  return { first, last };
}

/**
 * Where `table` sits: its header rows, the rows that are not data (discovery's list, else total rows and rows
 * without an ID or name), its data rows and its range. Without `found` (its headers do not fit its kind) the
 * range is the whole grid.
 * @param found the table as its kind's reader finds it in `table.grid` (`findTable`), when it does
 */
export function placeOf(table: LocatedTable, found: FoundTable | undefined): TablePlace {
  const firstColumn = table.firstColumn ?? 0;
  const headerRow = table.firstRow + (found?.headerIndex ?? 0);
  const headerRows = table.headerRows ? [...table.headerRows] : [headerRow];
  const skipped = table.skipped ? [...table.skipped] : found ? derivedSkipped(table.kind, found) : [];
  const skippedRows = new Set(skipped.map((entry) => entry.row));
  const dataRows = (found?.rows ?? []).filter((row) => !skippedRows.has(row.number));
  const span = found
    ? usedColumns(found)
    : { first: 0, last: table.grid.reduce((max, row) => Math.max(max, row.length - 1), 0) };
  const top = headerRows.reduce((min, row) => Math.min(min, row), headerRow);
  const bottom = found
    ? (dataRows.at(-1)?.number ?? headerRow)
    : table.firstRow + Math.max(0, table.grid.length - 1);
  const range = a1Address(top, firstColumn + span.first, bottom, firstColumn + span.last);
  return { firstColumn, headerRows, skipped, dataRows, range };
}

/**
 * The cells a located table was read from, as an A1 range without the sheet ("A5:E9"): from the first row of
 * its header to its last data row (a footer, a total or a template row under it is not in it), over its
 * columns. See {@link placeOf}.
 * @example tableRange(findTables(sheets).tables.risks) // "A5:E9" for a register under a title block
 */
export function tableRange(table: LocatedTable): string {
  const read = readLocated(table);
  return placeOf(table, isPmoError(read) ? undefined : read).range;
}

/** A located table as its kind's reader finds it in its cells (a period's sheet read as that period). */
export function readLocated(table: LocatedTable): FoundTable | PmoError {
  return findTable(table.grid, TABLE_SPECS[table.kind], table.firstRow, periodSheetOptions(table.period));
}

/** A table the dashboard was built from: its kind, its sheet and the cells read ("A5:E9", see {@link tableRange}). */
export interface TableSource {
  readonly kind: TableKind;
  readonly sheet: string;
  readonly range: string;
  /** A plan kept one sheet per period: its sheets, in period order. */
  readonly sheets?: readonly string[];
}

/** A located table as a source the dashboard and the CLI name. */
export const sourceOf = (table: LocatedTable): TableSource => ({
  kind: table.kind,
  sheet: table.sheet,
  range: tableRange(table),
  ...(table.sheets && table.sheets.length > 1 ? { sheets: table.sheets.map((sheet) => sheet.sheet) } : {}),
});

/**
 * A table source as the dashboard and the CLI name it: "Risks (Sheet1!A5:E9)", "Time off ('Time Off'!A1:D3)",
 * "Assignments (one sheet per period, Sep2019 to Dec2019: 4 sheets)".
 */
export function sourceText(source: TableSource): string {
  const { sheets } = source;
  if (sheets && sheets.length > 1)
    return `${KIND_LABELS[source.kind]} (one sheet per period, ${sheets[0]} to ${sheets[sheets.length - 1]}: ${sheets.length} sheets)`;
  return `${KIND_LABELS[source.kind]} (${sheetReference(source.sheet, source.range)})`;
}

/** How many further tables the sheet names, one by one (the rest are counted). */
const NOT_USED_LISTED = 3;

/** "; also found, not used: Resources (CFA_Sprint-1!A15:F22), …", or "" when there are none. */
export function notUsedText(sources: readonly TableSource[]): string {
  if (sources.length === 0) return '';
  const listed = sources.slice(0, NOT_USED_LISTED).map(sourceText).join(', ');
  const more = sources.length > NOT_USED_LISTED ? ` and ${sources.length - NOT_USED_LISTED} more` : '';
  return `; also found, not used (map one to use it): ${listed}${more}`;
}
