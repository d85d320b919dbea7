import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPmoError } from '../../../core/errors';
import {
  bandIndex,
  DEFAULT_FRACTION_BANDS,
  DEFAULT_RATING_BANDS,
  levelFromMatrix,
  levelOf,
  type RiskBands,
  type RiskMatrix,
  readBands,
  riskMatrixFromBands,
  riskMatrixFromRows,
  riskScore,
} from '../../../core/risk/levels';

// NHS / NPSA 5×5 matrix. Source: National Patient Safety Agency, "A risk matrix for risk managers"
// (January 2008; copies at studylib.net/doc/26079562 and scribd.com/doc/307287247), reproduced in NHS
// trusts' strategies such as NHS Mid Essex's "Risk Scoring Matrix" appendix (scribd.com/document/514370033):
// likelihood Rare (1) … Almost certain (5) down the side, consequence Insignificant/Negligible (1) …
// Catastrophic (5) across, score = likelihood × consequence, graded 1–3 Low, 4–6 Moderate, 8–12 High,
// 15–25 Extreme. The published grid, likelihood 1 on the first row:
const NHS_SCORES = [
  [1, 2, 3, 4, 5],
  [2, 4, 6, 8, 10],
  [3, 6, 9, 12, 15],
  [4, 8, 12, 16, 20],
  [5, 10, 15, 20, 25],
];
const NHS_GRADE: Record<number, string> = {
  1: 'Low',
  2: 'Low',
  3: 'Low',
  4: 'Moderate',
  5: 'Moderate',
  6: 'Moderate',
  8: 'High',
  9: 'High',
  10: 'High',
  12: 'High',
  15: 'Extreme',
  16: 'Extreme',
  20: 'Extreme',
  25: 'Extreme',
};

// PMBOK Guide 4th edition, Figure 11-10 "Probability and Impact Matrix" (threats side), as printed on
// p. 357 of the digilib.universitaspertamina.ac.id copy and in "Appendix 9.8.2" (scribd.com/doc/51280292):
// probability 0.90 / 0.70 / 0.50 / 0.30 / 0.10 down the side, impact 0.05 / 0.10 / 0.20 / 0.40 / 0.80
// (Table 11-1's Very low … Very high) across; each cell is P × I rounded to two decimals.
const PMBOK_PROBABILITIES = [0.9, 0.7, 0.5, 0.3, 0.1];
const PMBOK_IMPACTS = [0.05, 0.1, 0.2, 0.4, 0.8];
const PMBOK_PRINTED = [
  [0.05, 0.09, 0.18, 0.36, 0.72],
  [0.04, 0.07, 0.14, 0.28, 0.56],
  [0.03, 0.05, 0.1, 0.2, 0.4],
  [0.02, 0.03, 0.06, 0.12, 0.24],
  [0.01, 0.01, 0.02, 0.04, 0.08],
];

// Heldman, "PMP Project Management Professional Study Guide", Table 6.3 "Sample Probability and Impact
// Matrix" (quoted at gristprojectmanagement.us): probability .8/.6/.4/.2, impact .05/.20/.40/.60/.80, and
// the worked example "probability .2 and impact .4 give .08".
const HELDMAN_PROBABILITIES = [0.8, 0.6, 0.4, 0.2];
const HELDMAN_IMPACTS = [0.05, 0.2, 0.4, 0.6, 0.8];
const HELDMAN_PRINTED = [
  [0.04, 0.16, 0.32, 0.48, 0.64],
  [0.03, 0.12, 0.24, 0.36, 0.48],
  [0.02, 0.08, 0.16, 0.24, 0.32],
  [0.01, 0.04, 0.08, 0.12, 0.16],
];

// An asymmetric AS/NZS 4360 (HB 436) style qualitative matrix, as published on miningandsustainability.com
// "Risk Assessment Matrix", Table 3: likelihood A Certain (top) … E Rare (bottom), consequence
// 1 Insignificant … 5 Catastrophic. Consequence weighs more than likelihood: Rare × Major is High while
// Likely × Insignificant is only Moderate, which no score band on P × I can express.
const HB436_ROWS = [
  ['High', 'High', 'Extreme', 'Extreme', 'Extreme'],
  ['Moderate', 'High', 'High', 'Extreme', 'Extreme'],
  ['Low', 'Moderate', 'High', 'Extreme', 'Extreme'],
  ['Low', 'Low', 'Moderate', 'High', 'Extreme'],
  ['Low', 'Low', 'Moderate', 'High', 'High'],
];

