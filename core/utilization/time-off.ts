// Time off (DESIGN §5): hours off per working day of each resource, full days off, and counting them in a range.

import { cellText, isBlank, type Parsed, readDate, readNumber } from '../cells';
import { isWorkingDay } from '../dates';
import { cellOf, type FoundTable, type RowIssue, rowIssue } from '../table';
import { type Resource, resourceKey } from './resources';

/** Longest time-off range accepted on one row, in days (ten years). */
export const MAX_TIME_OFF_DAYS = 3_660;

const EVERYONE = new Set(['', 'all', '*', 'everyone', 'all staff', 'public holiday']);

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
  for (const row of table.rows) {
    const issue = (key: string, problem: string) => issues.push(rowIssue(table, row, key, problem));
    const name = cellText(cellOf(table, row, 'resource'));
    const everyone = EVERYONE.has(name.toLowerCase());
    const resourceIndex = everyone ? -1 : byKey.get(resourceKey(name));
    if (resourceIndex === undefined) {
      issue('resource', 'resource not in the Resources table: row left out');
      continue;
    }
    const start = readDate(cellOf(table, row, 'start'));
    if (!start.ok) {
      issue('start', `${start.problem}: row left out`);
      continue;
    }
    const endCell = cellOf(table, row, 'end');
    const end: Parsed<number> = isBlank(endCell) ? start : readDate(endCell);
    if (!end.ok) {
      issue('end', `${end.problem}: row left out`);
      continue;
    }
    if (end.value < start.value) {
      issue('end', 'end before start: row left out');
      continue;
    }
    if (end.value - start.value + 1 > MAX_TIME_OFF_DAYS) {
      issue('end', `time off longer than ${MAX_TIME_OFF_DAYS} days: row left out`);
      continue;
    }
    let hours: number | undefined;
    const hoursCell = cellOf(table, row, 'hours');
    if (!isBlank(hoursCell)) {
      const parsed = readNumber(hoursCell);
      if (!parsed.ok || parsed.value < 0) {
        issue('hours', `${parsed.ok ? 'negative hours' : parsed.problem}: row left out`);
        continue;
      }
      hours = parsed.value;
    }
    if (resourceIndex === -1) {
      for (let r = 0; r < resources.length; r++) addDays(r, start.value, end.value, hours);
    } else {
      addDays(resourceIndex, start.value, end.value, hours);
    }
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
  for (const [day, hours] of days) if (isFullDayOff(hours, resource)) full.push(day);
  return Float64Array.from(full).sort();
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
