// The Assignments table read into loads (DESIGN §5): each usable row reduced to hours per schedulable day, with
// the basis (all, confirmed, weighted, billable) applied.

import {
  type Cell,
  cellText,
  columnHoldsFractions,
  isBlank,
  readDate,
  readFlag,
  readNumber,
  readProbability,
  readRatio,
} from '../cells';
import { countWorkingDays, isoFromSerial } from '../dates';
import { type PmoError, pmoError } from '../errors';
import type { PeriodColumn } from '../periods';
import {
  cellAt,
  cellOf,
  type FoundTable,
  hasColumn,
  periodHeader,
  type RowIssue,
  rowIssue,
  type TableRow,
} from '../table';
import { type Resource, resourceKey, TOTAL_LABELS } from './resources';
import { countInRange, fullDaysOff } from './time-off';

/** Which load counts (DESIGN §5 Basis). */
export type Basis = 'all' | 'confirmed' | 'weighted' | 'billable';

export const BASES: readonly Basis[] = ['all', 'confirmed', 'weighted', 'billable'];

/**
 * The usable assignments, reduced to hours per schedulable day, column by column: assignment i books resource
 * `resourceIndex[i]` from day `start[i]` to day `end[i]` (serials), `hoursPerDay[i]` hours on each working day of that
 * span that is not a full day off (basis weighting applied). Columns rather than an object per assignment: a plan
 * holds 100,000 rows, and numbers in plain arrays cost no allocation each.
 */
