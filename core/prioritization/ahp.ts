// The Analytic Hierarchy Process on one pairwise comparison matrix: reading the matrix a user typed, priority
// weights (principal eigenvector or row geometric mean), λmax, CI, CR with published random-index tables, and
// the one judgement whose change to a Saaty-scale value most helps consistency.

import {
  type Cell,
  cellText,
  flushDenormal,
  isBlank,
  isCellError,
  MAX_MAGNITUDE,
  parseNumberText,
} from '../cells';
import { type PmoError, pmoError, quote } from '../errors';

/** A positive reciprocal matrix: a[i][j] > 0, a[i][i] = 1, a[j][i] = 1 ÷ a[i][j]. */
export type PairwiseMatrix = readonly (readonly number[])[];

/** How priority weights are derived from the matrix. */
export type WeightMethod = 'eigen' | 'geometric';

export const WEIGHT_METHODS: readonly WeightMethod[] = ['eigen', 'geometric'];

/** Both triangles filled: a_ji must be 1 ÷ a_ij within this relative tolerance (DESIGN §10). */
export const RECIPROCAL_TOLERANCE = 0.01;

/** Power iteration stops when no weight moves by more than this. */
export const EIGEN_TOLERANCE = 1e-12;

const EIGEN_MAX_ITERATIONS = 100_000;

/** Excel turns a typed 1/3 into a date; serials of the years 2000–2099 in a matrix are read as that mistake. */
const DATE_SERIAL_FIRST = 36_526;
const DATE_SERIAL_LAST = 73_050;

function where(row: number, column: number): string {
  return `row ${row + 1}, column ${column + 1}`;
}

/** Reads a judgement: a number, numeric text, or a fraction written as text ("1/3", "1 / 5"). */
function judgementOf(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? flushDenormal(cell) : undefined;
  if (typeof cell !== 'string') return undefined;
  const fraction = /^\s*([0-9]*\.?[0-9]+)\s*\/\s*([0-9]*\.?[0-9]+)\s*$/.exec(cell);
  if (fraction) {
    const numerator = Number(fraction[1]);
    const denominator = Number(fraction[2]);
    return denominator > 0 ? flushDenormal(numerator / denominator) : undefined;
  }
  return parseNumberText(cell)?.value;
}

/** True for a cell that can be a judgement (a number or fraction text). */
export function isJudgementCell(cell: Cell): boolean {
  return !isBlank(cell) && judgementOf(cell) !== undefined;
}

function isLabelCell(cell: Cell): boolean {
  return typeof cell === 'string' && !isBlank(cell) && judgementOf(cell) === undefined;
}

/** A matrix read from a range, with the criterion labels when the range had them. */
export interface ReadMatrix {
  readonly matrix: number[][];
  /** Labels from a header row or a label column, in matrix order; undefined when the range had none. */
  readonly labels: string[] | undefined;
  /** True when the range's first row was a header row (a result column then gets a header cell too). */
  readonly hadHeaderRow: boolean;
}

/**
 * Reads a pairwise comparison matrix from a range (DESIGN §10): the full matrix or only its upper (or lower)
 * triangle; numbers or fraction text such as "1/3"; the diagonal 1 or blank. Optional criterion labels in a
 * header row and/or a first column are recognised and set aside. When both a_ij and a_ji are given, a_ji must
 * be 1 ÷ a_ij within 1%, and the upper-triangle value is the one used (its reciprocal fills the lower triangle).
 * Errors name the cell by its row and column inside the matrix (after any labels).
 * @example readPairwiseMatrix([[1, 3, '5'], ['', 1, '1/2'], ['', '', '']]) // upper triangle only
 */
