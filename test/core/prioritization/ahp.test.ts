// AHP on one pairwise matrix: reading what users type, weights, λmax, CI, CR with published RI tables, and the
// repair suggestion; checked against Saaty's published examples and the algebra of consistent matrices.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../core/cells';
import { isPmoError, type PmoError } from '../../../core/errors';
import {
  ALONSO_LAMATA_RI,
  ahpWeights,
  type Consistency,
  consistencyOf,
  customRandomIndexTable,
  DONEGAN_DODD_RI,
  geometricMeanWeights,
  type PairwiseMatrix,
  principalEigen,
  randomIndexTableNamed,
  readPairwiseMatrix,
  SAATY_2005_RI,
  SAATY_RI,
} from '../../../core/prioritization/ahp';
import {
  type JudgementRepair,
  nearestScaleValue,
  SAATY_SCALE,
  suggestRepair,
} from '../../../core/prioritization/ahp-repair';

function matrixOf(grid: Cell[][]): number[][] {
  const read = readPairwiseMatrix(grid);
  if (isPmoError(read)) throw new Error(read.message);
  return read.matrix;
}

function consistency(matrix: PairwiseMatrix, table = SAATY_RI): Consistency {
  const result = consistencyOf(matrix, table);
  if (isPmoError(result)) throw new Error(result.message);
  return result;
}

function errorOf(result: unknown): string {
  return isPmoError(result) ? result.message : `no error: ${JSON.stringify(result)}`;
}

/** The consistent matrix a_ij = w_i ÷ w_j. */
function consistentMatrix(weights: readonly number[]): number[][] {
  return weights.map((wi) => weights.map((wj) => wi / wj));
}

// Saaty, T.L. (2008) "Decision making with the analytic hierarchy process", Int. J. Services Sciences 1(1),
// pp. 83–98: "Which drink is consumed more in the US?" The judgements are those AHPy's test suite transcribes
// (PhilipGriffith/AHPy tests/test_ahp.py), in the order coffee, wine, tea, beer, sodas, milk, water.
const DRINKS: Cell[][] = [
  [1, 9, 5, 2, 1, 1, '1/2'],
  ['1/9', 1, '1/3', '1/9', '1/9', '1/9', '1/9'],
  ['1/5', 3, 1, '1/3', '1/4', '1/3', '1/9'],
  ['1/2', 9, 3, 1, '1/2', 1, '1/3'],
  [1, 9, 4, 2, 1, 2, '1/2'],
  [1, 9, 3, 1, '1/2', 1, '1/3'],
  [2, 9, 9, 3, 2, 3, 1],
];

describe('the published examples', () => {
  it('derives the drink-consumption scale Saaty printed (.177 .019 .042 .116 .190 .129 .327) and AHPy’s 4-decimal weights', () => {
    const weights = ahpWeights(matrixOf(DRINKS));
    const ahpy = [0.1775, 0.0191, 0.0418, 0.1164, 0.1896, 0.1288, 0.3268];
    const saaty = [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327];
    weights.forEach((weight, i) => {
      expect(Math.abs(weight - (ahpy[i] ?? 0))).toBeLessThanOrEqual(0.00005);
      expect(Math.abs(weight - (saaty[i] ?? 0))).toBeLessThanOrEqual(0.0005);
    });
  });

  it('gives the drinks matrix the CR AHPy asserts: 0.022 with Saaty’s 2005 RI and 0.0235 with Donegan & Dodd’s', () => {
    const matrix = matrixOf(DRINKS);
    expect(consistency(matrix, SAATY_2005_RI).consistencyRatio).toBeCloseTo(0.022, 3);
    expect(consistency(matrix, DONEGAN_DODD_RI).consistencyRatio).toBeCloseTo(0.0235, 4);
  });

  // Wikipedia, "Analytic hierarchy process – leader example": criteria Experience, Education, Charisma, Age
  // weighted .547, .127, .270, .056 (the page rounds so they sum to 1; the eigenvector's Experience is 0.5476).
  // The judgements are those of the CRAN package ahp's tom_dick_harry.ahp (gluc/ahp inst/extdata).
  it('derives the leader example’s criteria weights .547, .127, .270, .056 from its upper triangle and labels', () => {
    const grid: Cell[][] = [
      ['', 'Experience', 'Education', 'Charisma', 'Age'],
      ['Experience', 1, 4, 3, 7],
      ['Education', '', 1, '1/3', 3],
      ['Charisma', '', '', 1, 5],
      ['Age', '', '', '', 1],
    ];
    const read = readPairwiseMatrix(grid);
    if (isPmoError(read)) throw new Error(read.message);
    expect(read.labels).toEqual(['Experience', 'Education', 'Charisma', 'Age']);
    expect(read.hadHeaderRow).toBe(true);
    const weights = ahpWeights(read.matrix);
    [0.547, 0.127, 0.27, 0.056].forEach((printed, i) => {
      expect(Math.abs((weights[i] ?? 0) - printed)).toBeLessThanOrEqual(0.001);
    });
  });
});

