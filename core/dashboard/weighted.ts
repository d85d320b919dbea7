// Ranking a scoring matrix by its own weights (issue 14 item 4): Σ weight × rating over the criteria, each
// criterion's direction from the matrix's direction row, else from the matrix's own Score column (the directions
// and the sum or average that reproduce it), else from its name (Cost, Effort, Duration, Risk are lower-is-better).
// Where the matrix's Score column disagrees with its weights, each row that differs is reported.

import { cellText, readNumber } from '../cells';
import type { CriteriaSettings } from '../discovery/weights';
import { directionByName } from '../discovery/weights';
import { isPmoError } from '../errors';
import { type Direction, type RatingRow, scoreRatings } from '../prioritization/scoring';
import type { FoundTable, RowIssue, TableRow } from '../table';
import type { LocatedTable } from '../workbook';

/** The ranking method of a matrix ranked by its own weights. */
export const WEIGHTED_METHOD = 'Weighted score';

/** A matrix's criteria (columns of its grid) and what it says about them. */
export interface WeightedMatrix {
  readonly criteria: readonly number[];
  readonly settings: CriteriaSettings;
}

/** The criteria and settings discovery found with an initiatives table, when it found both. */
export function matrixOf(table: LocatedTable): WeightedMatrix | undefined {
  return table.criteria && table.matrix ? { criteria: table.criteria, settings: table.matrix } : undefined;
}

/** How the matrix combines its ratings: Σ w·x, or Σ w·x ÷ Σ w. */
type Combine = 'sum' | 'weighted';

/** A score and Σ weight × rating agree to this relative tolerance (the workbook rounds nothing we do not). */
const AGREE = 1e-6;

const agree = (a: number, b: number) => Math.abs(a - b) <= AGREE * Math.max(1, Math.abs(a), Math.abs(b));

/** Each row's ratings, undefined for a row with a criterion cell that is not a number (reported). */
function ratingsOf(table: FoundTable, rows: readonly TableRow[], matrix: WeightedMatrix, issues: RowIssue[]) {
  return rows.map((row): RatingRow => {
    const values: number[] = [];
    for (const [k, c] of matrix.criteria.entries()) {
      const cell = row.cells[c] ?? null;
      const read = readNumber(cell);
      if (!read.ok) {
        const column = matrix.settings.names[k] || (table.headers[c] ?? '');
        issues.push({
          table: table.spec.name,
          row: row.number,
          column,
          value: cellText(cell),
          problem: `${read.problem}: not ranked`,
        });
        return undefined;
      }
      values.push(read.value);
    }
    return values;
  });
}

function sums(
  ratings: readonly RatingRow[],
  weights: readonly number[],
  directions: readonly Direction[],
  combine: Combine,
) {
  const scored = scoreRatings(ratings, weights, directions, combine);
  return isPmoError(scored) ? undefined : scored;
}

/** Σ weight × rating of each row (undefined where a rating cannot be read), by the matrix's own weights. */
export interface WeightedScores {
  readonly scores: readonly (number | undefined)[];
  readonly directions: readonly Direction[];
  readonly combine: Combine;
}

/**
 * Scores the rows of a matrix with weights by its own weights. With `written` (the matrix's Score column, read per
 * row), the directions and the sum or average that reproduce it are used when some do, and every row whose written
 * score differs is reported in `issues`; ratings that cannot be read are reported only when `written` is absent (the
 * rows are then ranked by these scores).
 */
export function weightedScores(
  table: FoundTable,
  rows: readonly TableRow[],
  matrix: WeightedMatrix,
  issues: RowIssue[],
  written?: readonly (number | undefined)[],
): WeightedScores | undefined {
  const { weights, directions: told, names } = matrix.settings;
  if (!weights) return undefined;
  const ratings = ratingsOf(table, rows, matrix, written ? [] : issues);
  const byName = names.map(directionByName);
  const options: { directions: readonly Direction[]; combine: Combine }[] = (
    told ? [told] : [names.map((): Direction => 'max'), byName]
  ).flatMap((directions) => (['sum', 'weighted'] as const).map((combine) => ({ directions, combine })));
  const fallback = { directions: told ?? byName, combine: 'sum' as Combine };
  if (!written) {
    const scores = sums(ratings, weights, fallback.directions, 'sum');
    return scores ? { ...fallback, scores } : undefined;
  }
  // The reading that gives the most rows their written Score (all of them, when the matrix is consistent).
  const differing = (scores: readonly (number | undefined)[]) =>
    scores.filter((score, i) => score !== undefined && written[i] !== undefined && !agree(score, written[i]))
      .length;
  let best: WeightedScores | undefined;
  for (const option of options) {
    const scores = sums(ratings, weights, option.directions, option.combine);
    if (scores && (best === undefined || differing(scores) < differing(best.scores)))
      best = { ...option, scores };
  }
  if (!best) return undefined;
  const { scores } = best;
  const weightsText = names.map((name, k) => `${name || `criterion ${k + 1}`} ${weights[k]}`).join(', ');
  for (const [i, row] of rows.entries()) {
    const score = scores[i];
    const given = written[i];
    if (score === undefined || given === undefined || agree(score, given)) continue;
    issues.push({
      table: table.spec.name,
      row: row.number,
      column: table.headers[table.columns.get('score') ?? -1] || 'Score',
      value: String(given),
      problem: `not Σ weight × rating by the matrix's weights (${weightsText}) = ${Number(score.toPrecision(10))}: ranked by the Score as written`,
    });
  }
  return best;
}

/** The dashboard's note on a ranking that used a matrix's own weights: the formula and the weights. */
export function weightsNote(
  method: string | undefined,
  weighted: NonNullable<InitiativeRankingWeights>,
): string {
  const list = weighted.names
    .map(
      (name, k) =>
        `${name || `criterion ${k + 1}`} ${weighted.weights[k]}${weighted.directions[k] === 'min' ? ' (lower is better)' : ''}`,
    )
    .join(', ');
  const how = weighted.combine === 'sum' ? 'Σ weight × rating' : 'Σ weight × rating ÷ Σ weight';
  return method === WEIGHTED_METHOD
    ? `Weighted score = ${how}, with the matrix's own weights: ${list}. A lower-is-better rating counts as its reflection within the criterion's range.`
    : `The matrix's own weights (${list}) give its Score column as ${how}, except on the rows listed under Data issues.`;
}

type InitiativeRankingWeights = WeightedScores & {
  readonly names: readonly string[];
  readonly weights: readonly number[];
};
