/// <reference types="google-apps-script" />
// The Sheets side of the dashboard command and the "PMO" menu: reads each sheet once, lets the core plan the
// "PMO Dashboard" sheet, and writes the plan with a fixed number of batched calls. Host mapping only.

import { BUDGET_NAME } from '../core/dashboard/budget';
import { buildDashboard, type DashboardSummary } from '../core/dashboard/build';
import {
  chooseDashboardSheet,
  DASHBOARD_MARKER,
  type DashboardPlan,
  looksLikeFormula,
  type PlanCell,
  type PlanChart,
  storedValue,
} from '../core/dashboard/plan';
import { errorMessage } from '../core/errors';
import { normalizeCell } from '../core/functions/invoke';
import type { SheetView } from '../core/workbook';
import { APPS_SCRIPT_ENTRY_POINTS } from './entry-points';
import { sheetsEnvironment, spreadsheetCalendar } from './sheets-values';

/** Sheets column widths are in pixels; one character of the default font is about 7 pixels wide. */
const PIXELS_PER_CHARACTER = 7;
/** Sheets' default font size, for cells whose style sets none. */
const DEFAULT_FONT_SIZE = 10;

/**
 * The items of the "PMO" menu: caption and the top-level function Apps Script calls, from the one table of
 * entry points (gsheets/entry-points.ts) whose stubs the build generates in Code.js.
 */
export const MENU_ITEMS: readonly { readonly caption: string; readonly functionName: string }[] =
  APPS_SCRIPT_ENTRY_POINTS.flatMap((entry) =>
    entry.menuCaption === undefined ? [] : [{ caption: entry.menuCaption, functionName: entry.name }],
  );

/** Simple trigger: adds the "PMO" menu. Touches nothing but the menu, so it runs in any authorization mode. */
export function onOpen(_event?: unknown): void {
  const menu = SpreadsheetApp.getUi().createMenu('PMO');
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

/** Runs when the script is installed as an add-on: the menu appears without reopening the file. */
export function onInstall(event?: unknown): void {
  onOpen(event);
}

/** The menu item "PMO › Build dashboard": builds, and shows any failure in a dialog (never swallowed). */
export function buildDashboardFromMenu(): void {
  try {
    buildDashboardInSheets(new Date());
  } catch (error) {
    console.error(error);
    SpreadsheetApp.getUi().alert(`The dashboard could not be built: ${errorMessage(error)}`);
  }
}

/** One sheet as read: its values (row 1 first, column A first). */
interface SheetRead {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly name: string;
  readonly values: readonly (readonly unknown[])[];
}

function isOurs(read: SheetRead): boolean {
  return read.values[0]?.[0] === DASHBOARD_MARKER;
}

/** The sheet to write: see core `chooseDashboardSheet`. */
function chooseTarget(reads: readonly SheetRead[]): { name: string; existing: SheetRead | undefined } {
  return chooseDashboardSheet(reads, isOurs);
}

/** Clears a dashboard sheet of ours completely: merges, values, formats, conditional formats, charts. */
function clearSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
  sheet.clear();
  sheet.clearConditionalFormatRules();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
}

/** Makes the sheet at least `rows` × `columns` (a new sheet has 1000 × 26). */
function ensureSize(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

type Alignment = 'left' | 'center' | 'right' | null;

/** The plan as the parallel 2-D arrays the batched Range setters take. */
interface SheetsGrid {
  readonly values: unknown[][];
  readonly formats: string[][];
  readonly backgrounds: (string | null)[][];
  readonly fontColors: (string | null)[][];
  readonly fontWeights: ('bold' | 'normal')[][];
  readonly fontStyles: ('italic' | 'normal')[][];
  readonly fontSizes: number[][];
  readonly alignments: Alignment[][];
}

/** A text value that must stay text: the text format, and a leading apostrophe when it starts like a formula. */
function asText(text: string): { value: string; format: string } {
  return { value: looksLikeFormula(text) ? `'${text}` : text, format: '@' };
}

function sheetsCell(
  cell: PlanCell | undefined,
  serialToDate: (serial: number) => Date,
): { value: unknown; format: string } {
  const stored = storedValue(cell?.value ?? null);
  const format = cell?.numberFormat ?? 'General';
  if (stored.kind === 'blank') return { value: '', format };
  if (stored.kind === 'text') return asText(stored.value);
  return { value: stored.kind === 'date' ? serialToDate(stored.value) : stored.value, format };
}

function sheetsGrid(
  plan: DashboardPlan,
  rowCount: number,
  serialToDate: (serial: number) => Date,
): SheetsGrid {
  const grid: SheetsGrid = {
    values: [],
    formats: [],
    backgrounds: [],
    fontColors: [],
    fontWeights: [],
    fontStyles: [],
    fontSizes: [],
    alignments: [],
  };
  for (let r = 0; r < rowCount; r++) {
    const row = plan.cells[r] ?? [];
    const columns = Array.from({ length: plan.width }, (_, c) => row[c]);
    const cells = columns.map((cell) => sheetsCell(cell, serialToDate));
    const styles = columns.map((cell) => (cell?.style ? plan.styles[cell.style] : {}));
    grid.values.push(cells.map((cell) => cell.value));
    grid.formats.push(cells.map((cell) => cell.format));
    grid.backgrounds.push(styles.map((style) => style.fill ?? null));
    grid.fontColors.push(styles.map((style) => style.fontColor ?? null));
    grid.fontWeights.push(styles.map((style) => (style.bold ? 'bold' : 'normal')));
    grid.fontStyles.push(styles.map((style) => (style.italic ? 'italic' : 'normal')));
    grid.fontSizes.push(styles.map((style) => style.fontSize ?? DEFAULT_FONT_SIZE));
    grid.alignments.push(styles.map((style) => style.align ?? null));
  }
  return grid;
}

function chartType(kind: PlanChart['kind']): GoogleAppsScript.Charts.ChartType {
  if (kind === 'bar') return Charts.ChartType.BAR;
  if (kind === 'line') return Charts.ChartType.LINE;
  return Charts.ChartType.COLUMN;
}

function renderChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, chart: PlanChart): void {
  const { column, firstRow, lastRow } = chart.categories;
  if (chart.series.length === 0 || lastRow < firstRow) return;
  // With every series named in the row above the data, that row is the chart's header row.
  const headerRow =
    chart.series.every((series) => series.nameRow === firstRow - 1) && firstRow > 0 ? firstRow - 1 : firstRow;
  const rowCount = lastRow - headerRow + 1;
  let builder = sheet
    .newChart()
    .setChartType(chartType(chart.kind))
    .addRange(sheet.getRange(headerRow + 1, column + 1, rowCount, 1));
  for (const series of chart.series)
    builder = builder.addRange(sheet.getRange(headerRow + 1, series.column + 1, rowCount, 1));
  builder = builder
    .setNumHeaders(headerRow < firstRow ? 1 : 0)
    .setOption('title', chart.title)
    .setOption('legend', { position: chart.series.length > 1 ? 'right' : 'none' })
    .setPosition(chart.anchor.row + 1, chart.anchor.column + 1, 0, 0);
  sheet.insertChart(builder.build());
}

