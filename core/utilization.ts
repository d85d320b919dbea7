// Capacity, load and utilization per resource and period (DESIGN §5): working-day calendars, time off,
// employment dates, the four load kinds and the four bases. Work is O(rows + resources × days).

import {
  type Cell,
  cellText,
  columnHoldsFractions,
  isBlank,
  type Parsed,
  readDate,
  readFlag,
  readNumber,
  readProbability,
  readRatio,
} from './cells';
import {
  countWorkingDays,
  isoFromSerial,
  isWorkingDay,
  monthStart,
  nextMonthStart,
  weekStart,
} from './dates';
import { type PmoError, pmoError } from './errors';
import {
  type ColumnSpec,
  cellOf,
  type FoundTable,
  findTable,
  hasColumn,
  type RowIssue,
  rowIssue,
  type TableRow,
  type TableSpec,
} from './table';

/** Length of the periods results are grouped by. */
export type Period = 'day' | 'week' | 'month';
/** Which load counts (DESIGN §5 Basis). */
export type Basis = 'all' | 'confirmed' | 'weighted' | 'billable';

export const PERIODS: readonly Period[] = ['week', 'month', 'day'];
export const BASES: readonly Basis[] = ['all', 'confirmed', 'weighted', 'billable'];

/** Contracted hours per week when a resource row gives no capacity. */
export const DEFAULT_HOURS_PER_WEEK = 40;
/** Most periods a result may have: one sheet row holds 16,384 columns, one is the resource name. */
export const MAX_PERIODS = 16_383;
/** Longest time-off range accepted on one row, in days (ten years). */
export const MAX_TIME_OFF_DAYS = 3_660;

const col = (key: string, label: string, synonyms: string[], required = false): ColumnSpec =>
  required ? { key, label, synonyms, required } : { key, label, synonyms };
const dateCol = (key: string, label: string, synonyms: string[], required = false): ColumnSpec => ({
  ...col(key, label, synonyms, required),
  date: true,
});

const RESOURCE_SYNONYMS = [
  'Resource',
  'Resource Name',
  'Name',
  'Person',
  'Employee',
  'Team Member',
  'Assignee',
];
const START_SYNONYMS = ['Start', 'Start Date', 'From', 'Begin', 'Begins', 'Start date (planned)'];
const END_SYNONYMS = ['End', 'End Date', 'Finish', 'Finish Date', 'To', 'Due', 'Due Date', 'Until'];
const HOURS_PER_WEEK = col('hoursPerWeek', 'Hours per week', [
  'Hours per week',
  'Hours/week',
  'Hrs/Wk',
  'Hrs per week',
  'Weekly Hours',
  'Hours a week',
  'h/wk',
  'Capacity (h/wk)',
  'Capacity h/wk',
  'Weekly capacity',
  'Contracted hours',
]);
const HOURS_PER_DAY = col('hoursPerDay', 'Hours per day', [
  'Hours per day',
  'Hours/day',
  'Hrs/Day',
  'Daily Hours',
  'h/day',
]);

/** Resources table: one row per person, with contracted capacity. */
export const RESOURCES_TABLE: TableSpec = {
  name: 'Resources',
  columns: [
    col('resource', 'Resource', [...RESOURCE_SYNONYMS, 'Owner'], true),
    HOURS_PER_WEEK,
    HOURS_PER_DAY,
    col('fte', 'FTE', ['FTE', 'Full-time equivalent']),
    col('availability', 'Availability', [
      'Availability',
      'Available',
      'Availability %',
      'Project availability',
      'Available %',
    ]),
    col('role', 'Role', ['Role', 'Job Title', 'Title', 'Position']),
    dateCol('start', 'Start', [...START_SYNONYMS, 'Employment Start', 'Hire Date', 'Joined']),
    dateCol('end', 'End', [...END_SYNONYMS, 'Employment End', 'Leaving Date', 'Leaves']),
  ],
};