describe('readPairwiseMatrix', () => {
  it('reads an upper triangle alone as the full reciprocal matrix, with "1/3" text and a blank diagonal', () => {
    const upper = matrixOf([
      ['', 3, '1/2'],
      ['', '', '1 / 4'],
      ['', '', ''],
    ]);
    expect(upper).toEqual([
      [1, 3, 0.5],
      [1 / 3, 1, 0.25],
      [2, 4, 1],
    ]);
  });

  it('reads a lower triangle alone too', () => {
    expect(
      matrixOf([
        [1, '', ''],
        [5, 1, ''],
        ['1/2', 2, 1],
      ])[0],
    ).toEqual([1, 0.2, 2]);
  });

  it('accepts both triangles when a_ji is 1 ÷ a_ij within 1% (0.33 for 1/3) and keeps the upper value', () => {
    const matrix = matrixOf([
      [1, 3],
      [0.33, 1],
    ]);
    expect(matrix[1]?.[0]).toBe(1 / 3);
  });

  it('names the cell when the two triangles disagree by more than 1%', () => {
    expect(
      errorOf(
        readPairwiseMatrix([
          [1, 2, 7],
          [0.5, 1, 3],
          [0.14, '1/3', 1],
        ]),
      ),
    ).toBe(
      'The entry at row 3, column 1 is 0.14 but row 1, column 3 is 7, so it should be 1/7 ≈ 0.1429 (within 1%); fix it or leave one of the two blank.',
    );
  });

  it('names a non-positive entry, a text entry, a bad diagonal and a missing pair', () => {
    expect(
      errorOf(
        readPairwiseMatrix([
          [1, 0],
          ['', 1],
        ]),
      ),
    ).toBe(
      "The matrix entry at row 1, column 2 is 0; judgements must be positive (1/9 … 9 on Saaty's scale).",
    );
    expect(
      errorOf(
        readPairwiseMatrix([
          [1, 'lots'],
          ['', 1],
        ]),
      ),
    ).toBe('The matrix entry at row 1, column 2 is "lots", not a number or a fraction such as 1/3.');
    expect(
      errorOf(
        readPairwiseMatrix([
          [1, 2],
          ['', 3],
        ]),
      ),
    ).toBe('The diagonal must be 1 or blank, but row 2, column 2 is 3 (an item compared with itself is 1).');
    expect(
      errorOf(
        readPairwiseMatrix([
          [1, 2, ''],
          ['', 1, 4],
          ['', '', 1],
        ]),
      ),
    ).toBe(
      'The matrix has no judgement for row 1, column 3 (nor its mirror row 3, column 1); fill one of them.',
    );
  });

  it('recognises a fraction Excel turned into a date serial and says how to type it', () => {
    expect(
      errorOf(
        readPairwiseMatrix([
          [1, 45660],
          ['', 1],
        ]),
      ),
    ).toBe(
      `The matrix entry at row 1, column 2 is 45660, which looks like a date: Excel and Sheets turn a typed 1/3 into a date, so type fractions as '1/3 or =1/3.`,
    );
  });

  it('rejects a matrix that is not square, beyond the blank last row or column of a triangle', () => {
    expect(
      errorOf(
        readPairwiseMatrix([
          [1, 2, 3, 4],
          ['', 1, 2, 3],
        ]),
      ),
    ).toBe('The matrix must be square (as many columns as rows); it has 2 rows and 4 columns.');
    expect(
      matrixOf([
        [1, 2, 3],
        ['', 1, 2],
      ])[2],
    ).toEqual([1 / 3, 1 / 2, 1]);
  });
});

