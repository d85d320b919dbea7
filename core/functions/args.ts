// Readers for normalised scalar arguments (dates, choices, numbers) shared by the catalog's functions.

import { type Cell, cellText, isCellError, parseDateText, parseNumberText } from '../cells';
import { MAX_DATE_SERIAL, MIN_DATE_SERIAL } from '../dates';
import { type PmoError, pmoError, quote } from '../errors';
import type { Arg } from './types';

/** The grid of a table argument, or undefined when it was omitted. */
export function tableArg(arg: Arg): readonly (readonly Cell[])[] | undefined {
  return Array.isArray(arg) ? (arg as readonly (readonly Cell[])[]) : undefined;
}

/** The cell of a scalar argument, or undefined when it was omitted. */
export function scalarArg(arg: Arg): Cell | undefined {
  return Array.isArray(arg) ? undefined : (arg as Cell | undefined);
}

/** Reads a date argument: a date cell, a serial, or date text such as "2025-03-01". */
export function dateArg(fn: string, name: string, arg: Arg): number | undefined | PmoError {
  const cell = scalarArg(arg);
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell === 'number' && cell >= MIN_DATE_SERIAL && cell <= MAX_DATE_SERIAL) return Math.floor(cell);
  if (typeof cell === 'string') {
    const serial = parseDateText(cell);
    if (serial !== undefined) return serial;
  }
  return pmoError('value', `${fn}'s ${name} ${quote(cellText(cell))} is not a date.`);
}

/** Reads a choice among `options` (case- and space-insensitive, with aliases); undefined gives `fallback`. */
export function choiceArg<T extends string>(
  fn: string,
  name: string,
  arg: Arg,
  options: readonly T[],
  fallback: T,
  aliases: Readonly<Record<string, T>> = {},
): T | PmoError {
  const cell = scalarArg(arg);
  if (cell === undefined || cell === null) return fallback;
  const text = cellText(cell).toLowerCase().replace(/\s+/g, '');
  const found = options.find((option) => option === text) ?? aliases[text];
  if (found !== undefined) return found;
  return pmoError(
    'value',
    `${fn}'s ${name} ${quote(cellText(cell))} is not one of ${options.map((option) => `"${option}"`).join(', ')}.`,
  );
}

/** Reads a ratio threshold: 1.2, "120%" or 120 (a number above 10 is a percentage). */
export function ratioArg(fn: string, name: string, arg: Arg, fallback: number): number | PmoError {
  const cell = scalarArg(arg);
  if (cell === undefined || cell === null) return fallback;
  if (isCellError(cell)) return pmoError('value', `${fn}'s ${name} is the error ${cell.text}.`);
  const parsed =
    typeof cell === 'number'
      ? { value: cell, percent: false }
      : typeof cell === 'string'
        ? parseNumberText(cell)
        : undefined;
  if (!parsed || parsed.value < 0)
    return pmoError(
      'value',
      `${fn}'s ${name} ${quote(cellText(cell))} is not a ratio such as 1, 1.2 or 120%.`,
    );
  return parsed.percent || parsed.value <= 10 ? parsed.value : parsed.value / 100;
}
