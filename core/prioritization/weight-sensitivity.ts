// Weight sensitivity for the weighted score: how far each criterion's weight can move, the others rescaled
// proportionally, before the top of the ranking or the funded set changes; and the scores for a previewed weight.
//
// Definitions. Row j's term on criterion k, T[j][k], is its rating as it counts (already reflected for
// less-is-better criteria; independent of the weights); with shares s_k = w_k ÷ Σ w the score is Σ_k s_k·T[j][k].
// Moving criterion i's share to x ∈ [0, 1] while the others keep their ratios gives share_k(x) = s_k·(1−x)/(1−s_i)
// for k ≠ i, so every score is linear in x: score_j(x) = x·T[j][i] + (1−x)·B_j, with B_j = Σ_{k≠i} w_k·T[j][k] ÷ W_o
// and W_o = Σ_{k≠i} w_k. In raw weight units, with the other weights held at their values, w = x·W_o ÷ (1−x); x = 1
// (only criterion i counts) is the limit of an ever larger weight, reported as "no upper limit".
//
// The outcome that must not change is the top row (first of rankOrder) and, when a `funded` callback is given, the
// funded set it returns. Why bisection is enough: the x where row r stays first is the intersection, over the other
// rows j, of {score_r(x) ≥ score_j(x)} (> for j before r in input order, as rankOrder breaks ties by it); each is a
// half-line because both sides are linear in x, so the intersection is an interval. The x where a subset S stays
// the optimal selection is likewise an intersection of half-spaces V_S(x) ≥ V_T(x) over the feasible T (V linear in
// x, ties broken by a fixed rule), an interval too; so is the intersection of both. An interval containing x0 = s_i
// means that on each side of x0 the outcome holds up to one boundary and never comes back: if the end (0 or 1) keeps
// it, the whole side does; otherwise bisection between x0 (kept) and the end (lost) finds the boundary.
// Float noise can only blur this within rankOrder's 12 significant digits, i.e. at exact ties. A bound is the last
// share found to keep the outcome (within the tolerance of the true one); a change seen only at x = 1 itself (rows
// tied on criterion i alone) is no limit, as no finite weight gets there, but one at x = 0 is: a weight can be 0.
//
// A criterion that alone has weight (W_o = 0) has no range: its entry is undefined. Invalid input (no rows,
// weights of the wrong length, negative or non-finite weights, a zero total, a row of the wrong length or with a
// non-finite term, scores that overflow) gives an empty array; nothing here throws on user data.

import { rankOrder } from './scoring';

/** The rows' terms and the weights to analyse. */
export interface SensitivityInput {
  /** Each scored row's terms (ratings as they count), by criterion. */
  readonly terms: readonly (readonly number[])[];
  /** The criteria's weights as set (raw, ≥ 0, total > 0). */
  readonly weights: readonly number[];
  /**
   * The funded rows for given scores (same order as terms), or undefined when nothing is selected. Called about
   * criteria × 2 × log2(1 ÷ tolerance) times, so it should be fast and deterministic (ties broken by a fixed rule).
   */
  readonly funded?: (scores: readonly number[]) => readonly boolean[] | undefined;
  /** Bisection stops when the share interval is below this (default 1e-6; at least 1e-15). */
  readonly tolerance?: number;
}

/** What changes just past a bound (read about half a tolerance beyond the first share found not to keep it). */
export interface Change {
  /** The new top row (index into terms) when the top changes, else undefined. */
  readonly top: number | undefined;
  /** Whether the funded set changes (always false without a `funded` callback). */
  readonly funded: boolean;
}

/** How far one criterion's weight can move before the outcome changes. */
export interface WeightRange {
  readonly criterion: number;
  /** The weight as set, and its share of the total weight. */
  readonly weight: number;
  readonly share: number;
  /** The share interval that keeps the outcome (lowShare ≤ share ≤ highShare; 0 and 1 are the ends). */
  readonly lowShare: number;
  readonly highShare: number;
  /** The raw weight at lowShare, the other weights as set (0 when it can drop to 0). */
  readonly low: number;
  /** The raw weight at highShare; undefined = no upper limit. */
  readonly high: number | undefined;
  /** What changes just past lowShare / highShare; undefined when that bound is the end (0, or no limit). */
  readonly below: Change | undefined;
  readonly above: Change | undefined;
}

const DEFAULT_TOLERANCE = 1e-6;
const MIN_TOLERANCE = 1e-15;

/** The top row and funded set for some scores: what must stay the same. */
interface Outcome {
  readonly top: number | undefined;
  readonly funded: readonly boolean[] | undefined;
}

type Funded = SensitivityInput['funded'];

/** Σ w when the input is valid (see the header), else undefined. */
function validTotal(terms: readonly (readonly number[])[], weights: readonly number[]): number | undefined {
  if (terms.length === 0 || weights.length === 0) return undefined;
  if (!weights.every((weight) => Number.isFinite(weight) && weight >= 0)) return undefined;
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0 && Number.isFinite(total))) return undefined;
  const valid = (row: readonly number[]) =>
    row.length === weights.length && row.every((term) => Number.isFinite(term));
  return terms.every(valid) ? total : undefined;
}

/**
 * Scores for the weights (the panel's slider preview): Σ w·T ÷ Σ w per row, computed exactly as scoreRatings'
 * `weighted` method does. Invalid input (see the module header) gives an empty array.
 * @example scoresFor([[9, 1], [6, 8]], [3, 1]) // [7, 6.5]
 */