describe('weights, λmax and CR', () => {
  const weightVector = fc
    .array(fc.double({ min: 0.05, max: 20, noNaN: true }), { minLength: 1, maxLength: 12 })
    .map((raw) => raw.map((value) => value / raw.reduce((sum, item) => sum + item, 0)));

  it('gives CR = 0 and the exact weights for a perfectly consistent matrix a_ij = w_i ÷ w_j, by both methods', () => {
    fc.assert(
      fc.property(weightVector, (weights) => {
        const matrix = consistentMatrix(weights);
        for (const method of ['eigen', 'geometric'] as const) {
          ahpWeights(matrix, method).forEach((weight, i) => {
            expect(Math.abs(weight - (weights[i] ?? 0))).toBeLessThanOrEqual(1e-12);
          });
        }
        const result = consistency(matrix, ALONSO_LAMATA_RI);
        expect(result.consistencyRatio).toBe(0);
        expect(Math.abs(result.lambdaMax - weights.length)).toBeLessThanOrEqual(1e-10 * weights.length);
      }),
    );
  });

  const scaleValue = fc.constantFrom(...SAATY_SCALE);
  const threeByThree = fc.tuple(scaleValue, scaleValue, scaleValue).map(([a, b, c]) => [
    [1, a, b],
    [1 / a, 1, c],
    [1 / b, 1 / c, 1],
  ]);

  it('matches the closed form λmax = 1 + (b ÷ ac)^⅓ + (ac ÷ b)^⅓ of a 3 × 3 matrix [1 a b; · 1 c; · · 1]', () => {
    fc.assert(
      fc.property(threeByThree, (matrix) => {
        const a = matrix[0]?.[1] ?? 1;
        const b = matrix[0]?.[2] ?? 1;
        const c = matrix[1]?.[2] ?? 1;
        const expected = 1 + Math.cbrt(b / (a * c)) + Math.cbrt((a * c) / b);
        expect(principalEigen(matrix).lambdaMax).toBeCloseTo(expected, 10);
      }),
    );
  });

  it('agrees with the row geometric mean on every 3 × 3 matrix (Crawford & Williams 1985)', () => {
    fc.assert(
      fc.property(threeByThree, (matrix) => {
        const eigen = ahpWeights(matrix, 'eigen');
        geometricMeanWeights(matrix).forEach((weight, i) => {
          expect(weight).toBeCloseTo(eigen[i] ?? 0, 10);
        });
      }),
    );
  });

  it('computes CI = (λmax − n) ÷ (n − 1) and CR = CI ÷ RI with Saaty’s classic RI', () => {
    const matrix = matrixOf([
      [1, 2, '1/4'],
      ['', 1, 3],
      ['', '', 1],
    ]);
    const result = consistency(matrix);
    const lambda = 1 + Math.cbrt(0.25 / 6) + Math.cbrt(6 / 0.25);
    expect(result.lambdaMax).toBeCloseTo(lambda, 10);
    expect(result.consistencyIndex).toBeCloseTo((lambda - 3) / 2, 10);
    expect(result.randomIndex).toBe(0.58);
    expect(result.consistencyRatio).toBeCloseTo((lambda - 3) / 2 / 0.58, 10);
  });

  it('gives CR 0 for n ≤ 2 whatever the judgement', () => {
    expect(
      consistency([
        [1, 9],
        [1 / 9, 1],
      ]).consistencyRatio,
    ).toBe(0);
    expect(consistency([[1]]).consistencyRatio).toBe(0);
  });

  it('asks for ri_table past n = 15 with the classic table, and uses Alonso & Lamata’s linear fit there', () => {
    const sixteen = consistentMatrix(new Array<number>(16).fill(1));
    expect(errorOf(consistencyOf(sixteen))).toBe(
      'Saaty\'s classic RI table stops at n = 15 and this matrix is 16 × 16: give ri_table (a list of RI for n = 1, 2, 3…, a range of n, RI pairs, or a table name such as "alonso-lamata").',
    );
    expect(ALONSO_LAMATA_RI.randomIndex(16)).toBeCloseTo((1.7699 * 16 - 4.3513) / 15, 12);
    expect(consistency(sixteen, ALONSO_LAMATA_RI).consistencyRatio).toBe(0);
  });

  it('holds the published RI tables: Saaty classic, Saaty 2005, Donegan & Dodd, Alonso & Lamata', () => {
    const sizes = [3, 4, 5, 10, 12, 15];
    expect(sizes.map(SAATY_RI.randomIndex)).toEqual([0.58, 0.9, 1.12, 1.49, 1.48, 1.59]);
    expect(sizes.map(SAATY_2005_RI.randomIndex)).toEqual([0.52, 0.89, 1.11, 1.49, 1.54, 1.59]);
    expect(sizes.map(DONEGAN_DODD_RI.randomIndex)).toEqual([0.4914, 0.8286, 1.0591, 1.4055, 1.4497, 1.4969]);
    expect(sizes.map(ALONSO_LAMATA_RI.randomIndex)).toEqual([0.5247, 0.8816, 1.1086, 1.4854, 1.5365, 1.5838]);
    expect(DONEGAN_DODD_RI.randomIndex(21)).toBeUndefined();
  });

  it('finds tables by name in any spelling and builds custom ones', () => {
    expect(
      ['Saaty', 'classic', 'Saaty 2005', 'DD', 'Donegan–Dodd', 'alonso-lamata'].map(
        (name) => randomIndexTableNamed(name)?.name,
      ),
    ).toEqual(['saaty', 'saaty', 'saaty-2005', 'donegan-dodd', 'donegan-dodd', 'alonso-lamata']);
    const custom = customRandomIndexTable(new Map([[3, 0.5]]));
    expect(custom.randomIndex(3)).toBe(0.5);
    expect(errorOf(consistencyOf(consistentMatrix([1, 2, 3, 4]), custom))).toBe(
      'The RI table (the ri_table given) has no value for n = 4: give ri_table with one.',
    );
  });
});

