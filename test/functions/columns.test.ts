import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPmoError } from '../../core/errors';
import { CATALOG } from '../../core/functions/catalog';
import { columnArg, columnResult, isNumberLike, vectorArg } from '../../core/functions/columns';
import { invoke } from '../../core/functions/invoke';
import { expectWellFormedResult } from '../helpers';

describe('column arguments', () => {
  it('takes a text first cell above numbers as a header, and gives a header cell out', () => {
    const column = columnArg([['Job size'], [3], ['5'], [null]], isNumberLike);
    expect(column).toEqual({ header: 'Job size', cells: [3, '5', null] });
    expect(columnResult(column.header, 'WSJF', [1, 2, ''])).toEqual([['WSJF'], [1], [2], ['']]);
  });

  it('takes a text first cell above blanks as the header of a blank template', () => {
    expect(columnArg([['Cost'], [null], ['']], isNumberLike)).toEqual({ header: 'Cost', cells: [null, ''] });
  });

  it('keeps a first cell that is itself a value, and reads a row like a column', () => {
    expect(columnArg([['40%'], [3]], isNumberLike).header).toBeUndefined();
    expect(columnArg([[1, 2, 3]], isNumberLike)).toEqual({ header: undefined, cells: [1, 2, 3] });
  });

  it('refuses a block of several rows and columns instead of silently using its first column', () => {
    const result = vectorArg(
      'WSJF',
      'job_size',
      [
        [1, 2],
        [3, 4],
      ],
      isNumberLike,
    );
    expect(isPmoError(result) && result.message).toBe(
      "WSJF's job_size must be a single column (or row), not a block.",
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
