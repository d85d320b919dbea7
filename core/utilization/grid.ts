// Load and capacity aggregated into periods (DESIGN §5): the horizon's days, weeks or months, the day-by-day
// scheduling of load and capacity per resource, and the colour bands of a ratio.

import { isoFromSerial, isWorkingDay, monthStart, nextMonthStart, weekStart } from '../dates';
import { type PmoError, pmoError } from '../errors';
import type { RowIssue } from '../table';
import type { Basis } from './assignments';
import { buildUtilizationModel, type UtilizationModel } from './model';
import type { Resource } from './resources';
import type { UtilizationTables } from './tables';
import { isFullDayOff } from './time-off';

/** Length of the periods results are grouped by. */
export type Period = 'day' | 'week' | 'month';

export const PERIODS: readonly Period[] = ['week', 'month', 'day'];

/** Most periods a result may have: one sheet row holds 16,384 columns, one is the resource name. */
export const MAX_PERIODS = 16_383;

/** Load and capacity per resource and period. Matrices are row-major: index = resource × periods + period. */
export interface UtilizationGrid {
  readonly period: Period;
  /** First day (serial) of each period: the Monday, the 1st, or the day. */
  readonly periodStarts: readonly number[];
  readonly resources: readonly Resource[];
  readonly loadHours: Float64Array;
  readonly capacityHours: Float64Array;
  readonly issues: readonly RowIssue[];
}

function periodStartOf(serial: number, period: Period): number {
  if (period === 'week') return weekStart(serial);
  if (period === 'month') return monthStart(serial);
  return serial;
}

/** The first day of the period after the one that starts on `serial`. */
export function nextPeriodStart(serial: number, period: Period): number {
  if (period === 'week') return serial + 7;
  if (period === 'month') return nextMonthStart(serial);
  return serial + 1;
}

/**
 * The horizon's periods: whole periods containing `start` … `end`. By default from the earliest assignment
 * start to the latest assignment end.
 */
export function horizonOf(
  model: UtilizationModel,
  period: Period,
  start?: number,
  end?: number,
): readonly number[] | PmoError {
  let first = start;
  let last = end;
  if (first === undefined || last === undefined) {
    let minStart = Number.POSITIVE_INFINITY;
    let maxEnd = Number.NEGATIVE_INFINITY;
    const { start: starts, end: ends, count } = model.assignments;
    for (let i = 0; i < count; i++) {
      minStart = Math.min(minStart, starts[i] ?? minStart);
      maxEnd = Math.max(maxEnd, ends[i] ?? maxEnd);
    }
    if (!Number.isFinite(minStart)) {
      return pmoError(
        'not-available',
        `No usable assignment rows to take the dates from (${model.issues.length} rows left out; ISSUES lists them); pass start and end.`,
      );
    }
    first ??= minStart;
    last ??= maxEnd;
  }
  if (last < first) {
    return pmoError('value', `end ${isoFromSerial(last)} is before start ${isoFromSerial(first)}.`);
  }
  const approximate =
    period === 'day'
      ? last - first + 1
      : period === 'week'
        ? (last - first) / 7 + 2
        : (last - first) / 28 + 2;
  if (approximate > MAX_PERIODS) {
    return pmoError(
      'value',
      `From ${isoFromSerial(first)} to ${isoFromSerial(last)} makes more than ${MAX_PERIODS} ${period}s, more than a sheet row holds; pass a shorter start and end or a longer period.`,
    );
  }
  const starts: number[] = [];
  for (let day = periodStartOf(first, period); day <= last; day = nextPeriodStart(day, period))
    starts.push(day);
  return starts;
}

/**
 * The working days of a horizon of `dayCount` days from `firstDay`: load and capacity fall on them only. `days[w]` is
 * the w-th working day (as an offset from `firstDay`), `period[w]` its period, and `atOrAfter_[d]` the index of the first
 * working day on or after offset d (`days.length` past the last), for d = 0 … dayCount.
 */
