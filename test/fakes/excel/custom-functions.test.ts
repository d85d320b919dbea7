// The custom-functions fake follows the documented calling rules, shown on a tiny functions.js of its own so that
// a kind fake cannot hide behind the product: the argument list Excel passes, the count it accepts, error cells,
// and how results and errors are shown.

import { describe, expect, it } from 'vitest';
import {
  type ExcelFunctionsMetadata,
  FakeCustomFunctionsError,
  loadExcelCustomFunctions,
} from './custom-functions';

const METADATA: ExcelFunctionsMetadata = {
  functions: [
    {
      id: 'ECHO',
      name: 'ECHO',
      result: { dimensionality: 'matrix' },
      parameters: [
        { name: 'table', type: 'any', dimensionality: 'matrix' },
        { name: 'choice', type: 'any', dimensionality: 'scalar', optional: true },
        { name: 'more', type: 'any', dimensionality: 'matrix', optional: true },
      ],
    },
    { id: 'RAW', name: 'RAW', result: { dimensionality: 'matrix' }, parameters: [] },
  ],
};

/** The first argument the last call received, as a grid. */
const firstArgument = (host: { calls: readonly { received: readonly unknown[] }[] }) =>
  (host.calls.at(-1)?.received[0] ?? [[]]) as unknown[][];

/** ECHO returns how many arguments it received and their JSON; RAW returns what `steer.next` gives. */
const CODE = `
  CustomFunctions.associate('ECHO', function () {
    var args = Array.prototype.slice.call(arguments);
    return [[args.length, JSON.stringify(args)]];
  });
  CustomFunctions.associate('RAW', function () { return steer.next(CustomFunctions); });
`;

const steer: { next: (api: { Error: typeof FakeCustomFunctionsError }) => unknown } = { next: () => [[0]] };

function load(options: Parameters<typeof loadExcelCustomFunctions>[0] = {}) {
  return loadExcelCustomFunctions({ code: CODE, metadata: METADATA, globals: { steer }, ...options });
}

describe('the Excel custom-functions fake', () => {
  it('passes one argument per declared parameter, null for an omitted optional one, then the Invocation', () => {
    const host = load();
    const shown = host.evaluate('ECHO', [[['a', 1]]]);
    expect(shown[0]?.[0]).toBe(4);
    const received = host.calls[0]?.received ?? [];
    expect(received.slice(0, 3)).toEqual([[['a', 1]], null, null]);
    expect(received[3]).toMatchObject({ functionName: 'ECHO', address: undefined });
  });

  it('passes the Invocation even to a function that declares no parameter', () => {
    const host = load();
    steer.next = () => [[0]];
    host.evaluate('RAW', []);
    expect(host.calls[0]?.received).toHaveLength(1);
  });

  it('gives a matrix parameter a 2-D array even for a single value, and a scalar parameter the cell of a 1×1 range', () => {
    const host = load();
    host.evaluate('ECHO', [7, [['week']]]);
    expect(host.calls[0]?.received.slice(0, 2)).toEqual([[[7]], 'week']);
  });

  it('refuses a formula with more arguments than parameters, or without a required one', () => {
    const host = load();
    expect(() => host.evaluate('ECHO', [1, 2, 3, 4])).toThrow(/4 arguments for 3 parameters/);
    expect(() => host.evaluate('ECHO', [undefined, 'x'])).toThrow(/required argument table/);
    expect(host.calls).toHaveLength(0);
  });

  it('passes blank cells as "" or as null, whichever reading is chosen', () => {
    expect(load().evaluate('ECHO', [[[null, 1]]])[0]?.[1]).toMatch(/^\[\[\["",1\]\],null,null,\{/);
    expect(load({ blankCell: null }).evaluate('ECHO', [[[null, 1]]])[0]?.[1]).toMatch(
      /^\[\[\[null,1\]\],null/,
    );
  });

  it('does not call a function whose range holds an error cell unless allowErrorForDataTypeAny is set', () => {
    const blocked = load();
    expect(blocked.evaluate('ECHO', [[[1, { error: '#N/A' }]]])).toEqual([[{ error: '#N/A' }]]);
    expect(blocked.calls).toHaveLength(0);

    const allowed = load({ metadata: { ...METADATA, allowErrorForDataTypeAny: true } });
    allowed.evaluate('ECHO', [[[1, { error: '#N/A' }]]]);
    const cell = firstArgument(allowed)[0]?.[1];
    expect(cell).toBeInstanceOf(FakeCustomFunctionsError);
    expect((cell as FakeCustomFunctionsError).code).toBe('#N/A');

    const asCellValue = load({
      metadata: { ...METADATA, allowErrorForDataTypeAny: true },
      errorCell: 'error-cell-value',
    });
    asCellValue.evaluate('ECHO', [[[{ error: '#DIV/0!' }]]]);
    expect(firstArgument(asCellValue)[0]?.[0]).toEqual({
      type: 'Error',
      basicType: 'Error',
      basicValue: '#DIV/0!',
    });
  });

  it('shows an error message only for #VALUE! and #N/A', () => {
    const host = load();
    steer.next = (api: { Error: typeof FakeCustomFunctionsError }) => [
      [new api.Error('#VALUE!', 'why'), new api.Error('#N/A', 'gone'), new api.Error('#DIV/0!', 'hidden')],
    ];
    expect(host.evaluate('RAW', [])).toEqual([
      [{ error: '#VALUE!', message: 'why' }, { error: '#N/A', message: 'gone' }, { error: '#DIV/0!' }],
    ]);
  });

  it('refuses an error code that is not a CustomFunctions.ErrorCode', () => {
    expect(() => new FakeCustomFunctionsError('#OOPS!')).toThrow(TypeError);
  });

  it('shows NaN, Infinity, ragged rows and thrown exceptions as errors and records each as a violation', () => {
    const host = load();
    const returns: unknown[] = [[[Number.NaN, Number.POSITIVE_INFINITY]], [[1, 2], [3]], [], [[undefined]]];
    for (const value of returns) {
      steer.next = () => value;
      host.evaluate('RAW', []);
    }
    steer.next = () => {
      throw new TypeError('boom');
    };
    expect(host.evaluate('RAW', [])).toEqual([[{ error: '#VALUE!' }]]);
    expect(host.violations).toHaveLength(6);
  });

  it('shows #NAME? for a function that was never associated', () => {
    const host = load({ code: "CustomFunctions.associate('ECHO', function () { return [[1]]; });" });
    expect(host.evaluate('RAW', [])).toEqual([[{ error: '#NAME?' }]]);
  });

  it('refuses to associate an id that functions.json does not declare', () => {
    expect(() => load({ code: "CustomFunctions.associate('NOPE', function () {});" })).toThrow(
      /NOPE is not in functions.json/,
    );
  });
});