/** Assignments table: who works on what, when, and how much. */
export const ASSIGNMENTS_TABLE: TableSpec = {
  name: 'Assignments',
  columns: [
    col('resource', 'Resource', RESOURCE_SYNONYMS, true),
    dateCol('start', 'Start', START_SYNONYMS, true),
    dateCol('end', 'End', END_SYNONYMS, true),
    HOURS_PER_WEEK,
    HOURS_PER_DAY,
    col('allocation', 'Allocation', [
      'Allocation',
      'Allocation %',
      'Percentage Allocation',
      '% Allocated',
      'Allocated',
      'Units',
      'Allocation (%)',
      'Load %',
    ]),
    col('hours', 'Hours', [
      'Hours',
      'Total Hours',
      'Effort',
      'Work',
      'Estimate',
      'Effort (h)',
      'Estimated Hours',
      'Planned Hours',
    ]),
    col('project', 'Project', ['Project', 'Project Name', 'Initiative', 'Program']),
    col('status', 'Status', ['Status', 'Booking Status', 'State']),
    col('probability', 'Probability', ['Probability', 'Likelihood', 'Confidence', 'Win Probability']),
    col('billable', 'Billable', ['Billable', 'Is Billable', 'Chargeable']),
  ],
};

/** Time off table: personal leave and public holidays (blank, All or * = everyone). */
export const TIME_OFF_TABLE: TableSpec = {
  name: 'Time off',
  columns: [
    col('resource', 'Resource', RESOURCE_SYNONYMS),
    dateCol('start', 'Start', [...START_SYNONYMS, 'Date', 'Day', 'Holiday Date'], true),
    dateCol('end', 'End', END_SYNONYMS),
    col('hours', 'Hours', ['Hours', 'Hours off', 'Hours per day', 'Duration (h)']),
  ],
};

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

/** A usable assignment, reduced to hours per schedulable day. */
export interface Assignment {
  readonly resourceIndex: number;
  readonly start: number;
  readonly end: number;
  /** Hours on each working day of [start, end] that is not a full day off (basis weighting applied). */
  readonly hoursPerDay: number;
}

/** Everything the utilization arithmetic needs, read and checked from the user's tables. */
export interface UtilizationModel {
  readonly resources: readonly Resource[];
  /** Per resource: working days with time off, day serial → hours off (capped at the contracted day). */
  readonly timeOff: readonly ReadonlyMap<number, number>[];
  readonly assignments: readonly Assignment[];
  readonly issues: readonly RowIssue[];
}

/** The raw tables, as 2-D cell grids that include their header rows. */
export interface UtilizationTables {
  readonly resources: readonly (readonly Cell[])[];
  readonly assignments?: readonly (readonly Cell[])[];
  readonly timeOff?: readonly (readonly Cell[])[];
  /** Sheet row number of each grid's first row, when known (for issue row numbers). */
  readonly firstRows?: {
    readonly resources?: number;
    readonly assignments?: number;
    readonly timeOff?: number;
  };
}

/** Canonical form of a resource name for matching: trimmed, inner spaces collapsed, case-insensitive. */
export function resourceKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

const TOTAL_LABELS = new Set(['total', 'totals', 'grand total', 'sum', 'subtotal']);
const EVERYONE = new Set(['', 'all', '*', 'everyone', 'all staff', 'public holiday']);