export function scoresFor(terms: readonly (readonly number[])[], weights: readonly number[]): number[] {
  const total = validTotal(terms, weights);
  if (total === undefined) return [];
  return terms.map((row) => {
    let sum = 0;
    for (let k = 0; k < weights.length; k++) sum += (weights[k] ?? 0) * (row[k] ?? 0);
    return sum / total;
  });
}

function outcomeOf(scores: readonly number[], funded: Funded): Outcome {
  return { top: rankOrder(scores)[0], funded: funded?.(scores) };
}

function sameFunded(a: readonly boolean[] | undefined, b: readonly boolean[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((value, row) => value === b[row]);
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.top === b.top && sameFunded(a.funded, b.funded);
}

/** One side of x0: the last share found to keep the outcome and the outcome just past it (undefined at the end). */
interface Side {
  readonly bound: number;
  readonly past: Outcome | undefined;
}

/** Bisection between x0 (kept) and the end (0 or 1); valid because the kept region is an interval (header). */
function side(at: (x: number) => Outcome, base: Outcome, x0: number, end: number, tolerance: number): Side {
  if (x0 === end) return { bound: end, past: undefined };
  const atEnd = at(end);
  if (sameOutcome(atEnd, base)) return { bound: end, past: undefined };
  let keep = x0;
  let lose = end;
  while (Math.abs(lose - keep) > tolerance) {
    const mid = (keep + lose) / 2;
    if (mid === keep || mid === lose) break;
    if (sameOutcome(at(mid), base)) keep = mid;
    else lose = mid;
  }
  // Lost only at x = 1 itself: ties on criterion i alone, which no finite weight reaches, so no upper limit.
  if (end === 1 && lose === 1) return { bound: 1, past: undefined };
  // The change is read half a tolerance beyond the first share found to lose, not at it: a bisection point can
  // land exactly on a crossing (0.25 from x0 = 0, say), where rows tie and input order decides for that one x only.
  // Beyond the lost point the outcome still differs from x0's, as the kept region is an interval.
  const beyond = Math.min(1, Math.max(0, lose + (end > x0 ? tolerance : -tolerance) / 2));
  return { bound: keep, past: beyond === end ? atEnd : at(beyond) };
}

function changeOf(past: Outcome | undefined, base: Outcome): Change | undefined {
  if (!past) return undefined;
  return { top: past.top === base.top ? undefined : past.top, funded: !sameFunded(past.funded, base.funded) };
}

function criterionRange(
  input: SensitivityInput,
  criterion: number,
  total: number,
  base: Outcome,
  tolerance: number,
): WeightRange | undefined {
  const { terms, weights, funded } = input;
  let others = 0;
  weights.forEach((weight, k) => {
    if (k !== criterion) others += weight;
  });
  if (!(others > 0)) return undefined;
  const weight = weights[criterion] ?? 0;
  const share = weight / total;
  const rest = terms.map((row) => {
    let sum = 0;
    row.forEach((term, k) => {
      if (k !== criterion) sum += (weights[k] ?? 0) * term;
    });
    return sum / others;
  });
  const at = (x: number) =>
    outcomeOf(
      terms.map((row, j) => x * (row[criterion] ?? 0) + (1 - x) * (rest[j] ?? 0)),
      funded,
    );
  const below = side(at, base, share, 0, tolerance);
  const above = side(at, base, share, 1, tolerance);
  // Raw weight at share x, the others as set; the bound x0 itself maps back to the weight as set exactly.
  const raw = (x: number) => (x === share ? weight : Math.min((x * others) / (1 - x), Number.MAX_VALUE));
  return {
    criterion,
    weight,
    share,
    lowShare: below.bound,
    highShare: above.bound,
    low: below.bound === 0 ? 0 : raw(below.bound),
    high: above.bound === 1 ? undefined : raw(above.bound),
    below: changeOf(below.past, base),
    above: changeOf(above.past, base),
  };
}

/**
 * For each criterion, the range its weight can move (the others rescaled proportionally) before the top row or
 * the funded set changes; undefined for a criterion that alone has weight. Invalid input gives [] (module header).
 * @example
 * // Rows [9, 1], [6, 8], [4, 10] at weights 3 and 1: the first row stays on top while criterion 0 keeps at least
 * // 70% of the weight (raw 7 ÷ 3, criterion 1 at 1), and criterion 1 at most 30% (raw 9 ÷ 7).
 * weightSensitivity({ terms: [[9, 1], [6, 8], [4, 10]], weights: [3, 1] })[0]
 * // { criterion: 0, weight: 3, share: 0.75, lowShare: ≈0.7, highShare: 1, low: ≈2.333, high: undefined,
 * //   below: { top: 1, funded: false }, above: undefined }
 */
export function weightSensitivity(input: SensitivityInput): (WeightRange | undefined)[] {
  const total = validTotal(input.terms, input.weights);
  if (total === undefined) return [];
  const scores = scoresFor(input.terms, input.weights);
  if (!scores.every((score) => Number.isFinite(score))) return [];
  // A tolerance below 1e-15 is raised to it, so a side takes at most about 50 calls of `funded`.
  const tolerance =
    input.tolerance !== undefined && input.tolerance > 0 && Number.isFinite(input.tolerance)
      ? Math.max(input.tolerance, MIN_TOLERANCE)
      : DEFAULT_TOLERANCE;
  const base = outcomeOf(scores, input.funded);
  return input.weights.map((_, criterion) => criterionRange(input, criterion, total, base, tolerance));
}
