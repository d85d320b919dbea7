// A workbook's own risk matrix (issue 14 item 2): a level word for each likelihood × impact pair, as a "Risk Rating
// Table" or "Heat Map Lookup" sheet keeps it — likelihood labels down the side and impact labels across, or the other
// way round, in either order. A register whose workbook has one is levelled by it, as the workbook's own INDEX/MATCH
// formulas level it: by the row's likelihood and impact labels. Only the dashboard and `pmo inspect` see other sheets,
// so none of this is in the cell functions' bundle. Pure: reads cells.

import { type Cell, isBlank } from '../cells';
import type { RiskBands } from './levels';

/** A matrix legend: the axes' labels lowest first, the level of each pair, and the levels lowest first. */
export interface MatrixLegend {
  readonly probability: readonly string[];
  readonly impact: readonly string[];
  /** The level of probability label `p` and impact label `i`: `cells[p][i]` (indexes into the label lists). */
  readonly cells: readonly (readonly string[])[];
  /** The level names, lowest first (by the mean position P × I of their cells). */
  readonly levels: readonly string[];
}

type Axis = 'probability' | 'impact';

/**
 * The words of each axis of a matrix (lower case, single spaces) and their place on the five-level ladder, which
 * tells a matrix written highest first from one written lowest first.
 */
const AXIS_WORDS: Readonly<Record<Axis, ReadonlyMap<string, number>>> = {
  probability: new Map(
    Object.entries({
      rare: 1,
      remote: 1,
      'very unlikely': 1,
      unlikely: 2,
      improbable: 2,
      possible: 3,
      occasional: 3,
      likely: 4,
      probable: 4,
      frequent: 5,
      'almost certain': 5,
      'very likely': 5,
      certain: 5,
    }),
  ),
  impact: new Map(
    Object.entries({
      insignificant: 1,
      negligible: 1,
      trivial: 1,
      minimal: 1,
      minor: 2,
      moderate: 3,
      significant: 4,
      major: 4,
      severe: 5,
      catastrophic: 5,
      critical: 5,
      extreme: 5,
    }),
  ),
};

/** A level word in a matrix cell: one to three words, no digits. */
const LEVEL_WORD = /^[A-Za-z][A-Za-z -]{0,24}$/;
/** Axis labels a matrix has at least, and level names it has at most. */
const MIN_LABELS = 3;
const MAX_LEVELS = 7;
/** Blank rows a matrix may have between its rows (cells merged over two rows leave one). */
const GAP = 1;

/** A label as a matrix and a register's cells are compared: trimmed, lower case, single spaces ('' for no text). */
export const matrixLabelKey = (cell: Cell | undefined): string =>
  typeof cell === 'string' ? cell.trim().toLowerCase().replace(/\s+/g, ' ') : '';
const key = matrixLabelKey;

const axisOf = (words: readonly string[]): Axis | undefined => {
  for (const axis of ['probability', 'impact'] as const)
    if (words.every((word) => AXIS_WORDS[axis].has(word))) return axis;
  return undefined;
};

/** True when an axis's labels, as written (top to bottom, or left to right), run from the highest to the lowest. */
const descending = (axis: Axis, words: readonly string[]): boolean =>
  (AXIS_WORDS[axis].get(words[0] ?? '') ?? 0) > (AXIS_WORDS[axis].get(words[words.length - 1] ?? '') ?? 0);

/** The header labels starting at column `c` of `row`: consecutive texts of one axis (at least three). */
function headerAt(row: readonly Cell[], c: number): { words: string[]; texts: string[] } | undefined {
  const texts: string[] = [];
  for (let col = c; col < row.length && typeof row[col] === 'string' && key(row[col]) !== ''; col++)
    texts.push((row[col] as string).trim());
  const words = texts.map((text) => key(text));
  return words.length >= MIN_LABELS && axisOf(words) ? { words, texts } : undefined;
}

/** The rows under a header at `r` whose label in column `c - 1` is a word of `axis` and whose cells are level words. */
function bodyUnder(
  grid: readonly (readonly Cell[])[],
  r: number,
  c: number,
  width: number,
  axis: Axis,
): { labels: string[]; cells: string[][] } {
  const labels: string[] = [];
  const cells: string[][] = [];
  let gap = 0;
  for (let row = r + 1; row < grid.length && gap <= GAP; row++) {
    const cellsOfRow = grid[row] ?? [];
    if (cellsOfRow.slice(c - 1, c + width).every((cell) => isBlank(cell ?? null))) {
      gap++;
      continue;
    }
    const label = key(cellsOfRow[c - 1]);
    const levels = cellsOfRow
      .slice(c, c + width)
      .map((cell) => (typeof cell === 'string' ? cell.trim() : ''));
    if (!AXIS_WORDS[axis].has(label) || !levels.every((level) => LEVEL_WORD.test(level))) break;
    labels.push((cellsOfRow[c - 1] as string).trim());
    cells.push(levels);
    gap = 0;
  }
  return { labels, cells };
}

