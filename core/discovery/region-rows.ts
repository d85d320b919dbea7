// The row and column tests discovery makes on every row of a sheet (core/discovery/regions.ts): which columns hold
// something, how many cells of a row's band are filled, and whether a row is instructions or a template.

import { type Cell, isBlank } from '../cells';

type Grid = readonly (readonly Cell[])[];

/** A template row holds only a few numbers (formula results such as a Score of 0 and a Rank), no text. */
const TEMPLATE_CELLS = 3;

/** A cell that tells the user what to write ("Use the scale in the next tab", "Enter the owner's name"). */
const INSTRUCTION =
  /^\s*(?:use|enter|provide|describe|select|choose|insert|type|give|list|indicate|clearly|specify|identify|add|record|write|fill|name of|e\.g\.|eg\b|example\b)/i;

/** The row under a header that explains each column: most of its cells are instructions. */
export const isInstructionRow = (cells: readonly Cell[]): boolean => {
  const filled = cells.filter((cell) => !isBlank(cell));
  const told = filled.filter((cell) => typeof cell === 'string' && INSTRUCTION.test(cell)).length;
  return filled.length >= 2 && told * 2 >= filled.length;
};

/**
 * How many cells of row[left … right] are filled, and whether those are all numbers (a template row: formula
 * results only). Counted in place: a table may hold 100,000 rows.
 */
export function bandCells(
  row: readonly Cell[],
  left: number,
  right: number,
): { filled: number; template: boolean } {
  let filled = 0;
  let numbers = 0;
  // A row of a sparse sheet may end long before the band does.
  for (let c = left; c <= right && c < row.length; c++) {
    const cell = row[c] ?? null;
    if (isBlank(cell)) continue;
    filled++;
    if (typeof cell === 'number') numbers++;
  }
  return { filled, template: filled <= TEMPLATE_CELLS && numbers === filled };
}

export const width = (grid: Grid): number => grid.reduce((most, row) => Math.max(most, row.length), 0);

/** Contiguous runs of columns that hold something, separated by fully blank columns. */
export function columnRuns(grid: Grid): { left: number; right: number }[] {
  const used = Array.from({ length: width(grid) }, () => false);
  // Until every column is seen used: in a long table that is within its first rows.
  let unused = used.length;
  for (let r = 0; r < grid.length && unused > 0; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++)
      if (!used[c] && !isBlank(row[c] ?? null)) {
        used[c] = true;
        unused--;
      }
  }
  const runs: { left: number; right: number }[] = [];
  used.forEach((isUsed, c) => {
    if (!isUsed) return;
    const last = runs[runs.length - 1];
    if (last && last.right === c - 1) last.right = c;
    else runs.push({ left: c, right: c });
  });
  return runs;
}
