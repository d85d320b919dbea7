// Every message about a function's arguments, in one place, so that one rule reads the same in every function.

import { type PmoError, pmoError, quote } from '../errors';

/** "1,000" without the host's locale, so messages read the same everywhere. */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export const argumentMessages = {
  tooMany: (fn: string, most: number, given: number): PmoError =>
    pmoError('value', `${fn} takes at most ${most} arguments; it was given ${given}.`),
  missingTable: (fn: string, name: string): PmoError =>
    pmoError('value', `${fn} needs ${name}: a range that includes its header row.`),
  missing: (fn: string, name: string): PmoError => pmoError('value', `${fn} needs ${name}.`),
  notSingleValue: (fn: string, name: string): PmoError =>
    pmoError('value', `${fn}'s ${name} must be a single value, not a range.`),
  notOneColumn: (fn: string, name: string): PmoError =>
    pmoError('value', `${fn}'s ${name} must be a single column (or row), not a block.`),
  errorValue: (fn: string, name: string, text: string): PmoError =>
    pmoError('value', `${fn}'s ${name} is the error ${text}.`),
  notOneOf: (fn: string, name: string, text: string, options: readonly string[]): PmoError =>
    pmoError(
      'value',
      `${fn}'s ${name} ${quote(text)} is not one of ${options.map((option) => `"${option}"`).join(', ')}.`,
    ),
  tooLarge: (fn: string, name: string, text: string): PmoError =>
    pmoError('value', `${fn}'s ${name} ${quote(text)} is beyond ±1,000,000,000,000,000.`),
  notADate: (fn: string, name: string, text: string): PmoError =>
    pmoError('value', `${fn}'s ${name} ${quote(text)} is not a date.`),
  notARatio: (fn: string, name: string, text: string): PmoError =>
    pmoError('value', `${fn}'s ${name} ${quote(text)} is not a ratio such as 1, 1.2 or 120%.`),
  outOfBounds: (
    fn: string,
    name: string,
    text: string,
    bounds: { readonly min?: number; readonly max?: number; readonly integer?: boolean },
  ): PmoError => {
    const kind = bounds.integer ? 'a whole number' : 'a number';
    const { min, max } = bounds;
    const range =
      min !== undefined && max !== undefined
        ? ` from ${formatCount(min)} to ${formatCount(max)}`
        : min !== undefined
          ? ` ≥ ${formatCount(min)}`
          : max !== undefined
            ? ` ≤ ${formatCount(max)}`
            : '';
    return pmoError('value', `${fn}'s ${name} must be ${kind}${range}, not ${quote(text)}.`);
  },
  /** Parallel columns of different lengths (one rule for every function that reads several columns). */
  columnLengths: (fn: string, name: string, rows: number, widest: string, widestRows: number): PmoError =>
    pmoError(
      'value',
      `${fn}'s ${name} has ${formatCount(rows)} rows but ${widest} has ${formatCount(widestRows)}; give ranges of the same size (or one cell for every row).`,
    ),
};
