// Catalog entries for capacity and utilization: UTILIZATION, LOAD, CAPACITY, AVAILABLE, ISSUES, OVERALLOCATIONS.

import { type PmoError, pmoError } from '../errors';
import type { RowIssue } from '../table';
import {
  BASES,
  type Basis,
  buildUtilizationModel,
  overallocatedCells,
  PERIODS,
  type Period,
  periodTotals,
  type UtilizationGrid,
  type UtilizationTables,
  utilizationGrid,
} from '../utilization';
import { dateOut, defineFunction, type FunctionSpec, type Grid, type OutCell, type OutGrid } from './types';

export const ASSIGNMENTS = {
  name: 'assignments',
  kind: 'table',
  description:
    'Assignments table with its header row: Resource, Start, End and a load (Hours per week, Hours per day, Allocation or Hours).',
} as const;
export const RESOURCES = {
  name: 'resources',
  kind: 'table',
  description:
    'Resources table with its header row: Resource, and Hours per week, Hours per day or FTE (default 40 h/week).',
} as const;
/** The grid functions' resources: optional, as DESIGN §6 has it (one full-time person per name without it). */
const RESOURCES_OR_FULL_TIME = {
  ...RESOURCES,
  optional: true,
  description:
    'Resources table with its header row: Resource, and Hours per week, Hours per day or FTE (default 40 h/week). Omitted: each person the assignments name is one full-time person, 40 h/week.',
} as const;
export const START = {
  name: 'start',
  kind: 'date',
  optional: true,
  description: 'First day of the horizon (default: earliest assignment start).',
} as const;
export const END = {
  name: 'end',
  kind: 'date',
  optional: true,
  description: 'Last day of the horizon (default: latest assignment end).',
} as const;
export const PERIOD = {
  name: 'period',
  kind: 'choice',
  optional: true,
  values: PERIODS,
  default: 'week',
  aliases: {
    weeks: 'week',
    weekly: 'week',
    w: 'week',
    months: 'month',
    monthly: 'month',
    m: 'month',
    days: 'day',
    daily: 'day',
    d: 'day',
  },
  description: '"week" (default, labelled by the Monday), "month" or "day".',
} as const;
export const TIME_OFF = {
  name: 'time_off',
  kind: 'table',
  optional: true,
  description:
    'Time off table: Resource (blank, All or * = everyone), Start, End, Hours per day (default: the whole day).',
} as const;
export const BASIS = {
  name: 'basis',
  kind: 'choice',
  optional: true,
  values: BASES,
  default: 'all',
  aliases: { confirmedonly: 'confirmed', probability: 'weighted', weight: 'weighted' },
  description: '"all" (default), "confirmed", "weighted" (tentative × probability) or "billable".',
} as const;

/** The converted arguments the grid functions share. */
interface GridArgs {
  readonly assignments: Grid | undefined;
  readonly resources: Grid | undefined;
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly period: Period;
  readonly timeOff: Grid | undefined;
  readonly basis: Basis;
}

function tablesOf(
  assignments: Grid | undefined,
  resources: Grid | undefined,
  timeOff: Grid | undefined,
): UtilizationTables {
  return {
    ...(resources ? { resources } : {}),
    ...(assignments ? { assignments } : {}),
    ...(timeOff ? { timeOff } : {}),
  };
}

/** Computes the grid of (assignments, resources, start, end, period, time_off, basis). */
export function gridOf(args: GridArgs): UtilizationGrid | PmoError {
  return utilizationGrid(tablesOf(args.assignments, args.resources, args.timeOff), args);
}

type Measure = (loadHours: number, capacityHours: number) => OutCell;

const NO_CAPACITY = pmoError('no-capacity', 'Load but no capacity in this period.');

/** Load ÷ capacity; a capacity so near 0 that the quotient overflows is an error that says so. */
export const utilizationRatio: Measure = (load, capacity) => {
  if (!(capacity > 0)) return load > 0 ? NO_CAPACITY : '';
  const ratio = load / capacity;
  return Number.isFinite(ratio)
    ? ratio
    : pmoError('value', 'Utilization is too large to hold: the capacity in this period is too close to 0.');
};

/** The spilled table: header row (Resource, period dates), one row per resource, a Total row of Σ/Σ. */
export function measureTable(grid: UtilizationGrid, measure: Measure): OutGrid {
  const periods = grid.periodStarts.length;
  const rows: OutGrid = [['Resource', ...grid.periodStarts.map(dateOut)]];
  grid.resources.forEach((resource, r) => {
    const row: OutCell[] = [resource.name];
    for (let p = 0; p < periods; p++)
      row.push(measure(grid.loadHours[r * periods + p] ?? 0, grid.capacityHours[r * periods + p] ?? 0));
    rows.push(row);
  });
  const totals = periodTotals(grid);
  const total: OutCell[] = ['Total'];
  for (let p = 0; p < periods; p++)
    total.push(measure(totals.loadHours[p] ?? 0, totals.capacityHours[p] ?? 0));
  rows.push(total);
  return rows;
}

