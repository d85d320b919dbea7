// Finds a table inside a user's range: the header row under any title rows, the columns by their synonyms,
// and the data rows below it. Row problems are collected as issues that name the row and the column.

import { type Cell, cellText, isBlank } from './cells';
import { isoFromSerial, MAX_DATE_SERIAL, MIN_DATE_SERIAL } from './dates';
import { type PmoError, pmoError } from './errors';
import { type PeriodColumn, periodColumns, withMonthYears } from './periods';

/** One column the product knows, with every header text that means it. */
export interface ColumnSpec {
  /** Stable key used by the code (`hoursPerWeek`). */
  readonly key: string;
  /** The header name shown in messages (`Hours per week`). */
  readonly label: string;
  /** Header texts that mean this column; compared case-, space- and punctuation-insensitively. */
  readonly synonyms: readonly string[];
  readonly required?: boolean;
  /** A required column is not missing when the table has one of these instead (`week` stands for Start and End). */
  readonly unless?: readonly string[];
  /**
   * The column is a run of period headers (a time-phased plan: "Jan-25", "Feb-25", … or dates), not a header
   * name: its key's column is the first period, and the table's `periods` lists them all.
   */
  readonly periods?: boolean;
  /** The column holds dates: issues show a serial as its ISO date. */
  readonly date?: boolean;
  /**
   * What the column measures, when a unit in the header can contradict it: a `ratio` column (a %) is never a
   * header that says hours ("Available (hrs)"), an `hours` column never one that says % ("Load (%)").
   */
  readonly unit?: 'ratio' | 'hours';
}

/** A column of a table spec: its key, the label messages show, its synonyms, and whether the table needs it. */
export const columnSpec = (key: string, label: string, synonyms: string[], required = false): ColumnSpec =>
  required ? { key, label, synonyms, required } : { key, label, synonyms };

/** A kind of table (Resources, Assignments, …) and its columns. */
export interface TableSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
}

/** A data row that could not be used, with the reason. Row numbers are the sheet's when known. */
export interface RowIssue {
  readonly table: string;
  /** The sheet, when the table spans sheets (a plan kept one sheet per month); else the table's own sheet. */
  readonly sheet?: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly problem: string;
}

/** A table found in a range. */
export interface FoundTable {
  readonly spec: TableSpec;
  /** Column index (within the range) of each matched column key. */
  readonly columns: ReadonlyMap<string, number>;
  /** Index within the range of the header row. */
  readonly headerIndex: number;
  /** Header texts of the header row, as written. */
  readonly headers: readonly string[];
  /** Data rows (fully blank rows left out), with their row number for issues. */
  readonly rows: readonly TableRow[];
  /**
   * The range the table was found in, and the sheet row number of its first row: a reader of a 100,000-row table
   * goes through the rows below the header itself (skipping the blank ones) rather than through `rows`, which is
   * then never built.
   */
  readonly source: { readonly grid: readonly (readonly Cell[])[]; readonly firstRow: number };
  /** A time-phased table's period columns (see {@link ColumnSpec.periods}), left to right. */
  readonly periods?: readonly PeriodColumn[];
  /**
   * What a period cell holds when the table's one period column is a named load column on a sheet that is one period
   * (see {@link FindOptions.sheetPeriod}): that column's unit. Absent: judged from the cells.
   */
  readonly periodUnit?: 'ratio' | 'hours';
}

/** The period column a sheet's period gives a table without period headers, and what its cells hold. */
export interface SheetPeriodColumn {
  readonly period: PeriodColumn;
  readonly unit?: 'ratio' | 'hours';
}

/** How {@link findTable} reads a table beyond its cells. */
export interface FindOptions {
  /**
   * The table is one period of a plan kept one sheet per period ("Sep2019"): given the columns its header names, the
   * column that is that period (core/utilization/period-sheets.ts), when its header has no period columns.
   */
  readonly sheetPeriod?: (columns: ReadonlyMap<string, number>) => SheetPeriodColumn | undefined;
}

