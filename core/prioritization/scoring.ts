// Scoring methods for an initiative backlog (DESIGN §6, §10 "Scoring"): weighted average, weighted sum and
// min–max rescaling with max/min criteria, and a stable ranking. Pure maths on numbers the catalog has read.

import { type PmoError, pmoError } from '../errors';

/** How ratings combine into a score. */
export type ScoreMethod = 'weighted' | 'sum' | 'minmax';

export const SCORE_METHODS: readonly ScoreMethod[] = ['weighted', 'sum', 'minmax'];

/** Whether a higher rating is better (`max`) or worse (`min`, a cost-like criterion). */
export type Direction = 'max' | 'min';

const DIRECTION_WORDS: ReadonlyMap<string, Direction> = new Map(
  Object.entries({
    max: 'max',
    maximum: 'max',
    maximise: 'max',
    maximize: 'max',
    benefit: 'max',
    higher: 'max',
    high: 'max',
    '+': 'max',
    min: 'min',
    minimum: 'min',
    minimise: 'min',
    minimize: 'min',
    cost: 'min',
    lower: 'min',
    low: 'min',
    '-': 'min',
  }),
);

/**
 * Reads a direction word: `max` (also benefit, higher) or `min` (also cost, lower), any case and spacing.
 * Returns undefined for anything else; the caller decides what blank means (DESIGN: blank = `max`).
 * @example parseDirection(' Cost ') // 'min'
 */
export function parseDirection(text: string): Direction | undefined {
  return DIRECTION_WORDS.get(text.trim().toLowerCase().replace(/\s+/g, ''));
}

/** One row's ratings, or undefined for a row the caller could not read (it gets no score). */
export type RatingRow = readonly number[] | undefined;

/**
 * Scores each row of `ratings` by `method` (DESIGN §10):
 * - `weighted`: Σ w·x′ ÷ Σ w; `sum`: Σ w·x′, where x′ = x for a `max` criterion and x′ = max + min − x
 *   (reflected within the criterion's observed range) for a `min` criterion;
 * - `minmax`: Σ w·u ÷ Σ w with u = (x − min) ÷ (max − min), or (max − x) ÷ (max − min) for `min`;
 *   a constant criterion gives u = 1.
 * The observed min and max of a criterion are taken over the rows that are scored (undefined rows are left out).
 * @param ratings rows × criteria; every defined row has one finite number per criterion.
 * @param weightsRaw one non-negative weight per criterion (any scale; they need not sum to 1).
 * @param directions one direction per criterion.
 * @returns one score per row (undefined where the row was undefined), or an error for bad weights.
 * @example scoreRatings([[8, 3], [6, 1]], [2, 1], ['max', 'min'], 'weighted') // [(2·8 + 1·1) ÷ 3, (2·6 + 1·3) ÷ 3]
 */
export function scoreRatings(
  ratings: readonly RatingRow[],
  weightsRaw: readonly number[],
  directions: readonly Direction[],
  method: ScoreMethod,
): (number | undefined)[] | PmoError {
  const criteria = weightsRaw.length;
  if (criteria === 0) return pmoError('value', 'There are no weights: give one weight per criterion.');
  if (directions.length !== criteria)
    return pmoError('value', `There are ${criteria} weights but ${directions.length} directions.`);
  for (let c = 0; c < criteria; c++) {
    const weight = weightsRaw[c] ?? Number.NaN;
    if (!Number.isFinite(weight) || weight < 0)
      return pmoError('value', `Weight ${c + 1} is ${weight}; weights must be numbers ≥ 0.`);
  }
  const weightTotal = weightsRaw.reduce((total, weight) => total + weight, 0);
  if (!(weightTotal > 0)) return pmoError('value', 'All weights are 0: at least one weight must be above 0.');
  const lows = new Array<number>(criteria).fill(Number.POSITIVE_INFINITY);
  const highs = new Array<number>(criteria).fill(Number.NEGATIVE_INFINITY);
  for (const row of ratings) {
    if (!row) continue;
    if (row.length !== criteria)
      return pmoError('value', `A row has ${row.length} ratings but there are ${criteria} weights.`);
    for (let c = 0; c < criteria; c++) {
      const rating = row[c] ?? 0;
      if (rating < (lows[c] ?? 0)) lows[c] = rating;
      if (rating > (highs[c] ?? 0)) highs[c] = rating;
    }
  }
  return ratings.map((row) => {
    if (!row) return undefined;
    let total = 0;
    for (let c = 0; c < criteria; c++) {
      const rating = row[c] ?? 0;
      const low = lows[c] ?? 0;
      const high = highs[c] ?? 0;
      const isMin = directions[c] === 'min';
      let term: number;
      if (method === 'minmax') {
        term = high > low ? (isMin ? high - rating : rating - low) / (high - low) : 1;
      } else {
        term = isMin ? high + low - rating : rating;
      }
      total += (weightsRaw[c] ?? 0) * term;
    }
    return method === 'sum' ? total : total / weightTotal;
  });
}