function readResources(table: FoundTable, issues: RowIssue[]): Resource[] {
  const resources: Resource[] = [];
  const seen = new Map<string, number>();
  const fractions = columnHoldsFractions(table.rows.map((row) => cellOf(table, row, 'availability')));
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
  return DEFAULT_HOURS_PER_WEEK / 5;
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

function readTimeOff(
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
function isFullDayOff(hoursOff: number, resource: Resource): boolean {
  return hoursOff >= resource.dailyHours;
}

/** Sorted full days off of one resource. */
function fullDaysOff(resource: Resource, days: ReadonlyMap<number, number>): Float64Array {
  const full: number[] = [];
  for (const [day, hours] of days) if (isFullDayOff(hours, resource)) full.push(day);
  return Float64Array.from(full).sort();
}

/** Count of values in sorted `days` within [first, last]. */
function countInRange(days: Float64Array, first: number, last: number): number {
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

const LOAD_COLUMNS = ['hoursPerWeek', 'hoursPerDay', 'allocation', 'hours'] as const;
const TENTATIVE = new Set([
  'tentative',
  'proposed',
  'pending',
  'unconfirmed',
  'soft',
  'soft booked',
  'pipeline',
]);

function readAssignments(
  table: FoundTable,
  resources: readonly Resource[],
  byKey: ReadonlyMap<string, number>,
  timeOff: readonly ReadonlyMap<number, number>[],
  basis: Basis,
  issues: RowIssue[],
): Assignment[] | PmoError {
  if (!LOAD_COLUMNS.some((key) => hasColumn(table, key))) {
    return pmoError(
      'value',
      'The Assignments table has no load column: add Hours per week, Hours per day, Allocation or Hours; ' +
        `headers seen: ${table.headers
          .filter((header) => header !== '')
          .map((header) => `"${header}"`)
          .join(', ')}.`,
    );
  }
  const fractions = columnHoldsFractions(table.rows.map((row) => cellOf(table, row, 'allocation')));
  const offDays = resources.map((resource, index) => fullDaysOff(resource, timeOff[index] ?? new Map()));
  const assignments: Assignment[] = [];
  // Many rows name the same few people: match each distinct spelling once.
  const resourceOfName = new Map<string, number | undefined>();
  for (const row of table.rows) {
    const issue = (key: string, problem: string) => issues.push(rowIssue(table, row, key, problem));
    const name = cellText(cellOf(table, row, 'resource'));
    if (name === '') {
      issue('resource', 'no resource: row left out');
      continue;
    }
    let resourceIndex = resourceOfName.get(name);
    if (resourceIndex === undefined && !resourceOfName.has(name)) {
      resourceIndex = byKey.get(resourceKey(name));
      resourceOfName.set(name, resourceIndex);
    }
    const resource = resourceIndex === undefined ? undefined : resources[resourceIndex];
    if (resourceIndex === undefined || !resource) {
      issue(
        'resource',
        TOTAL_LABELS.has(name.toLowerCase())
          ? 'looks like a total row: left out'
          : 'resource not in the Resources table: row left out',
      );
      continue;
    }
    const start = readDate(cellOf(table, row, 'start'));
    if (!start.ok) {
      issue('start', `${start.problem}: row left out`);
      continue;
    }
    const end = readDate(cellOf(table, row, 'end'));
    if (!end.ok) {
      issue('end', `${end.problem}: row left out`);
      continue;
    }
    if (end.value < start.value) {
      issue(
        'end',
        `end ${isoFromSerial(end.value)} before start ${isoFromSerial(start.value)}: row left out`,
      );
      continue;
    }
    const factor = basisFactor(table, row, basis, issue);
    if (factor === undefined) continue;
    const loadKey = LOAD_COLUMNS.find((key) => !isBlank(cellOf(table, row, key)));
    if (loadKey === undefined) {
      issue(
        LOAD_COLUMNS.find((key) => hasColumn(table, key)) ?? 'hours',
        'no load: fill Hours per week, Hours per day, Allocation or Hours: row left out',
      );
      continue;
    }
    const loadCell = cellOf(table, row, loadKey);
    const parsed = loadKey === 'allocation' ? readRatio(loadCell, fractions) : readNumber(loadCell);
    if (!parsed.ok) {
      issue(loadKey, `${parsed.problem}: row left out`);
      continue;
    }
    if (parsed.value < 0) {
      issue(loadKey, `negative ${loadKey === 'allocation' ? 'allocation' : 'hours'}: row left out`);
      continue;
    }
    let hoursPerDay: number;
    if (loadKey === 'hours') {
      const days =
        countWorkingDays(start.value, end.value) -
        countInRange(offDays[resourceIndex] ?? new Float64Array(), start.value, end.value);
      if (days <= 0) {
        issue('hours', 'no working day between start and end to spread the hours over: row left out');
        continue;
      }
      hoursPerDay = parsed.value / days;
    } else if (loadKey === 'hoursPerWeek') {
      hoursPerDay = parsed.value / 5;
    } else if (loadKey === 'hoursPerDay') {
      hoursPerDay = parsed.value;
    } else {
      hoursPerDay = parsed.value * resource.dailyHours;
    }
    if (factor > 0 && hoursPerDay > 0) {
      assignments.push({
        resourceIndex,
        start: start.value,
        end: end.value,
        hoursPerDay: hoursPerDay * factor,
      });
    }
  }
  return assignments;
}

/** Weight of a row under `basis`: 0 = filtered out, undefined = unusable (reported). */
function basisFactor(
  table: FoundTable,
  row: TableRow,
  basis: Basis,
  issue: (key: string, problem: string) => void,
): number | undefined {
  if (basis === 'all') return 1;
  if (basis === 'billable') return readFlag(cellOf(table, row, 'billable')) ? 1 : 0;
  const tentative = TENTATIVE.has(cellText(cellOf(table, row, 'status')).toLowerCase());
  if (!tentative) return 1;
  if (basis === 'confirmed') return 0;
  const cell = cellOf(table, row, 'probability');
  if (isBlank(cell)) return 0.5;
  const probability = readProbability(cell);
  if (!probability.ok) {
    issue('probability', `${probability.problem}: row left out`);
    return undefined;
  }
  return probability.value;
}

/**
 * Reads and checks the user's tables into a {@link UtilizationModel}. Unusable rows become issues; a missing
 * required column or an empty Resources table is an error.
 * @example buildUtilizationModel({ resources: [['Resource'], ['Ana']], assignments: [['Resource', 'Start', 'End', 'Hours'], ['Ana', 46083, 46087, 20]] }, 'all')
 */
export function buildUtilizationModel(
  tables: UtilizationTables,
  basis: Basis = 'all',
): UtilizationModel | PmoError {
  const issues: RowIssue[] = [];
  const resourceTable = findTable(tables.resources, RESOURCES_TABLE, tables.firstRows?.resources);
  if ('kind' in resourceTable) return resourceTable;
  const resources = readResources(resourceTable, issues);
  const byKey = new Map(resources.map((resource, index) => [resourceKey(resource.name), index]));
  let timeOff: Map<number, number>[] = resources.map(() => new Map());
  if (tables.timeOff) {
    const timeOffTable = findTable(tables.timeOff, TIME_OFF_TABLE, tables.firstRows?.timeOff);
    if ('kind' in timeOffTable) {
      // An empty time-off table is simply no time off; a table without a date column is a real error.
      if (timeOffTable.code !== 'not-available') return timeOffTable;
    } else {
      timeOff = readTimeOff(timeOffTable, resources, byKey, issues);
    }
  }
  let assignments: Assignment[] = [];
  if (tables.assignments) {
    const assignmentTable = findTable(tables.assignments, ASSIGNMENTS_TABLE, tables.firstRows?.assignments);
    if ('kind' in assignmentTable) return assignmentTable;
    const read = readAssignments(assignmentTable, resources, byKey, timeOff, basis, issues);
    if ('kind' in read) return read;
    assignments = read;
  }
  if (resources.length === 0) {
    return pmoError(
      'not-available',
      `The Resources table has no usable rows (${issues.length} rows left out; ISSUES lists them).`,
    );
  }
  return { resources, timeOff, assignments, issues };
}

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

function nextPeriodStart(serial: number, period: Period): number {
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
    for (const assignment of model.assignments) {
      if (assignment.start < minStart) minStart = assignment.start;
      if (assignment.end > maxEnd) maxEnd = assignment.end;
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
  const periodOfDay = new Int32Array(dayCount);
  const workingDay = new Uint8Array(dayCount);
  for (let p = 0, d = 0; d < dayCount; d++) {
    const next = periodStarts[p + 1];
    if (next !== undefined && firstDay + d >= next) p++;
    periodOfDay[d] = p;
    workingDay[d] = isWorkingDay(firstDay + d) ? 1 : 0;
  }
  const resourceCount = model.resources.length;
  const loadHours = new Float64Array(resourceCount * periodCount);
  const capacityHours = new Float64Array(resourceCount * periodCount);
  const byResource: Assignment[][] = model.resources.map(() => []);
  for (const assignment of model.assignments) byResource[assignment.resourceIndex]?.push(assignment);
  const rateChange = new Float64Array(dayCount + 1);
  const hoursOff = new Float64Array(dayCount);
  const dayOff = new Uint8Array(dayCount);

  model.resources.forEach((resource, r) => {
    rateChange.fill(0);
    hoursOff.fill(0);
    dayOff.fill(0);
    for (const [day, hours] of model.timeOff[r] ?? []) {
      const d = day - firstDay;
      if (d < 0 || d >= dayCount) continue;
      hoursOff[d] = hours;
      if (isFullDayOff(hours, resource)) dayOff[d] = 1;
    }
    for (const assignment of byResource[r] ?? []) {
      const from = Math.max(assignment.start - firstDay, 0);
      const to = Math.min(assignment.end - firstDay, dayCount - 1);
      if (to < from) continue;
      rateChange[from] = (rateChange[from] ?? 0) + assignment.hoursPerDay;
      rateChange[to + 1] = (rateChange[to + 1] ?? 0) - assignment.hoursPerDay;
    }
    const employedFrom = resource.employmentStart === undefined ? 0 : resource.employmentStart - firstDay;
    const employedTo = resource.employmentEnd === undefined ? dayCount : resource.employmentEnd - firstDay;
    const contracted = resource.dailyHours;
    const base = r * periodCount;
    let rate = 0;
    for (let d = 0; d < dayCount; d++) {
      rate += rateChange[d] ?? 0;
      if (workingDay[d] === 0) continue;
      const off = hoursOff[d] ?? 0;
      const cell = base + (periodOfDay[d] ?? 0);
      if (dayOff[d] === 0 && rate > 1e-12) loadHours[cell] = (loadHours[cell] ?? 0) + rate;
      if (d >= employedFrom && d <= employedTo) {
        capacityHours[cell] =
          (capacityHours[cell] ?? 0) + Math.max(0, contracted - off) * resource.availability;
      }
    }
  });
  return { period, periodStarts, resources: model.resources, loadHours, capacityHours, issues: model.issues };
}

/** Colour bands for utilization ratios (DESIGN §5), configurable by callers. */
export interface UtilizationBands {
  /** Below this ratio: under-booked. */
  readonly ok: number;
  /** Above this ratio: over-booked. */
  readonly over: number;
  /** Above this ratio: critical. */
  readonly critical: number;
}

export const DEFAULT_BANDS: UtilizationBands = { ok: 0.7, over: 1, critical: 1.2 };

export type UtilizationBand = 'under' | 'ok' | 'over' | 'critical' | 'no-capacity' | 'none';

/** The band of one cell: `none` for no load and no capacity, `no-capacity` for load without capacity. */
export function bandOf(
  loadHours: number,
  capacityHours: number,
  bands: UtilizationBands = DEFAULT_BANDS,
): UtilizationBand {
  if (capacityHours <= 0) return loadHours > 0 ? 'no-capacity' : 'none';
  const ratio = loadHours / capacityHours;
  if (ratio > bands.critical) return 'critical';
  if (ratio > bands.over) return 'over';
  if (ratio >= bands.ok) return 'ok';
  return 'under';
}
