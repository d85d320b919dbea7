// Hostile cells for the fuzz suite: the values a spreadsheet can hold that break naive code (numbers at the edge
// of double precision, denormals, prototype names, 100,000-character text, error values, booleans, dates out of
// range, blanks), each tagged with the kind of hostility it carries so the suite can say which kinds it tried.

import fc from 'fast-check';

/** A cell as the fuzz suite writes it, host-neutral: a date is its day serial, an error cell its text. */
export type FuzzCell =
  | number
  | string
  | boolean
  | null
  | { readonly error: string }
  | { readonly day: number };
export type FuzzGrid = readonly (readonly FuzzCell[])[];
/** One argument: a range (rows of cells), a single value, or undefined when left out. */
export type FuzzArg = FuzzGrid | FuzzCell | undefined;

export const LONG_TEXT = 'x'.repeat(100_000);
/** 400 digits: numeric text whose value overflows a double. */
export const OVERFLOWING_DIGITS = '9'.repeat(400);

const EXTREME_NUMBERS: readonly number[] = [
  1e308,
  -1e308,
  9e307,
  -9e307,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e15,
  1e15 + 1,
  1e15 - 1,
  -1e15,
  -(1e15 + 1),
  Number.MAX_SAFE_INTEGER + 2,
  4294967296,
  -0,
  0,
  1,
  -1,
];
const DENORMALS: readonly number[] = [5e-324, -5e-324, Number.MIN_VALUE, 2.2250738585072014e-308, 1e-310];
export const PROTOTYPE_NAMES: readonly string[] = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'isPrototypeOf',
  '__defineGetter__',
];
const LONG_TEXTS: readonly string[] = [LONG_TEXT, 'y'.repeat(32_767), 'y'.repeat(32_768)];
/** Text that reads as a number beyond what a double holds, or as a non-number JavaScript would parse. */
const NUMERIC_TEXTS: readonly string[] = [
  OVERFLOWING_DIGITS,
  '1e309',
  '-1e309',
  '1e308%',
  '$1e308',
  '9e307k',
  '1e-400',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e15',
  '-0',
  '0x10',
];
/** Text a user could type that the functions read as words, headers, dates or choices. */
const WORD_TEXTS: readonly string[] = [
  '',
  ' ',
  'TRUE',
  '#N/A',
  '#ERROR!',
  'High',
  'massive',
  'week',
  'All',
  'Resource',
  'Hours per week',
  'Cost',
  '2025-03-03',
  '10000-01-01',
  '1899-12-30',
  '2025-02-30',
  '=1+1',
  '\u0000',
  '😀😀',
];
/** The error values both hosts can hold (Excel's CustomFunctions.ErrorCode set). */
export const ERROR_TEXTS: readonly string[] = [
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#DIV/0!',
  '#NUM!',
  '#NAME?',
  '#NULL!',
];
/** Day serials out of the 1900 date system (61 … 2,958,465), and its edges. -1 is 1899-12-29, 3e6 year 10113. */
const DATE_SERIALS: readonly number[] = [-1, 0, 1, 60, 61, 2958465, 2958466, 3e6, 45717];

/** The kinds of hostile input, in the order the summary lists them. */
export const HOSTILE_KINDS = [
  'extreme number',
  'denormal',
  'random double',
  'prototype name',
  'long text (32,767 / 32,768 / 100,000 characters)',
  'numeric text beyond a double',
  'words, headers, date text',
  'error value',
  'boolean',
  'date out of range',
  'blank',
  'ragged rows',
  'empty range',
  'hostile header',
  'table grown by repeating its rows',
  'column given as a row',
  'single value given as a 1×1 range',
  'optional argument left out',
] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** One hostile cell, of any kind. */
export const hostileCell: fc.Arbitrary<FuzzCell> = fc.oneof(
  pick(EXTREME_NUMBERS),
  pick(DENORMALS),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  pick(PROTOTYPE_NAMES),
  pick(LONG_TEXTS),
  pick(NUMERIC_TEXTS),
  pick(WORD_TEXTS),
  pick(ERROR_TEXTS).map((error) => ({ error })),
  fc.boolean(),
  pick(DATE_SERIALS).map((day) => ({ day })),
  fc.constant(null),
);

/** A hostile header cell: a prototype name, a duplicate-prone word, a long text, an error, a number or a blank. */
export const hostileHeader: fc.Arbitrary<FuzzCell> = fc.oneof(
  pick(PROTOTYPE_NAMES),
  pick(WORD_TEXTS),
  pick(LONG_TEXTS),
  pick(ERROR_TEXTS).map((error) => ({ error })),
  pick(EXTREME_NUMBERS),
  fc.constant(null),
);

const EXTREMES = new Set(EXTREME_NUMBERS.map((value) => (Object.is(value, -0) ? '-0' : String(value))));

/** The hostile kind of one cell, or undefined for an ordinary value. */
export function cellKind(cell: FuzzCell): HostileKind | undefined {
  if (cell === null) return 'blank';
  if (typeof cell === 'boolean') return 'boolean';
  if (typeof cell === 'object') return 'error' in cell ? 'error value' : dateKind(cell.day);
  if (typeof cell === 'number') {
    if (cell !== 0 && Math.abs(cell) < 2.3e-308) return 'denormal';
    return EXTREMES.has(Object.is(cell, -0) ? '-0' : String(cell)) ? 'extreme number' : 'random double';
  }
  if (PROTOTYPE_NAMES.includes(cell)) return 'prototype name';
  if (LONG_TEXTS.includes(cell)) return 'long text (32,767 / 32,768 / 100,000 characters)';
  if (NUMERIC_TEXTS.includes(cell)) return 'numeric text beyond a double';
  return WORD_TEXTS.includes(cell) ? 'words, headers, date text' : undefined;
}

function dateKind(day: number): HostileKind | undefined {
  return day < 61 || day > 2958465 ? 'date out of range' : undefined;
}

/** A cell with its long texts shortened, for failure messages: `'x'.repeat(100000)` instead of the text. */
export function showCell(cell: FuzzCell): string {
  if (typeof cell === 'string' && cell.length > 40) return `'${cell[0]}'.repeat(${cell.length})`;
  if (typeof cell === 'number' && Object.is(cell, -0)) return '-0';
  return JSON.stringify(cell);
}

/** An argument list written as code a reader can paste: ranges as nested arrays, long texts shortened. */
export function showArgs(args: readonly FuzzArg[]): string {
  const arg = (value: FuzzArg): string => {
    if (value === undefined) return 'undefined';
    if (!Array.isArray(value)) return showCell(value as FuzzCell);
    return `[${(value as FuzzGrid).map((row) => `[${row.map(showCell).join(', ')}]`).join(', ')}]`;
  };
  return `[${args.map(arg).join(', ')}]`;
}
