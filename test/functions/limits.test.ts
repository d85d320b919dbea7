// The limits invoke holds every result to: no NaN or Infinity (kernels refuse by name; a last guard fixes what
// they miss and can report it to a test), and no cell text over 32,767 characters (cut with a note).

import { afterEach, describe, expect, it } from 'vitest';
import { isPmoError } from '../../core/errors';
import { CATALOG } from '../../core/functions/catalog';
import { fitCellText, invoke, MAX_CELL_TEXT, setNonFiniteReporter } from '../../core/functions/invoke';
import { defineFunction, type OutGrid } from '../../core/functions/types';
import { CONTRACT, sourceArg } from '../hosts/contract-cases';

const NOTE = '… (cut at 32,767 characters)';

/** Returns what it is told to: the numbers and texts a kernel must never return, to see the guard at work. */
const LEAKY = defineFunction({
  name: 'LEAKY',
  description: 'Returns a NaN, an Infinity and long texts.',
  returns: 'Two rows.',
  params: [{ name: 'length', kind: 'number', description: 'Length of the text.' }],
  run: ([length]) => [
    [1, Number.POSITIVE_INFINITY, 'x'.repeat(length)],
    [Number.NaN, { kind: 'error', code: 'value', message: 'm'.repeat(length) }],
  ],
});

afterEach(() => setNonFiniteReporter(undefined));

describe('the last guard of invoke', () => {
  it('turns NaN and Infinity into an error in their cell, and reports each to a reporter when one is set', () => {
    const reported: unknown[] = [];
    setNonFiniteReporter((...call) => reported.push(call));
    const result = invoke(LEAKY, [3]) as OutGrid;
    const overflow = {
      kind: 'error',
      code: 'value',
      message: 'LEAKY: the result is beyond what a number can hold (inputs too large)',
    };
    expect(result).toEqual([
      [1, overflow, 'xxx'],
      [overflow, { kind: 'error', code: 'value', message: 'mmm' }],
    ]);
    expect(reported).toEqual([
      ['LEAKY', 0, 1, Number.POSITIVE_INFINITY],
      ['LEAKY', 1, 0, Number.NaN],
    ]);
    setNonFiniteReporter(undefined);
    invoke(LEAKY, [3]);
    expect(reported).toHaveLength(2);
  });

  it('cuts a text or a message over 32,767 characters to exactly 32,767, ending with a note that says so', () => {
    const result = invoke(LEAKY, [100_000]) as OutGrid;
    const text = result[0]?.[2];
    const error = result[1]?.[1];
    expect(text).toBe(`${'x'.repeat(MAX_CELL_TEXT - NOTE.length)}${NOTE}`);
    expect(isPmoError(error) && error.message).toBe(`${'m'.repeat(MAX_CELL_TEXT - NOTE.length)}${NOTE}`);
    expect((invoke(LEAKY, [MAX_CELL_TEXT]) as OutGrid)[0]?.[2]).toBe('x'.repeat(MAX_CELL_TEXT));
  });

  it('never cuts between the two halves of a character outside the BMP', () => {
    const cut = fitCellText(`${'a'.repeat(MAX_CELL_TEXT - NOTE.length - 1)}${'😀'.repeat(100)}`);
    expect(cut).toBe(`${'a'.repeat(MAX_CELL_TEXT - NOTE.length - 1)}${NOTE}`);
    expect(cut.length).toBe(MAX_CELL_TEXT - 1);
  });
});

/** Numbers at and past the edges of what a double holds, and of the ±1e15 rule. */
const EXTREMES: readonly (number | string)[] = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  '1e308',
  1e16,
  1e15,
  -1e15,
  5e-324,
  -5e-324,
  '5e-324',
  2.3e-308,
  1e-300,
  1e-10,
];

describe('kernels that do not rely on the guard', () => {
  it('never leave the guard a NaN or an Infinity, whatever extreme number stands in any argument', () => {
    const reported: string[] = [];
    let call = '';
    setNonFiniteReporter((name, row, column, value) =>
      reported.push(`${name} (${call}) → [${row}][${column}] ${value}`),
    );
    let calls = 0;
    for (const spec of CATALOG) {
      const base = (CONTRACT[spec.name]?.full ?? []).map(sourceArg);
      for (const [i, arg] of base.entries()) {
        const numericColumns = Array.isArray(arg)
          ? [
              ...new Set(
                arg.flatMap((row: unknown[]) =>
                  row.flatMap((cell, c) => (typeof cell === 'number' ? [c] : [])),
                ),
              ),
            ]
          : [-1];
        for (const column of numericColumns)
          for (const extreme of EXTREMES) {
            const args = base.map((other) =>
              Array.isArray(other) ? other.map((row: unknown[]) => [...row]) : other,
            );
            if (column < 0) args[i] = extreme;
            else
              for (const row of args[i] as unknown[][])
                if (typeof row[column] === 'number') row[column] = extreme;
            call = `${spec.name} argument ${i + 1} column ${column + 1} = ${extreme}`;
            calls++;
            invoke(spec, args);
          }
      }
    }
    expect(calls).toBeGreaterThan(1000);
    expect(reported).toEqual([]);
  });
});