export interface TableRow {
  /** Sheet row number when the range's first row is known, else the row within the range (header row = 1 if first). */
  readonly number: number;
  readonly cells: readonly Cell[];
}

/** How many leading rows of a range are searched for the header row. */
export const HEADER_SEARCH_ROWS = 10;

/** Normalises header text for matching: lower case, letters and digits only; `#` reads as "no" ("Risk #" = "Risk No"). */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/#/g, 'no')
    .replace(/[^a-z0-9]/g, '');
}

/** Normalises a sheet or Excel-table name for matching: letters and digits only, a tbl/Table prefix dropped. */
export function normalizeTableName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/^(?:tbl|table)(?=\p{L})/u, '');
}

/**
 * The keys a header text is looked up by, best first: as written, without notes in brackets, and without a `#`
 * ("ID #" = "ID", "Risk ID#" = "Risk ID", while "Risk #" = "Risk No").
 */
function headerKeys(text: string): string[] {
  const withoutNotes = text.replace(/\([^)]*\)|\[[^\]]*\]/g, '');
  const keys = [text, withoutNotes, text.replace(/#/g, ''), withoutNotes.replace(/#/g, '')].map(
    normalizeHeader,
  );
  return [...new Set(keys)].filter((key, i) => i === 0 || key !== '');
}

/** Each normalised synonym → its column key and its rank in that column's list (0 = the label). */
type Synonym = { readonly key: string; readonly rank: number; readonly unit?: ColumnSpec['unit'] };

/**
 * A spec's synonyms, and the key of its run of period headers when it has one (`periodsKey_`: the index never leaves
 * the bundle that builds it, so the build renames the member, scripts/build.ts `mangleProps`).
 */
type SynonymIndex = Map<string, Synonym> & { periodsKey_?: string };

function synonymIndex(spec: TableSpec): SynonymIndex {
  const index: SynonymIndex = new Map<string, Synonym>();
  const periods = spec.columns.find((column) => column.periods);
  if (periods) index.periodsKey_ = periods.key;
  for (const column of spec.columns) {
    [column.label, ...column.synonyms].forEach((synonym, rank) => {
      const key = normalizeHeader(synonym);
      if (!index.has(key))
        index.set(
          key,
          column.unit ? { key: column.key, rank, unit: column.unit } : { key: column.key, rank },
        );
    });
  }
  return index;
}

/** The unit a header's note in brackets gives: "(hrs)", "(h/wk)" say hours, "(%)" says a ratio. */
function unitOf(text: string): ColumnSpec['unit'] {
  const notes = (text.match(/\([^)]*\)|\[[^\]]*\]/g) ?? []).join(' ').toLowerCase();
  if (/%/.test(notes)) return 'ratio';
  if (/\b(?:h|hrs?|hours?)\b/.test(notes)) return 'hours';
  return undefined;
}

/** True when `a` and `b` differ by at most one edit (insert, delete, replace or swap of neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (restA.slice(1) === restB.slice(1) || restA.slice(1) === restB || restA === restB.slice(1)) return true;
  return restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2);
}

/** Headers of this many letters or more may carry one typo ("Resoruce", "Probabilty"). */
export const TYPO_MIN_LENGTH = 6;

/** The synonym `text` misspells by one edit, when it is long enough for that to be safe. */
function nearMatch(text: string, index: Map<string, Synonym>): Synonym | undefined {
  if (text.length < TYPO_MIN_LENGTH) return undefined;
  for (const [synonym, match] of index) {
    if (synonym.length >= TYPO_MIN_LENGTH && withinOneEdit(text, synonym)) return match;
  }
  return undefined;
}

/**
 * Matches a candidate header row. When several headers mean the same column, the one whose synonym comes
 * first in the spec wins ("Resource" over "Name"), then the leftmost.
 */
