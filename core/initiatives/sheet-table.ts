// An initiatives table as a host reads it from a sheet's cells, for the Excel bridge and the Sheets server alike,
// so both find the same table: Excel tables first (named like Initiatives, else the best header match), else
// the header row by core's detection (core/initiatives/table.ts). Values are JSON-like (no Date), so the same
// shapes cross google.script.run unchanged. Pure: no DOM, no host API.

import { a1Address } from '../a1';
import { isBlank } from '../cells';
import { type FoundMatrix, matrixIn, type SheetMatrix } from './sheet-matrix';
import { initiativeColumnsOf, initiativesHeaderIndex, isInitiativesName } from './table';

/** A cell as a host hands it over: dates are already serial numbers, host errors are text such as "#N/A". */
export type CellValue = string | number | boolean | null;

/** The initiatives table found on a sheet: its header row and the data rows below it, in sheet order. */
export interface SheetTable {
  readonly kind: 'table';
  readonly sheet: string;
  /** How it was found: an Excel table (list object), the sheet's used range, or the user's selection. */
  readonly foundBy: 'excel table' | 'used range' | 'selection' | 'saved range';
  /** The Excel table's name when `foundBy` is 'excel table'; '' otherwise. */
  readonly tableName: string;
  /** A1 address of the table, header row included, without the sheet name ("B3:H12"). */
  readonly tableRange: string;
  /** Sheet row number (1-based) of the header row. */
  readonly headerRow: number;
  /** Sheet row number of `rows[0]`: headerRow + 1, below a matrix's weights or direction rows under the header. */
  readonly firstRow: number;
  /** 0-based sheet column index of `headers[0]` (A = 0). */
  readonly firstColumn: number;
  /** Header texts as written (trimmed), one per column. */
  readonly headers: readonly string[];
  /** Data rows below the header, blank rows kept so that rows[i] is sheet row firstRow + i. */
  readonly rows: readonly (readonly CellValue[])[];
  /** A scoring matrix's own weights and directions, from its weights or direction row above or under the header. */
  readonly matrix?: SheetMatrix;
}

/** Why no table could be read, in one sentence for the user. */
export interface SheetError {
  readonly kind: 'error';
  readonly message: string;
}

/** Builds a {@link SheetError}. */
export const sheetError = (message: string): SheetError => ({ kind: 'error', message });

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

/** The cell at a sheet row and 0-based column of a block (blank outside it). */
export const cellAt = (block: SheetBlock, row: number, column: number): CellValue =>
  block.values[row - block.firstRow]?.[column - block.firstColumn] ?? null;

/** True for null, undefined and text that is only spaces. */
export const isBlankValue = (value: CellValue | undefined): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** A header cell as text, trimmed. */
export const headerText = (value: CellValue): string => (value === null ? '' : String(value).trim());

/**
 * Cuts a table out of a block: the header row, its columns and the rows below (trailing blank rows dropped), with
 * the matrix `found` on the block's grid (grid row 0 = block.firstRow): its criteria keyed by header, a blank header
 * named by the text above it, and its weights or direction rows under the header left out of the rows.
 */
function tableFrom(
  block: SheetBlock,
  sheet: string,
  foundBy: SheetTable['foundBy'],
  tableName: string,
  headerRow: number,
  firstColumn: number,
  lastColumn: number,
  lastRow: number,
  found: FoundMatrix | undefined,
): SheetTable {
  const headers: string[] = [];
  for (let c = firstColumn; c <= lastColumn; c++) headers.push(headerText(cellAt(block, headerRow, c)));
  const firstRow = headerRow + 1 + (found?.under ?? 0);
  const rows: CellValue[][] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const row: CellValue[] = [];
    for (let c = firstColumn; c <= lastColumn; c++) {
      const value = cellAt(block, r, c);
      row.push(typeof value === 'string' && value === '' ? null : value);
    }
    rows.push(row);
  }
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every(isBlankValue)) rows.pop();
  const named: number[] = [];
  const criteria = (found?.criteria ?? []).map((c, k) => {
    const index = c + block.firstColumn - firstColumn;
    const name = found?.names[k] ?? '';
    if (headers[index] === '' && name !== '') {
      headers[index] = name;
      named.push(index);
    }
    return { header: headers[index] ?? '', weight: found?.weights?.[k], direction: found?.directions?.[k] };
  });
  return {
    kind: 'table',
    sheet,
    foundBy,
    tableName,
    tableRange: a1Address(
      headerRow,
      firstColumn,
      Math.max(headerRow, firstRow + rows.length - 1),
      lastColumn,
    ),
    headerRow,
    firstRow,
    firstColumn,
    headers,
    rows,
    ...(found && {
      matrix: {
        criteria,
        rows: found.rows.map(([r, label]) => ({ row: block.firstRow + r, label })),
        named,
        ...(found.scored ? { scored: true } : {}),
      },
    }),
  };
}

