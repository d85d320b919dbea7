// Column headers that are periods (a time-phased plan: a row per person, a column per week or month): which
// cells of a header row name a period, and the days each period covers.

import { type Cell, parseDateText } from './cells';
import { partsFromSerial, serialFromParts } from './dates';

/** A header column that is a period: its grid column and its first and last day (serials, inclusive). */
export interface PeriodColumn {
  readonly column: number;
  readonly start: number;
  readonly end: number;
}

/** A plan has at least this many period columns (two dates in a header are a Start and an End, not a plan). */
export const MIN_PERIOD_COLUMNS = 3;

/** Header periods lie between these years (a number such as 2025 or 45,000.5 is no header date). */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2099;

const MONTHS = 'january february march april may june july august september october november december'.split(
  ' ',
);

/** "Jan-25", "Jan 2025", "January 2025", "Jul '16", "Sept. 2025". */
const MONTH_YEAR = /^([a-z]{3,9})\.?[\s\-/']*('?\d\d|\d{4})$/i;
/** "2025-01", "01/2025". */
const NUMERIC_MONTH = /^(?:(\d{4})[-/](\d\d?)|(\d\d?)[-/](\d{4}))$/;
/** ISO weeks and quarters, year first or last: "2025-W03", "W03 2025", "Q1 2025", "2025 Q1", "Q1 '25". */
const WEEK_OR_QUARTER = /^(?:(\d{4})[\s-]*([wq])(\d\d?)|([wq])(\d\d?)[\s\-']+('?\d\d|\d{4}))$/i;

/** A month's index 0–11 from its name or a prefix of it ("Mar", "March", "Sept"); -1 for any other word. */
const monthIndex = (name: string): number => {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((month) => month.startsWith(lower));
};

/** A year as written: two digits are 20xx ("'25", "25"). */
const yearOf = (text: string): number => {
  const year = Number(text.replace("'", ''));
  return year < 100 ? 2000 + year : year;
};

/** The first day of the month `count` months after the month of `serial`. */
const monthsAfter = (serial: number, count: number): number => {
  const { year, month } = partsFromSerial(serial);
  const index = year * 12 + month - 1 + count;
  return serialFromParts(Math.floor(index / 12), (index % 12) + 1, 1);
};

/** The days of `months` months from the 1st of `month` (1–12) of `year`; undefined outside the years read. */
const months = (year: number, month: number, count: number): HeaderPeriod | undefined => {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12) return undefined;
  const start = serialFromParts(year, month, 1);
  return { start, end: monthsAfter(start, count) - 1 };
};

type HeaderPeriod = { readonly start: number; readonly end: number } | { readonly day: number };

const dayIn = (serial: number): HeaderPeriod | undefined => {
  const { year } = partsFromSerial(serial);
  return Number.isInteger(serial) && year >= FIRST_YEAR && year <= LAST_YEAR ? { day: serial } : undefined;
};

/** What a header cell says as a period: a span (a month, an ISO week, a quarter), a day, or nothing. */
export function headerPeriod(cell: Cell): HeaderPeriod | undefined {
  if (typeof cell === 'number') return dayIn(cell);
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  const monthYear = MONTH_YEAR.exec(text);
  if (monthYear) {
    // "Mar", "March" and "Sept" are months; "Marketing" is none.
    const name = (monthYear[1] ?? '').toLowerCase();
    return months(yearOf(monthYear[2] ?? ''), monthIndex(name) + 1, 1);
  }
  const numeric = NUMERIC_MONTH.exec(text);
  if (numeric) return months(Number(numeric[1] ?? numeric[4]), Number(numeric[2] ?? numeric[3]), 1);
  const match = WEEK_OR_QUARTER.exec(text);
  if (match) {
    const year = match[1] === undefined ? yearOf(match[6] ?? '') : Number(match[1]);
    const n = Number(match[3] ?? match[5]);
    if ((match[2] ?? match[4] ?? '').toLowerCase() === 'q')
      return n <= 4 ? months(year, 3 * n - 2, 3) : undefined;
    if (n < 1 || n > 53 || year < FIRST_YEAR || year > LAST_YEAR) return undefined;
    // ISO week 1 holds 4 January; serial 2 (1900-01-01 in Excel's count) is a Monday.
    const jan4 = serialFromParts(year, 1, 4);
    const start = jan4 - ((jan4 - 2) % 7) + (n - 1) * 7;
    return { start, end: start + 6 };
  }
  const day = parseDateText(text);
  return day === undefined ? undefined : dayIn(day);
}

