// Capacity, load and utilization per resource and period (DESIGN §5): working-day calendars, time off,
// employment dates, the four load kinds and the four bases. Work is O(rows + resources × days).
// This is the module the rest of the code imports; the work is split by stage under utilization/:
// tables.ts (the tables read), resources.ts, time-off.ts and assignments.ts (reading each table), model.ts
// (the checked model) and grid.ts (scheduling into periods). The colour bands are in bands.ts, imported directly
// by the dashboard and the command line: the custom functions never colour a cell.

export { Assignments, BASES, type Basis } from './utilization/assignments';
export {
  computeUtilization,
  type GridCell,
  horizonOf,
  isOverallocated,
  MAX_PERIODS,
  overallocatedCells,
  PERIODS,
  type Period,
  periodTotals,
  type UtilizationGrid,
  utilizationGrid,
} from './utilization/grid';
export { buildUtilizationModel, type UtilizationModel } from './utilization/model';
export { DEFAULT_HOURS_PER_WEEK, type Resource, resourceKey } from './utilization/resources';
export {
  ASSIGNMENTS_TABLE,
  RESOURCES_TABLE,
  TIME_OFF_TABLE,
  type UtilizationTables,
} from './utilization/tables';
export { MAX_TIME_OFF_DAYS } from './utilization/time-off';
