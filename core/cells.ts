// Cell values as the core sees them, and the coercions that turn messy cells into numbers, ratios and dates.
// Each coercion returns a value or a problem sentence; none of them throws or returns NaN.

import { MAX_DATE_SERIAL, MIN_DATE_SERIAL, serialFromParts } from './dates';

/** A host error value found in an input cell (#N/A, #REF!, …). */
export interface CellError {
  readonly kind: 'cell-error';
  readonly text: string;
}

/** One input cell after host normalisation: dates are already serials, blanks are null. */
export type Cell = string | number | boolean | null | CellError;

/** The outcome of reading one cell: a value, or a problem sentence for the issue list. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const problem = <T>(text: string): Parsed<T> => ({ ok: false, problem: text });

/** True for a blank cell: null, undefined, or text that is only whitespace. */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** True for a host error value in a cell. */
export function isCellError(cell: Cell | undefined): cell is CellError {
  return typeof cell === 'object' && cell !== null && cell.kind === 'cell-error';
}

/** Text of a cell for messages and labels ("" for blank). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (isCellError(cell)) return cell.text;
  return String(cell).trim();
}

const CURRENCY = /^(?:[$€£¥₹]|chf|usd|eur|gbp|jpy|cad|aud|sek|nok|dkk|fr\.?|sfr\.?)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:[$€£¥₹]|chf|usd|eur|gbp|jpy|cad|aud|sek|nok|dkk|fr\.?|sfr\.?|\.-|-)$/i;
const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['m', 1e6],
  ['mn', 1e6],
  ['mm', 1e6],
  ['b', 1e9],
  ['bn', 1e9],
]);

/**
 * The largest magnitude a number cell may hold (a quadrillion): beyond it, sums and products over a sheet could
 * overflow, so such a cell is refused with {@link TOO_LARGE} rather than read (README "Errors and data issues").
 */
export const MAX_MAGNITUDE = 1e15;
/** The problem of a number beyond ±{@link MAX_MAGNITUDE}, phrased to follow the cell's text. */
export const TOO_LARGE = 'beyond ±1,000,000,000,000,000';
/** The smallest normal double; a nonzero number below it (a denormal) carries no precision and reads as 0. */
export const MIN_NORMAL = 2.2250738585072014e-308;

/** A denormal number as 0, any other number as itself. */
export function flushDenormal(value: number): number {
  return value !== 0 && Math.abs(value) < MIN_NORMAL ? 0 : value;
}

interface NumberText {
  readonly value: number;
  readonly percent: boolean;
}

/**
 * Reads numeric text: plain numbers, percentages ("60%"), money ("300,000 CHF", "$1.2M", "(1,500)"),
 * Swiss and European separators ("1'250.50", "1.250,50"). Returns undefined for anything else.
 */
export function parseNumberText(raw: string): NumberText | undefined {
  // Empty host cells arrive as "" (kept as the blank string they are): no regular expression for them.
  if (raw === '') return undefined;
  // The common money text, whole digits with thousands commas and a currency code or symbol after them
  // ("300,000 CHF", "1,250 $", "42"), in one match; anything else takes the general reading below, which gives the
  // same number for these (test/core/cells.test.ts checks it).
  const plain = PLAIN_MONEY.exec(raw);
  if (plain?.[1] !== undefined) return { value: Number(plain[1].replace(/,/g, '')), percent: false };
  return parseGeneralNumberText(raw);
}

/** Whole digits (at most 15, so exact), optionally in thousands groups, optionally with a currency after them. */
const PLAIN_MONEY = /^(\d{1,15}|\d{1,3}(?:,\d{3}){1,4})(?:\s?(?:chf|usd|eur|gbp|[$€£]))?$/i;

