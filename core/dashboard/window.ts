// The weeks the dashboard's utilization covers (issue 15 item 4): the 12 weeks from the current week when the plan
// reaches today, else the plan's last or first 12 weeks, and what the sheet and the CLI say then; and the plan's
// utilization over them, as UTILIZATION computes it.

import { weekStart } from '../dates';
import { isPmoError } from '../errors';
import { assignmentsUnderstood, bookedSpan, type Understood } from '../inspect-understood';
import type { RowIssue } from '../table';
import {
  buildUtilizationModel,
  computeUtilization,
  overallocatedCells,
  type UtilizationGrid,
} from '../utilization';
import { type LocatedTable, type TableKind, utilizationTablesOf } from '../workbook';

/** How many weeks the utilization heatmap shows. */
export const HEATMAP_WEEKS = 12;

/** The weeks the heatmap covers: from this week, or the plan's last or first weeks when it does not reach today. */
export type HeatmapWindow = 'current' | 'last' | 'first';

export function utilizationOf(
  tables: Partial<Record<TableKind, LocatedTable>>,
  today: number,
): {
  grid: UtilizationGrid | undefined;
  issues: RowIssue[];
  error: string | undefined;
  start: number;
  window: HeatmapWindow;
  booked?: Understood;
} {
  const current = heatmapWindow(undefined, today);
  const utilizationTables = utilizationTablesOf(tables);
  if (!utilizationTables) return { grid: undefined, issues: [], error: undefined, ...current };
  const model = buildUtilizationModel(utilizationTables);
  if (isPmoError(model)) return { grid: undefined, issues: [], error: model.message, ...current };
  const booked = assignmentsUnderstood(model);
  const { start, window } = heatmapWindow(bookedSpan(model.assignments), today);
  const grid = computeUtilization(model, { period: 'week', start, end: start + HEATMAP_WEEKS * 7 - 1 });
  const read = { issues: [...model.issues], start, window, booked };
  if (isPmoError(grid)) return { grid: undefined, error: grid.message, ...read };
  return { grid, error: undefined, ...read };
}

/**
 * The first day of the heatmap's weeks, given the plan's booked `span`: the Monday of `today`'s week when the
 * bookings reach today (or there are none); the plan's last 12 weeks when it ended before today (not before its first week); its first 12 weeks when it
 * starts after today.
 */
export function heatmapWindow(
  span: { readonly first: number; readonly last: number } | undefined,
  today: number,
): { start: number; window: HeatmapWindow } {
  if (!span || (span.first <= today && today <= span.last))
    return { start: weekStart(today), window: 'current' };
  const { first, last } = span;
  if (last < today)
    return { start: Math.max(weekStart(first), weekStart(last) - (HEATMAP_WEEKS - 1) * 7), window: 'last' };
  return { start: weekStart(first), window: 'first' };
}

/** What the dashboard and the CLI say when the heatmap's weeks are not this week's (see {@link heatmapWindow}). */
export function windowNote(summary: {
  readonly window: HeatmapWindow;
  readonly booked?: Understood;
}): string | undefined {
  const { booked } = summary;
  if (summary.window === 'last')
    return `The plan's bookings ended on ${booked?.to} (before today): these are its last ${HEATMAP_WEEKS} weeks.`;
  if (summary.window === 'first')
    return `The plan's bookings start on ${booked?.from} (after today): these are its first ${HEATMAP_WEEKS} weeks.`;
  return undefined;
}

/** Σ load, Σ capacity and the over-allocated resource-weeks of a grid. */
export function totals(grid: UtilizationGrid): { load: number; capacity: number; over: number } {
  let load = 0;
  let capacity = 0;
  grid.loadHours.forEach((hours, i) => {
    load += hours;
    capacity += grid.capacityHours[i] ?? 0;
  });
  return { load, capacity, over: overallocatedCells(grid).length };
}
