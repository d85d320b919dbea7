// Each criterion's part of a weighted score ("why this rank", issue 16.5). A criterion's rating as it counts (x, the
// reflected max + min − x of a less-is-better one, or its place 0–1 for minmax) is what scoreRatings gives when that
// criterion alone has weight: the same ranges over the same rows, so the parts add up to SCORE's score. A module
// of its own: the task pane needs it, the cell functions (functions.js, at its size budget) do not.

import { isPmoError, type PmoError } from '../errors';
import { type Direction, type RatingRow, type ScoreMethod, scoreRatings } from './scoring';

/** One criterion's part of a row's score: the rating as it counts and its weighted share of the score. */
export interface ScoreTerm {
  readonly term: number;
  readonly contribution: number;
}

/**
 * Each criterion's part of each row's score as {@link scoreRatings} computes it: w·x′ ÷ Σ w (`weighted`), w·u ÷ Σ w
 * (`minmax`) or w·x′ (`sum`); a row's parts add up to its score (to rounding). Same inputs, same errors.
 * @example scoreContributions([[8, 3], [6, 1]], [2, 1], ['max', 'min'], 'weighted')[0] // [{ term: 8, contribution: 16 ÷ 3 }, { term: 1, contribution: 1 ÷ 3 }]
 */
export function scoreContributions(
  ratings: readonly RatingRow[],
  weights: readonly number[],
  directions: readonly Direction[],
  method: ScoreMethod,
): (ScoreTerm[] | undefined)[] | PmoError {
  const checked = scoreRatings(ratings, weights, directions, method);
  if (isPmoError(checked)) return checked;
  const divisor = method === 'sum' ? 1 : weights.reduce((total, weight) => total + weight, 0);
  // Criterion c alone, at weight 1: its term for every row (`weighted` of one criterion is the term itself).
  const terms = weights.map((_, c) =>
    scoreRatings(
      ratings,
      weights.map((__, k) => (k === c ? 1 : 0)),
      directions,
      method === 'minmax' ? 'minmax' : 'weighted',
    ),
  );
  return ratings.map((row, r) =>
    row
      ? weights.map((weight, c) => {
          const column = terms[c];
          const term = column && !isPmoError(column) ? (column[r] ?? 0) : 0;
          return { term, contribution: (weight * term) / divisor };
        })
      : undefined,
  );
}
