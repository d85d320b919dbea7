// Host-neutral sheet logic shared by the Excel and the Sheets bridge, so both find the same table and write to
// the same columns: A1 addresses, finding the initiatives table in a sheet's cells (Excel tables first, else
// header detection by core), and planning where result columns go. Pure: no DOM, no host API.

import { a1Address, columnLetters, parseA1 } from '../core/a1';
import { isBlank } from '../core/cells';
import { INITIATIVES_TABLE } from '../core/dashboard/initiatives';
import { isPmoError } from '../core/errors';
import { findTable, HEADER_SEARCH_ROWS, normalizeHeader } from '../core/table';
import {
  type BridgeError,
  bridgeError,
  type CellValue,
  type OutputColumn,
  type OwnedColumn,
  type SheetTable,
  type WriteRequest,
  type WriteStale,
} from './bridge';

export { a1Address, columnLetters, parseA1 };

/** A block of a sheet's cells as a host read it: `values[0][0]` is at sheet row `firstRow`, column `firstColumn`. */
export interface SheetBlock {
  readonly values: readonly (readonly CellValue[])[];
  /** Sheet row number (1-based) of values[0]. */
  readonly firstRow: number;
  /** 0-based sheet column index of values[r][0]. */
  readonly firstColumn: number;
}

/** An Excel table (list object) on the sheet: its name and where it is (header row included). */
export interface ListObjectArea {
  readonly name: string;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

const cellAt = (block: SheetBlock, row: number, column: number): CellValue =>
  block.values[row - block.firstRow]?.[column - block.firstColumn] ?? null;

const isBlankValue = (value: CellValue | undefined): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const headerText = (value: CellValue): string => (value === null ? '' : String(value).trim());

/** Cuts a table out of a block: the header row, its columns and the rows below (trailing blank rows dropped). */
function tableFrom(
  block: SheetBlock,
  sheet: string,
  foundBy: SheetTable['foundBy'],
  tableName: string,
  headerRow: number,
  firstColumn: number,
  lastColumn: number,
  lastRow: number,
): SheetTable {
  const headers: string[] = [];
  for (let c = firstColumn; c <= lastColumn; c++) headers.push(headerText(cellAt(block, headerRow, c)));
  const rows: CellValue[][] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const row: CellValue[] = [];
    for (let c = firstColumn; c <= lastColumn; c++) {
      const value = cellAt(block, r, c);
      row.push(typeof value === 'string' && value === '' ? null : value);
    }
    rows.push(row);
  }
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every(isBlankValue)) rows.pop();
  return {
    kind: 'table',
    sheet,
    foundBy,
    tableName,
    tableRange: a1Address(headerRow, firstColumn, Math.max(headerRow, headerRow + rows.length), lastColumn),
    headerRow,
    firstRow: headerRow + 1,
    firstColumn,
    headers,
    rows,
  };
}

const TABLE_NAMES = ['Initiatives', 'Projects', 'Portfolio', 'Backlog'].map(normalizeHeader);

/** The indices of the Initiatives columns (ID, name, cost, WSJF and RICE inputs…) a header row matches. */
function matchedColumns(headers: readonly CellValue[]): number[] {
  const cells = headers.map((value) => (isBlankValue(value) ? null : String(value)));
  while (cells.length < 2) cells.push(null);
  const found = findTable([cells], INITIATIVES_TABLE);
  return isPmoError(found) ? [] : [...found.columns.values()];
}

const initiativeColumns = (headers: readonly CellValue[]): number => matchedColumns(headers).length;

/**
 * Finds the initiatives table in a sheet's cells. Excel tables come first: the one named like Initiatives,
 * Projects, Portfolio or Backlog (tbl/Table prefixes allowed), else the one whose headers match the most
 * Initiatives columns (at least one). Without such a table (or in a selection), the header row is the row among the
 * first ten that matches the most Initiatives columns (core's header detection); the table spans the run of
 * non-blank header cells around the first matched column (the whole width of a selection) and every row below
 * it to the end of the block. In a selection or a saved range every column belongs to the table.
 * @returns the table, or an error sentence that says what was looked at.
 */