/** {@link parseNumberText} without its fast path for plain money (exported for the test that compares the two). */
export function parseGeneralNumberText(raw: string): NumberText | undefined {
  let text = raw.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (text === '') return undefined;
  let sign = 1;
  const unwrap = () => {
    if (/^\(.*\)$/.test(text)) {
      sign = -sign;
      text = text.slice(1, -1).trim();
    }
  };
  unwrap();
  // Accounting negatives with the currency outside the brackets: "(30,000) CHF", "CHF (30,000)".
  const outside = text.replace(CURRENCY, '').replace(CURRENCY_SUFFIX, '').trim();
  if (outside !== text && /^\(.*\)$/.test(outside)) {
    text = outside;
    unwrap();
  }
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    sign = -sign;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) {
    text = text.slice(1).trim();
  }
  const withoutCurrency = text.replace(CURRENCY, '');
  const hadCurrency = withoutCurrency !== text;
  text = withoutCurrency;
  if (hadCurrency && (text.startsWith('-') || text.startsWith('\u2212'))) {
    sign = -sign;
    text = text.slice(1).trim();
  }
  text = text.replace(CURRENCY_SUFFIX, '').trim();
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  let multiplier = 1;
  const suffix = /^(.*\d)\s*(k|m|mn|mm|b|bn)$/i.exec(text);
  if (suffix?.[1] && suffix[2] && !percent) {
    multiplier = MULTIPLIERS.get(suffix[2].toLowerCase()) ?? 1;
    text = suffix[1];
  }
  text = text.replace(/[\s']/g, '');
  let normalized: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) {
    normalized = text.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
    normalized = text.replace(/,/g, '');
  } else if (/^\d+,\d{1,2}$/.test(text)) {
    normalized = text.replace(',', '.');
  } else {
    normalized = text;
  }
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalized)) return undefined;
  const value = sign * Number(normalized) * multiplier;
  if (!Number.isFinite(value)) return undefined;
  return { value: flushDenormal(percent ? value / 100 : value), percent };
}

/**
 * Reads a number from a cell: numbers, numeric text, money text. Percent text gives the ratio ("40%" → 0.4).
 * A denormal reads as 0; beyond ±{@link MAX_MAGNITUDE} is the problem {@link TOO_LARGE}. Blank, booleans,
 * error cells and other text are problems.
 */
export function readNumber(cell: Cell): Parsed<number> {
  let value: number;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return problem('not a finite number');
    value = flushDenormal(cell);
  } else if (typeof cell === 'string' && cell !== '') {
    const parsed = parseNumberText(cell);
    if (!parsed) return problem('not a number');
    value = parsed.value;
  } else if (isCellError(cell)) return problem(`error value ${cell.text} in the cell`);
  else if (typeof cell === 'boolean') return problem('TRUE/FALSE where a number was expected');
  else return problem('blank');
  return Math.abs(value) > MAX_MAGNITUDE ? problem(TOO_LARGE) : ok(value);
}

/** True when a cell holds a number or numeric text without a percent sign (for the allocation column rule). */
export function plainNumberOf(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === 'string') {
    const parsed = parseNumberText(cell);
    return parsed && !parsed.percent ? parsed.value : undefined;
  }
  return undefined;
}

/**
 * Reads a ratio. Percent text is always a percentage ("60%" → 0.6). A plain number is a fraction when
 * `fractions` is true (0.6 → 0.6), else a percentage (60 → 0.6).
 */
export function readRatio(cell: Cell, fractions: boolean): Parsed<number> {
  if (typeof cell === 'string' && cell !== '') {
    const parsed = parseNumberText(cell);
    if (!parsed) return problem('not a number or percentage');
    if (Math.abs(parsed.value) > MAX_MAGNITUDE) return problem(TOO_LARGE);
    return ok(flushDenormal(parsed.percent || fractions ? parsed.value : parsed.value / 100));
  }
  const number = readNumber(cell);
  if (!number.ok) return number;
  return ok(flushDenormal(fractions ? number.value : number.value / 100));
}

/**
 * The column rule of DESIGN §5: plain numbers all ≤ 2 are fractions, otherwise percentages. The column is column
 * `column` of `rows` from row `from` on, read in place (a range of 100,000 rows is not copied to judge one column).
 */
export function columnHoldsFractions(rows: readonly (readonly Cell[])[], column: number, from = 0): boolean {
  for (let r = from; r < rows.length; r++) {
    const value = plainNumberOf(rows[r]?.[column] ?? null);
    if (value !== undefined && Math.abs(value) > 2) return false;
  }
  return true;
}

