// The utilization model: the user's tables read and checked into resources, time off and assignments.

import { type PmoError, pmoError } from '../errors';
import { type FoundTable, findTable, type RowIssue } from '../table';
import { Assignments, assignmentNames, type Basis, bookingRoom, readAssignments } from './assignments';
import { DEFAULT_HOURS_PER_WEEK, type Resource, readResources, resourceKey, TOTAL_LABELS } from './resources';
import { ASSIGNMENTS_TABLE, RESOURCES_TABLE, TIME_OFF_TABLE, type UtilizationTables } from './tables';
import { readTimeOff } from './time-off';

/** Everything the utilization arithmetic needs, read and checked from the user's tables. */
export interface UtilizationModel {
  readonly resources: readonly Resource[];
  /** Per resource: working days with time off, day serial → hours off (capped at the contracted day). */
  readonly timeOff: readonly ReadonlyMap<number, number>[];
  readonly assignments: Assignments;
  readonly issues: readonly RowIssue[];
}

/**
 * Without a Resources table, each person the assignments name (in the order they first appear, spelled as there
 * first) is one full-time person: 40 hours a week, always employed, fully available (DESIGN §6).
 */
function fullTimePeople(tables: readonly FoundTable[]): Resource[] {
  const people = new Map<string, Resource>();
  for (const table of tables) {
    const names = assignmentNames(table);
    for (const [index, row] of table.rows.entries()) {
      const name = names[index] ?? '';
      const key = resourceKey(name);
      if (name === '' || TOTAL_LABELS.has(key) || people.has(key)) continue;
      people.set(key, {
        name,
        dailyHours: DEFAULT_HOURS_PER_WEEK / 5,
        availability: 1,
        employmentStart: undefined,
        employmentEnd: undefined,
        row: row.number,
      });
    }
  }
  return [...people.values()];
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
  // The one Assignments table, or each sheet of a plan kept one sheet per period (its issues name the sheet).
  const parts: readonly { sheet?: string; table: FoundTable | PmoError }[] =
    tables.assignmentSheets ??
    (tables.assignments
      ? [{ table: findTable(tables.assignments, ASSIGNMENTS_TABLE, tables.firstRows?.assignments) }]
      : []);
  const found: FoundTable[] = [];
  for (const { table } of parts) if (!('kind' in table)) found.push(table);
  const unreadable = parts.map((part) => part.table).find((table): table is PmoError => 'kind' in table);
  let resources: Resource[];
  if (tables.resources) {
    const resourceTable = findTable(tables.resources, RESOURCES_TABLE, tables.firstRows?.resources);
    if ('kind' in resourceTable) return resourceTable;
    resources = readResources(resourceTable, issues);
  } else {
    if (parts.length === 0) return pmoError('value', 'Give a Resources table or an Assignments table.');
    if (unreadable) return unreadable;
    resources = fullTimePeople(found);
  }
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
  if (unreadable) return unreadable;
  // One table (the usual case), or the month sheets of a plan read one after the other.
  const assignments = new Assignments(found.reduce((room, table) => room + bookingRoom(table), 0));
  for (const [index, table] of found.entries()) {
    const from = issues.length;
    const error = readAssignments(table, resources, byKey, timeOff, basis, issues, assignments);
    if (error) return error;
    const sheet = parts[index]?.sheet;
    if (sheet !== undefined)
      for (let i = from; i < issues.length; i++) issues[i] = { ...issues[i], sheet } as RowIssue;
  }
  if (resources.length === 0) {
    return pmoError(
      'not-available',
      tables.resources
        ? `The Resources table has no usable rows (${issues.length} rows left out; ISSUES lists them).`
        : 'The Assignments table names no resource.',
    );
  }
  return { resources, timeOff, assignments: assignments.trim(), issues };
}