export function readPairwiseMatrix(grid: readonly (readonly Cell[])[]): ReadMatrix | PmoError {
  let rows = grid.map((row) => [...row]);
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((cell) => isBlank(cell))) rows.pop();
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  let lastColumn = width - 1;
  while (lastColumn >= 0 && rows.every((row) => isBlank(row[lastColumn] ?? null))) lastColumn--;
  rows = rows.map((row) => {
    const padded = row.slice(0, lastColumn + 1);
    while (padded.length < lastColumn + 1) padded.push(null);
    return padded;
  });
  if (rows.length === 0 || lastColumn < 0) return pmoError('value', 'The matrix is empty.');
  const first = rows[0] ?? [];
  const hasHeaderRow =
    first.slice(1).some(isLabelCell) && first.every((cell) => isBlank(cell) || isLabelCell(cell));
  const hasLabelColumn =
    rows.slice(hasHeaderRow ? 1 : 0).some((row) => isLabelCell(row[0] ?? null)) &&
    rows.slice(hasHeaderRow ? 1 : 0).every((row) => isBlank(row[0] ?? null) || isLabelCell(row[0] ?? null));
  let labels: string[] | undefined;
  if (hasHeaderRow) labels = first.slice(hasLabelColumn ? 1 : 0).map((cell) => cellText(cell));
  const body = rows.slice(hasHeaderRow ? 1 : 0).map((row) => row.slice(hasLabelColumn ? 1 : 0));
  if (!labels && hasLabelColumn) labels = rows.map((row) => cellText(row[0] ?? null));
  // An upper triangle with a blank diagonal has a blank last row (a lower one a blank last column), which the
  // trimming above removed: a matrix one row or column short is padded back to square.
  const columns = body.reduce((most, row) => Math.max(most, row.length), 0);
  if (body.length === 0 || columns === 0) return pmoError('value', 'The matrix is empty.');
  if (Math.abs(columns - body.length) > 1)
    return pmoError(
      'value',
      `The matrix must be square (as many columns as rows); it has ${body.length} rows and ${columns} columns.`,
    );
  const n = Math.max(columns, body.length);
  while (body.length < n) body.push([]);
  const read: (number | undefined)[][] = [];
  for (let i = 0; i < n; i++) {
    const row: (number | undefined)[] = [];
    for (let j = 0; j < n; j++) {
      const cell = body[i]?.[j] ?? null;
      if (isBlank(cell)) {
        row.push(undefined);
        continue;
      }
      if (isCellError(cell))
        return pmoError('value', `The matrix holds the error ${cell.text} at ${where(i, j)}.`);
      const value = judgementOf(cell);
      if (value === undefined)
        return pmoError(
          'value',
          `The matrix entry at ${where(i, j)} is ${quote(cellText(cell))}, not a number or a fraction such as 1/3.`,
        );
      if (!(value > 0))
        return pmoError(
          'value',
          `The matrix entry at ${where(i, j)} is ${value}; judgements must be positive (1/9 … 9 on Saaty's scale).`,
        );
      if (value > MAX_MAGNITUDE || value < 1 / MAX_MAGNITUDE)
        return pmoError(
          'value',
          `The matrix entry at ${where(i, j)} is ${value}; judgements must lie within 1e-15 … 1e15 (1/9 … 9 on Saaty's scale).`,
        );
      if (
        typeof cell === 'number' &&
        Number.isInteger(value) &&
        value >= DATE_SERIAL_FIRST &&
        value <= DATE_SERIAL_LAST
      )
        return pmoError(
          'value',
          `The matrix entry at ${where(i, j)} is ${value}, which looks like a date: Excel and Sheets turn a typed 1/3 into a date, so type fractions as '1/3 or =1/3.`,
        );
      row.push(value);
    }
    read.push(row);
  }
  const matrix: number[][] = [];
  for (let i = 0; i < n; i++) matrix.push(new Array<number>(n).fill(1));
  for (let i = 0; i < n; i++) {
    const diagonal = read[i]?.[i];
    if (diagonal !== undefined && Math.abs(diagonal - 1) > 1e-9)
      return pmoError(
        'value',
        `The diagonal must be 1 or blank, but ${where(i, i)} is ${diagonal} (an item compared with itself is 1).`,
      );
    for (let j = i + 1; j < n; j++) {
      const upper = read[i]?.[j];
      const lower = read[j]?.[i];
      if (upper === undefined && lower === undefined)
        return pmoError(
          'value',
          `The matrix has no judgement for ${where(i, j)} (nor its mirror ${where(j, i)}); fill one of them.`,
        );
      if (
        upper !== undefined &&
        lower !== undefined &&
        Math.abs(upper * lower - 1) > RECIPROCAL_TOLERANCE + 1e-9
      ) {
        return pmoError(
          'value',
          `The entry at ${where(j, i)} is ${lower} but ${where(i, j)} is ${upper}, so it should be 1/${formatJudgement(upper)} ≈ ${(1 / upper).toPrecision(4)} (within 1%); fix it or leave one of the two blank.`,
        );
      }
      const value = upper ?? 1 / (lower ?? 1);
      (matrix[i] as number[])[j] = value;
      (matrix[j] as number[])[i] = 1 / value;
    }
  }
  return { matrix, labels: labels?.slice(0, n), hadHeaderRow: hasHeaderRow };
}