const GRID_PARAMS = [ASSIGNMENTS, RESOURCES_OR_FULL_TIME, START, END, PERIOD, TIME_OFF, BASIS] as const;

/**
 * A grid function of the catalog. Its help text comes as properties (`description`, `returns`), which the build
 * leaves out of the shipped scripts (scripts/help-text.ts) as it does for every other function.
 */
function gridFunction(spec: { name: string; description: string; returns: string; measure: Measure }) {
  const { name, measure } = spec;
  return /* @__PURE__ */ defineFunction({
    name,
    description: spec.description,
    returns: spec.returns,
    params: GRID_PARAMS,
    run: ([assignments, resources, start, end, period, timeOff, basis]) => {
      const grid = gridOf({ assignments, resources, start, end, period, timeOff, basis });
      return 'kind' in grid ? grid : measureTable(grid, measure);
    },
  });
}

export const UTILIZATION = /* @__PURE__ */ gridFunction({
  name: 'UTILIZATION',
  description: 'Utilization per resource and period: load hours ÷ capacity hours (0.85 = 85%).',
  returns:
    'Header row (Resource, period start dates), one row per resource, a Total row (Σ load ÷ Σ capacity).',
  measure: utilizationRatio,
});

export const LOAD = /* @__PURE__ */ gridFunction({
  name: 'LOAD',
  description: 'Booked hours per resource and period.',
  returns: 'Header row (Resource, period start dates), one row per resource, a Total row; hours.',
  measure: (load) => load,
});

export const AVAILABLE = /* @__PURE__ */ gridFunction({
  name: 'AVAILABLE',
  description: 'Capacity minus load per resource and period, in hours (negative = shortfall).',
  returns: 'Header row (Resource, period start dates), one row per resource, a Total row; hours.',
  measure: (load, capacity) => capacity - load,
});

export const CAPACITY = /* @__PURE__ */ defineFunction({
  name: 'CAPACITY',
  description: 'Available hours per resource and period, after time off, availability and employment dates.',
  returns: 'Header row (Resource, period start dates), one row per resource, a Total row; hours.',
  params: [
    RESOURCES,
    { name: 'start', kind: 'date', description: 'First day of the horizon.' },
    { name: 'end', kind: 'date', description: 'Last day of the horizon.' },
    PERIOD,
    TIME_OFF,
  ],
  run: ([resources, start, end, period, timeOff]) => {
    const grid = gridOf({ assignments: undefined, resources, start, end, period, timeOff, basis: 'all' });
    return 'kind' in grid ? grid : measureTable(grid, (_load, capacity) => capacity);
  },
});

export const OVERALLOCATIONS = /* @__PURE__ */ defineFunction({
  name: 'OVERALLOCATIONS',
  description: 'Resource-periods whose utilization is above the threshold (default 1 = 100%).',
  returns:
    'Table Resource, Period, Load, Capacity, Utilization; the header alone when nobody is above the threshold.',
  params: [
    ...GRID_PARAMS,
    {
      name: 'threshold',
      kind: 'ratio',
      optional: true,
      default: 1,
      description: 'Utilization above which a period is listed: 1 (default), 1.2 or "120%".',
    },
  ],
  run: ([assignments, resources, start, end, period, timeOff, basis, threshold]) => {
    const grid = gridOf({ assignments, resources, start, end, period, timeOff, basis });
    if ('kind' in grid) return grid;
    const rows: OutGrid = [['Resource', 'Period', 'Load', 'Capacity', 'Utilization']];
    for (const { resource, period: p, loadHours, capacityHours } of overallocatedCells(grid, threshold))
      rows.push([
        grid.resources[resource]?.name ?? '',
        dateOut(grid.periodStarts[p] ?? 0),
        loadHours,
        capacityHours,
        utilizationRatio(loadHours, capacityHours),
      ]);
    return rows;
  },
});

/** The issue table shared by ISSUES, the CLI and the dashboard. */
export function issueTable(issues: readonly RowIssue[]): OutGrid {
  return [
    ['Table', 'Row', 'Column', 'Value', 'Problem'],
    ...issues.map((issue) => [issue.table, issue.row, issue.column, issue.value, issue.problem]),
  ];
}

export const ISSUES = /* @__PURE__ */ defineFunction({
  name: 'ISSUES',
  description: 'Every row the utilization functions leave out, and why.',
  returns:
    'Table Table, Row, Column, Value, Problem (Row counts from the first row of the range, header included).',
  params: [ASSIGNMENTS, RESOURCES, TIME_OFF],
  run: ([assignments, resources, timeOff]) => {
    const model = buildUtilizationModel(tablesOf(assignments, resources, timeOff));
    return 'kind' in model ? model : issueTable(model.issues);
  },
});

export const UTILIZATION_FUNCTIONS: readonly FunctionSpec[] = [
  UTILIZATION,
  LOAD,
  CAPACITY,
  AVAILABLE,
  ISSUES,
  OVERALLOCATIONS,
];