function matchRow(row: readonly Cell[], index: SynonymIndex): Map<string, number> {
  const best = new Map<string, { column: number; rank: number }>();
  row.forEach((cell, columnIndex) => {
    if (typeof cell !== 'string') return;
    // A typo is forgiven in the header as written, never in what is left once a unit is dropped
    // ("Duration (Days)" is not a misspelt "Duration (h)").
    for (const [i, text] of headerKeys(cell).entries()) {
      const match = index.get(text) ?? (i === 0 ? nearMatch(text, index) : undefined);
      if (match === undefined) continue;
      const unit = unitOf(cell);
      if (match.unit !== undefined && unit !== undefined && unit !== match.unit) return;
      const current = best.get(match.key);
      if (current === undefined || match.rank < current.rank)
        best.set(match.key, { column: columnIndex, rank: match.rank });
      return;
    }
  });
  const matched = new Map([...best].map(([key, { column }]) => [key, column]));
  const first = index.periodsKey_ === undefined ? undefined : periodColumns(row)[0];
  if (index.periodsKey_ !== undefined && first) matched.set(index.periodsKey_, first.column);
  return matched;
}

/**
 * The header row among the first ten that matches the most known column names (the first such row on a tie),
 * else the first row that is not blank (0 for a blank grid), with the columns it matches.
 */
function headerSearch(
  grid: readonly (readonly Cell[])[],
  index: SynonymIndex,
): { headerIndex: number; columns: Map<string, number> } {
  let headerRow = -1;
  let best = new Map<string, number>();
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.length); r++) {
    const matched = matchRow(grid[r] ?? [], index);
    if (matched.size > best.size) {
      best = matched;
      headerRow = r;
    }
  }
  const headerIndex =
    headerRow >= 0
      ? headerRow
      : Math.max(
          0,
          grid.findIndex((row) => !row.every(isBlank)),
        );
  return { headerIndex, columns: best };
}

/** The required columns of `spec` that `columns` (key → index) lacks, a column standing in (`unless`) counted. */
export function missingColumns(spec: TableSpec, columns: ReadonlyMap<string, number>): ColumnSpec[] {
  return spec.columns.filter(
    (column) =>
      column.required && !columns.has(column.key) && !column.unless?.some((key) => columns.has(key)),
  );
}

/** Index within `grid` of the row `findTable` takes as `spec`'s header row (see {@link findTable}). */
export function headerRowIndex(grid: readonly (readonly Cell[])[], spec: TableSpec): number {
  return headerSearch(grid, synonymIndex(spec)).headerIndex;
}

/**
 * Finds `spec`'s table in `grid`: the header row is the row among the first ten that matches the most
 * known column names (the first such row on a tie). Fully blank rows below it are dropped.
 * @param firstRowNumber sheet row number of the grid's first row (1 when unknown).
 * @returns the table, or an error naming each missing required column and listing the headers seen.
 * @example findTable([['Resource', 'Hours per week'], ['Ana', 40]], resourcesSpec, 1)
 */