/** Scores that agree to this many significant digits rank as ties (floating-point noise must not reorder). */
export const RANK_SIGNIFICANT_DIGITS = 12;

function rankKey(score: number): number {
  return Number(score.toPrecision(RANK_SIGNIFICANT_DIGITS));
}

/**
 * The order of rows best first: highest score first, ties (equal to 12 significant digits) in input order,
 * rows without a score (undefined) left out.
 * @example rankOrder([2, 5, 2, undefined]) // [1, 0, 2]
 */
export function rankOrder(scores: readonly (number | undefined)[]): number[] {
  const rows: number[] = [];
  scores.forEach((score, row) => {
    if (score !== undefined && Number.isFinite(score)) rows.push(row);
  });
  const keys = scores.map((score) => (score === undefined ? 0 : rankKey(score)));
  return rows.sort((a, b) => (keys[b] ?? 0) - (keys[a] ?? 0) || a - b);
}

/** The inputs of one WSJF row (SAFe): three cost-of-delay parts and the job size. */
export interface WsjfRow {
  readonly businessValue: number;
  readonly timeCriticality: number;
  readonly riskReduction: number;
  readonly jobSize: number;
}

/**
 * Weighted Shortest Job First as SAFe defines it: (user-business value + time criticality + risk reduction |
 * opportunity enablement) ÷ job size. A job size ≤ 0 is an error value for the row.
 * @example wsjfScore({ businessValue: 8, timeCriticality: 5, riskReduction: 13, jobSize: 5 }) // 5.2
 */
export function wsjfScore(row: WsjfRow): number | PmoError {
  if (!(row.jobSize > 0)) return pmoError('value', 'job size must be > 0');
  return finiteScore((row.businessValue + row.timeCriticality + row.riskReduction) / row.jobSize, 'job size');
}

/** Intercom's impact scale: massive 3, high 2, medium 1, low 0.5, minimal 0.25. */
export const IMPACT_LABELS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    massive: 3,
    high: 2,
    medium: 1,
    low: 0.5,
    minimal: 0.25,
  }),
);

/** Intercom's confidence scale: high 100%, medium 80%, low 50%. */
export const CONFIDENCE_LABELS: ReadonlyMap<string, number> = new Map(
  Object.entries({ high: 1, medium: 0.8, low: 0.5 }),
);

/** Reads an impact label (any case, stray spaces, an optional trailing "impact"); undefined when unknown. */
export function parseImpactLabel(text: string): number | undefined {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/\s*impact$/, '')
    .replace(/\s+/g, '');
  return IMPACT_LABELS.get(word);
}

/** Reads a confidence label (any case, an optional trailing "confidence"); undefined when unknown. */
export function parseConfidenceLabel(text: string): number | undefined {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/\s*confidence$/, '')
    .replace(/\s+/g, '');
  return CONFIDENCE_LABELS.get(word);
}

/** The inputs of one RICE row (Intercom). */
export interface RiceRow {
  readonly reach: number;
  readonly impact: number;
  /** Confidence as a fraction: 0.8 = 80%. */
  readonly confidenceRatio: number;
  readonly effort: number;
}

/**
 * RICE as Intercom defines it: reach × impact × confidence ÷ effort. Effort ≤ 0, negative reach or impact,
 * and confidence outside 0–100% are error values for the row.
 * @example riceScore({ reach: 450, impact: 3, confidenceRatio: 1, effort: 2 }) // 675
 */
export function riceScore(row: RiceRow): number | PmoError {
  if (!(row.effort > 0)) return pmoError('value', 'effort must be > 0');
  if (row.reach < 0) return pmoError('value', 'reach must be ≥ 0');
  if (row.impact < 0) return pmoError('value', 'impact must be ≥ 0');
  if (row.confidenceRatio < 0 || row.confidenceRatio > 1)
    return pmoError('value', 'confidence must be between 0% and 100%');
  return finiteScore((row.reach * row.impact * row.confidenceRatio) / row.effort, 'effort');
}

/**
 * A score, or the row's error when the division overflowed: a divisor such as 1e-300 makes any quotient too
 * large for a number, and the cell says so instead of holding Infinity.
 */
function finiteScore(score: number, divisor: string): number | PmoError {
  return Number.isFinite(score)
    ? score
    : pmoError('value', `the score is too large to hold: ${divisor} is too close to 0 for these values`);
}
