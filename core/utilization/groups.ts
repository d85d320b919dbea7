// Demand and supply by group (issue 18): the utilization grid's people gathered by a column of the Resources table —
// Role by default, or any header (Skill, Team…) — into booked hours (demand) and capacity (supply) per group and
// period, in hours or FTE.

import { type Cell, cellText } from '../cells';
import { countWorkingDays } from '../dates';
import { type PmoError, pmoError } from '../errors';
import { cellOf, findTable, normalizeHeader } from '../table';
import { nextPeriodStart, type UtilizationGrid } from './grid';
import { resourceKey } from './resources';
import { RESOURCES_TABLE } from './tables';

/** Hours in one FTE's working day: FTE = hours ÷ (8 × the period's working days, holidays not subtracted). */
const FTE_DAY_HOURS = 8;

/** The group of the people whose group cell is blank. */
const UNASSIGNED = 'Unassigned';

/** The groups of one person's cell: "Developer; Tester" or "Developer, Tester" is in both. */
function groupNames(cell: Cell): string[] {
  const names = cellText(cell)
    .split(/[,;]/)
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name !== '');
  return names.length === 0 ? [UNASSIGNED] : names;
}

/** Each resource's groups (by resource key), and the header of the column they come from. */
export interface ResourceGroups {
  readonly header: string;
  readonly groupsOf: ReadonlyMap<string, readonly string[]>;
}

/**
 * Reads the groups of the Resources table's people from the column headed `groupBy` (case and spacing ignored), or
 * from its Role column. `fn` names the function in the message when the column is missing.
 */
export function readResourceGroups(
  resources: readonly (readonly Cell[])[],
  groupBy: string | undefined,
  fn: string,
): ResourceGroups | PmoError {
  const table = findTable(resources, RESOURCES_TABLE);
  if ('kind' in table) return table;
  const wanted = groupBy === undefined || groupBy.trim() === '' ? undefined : normalizeHeader(groupBy);
  const column =
    wanted === undefined
      ? table.columns.get('role')
      : table.headers.findIndex((header) => normalizeHeader(header) === wanted);
  if (column === undefined || column < 0) {
    const headers = table.headers.filter((header) => header.trim() !== '').map((header) => `"${header}"`);
    const what = wanted === undefined ? 'no Role column' : `no column "${groupBy?.trim()}"`;
    return pmoError(
      'value',
      `${fn} groups people by a column of the Resources table, and it has ${what}: add it, or name the column in group_by; headers seen: ${headers.join(', ')}.`,
    );
  }
  const groupsOf = new Map<string, readonly string[]>();
  for (const row of table.rows) {
    const name = cellText(cellOf(table, row, 'resource'));
    if (name !== '' && !groupsOf.has(resourceKey(name)))
      groupsOf.set(resourceKey(name), groupNames(row.cells[column] ?? null));
  }
  return { header: table.headers[column]?.trim() || 'Role', groupsOf };
}

/** Demand (booked hours) and supply (capacity hours) per group and period; group-major, like the grid. */
export interface GroupGrid {
  readonly header: string;
  readonly groups: readonly string[];
  readonly periodStarts: readonly number[];
  readonly demand: Float64Array;
  readonly supply: Float64Array;
  /** Σ over people, each person once (a person in two groups counts in both rows but once here). */
  readonly totalDemand: Float64Array;
  readonly totalSupply: Float64Array;
}

/**
 * Gathers a utilization grid's people into their groups: a person's load and capacity count fully in each of
 * their groups; groups in the order their first person appears in the Resources table.
 */
export function groupGrid(grid: UtilizationGrid, groups: ResourceGroups): GroupGrid {
  const periods = grid.periodStarts.length;
  const names: string[] = [];
  const indexOf = new Map<string, number>();
  const groupsOf = grid.resources.map((resource) =>
    (groups.groupsOf.get(resourceKey(resource.name)) ?? [UNASSIGNED]).map((name) => {
      const key = name.toLowerCase();
      let index = indexOf.get(key);
      if (index === undefined) {
        index = names.push(name) - 1;
        indexOf.set(key, index);
      }
      return index;
    }),
  );
  const demand = new Float64Array(names.length * periods);
  const supply = new Float64Array(names.length * periods);
  const totalDemand = new Float64Array(periods);
  const totalSupply = new Float64Array(periods);
  groupsOf.forEach((memberOf, r) => {
    for (let p = 0; p < periods; p++) {
      const load = grid.loadHours[r * periods + p] ?? 0;
      const capacity = grid.capacityHours[r * periods + p] ?? 0;
      totalDemand[p] = (totalDemand[p] ?? 0) + load;
      totalSupply[p] = (totalSupply[p] ?? 0) + capacity;
      for (const g of new Set(memberOf)) {
        demand[g * periods + p] = (demand[g * periods + p] ?? 0) + load;
        supply[g * periods + p] = (supply[g * periods + p] ?? 0) + capacity;
      }
    }
  });
  return {
    header: groups.header,
    groups: names,
    periodStarts: grid.periodStarts,
    demand,
    supply,
    totalDemand,
    totalSupply,
  };
}

/** Hours per FTE in each period of `grid`: 8 h × its working days (Monday to Friday; holidays not subtracted). */
export function fteHours(grid: UtilizationGrid): number[] {
  return grid.periodStarts.map(
    (start) => FTE_DAY_HOURS * countWorkingDays(start, nextPeriodStart(start, grid.period) - 1),
  );
}
