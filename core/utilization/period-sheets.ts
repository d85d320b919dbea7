// A plan kept one sheet per period ("Sep2019", "Oct2019", …; DESIGN §4): how one period's sheet is read. Its
// assignments header has no Start and End; its load column is the one period column, the period the sheet's name.
// Only the dashboard and the CLI see sheet names, so none of this is in the cell functions' bundle.

import type { Cell } from '../cells';
import type { PmoError } from '../errors';
import { headerPeriod } from '../periods';
import {
  type FindOptions,
  type FoundTable,
  findTable,
  missingColumns,
  type SheetPeriodColumn,
} from '../table';
import { ASSIGNMENTS_TABLE } from './tables';

/**
 * The load columns of an assignments table on a sheet that is one period, best first: a share of the person's
 * time, or hours in that period. The first one found is read as the period's column.
 */
const SHEET_PERIOD_LOADS: readonly string[] = ['allocation', 'hours'];

/** The load column of a period's sheet among the columns a header names (key → column), best first; undefined for none. */
export function sheetPeriodLoad(
  columns: ReadonlyMap<string, number>,
): { readonly key: string; readonly column: number } | undefined {
  for (const key of SHEET_PERIOD_LOADS) {
    const column = columns.get(key);
    if (column !== undefined) return { key, column };
  }
  return undefined;
}

/** A period's first and last day (serials, inclusive). */
export interface SheetPeriod {
  readonly start: number;
  readonly end: number;
}

/**
 * The period a sheet's name is, for a plan kept one sheet per month, week or quarter ("Sep2019", "Jan 2025",
 * "2025-01", "2025-W03", "Q1 2025"); undefined for any other name ("Plan 2026", "Sheet1", a single date).
 */
export function sheetPeriod(name: string): SheetPeriod | undefined {
  const period = headerPeriod(name.replace(/_+/g, ' '));
  return period && !('day' in period) ? { start: period.start, end: period.end } : undefined;
}

/**
 * The period column `period` gives an assignments header that names `columns`: its first load column, when the only
 * required columns it lacks are ones period columns stand in for (Start and End).
 */
function periodColumnOf(
  period: SheetPeriod,
  columns: ReadonlyMap<string, number>,
): SheetPeriodColumn | undefined {
  const missing = missingColumns(ASSIGNMENTS_TABLE, columns);
  if (missing.length === 0 || missing.some((column) => !column.unless?.includes('periods'))) return undefined;
  const load = sheetPeriodLoad(columns);
  if (!load) return undefined;
  const { key, column } = load;
  const unit = ASSIGNMENTS_TABLE.columns.find((candidate) => candidate.key === key)?.unit;
  return { period: { column, start: period.start, end: period.end }, ...(unit ? { unit } : {}) };
}

/** How `findTable` reads a table on a sheet that is `period` (none: as any table). */
export const periodSheetOptions = (period: SheetPeriod | undefined): FindOptions =>
  period ? { sheetPeriod: (columns) => periodColumnOf(period, columns) } : {};

/** One period's sheet of assignments read as that period's plan. */
export function readPeriodSheet(
  grid: readonly (readonly Cell[])[],
  firstRow: number,
  period: SheetPeriod,
): FoundTable | PmoError {
  return findTable(grid, ASSIGNMENTS_TABLE, firstRow, periodSheetOptions(period));
}