function formatJudgement(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** The principal eigenvector (weights summing to 1) and eigenvalue λmax of a positive matrix. */
export interface Eigen {
  readonly weights: number[];
  readonly lambdaMax: number;
}

/** Row geometric means normalised to sum 1 (computed through logarithms, so no product overflows). */
export function geometricMeanWeights(matrix: PairwiseMatrix): number[] {
  const n = matrix.length;
  const means = matrix.map((row) => Math.exp(row.reduce((total, value) => total + Math.log(value), 0) / n));
  const total = means.reduce((sum, value) => sum + value, 0);
  return means.map((value) => value / total);
}

/**
 * The principal (Perron) eigenvector and eigenvalue by power iteration: start from the row geometric means,
 * repeat w ← A·w ÷ Σ(A·w) until no weight moves by more than 1e-12; λmax = Σ(A·w) for Σw = 1.
 * A positive matrix has a unique dominant eigenvalue, so the iteration converges.
 * @example principalEigen([[1, 2], [0.5, 1]]) // { weights: [2/3, 1/3], lambdaMax: 2 }
 */
export function principalEigen(matrix: PairwiseMatrix): Eigen {
  const n = matrix.length;
  let weights = geometricMeanWeights(matrix);
  let lambdaMax = n;
  for (let iteration = 0; iteration < EIGEN_MAX_ITERATIONS; iteration++) {
    const product = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const row = matrix[i] ?? [];
      let total = 0;
      for (let j = 0; j < n; j++) total += (row[j] ?? 0) * (weights[j] ?? 0);
      product[i] = total;
    }
    lambdaMax = product.reduce((sum, value) => sum + value, 0);
    const next = product.map((value) => value / lambdaMax);
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs((next[i] ?? 0) - (weights[i] ?? 0)));
    weights = next;
    if (change <= EIGEN_TOLERANCE) break;
  }
  return { weights, lambdaMax };
}

/**
 * Priority weights of a pairwise matrix, summing to 1.
 * @param method `eigen` (principal eigenvector, Saaty's method) or `geometric` (row geometric mean).
 */
export function ahpWeights(matrix: PairwiseMatrix, method: WeightMethod = 'eigen'): number[] {
  return method === 'geometric' ? geometricMeanWeights(matrix) : principalEigen(matrix).weights;
}

/** A random-index table: the mean consistency index of random reciprocal matrices of size n. */
export interface RandomIndexTable {
  /** The name users type as `ri_table` ("saaty", "alonso-lamata"…), or "custom". */
  readonly name: string;
  /** Who published it, for messages and the README. */
  readonly source: string;
  /** RI for size n, or undefined when the table has no value for n. */
  readonly randomIndex: (n: number) => number | undefined;
}

function tableFromList(
  name: string,
  source: string,
  firstSize: number,
  values: readonly number[],
): RandomIndexTable {
  return {
    name,
    source,
    randomIndex: (n) => (n <= 2 ? 0 : n >= firstSize ? values[n - firstSize] : undefined),
  };
}

/**
 * Saaty's classic table (DESIGN §6), n = 3…15: 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 (n ≤ 10: Saaty,
 * The Analytic Hierarchy Process, McGraw-Hill 1980) and 1.51, 1.48, 1.56, 1.57, 1.59 for n = 11…15.
 */