/**
 * The period columns of a header row: its longest run of period headers in increasing order (blank cells between
 * them allowed), at least {@link MIN_PERIOD_COLUMNS}, else none. Day dates become the spans their spacing gives:
 * the 1st of each month, whole months (the last as many months as the step before it); otherwise each runs to the
 * day before the next, and the last is as long as the one before it (seven days apart: weeks).
 */
export function periodColumns(row: readonly Cell[]): PeriodColumn[] {
  let best: { column: number; period: HeaderPeriod }[] = [];
  let run: typeof best = [];
  const firstDay = (period: HeaderPeriod) => ('day' in period ? period.day : period.start);
  row.forEach((cell, column) => {
    if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return;
    const period = headerPeriod(cell);
    const last = run[run.length - 1];
    if (period && (!last || firstDay(period) > firstDay(last.period))) run.push({ column, period });
    else {
      if (run.length > best.length) best = run;
      run = period ? [{ column, period }] : [];
    }
  });
  if (run.length > best.length) best = run;
  if (best.length < MIN_PERIOD_COLUMNS) return [];
  const days = best.map((entry) => firstDay(entry.period));
  const monthly = days.every((day) => partsFromSerial(day).day === 1);
  return best.map(({ column, period }, i) => {
    if (!('day' in period)) return { column, start: period.start, end: period.end };
    const start = period.day;
    const next = days[i + 1];
    const previous = days[i - 1] ?? start;
    if (next !== undefined) return { column, start, end: next - 1 };
    if (!monthly) return { column, start, end: 2 * start - previous - 1 };
    const a = partsFromSerial(previous);
    const b = partsFromSerial(start);
    return { column, start, end: monthsAfter(start, (b.year - a.year) * 12 + b.month - a.month) - 1 };
  });
}

/** A month name alone ("Jan", "February"): a period once the year is known. */
const MONTH_ONLY = /^([a-z]{3,9})\.?$/i;
/** A year in a title or a sheet name: "Resource plan 2026", "FY2026", "Plan_2026". */
const YEAR_IN_TEXT = /(?:^|[^\d])((?:19|20)\d\d)(?!\d)/;

/**
 * `grid` with the month names of a header row given their year ("Jan" → "Jan 2026"), for a plan whose header has
 * months alone and whose year is in a title above it (else in `fallback`, the sheet's name): the first year
 * written in the rows above, the months rolling into the next year when they start again ("Nov", "Dec", "Jan").
 * Only the first `rows` rows are searched; the grid itself is returned when no header needs it.
 */
export function withMonthYears(
  grid: readonly (readonly Cell[])[],
  rows: number,
  fallback = '',
): readonly (readonly Cell[])[] {
  let result = grid;
  for (let r = 0; r < Math.min(rows, grid.length); r++) {
    const row = grid[r] ?? [];
    const months = row.map((cell) => {
      const name = typeof cell === 'string' ? MONTH_ONLY.exec(cell.trim())?.[1]?.toLowerCase() : undefined;
      return name === undefined ? -1 : monthIndex(name);
    });
    if (months.filter((month) => month >= 0).length < MIN_PERIOD_COLUMNS) continue;
    const titles = grid
      .slice(0, r)
      .flat()
      .filter((cell): cell is string => typeof cell === 'string');
    const written = [...titles, fallback].map((text) => YEAR_IN_TEXT.exec(text)?.[1]).find(Boolean);
    if (written === undefined) continue;
    let year = Number(written);
    let previous = -1;
    const dated = row.map((cell, c) => {
      const month = months[c] ?? -1;
      if (month < 0) return cell;
      if (month <= previous) year++;
      previous = month;
      return `${String(cell).trim()} ${year}`;
    });
    if (result === grid) result = [...grid];
    (result as (readonly Cell[])[])[r] = dated;
  }
  return result;
}
