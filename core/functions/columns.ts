// Column and list arguments (DESIGN §10): a column may include its header, a list may be a row or a
// column, and a header in gives a header cell out so the spill lines up row by row with the input.

import { type Cell, isBlank, parseNumberText } from '../cells';
import { type PmoError, pmoError } from '../errors';
import type { Arg, OutCell, OutGrid } from './types';

/** A one-dimensional argument: its cells in order and the header text when the first cell was one. */
export interface ColumnArg {
  readonly header: string | undefined;
  readonly cells: readonly Cell[];
}

/** The cells of a range argument in reading order (a row or a column; a scalar is one cell). */
export function flatCells(arg: Arg): Cell[] {
  if (arg === undefined) return [];
  if (!Array.isArray(arg)) return [arg as Cell];
  const rows = arg as readonly (readonly Cell[])[];
  if (rows.length === 1) return [...(rows[0] ?? [])];
  return rows.map((row) => row[0] ?? null);
}

/**
 * Reads a column argument. The first cell is a header when it is text that `isValue` does not accept
 * while at least one cell below it is a value (DESIGN §10), or while every cell below it is blank (a blank
 * template gives its header alone).
 * @param isValue true for a cell the function can use as data (a number, a known label…).
 */
export function columnArg(arg: Arg, isValue: (cell: Cell) => boolean): ColumnArg {
  const cells = flatCells(arg);
  const [first, ...rest] = cells;
  const below = rest.some((cell) => isValue(cell)) || (rest.length > 0 && rest.every(isBlank));
  if (typeof first === 'string' && !isBlank(first) && !isValue(first) && below) {
    return { header: first.trim(), cells: rest };
  }
  return { header: undefined, cells };
}

/** True when a range argument is a block (more than one row and more than one column). */
function isBlock(arg: Arg): boolean {
  return (
    Array.isArray(arg) &&
    arg.length > 1 &&
    (arg as readonly (readonly Cell[])[]).some((row) => row.length > 1)
  );
}

/**
 * Reads a one-dimensional argument (a row or a column, optional header cell, see {@link columnArg}); a block
 * of several rows and columns is an error naming the argument rather than a silent first column.
 */
export function vectorArg(
  fn: string,
  name: string,
  arg: Arg,
  isValue: (cell: Cell) => boolean,
): ColumnArg | PmoError {
  if (isBlock(arg))
    return pmoError('value', `${fn}'s ${name} must be a single column (or row), not a block.`);
  return columnArg(arg, isValue);
}

/**
 * Reads a table-shaped argument (rows × criteria). Its first row is a header row when every non-blank
 * cell in it is text that `isValue` does not accept and some row below holds a value.
 */
export function matrixArg(
  arg: Arg,
  isValue: (cell: Cell) => boolean,
): { header: readonly Cell[] | undefined; rows: readonly (readonly Cell[])[] } {
  if (arg === undefined) return { header: undefined, rows: [] };
  const rows = Array.isArray(arg) ? (arg as readonly (readonly Cell[])[]) : [[arg as Cell]];
  const first = rows[0] ?? [];
  const firstIsHeader =
    first.some((cell) => !isBlank(cell)) &&
    first.every((cell) => isBlank(cell) || (typeof cell === 'string' && !isValue(cell))) &&
    rows.slice(1).some((row) => row.some(isValue));
  return firstIsHeader ? { header: first, rows: rows.slice(1) } : { header: undefined, rows };
}

/** True for a number or numeric text (money and percentages included). */
export function isNumberLike(cell: Cell): boolean {
  if (typeof cell === 'number') return Number.isFinite(cell);
  return typeof cell === 'string' && parseNumberText(cell) !== undefined;
}

/** A one-column result, with a header cell on top when the input had one. */
export function columnResult(header: string | undefined, label: string, values: readonly OutCell[]): OutGrid {
  const rows: OutGrid = values.map((value) => [value]);
  return header === undefined ? rows : [[label], ...rows];
}
