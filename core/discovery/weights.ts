// A scoring matrix's own settings (issue 14 item 4): the weights row ("Weighting (1-10): 8 5 6 6 4 4") and the
// direction row ("higher is better" / "lower is better") that real matrices keep above or under their criteria
// header, and each criterion's name (from the header, else the nearest text above it: a criteria row over the
// weights, the projects' header below). Pure: reads a grid.

import { type Cell, cellText, isBlank, readNumber } from '../cells';
import { isPmoError } from '../errors';
import { type Direction, parseDirection, type RatingRow, scoreRatings } from '../prioritization/scoring';

type Grid = readonly (readonly Cell[])[];

/** How far above the header a weights or direction row is looked for (a criteria row, a blank row between). */
export const SETTINGS_ROWS_ABOVE = 6;

/** The label of a weights row: "Weight", "Weights", "Weighting (1-10):", "Criteria weight". */
const WEIGHTS_LABEL = /^(?:criteria\s+|criterion\s+)?weight(?:s|ing)?\b/i;
/** The label of a direction row: "Direction", "Better when", "Goal", "Optimise". */
const DIRECTION_LABEL = /^(?:direction|better\s+when|goal|optimi[sz]e|preference)\b/i;

/** Which settings row a row's first text names: a weights row, a direction row, or neither. */
function settingsKind(text: string): 'weights' | 'direction' | undefined {
  if (WEIGHTS_LABEL.test(text.trim())) return 'weights';
  return DIRECTION_LABEL.test(text.trim()) ? 'direction' : undefined;
}

/**
 * True when a row is a matrix's settings, not an initiative: its first text (`label`) names a weights row, or names a
 * direction row and another of its cells holds a direction ("Goal tracker | 5 | 3" is an initiative).
 */
export function isSettingsRow(label: string, row: readonly Cell[]): boolean {
  const kind = settingsKind(label);
  if (kind !== 'direction') return kind === 'weights';
  return row.some((cell) => cellText(cell).trim() !== label.trim() && directionIn(cell) !== undefined);
}

/** Criteria read as "lower is better" by their name when no direction row says otherwise. */
const COST_LIKE = /\b(?:cost|costs|effort|duration|risk|risks)\b/i;

/** A direction written in a cell: max/min words, or "higher is better" / "lower is better". */
export function directionIn(cell: Cell): Direction | undefined {
  const text = cellText(cell).trim();
  if (text === '') return undefined;
  const word = parseDirection(text);
  if (word) return word;
  if (/\b(?:lower|less|smaller|fewer|minimi[sz]e)\b/i.test(text)) return 'min';
  if (/\b(?:higher|more|greater|bigger|larger|maximi[sz]e)\b/i.test(text)) return 'max';
  return undefined;
}

/** A criterion's direction by its name alone: Cost, Effort, Duration and Risk are lower-is-better. */
export function directionByName(name: string): Direction {
  return COST_LIKE.test(name) ? 'min' : 'max';
}

/** What a matrix says about its criteria, one entry per criterion. */
export interface CriteriaSettings {
  /** Each criterion's name as written (trimmed). */
  readonly names: readonly string[];
  /** The weights row's numbers, when the matrix has one (every criterion weighted). */
  readonly weights?: readonly number[];
  /** The direction row's, when it has one (a blank cell reads as higher-is-better). */
  readonly directions?: readonly Direction[];
}

/** How a criterion is named to the user: its name, else "criterion 2" for a criterion without one. */
export const criterionLabel = (names: readonly string[], k: number): string =>
  names[k] || `criterion ${k + 1}`;

/** {@link CriteriaSettings} and where they were read. */
export interface MatrixSettings extends CriteriaSettings {
  /** Grid rows of the weights and direction rows. */
  readonly rows: readonly number[];
}

const firstText = (row: readonly Cell[], left: number, right: number): string => {
  for (let c = left; c <= right; c++)
    if (typeof row[c] === 'string' && !isBlank(row[c] ?? null)) return cellText(row[c] ?? null);
  return '';
};

/**
 * The settings of the matrix whose header is grid row `headerRow` (its group row, if any, is `top`), with its
 * criteria in grid columns `criteria`: weights and direction rows among the rows above it and the rows between
 * the header and `firstData` (its first data row).
 */