describe('risk score and default bands', () => {
  it('gives the NHS/NPSA 5×5 scores and grades cell by cell', () => {
    for (let likelihood = 1; likelihood <= 5; likelihood++) {
      for (let consequence = 1; consequence <= 5; consequence++) {
        const score = riskScore(likelihood, consequence);
        expect(score).toBe(NHS_SCORES[likelihood - 1]?.[consequence - 1]);
        expect(levelOf(score, DEFAULT_RATING_BANDS), `${likelihood} × ${consequence}`).toBe(NHS_GRADE[score]);
      }
    }
  });

  it('gives the PMBOK probability × impact matrix cell by cell, within the printed rounding', () => {
    PMBOK_PROBABILITIES.forEach((probability, row) => {
      PMBOK_IMPACTS.forEach((impact, column) => {
        const printed = PMBOK_PRINTED[row]?.[column] ?? Number.NaN;
        expect(Math.abs(riskScore(probability, impact) - printed)).toBeLessThanOrEqual(0.005 + 1e-12);
      });
    });
  });

  it("gives Heldman's sample matrix cell by cell, and .2 × .4 = .08 as in the worked example", () => {
    HELDMAN_PROBABILITIES.forEach((probability, row) => {
      HELDMAN_IMPACTS.forEach((impact, column) => {
        expect(riskScore(probability, impact)).toBeCloseTo(HELDMAN_PRINTED[row]?.[column] ?? Number.NaN, 12);
      });
    });
    expect(riskScore(0.2, 0.4)).toBeCloseTo(0.08, 12);
  });

  it('grades fractions Low below 0.05, Moderate below 0.15, High below 0.35 and Extreme from 0.35', () => {
    const cases: [number, string][] = [
      [0, 'Low'],
      [0.0499, 'Low'],
      [0.05, 'Moderate'],
      [0.1499, 'Moderate'],
      [0.15, 'High'],
      [0.3499, 'High'],
      [0.35, 'Extreme'],
      [1, 'Extreme'],
    ];
    for (const [score, level] of cases)
      expect(levelOf(score, DEFAULT_FRACTION_BANDS), String(score)).toBe(level);
  });

  it('has no level for a score below the lowest band', () => {
    expect(levelOf(0.5, DEFAULT_RATING_BANDS)).toBeUndefined();
    expect(bandIndex(-1, DEFAULT_FRACTION_BANDS)).toBe(-1);
  });

  it('never lowers the level when probability or impact rises (1–5 and fractions)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (p, i, dp, di) => {
          const before = bandIndex(riskScore(p, i), DEFAULT_RATING_BANDS);
          const after = bandIndex(riskScore(Math.min(5, p + dp), Math.min(5, i + di)), DEFAULT_RATING_BANDS);
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, i, p2, i2) => {
          const [lowP, highP] = p <= p2 ? [p, p2] : [p2, p];
          const [lowI, highI] = i <= i2 ? [i, i2] : [i2, i];
          const before = bandIndex(riskScore(lowP, lowI), DEFAULT_FRACTION_BANDS);
          expect(bandIndex(riskScore(highP, highI), DEFAULT_FRACTION_BANDS)).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});

describe('bands given by the user', () => {
  it('reads a two-column range (minimum score, label) under a header row, in any order', () => {
    const bands = readBands(
      [
        ['Minimum', 'Level'],
        [10, 'Red'],
        [1, 'Green'],
        ['5', 'Amber'],
      ],
      'RISK_LEVEL',
    );
    expect(bands).toEqual([
      { minimumScore: 1, label: 'Green' },
      { minimumScore: 5, label: 'Amber' },
      { minimumScore: 10, label: 'Red' },
    ]);
    expect(levelOf(9, bands as RiskBands)).toBe('Amber');
  });

  it('reads percentages as minimums of fraction bands', () => {
    expect(
      readBands(
        [
          ['0%', 'Low'],
          ['10%', 'High'],
        ],
        'RISK_LEVEL',
      ),
    ).toEqual([
      { minimumScore: 0, label: 'Low' },
      { minimumScore: 0.1, label: 'High' },
    ]);
  });

  it('names the problem with bands that are not two columns, lack a number or a label, or repeat a minimum', () => {
    const message = (grid: Parameters<typeof readBands>[0]) => {
      const result = readBands(grid, 'RISK_LEVEL');
      return isPmoError(result) ? result.message : 'no error';
    };
    expect(message([[1, 'Low', 'x']])).toBe(
      "RISK_LEVEL's bands must be a range of two columns (minimum score, label) or a square colour map of labels.",
    );
    expect(
      message([
        [1, 'Low'],
        ['lots', 'High'],
      ]),
    ).toBe('RISK_LEVEL\'s bands need a number as the minimum score in row 2, not "lots".');
    expect(
      message([
        [1, 'Low'],
        [5, ''],
      ]),
    ).toBe("RISK_LEVEL's bands need a label for the band starting at 5 (row 2).");
    expect(
      message([
        [1, 'Low'],
        [1, 'High'],
      ]),
    ).toBe("RISK_LEVEL's bands start two bands at the same score 1.");
    expect(message([['Minimum', 'Level']])).toBe("RISK_LEVEL's bands range holds no band.");
  });
});

describe('colour maps', () => {
  it('reads the published HB 436 style matrix with the most likely row on top, cell by cell', () => {
    const matrix = riskMatrixFromRows(HB436_ROWS) as RiskMatrix;
    expect(isPmoError(matrix)).toBe(false);
    for (let likelihood = 1; likelihood <= 5; likelihood++) {
      for (let consequence = 1; consequence <= 5; consequence++) {
        expect(levelFromMatrix(matrix, likelihood, consequence)).toBe(
          HB436_ROWS[5 - likelihood]?.[consequence - 1],
        );
      }
    }
    expect(levelFromMatrix(matrix, 1, 4)).toBe('High');
    expect(levelFromMatrix(matrix, 4, 1)).toBe('Moderate');
  });

  it('refuses a colour map that is not square or holds a blank or a number', () => {
    expect(isPmoError(riskMatrixFromRows([['Low', 'High']]))).toBe(true);
    expect(
      isPmoError(
        riskMatrixFromRows([
          ['Low', ''],
          ['Low', 'High'],
        ]),
      ),
    ).toBe(true);
    const numbers = riskMatrixFromRows([
      ['Low', 4],
      ['Low', 'High'],
    ]);
    expect(isPmoError(numbers) && numbers.message).toBe(
      'The risk matrix colour map needs a label in every cell; row 1, column 2 holds "4".',
    );
  });

  it('renders the default bands as the NHS/NPSA colour map', () => {
    const matrix = riskMatrixFromBands(DEFAULT_RATING_BANDS);
    for (let p = 1; p <= 5; p++) {
      for (let i = 1; i <= 5; i++) expect(levelFromMatrix(matrix, p, i)).toBe(NHS_GRADE[p * i]);
    }
  });
});
