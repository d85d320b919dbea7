// The prioritization catalog entries through `invoke`, as the hosts call them: header in → header out, row
// errors inside a column, whole-function errors naming the problem, and no throw, NaN or Infinity for any input.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPmoError, type PmoError } from '../../../core/errors';
import { invoke } from '../../../core/functions/invoke';
import { PRIORITIZATION_FUNCTIONS } from '../../../core/functions/prioritization-functions';
import type { OutCell, OutGrid } from '../../../core/functions/types';
import { call, expectWellFormedResult, grid } from '../../helpers';

/** Cells as plain values: an error cell becomes "#error: its message". */
function plain(result: OutGrid | PmoError): unknown {
  if (isPmoError(result)) return `#${result.code}: ${result.message}`;
  return result.map((row) =>
    row.map((cell: OutCell) => (isPmoError(cell) ? `#error: ${cell.message}` : cell)),
  );
}

const column = (...cells: unknown[]) => cells.map((cell) => [cell]);

describe('the prioritization catalog', () => {
  it('lists SCORE, WSJF, RICE, AHP_WEIGHTS, AHP_CR, SELECT, FRONTIER in that order', () => {
    expect(PRIORITIZATION_FUNCTIONS.map((spec) => spec.name)).toEqual([
      'SCORE',
      'WSJF',
      'RICE',
      'AHP_WEIGHTS',
      'AHP_CR',
      'SELECT',
      'FRONTIER',
    ]);
  });
});

describe('SCORE', () => {
  const ratings = [
    ['Value', 'Risk', 'Cost'],
    [8, 3, '100'],
    [6, 1, '$50'],
    ['', '', ''],
    [9, 5, 200],
  ];

  it('returns a Score header over one score per row when the ratings have a header row, blank rows blank', () => {
    expect(plain(call('SCORE', ratings, [[5, 2, 3]], [['max', 'min', 'cost']], null))).toEqual([
      ['Score'],
      [(5 * 8 + 2 * 3 + 3 * 150) / 10],
      [(5 * 6 + 2 * 5 + 3 * 200) / 10],
      [''],
      [(5 * 9 + 2 * 1 + 3 * 50) / 10],
    ]);
  });

  it('takes weights as a column with its header, or as a row under criterion labels', () => {
    const fromColumn = grid('SCORE', ratings, column('Weight', 0.5, 0.2, 0.3), null, 'sum');
    const fromRow = grid(
      'SCORE',
      ratings,
      [
        ['Value', 'Risk', 'Cost'],
        ['50%', '20%', '30%'],
      ],
      null,
      'weighted sum',
    );
    expect(fromRow).toEqual(fromColumn);
    expect(fromColumn[1]).toEqual([0.5 * 8 + 0.2 * 3 + 0.3 * 100]);
  });

  it('gives no header without one, and an error value naming the criterion in a row it cannot read', () => {
    expect(
      plain(
        call(
          'SCORE',
          [
            [1, 2],
            [3, 'n/a'],
            [5, 6],
          ],
          [[1, 1]],
          null,
          'minmax',
        ),
      ),
    ).toEqual([[0], ['#error: rating 2 "n/a" is not a number'], [1]]);
    expect(
      plain(
        call(
          'SCORE',
          [
            ['Value', 'Risk'],
            [1, ''],
            [3, 4],
          ],
          [[1, 1]],
        ),
      ),
    ).toEqual([['Score'], ['#error: Risk is blank'], [3.5]]);
  });

  it('is an error naming the problem for mismatched weights, a text column, bad directions and methods', () => {
    expect(plain(call('SCORE', ratings, [[1, 1]]))).toBe(
      '#value: SCORE has 3 rating columns but 2 weights; give one weight per criterion.',
    );
    expect(
      plain(
        call(
          'SCORE',
          [
            ['Name', 'Value'],
            ['Alpha', 3],
            ['Beta', 4],
          ],
          [[1, 1]],
        ),
      ),
    ).toBe(
      '#value: SCORE\'s ratings column 1 ("Name") holds text, not ratings: select only the criteria columns.',
    );
    expect(plain(call('SCORE', ratings, [[1, 1, 1]], [['max', 'down', 'min']]))).toBe(
      '#value: SCORE\'s direction 2 "down" is not max (benefit, higher) or min (cost, lower).',
    );
    expect(plain(call('SCORE', ratings, [[1, 1, 1]], null, 'median'))).toBe(
      '#value: SCORE\'s method "median" is not one of "weighted", "sum", "minmax".',
    );
    expect(plain(call('SCORE', ratings, [[0, 0, 0]]))).toBe(
      '#value: SCORE: All weights are 0: at least one weight must be above 0.',
    );
  });
});

