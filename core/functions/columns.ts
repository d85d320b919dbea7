// Column and list arguments (DESIGN §10): a column may include its header, a list may be a row or a column,
// a header in gives a header cell out so the spill lines up row by row with the input, and parallel columns
// line up by one rule in every function family (alignColumns).

import { type Cell, cellText, isBlank, isCellError, parseNumberText, readNumber, TOO_LARGE } from '../cells';
import { type PmoError, pmoError, quote } from '../errors';
import { argumentMessages as say } from './messages';
import type { Grid, OutCell, OutGrid } from './types';

/** A one-dimensional argument: its cells in order and the header text when the first cell was one. */
export interface ColumnArg {
  readonly header: string | undefined;
  readonly cells: readonly Cell[];
}

/** The cells of a row or a column in reading order (a block gives its first column). */
export function flatCells(grid: Grid | undefined): Cell[] {
  if (grid === undefined) return [];
  if (grid.length === 1) return [...(grid[0] ?? [])];
  return grid.map((row) => row[0] ?? null);
}

/**
 * Reads a column argument. The first cell is a header when it is text that `isValue` does not accept
 * while at least one cell below it is a value (DESIGN §10), or while every cell below it is blank (a blank
 * template gives its header alone).
 * @param isValue true for a cell the function can use as data (a number, a known label…).
 */
export function columnArg(grid: Grid | undefined, isValue: (cell: Cell) => boolean): ColumnArg {
  const cells = flatCells(grid);
  const first = cells[0];
  if (typeof first !== 'string' || isBlank(first) || isValue(first)) return { header: undefined, cells };
  const rest = cells.slice(1);
  const below = rest.some((cell) => isValue(cell)) || (rest.length > 0 && rest.every(isBlank));
  return below ? { header: first.trim(), cells: rest } : { header: undefined, cells };
}

/** One of several parallel column arguments: its name, its cells (undefined when omitted), what a value is. */
export interface ColumnInput {
  readonly name: string;
  readonly grid: Grid | undefined;
  readonly isValue: (cell: Cell) => boolean;
}

/** Parallel columns lined up, column by column: each input's cells, one per row ([] for an omitted one). */
export interface AlignedCells {
  readonly header: boolean;
  readonly rowCount: number;
  readonly columns: readonly (readonly Cell[])[];
}

/**
 * Lines up parallel column arguments: the one rule for every function that reads several columns (README, "Column
 * arguments"). A header cell in any of them gives a header out; a column one cell longer than a headed one, whose
 * first cell is text or blank, loses that cell too (a header the reader could not tell from data); a single cell is
 * used for every row; otherwise the columns must have the same length, and an error names the first that does not.
 * Column by column, so a long column is copied at most once.
 */
export function alignColumns(fn: string, inputs: readonly ColumnInput[]): AlignedCells | PmoError {
  const read = inputs.map((input) =>
    input.grid === undefined ? { header: undefined, cells: [] } : columnArg(input.grid, input.isValue),
  );
  const given = (i: number) => inputs[i]?.grid !== undefined;
  const headed = read.filter((column, i) => column.header !== undefined && given(i));
  const header = headed.length > 0;
  const length = header
    ? (headed[0]?.cells.length ?? 0)
    : read.reduce((most, column) => Math.max(most, column.cells.length === 1 ? 0 : column.cells.length), 0);
  const columns = read.map((column, i): readonly Cell[] => {
    if (!given(i)) return [];
    const first = column.cells[0] ?? null;
    const looksLikeHeader = isBlank(first) || typeof first === 'string';
    if (header && column.header === undefined && column.cells.length === length + 1 && looksLikeHeader)
      return column.cells.slice(1);
    return column.cells;
  });
  const rowCount = header ? length : columns.reduce((most, cells) => Math.max(most, cells.length), length);
  for (const [i, cells] of columns.entries()) {
    if (!given(i) || cells.length === rowCount || cells.length === 1) continue;
    const widest = columns.findIndex((other, j) => given(j) && other.length === rowCount);
    return say.columnLengths(
      fn,
      inputs[i]?.name ?? '',
      cells.length,
      inputs[widest]?.name ?? 'another column',
      rowCount,
    );
  }
  return {
    header,
    rowCount,
    columns: columns.map((cells, i) =>
      given(i) && cells.length === 1 && rowCount !== 1
        ? new Array<Cell>(rowCount).fill(cells[0] ?? null)
        : cells,
    ),
  };
}

/** Row `r` of aligned columns: each column's cell (null for an omitted column). */
export function alignedRow(aligned: AlignedCells, r: number): Cell[] {
  return aligned.columns.map((cells) => cells[r] ?? null);
}

/**
 * Reads a table-shaped argument (rows × criteria). Its first row is a header row when every non-blank
 * cell in it is text that `isValue` does not accept and some row below holds a value.
 */
export function matrixArg(
  grid: Grid | undefined,
  isValue: (cell: Cell) => boolean,
): { header: readonly Cell[] | undefined; rows: Grid } {
  if (grid === undefined) return { header: undefined, rows: [] };
  const first = grid[0] ?? [];
  const firstIsHeader =
    first.some((cell) => !isBlank(cell)) &&
    first.every((cell) => isBlank(cell) || (typeof cell === 'string' && !isValue(cell))) &&
    grid.slice(1).some((row) => row.some(isValue));
  return firstIsHeader ? { header: first, rows: grid.slice(1) } : { header: undefined, rows: grid };
}

/** True for a number or numeric text (money and percentages included). */
export function isNumberLike(cell: Cell): boolean {
  if (typeof cell === 'number') return Number.isFinite(cell);
  return typeof cell === 'string' && parseNumberText(cell) !== undefined;
}

/** True for any non-blank cell. */
export const anyValue = (cell: Cell): boolean => !isBlank(cell);

/**
 * Reads a number for a named field of a row; a problem sentence ("job size is blank") when it cannot, and
 * `effort "1e+300" is beyond ±1,000,000,000,000,000` beyond the one magnitude rule of {@link readNumber}.
 */
export function fieldNumber(cell: Cell, field: string): number | PmoError {
  if (isBlank(cell)) return pmoError('value', `${field} is blank`);
  if (isCellError(cell)) return pmoError('value', `${field} is the error ${cell.text}`);
  const parsed = readNumber(cell);
  if (parsed.ok) return parsed.value;
  const problem = parsed.problem === TOO_LARGE ? TOO_LARGE : 'not a number';
  return pmoError('value', `${field} ${quote(cellText(cell))} is ${problem}`);
}

/** A one-column result, with a header cell on top when the input had one (or had no rows at all). */
export function columnResult(header: boolean, label: string, values: readonly OutCell[]): OutGrid {
  const rows: OutGrid = values.map((value) => [value]);
  // Empty ranges give the label alone: a host cannot show an empty array (Excel refuses it, Sheets errs).
  return header || rows.length === 0 ? [[label], ...rows] : rows;
}
