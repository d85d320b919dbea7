// Calendar arithmetic on day serials (the Excel 1900 system: 25569 = 1970-01-01, one unit per day).
// Every date in the core is an integer serial, so both hosts and the CLI agree on what a day is.

/** Serial of 1970-01-01 in the Excel 1900 date system. */
export const UNIX_EPOCH_SERIAL = 25569;
/** The smallest serial accepted as a date (1900-03-01, after Excel's fictitious 1900-02-29). */
export const MIN_DATE_SERIAL = 61;
/** The largest serial Excel can show as a date (9999-12-31). */
export const MAX_DATE_SERIAL = 2958465;

const MS_PER_DAY = 86_400_000;

/** Serial of a calendar date given as year, month (1–12) and day; no range checks. */
export function serialFromParts(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY) + UNIX_EPOCH_SERIAL;
}

/** Calendar parts of a serial. */
export function partsFromSerial(serial: number): { year: number; month: number; day: number } {
  const date = new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO text (yyyy-mm-dd) of a serial, for messages and labels. */
export function isoFromSerial(serial: number): string {
  const { year, month, day } = partsFromSerial(serial);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Serial of the day a `Date` falls on, reading its UTC calendar date (how xlsx readers hand out dates). */
export function serialFromUtcDate(date: Date): number {
  return serialFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Day of the week, Monday = 0 … Sunday = 6. */
export function weekdayIndex(serial: number): number {
  return (((serial - 2) % 7) + 7) % 7;
}

/** True for Monday–Friday. */
export function isWorkingDay(serial: number): boolean {
  return weekdayIndex(serial) < 5;
}

/** Serial of the Monday of the ISO week containing `serial`. */
export function weekStart(serial: number): number {
  return serial - weekdayIndex(serial);
}

/** Serial of the first day of the month containing `serial`. */
export function monthStart(serial: number): number {
  const { year, month } = partsFromSerial(serial);
  return serialFromParts(year, month, 1);
}

/** Serial of the first day of the month after the one containing `serial`. */
export function nextMonthStart(serial: number): number {
  const { year, month } = partsFromSerial(serial);
  return month === 12 ? serialFromParts(year + 1, 1, 1) : serialFromParts(year, month + 1, 1);
}

/**
 * Number of Monday–Friday days in [first, last], both inclusive; 0 when last < first.
 * @example countWorkingDays(serialFromParts(2025, 3, 3), serialFromParts(2025, 3, 9)) // 5
 */
export function countWorkingDays(first: number, last: number): number {
  if (last < first) return 0;
  const days = last - first + 1;
  const fullWeeks = Math.floor(days / 7);
  let count = fullWeeks * 5;
  const startWeekday = weekdayIndex(first);
  for (let i = 0; i < days - fullWeeks * 7; i++) {
    if ((startWeekday + i) % 7 < 5) count++;
  }
  return count;
}