describe('WSJF and RICE', () => {
  it('returns a WSJF header and an error value in the row whose job size is 0 or blank, the others computed', () => {
    expect(
      plain(
        call(
          'WSJF',
          column('User-Business Value', 8, 8, 13),
          column('Time Criticality', 5, 5, 5),
          column('RR|OE', 13, 8, 8),
          column('Job Size', 5, 0, ''),
        ),
      ),
    ).toEqual([['WSJF'], [5.2], ['#error: job size must be > 0'], ['#error: job size is blank']]);
  });

  it('lines a headerless column up with headed ones, uses a single cell for every row, and rejects unequal lengths', () => {
    expect(plain(call('WSJF', column('BV', 8, 13), column(5, 5), column('RR', 13, 8), 5))).toEqual([
      ['WSJF'],
      [5.2],
      [5.2],
    ]);
    expect(plain(call('WSJF', column(1, 2, 3), column(1, 2), column(1, 2, 3), column(1, 1, 1)))).toBe(
      "#value: WSJF's time_criticality has 2 rows but business_value has 3; give ranges of the same size (or one cell for every row).",
    );
  });

  it('scores Intercom’s three projects with impact and confidence words and percentages', () => {
    expect(
      plain(
        call(
          'RICE',
          column('Reach', 450, 2000, 800),
          column('Impact', 'Massive', 'medium', 2),
          column('Confidence', '100%', 80, 'low'),
          column('Effort', 2, 4, 1),
        ),
      ),
    ).toEqual([['RICE'], [675], [400], [800]]);
  });

  it('puts the reason in the row for blank effort, an unknown impact word and a confidence above 100%', () => {
    expect(
      plain(
        call('RICE', column(10, 10, 10), column(1, 'huge', 1), column(0.5, 0.5, '150%'), column('', 1, 1)),
      ),
    ).toEqual([
      ['#error: effort is blank'],
      ['#error: impact "huge" is not a number or massive/high/medium/low/minimal'],
      ['#error: confidence "150%" is not a percentage such as 80% (or high/medium/low)'],
    ]);
  });
});

describe('AHP_WEIGHTS and AHP_CR', () => {
  const labelled = [
    ['', 'Cost', 'Risk', 'Value'],
    ['Cost', 1, '1/3', '1/5'],
    ['Risk', '', 1, '1/2'],
    ['Value', '', '', ''],
  ];

  it('returns a Weight header when the matrix had a header row, and the same weights by both methods for n = 3', () => {
    const eigen = grid('AHP_WEIGHTS', labelled, null);
    const geometric = grid('AHP_WEIGHTS', labelled, 'geometric mean');
    expect(eigen[0]).toEqual(['Weight']);
    eigen.slice(1).forEach((row, i) => {
      expect(row[0]).toBeCloseTo(geometric[i + 1]?.[0] as number, 12);
    });
    expect(eigen.slice(1).reduce((sum, row) => sum + (row[0] as number), 0)).toBeCloseTo(1, 12);
  });

  it('reads ri_table as a name, a list for n = 1, 2, 3…, or (n, RI) pairs under a header', () => {
    const matrix = [
      [1, 2, '1/4'],
      ['', 1, 3],
      ['', '', 1],
    ];
    const ci = (grid('AHP_CR', matrix, 'saaty')[0]?.[0] as number) * 0.58;
    expect(grid('AHP_CR', matrix, 'Alonso-Lamata')[0]?.[0]).toBeCloseTo(ci / 0.5247, 12);
    expect(grid('AHP_CR', matrix, [[0, 0, 0.5]])[0]?.[0]).toBeCloseTo(ci / 0.5, 12);
    expect(
      grid('AHP_CR', matrix, [
        ['n', 'RI'],
        [3, 0.4],
        [4, 0.8],
      ])[0]?.[0],
    ).toBeCloseTo(ci / 0.4, 12);
  });

  it('is an error naming the cell or the missing RI', () => {
    expect(
      plain(
        call(
          'AHP_CR',
          [
            [1, 2],
            [3, 1],
          ],
          null,
        ),
      ),
    ).toBe(
      '#value: AHP_CR: The entry at row 2, column 1 is 3 but row 1, column 2 is 2, so it should be 1/2 ≈ 0.5000 (within 1%); fix it or leave one of the two blank.',
    );
    expect(
      plain(
        call(
          'AHP_CR',
          [
            [1, 2, 3],
            ['', 1, 2],
            ['', '', 1],
          ],
          'noble',
        ),
      ),
    ).toBe(
      '#value: AHP_CR\'s ri_table "noble" is not one of "saaty", "saaty-2005", "donegan-dodd", "alonso-lamata".',
    );
    expect(
      plain(
        call(
          'AHP_WEIGHTS',
          [
            [1, 2],
            ['', 1],
          ],
          'median',
        ),
      ),
    ).toBe('#value: AHP_WEIGHTS\'s method "median" is not one of "eigen", "geometric".');
  });
});

