/// <reference types="office-js" />
// The Excel dashboard command's builder: reads the workbook (dashboard.ts), lets the core plan the "PMO Dashboard"
// sheet and renders it. Bundled into dist/excel/dashboard.js (dashboard-script.ts), which the ribbon command loads
// when it first runs (commands.ts), so the task pane does not carry the builder. Host mapping only.

import { BUDGET_NAME } from '../core/dashboard/budget';
import { buildDashboard, type DashboardSummary } from '../core/dashboard/build';
import { chooseDashboardSheet } from '../core/dashboard/plan';
import { serialFromParts } from '../core/dates';
import { normalizeCell, UTC_DATES } from '../core/functions/invoke';
import {
  clearSheet,
  isOurs,
  queueExcelTables,
  queueSheetReads,
  type RenderOptions,
  renderHiddenPlan,
  renderPlan,
  userSheetViews,
} from './dashboard';

/**
 * True when the host has ExcelApi 1.9 (Worksheet.pageLayout), as Office.context.requirements.isSetSupported says
 * ("Office.context.requirements" — https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport).
 */
function hasPageLayout(): boolean {
  return (
    typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', '1.9') === true
  );
}

/** "yyyy-mm-dd hh:mm" of `now` on the local clock. */
function localStamp(now: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}`;
}

/**
 * Builds (or rebuilds) the dashboard sheet in three `context.sync()` calls whatever the size of the data:
 * one to list the sheets, tables and the "Budget" name; one to read every used range, the A1 of sheets named
 * like a dashboard and the budget; one to write the hidden PMO Data sheet with the build history and the
 * dashboard. Writes only to a sheet the add-in created (A1 holds the marker) or a new one: a user's own
 * "PMO Dashboard" is left alone and the dashboard goes to "PMO Dashboard (2)".
 * `now` gives today (its local date) and the footer's time stamp.
 */
export async function buildDashboardInExcel(
  context: Excel.RequestContext,
  now: Date,
  options: RenderOptions = { pageLayout: hasPageLayout() },
): Promise<DashboardSummary & { sheetName: string; syncs: number }> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const workbook = context.workbook;

  const worksheets = workbook.worksheets;
  worksheets.load('items/name');
  const tables = workbook.tables;
  tables.load('items/name');
  const budgetName = workbook.names.getItemOrNullObject(BUDGET_NAME);
  budgetName.load('type,value');
  await sync();

  const reads = queueSheetReads(worksheets, true);
  const tablesOf = queueExcelTables(tables);
  const budgetRange =
    !budgetName.isNullObject && budgetName.type === 'Range' ? budgetName.getRange() : undefined;
  budgetRange?.load('values');
  await sync();

  const sheets = userSheetViews(reads, tablesOf());
  const budgetValues: unknown[][] | undefined = budgetRange
    ? budgetRange.values
    : !budgetName.isNullObject && budgetName.type === 'Double'
      ? [[budgetName.value]]
      : undefined;

  const target = chooseDashboardSheet(reads, isOurs);
  const { plan, summary, pmoData } = buildDashboard({
    sheets,
    today: serialFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()),
    builtAt: localStamp(now),
    ...(budgetValues && {
      budgetCells: budgetValues.map((row) => row.map((value) => normalizeCell(value, UTC_DATES))),
    }),
    sheetName: target.name,
  });

  // The build history first: the hidden PMO Data sheet, rewritten with this build appended (its mapping kept).
  renderHiddenPlan(worksheets, reads, pmoData);

  let sheet: Excel.Worksheet;
  if (target.existing) {
    sheet = target.existing.sheet;
    clearSheet(target.existing);
  } else {
    sheet = worksheets.add(target.name);
  }
  renderPlan(sheet, plan, options);
  sheet.activate();
  await sync();
  return { ...summary, sheetName: target.name, syncs };
}
