// The Rank column the panel and the dashboard write (1 = best). Apart from scoring.ts, which the custom functions
// ship: none of them writes ranks (DESIGN §9's functions.js budget).

import { rankOrder } from './scoring';

/**
 * The rank of each row: 1 = best, every rank distinct (ties keep input order), undefined for rows without a
 * score. Used by the panel and the dashboard to write a Rank column.
 * @example rankScores([2, 5, 2]) // [2, 1, 3]
 */
export function rankScores(scores: readonly (number | undefined)[]): (number | undefined)[] {
  const ranks: (number | undefined)[] = scores.map(() => undefined);
  rankOrder(scores).forEach((row, index) => {
    ranks[row] = index + 1;
  });
  return ranks;
}