describe('SELECT and FRONTIER', () => {
  it('returns a Selected header and TRUE/FALSE per row, blank rows blank, reading money text, must, groups and requires', () => {
    expect(
      plain(
        call(
          'SELECT',
          column('Cost', 'CHF 1,200,000', '$450k', '', '300 000', 250000),
          column('Value', 10, 5, '', 4, 6),
          'CHF 1,500,000',
          column('Must', '', '', '', 'yes', ''),
          column('Group', '', 'CRM', '', '', 'crm'),
          column('Requires', '', '', '', 1, ''),
        ),
      ),
    ).toEqual([['Selected'], [true], [false], [''], [true], [false]]);
  });

  it('names the initiative whose cost or value cannot be read, or whose requirement is blank', () => {
    expect(plain(call('SELECT', column(10, 'ten'), column(1, 2), 100))).toBe(
      '#value: SELECT: the cost "ten" is not a number for initiative 2; every initiative needs a cost.',
    );
    expect(plain(call('SELECT', column(10, 20, ''), column(1, '', ''), 100))).toBe(
      '#value: SELECT: the value is blank for initiative 2; every initiative needs a value.',
    );
    expect(
      plain(call('SELECT', column(10, '', 5), column(1, '', 2), 100, null, null, column('', '', 2))),
    ).toBe('#value: SELECT: initiative 3 requires initiative 2, which is blank.');
  });

  it('says when must items exceed the budget, naming them by their list position', () => {
    expect(plain(call('SELECT', column('', 600, 700), column('', 1, 1), 1000, column('', true, 'x')))).toBe(
      '#value: SELECT: The must-fund initiatives (2 and 3) cost 1,300, more than the budget of 1,000.',
    );
  });

  it('returns the frontier table Budget, Value, Cost, Count from the cheapest item to the total cost', () => {
    expect(grid('FRONTIER', column('Cost', 3, 2, 5), column('Value', 4, 3, 6), 3)).toEqual([
      ['Budget', 'Value', 'Cost', 'Count'],
      [2, 3, 2, 1],
      [6, 7, 5, 2],
      [10, 13, 10, 3],
    ]);
    expect(plain(call('FRONTIER', column(1, 2), column(1, 2), 1))).toBe(
      '#value: FRONTIER\'s points must be a whole number from 2 to 1,000, not "1".',
    );
  });
});

describe('invoke on the prioritization functions', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(''),
    fc.integer({ min: -5, max: 12 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constantFrom(
      '1/3',
      '80%',
      'high',
      'massive',
      'min',
      'cost',
      'TRUE',
      'x',
      '2, 3',
      'CHF 1,200',
      'n/a',
      '#N/A',
      'Cost',
      'saaty',
    ),
    fc.string({ maxLength: 6 }),
  );
  const argument = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    cell,
    fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
  );

  it('never throws, never reports an internal error, and never returns NaN or Infinity, whatever the arguments', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRIORITIZATION_FUNCTIONS),
        fc.array(argument, { maxLength: 7 }),
        (spec, args) => {
          expectWellFormedResult(invoke(spec, args));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
