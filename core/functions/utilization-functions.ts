// Catalog entries for capacity and utilization: UTILIZATION, LOAD, CAPACITY, AVAILABLE, ISSUES, OVERALLOCATIONS.

import { type PmoError, pmoError } from '../errors';
import type { RowIssue } from '../table';
import {
  BASES,
  type Basis,
  buildUtilizationModel,
  computeUtilization,
  PERIODS,
  type Period,
  type UtilizationGrid,
  type UtilizationTables,
} from '../utilization';
import { choiceArg, dateArg, ratioArg, tableArg } from './args';
import { type Arg, dateOut, type FunctionSpec, type OutCell, type OutGrid, type ParamSpec } from './types';

const ASSIGNMENTS: ParamSpec = {
  name: 'assignments',
  kind: 'table',
  description:
    'Assignments table with its header row: Resource, Start, End and a load (Hours per week, Hours per day, Allocation or Hours).',
};
const RESOURCES: ParamSpec = {
  name: 'resources',
  kind: 'table',
  description:
    'Resources table with its header row: Resource, and Hours per week, Hours per day or FTE (default 40 h/week).',
};
const START: ParamSpec = {
  name: 'start',
  kind: 'scalar',
  optional: true,
  description: 'First day of the horizon (default: earliest assignment start).',
};
const END: ParamSpec = {
  name: 'end',
  kind: 'scalar',
  optional: true,
  description: 'Last day of the horizon (default: latest assignment end).',
};
const PERIOD: ParamSpec = {
  name: 'period',
  kind: 'scalar',
  optional: true,
  description: '"week" (default, labelled by the Monday), "month" or "day".',
};
const TIME_OFF: ParamSpec = {
  name: 'time_off',
  kind: 'table',
  optional: true,
  description:
    'Time off table: Resource (blank, All or * = everyone), Start, End, Hours per day (default: the whole day).',
};
const BASIS: ParamSpec = {
  name: 'basis',
  kind: 'scalar',
  optional: true,
  description: '"all" (default), "confirmed", "weighted" (tentative × probability) or "billable".',
};

const PERIOD_ALIASES: Record<string, Period> = {
  weeks: 'week',
  weekly: 'week',
  w: 'week',
  months: 'month',
  monthly: 'month',
  m: 'month',
  days: 'day',
  daily: 'day',
  d: 'day',
};
const BASIS_ALIASES: Record<string, Basis> = {
  confirmedonly: 'confirmed',
  probability: 'weighted',
  weight: 'weighted',
};

function tablesFromArgs(assignments: Arg, resources: Arg, timeOff: Arg): UtilizationTables {
  const assignmentGrid = tableArg(assignments);
  const timeOffGrid = tableArg(timeOff);
  return {
    resources: tableArg(resources) ?? [],
    ...(assignmentGrid ? { assignments: assignmentGrid } : {}),
    ...(timeOffGrid ? { timeOff: timeOffGrid } : {}),
  };
}

/** Reads (assignments, resources, start, end, period, time_off, basis) and computes the grid. */
function gridFromArgs(fn: string, args: readonly Arg[]): UtilizationGrid | PmoError {
  const [assignments, resources, startArg, endArg, periodArg, timeOff, basisArg] = args;
  const period = choiceArg(fn, 'period', periodArg, PERIODS, 'week', PERIOD_ALIASES);
  if (typeof period !== 'string') return period;
  const basis = choiceArg(fn, 'basis', basisArg, BASES, 'all', BASIS_ALIASES);
  if (typeof basis !== 'string') return basis;
  const start = dateArg(fn, 'start', startArg);
  if (typeof start === 'object') return start;
  const end = dateArg(fn, 'end', endArg);
  if (typeof end === 'object') return end;
  const model = buildUtilizationModel(tablesFromArgs(assignments, resources, timeOff), basis);
  if ('kind' in model) return model;
  return computeUtilization(model, {
    period,
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
  });
}

type Measure = (loadHours: number, capacityHours: number) => OutCell;

const NO_CAPACITY = pmoError('no-capacity', 'Load but no capacity in this period.');

export const utilizationRatio: Measure = (load, capacity) => {
  if (capacity > 0) return load / capacity;
  return load > 0 ? NO_CAPACITY : '';
};

/** The spilled table: header row (Resource, period dates), one row per resource, a Total row of Σ/Σ. */
export function measureTable(grid: UtilizationGrid, measure: Measure): OutGrid {
  const periods = grid.periodStarts.length;
  const rows: OutGrid = [['Resource', ...grid.periodStarts.map(dateOut)]];
  const totalLoad = new Float64Array(periods);
  const totalCapacity = new Float64Array(periods);
  grid.resources.forEach((resource, r) => {
    const row: OutCell[] = [resource.name];
    for (let p = 0; p < periods; p++) {
      const load = grid.loadHours[r * periods + p] ?? 0;
      const capacity = grid.capacityHours[r * periods + p] ?? 0;
      totalLoad[p] = (totalLoad[p] ?? 0) + load;
      totalCapacity[p] = (totalCapacity[p] ?? 0) + capacity;
      row.push(measure(load, capacity));
    }
    rows.push(row);
  });
  const total: OutCell[] = ['Total'];
  for (let p = 0; p < periods; p++) total.push(measure(totalLoad[p] ?? 0, totalCapacity[p] ?? 0));
  rows.push(total);
  return rows;
}

