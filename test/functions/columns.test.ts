import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPmoError } from '../../core/errors';
import { CATALOG, findFunction } from '../../core/functions/catalog';
import { alignColumns, columnArg, columnResult, isNumberLike } from '../../core/functions/columns';
import { invoke } from '../../core/functions/invoke';
import { expectWellFormedResult } from '../helpers';

describe('column arguments', () => {
  it('takes a text first cell above numbers as a header, and gives a header cell out', () => {
    const column = columnArg([['Job size'], [3], ['5'], [null]], isNumberLike);
    expect(column).toEqual({ header: 'Job size', cells: [3, '5', null] });
    expect(columnResult(column.header !== undefined, 'WSJF', [1, 2, ''])).toEqual([['WSJF'], [1], [2], ['']]);
  });

  it('answers an empty range with the label alone, never an empty array a host cannot show', () => {
    expect(columnResult(false, 'Exposure', [])).toEqual([['Exposure']]);
    expect(columnResult(false, 'Exposure', [5])).toEqual([[5]]);
  });

  it('takes a text first cell above blanks as the header of a blank template', () => {
    expect(columnArg([['Cost'], [null], ['']], isNumberLike)).toEqual({ header: 'Cost', cells: [null, ''] });
  });

  it('keeps a first cell that is itself a value, and reads a row like a column', () => {
    expect(columnArg([['40%'], [3]], isNumberLike).header).toBeUndefined();
    expect(columnArg([[1, 2, 3]], isNumberLike)).toEqual({ header: undefined, cells: [1, 2, 3] });
  });

  it('refuses a block of several rows and columns instead of silently using its first column', () => {
    const wsjf = findFunction('WSJF');
    if (!wsjf) throw new Error('WSJF');
    const result = invoke(wsjf, [
      [[1]],
      [[1]],
      [[1]],
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expect(isPmoError(result) && result.message).toBe(
      "WSJF's job_size must be a single column (or row), not a block.",
    );
  });
});

describe('parallel columns (one rule for every function family)', () => {
  const number = { isValue: isNumberLike };

  it('lines up columns and gives a header out when any column had one', () => {
    expect(
      alignColumns('F', [
        { name: 'a', grid: [['A'], [1], [2]], ...number },
        { name: 'b', grid: [[3], [4]], ...number },
      ]),
    ).toEqual({
      header: true,
      rowCount: 2,
      columns: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('uses a single cell for every row', () => {
    expect(
      alignColumns('F', [
        { name: 'a', grid: [[1], [2], [3]], ...number },
        { name: 'b', grid: [[10]], ...number },
      ]),
    ).toEqual({
      header: false,
      rowCount: 3,
      columns: [
        [1, 2, 3],
        [10, 10, 10],
      ],
    });
  });

  it('refuses columns of different lengths, naming both', () => {
    const result = alignColumns('F', [
      { name: 'probability', grid: [[1], [2], [3]], ...number },
      { name: 'impact', grid: [[1], [2]], ...number },
    ]);
    expect(isPmoError(result) && result.message).toBe(
      "F's impact has 2 rows but probability has 3; give ranges of the same size (or one cell for every row).",
    );
  });

  it('gives the same answer in the scoring and the risk families', () => {
    const wsjf = findFunction('WSJF');
    const exposure = findFunction('EXPOSURE');
    if (!wsjf || !exposure) throw new Error('catalog');
    const short = [[1], [2]];
    const long = [[1], [2], [3]];
    const fromWsjf = invoke(wsjf, [long, long, long, short]);
    const fromExposure = invoke(exposure, [[[0.1], [0.2], [0.3]], short]);
    expect(isPmoError(fromWsjf) && fromWsjf.message).toMatch(
      /has 2 rows but .* has 3; give ranges of the same size/,
    );
    expect(isPmoError(fromExposure) && fromExposure.message).toMatch(
      /has 2 rows but .* has 3; give ranges of the same size/,
    );
  });
});

describe('invoke', () => {
  const cell: fc.Arbitrary<unknown> = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(''),
    fc.integer({ min: -5, max: 50_000 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constantFrom(
      'Resource',
      'Start',
      'End',
      'Hours',
      'Probability',
      'Impact',
      'High',
      'L  ',
      '40%',
      '1/3',
      '#N/A',
      '=1+1',
      'week',
      'x',
    ),
    fc.string({ maxLength: 6 }),
    fc.date({ min: new Date('1899-01-01'), max: new Date('2100-01-01') }),
  );
  const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
  const arg = fc.oneof(cell, grid);

  it('never throws, and never returns NaN or Infinity, for any function and any arguments', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CATALOG), fc.array(arg, { maxLength: 9 }), (spec, args) => {
        expectWellFormedResult(invoke(spec, args));
      }),
      { numRuns: 2000 },
    );
  });
});