interface WorkingDays {
  readonly days: Int32Array;
  readonly period: Int32Array;
  readonly atOrAfter_: Int32Array;
}

function workingDaysOf(periodStarts: readonly number[], firstDay: number, dayCount: number): WorkingDays {
  const days: number[] = [];
  const period: number[] = [];
  const atOrAfter_ = new Int32Array(dayCount + 1);
  for (let p = 0, d = 0; d < dayCount; d++) {
    const next = periodStarts[p + 1];
    if (next !== undefined && firstDay + d >= next) p++;
    atOrAfter_[d] = days.length;
    if (!isWorkingDay(firstDay + d)) continue;
    days.push(d);
    period.push(p);
  }
  atOrAfter_[dayCount] = days.length;
  return { days: Int32Array.from(days), period: Int32Array.from(period), atOrAfter_ };
}

/**
 * Each resource's load changes per working day of the horizon, row by row (row = resource, one column per working
 * day and one past the last): an assignment adds its hours per day on its first working day in the horizon and takes
 * them off after its last. One pass over the assignments in their order.
 */
function loadChanges(model: UtilizationModel, firstDay: number, working: WorkingDays): Float64Array {
  const { resourceIndex, start, end, hoursPerDay, count } = model.assignments;
  const dayCount = working.atOrAfter_.length - 1;
  const width = working.days.length + 1;
  const changes = new Float64Array(model.resources.length * width);
  for (let i = 0; i < count; i++) {
    const from = working.atOrAfter_[Math.max((start[i] ?? 0) - firstDay, 0)] ?? 0;
    const past = working.atOrAfter_[Math.min((end[i] ?? 0) - firstDay + 1, dayCount)] ?? 0;
    if (past <= from) continue;
    const row = (resourceIndex[i] ?? 0) * width;
    const hours = hoursPerDay[i] ?? 0;
    changes[row + from] = (changes[row + from] ?? 0) + hours;
    changes[row + past] = (changes[row + past] ?? 0) - hours;
  }
  return changes;
}

/**
 * Computes load and capacity per resource and period (DESIGN §5).
 * Capacity of a day = max(0, contracted − time off) × availability on working days inside employment.
 * Load is scheduled on working days in [start, end] that are not full days off; outside employment it still counts.
 * @returns the grid, or an error when the horizon cannot be set.
 */
export function computeUtilization(
  model: UtilizationModel,
  options: { period?: Period; start?: number; end?: number } = {},
): UtilizationGrid | PmoError {
  const period = options.period ?? 'week';
  const periodStarts = horizonOf(model, period, options.start, options.end);
  if ('kind' in periodStarts) return periodStarts;
  const firstDay = periodStarts[0] ?? 0;
  const lastPeriod = periodStarts[periodStarts.length - 1] ?? firstDay;
  const dayCount = nextPeriodStart(lastPeriod, period) - firstDay;
  const periodCount = periodStarts.length;
  const working = workingDaysOf(periodStarts, firstDay, dayCount);
  const workCount = working.days.length;
  const resourceCount = model.resources.length;
  const loadHours = new Float64Array(resourceCount * periodCount);
  const capacityHours = new Float64Array(resourceCount * periodCount);
  const changes = loadChanges(model, firstDay, working);
  // A resource's hours off per working day, and which are full days off (cleared before the next resource).
  const hoursOff = new Float64Array(workCount);
  const dayOff = new Uint8Array(workCount);
  const offDays: number[] = [];

  model.resources.forEach((resource, r) => {
    for (const w of offDays) {
      hoursOff[w] = 0;
      dayOff[w] = 0;
    }
    offDays.length = 0;
    // Time off is kept on working days only, so the first working day on or after it is the day itself.
    model.timeOff[r]?.forEach((hours, day) => {
      const d = day - firstDay;
      if (d < 0 || d >= dayCount) return;
      const w = working.atOrAfter_[d] ?? 0;
      offDays.push(w);
      hoursOff[w] = hours;
      if (isFullDayOff(hours, resource)) dayOff[w] = 1;
    });
    const employedFrom = resource.employmentStart === undefined ? 0 : resource.employmentStart - firstDay;
    const employedTo = resource.employmentEnd === undefined ? dayCount : resource.employmentEnd - firstDay;
    const contracted = resource.dailyHours;
    const base = r * periodCount;
    const row = r * (workCount + 1);
    let rate = 0;
    for (let w = 0; w < workCount; w++) {
      rate += changes[row + w] ?? 0;
      const cell = base + (working.period[w] ?? 0);
      if (dayOff[w] === 0 && rate > 1e-12) loadHours[cell] = (loadHours[cell] ?? 0) + rate;
      const d = working.days[w] ?? 0;
      if (d >= employedFrom && d <= employedTo) {
        capacityHours[cell] =
          (capacityHours[cell] ?? 0) + Math.max(0, contracted - (hoursOff[w] ?? 0)) * resource.availability;
      }
    }
  });
  return { period, periodStarts, resources: model.resources, loadHours, capacityHours, issues: model.issues };
}

