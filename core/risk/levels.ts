// Risk scores and levels (DESIGN §6, §10): P × I, score bands (default 5×5 and fraction bands, or the
// user's own), and explicit N×N colour maps for matrices that bands cannot express (asymmetric ones).

import { type Cell, cellText, flushDenormal, isBlank, parseNumberText } from '../cells';
import { type PmoError, pmoError, quote } from '../errors';
import type { RatingScale } from './scales';

/** One band: every score at or above `minimumScore` (and below the next band's minimum) gets `label`. */
export interface RiskBand {
  readonly minimumScore: number;
  readonly label: string;
}

/** Bands sorted by ascending minimum score, minimums distinct. */
export type RiskBands = readonly RiskBand[];

/** The four level names of the default bands, lowest first. */
export const RISK_LEVELS = ['Low', 'Moderate', 'High', 'Extreme'] as const;
/** One of the default level names. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Default bands on the 1–5 scale (NHS/NPSA 5×5): 1–3 Low, 4–6 Moderate, 8–12 High, 15–25 Extreme. */
export const DEFAULT_RATING_BANDS: RiskBands = [
  { minimumScore: 1, label: 'Low' },
  { minimumScore: 4, label: 'Moderate' },
  { minimumScore: 8, label: 'High' },
  { minimumScore: 15, label: 'Extreme' },
];

/** Default bands on fractions: Low < 0.05 ≤ Moderate < 0.15 ≤ High < 0.35 ≤ Extreme. */
export const DEFAULT_FRACTION_BANDS: RiskBands = [
  { minimumScore: 0, label: 'Low' },
  { minimumScore: 0.05, label: 'Moderate' },
  { minimumScore: 0.15, label: 'High' },
  { minimumScore: 0.35, label: 'Extreme' },
];

/** The default bands of a scale. */
export function defaultBands(scale: RatingScale): RiskBands {
  return scale === 'rating' ? DEFAULT_RATING_BANDS : DEFAULT_FRACTION_BANDS;
}

/**
 * The risk score: probability × impact, on either scale (1–25 for ratings, 0–1 for fractions).
 * @example riskScore(4, 5) // 20
 */
export function riskScore(probability: number, impact: number): number {
  return probability * impact;
}

/**
 * The index of the band `score` falls in, or -1 when it is below the lowest minimum.
 * Work is O(log bands).
 */
export function bandIndex(score: number, bands: RiskBands): number {
  let low = 0;
  let high = bands.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (score >= (bands[middle]?.minimumScore ?? Number.POSITIVE_INFINITY)) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * The level label of `score`, or undefined when it is below the lowest band.
 * @example levelOf(12, DEFAULT_RATING_BANDS) // 'High'
 */
export function levelOf(score: number, bands: RiskBands): string | undefined {
  return bands[bandIndex(score, bands)]?.label;
}

/**
 * Reads a `bands` range: two columns (minimum score, label), optionally under a header row, in any order.
 * Minimums may be numbers or percentages ("5%"); blank rows are skipped.
 * @returns the bands sorted by minimum, or an error naming the first bad row.
 * @example readBands([['Min', 'Level'], [0, 'Green'], [0.1, 'Amber'], [0.3, 'Red']])
 */
export function readBands(grid: readonly (readonly Cell[])[], fn: string): RiskBands | PmoError {
  if (grid.length === 0 || grid.some((row) => row.length !== 2)) {
    return pmoError(
      'value',
      `${fn}'s bands must be a range of two columns (minimum score, label) or a square colour map of labels.`,
    );
  }
  const bands: RiskBand[] = [];
  for (const [index, row] of grid.entries()) {
    const minimum = row[0] ?? null;
    const label = row[1] ?? null;
    if (isBlank(minimum) && isBlank(label)) continue;
    const number =
      typeof minimum === 'number'
        ? flushDenormal(minimum)
        : typeof minimum === 'string'
          ? parseNumberText(minimum)?.value
          : undefined;
    if (index === 0 && number === undefined && typeof minimum === 'string' && !isBlank(minimum)) continue;
    if (number === undefined || !Number.isFinite(number)) {
      return pmoError(
        'value',
        `${fn}'s bands need a number as the minimum score in row ${index + 1}, not ${quote(cellText(minimum))}.`,
      );
    }
    if (isBlank(label)) {
      return pmoError(
        'value',
        `${fn}'s bands need a label for the band starting at ${number} (row ${index + 1}).`,
      );
    }
    bands.push({ minimumScore: number, label: cellText(label) });
  }
  if (bands.length === 0) return pmoError('value', `${fn}'s bands range holds no band.`);
  bands.sort((a, b) => a.minimumScore - b.minimumScore);
  for (let i = 1; i < bands.length; i++) {
    const band = bands[i];
    if (band && band.minimumScore === bands[i - 1]?.minimumScore) {
      return pmoError('value', `${fn}'s bands start two bands at the same score ${band.minimumScore}.`);
    }
  }
  return bands;
}

/**
 * An N×N colour map: `labels[p - 1][i - 1]` is the level of probability p and impact i (both 1..N).
 * Unlike bands it can weigh impact more than probability.
 */
export interface RiskMatrix {
  readonly size: number;
  readonly labels: readonly (readonly string[])[];
}

/**
 * Builds a {@link RiskMatrix} from rows as published: the top row is the most likely, the first column
 * the smallest impact (the layout HEATMAP returns). Every cell must hold a label.
 * @example riskMatrixFromRows([['Moderate', 'High'], ['Low', 'Moderate']]) // 2×2, P2·I2 = 'High'
 */
export function riskMatrixFromRows(
  rows: readonly (readonly Cell[])[],
  fn = 'The risk matrix',
): RiskMatrix | PmoError {
  const size = rows.length;
  if (size < 2 || rows.some((row) => row.length !== size)) {
    return pmoError('value', `${fn} colour map must be square (N rows × N columns of labels, N ≥ 2).`);
  }
  const labels: string[][] = [];
  for (let p = 1; p <= size; p++) {
    const row = rows[size - p] ?? [];
    const labelRow: string[] = [];
    for (let i = 1; i <= size; i++) {
      const cell = row[i - 1] ?? null;
      if (isBlank(cell) || typeof cell !== 'string' || parseNumberText(cell) !== undefined) {
        return pmoError(
          'value',
          `${fn} colour map needs a label in every cell; row ${size - p + 1}, column ${i} holds ${quote(cellText(cell))}.`,
        );
      }
      labelRow.push(cellText(cell));
    }
    labels.push(labelRow);
  }
  return { size, labels };
}

/**
 * The level of a risk rated `probability` and `impact` (1..size) in a colour map; undefined outside it.
 * @example levelFromMatrix(matrix, 5, 1) // the top-left cell as published
 */
export function levelFromMatrix(matrix: RiskMatrix, probability: number, impact: number): string | undefined {
  return matrix.labels[probability - 1]?.[impact - 1];
}

/**
 * The colour map that score bands give on an N-point rating scale (cell = band of p × i), for dashboards
 * that colour a heatmap. Cells below every band hold ''.
 */
export function riskMatrixFromBands(bands: RiskBands, size = 5): RiskMatrix {
  const labels: string[][] = [];
  for (let p = 1; p <= size; p++) {
    const row: string[] = [];
    for (let i = 1; i <= size; i++) row.push(levelOf(riskScore(p, i), bands) ?? '');
    labels.push(row);
  }
  return { size, labels };
}