export function findTable(
  grid: readonly (readonly Cell[])[],
  spec: TableSpec,
  firstRowNumber = 1,
  options: FindOptions = {},
): FoundTable | PmoError {
  if (grid.length === 0 || grid.every((row) => row.every(isBlank))) {
    return pmoError('not-available', `The ${spec.name} table is empty: give a range with a header row.`);
  }
  if (grid.length === 1 && (grid[0]?.length ?? 0) <= 1) {
    return pmoError(
      'value',
      `The ${spec.name} table is a single cell: give the whole table, header row included.`,
    );
  }
  const index = synonymIndex(spec);
  // A plan's months without their year ("Jan", "Feb", … under "Resource plan 2026") are read with it.
  const table = index.periodsKey_ === undefined ? grid : withMonthYears(grid, HEADER_SEARCH_ROWS);
  const { headerIndex, columns: best } = headerSearch(table, index);
  const headers = (table[headerIndex] ?? []).map(cellText);
  const ofSheet =
    index.periodsKey_ === undefined || best.has(index.periodsKey_) ? undefined : options.sheetPeriod?.(best);
  if (ofSheet && index.periodsKey_ !== undefined) best.set(index.periodsKey_, ofSheet.period.column);
  const missing = missingColumns(spec, best);
  if (missing.length > 0) {
    const seen = headers.filter((header) => header !== '');
    return pmoError(
      'value',
      `The ${spec.name} table has no ${missing.map((column) => column.label).join(' or ')} column; ` +
        `headers seen: ${seen.length > 0 ? seen.map((header) => `"${header}"`).join(', ') : 'none'}.`,
    );
  }
  // The data rows (blank rows left out) are listed when first asked for: a reader of a long table may go through
  // `source` instead.
  let rows: TableRow[] | undefined;
  const found = {
    spec,
    columns: best,
    headerIndex,
    headers,
    source: { grid, firstRow: firstRowNumber },
    get rows(): readonly TableRow[] {
      if (!rows) {
        rows = [];
        for (let r = headerIndex + 1; r < grid.length; r++) {
          const cells = grid[r] ?? [];
          if (!cells.every(isBlank)) rows.push({ number: firstRowNumber + r, cells });
        }
      }
      return rows;
    },
  };
  if (ofSheet) {
    const unit = ofSheet.unit ? { periodUnit: ofSheet.unit } : {};
    return Object.assign(found, { periods: [ofSheet.period] }, unit);
  }
  const periods =
    index.periodsKey_ !== undefined && best.has(index.periodsKey_)
      ? periodColumns(table[headerIndex] ?? [])
      : undefined;
  return periods ? Object.assign(found, { periods }) : found;
}

/** How issues name a period column of a time-phased table: its header as written, a date header by its ISO date. */
export function periodHeader(table: FoundTable, period: PeriodColumn): string {
  const header = table.headers[period.column] ?? '';
  return header === '' || Number.isFinite(Number(header)) ? isoFromSerial(period.start) : header;
}

/** The cell of `row` in column `key`, or null when the table has no such column. */
export function cellOf(table: FoundTable, row: TableRow, key: string): Cell {
  return cellAt(row, table.columns.get(key));
}

/**
 * The cell of `row` at column `index` (found once per table with `table.columns.get(key)`, for loops over many rows),
 * or null when the index is undefined (no such column) or past the row's end.
 */
export function cellAt(row: TableRow, index: number | undefined): Cell {
  return index === undefined ? null : (row.cells[index] ?? null);
}

/** The header text of column `key` as the user wrote it, else the spec's label. */
export function headerOf(table: FoundTable, key: string): string {
  const index = table.columns.get(key);
  const written = index === undefined ? '' : (table.headers[index] ?? '');
  return written !== '' ? written : (table.spec.columns.find((column) => column.key === key)?.label ?? key);
}

/** Builds a row issue for `key`'s cell of `row`. */
export function rowIssue(table: FoundTable, row: TableRow, key: string, problem: string): RowIssue {
  const cell = cellOf(table, row, key);
  const isDate = table.spec.columns.some((column) => column.key === key && column.date);
  const value =
    isDate && typeof cell === 'number' && cell >= MIN_DATE_SERIAL && cell <= MAX_DATE_SERIAL
      ? isoFromSerial(cell)
      : cellText(cell);
  return { table: table.spec.name, row: row.number, column: headerOf(table, key), value, problem };
}

/** True when a table has column `key`. */
export function hasColumn(table: FoundTable, key: string): boolean {
  return table.columns.has(key);
}

/** Matches rows against `spec`'s headers: column key → column index, as `findTable` reads a header row. */
export function headerMatcher(spec: TableSpec): (row: readonly Cell[]) => ReadonlyMap<string, number> {
  const index = synonymIndex(spec);
  return (row) => matchRow(row, index);
}
