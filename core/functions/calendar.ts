// Dates through a host's calendar: Sheets hands custom functions Date objects at midnight in the spreadsheet's
// time zone, and only the host (Apps Script's Utilities, or a UTC stand-in) knows which day a Date is there.

import { isoFromSerial, serialFromParts } from '../dates';
import type { HostEnvironment } from './invoke';

/** Date conversion in one time zone. */
export interface Calendar {
  /** "yyyy-MM-dd" of `date` in the calendar's time zone. */
  format(date: Date): string;
  /** The Date at midnight of "yyyy-MM-dd" in the calendar's time zone. */
  parse(iso: string): Date;
}

/** A host environment that asks `calendar` once per distinct date (a column of dates repeats a few hundred). */
export function calendarEnvironment(
  calendar: Calendar,
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

/** The UTC calendar: for tests and benchmarks that stand in for a spreadsheet in UTC. */
export const UTC_CALENDAR: Calendar = {
  format: (date) => date.toISOString().slice(0, 10),
  parse: (iso) => new Date(`${iso}T00:00:00Z`),
};