/**
 * Whether a resource-period is over-allocated: utilization strictly above `threshold` (default 1 = 100%), or load
 * against no capacity. The one rule behind OVERALLOCATIONS, the dashboard's over-allocated resource-weeks and the
 * CLI's summary.
 */
export function isOverallocated(loadHours: number, capacityHours: number, threshold = 1): boolean {
  return capacityHours > 0 ? loadHours / capacityHours > threshold : loadHours > 0;
}

/** The grid of `tables` on `basis` over the horizon of `options`: the checked model scheduled into periods. */
export function utilizationGrid(
  tables: UtilizationTables,
  options: { basis?: Basis; period?: Period; start?: number | undefined; end?: number | undefined },
): UtilizationGrid | PmoError {
  const model = buildUtilizationModel(tables, options.basis);
  if ('kind' in model) return model;
  return computeUtilization(model, {
    ...(options.period !== undefined ? { period: options.period } : {}),
    ...(options.start !== undefined ? { start: options.start } : {}),
    ...(options.end !== undefined ? { end: options.end } : {}),
  });
}

/** One resource-period of a grid: the resource's row, the period's column, and their hours. */
export interface GridCell {
  readonly resource: number;
  readonly period: number;
  readonly loadHours: number;
  readonly capacityHours: number;
}

/** The over-allocated resource-periods of a grid (see {@link isOverallocated}), resource by resource. */
export function overallocatedCells(grid: UtilizationGrid, threshold = 1): GridCell[] {
  const periods = grid.periodStarts.length;
  const cells: GridCell[] = [];
  for (let r = 0; r < grid.resources.length; r++)
    for (let p = 0; p < periods; p++) {
      const loadHours = grid.loadHours[r * periods + p] ?? 0;
      const capacityHours = grid.capacityHours[r * periods + p] ?? 0;
      if (isOverallocated(loadHours, capacityHours, threshold))
        cells.push({ resource: r, period: p, loadHours, capacityHours });
    }
  return cells;
}

/** Σ load and Σ capacity of every resource, per period: the Total row of each view (Σ ÷ Σ, not a mean of %). */
export function periodTotals(grid: UtilizationGrid): {
  loadHours: Float64Array;
  capacityHours: Float64Array;
} {
  const periods = grid.periodStarts.length;
  const loadHours = new Float64Array(periods);
  const capacityHours = new Float64Array(periods);
  for (let i = 0; i < grid.loadHours.length; i++) {
    const p = i % periods;
    loadHours[p] = (loadHours[p] ?? 0) + (grid.loadHours[i] ?? 0);
    capacityHours[p] = (capacityHours[p] ?? 0) + (grid.capacityHours[i] ?? 0);
  }
  return { loadHours, capacityHours };
}