/** Writes the plan onto `sheet` with one call per kind of property on the plan's one range. */
function renderPlan(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  plan: DashboardPlan,
  serialToDate: (serial: number) => Date,
): void {
  const rowCount = Math.max(1, plan.cells.length);
  ensureSize(sheet, rowCount, plan.width);
  const grid = sheetsGrid(plan, rowCount, serialToDate);
  const range = sheet.getRange(1, 1, rowCount, plan.width);
  // The text format first, then the values: user text never becomes a formula, a number or a date.
  range.setNumberFormats(grid.formats);
  range.setValues(grid.values);
  range.setBackgrounds(grid.backgrounds);
  range.setFontColors(grid.fontColors);
  range.setFontWeights(grid.fontWeights);
  range.setFontStyles(grid.fontStyles);
  range.setFontSizes(grid.fontSizes);
  range.setHorizontalAlignments(grid.alignments);
  for (const merge of plan.merges)
    sheet.getRange(merge.row + 1, merge.column + 1, merge.rows, merge.columns).merge();
  let start = 0;
  while (start < plan.columnWidths.length) {
    const characters = plan.columnWidths[start] ?? 0;
    let end = start + 1;
    while (end < plan.columnWidths.length && plan.columnWidths[end] === characters) end++;
    sheet.setColumnWidths(start + 1, end - start, Math.round(characters * PIXELS_PER_CHARACTER));
    start = end;
  }
  sheet.setFrozenRows(plan.frozenRows);
  for (const chart of plan.charts) renderChart(sheet, chart);
}

/**
 * Builds (or rebuilds) the dashboard sheet of the active spreadsheet. Reads each sheet with one `getValues`,
 * and writes with a fixed number of calls whatever the size of the data. Writes only to a sheet the add-in
 * created (A1 holds the marker) or a new one; a user's own "PMO Dashboard" is left alone and the dashboard
 * goes to "PMO Dashboard (2)". `now` gives today and the footer's time stamp, in the spreadsheet's time zone.
 */
export function buildDashboardInSheets(now: Date): DashboardSummary & { sheetName: string } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const env = sheetsEnvironment(spreadsheetCalendar());
  const reads: SheetRead[] = spreadsheet
    .getSheets()
    .map((sheet) => ({ sheet, name: sheet.getName(), values: sheet.getDataRange().getValues() }));
  const sheets: SheetView[] = reads
    .filter((read) => !isOurs(read))
    .map((read) => ({
      name: read.name,
      rows: read.values.map((row) => row.map((value) => normalizeCell(value, env))),
      firstRow: 1,
      tables: [],
    }));
  const budgetRange = spreadsheet.getRangeByName(BUDGET_NAME);

  const target = chooseTarget(reads);
  const { plan, summary } = buildDashboard({
    sheets,
    today: env.dateToSerial(now),
    builtAt: Utilities.formatDate(now, timeZone, 'yyyy-MM-dd HH:mm'),
    ...(budgetRange && {
      budgetCells: budgetRange.getValues().map((row) => row.map((value) => normalizeCell(value, env))),
    }),
    sheetName: target.name,
  });

  let sheet: GoogleAppsScript.Spreadsheet.Sheet;
  if (target.existing) {
    sheet = target.existing.sheet;
    clearSheet(sheet);
  } else {
    sheet = spreadsheet.insertSheet(target.name);
  }
  renderPlan(sheet, plan, env.serialToDate);
  sheet.activate();
  spreadsheet.toast(toastText(target.name, summary), 'PMO Toolkit');
  return { ...summary, sheetName: target.name };
}

function toastText(sheetName: string, summary: DashboardSummary): string {
  const found = summary.tablesFound.length;
  const issues = summary.issues.length;
  return `Dashboard built: sheet "${sheetName}" from ${found} table${found === 1 ? '' : 's'}${issues > 0 ? `, ${issues} data issue${issues === 1 ? '' : 's'} listed` : ''}.`;
}
