// Catalog entries for capacity planning by group (issue 18): DEMAND, SUPPLY and CAPACITY_GAP — the utilization
// grid's people gathered by a column of the Resources table (Role by default), in hours or FTE.

import { type PmoError, pmoError } from '../errors';
import { fteHours, type GroupGrid, groupGrid, readResourceGroups } from '../utilization/groups';
import { dateOut, defineFunction, type FunctionSpec, type OutCell, type OutGrid } from './types';
import { ASSIGNMENTS, BASIS, END, gridOf, PERIOD, RESOURCES, START, TIME_OFF } from './utilization-functions';

const GROUP_BY = {
  name: 'group_by',
  kind: 'text',
  optional: true,
  description:
    'The Resources column to group people by, by its header ("Skill", "Team"…; default: the Role column). A cell naming several groups ("Developer; Tester") counts the person fully in each.',
} as const;
const UNIT = {
  name: 'unit',
  kind: 'choice',
  optional: true,
  values: ['hours', 'fte'],
  default: 'hours',
  aliases: { hour: 'hours', h: 'hours', ftes: 'fte' },
  description:
    '"hours" (default) or "fte": hours ÷ (8 h × the period\'s working days, holidays not subtracted).',
} as const;

const GROUP_PARAMS = [ASSIGNMENTS, RESOURCES, START, END, PERIOD, TIME_OFF, BASIS, GROUP_BY, UNIT] as const;

const NO_WORKING_DAY = pmoError('value', 'This period has no working day to count FTE over.');

/** The spilled table: header row (the group column's header, period dates), one row per group, a Total row. */
function groupTable(
  grid: GroupGrid,
  perFte: readonly number[] | undefined,
  measure: (demand: number, supply: number) => number,
): OutGrid {
  const periods = grid.periodStarts.length;
  const cell = (p: number, demand: number, supply: number): OutCell => {
    const hours = measure(demand, supply);
    const divisor = perFte?.[p];
    if (divisor === undefined) return hours;
    return divisor > 0 ? hours / divisor : hours === 0 ? 0 : NO_WORKING_DAY;
  };
  const rows: OutGrid = [[grid.header, ...grid.periodStarts.map(dateOut)]];
  grid.groups.forEach((group, g) => {
    const row: OutCell[] = [group];
    for (let p = 0; p < periods; p++)
      row.push(cell(p, grid.demand[g * periods + p] ?? 0, grid.supply[g * periods + p] ?? 0));
    rows.push(row);
  });
  const total: OutCell[] = ['Total'];
  for (let p = 0; p < periods; p++) total.push(cell(p, grid.totalDemand[p] ?? 0, grid.totalSupply[p] ?? 0));
  rows.push(total);
  return rows;
}

/** A group function of the catalog: the grid of its arguments, gathered by group, measured per group and period. */
function groupFunction(spec: {
  name: string;
  description: string;
  returns: string;
  measure: (demand: number, supply: number) => number;
}): FunctionSpec {
  const { name, measure } = spec;
  return /* @__PURE__ */ defineFunction({
    name,
    description: spec.description,
    returns: spec.returns,
    params: GROUP_PARAMS,
    run: ([assignments, resources, start, end, period, timeOff, basis, groupBy, unit]):
      | OutGrid
      | PmoError => {
      const groups = readResourceGroups(resources, groupBy, name);
      if ('kind' in groups) return groups;
      const grid = gridOf({ assignments, resources, start, end, period, timeOff, basis });
      if ('kind' in grid) return grid;
      return groupTable(groupGrid(grid, groups), unit === 'fte' ? fteHours(grid) : undefined, measure);
    },
  });
}

export const DEMAND = /* @__PURE__ */ groupFunction({
  name: 'DEMAND',
  description:
    'Booked work per group (Role, or the Resources column named in group_by) and period, in hours or FTE.',
  returns:
    'Header row (the group column, period start dates), one row per group in the Resources table’s order, a Total row (each person once).',
  measure: (demand) => demand,
});

export const SUPPLY = /* @__PURE__ */ groupFunction({
  name: 'SUPPLY',
  description:
    'Capacity per group (Role, or the Resources column named in group_by) and period, net of time off, in hours or FTE.',
  returns:
    'Header row (the group column, period start dates), one row per group in the Resources table’s order, a Total row (each person once).',
  measure: (_demand, supply) => supply,
});

export const CAPACITY_GAP = /* @__PURE__ */ groupFunction({
  name: 'CAPACITY_GAP',
  description: 'Supply minus demand per group and period, in hours or FTE: negative is a shortfall.',
  returns:
    'Header row (the group column, period start dates), one row per group in the Resources table’s order, a Total row (each person once).',
  measure: (demand, supply) => supply - demand,
});

export const CAPACITY_FUNCTIONS: readonly FunctionSpec[] = [DEMAND, SUPPLY, CAPACITY_GAP];
