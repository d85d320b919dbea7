// Runs every golden case in test/cases through the BUILT bundles, in Excel argument shape and in Sheets
// argument shape, and checks both against the expected table and against each other.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../fakes/excel';
import { isoIn, midnightIn } from '../fakes/time-zones';
import { d } from '../helpers';
import { callExcel, callSheets, type ExcelShownCell, sheetsTable } from './host-calls';

interface GoldenCase {
  readonly about: string;
  readonly function: string;
  readonly args: readonly unknown[];
  readonly expected?: readonly (readonly unknown[])[];
  readonly expectedError?: {
    readonly code: 'value' | 'not-available' | 'no-capacity';
    readonly message: string;
  };
}

const casesRoot = join(import.meta.dirname, '../cases');
const cases: [string, GoldenCase][] = readdirSync(casesRoot).flatMap((family) =>
  readdirSync(join(casesRoot, family))
    .filter((file) => file.endsWith('.json'))
    .map((file): [string, GoldenCase] => [
      `${family}/${file.replace(/\.json$/, '')}`,
      JSON.parse(readFileSync(join(casesRoot, family, file), 'utf8')),
    ]),
);

/** Time zones far from UTC on both sides, so a date read in the wrong zone shifts by a day. */
const SHEETS_TIME_ZONES = ['Pacific/Auckland', 'America/Los_Angeles'];
const TOLERANCE = 1e-9;
const ERROR_FOR: Record<string, string> = {
  value: ERROR_CODES.invalidValue,
  'not-available': ERROR_CODES.notAvailable,
  'no-capacity': ERROR_CODES.divisionByZero,
};

/** A Date from any realm (the bundle runs in its own vm context, like the Apps Script global scope). */
const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

type Tagged = { $date: string } | { $error: string };
const isTagged = (value: unknown): value is Tagged =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Excel shape: dates as serials, omitted arguments as null (the host passes null), every range a 2-D array. */
function excelValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(excelValue);
  if (isTagged(value) && '$date' in value) return d(value.$date);
  return value;
}

/** Sheets shape: dates as Date at midnight in the zone, omitted as undefined (the host passes 1×1 as a value). */
function sheetsArg(value: unknown, timeZone: string): unknown {
  const cell = (item: unknown): unknown =>
    isTagged(item) && '$date' in item ? midnightIn(item.$date, timeZone) : item;
  if (value === null) return undefined;
  return Array.isArray(value) ? value.map((row: unknown[]) => row.map(cell)) : cell(value);
}

function expectNumber(actual: unknown, expected: number, where: string) {
  expect(typeof actual, where).toBe('number');
  expect(
    Math.abs((actual as number) - expected),
    `${where}: ${String(actual)} vs ${expected}`,
  ).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(expected)));
}

function checkExcel(actual: ExcelShownCell[][], expected: readonly (readonly unknown[])[]) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((row, r) => {
    expect(actual[r]?.length, `row ${r}`).toBe(row.length);
    row.forEach((want, c) => {
      const got = actual[r]?.[c];
      const where = `Excel cell [${r}][${c}]`;
      if (typeof want === 'number') expectNumber(got, want, where);
      else if (isTagged(want) && '$date' in want) expect(got, where).toBe(d(want.$date));
      else if (isTagged(want) && '$error' in want) {
        expect(typeof got, where).toBe('object');
        expect((got as { error: string }).error, where).toBe(ERROR_FOR[want.$error]);
      } else expect(got, where).toBe(want);
    });
  });
}

function checkSheets(actual: unknown[][], expected: readonly (readonly unknown[])[], timeZone: string) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((row, r) => {
    expect(actual[r]?.length, `row ${r}`).toBe(row.length);
    row.forEach((want, c) => {
      const got = actual[r]?.[c];
      const where = `Sheets cell [${r}][${c}] in ${timeZone}`;
      if (typeof want === 'number') expectNumber(got, want, where);
      else if (isTagged(want) && '$date' in want) {
        expect(isDate(got), where).toBe(true);
        expect((got as Date).getTime(), where).toBe(midnightIn(want.$date, timeZone).getTime());
        expect(isoIn(got as Date, timeZone)).toBe(want.$date);
      } else if (isTagged(want) && '$error' in want) {
        expect(typeof got, where).toBe('string');
        if (want.$error === 'no-capacity') expect(got, where).toBe('no capacity');
      } else expect(got, where).toBe(want);
    });
  });
}

describe.each(cases)('golden case %s', (_name, golden) => {
  it('gives the expected table in Excel through dist/excel/functions.js, called as Excel calls it', () => {
    const result = callExcel(golden.function, golden.args.map(excelValue));
    if (golden.expectedError) {
      expect(result).toEqual([
        [{ error: ERROR_FOR[golden.expectedError.code], message: golden.expectedError.message }],
      ]);
    } else {
      checkExcel(result, golden.expected ?? []);
    }
  });

  it.each(SHEETS_TIME_ZONES)(
    'gives the same table in Sheets through dist/gsheets/Code.js with the spreadsheet in %s',
    (timeZone) => {
      const result = callSheets(
        golden.function,
        golden.args.map((arg) => sheetsArg(arg, timeZone)),
        timeZone,
      );
      if (golden.expectedError) {
        expect(result).toEqual({ ok: false, message: golden.expectedError.message });
      } else {
        checkSheets(sheetsTable(result), golden.expected ?? [], timeZone);
      }
    },
  );
});

describe('the two hosts', () => {
  it('agree cell by cell on every golden case', () => {
    for (const [name, golden] of cases) {
      if (golden.expectedError) continue;
      const fromExcel = callExcel(golden.function, golden.args.map(excelValue));
      const fromSheets = sheetsTable(
        callSheets(
          golden.function,
          golden.args.map((arg) => sheetsArg(arg, 'Asia/Kolkata')),
          'Asia/Kolkata',
        ),
      );
      const normalized = fromSheets.map((row) =>
        row.map((cell) =>
          isDate(cell)
            ? d(isoIn(cell, 'Asia/Kolkata'))
            : cell === 'no capacity'
              ? ERROR_CODES.divisionByZero
              : cell,
        ),
      );
      const excelNormalized = fromExcel.map((row) =>
        row.map((cell) =>
          typeof cell === 'object'
            ? cell.error === ERROR_CODES.divisionByZero
              ? cell.error
              : cell.message
            : cell,
        ),
      );
      expect(normalized, name).toEqual(excelNormalized);
    }
  });
});