export function detectInitiativesTable(
  sheet: string,
  block: SheetBlock,
  listObjects: readonly ListObjectArea[],
  foundBy: 'used range' | 'selection' | 'saved range',
): SheetTable | BridgeError {
  if (listObjects.length > 0) {
    const byName = listObjects.find((table) =>
      TABLE_NAMES.includes(normalizeHeader(table.name).replace(/^(?:tbl|table)(?=[a-z])/, '')),
    );
    const headerRowOf = (table: ListObjectArea) =>
      Array.from({ length: table.columnCount }, (_, c) =>
        cellAt(block, table.firstRow, table.firstColumn + c),
      );
    let chosen = byName;
    if (!chosen) {
      // An Excel table none of whose headers is an Initiatives column (a Resources table…) is not taken.
      let best = 0;
      for (const table of listObjects) {
        const matches = initiativeColumns(headerRowOf(table));
        if (matches > best) {
          best = matches;
          chosen = table;
        }
      }
    }
    if (chosen)
      return tableFrom(
        block,
        sheet,
        'excel table',
        chosen.name,
        chosen.firstRow,
        chosen.firstColumn,
        chosen.firstColumn + chosen.columnCount - 1,
        chosen.firstRow + chosen.rowCount - 1,
      );
  }
  const width = Math.max(0, ...block.values.map((row) => row.length));
  const grid = block.values.map((row) => {
    const cells = row.map((value) => (isBlankValue(value) ? null : value));
    while (cells.length < width) cells.push(null);
    return cells;
  });
  const where = foundBy === 'selection' ? 'The selection' : `Sheet "${sheet}"`;
  if (grid.length === 0 || grid.every((row) => row.every((value) => isBlank(value))))
    return bridgeError(
      foundBy === 'selection'
        ? 'The selection is empty: select your initiatives table, header row included.'
        : `${where} has no data. Open the sheet with your initiatives, or select the table and choose "Use current selection".`,
    );
  // Core's header detection: the row among the first ten matching the most Initiatives columns (the first on a
  // tie), else the first non-blank row.
  let headerIndex = -1;
  let bestMatches = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.length); r++) {
    const matches = initiativeColumns(grid[r] ?? []);
    if (matches > bestMatches) {
      bestMatches = matches;
      headerIndex = r;
    }
  }
  if (headerIndex < 0) headerIndex = grid.findIndex((row) => row.some((value) => !isBlank(value)));
  const headerRow = block.firstRow + headerIndex;
  const headerCells = grid[headerIndex] ?? [];
  let firstIndex = 0;
  let lastIndex = width - 1;
  if (foundBy === 'used range') {
    const matched = matchedColumns(headerCells);
    const anchor =
      matched.length > 0 ? Math.min(...matched) : headerCells.findIndex((value) => !isBlank(value));
    firstIndex = anchor;
    while (firstIndex > 0 && !isBlank(headerCells[firstIndex - 1] ?? null)) firstIndex--;
    lastIndex = anchor;
    while (lastIndex < width - 1 && !isBlank(headerCells[lastIndex + 1] ?? null)) lastIndex++;
  }
  const lastRow = block.firstRow + grid.length - 1;
  if (headerRow >= lastRow && foundBy !== 'used range')
    return bridgeError('The selection is a single row: select the header row and the initiatives below it.');
  return tableFrom(
    block,
    sheet,
    foundBy,
    '',
    headerRow,
    block.firstColumn + firstIndex,
    block.firstColumn + lastIndex,
    lastRow,
  );
}

/**
 * A fingerprint of a table's cells (the first `width` columns of each row; blanks, '' and null alike):
 * FNV-1a over a canonical text, with the row count. Equal cells give equal fingerprints in both hosts.
 */
export function tableFingerprint(rows: readonly (readonly CellValue[])[], width: number): string {
  let hash = 0x811c9dc5;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  for (const row of rows) {
    for (let c = 0; c < width; c++) {
      const value = row[c];
      feed(isBlankValue(value ?? null) ? '\u0000b' : `${typeof value}\u0000${String(value)}`);
      feed('\u0001');
    }
    feed('\u0002');
  }
  return `${rows.length}:${hash.toString(16)}`;
}

/** One column of a write plan: where it goes and what it holds (header cell first). */
export interface PlannedColumn {
  /** 0-based sheet column index. */
  readonly column: number;
  readonly header: string;
  /** Header, then one value per row headerRow+1…lastRow. */
  readonly values: readonly CellValue[];
  /** Number format per cell (header first): "@" for text, the column's format for the rest, null = leave. */
  readonly formats: readonly (string | null)[];
}

export interface WritePlan {
  readonly kind: 'plan';
  readonly columns: readonly PlannedColumn[];
}

const sameHeader = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** True for "Score (PMO)" or "Score (PMO 2)" given "Score": a result header renamed beside a user's column. */
function isRenamed(written: string, header: string): boolean {
  const lower = written.trim().toLowerCase();
  const stem = `${header.trim().toLowerCase()} (pmo`;
  return lower.startsWith(stem) && /^(?: \d+)?\)$/.test(lower.slice(stem.length));
}

