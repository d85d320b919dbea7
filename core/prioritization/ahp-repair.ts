// Repairing an inconsistent AHP matrix (the scoring panel's suggestion, Saaty's rule of thumb): the judgement that
// most harms consistency and the value on Saaty's scale that repairs it. Only the panel uses it, so it lives apart
// from ahp.ts, which the custom functions ship (DESIGN §9's functions.js budget).

import type { PmoError } from '../errors';
import {
  type Consistency,
  consistencyOf,
  type PairwiseMatrix,
  principalEigen,
  type RandomIndexTable,
  SAATY_RI,
} from './ahp';

/** Saaty's fundamental scale and its reciprocals: 1/9, 1/8, …, 1/2, 1, 2, …, 9. */
export const SAATY_SCALE: readonly number[] = [
  ...[9, 8, 7, 6, 5, 4, 3, 2].map((value) => 1 / value),
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
];

/**
 * The value on Saaty's 1/9…9 scale nearest to `ratio` on a logarithmic axis (ratios are compared as ratios:
 * 2.9 is nearer 3 than 2, 1/2.9 nearer 1/3). A tie goes to the value nearer 1.
 */
export function nearestScaleValue(ratio: number): number {
  const target = Math.log(ratio);
  let best = 1;
  let bestDistance = Math.abs(target);
  for (const value of SAATY_SCALE) {
    const distance = Math.abs(Math.log(value) - target);
    if (distance < bestDistance - 1e-12) {
      best = value;
      bestDistance = distance;
    }
  }
  return best;
}

/** The judgement to revisit first, and the Saaty-scale value that repairs it. Indices are 0-based, row < column. */
export interface JudgementRepair {
  readonly row: number;
  readonly column: number;
  /** The judgement as entered, a[row][column]. */
  readonly current: number;
  /** What the weights imply it should be: w[row] ÷ w[column]. */
  readonly implied: number;
  /** The nearest value to `implied` on the 1/9…9 scale. */
  readonly suggested: number;
  readonly before: Consistency;
  readonly after: Consistency;
}

/**
 * The judgement that most harms consistency and the value that repairs it (Saaty's rule of thumb): with
 * eigenvector weights w, the pair i < j whose entry deviates most from w_i ÷ w_j (largest |ln(a_ij·w_j ÷ w_i)|),
 * replaced by the scale value nearest to w_i ÷ w_j. If that value is already entered, or replacing it would not
 * lower λmax, the next most deviating pair is tried, so a returned suggestion always lowers CR.
 * Returns undefined when n ≤ 2, when CR is already 0, or when no single change to a scale value lowers λmax.
 */
export function suggestRepair(
  matrix: PairwiseMatrix,
  table: RandomIndexTable = SAATY_RI,
): JudgementRepair | undefined | PmoError {
  const n = matrix.length;
  const before = consistencyOf(matrix, table);
  if ('kind' in before) return before;
  if (n <= 2 || before.consistencyIndex === 0) return undefined;
  const { weights } = principalEigen(matrix);
  const pairs: { row: number; column: number; deviation: number }[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const implied = (weights[i] ?? 1) / (weights[j] ?? 1);
      pairs.push({ row: i, column: j, deviation: Math.abs(Math.log((matrix[i]?.[j] ?? 1) / implied)) });
    }
  pairs.sort((a, b) => b.deviation - a.deviation || a.row - b.row || a.column - b.column);
  for (const { row, column } of pairs) {
    const current = matrix[row]?.[column] ?? 1;
    const implied = (weights[row] ?? 1) / (weights[column] ?? 1);
    const suggested = nearestScaleValue(implied);
    if (Math.abs(suggested / current - 1) < 1e-9) continue;
    const changed = matrix.map((line) => [...line]);
    (changed[row] as number[])[column] = suggested;
    (changed[column] as number[])[row] = 1 / suggested;
    const after = consistencyOf(changed, table);
    if ('kind' in after) return after;
    if (after.lambdaMax < before.lambdaMax - 1e-12 * n)
      return { row, column, current, implied, suggested, before, after };
  }
  return undefined;
}
