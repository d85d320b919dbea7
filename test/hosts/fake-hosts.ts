// Loads the built host bundles the way each host does, against fakes that behave like the hosts:
// Excel's CustomFunctions runtime, and Apps Script's global scope with SpreadsheetApp and Utilities.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';

const dist = join(import.meta.dirname, '../../dist');

/** A fake CustomFunctions.Error: Excel shows `code`, and the message only for #VALUE! and #N/A. */
export class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const EXCEL_ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
} as const;

/** Loads dist/excel/functions.js in a fresh global scope with a fake CustomFunctions; returns what it associated. */
export function loadExcelFunctions(): Map<string, (...args: unknown[]) => unknown> {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = {
    Error: FakeExcelError,
    ErrorCode: EXCEL_ERROR_CODES,
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      if (associated.has(id)) throw new Error(`${id} associated twice`);
      associated.set(id, fn);
    },
  };
  const context = createContext({ CustomFunctions });
  runInContext(readFileSync(join(dist, 'excel/functions.js'), 'utf8'), context);
  return associated;
}

/** Offset of `timeZone` from UTC at instant `time`, in milliseconds. */
function zoneOffset(time: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(time));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return (
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) -
    Math.floor(time / 1000) * 1000
  );
}

/** Midnight of an ISO day in `timeZone`, as a Date: what a Sheets date cell holds. */
export function midnightIn(iso: string, timeZone: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  const guess = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
  let time = guess - zoneOffset(guess, timeZone);
  time = guess - zoneOffset(time, timeZone);
  return new Date(time);
}

/** ISO day of `date` in `timeZone`. */
export function isoIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

export interface SheetsHost {
  /** The script's global scope: PMO_* functions and the bundle. */
  readonly global: Record<string, unknown>;
  /** Service calls made so far (e.g. "SpreadsheetApp.getActiveSpreadsheet"). */
  readonly serviceCalls: string[];
}

/** Loads dist/gsheets/Code.js like Apps Script: one global scope, with fake services in `timeZone`. */
export function loadSheetsCode(timeZone: string): SheetsHost {
  const serviceCalls: string[] = [];
  const SpreadsheetApp = {
    getActiveSpreadsheet() {
      serviceCalls.push('SpreadsheetApp.getActiveSpreadsheet');
      return {
        getSpreadsheetTimeZone() {
          serviceCalls.push('Spreadsheet.getSpreadsheetTimeZone');
          return timeZone;
        },
      };
    },
  };
  const Utilities = {
    formatDate(date: Date, zone: string, format: string) {
      serviceCalls.push('Utilities.formatDate');
      if (format !== 'yyyy-MM-dd') throw new Error(`fake formatDate supports yyyy-MM-dd only, got ${format}`);
      if (Object.prototype.toString.call(date) !== '[object Date]') throw new Error('Cannot convert to Date');
      return isoIn(date, zone);
    },
    parseDate(text: string, zone: string, format: string) {
      serviceCalls.push('Utilities.parseDate');
      if (format !== 'yyyy-MM-dd') throw new Error(`fake parseDate supports yyyy-MM-dd only, got ${format}`);
      return midnightIn(text, zone);
    },
  };
  const global: Record<string, unknown> = { SpreadsheetApp, Utilities };
  const context = createContext(global);
  runInContext(readFileSync(join(dist, 'gsheets/Code.js'), 'utf8'), context);
  return { global, serviceCalls };
}
