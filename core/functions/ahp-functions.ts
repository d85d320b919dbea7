// Catalog entries for the Analytic Hierarchy Process (DESIGN §6, §10): AHP_WEIGHTS and AHP_CR.

import { type Cell, cellText, isBlank, readNumber } from '../cells';
import { isPmoError, type PmoError, pmoError, quote } from '../errors';
import {
  ahpWeights,
  consistencyOf,
  customRandomIndexTable,
  RANDOM_INDEX_TABLES,
  type RandomIndexTable,
  randomIndexTableNamed,
  readPairwiseMatrix,
  SAATY_RI,
  WEIGHT_METHODS,
} from '../prioritization/ahp';
import { columnResult, isNumberLike } from './columns';
import { listCells } from './scoring-functions';
import { defineFunction, type Grid } from './types';

const MATRIX = {
  name: 'matrix',
  kind: 'table',
  description: 'Square pairwise matrix (a_ij = how much more row i matters than column j); labels optional.',
} as const;

export const AHP_WEIGHTS = /* @__PURE__ */ defineFunction({
  name: 'AHP_WEIGHTS',
  description:
    'AHP priority weights (summing to 1) from a pairwise comparison matrix: principal eigenvector (default) or row geometric mean. Accepts "1/3" text and an upper-triangle-only matrix.',
  returns:
    'The weights as a column, one per matrix row (a header cell Weight when the matrix had a header row).',
  params: [
    MATRIX,
    {
      name: 'method',
      kind: 'choice',
      optional: true,
      values: WEIGHT_METHODS,
      default: 'eigen',
      aliases: {
        eigenvector: 'eigen',
        principal: 'eigen',
        ev: 'eigen',
        geometricmean: 'geometric',
        'geometric-mean': 'geometric',
        gm: 'geometric',
        rgm: 'geometric',
      },
      description: '"eigen" (default, principal eigenvector) or "geometric" (row geometric mean).',
    },
  ],
  run: ([matrix, method]) => {
    const read = readPairwiseMatrix(matrix);
    if ('kind' in read) return pmoError('value', `AHP_WEIGHTS: ${read.message}`);
    return columnResult(read.hadHeaderRow, 'Weight', ahpWeights(read.matrix, method));
  },
});

function readRi(cell: Cell, where: string): number | PmoError {
  const parsed = readNumber(cell);
  return parsed.ok && parsed.value >= 0
    ? parsed.value
    : pmoError(
        'value',
        `AHP_CR's ri_table has ${quote(cellText(cell))} ${where}; RI values are numbers ≥ 0.`,
      );
}

/** A two-column range of (n, RI) pairs; label rows are skipped. */
function riPairs(grid: Grid): RandomIndexTable | PmoError {
  const values = new Map<number, number>();
  for (const [nCell = null, riCell = null] of grid) {
    if (isBlank(nCell) && isBlank(riCell)) continue;
    if (!isNumberLike(nCell) && typeof nCell === 'string') continue;
    const size = readNumber(nCell);
    if (!size.ok || !Number.isInteger(size.value) || size.value < 1)
      return pmoError(
        'value',
        `AHP_CR's ri_table has n = ${quote(cellText(nCell))}; n must be a whole number ≥ 1.`,
      );
    if (isBlank(riCell)) continue;
    const ri = readRi(riCell, `for n = ${size.value}`);
    if (isPmoError(ri)) return ri;
    values.set(size.value, ri);
  }
  return customRandomIndexTable(values);
}

/** Reads `ri_table`: a table name, a list of RI for n = 1, 2, 3…, or a range of (n, RI) pairs. */
function riTableArg(grid: Grid | undefined): RandomIndexTable | PmoError {
  if (!grid) return SAATY_RI;
  const names = RANDOM_INDEX_TABLES.map((table) => `"${table.name}"`).join(', ');
  const cells = grid.flat().filter((cell) => !isBlank(cell));
  if (cells.length === 1 && typeof cells[0] === 'string' && !isNumberLike(cells[0])) {
    const named = randomIndexTableNamed(cells[0]);
    return named ?? pmoError('value', `AHP_CR's ri_table ${quote(cells[0])} is not one of ${names}.`);
  }
  const width = grid.reduce((most, row) => Math.max(most, row.length), 0);
  if (width === 2 && grid.length >= 2) return riPairs(grid);
  const list = listCells('AHP_CR', 'ri_table', grid, isNumberLike);
  if (isPmoError(list))
    return pmoError(
      'value',
      "AHP_CR's ri_table must be a table name, a list of RI for n = 1, 2, 3… or a two-column range of n, RI.",
    );
  const values = new Map<number, number>();
  for (const [i, cell] of list.entries()) {
    if (isBlank(cell)) continue;
    const ri = readRi(cell, `for n = ${i + 1}`);
    if (isPmoError(ri)) return ri;
    values.set(i + 1, ri);
  }
  return customRandomIndexTable(values);
}

export const AHP_CR = /* @__PURE__ */ defineFunction({
  name: 'AHP_CR',
  description:
    "AHP consistency ratio CR = CI ÷ RI with CI = (λmax − n) ÷ (n − 1); Saaty's classic RI table by default; CR ≤ 0.10 is acceptable.",
  returns: 'The consistency ratio (one number).',
  params: [
    { name: 'matrix', kind: 'table', description: 'Square pairwise matrix, as for AHP_WEIGHTS.' },
    {
      name: 'ri_table',
      kind: 'table',
      optional: true,
      description:
        'Random index: a list for n = 1, 2, 3…, a range of (n, RI), or "saaty" (default), "saaty-2005", "donegan-dodd", "alonso-lamata".',
    },
  ],
  run: ([matrix, riGrid]) => {
    const table = riTableArg(riGrid);
    if (isPmoError(table)) return table;
    const read = readPairwiseMatrix(matrix);
    if ('kind' in read) return pmoError('value', `AHP_CR: ${read.message}`);
    const consistency = consistencyOf(read.matrix, table);
    if ('kind' in consistency) return pmoError('value', `AHP_CR: ${consistency.message}`);
    return [[consistency.consistencyRatio]];
  },
});
