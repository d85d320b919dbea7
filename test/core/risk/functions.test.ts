// The risk catalog entries through `invoke`, the step every host uses: arguments, headers, errors, guards.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPmoError } from '../../../core/errors';
import { findFunction } from '../../../core/functions/catalog';
import { invoke } from '../../../core/functions/invoke';
import { RISK_FUNCTIONS } from '../../../core/functions/risk-functions';
import type { OutGrid } from '../../../core/functions/types';
import { call, expectWellFormedResult, grid } from '../../helpers';

function message(name: string, ...args: unknown[]): string {
  const result = call(name, ...args);
  return isPmoError(result) ? result.message : 'no error';
}

/** A one-column result as a list, errors shown as their message. */
const column = (result: OutGrid) => result.map(([cell]) => (isPmoError(cell) ? cell.message : cell));

describe('the risk catalog', () => {
  it('lists RISK_SCORE, RISK_LEVEL, HEATMAP, EXPOSURE, RISK_SUMMARY and SIMULATE_EXPOSURE in that order', () => {
    expect(RISK_FUNCTIONS.map((spec) => spec.name)).toEqual([
      'RISK_SCORE',
      'RISK_LEVEL',
      'HEATMAP',
      'EXPOSURE',
      'RISK_SUMMARY',
      'SIMULATE_EXPOSURE',
    ]);
    for (const spec of RISK_FUNCTIONS) expect(findFunction(`PMO.${spec.name}`)).toBe(spec);
  });

  it('never throws, and never returns NaN or Infinity, whatever cells and arguments it is given', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        null,
        'High',
        'M - H',
        'L  ',
        '40%',
        '300,000 CHF',
        'x',
        '#N/A',
        'Total',
        'Probability',
      ),
      fc.integer({ min: -3, max: 8 }),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.string({ maxLength: 6 }),
    );
    const range = fc.oneof(cell, fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 }));
    fc.assert(
      fc.property(
        fc.constantFrom(...RISK_FUNCTIONS),
        fc.array(fc.oneof(range, fc.constant(undefined)), { maxLength: 7 }),
        (spec, args) => {
          expectWellFormedResult(invoke(spec, args));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps registers with header rows whole: never throws on arbitrary registers either', () => {
    const cell = fc.oneof(
      fc.constantFrom('', null, 'Likely', 'Major', 'H', '40%', 0.2, 3, '$1.2M', '(1,500)', 'x', 'Total'),
      fc.double({ noNaN: false }),
    );
    const header = fc.shuffledSubarray(
      [
        'ID',
        'Risk',
        'Category',
        'Probability',
        'Impact',
        'Cost',
        'Cost Low',
        'Cost High',
        'Residual Probability',
      ],
      { minLength: 1 },
    );
    fc.assert(
      fc.property(
        header,
        fc.array(fc.array(cell, { minLength: 9, maxLength: 9 }), { maxLength: 8 }),
        (names, rows) => {
          const register = [names, ...rows.map((row) => row.slice(0, names.length))];
          expectWellFormedResult(call('RISK_SUMMARY', register, 'Category'));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('RISK_SCORE and RISK_LEVEL', () => {
  it('give a header out only when a header came in', () => {
    expect(column(grid('RISK_SCORE', [['P'], [2]], [['I'], [3]]))).toEqual(['Score', 6]);
    expect(column(grid('RISK_SCORE', [[2]], [[3]]))).toEqual([6]);
    expect(column(grid('RISK_LEVEL', [['Probability'], [2]], [[3]]))).toEqual(['Level', 'Moderate']);
  });

  it('gives its header alone for a blank template (a header over blank cells)', () => {
    expect(column(grid('RISK_SCORE', [['Probability'], [''], ['']], [['Impact'], [''], ['']]))).toEqual([
      'Score',
      '',
      '',
    ]);
  });

  it('reads a single cell, as Sheets passes a 1×1 range', () => {
    expect(grid('RISK_SCORE', 'Likely', 'Major')).toEqual([[16]]);
    expect(grid('RISK_LEVEL', 0.5, 0.4)).toEqual([['High']]);
  });

  it('levels fractions on the fraction bands by default', () => {
    expect(column(grid('RISK_LEVEL', [[0.1], [0.3], [0.5], [0.7]], [[0.1], [0.3], [0.5], [0.7]]))).toEqual([
      'Low',
      'Moderate',
      'High',
      'Extreme',
    ]);
  });

  it('says why a row has no score: one side blank, an error value, TRUE', () => {
    expect(column(grid('RISK_SCORE', [[3], [''], ['#N/A'], [true]], [[''], [2], [2], [2]]))).toEqual([
      'impact is blank',
      'probability is blank',
      'probability is the error value #N/A',
      'probability TRUE is not a rating',
    ]);
  });

  it('needs probability and impact of the same length, or one cell used for every row (the rule of every family)', () => {
    expect(message('RISK_SCORE', [[1], [2], [4]], [[3], [5]])).toBe(
      "RISK_SCORE's impact has 2 rows but probability has 3; give ranges of the same size (or one cell for every row).",
    );
    expect(column(grid('RISK_SCORE', [[1], [2]], [[3]]))).toEqual([3, 6]);
  });

  it('takes a 3×3 colour map for a three-level register', () => {
    const map = [
      ['Amber', 'Red', 'Red'],
      ['Green', 'Amber', 'Red'],
      ['Green', 'Green', 'Amber'],
    ];
    expect(column(grid('RISK_LEVEL', [['H'], ['L'], ['M']], [['L'], ['H'], ['M']], map))).toEqual([
      'Amber',
      'Amber',
      'Amber',
    ]);
    expect(column(grid('RISK_LEVEL', [['H'], ['M']], [['M'], ['H']], map))).toEqual(['Red', 'Red']);
  });

  it('refuses bands that are neither two columns nor a square colour map', () => {
    expect(message('RISK_LEVEL', [[1]], [[1]], 'Low')).toBe(
      "RISK_LEVEL's bands must be a range of two columns (minimum score, label) or a square colour map of labels.",
    );
  });
});

describe('HEATMAP', () => {
  it('places probability in percent and impact on 1–5 on their own axes (a heatmap multiplies nothing)', () => {
    const table = grid('HEATMAP', [['10%'], ['90%'], ['45%']], [[1], [5], [3]]);
    expect(table[5]).toEqual([1, 1, 0, 0, 0, 0]);
    expect(table[1]).toEqual([5, 0, 0, 0, 0, 1]);
    expect(table[3]).toEqual([3, 0, 0, 1, 0, 0]);
  });

  it('guards its size', () => {
    expect(message('HEATMAP', [[1]], [[1]], 1)).toBe(
      'HEATMAP\'s size must be a whole number from 2 to 20, not "1".',
    );
    expect(message('HEATMAP', [[1]], [[1]], 'big')).toBe(
      'HEATMAP\'s size must be a whole number from 2 to 20, not "big".',
    );
    expect(grid('HEATMAP', [[1]], [[1]], '3')).toHaveLength(4);
  });

  it('gives an empty grid for a register with no rated risk yet', () => {
    expect(grid('HEATMAP', [['Probability'], ['']], [['Impact'], ['']], 2)).toEqual([
      ['', 1, 2],
      [2, 0, 0],
      [1, 0, 0],
    ]);
  });
});

describe('EXPOSURE', () => {
  it('keeps the sign the register writes: a negative amount gives a negative exposure', () => {
    expect(column(grid('EXPOSURE', [[0.5], [0.5]], [['(1,500)'], [-200]]))).toEqual([-750, -100]);
  });

  it('reads a column of 0s and 1s as chances', () => {
    expect(column(grid('EXPOSURE', [[1], [0]], [[100], [100]]))).toEqual([100, 0]);
  });

  it('asks for a percentage where a bare 40 was written', () => {
    expect(column(grid('EXPOSURE', [[40], [60]], [[100], [100]]))).toEqual([
      'probability "40" is above 1 in a column of fractions (write 40% for a percentage)',
      'probability "60" is above 1 in a column of fractions (write 40% for a percentage)',
    ]);
  });

  it('refuses amounts beyond a quadrillion, so totals stay finite', () => {
    expect(column(grid('EXPOSURE', [[0.5]], [[1e300]]))).toEqual([
      'impact "1e+300" is beyond ±1,000,000,000,000,000',
    ]);
  });
});

describe('RISK_SUMMARY', () => {
  const register = [
    ['ID', 'Owner', 'Likelihood', 'Impact', 'Cost'],
    ['R1', 'Ana', 'Likely', 'Major', 1000],
    ['R2', 'Ben', 'Rare', 'Minor', 500],
  ];

  it('shows why there is no exposure when the probabilities are 1–5 ratings', () => {
    const [, total] = grid('RISK_SUMMARY', register, null);
    expect(total?.slice(0, 7)).toEqual(['Total', 2, 1, 0, 0, 1, 0]);
    const exposure = total?.[7];
    expect(isPmoError(exposure) && exposure.message).toBe(
      'exposure needs probabilities such as 0.4 or 40%, not 1–5 ratings',
    );
  });

  it('has an error value for shares when the portfolio’s exposure is 0', () => {
    const [, , total] = grid(
      'RISK_SUMMARY',
      [
        ['ID', 'Owner', 'Probability', 'Impact', 'Cost'],
        ['R1', 'Ana', 0, 0.5, 1000],
      ],
      'owner',
    );
    const share = total?.[8];
    expect(total?.[7]).toBe(0);
    expect(isPmoError(share) && [share.code, share.message]).toEqual([
      'not-available',
      "the portfolio's total exposure is 0, so it has no shares",
    ]);
  });

  it('needs the whole register, header row included', () => {
    expect(message('RISK_SUMMARY', 'R1', null)).toBe(
      'The Risks table is a single cell: give the whole table, header row included.',
    );
  });
});

describe('SIMULATE_EXPOSURE', () => {
  const p = [['40%'], ['10%']];
  const low = [[100], [1000]];
  const likely = [[200], [2000]];
  const high = [[400], [5000]];

  it('returns two columns: Mean, P50, P80, P90, P95 and Contingency = P95 − P50', () => {
    const table = grid('SIMULATE_EXPOSURE', p, low, likely, high, 1000, 5);
    expect(table.map(([label]) => label)).toEqual(['Mean', 'P50', 'P80', 'P90', 'P95', 'Contingency']);
    const value = (row: number) => table[row]?.[1] as number;
    expect(value(5)).toBe(value(4) - value(1));
  });

  it('guards iterations, the seed and the total number of draws', () => {
    expect(message('SIMULATE_EXPOSURE', p, low, likely, high, 2.5, null)).toBe(
      'SIMULATE_EXPOSURE\'s iterations must be a whole number from 1 to 1,000,000, not "2.5".',
    );
    expect(message('SIMULATE_EXPOSURE', p, low, likely, high, null, -1)).toBe(
      'SIMULATE_EXPOSURE\'s seed must be a whole number from 0 to 4,294,967,295, not "-1".',
    );
    const many = Array.from({ length: 21 }, () => [0.5]);
    const cost = Array.from({ length: 21 }, () => [10]);
    expect(message('SIMULATE_EXPOSURE', many, cost, cost, cost, 1_000_000, null)).toBe(
      'SIMULATE_EXPOSURE would make 21,000,000 draws (iterations × risks); the most is 20,000,000, so lower iterations.',
    );
  });

  it('says when there is nothing to simulate, and names a bad row', () => {
    const blank = [[''], ['']];
    expect(call('SIMULATE_EXPOSURE', blank, blank, blank, blank, null, null)).toEqual({
      kind: 'error',
      code: 'not-available',
      message: 'SIMULATE_EXPOSURE has no risk to simulate: every row is blank.',
    });
    expect(message('SIMULATE_EXPOSURE', [[0.5], ['']], low, likely, high, null, null)).toBe(
      'SIMULATE_EXPOSURE cannot use row 2: probability is blank.',
    );
    expect(message('SIMULATE_EXPOSURE', p, low, [[200], ['']], high, null, null)).toBe(
      'SIMULATE_EXPOSURE cannot use row 2: likely is blank.',
    );
    expect(message('SIMULATE_EXPOSURE', p, low, likely, [[150], [5000]], null, null)).toBe(
      'SIMULATE_EXPOSURE cannot use row 1: likely 200 is above high 150.',
    );
    expect(message('SIMULATE_EXPOSURE', [[4], [2]], low, likely, high, null, null)).toBe(
      'SIMULATE_EXPOSURE needs probabilities such as 0.4 or 40%, but probability holds 1–5 ratings ("4" in row 1).',
    );
    expect(message('SIMULATE_EXPOSURE', p, low, likely, [[1], [2], [3]], null, null)).toBe(
      "SIMULATE_EXPOSURE's probability has 2 rows but high has 3; give ranges of the same size (or one cell for every row).",
    );
  });
});
