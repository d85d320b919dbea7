// The Assignments table read into loads (DESIGN §5): each usable row reduced to hours per schedulable day, with
// the basis (all, confirmed, weighted, billable) applied.

import {
  type Cell,
  cellText,
  columnHoldsFractions,
  flushDenormal,
  isBlank,
  MAX_MAGNITUDE,
  readDate,
  readFlag,
  readNumber,
  readProbability,
  readRatio,
} from '../cells';
import { countWorkingDays, isoFromSerial, MAX_DATE_SERIAL, MIN_DATE_SERIAL } from '../dates';
import { type PmoError, pmoError } from '../errors';
import type { PeriodColumn } from '../periods';
import {
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
 * span that is not a full day off (basis weighting applied). Typed columns rather than an object per assignment: a
 * plan holds 100,000 rows, and a typed column costs no allocation per row. The columns are made with room for every
 * assignment the tables can book (see {@link bookingRoom}); once read (see {@link trim}) each holds `count` entries.
 */
export class Assignments {
  resourceIndex: Int32Array;
  /** Day serials (whole days). */
  start: Int32Array;
  end: Int32Array;
  hoursPerDay: Float64Array;
  /** How many assignments. */
  count = 0;

  constructor(room = 0) {
    this.resourceIndex = new Int32Array(room);
    this.start = new Int32Array(room);
    this.end = new Int32Array(room);
    this.hoursPerDay = new Float64Array(room);
  }

  add(resourceIndex: number, start: number, end: number, hoursPerDay: number): void {
    const i = this.count++;
    this.resourceIndex[i] = resourceIndex;
    this.start[i] = start;
    this.end[i] = end;
    this.hoursPerDay[i] = hoursPerDay;
  }

  /** Cuts each column to the `count` entries used (views on the same memory: nothing is copied). */
  trim(): this {
    const cut = <T extends Int32Array | Float64Array>(column: T) => column.subarray(0, this.count) as T;
    this.resourceIndex = cut(this.resourceIndex);
    this.start = cut(this.start);
    this.end = cut(this.end);
    this.hoursPerDay = cut(this.hoursPerDay);
    return this;
  }
}

/**
 * The most assignments `table` can book: one per data row, or one per period cell of a time-phased plan (rows are
 * counted in the range below the header, blank ones included, so the bound never falls short).
 */
export function bookingRoom(table: FoundTable): number {
  return (table.source.grid.length - table.headerIndex - 1) * Math.max(1, table.periods?.length ?? 0);
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

/** Why a row names no resource, by the negative code readAssignments gives it: −1, −2, −3. */
const NOT_A_RESOURCE = [
  'no resource: row left out',
  'looks like a total row: left out',
  'resource not in the Resources table: row left out',
];

type RowReport = (key: string, problem: string) => void;

/**
 * Reads the Assignments table into `assignments` (made with room for its {@link bookingRoom}); a table without any
 * load column is an error, unusable rows are issues. A row of a time-phased plan books each filled period cell over
 * its period; any other row books its resource from Start to End (or the week from its date) at its load.
 */
export function readAssignments(
  table: FoundTable,
  resources: readonly Resource[],
  byKey: ReadonlyMap<string, number>,
  timeOff: readonly ReadonlyMap<number, number>[],
  basis: Basis,
  issues: RowIssue[],
  assignments: Assignments,
): PmoError | undefined {
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
  const at = (key: string) => table.columns.get(key) ?? -1;
  const [resourceAt, startAt, endAt] = [at('resource'), at(startKey), at('end')];
  // The rows straight from the range the table was found in (no list of rows built: a plan holds 100,000 rows).
  const { grid, firstRow } = table.source;
  const first = table.headerIndex + 1;
  const fractions = !hasColumn(table, 'allocation') || columnHoldsFractions(grid, at('allocation'), first);
  const unit = gridUnit(table, periods);
  // Each distinct spelling is matched once (many rows name the same few people): its resource's index, or the
  // negative code of NOT_A_RESOURCE.
  const indexOfName = new Map<string, number>();
  // Each resource's full days off, sorted when its first row needs them.
  const offDays: Float64Array[] = [];
  const fullDays = (r: number) =>
    (offDays[r] ??= fullDaysOff(resources[r] as Resource, timeOff[r] ?? new Map()));
  // The row being read, built only when a row reports an issue or its basis needs it: most rows do neither.
  let r = first;
  let cells: readonly Cell[] = [];
  const row = (): TableRow => ({ number: firstRow + r, cells });
  // One reporter for every row, not a closure per row.
  const issue: RowReport = (key, problem) => issues.push(rowIssue(table, row(), key, problem));
  // In a plan with a row per person and project, a row without a name is the person above's.
  let name = '';
  for (; r < grid.length; r++) {
    cells = grid[r] as readonly Cell[];
    const written = cellText(cells[resourceAt]);
    // A row that names its resource is not blank: only the others are tested cell by cell.
    if (written === '' && cells.every(isBlank)) continue;
    name = written === '' && periods.length > 0 ? name : written;
    let resourceIndex = indexOfName.get(name);
    if (resourceIndex === undefined) {
      resourceIndex =
        name === '' ? -1 : (byKey.get(resourceKey(name)) ?? (TOTAL_LABELS.has(name.toLowerCase()) ? -2 : -3));
      indexOfName.set(name, resourceIndex);
    }
    const resource = resources[resourceIndex];
    if (!resource) {
      issue('resource', NOT_A_RESOURCE[-resourceIndex - 1] as string);
      continue;
    }
    if (periods.length > 0) {
      const planRow = row();
      const factor = basisFactor(table, planRow, basis, issue);
      for (const period of periods) {
        const cell = cells[period.column] ?? null;
        if (factor === undefined || isBlank(cell)) continue;
        const problem = (text: string) => issues.push(periodIssue(table, planRow, period, text));
        const hoursPerDay = periodLoad(cell, period, unit, resource, fullDays(resourceIndex), problem);
        if (hoursPerDay !== undefined && factor > 0 && hoursPerDay > 0)
          assignments.add(resourceIndex, period.start, period.end, hoursPerDay * factor);
      }
      continue;
    }
    const start = rowDate(cells[startAt], startKey, issue);
    const end = start === undefined || weekly ? start : rowDate(cells[endAt], 'end', issue);
    if (start === undefined || end === undefined) continue;
    if (end < start) {
      issue('end', `end ${isoFromSerial(end)} before start ${isoFromSerial(start)}: row left out`);
      continue;
    }
    const last = weekly ? start + 6 : end;
    const factor = basis === 'all' ? 1 : basisFactor(table, row(), basis, issue);
    if (factor === undefined) continue;
    const hoursPerDay = dailyLoad(
      cells,
      loads,
      fractions,
      start,
      last,
      resource,
      fullDays,
      resourceIndex,
      issue,
    );
    if (hoursPerDay !== undefined && factor > 0 && hoursPerDay > 0)
      assignments.add(resourceIndex, start, last, hoursPerDay * factor);
  }
  return undefined;
}

/** A date cell's serial (a serial in range read as it is, without building a result), or undefined (reported). */
function rowDate(cell: Cell | undefined, key: string, issue: RowReport): number | undefined {
  if (typeof cell === 'number' && cell >= MIN_DATE_SERIAL && cell <= MAX_DATE_SERIAL) return Math.floor(cell);
  const read = readDate(cell ?? null);
  if (read.ok) return read.value;
  issue(key, `${read.problem}: row left out`);
  return undefined;
}

/**
 * A row's load in hours per schedulable day, from its first filled load column; undefined when the row is unusable
 * (reported). Total hours are spread over the working days in [start, end] that are not full days off.
 */
function dailyLoad(
  cells: readonly Cell[],
  loads: readonly LoadColumn[],
  fractions: boolean,
  start: number,
  end: number,
  resource: Resource,
  fullDays: (resourceIndex: number) => Float64Array,
  resourceIndex: number,
  issue: RowReport,
): number | undefined {
  let load: LoadColumn | undefined;
  for (const column of loads) if (!load && !isBlank(cells[column.index])) load = column;
  if (load === undefined) {
    issue(
      loads[0]?.key ?? 'hours',
      'no load: fill Hours per week, Hours per day, Allocation or Hours: row left out',
    );
    return undefined;
  }
  const { key } = load;
  const cell = cells[load.index] ?? null;
  let value: number;
  // A plain number is read without building a result (the usual cell).
  if (typeof cell === 'number' && Math.abs(cell) <= MAX_MAGNITUDE) {
    value = flushDenormal(key === 'allocation' && !fractions ? cell / 100 : cell);
  } else {
    const parsed = key === 'allocation' ? readRatio(cell, fractions) : readNumber(cell);
    if (!parsed.ok) {
      issue(key, `${parsed.problem}: row left out`);
      return undefined;
    }
    value = parsed.value;
  }
  if (value < 0) {
    issue(key, `negative ${key === 'allocation' ? 'allocation' : 'hours'}: row left out`);
    return undefined;
  }
  if (key === 'hours') {
    const days = countWorkingDays(start, end) - countInRange(fullDays(resourceIndex), start, end);
    if (days > 0) return value / days;
    issue('hours', 'no working day between start and end to spread the hours over: row left out');
    return undefined;
  }
  if (key === 'hoursPerWeek') return value / 5;
  if (key === 'hoursPerDay') return value;
  return value * resource.dailyHours;
}

/**
 * How a time-phased plan's cells read: shares of a person's time (FTE or %) when some cell is a percentage or
 * every number is at most 2 (1 = full time), else hours in each period.
 */
function gridUnit(table: FoundTable, periods: readonly PeriodColumn[]): GridUnit {
  // A table without period columns has no grid cells to judge (and no period cell to read).
  if (periods.length === 0) return { shares: false, fractions: true };
  const rows = table.rows.map((row) => row.cells);
  const fractions = periods.every((period) => columnHoldsFractions(rows, period.column));
  const cells = rows.flatMap((cells) => periods.map((period) => cells[period.column] ?? null));
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
  offDays: Float64Array,
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
  const days = countWorkingDays(period.start, period.end) - countInRange(offDays, period.start, period.end);
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