/** The legend a header row and the rows under it make, lowest labels first on both axes. */
function oriented(
  header: { words: string[]; texts: string[] },
  body: { labels: string[]; cells: string[][] },
  columnsAxis: Axis,
): MatrixLegend | undefined {
  let down = body.labels;
  let across = header.texts;
  let rows = body.cells;
  const rowsAxis: Axis = columnsAxis === 'impact' ? 'probability' : 'impact';
  if (descending(rowsAxis, down.map(key))) {
    down = [...down].reverse();
    rows = [...rows].reverse();
  }
  if (descending(columnsAxis, header.words)) {
    across = [...across].reverse();
    rows = rows.map((row) => [...row].reverse());
  }
  // Indexed [probability][impact] whichever way the matrix is written.
  const cells = columnsAxis === 'impact' ? rows : across.map((_, i) => rows.map((row) => row[i] ?? ''));
  const probability = columnsAxis === 'impact' ? down : across;
  const impact = columnsAxis === 'impact' ? across : down;
  const positions = new Map<string, { name: string; sum: number; count: number }>();
  cells.forEach((row, p) => {
    row.forEach((level, i) => {
      const entry = positions.get(level.toLowerCase()) ?? { name: level, sum: 0, count: 0 };
      entry.sum += (p + 1) * (i + 1);
      entry.count++;
      positions.set(level.toLowerCase(), entry);
    });
  });
  if (positions.size < 2 || positions.size > MAX_LEVELS) return undefined;
  const levels = [...positions.values()].sort((a, b) => a.sum / a.count - b.sum / b.count).map((e) => e.name);
  const named = (level: string) => positions.get(level.toLowerCase())?.name ?? level;
  return { probability, impact, cells: cells.map((row) => row.map(named)), levels };
}

/**
 * The first risk matrix in `grid`'s rows `from`…`to`: a header row of at least three likelihood (or impact) labels,
 * and under it, labelled in the column just left of the header's first label, at least three rows of the other axis
 * whose cells under the header are level words (one blank row between rows allowed).
 */
export function findMatrixLegend(
  grid: readonly (readonly Cell[])[],
  from = 0,
  to: number = grid.length,
): MatrixLegend | undefined {
  for (let r = from; r < Math.min(to, grid.length); r++) {
    const row = grid[r] ?? [];
    for (let c = 1; c < row.length; c++) {
      // The header's labels start right of a blank corner cell (or a title such as "IMPACT"), not of a label.
      const corner = key(row[c - 1]);
      if (AXIS_WORDS.probability.has(corner) || AXIS_WORDS.impact.has(corner)) continue;
      const header = headerAt(row, c);
      if (!header) continue;
      const columnsAxis = axisOf(header.words);
      if (!columnsAxis) continue;
      const rowsAxis: Axis = columnsAxis === 'impact' ? 'probability' : 'impact';
      const body = bodyUnder(grid, r, c, header.texts.length, rowsAxis);
      if (body.labels.length < MIN_LABELS) continue;
      const legend = oriented(header, body, columnsAxis);
      if (legend) return legend;
    }
  }
  return undefined;
}

/** The level the matrix gives a likelihood and an impact label (as written in a register's row), or undefined. */
export function matrixLevel(legend: MatrixLegend, probability: Cell, impact: Cell): string | undefined {
  const p = legend.probability.findIndex((label) => key(label) === key(probability));
  const i = legend.impact.findIndex((label) => key(label) === key(impact));
  return p < 0 || i < 0 ? undefined : legend.cells[p]?.[i];
}

/** The level at ratings `p` and `i` (1 = the lowest label of each axis), or undefined off the matrix. */
export function positionLevel(
  legend: MatrixLegend,
  p: number | undefined,
  i: number | undefined,
): string | undefined {
  return p === undefined || i === undefined ? undefined : legend.cells[p - 1]?.[i - 1];
}

/**
 * The matrix's levels as bands, lowest first: each from the lowest position product P × I (1–25 on a 5×5 matrix) the
 * matrix gives it, kept increasing. They name, order and colour the levels; each risk's level is its matrix cell.
 */
export function matrixBands(legend: MatrixLegend): RiskBands {
  const lowest = new Map<string, number>();
  legend.cells.forEach((row, p) => {
    row.forEach((level, i) => {
      lowest.set(level, Math.min(lowest.get(level) ?? Number.POSITIVE_INFINITY, (p + 1) * (i + 1)));
    });
  });
  let previous = 0;
  return legend.levels.map((label) => {
    previous = Math.max(previous + 1, lowest.get(label) ?? previous + 1);
    return { minimumScore: previous, label };
  });
}
