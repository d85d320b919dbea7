// Turns Sheets custom-function arguments into catalog calls and results back into Sheets values.
// Dates are read and written in the spreadsheet's time zone; errors become thrown Errors or cell text.

import { isPmoError } from '../core/errors';
import { type Calendar, calendarEnvironment } from '../core/functions/calendar';
import { findFunction } from '../core/functions/catalog';
import { invoke } from '../core/functions/invoke';
import type { OutCell } from '../core/functions/types';

/** Date conversion in the spreadsheet's time zone, using Apps Script's Utilities (or a fake in tests). */
export type SheetsCalendar = Calendar;

/** A calendar in the active spreadsheet's time zone, read at call time (never at load). */
export function spreadsheetCalendar(): SheetsCalendar {
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  return {
    format: (date) => Utilities.formatDate(date, timeZone, 'yyyy-MM-dd'),
    parse: (iso) => Utilities.parseDate(iso, timeZone, 'yyyy-MM-dd'),
  };
}

/** The host environment of one call: see core `calendarEnvironment`. */
export const sheetsEnvironment = calendarEnvironment;

function sheetsCell(cell: OutCell, serialToDate: (serial: number) => Date): unknown {
  if (typeof cell !== 'object') return cell;
  if (isPmoError(cell)) return cell.code === 'no-capacity' ? 'no capacity' : cell.message;
  return serialToDate(cell.serial);
}

/**
 * Calls catalog function `name` the way Sheets does (single cells as scalars, omitted = undefined); `args` may be
 * the stub's `arguments` object itself.
 * A whole-function failure throws an Error whose message Sheets shows with #ERROR!; per-cell errors are text.
 */
export function callForSheets(
  name: string,
  args: ArrayLike<unknown>,
  calendar: SheetsCalendar = spreadsheetCalendar(),
): unknown[][] {
  const spec = findFunction(name);
  if (!spec) throw new Error(`Unknown PMO function ${name}.`);
  const env = sheetsEnvironment(calendar);
  const result = invoke(spec, Array.from(args), env);
  if (isPmoError(result)) throw new Error(result.message);
  return result.map((row) => row.map((cell) => sheetsCell(cell, env.serialToDate)));
}
