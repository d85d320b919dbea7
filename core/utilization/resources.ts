// The Resources table read into resources: contracted daily hours, availability and employment dates.

import { cellText, columnHoldsFractions, isBlank, readDate, readNumber, readRatio } from '../cells';
import { cellOf, type FoundTable, headerOf, type RowIssue, rowIssue, type TableRow } from '../table';

/** Contracted hours per week when a resource row gives no capacity. */
export const DEFAULT_HOURS_PER_WEEK = 40;

/** A usable row of the Resources table. */
export interface Resource {
  readonly name: string;
  /** Contracted hours on each working day. */
  readonly dailyHours: number;
  /** Fraction of contracted time available for project work (0–1). */
  readonly availability: number;
  readonly employmentStart: number | undefined;
  readonly employmentEnd: number | undefined;
  readonly row: number;
}

/** Canonical form of a resource name for matching: trimmed, inner spaces collapsed, case-insensitive. */
export function resourceKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Resource cells that label a total row rather than a person. */
export const TOTAL_LABELS = new Set(['total', 'totals', 'grand total', 'sum', 'subtotal']);

/** Reads the Resources table: one resource per usable row, unusable and duplicate rows as issues. */
export function readResources(table: FoundTable, issues: RowIssue[]): Resource[] {
  const resources: Resource[] = [];
  const seen = new Map<string, number>();
  const fractions = columnHoldsFractions(
    table.source.grid,
    table.columns.get('availability') ?? -1,
    table.headerIndex + 1,
  );
  for (const row of table.rows) {
    const name = cellText(cellOf(table, row, 'resource'));
    const issue = (key: string, problem: string) => issues.push(rowIssue(table, row, key, problem));
    if (name === '') {
      issue('resource', 'no resource name: row left out');
      continue;
    }
    if (TOTAL_LABELS.has(name.toLowerCase())) {
      issue('resource', 'looks like a total row: left out');
      continue;
    }
    const key = resourceKey(name);
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      issue('resource', `duplicate resource: row ${firstRow} already defines it, this row is left out`);
      continue;
    }
    const dailyHours = readDailyHours(table, row, issue);
    if (dailyHours === undefined) continue;
    let availability = 1;
    const availabilityCell = cellOf(table, row, 'availability');
    if (!isBlank(availabilityCell)) {
      const parsed = readRatio(availabilityCell, fractions);
      if (!parsed.ok || parsed.value < 0 || parsed.value > 1) {
        issue(
          'availability',
          parsed.ok
            ? 'availability must be between 0% and 100%: row left out'
            : `${parsed.problem}: row left out`,
        );
        continue;
      }
      availability = parsed.value;
    }
    const employmentStart = readOptionalDate(table, row, 'start', issue);
    const employmentEnd = readOptionalDate(table, row, 'end', issue);
    if (employmentStart === null || employmentEnd === null) continue;
    if (employmentStart !== undefined && employmentEnd !== undefined && employmentEnd < employmentStart) {
      issue('end', 'employment ends before it starts: row left out');
      continue;
    }
    seen.set(key, row.number);
    resources.push({ name, dailyHours, availability, employmentStart, employmentEnd, row: row.number });
  }
  return resources;
}

function readDailyHours(
  table: FoundTable,
  row: TableRow,
  issue: (key: string, problem: string) => void,
): number | undefined {
  const sources: [string, (value: number) => number][] = [
    ['hoursPerWeek', (value) => value / 5],
    ['hoursPerDay', (value) => value],
    ['fte', (value) => value * 8],
  ];
  for (const [key, toDaily] of sources) {
    const cell = cellOf(table, row, key);
    if (isBlank(cell)) continue;
    const parsed = readNumber(cell);
    if (!parsed.ok || parsed.value < 0) {
      issue(key, `${parsed.ok ? 'negative capacity' : parsed.problem}: row left out`);
      return undefined;
    }
    return toDaily(parsed.value);
  }
  return periodDailyHours(table, row, issue);
}

/**
 * Hours per day from a capacity sheet per sprint or month: its working hours ÷ its working days (72 h in 9 days
 * is 8 h a day). A row without either is at the default 40 h a week; hours without days are for a period the
 * table does not state, so the row is left out rather than read for a week.
 */
function periodDailyHours(
  table: FoundTable,
  row: TableRow,
  issue: (key: string, problem: string) => void,
): number | undefined {
  const hoursCell = cellOf(table, row, 'periodHours');
  if (isBlank(hoursCell)) return DEFAULT_HOURS_PER_WEEK / 5;
  const hours = readNumber(hoursCell);
  if (!hours.ok || hours.value < 0) {
    issue('periodHours', `${hours.ok ? 'negative capacity' : hours.problem}: row left out`);
    return undefined;
  }
  const days = readNumber(cellOf(table, row, 'workingDays'));
  if (!days.ok || days.value <= 0) {
    issue(
      'workingDays',
      `${headerOf(table, 'periodHours')} needs the working days of its period (a Working days column above 0), ` +
        'or give Hours per week: row left out',
    );
    return undefined;
  }
  return hours.value / days.value;
}

/** undefined = blank, null = unreadable (already reported). */
function readOptionalDate(
  table: FoundTable,
  row: TableRow,
  key: string,
  issue: (key: string, problem: string) => void,
): number | undefined | null {
  const cell = cellOf(table, row, key);
  if (isBlank(cell)) return undefined;
  const parsed = readDate(cell);
  if (!parsed.ok) {
    issue(key, `${parsed.problem}: row left out`);
    return null;
  }
  return parsed.value;
}