describe('suggestRepair', () => {
  it('finds the one judgement that broke a consistent matrix and suggests the value on Saaty’s scale that repairs it', () => {
    const matrix = consistentMatrix([8, 4, 2, 1]);
    (matrix[0] as number[])[3] = 1 / 2;
    (matrix[3] as number[])[0] = 2;
    const repair = suggestRepair(matrix) as JudgementRepair;
    expect([repair.row, repair.column, repair.current]).toEqual([0, 3, 0.5]);
    expect(repair.suggested).toBeGreaterThan(1);
    expect(repair.after.consistencyRatio).toBeLessThan(repair.before.consistencyRatio);
    expect(repair.before.consistencyRatio).toBeGreaterThan(0.1);
  });

  it('always lowers CR when it suggests anything, on random judgements from Saaty’s scale', () => {
    const matrices = fc.integer({ min: 3, max: 8 }).chain((n) =>
      fc
        .array(fc.constantFrom(...SAATY_SCALE), {
          minLength: (n * (n - 1)) / 2,
          maxLength: (n * (n - 1)) / 2,
        })
        .map((upper) => {
          const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(1));
          let next = 0;
          for (let i = 0; i < n; i++)
            for (let j = i + 1; j < n; j++) {
              const value = upper[next++] ?? 1;
              (matrix[i] as number[])[j] = value;
              (matrix[j] as number[])[i] = 1 / value;
            }
          return matrix;
        }),
    );
    fc.assert(
      fc.property(matrices, (matrix) => {
        const repair = suggestRepair(matrix) as JudgementRepair | undefined | PmoError;
        if (repair === undefined) return;
        if (isPmoError(repair)) throw new Error(repair.message);
        expect(SAATY_SCALE).toContain(repair.suggested);
        expect(repair.row).toBeLessThan(repair.column);
        expect(repair.after.consistencyRatio).toBeLessThan(repair.before.consistencyRatio);
      }),
    );
  });

  it('suggests nothing for a consistent matrix or n ≤ 2', () => {
    expect(suggestRepair(consistentMatrix([4, 2, 1]))).toBeUndefined();
    expect(
      suggestRepair([
        [1, 5],
        [0.2, 1],
      ]),
    ).toBeUndefined();
  });

  it('rounds ratios to the nearest scale value on a logarithmic axis', () => {
    expect([2.9, 2.4, 1 / 2.9, 12, 0.01, 1.3].map(nearestScaleValue)).toEqual([3, 2, 1 / 3, 9, 1 / 9, 1]);
  });
});
