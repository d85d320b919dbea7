// The utilization model: the user's tables read and checked into resources, time off and assignments.

import { type PmoError, pmoError } from '../errors';
import { findTable, type RowIssue } from '../table';
import { type Assignment, type Basis, readAssignments } from './assignments';
import { type Resource, readResources, resourceKey } from './resources';
import { ASSIGNMENTS_TABLE, RESOURCES_TABLE, TIME_OFF_TABLE, type UtilizationTables } from './tables';
import { readTimeOff } from './time-off';

/** Everything the utilization arithmetic needs, read and checked from the user's tables. */
export interface UtilizationModel {
  readonly resources: readonly Resource[];
  /** Per resource: working days with time off, day serial → hours off (capped at the contracted day). */
  readonly timeOff: readonly ReadonlyMap<number, number>[];
  readonly assignments: readonly Assignment[];
  readonly issues: readonly RowIssue[];
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
