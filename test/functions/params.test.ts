// Typed catalog parameters: invoke converts every argument by its declared kind before any function runs, so a
// function receives clean values and every family answers a bad argument with the same sentence.

import { describe, expect, expectTypeOf, it } from 'vitest';
import { isPmoError } from '../../core/errors';
import { findFunction } from '../../core/functions/catalog';
import { invoke } from '../../core/functions/invoke';
import { type ArgsOf, defineFunction, type OutGrid } from '../../core/functions/types';

/** A function that echoes what `run` received, to see the conversion itself. */
const PROBE = defineFunction({
  name: 'PROBE',
  description: 'Echoes its converted arguments.',
  returns: 'One row.',
  params: [
    { name: 'amount', kind: 'number', min: 0, description: 'A budget.' },
    {
      name: 'period',
      kind: 'choice',
      optional: true,
      values: ['week', 'month'],
      default: 'week',
      aliases: { weekly: 'week', monthly: 'month' },
      description: 'A period.',
    },
    {
      name: 'points',
      kind: 'number',
      optional: true,
      default: 10,
      min: 2,
      max: 1000,
      integer: true,
      description: 'n',
    },
    { name: 'threshold', kind: 'ratio', optional: true, default: 1, description: 'A ratio.' },
    { name: 'start', kind: 'date', optional: true, description: 'A day.' },
    { name: 'group_by', kind: 'text', optional: true, description: 'A header.' },
  ],
  run: ([amount, period, points, threshold, start, groupBy]) => [
    [amount, period, points, threshold, start ?? 'none', groupBy ?? 'none'],
  ],
});

const probe = (...args: unknown[]) => invoke(PROBE, args);
const messageOf = (result: ReturnType<typeof invoke>) => (isPmoError(result) ? result.message : 'no error');

describe('typed parameters', () => {
  it('types run’s arguments from the parameter list: choices as their words, defaults never undefined', () => {
    type Args = ArgsOf<
      readonly [
        { readonly name: 'a'; readonly kind: 'number'; readonly description: '' },
        {
          readonly name: 'b';
          readonly kind: 'choice';
          readonly optional: true;
          readonly values: readonly ['x', 'y'];
          readonly default: 'x';
          readonly description: '';
        },
        { readonly name: 'c'; readonly kind: 'date'; readonly optional: true; readonly description: '' },
      ]
    >;
    expectTypeOf<Args[0]>().toEqualTypeOf<number>();
    expectTypeOf<Args[1]>().toEqualTypeOf<'x' | 'y'>();
    expectTypeOf<Args[2]>().toEqualTypeOf<number | undefined>();
  });

  it('gives omitted optional arguments their declared defaults', () => {
    expect(probe(100)).toEqual([[100, 'week', 10, 1, 'none', 'none']]);
    expect(probe(100, '', null, undefined)).toEqual([[100, 'week', 10, 1, 'none', 'none']]);
  });

  it('reads money text, choices by word or alias in any case, ratios, dates and text', () => {
    expect(probe('CHF 1,200', ' Monthly ', '25', '120%', '2025-03-03', ' Owner ')).toEqual([
      [1200, 'month', 25, 1.2, 45719, 'Owner'],
    ]);
    expect((probe(1, 'WEEK', 3, 150) as OutGrid)[0]?.slice(1, 4)).toEqual(['week', 3, 1.5]);
  });

  it('answers a value outside the bounds or the choices with what is allowed', () => {
    expect(messageOf(probe(-5))).toBe('PROBE\'s amount must be a number ≥ 0, not "-5".');
    expect(messageOf(probe('lots'))).toBe('PROBE\'s amount must be a number ≥ 0, not "lots".');
    expect(messageOf(probe(1, 'fortnight'))).toBe(
      'PROBE\'s period "fortnight" is not one of "week", "month".',
    );
    expect(messageOf(probe(1, null, 2.5))).toBe(
      'PROBE\'s points must be a whole number from 2 to 1,000, not "2.5".',
    );
    expect(messageOf(probe(1, null, null, 'high'))).toBe(
      'PROBE\'s threshold "high" is not a ratio such as 1, 1.2 or 120%.',
    );
    expect(messageOf(probe(1, null, null, null, 'soon'))).toBe('PROBE\'s start "soon" is not a date.');
  });

  it('names an error cell, a range given for one value, a missing argument and one too many', () => {
    expect(messageOf(probe('#N/A'))).toBe("PROBE's amount is the error #N/A.");
    expect(messageOf(probe([[1], [2]]))).toBe("PROBE's amount must be a single value, not a range.");
    expect(messageOf(probe(null))).toBe('PROBE needs amount.');
    expect(messageOf(probe(1, null, null, null, null, null, 'extra'))).toBe(
      'PROBE takes at most 6 arguments; it was given 7.',
    );
  });

  it('reads the same bad argument the same way in every family', () => {
    const frontier = findFunction('FRONTIER');
    const heatmap = findFunction('HEATMAP');
    if (!frontier || !heatmap) throw new Error('catalog');
    expect(messageOf(invoke(frontier, [[[1], [2]], [[3], [4]], 'many']))).toBe(
      'FRONTIER\'s points must be a whole number from 2 to 1,000, not "many".',
    );
    expect(messageOf(invoke(heatmap, [[[1]], [[1]], 'many']))).toBe(
      'HEATMAP\'s size must be a whole number from 2 to 20, not "many".',
    );
  });
});

describe('the one magnitude rule for numbers', () => {
  it('refuses a number beyond ±1e15 by name where no bounds say more, and keeps the bounds message where they do', () => {
    expect(messageOf(probe(1e21))).toBe('PROBE\'s amount "1e+21" is beyond ±1,000,000,000,000,000.');
    expect(messageOf(probe('CHF 2e15'))).toBe('PROBE\'s amount "CHF 2e15" is beyond ±1,000,000,000,000,000.');
    expect(messageOf(probe(1, null, 1e300))).toBe(
      'PROBE\'s points must be a whole number from 2 to 1,000, not "1e+300".',
    );
    expect(messageOf(probe(1, null, null, '1e20%'))).toBe(
      'PROBE\'s threshold "1e20%" is beyond ±1,000,000,000,000,000.',
    );
    expect(probe(1e15)).toEqual([[1e15, 'week', 10, 1, 'none', 'none']]);
  });

  it('reads a denormal number or ratio as 0', () => {
    expect(probe(5e-324, null, null, 5e-324)).toEqual([[0, 'week', 10, 0, 'none', 'none']]);
    expect(probe('1e-320', null, null, '1e-320%')).toEqual([[0, 'week', 10, 0, 'none', 'none']]);
  });

  it('refuses the weights and values of the issue by name, so the last guard has nothing to fix', () => {
    const score = findFunction('SCORE');
    const wsjf = findFunction('WSJF');
    if (!score || !wsjf) throw new Error('catalog');
    expect(messageOf(invoke(score, ['$1,000', '1e308']))).toBe(
      'SCORE: Weight 1 "1e308" is beyond ±1,000,000,000,000,000.',
    );
    expect(invoke(wsjf, [9e307, 9e307, 1, 1])).toEqual([
      [
        {
          kind: 'error',
          code: 'value',
          message: 'business value "9e+307" is beyond ±1,000,000,000,000,000',
        },
      ],
    ]);
  });
});