/** A header not yet used on the row: "Score (PMO)", then "Score (PMO 2)"… */
function freshHeader(header: string, taken: (text: string) => boolean): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${header} (PMO)` : `${header} (PMO ${n})`;
    if (!taken(candidate)) return candidate;
  }
}

function plannedColumn(column: number, header: string, output: OutputColumn): PlannedColumn {
  const formats: (string | null)[] = ['@'];
  for (const value of output.values)
    formats.push(typeof value === 'string' && value !== '' ? '@' : output.numberFormat);
  return { column, header, values: [header, ...output.values], formats };
}

/**
 * Plans a write (DESIGN §7b): result columns go right of the user's table, never over a user's cell.
 * - The user's headers and cells must still read as they did (else 'stale': sorted or edited rows would get
 *   another row's results).
 * - A header the add-in wrote before, still at its column, is written again in place.
 * - A header that names a column the add-in did not create is a conflict: with `onConflict` 'ask' the plan
 *   stops and lists them; 'overwrite' writes into that column; 'new-columns' writes "Score (PMO)" beside.
 * - Every other column goes to the first column right of the table that is blank from the header row to the
 *   last row (so a neighbouring table or a note is never overwritten).
 * @param area the cells of rows headerRow…lastRow as read just before writing (any columns; outside = blank).
 */
export function planWrite(
  request: WriteRequest,
  area: SheetBlock,
): WritePlan | { kind: 'conflict'; headers: string[] } | WriteStale | BridgeError {
  const { headerRow, lastRow, firstColumn, lastColumn } = request;
  if (lastRow <= headerRow) return bridgeError('The table has no rows to write results for.');
  for (const output of request.columns)
    if (output.values.length !== lastRow - headerRow)
      return bridgeError(
        `Internal error: column ${output.header} has ${output.values.length} values for ${lastRow - headerRow} rows.`,
      );
  for (let c = firstColumn; c <= lastColumn; c++) {
    const now = headerText(cellAt(area, headerRow, c));
    const then = request.headers[c - firstColumn] ?? '';
    if (now !== then)
      return { kind: 'stale', reason: `column ${columnLetters(c)} was headed "${then}" and is now "${now}"` };
  }
  const rowsNow: CellValue[][] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const row: CellValue[] = [];
    for (let c = firstColumn; c <= lastColumn; c++) row.push(cellAt(area, r, c));
    rowsNow.push(row);
  }
  if (tableFingerprint(rowsNow, lastColumn - firstColumn + 1) !== request.fingerprint)
    return { kind: 'stale', reason: 'its rows were sorted, added or edited' };
  const areaEnd = area.firstColumn + Math.max(0, ...area.values.map((row) => row.length)) - 1;
  const scanEnd = Math.max(areaEnd, lastColumn);
  const headerAt = (c: number) => headerText(cellAt(area, headerRow, c));
  const owned = request.owned.filter(
    (entry) => entry.column > lastColumn && sameHeader(headerAt(entry.column), entry.header),
  );
  const isOwned = (c: number) => owned.some((entry) => entry.column === c);
  const taken = new Set<number>();
  const targets: { output: OutputColumn; header: string; column: number | undefined }[] = [];
  const conflicts: string[] = [];
  for (const output of request.columns) {
    let column: number | undefined;
    let header = output.header;
    const same: number[] = [];
    for (let c = Math.min(firstColumn, area.firstColumn); c <= scanEnd; c++)
      if (sameHeader(headerAt(c), header)) same.push(c);
    // The add-in's own column for this result: same header, or the "Score (PMO)" it was renamed to once.
    const mine = owned.find(
      (entry) =>
        !taken.has(entry.column) && (sameHeader(entry.header, header) || isRenamed(entry.header, header)),
    );
    const users = same.filter((c) => !isOwned(c));
    if (mine !== undefined) {
      column = mine.column;
      header = headerAt(mine.column);
    } else if (users.length > 0) {
      if (request.onConflict === 'ask') conflicts.push(header);
      else if (request.onConflict === 'overwrite') column = users[0];
      else
        header = freshHeader(header, (text) => {
          for (let c = Math.min(firstColumn, area.firstColumn); c <= scanEnd; c++)
            if (sameHeader(headerAt(c), text)) return true;
          return targets.some((target) => sameHeader(target.header, text));
        });
    }
    if (column !== undefined) taken.add(column);
    targets.push({ output, header, column });
  }
  if (conflicts.length > 0) return { kind: 'conflict', headers: conflicts };
  const columnIsBlank = (c: number) => {
    for (let r = headerRow; r <= lastRow; r++) if (!isBlankValue(cellAt(area, r, c))) return false;
    return true;
  };
  let next = lastColumn + 1;
  const columns: PlannedColumn[] = [];
  for (const target of targets) {
    let column = target.column;
    if (column === undefined) {
      while (taken.has(next) || !columnIsBlank(next)) next++;
      column = next;
      taken.add(column);
    }
    columns.push(plannedColumn(column, target.header, target.output));
  }
  return { kind: 'plan', columns };
}

/** The A1 address(es) of a plan's columns, merged where they are adjacent ("J3:L12"). */
export function planAddress(plan: WritePlan, headerRow: number, lastRow: number): string {
  const sorted = [...plan.columns].map((column) => column.column).sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const current = sorted[i] as number;
    const following = sorted[i + 1];
    if (following === current + 1) continue;
    parts.push(a1Address(headerRow, start ?? current, lastRow, current));
    start = following;
  }
  return parts.join(', ');
}

/** Where each planned column went, for the settings: the add-in's own columns from now on. */
export function ownedColumnsOf(plan: WritePlan): OwnedColumn[] {
  return plan.columns.map((column) => ({ column: column.column, header: column.header }));
}
