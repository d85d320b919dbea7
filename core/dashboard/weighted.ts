// Ranking a scoring matrix by its own weights (issue 14 item 4): Σ weight × rating over the criteria, each
// criterion's direction from the matrix's direction row, else from the matrix's own Score column (the directions
// and the sum or average that reproduce it), else from its name (Cost, Effort, Duration, Risk are lower-is-better).
// Where the matrix's Score column disagrees with its weights, each row that differs is reported.

import { cellText, readNumber } from '../cells';
import {
  type CriteriaSettings,
  criterionLabel,
  type MatrixReading,
  matrixReading,
  scoresAgree,
} from '../discovery/weights';
import type { RatingRow } from '../prioritization/scoring';
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

/** Σ weight × rating of each row (undefined where a rating cannot be read), by the matrix's own weights. */
export type WeightedScores = MatrixReading;

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
  const best = matrixReading(ratings, weights, names, told, written);
  if (!best || !written) return best;
  const { scores } = best;
  const weightsText = names.map((_, k) => `${criterionLabel(names, k)} ${weights[k]}`).join(', ');
  for (const [i, row] of rows.entries()) {
    const score = scores[i];
    const given = written[i];
    if (score === undefined || given === undefined || scoresAgree(score, given)) continue;
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
      (_, k) =>
        `${criterionLabel(weighted.names, k)} ${weighted.weights[k]}${weighted.directions[k] === 'min' ? ' (lower is better)' : ''}`,
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