function gridFunction(name: string, description: string, returns: string, measure: Measure): FunctionSpec {
  return {
    name,
    description,
    returns,
    params: [ASSIGNMENTS, RESOURCES, START, END, PERIOD, TIME_OFF, BASIS],
    run: (args) => {
      const grid = gridFromArgs(name, args);
      return 'kind' in grid ? grid : measureTable(grid, measure);
    },
  };
}

export const UTILIZATION = gridFunction(
  'UTILIZATION',
  'Utilization per resource and period: load hours ÷ capacity hours (0.85 = 85%).',
  'Header row (Resource, period start dates), one row per resource, a Total row (Σ load ÷ Σ capacity).',
  utilizationRatio,
);

export const LOAD = gridFunction(
  'LOAD',
  'Booked hours per resource and period.',
  'Header row (Resource, period start dates), one row per resource, a Total row; hours.',
  (load) => load,
);

export const AVAILABLE = gridFunction(
  'AVAILABLE',
  'Capacity minus load per resource and period, in hours (negative = shortfall).',
  'Header row (Resource, period start dates), one row per resource, a Total row; hours.',
  (load, capacity) => capacity - load,
);

export const CAPACITY: FunctionSpec = {
  name: 'CAPACITY',
  description: 'Available hours per resource and period, after time off, availability and employment dates.',
  returns: 'Header row (Resource, period start dates), one row per resource, a Total row; hours.',
  params: [
    RESOURCES,
    { ...START, optional: false, description: 'First day of the horizon.' },
    { ...END, optional: false, description: 'Last day of the horizon.' },
    PERIOD,
    TIME_OFF,
  ],
  run: ([resources, start, end, period, timeOff]) => {
    const grid = gridFromArgs('CAPACITY', [undefined, resources, start, end, period, timeOff, undefined]);
    return 'kind' in grid ? grid : measureTable(grid, (_load, capacity) => capacity);
  },
};

export const OVERALLOCATIONS: FunctionSpec = {
  name: 'OVERALLOCATIONS',
  description: 'Resource-periods whose utilization is above the threshold (default 1 = 100%).',
  returns:
    'Table Resource, Period, Load, Capacity, Utilization; the header alone when nobody is above the threshold.',
  params: [
    ASSIGNMENTS,
    RESOURCES,
    START,
    END,
    PERIOD,
    TIME_OFF,
    BASIS,
    {
      name: 'threshold',
      kind: 'scalar',
      optional: true,
      description: 'Utilization above which a period is listed: 1 (default), 1.2 or "120%".',
    },
  ],
  run: (args) => {
    const threshold = ratioArg('OVERALLOCATIONS', 'threshold', args[7], 1);
    if (typeof threshold !== 'number') return threshold;
    const grid = gridFromArgs('OVERALLOCATIONS', args.slice(0, 7));
    if ('kind' in grid) return grid;
    const rows: OutGrid = [['Resource', 'Period', 'Load', 'Capacity', 'Utilization']];
    const periods = grid.periodStarts.length;
    grid.resources.forEach((resource, r) => {
      for (let p = 0; p < periods; p++) {
        const load = grid.loadHours[r * periods + p] ?? 0;
        const capacity = grid.capacityHours[r * periods + p] ?? 0;
        const over = capacity > 0 ? load / capacity > threshold : load > 0;
        if (over)
          rows.push([
            resource.name,
            dateOut(grid.periodStarts[p] ?? 0),
            load,
            capacity,
            utilizationRatio(load, capacity),
          ]);
      }
    });
    return rows;
  },
};

/** The issue table shared by ISSUES, the CLI and the dashboard. */
export function issueTable(issues: readonly RowIssue[]): OutGrid {
  return [
    ['Table', 'Row', 'Column', 'Value', 'Problem'],
    ...issues.map((issue) => [issue.table, issue.row, issue.column, issue.value, issue.problem]),
  ];
}

export const ISSUES: FunctionSpec = {
  name: 'ISSUES',
  description: 'Every row the utilization functions leave out, and why.',
  returns:
    'Table Table, Row, Column, Value, Problem (Row counts from the first row of the range, header included).',
  params: [ASSIGNMENTS, RESOURCES, TIME_OFF],
  run: ([assignments, resources, timeOff]) => {
    const model = buildUtilizationModel(tablesFromArgs(assignments, resources, timeOff));
    return 'kind' in model ? model : issueTable(model.issues);
  },
};
