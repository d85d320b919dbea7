// Loads the built dist/gsheets/Code.js the way Apps Script does: one global scope with SpreadsheetApp and Utilities.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { isoIn, midnightIn } from '../fakes/time-zones';

export { isoIn, midnightIn };

const dist = join(import.meta.dirname, '../../dist');

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
