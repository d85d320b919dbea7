// A scoring matrix's own weights and directions as the scoring panel reads them (issue 14 item 4): the weights row
// ("Weighting (1-10): 8 5 6 4") and the direction row ("higher is better") above the initiatives header or just under
// it, read by discovery's parser (core/discovery/weights.ts) and keyed by the panel's headers. Pure: reads a grid.

import { type Cell, isBlank } from '../cells';
import {
  isSettingsRow,
  type MatrixSettings,
  matrixReading,
  matrixSettings,
  SETTINGS_ROWS_ABOVE,
} from '../discovery/weights';
import type { RatingRow } from '../prioritization/scoring';
import { initiativeColumnsOf } from './table';

type Grid = readonly (readonly Cell[])[];

const blank = (cell: Cell | undefined): boolean => isBlank(cell ?? null);

/**
 * What a matrix says about one criterion: its header as the panel keys it, its weight and its direction (absent, or
 * null once across google.script.run, when the matrix has no such row).
 */
export interface MatrixCriterion {
  readonly header: string;
  readonly weight?: number | undefined;
  readonly direction?: 'max' | 'min' | undefined;
}

/** A matrix's settings as the panel keeps them (JSON-like: they cross google.script.run). */
export interface SheetMatrix {
  readonly criteria: readonly MatrixCriterion[];
  /** The settings rows read (sheet rows, top to bottom) and their labels as written. */
  readonly rows: readonly { readonly row: number; readonly label: string }[];
  /** Table columns whose header cell is blank, named in `headers` by the text above them (a criteria row). */
  readonly named: readonly number[];
  /** True when the directions are those that give the matrix's own Score column (it has no direction row). */
  readonly scored?: boolean;
}

/** What {@link matrixIn} found, in grid rows and columns. */
export interface FoundMatrix {
  readonly names: readonly string[];
  readonly weights: readonly number[] | undefined;
  readonly directions: readonly ('max' | 'min')[] | undefined;
  /** True when `directions` were found from the matrix's own Score column. */
  readonly scored: boolean;
  /** The criteria's grid columns, one per name. */
  readonly criteria: readonly number[];
  /** The settings rows (grid rows) and their labels. */
  readonly rows: readonly (readonly [number, string])[];
  /** How many rows under the header hold settings (and blank rows among them): the initiatives start below. */
  readonly under: number;
  /** The table's last column, widened over criteria whose header cells are blank (named in a row above). */
  readonly right: number;
}

/**
 * The settings of the matrix whose header is grid row `header`, spanning columns left…right: a weights row and a
 * direction row among the rows above it and the rows right under it (labelled as discovery labels them). With
 * `widen`, a header blank over its criteria ("Projects | | | | Score", the criteria named in a row above) is widened
 * to the weights row's columns and the header cells right of them.
 */
export function matrixIn(
  grid: Grid,
  header: number,
  left: number,
  right: number,
  widen: boolean,
): FoundMatrix | undefined {
  // Each labelled row with values: its grid row, its label and the non-blank cells right of the label.
  const labelled: [number, string, number[]][] = [];
  let under = 0;
  let last = right;
  for (let r = Math.max(0, header - SETTINGS_ROWS_ABOVE); r < grid.length; r++) {
    const row = grid[r] ?? [];
    let at = left;
    while (at <= right && blank(row[at])) at++;
    const label = row[at];
    let end = right;
    while (!blank(row[end + 1])) end++;
    const values: number[] = [];
    for (let c = at + 1; c <= end; c++) if (!blank(row[c])) values.push(c);
    // As discovery reads it: a direction row holds a direction ("Goal tracker | 5 | 3" is an initiative).
    const isLabel = r !== header && typeof label === 'string' && isSettingsRow(label, row);
    if (r > header && !isLabel && !row.every(blank)) break;
    if (!isLabel || typeof label !== 'string') continue;
    if (r > header) under = r - header;
    else if (widen && at === left) last = Math.max(last, end);
    if (values.length > 0) labelled.push([r, label.trim(), values]);
  }
  if (labelled.length === 0) return undefined;
  while (widen && !blank(grid[header]?.[last + 1])) last++;
  const criteria = [...new Set(labelled.flatMap(([, , values]) => values))]
    .filter((c) => c <= last)
    .sort((a, b) => a - b);
  const read = matrixSettings(grid, { left, right: last }, header, header, header + 1 + under, criteria);
  if (!read.weights && !read.directions) return undefined;
  const scored = read.directions
    ? undefined
    : scoredDirections(grid, header, header + 1 + under, left, criteria, read);
  return {
    names: read.names,
    weights: read.weights,
    directions: read.directions ?? scored,
    scored: !read.directions && scored !== undefined,
    criteria,
    rows: labelled
      .filter(([r]) => read.rows.includes(r) || r > header)
      .map(([r, label]) => [r, label] as const),
    under,
    right: last,
  };
}

/**
 * The directions that give a matrix's own Score column from its weights, as the dashboard finds them
 * (core/discovery/weights.ts matrixReading): undefined without weights or without a Score column of numbers.
 * `header` is the header's grid row, `first` the first initiative's, `nameColumn` the column of the names.
 */
function scoredDirections(
  grid: Grid,
  header: number,
  first: number,
  nameColumn: number,
  criteria: readonly number[],
  read: MatrixSettings,
): readonly ('max' | 'min')[] | undefined {
  // The Score column as the Initiatives table's spec names it (Score, Priority Score, Weighted Score, Total Score).
  const column = initiativeColumnsOf(grid[header] ?? []).get('score');
  if (!read.weights || column === undefined) return undefined;
  const ratings: RatingRow[] = [];
  const written: (number | undefined)[] = [];
  for (let r = first; r < grid.length && !blank(grid[r]?.[nameColumn]); r++) {
    const row = grid[r] ?? [];
    const values = criteria.map((c) => row[c]);
    ratings.push(values.every((value) => typeof value === 'number') ? (values as number[]) : undefined);
    const given = row[column];
    written.push(typeof given === 'number' ? given : undefined);
  }
  if (!written.some((value) => value !== undefined)) return undefined;
  return matrixReading(ratings, read.weights, read.names, undefined, written)?.directions;
}