/** The indices of the Initiatives columns (ID, name, cost, WSJF and RICE inputs…) a header row matches. */
const matchedColumns = (headers: readonly CellValue[]): number[] => [
  ...initiativeColumnsOf(headers).values(),
];

/**
 * The Excel table to read: the one named like an initiatives table, else the one whose headers match the most
 * Initiatives columns (at least one: a Resources table is not taken).
 */
function chooseListObject(
  block: SheetBlock,
  listObjects: readonly ListObjectArea[],
): ListObjectArea | undefined {
  const byName = listObjects.find((table) => isInitiativesName(table.name));
  if (byName) return byName;
  let chosen: ListObjectArea | undefined;
  let best = 0;
  for (const table of listObjects) {
    const headers = Array.from({ length: table.columnCount }, (_, c) =>
      cellAt(block, table.firstRow, table.firstColumn + c),
    );
    const matches = matchedColumns(headers).length;
    if (matches > best) {
      best = matches;
      chosen = table;
    }
  }
  return chosen;
}

/** The columns of a used range's table: the run of non-blank header cells around the first matched column. */
function usedRangeSpan(headerCells: readonly CellValue[], width: number): { first: number; last: number } {
  const matched = matchedColumns(headerCells);
  const anchor =
    matched.length > 0
      ? matched.reduce((least, column) => Math.min(least, column))
      : headerCells.findIndex((value) => !isBlank(value));
  let first = anchor;
  while (first > 0 && !isBlank(headerCells[first - 1] ?? null)) first--;
  let last = anchor;
  while (last < width - 1 && !isBlank(headerCells[last + 1] ?? null)) last++;
  return { first, last };
}

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
): SheetTable | SheetError {
  const width = block.values.reduce((most, row) => Math.max(most, row.length), 0);
  const grid = block.values.map((row) => {
    const cells = row.map((value) => (isBlankValue(value) ? null : value));
    while (cells.length < width) cells.push(null);
    return cells;
  });
  const chosen = chooseListObject(block, listObjects);
  if (!chosen && grid.every((row) => row.every((value) => isBlank(value))))
    return sheetError(
      foundBy === 'selection'
        ? 'The selection is empty: select your initiatives table, header row included.'
        : `Sheet "${sheet}" has no data. Open the sheet with your initiatives, or select the table and choose "Use current selection".`,
    );
  const header = chosen ? chosen.firstRow - block.firstRow : initiativesHeaderIndex(grid);
  const lastRow = chosen ? chosen.firstRow + chosen.rowCount - 1 : block.firstRow + grid.length - 1;
  if (!chosen && block.firstRow + header >= lastRow && foundBy !== 'used range')
    return sheetError('The selection is a single row: select the header row and the initiatives below it.');
  const left = chosen ? chosen.firstColumn - block.firstColumn : 0;
  const span = chosen
    ? { first: left, last: left + chosen.columnCount - 1 }
    : foundBy === 'used range'
      ? usedRangeSpan(grid[header] ?? [], width)
      : { first: 0, last: width - 1 };
  // A matrix whose criteria are named in a row above its header is widened to them (only when detecting).
  const found = matrixIn(grid, header, span.first, span.last, !chosen && foundBy === 'used range');
  return tableFrom(
    block,
    sheet,
    chosen ? 'excel table' : foundBy,
    chosen?.name ?? '',
    block.firstRow + header,
    block.firstColumn + span.first,
    block.firstColumn + (found?.right ?? span.last),
    lastRow,
    found,
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