export const SAATY_RI = tableFromList(
  'saaty',
  "Saaty's classic table (The Analytic Hierarchy Process, 1980)",
  3,
  [0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
);

/**
 * Saaty's later table, n = 3…15: Saaty, Theory and Applications of the Analytic Network Process, RWS
 * Publications 2005, p. 31 (as transcribed by AHPy, PhilipGriffith/AHPy, `_compute_consistency_ratio`).
 */
export const SAATY_2005_RI = tableFromList(
  'saaty-2005',
  'Saaty (2005), Theory and Applications of the Analytic Network Process, p. 31',
  3,
  [0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59],
);

/**
 * Donegan & Dodd, "A note on Saaty's random indexes", Mathematical and Computer Modelling 15(10), 1991,
 * pp. 135–137, doi:10.1016/0895-7177(91)90098-R; n = 3…20 as transcribed by AHPy (its default table).
 */
export const DONEGAN_DODD_RI = tableFromList(
  'donegan-dodd',
  'Donegan & Dodd (1991), Mathematical and Computer Modelling 15(10)',
  3,
  [
    0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822, 1.4969,
    1.5078, 1.5153, 1.5262, 1.5313, 1.5371,
  ],
);

const ALONSO_LAMATA_VALUES = [
  0.5247, 0.8816, 1.1086, 1.2479, 1.3417, 1.4057, 1.4499, 1.4854, 1.514, 1.5365, 1.5551, 1.5713, 1.5838,
];

/**
 * Alonso & Lamata, "Consistency in the analytic hierarchy process: a new approach", International Journal of
 * Uncertainty, Fuzziness and Knowledge-Based Systems 14(4), 2006, pp. 445–459: n = 3…15 as transcribed in the
 * CRAN package ahp (gluc/ahp, R/ahp_functions.R), and beyond 15 the paper's linear fit
 * RI = (1.7699·n − 4.3513) ÷ (n − 1) (the same fit AHP-OS uses).
 */
export const ALONSO_LAMATA_RI: RandomIndexTable = {
  name: 'alonso-lamata',
  source: 'Alonso & Lamata (2006), IJUFKS 14(4)',
  randomIndex: (n) => (n <= 2 ? 0 : n <= 15 ? ALONSO_LAMATA_VALUES[n - 3] : (1.7699 * n - 4.3513) / (n - 1)),
};

/** The named tables users may pass as `ri_table`. */
export const RANDOM_INDEX_TABLES: readonly RandomIndexTable[] = [
  SAATY_RI,
  SAATY_2005_RI,
  DONEGAN_DODD_RI,
  ALONSO_LAMATA_RI,
];

const TABLE_ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    saaty: 'saaty',
    classic: 'saaty',
    saaty1980: 'saaty',
    saaty2005: 'saaty-2005',
    dd: 'donegan-dodd',
    donegandodd: 'donegan-dodd',
    al: 'alonso-lamata',
    alonsolamata: 'alonso-lamata',
  }),
);

/** Finds a named table ("saaty", "saaty-2005", "donegan-dodd", "alonso-lamata", any case and punctuation). */
export function randomIndexTableNamed(text: string): RandomIndexTable | undefined {
  const key = TABLE_ALIASES.get(text.toLowerCase().replace(/[^a-z0-9]/g, ''));
  return RANDOM_INDEX_TABLES.find((table) => table.name === key);
}

/** A table built from the user's own values: RI per size n. */
export function customRandomIndexTable(values: ReadonlyMap<number, number>): RandomIndexTable {
  return {
    name: 'custom',
    source: 'the ri_table given',
    randomIndex: (n) => (n <= 2 ? (values.get(n) ?? 0) : values.get(n)),
  };
}

/** λmax, CI, RI and CR of one matrix. */
export interface Consistency {
  readonly lambdaMax: number;
  readonly consistencyIndex: number;
  readonly randomIndex: number;
  readonly consistencyRatio: number;
}

/** Consistency index CI = (λmax − n) ÷ (n − 1); 0 for n ≤ 2 and when λmax is within 1e-12·n of n (rounding). */
export function consistencyIndex(lambdaMax: number, n: number): number {
  if (n <= 2) return 0;
  const excess = lambdaMax - n;
  return excess <= 1e-12 * n ? 0 : excess / (n - 1);
}

/**
 * CR = CI ÷ RI (DESIGN §6): n ≤ 2 → 0. An error when the table has no RI for n (Saaty's classic table stops at
 * 15) or gives RI ≤ 0.
 * @example consistencyOf([[1, 2], [0.5, 1]]) // { lambdaMax: 2, consistencyIndex: 0, randomIndex: 0, consistencyRatio: 0 }
 */
export function consistencyOf(
  matrix: PairwiseMatrix,
  table: RandomIndexTable = SAATY_RI,
): Consistency | PmoError {
  const n = matrix.length;
  const { lambdaMax } = n === 0 ? { lambdaMax: 0 } : principalEigen(matrix);
  if (n <= 2) return { lambdaMax, consistencyIndex: 0, randomIndex: 0, consistencyRatio: 0 };
  const randomIndex = table.randomIndex(n);
  if (randomIndex === undefined) {
    if (table === SAATY_RI)
      return pmoError(
        'value',
        `Saaty's classic RI table stops at n = 15 and this matrix is ${n} × ${n}: give ri_table (a list of RI for n = 1, 2, 3…, a range of n, RI pairs, or a table name such as "alonso-lamata").`,
      );
    return pmoError(
      'value',
      `The RI table (${table.source}) has no value for n = ${n}: give ri_table with one.`,
    );
  }
  if (!(randomIndex > 0))
    return pmoError('value', `The RI table gives RI = ${randomIndex} for n = ${n}; CR needs RI > 0.`);
  const ci = consistencyIndex(lambdaMax, n);
  return { lambdaMax, consistencyIndex: ci, randomIndex, consistencyRatio: ci / randomIndex };
}