export class Assignments {
  readonly resourceIndex: number[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly hoursPerDay: number[] = [];

  /** How many assignments. */
  get count(): number {
    return this.resourceIndex.length;
  }

  add(resourceIndex: number, start: number, end: number, hoursPerDay: number): void {
    this.resourceIndex.push(resourceIndex);
    this.start.push(start);
    this.end.push(end);
    this.hoursPerDay.push(hoursPerDay);
  }

  /** Appends another table's assignments (the month sheets of a plan), in their order. */
  append(other: Assignments): void {
    for (let i = 0; i < other.count; i++)
      this.add(
        other.resourceIndex[i] ?? 0,
        other.start[i] ?? 0,
        other.end[i] ?? 0,
        other.hoursPerDay[i] ?? 0,
      );
  }
}

const LOAD_COLUMNS = ['hoursPerWeek', 'hoursPerDay', 'allocation', 'hours'] as const;
type LoadKey = (typeof LOAD_COLUMNS)[number];

/** A load column the table has, with its index: the first filled one, in LOAD_COLUMNS' order, gives a row's load. */
interface LoadColumn {
  readonly key: LoadKey;
  readonly index: number;
}

function loadColumns(table: FoundTable): LoadColumn[] {
  return LOAD_COLUMNS.flatMap((key) => {
    const index = table.columns.get(key);
    return index === undefined ? [] : [{ key, index }];
  });
}

const TENTATIVE = new Set([
  'tentative',
  'proposed',
  'pending',
  'unconfirmed',
  'soft',
  'soft booked',
  'pipeline',
]);

/**
 * Each row's resource as written. In a time-phased plan with a row per person and project, a row without a name
 * is the person above's.
 */
export function assignmentNames(table: FoundTable): string[] {
  const plan = (table.periods?.length ?? 0) > 0;
  let previous = '';
  return table.rows.map((row) => {
    const name = cellText(cellOf(table, row, 'resource'));
    previous = name === '' && plan ? previous : name;
    return previous;
  });
}

/** Reads the Assignments table; a table without any load column is an error, unusable rows are issues. */
export function readAssignments(
  table: FoundTable,
  resources: readonly Resource[],
  byKey: ReadonlyMap<string, number>,
  timeOff: readonly ReadonlyMap<number, number>[],
  basis: Basis,
  issues: RowIssue[],
): Assignments | PmoError {
  const periods = table.periods ?? [];
  const loads = loadColumns(table);
  if (periods.length === 0 && loads.length === 0) {
    return pmoError(
      'value',
      'The Assignments table has no load column: add Hours per week, Hours per day, Allocation or Hours; ' +
        `headers seen: ${table.headers
          .filter((header) => header !== '')
          .map((header) => `"${header}"`)
          .join(', ')}.`,
    );
  }
  // A row per person and week: the week's date is the start, and the row books that day and the six after it.
  const weekly = hasColumn(table, 'week') && !(hasColumn(table, 'start') && hasColumn(table, 'end'));
  const startKey = weekly ? 'week' : 'start';
  const allocationAt = table.columns.get('allocation');
  const fractions =
    allocationAt === undefined || columnHoldsFractions(table.rows.map((row) => cellAt(row, allocationAt)));
  const offDays = resources.map((resource, index) => fullDaysOff(resource, timeOff[index] ?? new Map()));
  const unit = gridUnit(table, periods);
  const names = assignmentNames(table);
  const assignments = new Assignments();
  // Many rows name the same few people: match each distinct spelling once.
  const resourceOfName = new Map<string, number | undefined>();
  // One reporter for every row (the row being read), not a closure per row: most rows report nothing.
  let current: TableRow | undefined;
  const issue = (key: string, problem: string) => {
    if (current) issues.push(rowIssue(table, current, key, problem));
  };
  const startAt = table.columns.get(startKey);
  const endAt = table.columns.get('end');
  for (const [index, row] of table.rows.entries()) {
    current = row;
    const name = names[index] ?? '';
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
    if (periods.length > 0) {
      const factor = basisFactor(table, row, basis, issue);
      if (factor === undefined) continue;
      for (const period of periods) {
        const cell = row.cells[period.column] ?? null;
        if (isBlank(cell)) continue;
        const problem = (text: string) => issues.push(periodIssue(table, row, period, text));
        const hoursPerDay = periodLoad(cell, period, unit, resource, offDays[resourceIndex], problem);
        if (hoursPerDay !== undefined && factor > 0 && hoursPerDay > 0)
          assignments.add(resourceIndex, period.start, period.end, hoursPerDay * factor);
      }
      continue;
    }
    const start = readDate(cellAt(row, startAt));
    if (!start.ok) {
      issue(startKey, `${start.problem}: row left out`);
      continue;
    }
    const end = weekly ? { ok: true as const, value: start.value + 6 } : readDate(cellAt(row, endAt));
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
    const hoursPerDay = dailyLoad(
      row,
      loads,
      fractions,
      start.value,
      end.value,
      resource,
      offDays[resourceIndex],
      issue,
    );
    if (hoursPerDay === undefined) continue;
    if (factor > 0 && hoursPerDay > 0)
      assignments.add(resourceIndex, start.value, end.value, hoursPerDay * factor);
  }
  return assignments;
}

/**
 * A row's load in hours per schedulable day, from its first filled load column; undefined when the row is
 * unusable (reported). Total hours are spread over the working days in [start, end] that are not full days off.
 */
function dailyLoad(
  row: TableRow,
  loads: readonly LoadColumn[],
  fractions: boolean,
  start: number,
  end: number,
  resource: Resource,
  offDays: Float64Array | undefined,
  issue: (key: string, problem: string) => void,
): number | undefined {
  let loadKey: LoadKey | undefined;
  let loadCell: Cell = null;
  for (const load of loads) {
    loadCell = row.cells[load.index] ?? null;
    if (isBlank(loadCell)) continue;
    loadKey = load.key;
    break;
  }
  if (loadKey === undefined) {
    issue(
      loads[0]?.key ?? 'hours',
      'no load: fill Hours per week, Hours per day, Allocation or Hours: row left out',
    );
    return undefined;
  }
  const parsed = loadKey === 'allocation' ? readRatio(loadCell, fractions) : readNumber(loadCell);
  if (!parsed.ok) {
    issue(loadKey, `${parsed.problem}: row left out`);
    return undefined;
  }
  if (parsed.value < 0) {
    issue(loadKey, `negative ${loadKey === 'allocation' ? 'allocation' : 'hours'}: row left out`);
    return undefined;
  }
  if (loadKey === 'hours') {
    const days = countWorkingDays(start, end) - countInRange(offDays ?? new Float64Array(), start, end);
    if (days <= 0) {
      issue('hours', 'no working day between start and end to spread the hours over: row left out');
      return undefined;
    }
    return parsed.value / days;
  }
  if (loadKey === 'hoursPerWeek') return parsed.value / 5;
  if (loadKey === 'hoursPerDay') return parsed.value;
  return parsed.value * resource.dailyHours;
}

/**
 * How a time-phased plan's cells read: shares of a person's time (FTE or %) when some cell is a percentage or
 * every number is at most 2 (1 = full time), else hours in each period.
 */
function gridUnit(table: FoundTable, periods: readonly PeriodColumn[]): GridUnit {
  // A table without period columns has no grid cells to judge (and no period cell to read).
  if (periods.length === 0) return { shares: false, fractions: true };
  const cells = table.rows.flatMap((row) => periods.map((period) => row.cells[period.column] ?? null));
  const fractions = columnHoldsFractions(cells);
  // A named load column on a period's sheet says what it holds ("Allocation" shares, "Hours" hours).
  if (table.periodUnit !== undefined) return { shares: table.periodUnit === 'ratio', fractions };
  const percent = cells.some((cell) => typeof cell === 'string' && cell.trim().endsWith('%'));
  return { shares: percent || fractions, fractions };
}

/** How a time-phased plan's cells read: shares of a person's time (plain numbers as fractions or as %), or hours. */
interface GridUnit {
  readonly shares: boolean;
  readonly fractions: boolean;
}

/** A period cell's load in hours per schedulable day: a share of the contracted day, or hours over the period. */
function periodLoad(
  cell: Cell,
  period: PeriodColumn,
  { shares, fractions }: GridUnit,
  resource: Resource,
  offDays: Float64Array | undefined,
  problem: (text: string) => void,
): number | undefined {
  const parsed = shares ? readRatio(cell, fractions) : readNumber(cell);
  if (!parsed.ok) {
    problem(`${parsed.problem}: cell left out`);
    return undefined;
  }
  if (parsed.value < 0) {
    problem(`negative ${shares ? 'share' : 'hours'}: cell left out`);
    return undefined;
  }
  if (shares) return parsed.value * resource.dailyHours;
  const days =
    countWorkingDays(period.start, period.end) -
    countInRange(offDays ?? new Float64Array(), period.start, period.end);
  if (days <= 0) {
    if (parsed.value > 0) problem('no working day in the period to spread the hours over: cell left out');
    return undefined;
  }
  return parsed.value / days;
}

/** A row issue for a period cell, named by its period header (see {@link periodHeader}). */
function periodIssue(table: FoundTable, row: TableRow, period: PeriodColumn, problem: string): RowIssue {
  return {
    table: table.spec.name,
    row: row.number,
    column: periodHeader(table, period),
    value: cellText(row.cells[period.column] ?? null),
    problem,
  };
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