export function matrixSettings(
  grid: Grid,
  band: { readonly left: number; readonly right: number },
  top: number,
  headerRow: number,
  firstData: number,
  criteria: readonly number[],
): MatrixSettings {
  const rows: number[] = [];
  let weights: number[] | undefined;
  let directions: Direction[] | undefined;
  const candidates = [
    ...Array.from({ length: Math.min(SETTINGS_ROWS_ABOVE, top) }, (_, i) => top - 1 - i),
    ...Array.from({ length: Math.max(0, firstData - headerRow - 1) }, (_, i) => headerRow + 1 + i),
  ];
  for (const r of candidates) {
    const row = grid[r] ?? [];
    const kind = settingsKind(firstText(row, band.left, band.right));
    if (weights === undefined && kind === 'weights') {
      const read = criteria.map((c) => readNumber(row[c] ?? null));
      if (read.every((value) => value.ok && value.value >= 0)) {
        weights = read.map((value) => (value.ok ? value.value : 0));
        rows.push(r);
      }
    } else if (directions === undefined && kind === 'direction') {
      // A direction row holds directions over the criteria: a title such as "Goal: grow revenue" does not.
      const read = criteria.map((c) => directionIn(row[c] ?? null));
      if (read.every((direction) => direction === undefined)) continue;
      directions = read.map((direction) => direction ?? 'max');
      rows.push(r);
    }
  }
  const names = criteria.map((c) => criterionName(grid, c, headerRow, rows));
  return {
    names,
    ...(weights ? { weights } : {}),
    ...(directions ? { directions } : {}),
    rows: rows.sort((a, b) => a - b),
  };
}

/** A criterion's name: its header text, else the nearest text above the header in its column (not a settings row). */
function criterionName(grid: Grid, c: number, headerRow: number, settings: readonly number[]): string {
  for (let r = headerRow; r >= Math.max(0, headerRow - SETTINGS_ROWS_ABOVE); r--) {
    if (settings.includes(r)) continue;
    const cell = grid[r]?.[c] ?? null;
    if (typeof cell === 'string' && cell.trim() !== '') return cell.trim().replace(/\s+/g, ' ');
  }
  return '';
}

/** How a matrix combines its ratings: Σ w·x, or Σ w·x ÷ Σ w. */
export type Combine = 'sum' | 'weighted';

/** Σ weight × rating of each row by a matrix's own weights, and the reading (directions, sum or average) used. */
export interface MatrixReading {
  readonly scores: readonly (number | undefined)[];
  readonly directions: readonly Direction[];
  readonly combine: Combine;
}

/** A score and Σ weight × rating agree to this relative tolerance. */
const AGREE = 1e-6;

/** True when two scores agree (to {@link AGREE}, relative). */
export const scoresAgree = (a: number, b: number): boolean =>
  Math.abs(a - b) <= AGREE * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * How to read a matrix by its own weights: the directions its direction row gives (`told`), else — with its own
 * Score column (`written`, per row) — the directions (all higher-is-better, else by name) and the sum or average
 * that give the most rows their written score; else by name, summed. Undefined when the weights cannot score.
 * Shared by the dashboard and the scoring panel, so both read a matrix alike.
 */
export function matrixReading(
  ratings: readonly RatingRow[],
  weights: readonly number[],
  names: readonly string[],
  told: readonly Direction[] | undefined,
  written?: readonly (number | undefined)[],
): MatrixReading | undefined {
  const byName = names.map(directionByName);
  const score = (directions: readonly Direction[], combine: Combine): MatrixReading | undefined => {
    const scores = scoreRatings(ratings, weights, directions, combine);
    return isPmoError(scores) ? undefined : { scores, directions, combine };
  };
  if (!written) return score(told ?? byName, 'sum');
  const differing = (reading: MatrixReading) =>
    reading.scores.filter(
      (s, i) => s !== undefined && written[i] !== undefined && !scoresAgree(s, written[i]),
    ).length;
  let best: MatrixReading | undefined;
  for (const directions of told ? [told] : [names.map((): Direction => 'max'), byName])
    for (const combine of ['sum', 'weighted'] as const) {
      const reading = score(directions, combine);
      if (reading && (best === undefined || differing(reading) < differing(best))) best = reading;
    }
  return best;
}
