// Turns Sheets custom-function arguments into catalog calls and results back into Sheets values.
// Dates are read and written in the spreadsheet's time zone; errors become thrown Errors or cell text.

import { isoFromSerial, serialFromParts } from '../core/dates';
import { isPmoError } from '../core/errors';
import { findFunction } from '../core/functions/catalog';
import { type HostEnvironment, invoke } from '../core/functions/invoke';
import type { OutCell } from '../core/functions/types';

/** Date conversion in one time zone, using Apps Script's Utilities (or a fake in tests). */
export interface SheetsCalendar {
  /** "yyyy-MM-dd" of `date` in the spreadsheet's time zone. */
  format(date: Date): string;
  /** The Date at midnight of "yyyy-MM-dd" in the spreadsheet's time zone. */
  parse(iso: string): Date;
}

/** A calendar in the active spreadsheet's time zone, read at call time (never at load). */
export function spreadsheetCalendar(): SheetsCalendar {
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  return {
    format: (date) => Utilities.formatDate(date, timeZone, 'yyyy-MM-dd'),
    parse: (iso) => Utilities.parseDate(iso, timeZone, 'yyyy-MM-dd'),
  };
}

/** A host environment whose Date conversion asks `calendar` once per distinct date. */
export function sheetsEnvironment(
  calendar: SheetsCalendar,
): HostEnvironment & { serialToDate(serial: number): Date } {
  const serials = new Map<number, number>();
  const dates = new Map<number, Date>();
  return {
    dateToSerial(date) {
      const time = date.getTime();
      let serial = serials.get(time);
      if (serial === undefined) {
        const [year, month, day] = calendar.format(date).split('-').map(Number);
        serial = serialFromParts(year ?? 1970, month ?? 1, day ?? 1);
        serials.set(time, serial);
      }
      return serial;
    },
    serialToDate(serial) {
      let date = dates.get(serial);
      if (date === undefined) {
        date = calendar.parse(isoFromSerial(serial));
        dates.set(serial, date);
      }
      return new Date(date.getTime());
    },
  };
}

function sheetsCell(cell: OutCell, serialToDate: (serial: number) => Date): unknown {
  if (typeof cell !== 'object') return cell;
  if (isPmoError(cell)) return cell.code === 'no-capacity' ? 'no capacity' : cell.message;
  return serialToDate(cell.serial);
}

/**
 * Calls catalog function `name` the way Sheets does (single cells as scalars, omitted = undefined).
 * A whole-function failure throws an Error whose message Sheets shows with #ERROR!; per-cell errors are text.
 */
export function callForSheets(
  name: string,
  args: readonly unknown[],
  calendar: SheetsCalendar = spreadsheetCalendar(),
): unknown[][] {
  const spec = findFunction(name);
  if (!spec) throw new Error(`Unknown PMO function ${name}.`);
  const env = sheetsEnvironment(calendar);
  const result = invoke(spec, args, env);
  if (isPmoError(result)) throw new Error(result.message);
  return result.map((row) => row.map((cell) => sheetsCell(cell, env.serialToDate)));
}
