// Time off (DESIGN §5): hours off per working day of each resource, full days off, and counting them in a range.

import { cellText, isBlank, type Parsed, readDate, readNumber } from '../cells';
import { isWorkingDay } from '../dates';
import { cellOf, type FoundTable, normalizeHeader, type RowIssue, rowIssue, type TableRow } from '../table';
import { type Resource, resourceKey } from './resources';

/** Longest time-off range accepted on one row, in days (ten years). */
export const MAX_TIME_OFF_DAYS = 3_660;

const EVERYONE = new Set(['', 'all', '*', 'everyone', 'all staff', 'public holiday']);

/**
 * The table once per group of Start and End columns: a leave tracker repeats its From / To pair (under Leave Type)
 * for each month, each group the same headers in the same order; the first group is the table as found.
 */
function leaveGroups(table: FoundTable): FoundTable[] {
  const start = table.columns.get('start');
  const end = table.columns.get('end');
  if (start === undefined || end === undefined || end <= start) return [table];
  const width = end - start;
  const header = (c: number) => normalizeHeader(table.headers[c] ?? '');
  const groups = [table];
  for (let c = end + 1; c + width < table.headers.length; c++) {
    if (header(c) !== header(start) || header(c + width) !== header(end)) continue;
    groups.push({ ...table, columns: new Map([...table.columns, ['start', c], ['end', c + width]]) });
    c += width;
  }
  return groups;
}

/** Reads the Time off table into, per resource, working day serial → hours off (capped at the contracted day). */
export function readTimeOff(
  table: FoundTable,
  resources: readonly Resource[],
  byKey: ReadonlyMap<string, number>,
  issues: RowIssue[],
) {
  const timeOff = resources.map(() => new Map<number, number>());
  const addDays = (resourceIndex: number, first: number, last: number, hours: number | undefined) => {
    const resource = resources[resourceIndex];
    const days = timeOff[resourceIndex];
    if (!resource || !days) return;
    for (let day = first; day <= last; day++) {
      if (!isWorkingDay(day)) continue;
      const total = (days.get(day) ?? 0) + (hours ?? resource.dailyHours);
      days.set(day, Math.min(total, resource.dailyHours));
    }
  };
  const readRow = (view: FoundTable, row: TableRow) => {
    const issue = (key: string, problem: string) => issues.push(rowIssue(view, row, key, problem));
    const name = cellText(cellOf(view, row, 'resource'));
    const everyone = EVERYONE.has(name.toLowerCase());
    const resourceIndex = everyone ? -1 : byKey.get(resourceKey(name));
    if (resourceIndex === undefined) {
      issue('resource', 'resource not in the Resources table: row left out');
      return;
    }
    const start = readDate(cellOf(view, row, 'start'));
    if (!start.ok) {
      issue('start', `${start.problem}: row left out`);
      return;
    }
    const endCell = cellOf(view, row, 'end');
    const end: Parsed<number> = isBlank(endCell) ? start : readDate(endCell);
    if (!end.ok) {
      issue('end', `${end.problem}: row left out`);
      return;
    }
    if (end.value < start.value) {
      issue('end', 'end before start: row left out');
      return;
    }
    if (end.value - start.value + 1 > MAX_TIME_OFF_DAYS) {
      issue('end', `time off longer than ${MAX_TIME_OFF_DAYS} days: row left out`);
      return;
    }
    let hours: number | undefined;
    const hoursCell = cellOf(view, row, 'hours');
    if (!isBlank(hoursCell)) {
      const parsed = readNumber(hoursCell);
      if (!parsed.ok || parsed.value < 0) {
        issue('hours', `${parsed.ok ? 'negative hours' : parsed.problem}: row left out`);
        return;
      }
      hours = parsed.value;
    }
    if (resourceIndex === -1) {
      for (let r = 0; r < resources.length; r++) addDays(r, start.value, end.value, hours);
    } else {
      addDays(resourceIndex, start.value, end.value, hours);
    }
  };
  const groups = leaveGroups(table);
  for (const row of table.rows) {
    // Each filled group is one time off. In a tracker with a group per month, a row with none filled is a person
    // who took no leave ("No Leaves taken"); in a plain list it is a row without dates, reported.
    const filled = groups.filter(
      (view) => !isBlank(cellOf(view, row, 'start')) || !isBlank(cellOf(view, row, 'end')),
    );
    if (filled.length === 0 && groups.length > 1) continue;
    for (const view of filled.length > 0 ? filled : [table]) readRow(view, row);
  }
  return timeOff;
}

/** A working day with time off is a full day off when its hours off reach the contracted hours. */
export function isFullDayOff(hoursOff: number, resource: Resource): boolean {
  return hoursOff >= resource.dailyHours;
}

/** Sorted full days off of one resource. */
export function fullDaysOff(resource: Resource, days: ReadonlyMap<number, number>): Float64Array {
  const full: number[] = [];
  days.forEach((hours, day) => {
    if (isFullDayOff(hours, resource)) full.push(day);
  });
  return new Float64Array(full).sort();
}

/** Count of values in sorted `days` within [first, last]. */
export function countInRange(days: Float64Array, first: number, last: number): number {
  const lowerBound = (value: number) => {
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((days[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return lowerBound(last + 1) - lowerBound(first);
}
