// Builds of the dashboard one after another, as a host makes them: each build's PMO Data sheet (its history) is in
// the workbook the next build reads.

import type { Cell } from '../../core/cells';
import { buildDashboard, type Dashboard, type DashboardInput } from '../../core/dashboard/build';
import { type DashboardPlan, storedValue } from '../../core/dashboard/plan';
import type { SheetView } from '../../core/workbook';

/** A plan as the sheet a host would read back after writing it: text as text, dates as serials. */
export function planSheet(plan: DashboardPlan): SheetView {
  const rows: Cell[][] = plan.cells.map((row) =>
    row.map((cell) => {
      const stored = storedValue(cell.value);
      return stored.kind === 'blank' ? null : stored.value;
    }),
  );
  return { name: plan.sheetName, rows, firstRow: 1, tables: [] };
}

/**
 * `times.length` builds of `input`, the n-th at `times[n]`, each reading the PMO Data sheet the one before wrote;
 * returns every build's result.
 */
export function buildsAt(input: DashboardInput, times: readonly string[]): Dashboard[] {
  const builds: Dashboard[] = [];
  let sheets = input.sheets;
  for (const builtAt of times) {
    const built = buildDashboard({ ...input, sheets, builtAt });
    builds.push(built);
    sheets = [...sheets.filter((sheet) => sheet.name !== built.pmoData.sheetName), planSheet(built.pmoData)];
  }
  return builds;
}