/** Reads a probability given as 0.4, 40 or "40%" (a number above 1 is a percentage). */
export function readProbability(cell: Cell): Parsed<number> {
  if (typeof cell === 'string' && cell !== '') {
    const parsed = parseNumberText(cell);
    if (!parsed) return problem('not a probability (use 0.4, 40 or 40%)');
    return checkProbability(parsed.percent || parsed.value <= 1 ? parsed.value : parsed.value / 100);
  }
  const number = readNumber(cell);
  if (!number.ok) return number;
  return checkProbability(number.value <= 1 ? number.value : number.value / 100);
}

function checkProbability(value: number): Parsed<number> {
  return value < 0 || value > 1 ? problem('probability outside 0–100%') : ok(value);
}

const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    jan: 1,
    feb: 2,
    mar: 3,
    apr: 4,
    may: 5,
    jun: 6,
    jul: 7,
    aug: 8,
    sep: 9,
    sept: 9,
    oct: 10,
    nov: 11,
    dec: 12,
    january: 1,
    february: 2,
    march: 3,
    april: 4,
    june: 6,
    july: 7,
    august: 8,
    september: 9,
    october: 10,
    november: 11,
    december: 12,
  }),
);

function fullYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function validDate(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const serial = serialFromParts(year, month, day);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return serial;
}

/**
 * Reads a date written as text: ISO "2025-03-01" (a time part is ignored), "1-Oct-21", "1 Oct 2021",
 * "Oct 1, 2021", "01.10.2021" (day first), "3/1/2025" (month first, as Excel en-US reads it, unless the
 * first number is above 12, then day first). Returns the serial or undefined.
 */
export function parseDateText(raw: string): number | undefined {
  if (raw === '') return undefined;
  const text = raw.trim().toLowerCase();
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t\s].*)?$/.exec(text);
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[-\s./]([a-z]+)\.?[-\s./,]+(\d{2}|\d{4})$/.exec(text);
  if (match?.[2] && match[3]) {
    const month = MONTHS.get(match[2]);
    return month
      ? validDate(fullYear(Number(match[3]), match[3].length), month, Number(match[1]))
      : undefined;
  }
  match = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (match?.[1]) {
    const month = MONTHS.get(match[1]);
    return month ? validDate(Number(match[3]), month, Number(match[2])) : undefined;
  }
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(text);
  if (match?.[3])
    return validDate(fullYear(Number(match[3]), match[3].length), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (match?.[3]) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const year = fullYear(Number(match[3]), match[3].length);
    return first > 12 ? validDate(year, second, first) : validDate(year, first, second);
  }
  return undefined;
}

/** Reads a date cell: a serial number (time of day dropped) or date text. */
export function readDate(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < MIN_DATE_SERIAL || cell > MAX_DATE_SERIAL) {
      return problem('not a date between 1900-03-01 and 9999-12-31');
    }
    return ok(Math.floor(cell));
  }
  if (typeof cell === 'string' && cell !== '') {
    const serial = parseDateText(cell);
    return serial === undefined ? problem('not a date') : ok(serial);
  }
  if (isCellError(cell)) return problem(`error value ${cell.text} in the cell`);
  if (typeof cell === 'boolean') return problem('TRUE/FALSE where a date was expected');
  return problem('blank');
}

/** Reads a yes/no flag: No, FALSE, N, 0 (any case) are false; anything else, blank included, is true. */
export function readFlag(cell: Cell): boolean {
  if (cell === false || cell === 0) return false;
  if (typeof cell === 'string') return !['no', 'false', 'n', '0'].includes(cell.trim().toLowerCase());
  return true;
}

/** The most characters a cell holds (Excel's limit; Sheets holds more). */
export const MAX_CELL_TEXT = 32_767;
const CUT_NOTE = '… (cut at 32,767 characters)';

/** Text cut to {@link MAX_CELL_TEXT} characters, ending with a note that says so (never half a surrogate pair). */
export function fitCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - CUT_NOTE.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${CUT_NOTE}`;
}
