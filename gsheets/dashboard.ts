/// <reference types="google-apps-script" />
// The Sheets side of the dashboard command and the "PMO" menu. The menu item opens a dialog whose page (Sidebar.html
// in dashboard mode, gsheets/client/dashboard-runner.ts) plans the "PMO Dashboard" sheet with the core in the
// browser; Code.js only reads each sheet once and writes the plan with a fixed number of batched calls, so it
// carries neither the dashboard builder nor table discovery (DESIGN §9: Code.js is evaluated before every
// custom-function call). Host mapping only.

import { type CellFormat, cellFormats, FORMAT_WINDOW } from '../core/cell-formats';
import type { Cell } from '../core/cells';
import { BUDGET_NAME } from '../core/dashboard/budget';
import { MAX_ROW_POINTS, PIXELS_PER_CHARACTER, POINTS_PER_PIXEL } from '../core/dashboard/layout';
import {
  chooseDashboardSheet,
  DASHBOARD_MARKER,
  type DashboardPlan,
  looksLikeFormula,
  type PlanCell,
  type PlanChart,
  type PlanStyle,
  PMO_DATA_MARKER,
  storedValue,
} from '../core/dashboard/plan';
import { errorMessage } from '../core/error-message';
import { normalizeCell } from '../core/functions/invoke';
import {
  DASHBOARD_PAGE_MARK,
  type DashboardWorkbookRead,
  type DashboardWritten,
} from './client/dashboard-protocol';
import { APPS_SCRIPT_ENTRY_POINTS } from './entry-points';
import { sheetsEnvironment, spreadsheetCalendar } from './sheets-values';

/** Sheets' row height in pixels before the add-in sets any (a rebuilt sheet's rows go back to it). */
const DEFAULT_ROW_PIXELS = 21;
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

/** The dialog's title bar text and size in pixels: room for the progress lines and the list of tables found. */
const DIALOG_TITLE = 'Build dashboard';
const DIALOG_WIDTH = 520;
const DIALOG_HEIGHT = 380;

/**
 * The menu item "PMO › Build dashboard": opens the dashboard dialog. The dialog is Sidebar.html (clasp pushes no
 * other page, DESIGN §3) with a constant element appended that tells its script to run the dashboard instead of
 * the scoring panel; no user data goes into the page (DESIGN §8). A failure to open is shown, never swallowed.
 * HtmlOutput reference — https://developers.google.com/apps-script/reference/html/html-output: append(addedContent)
 * "Appends new content to the content of this HtmlOutput", setWidth/setHeight set "the initial width/height of a
 * custom dialog in Google Docs, Sheets, or Forms". Ui reference —
 * https://developers.google.com/apps-script/reference/base/ui: showModalDialog(userInterface, title) opens a
 * modal dialog holding the page. "Dialogs and Sidebars in Google Workspace Documents" —
 * https://developers.google.com/apps-script/guides/dialogs: a custom dialog does not suspend the server-side
 * script (this function returns at once); its page calls server functions through google.script.run.
 */
export function showDashboardDialog(): void {
  try {
    const html = HtmlService.createHtmlOutputFromFile('Sidebar')
      .append(DASHBOARD_PAGE_MARK)
      .setWidth(DIALOG_WIDTH)
      .setHeight(DIALOG_HEIGHT);
    SpreadsheetApp.getUi().showModalDialog(html, DIALOG_TITLE);
  } catch (error) {
    console.error(error);
    SpreadsheetApp.getUi().alert(`The dashboard could not be built: ${errorMessage(error)}`);
  }
}

/** One sheet as read: its values (row 1 first, column A first). */
interface SheetRead {
  readonly name: string;
  readonly values: readonly (readonly unknown[])[];
  readonly numberFormats: CellFormat[];
}

/** The number formats of the sheet's top left (FORMAT_WINDOW), one `getNumberFormats`; none for an empty sheet. */
function topFormats(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  values: readonly (readonly unknown[])[],
): CellFormat[] {
  const rows = Math.min(values.length, FORMAT_WINDOW.rows);
  const columns = Math.min(values[0]?.length ?? 0, FORMAT_WINDOW.columns);
  if (rows === 0 || columns === 0 || (rows === 1 && columns === 1 && values[0]?.[0] === '')) return [];
  return cellFormats(sheet.getRange(1, 1, rows, columns).getNumberFormats());
}

function isOurs(read: SheetRead): boolean {
  return read.values[0]?.[0] === DASHBOARD_MARKER;
}

/**
 * The dialog's read call: every sheet with one `getValues` each, the named Budget's cells, today and the footer's
 * time stamp in the spreadsheet's time zone, and the sheet to write (core `chooseDashboardSheet`), as JSON-like
 * values (dates as day serials: google.script.run passes no Date). The page plans the dashboard from it.
 * @param at the build time in epoch milliseconds (tests fix it); the server's clock when absent.
 */
export function dashboardReadWorkbook(at?: unknown): DashboardWorkbookRead {
  const now = typeof at === 'number' && Number.isFinite(at) ? new Date(at) : new Date();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const env = sheetsEnvironment(spreadsheetCalendar());
  const cells = (values: readonly (readonly unknown[])[]): Cell[][] =>
    values.map((row) => row.map((value) => normalizeCell(value, env)));
  const reads: SheetRead[] = spreadsheet.getSheets().map((sheet) => {
    const values = sheet.getDataRange().getValues();
    return { name: sheet.getName(), values, numberFormats: topFormats(sheet, values) };
  });
  const budgetRange = spreadsheet.getRangeByName(BUDGET_NAME);
  return {
    sheets: reads
      .filter((read) => !isOurs(read))
      .map((read) => ({
        name: read.name,
        rows: cells(read.values),
        ...(read.numberFormats.length > 0 && { numberFormats: read.numberFormats }),
      })),
    today: env.dateToSerial(now),
    builtAt: Utilities.formatDate(now, timeZone, 'yyyy-MM-dd HH:mm'),
    ...(budgetRange && { budgetCells: cells(budgetRange.getValues()) }),
    sheetName: chooseDashboardSheet(reads, isOurs).name,
  };
}

/** Clears a sheet of ours completely: merges, values, formats, conditional formats, charts, row heights. */
function clearSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
  sheet.clear();
  sheet.setRowHeights(1, sheet.getMaxRows(), DEFAULT_ROW_PIXELS);
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
  readonly verticalAlignments: ('middle' | null)[][];
}

/** A text value that must stay text: the text format, and a leading apostrophe when it starts like a formula. */
function asText(text: string): { value: string; format: string } {
  return { value: looksLikeFormula(text) ? `'${text}` : text, format: '@' };
}

function sheetsCell(
  cell: PlanCell | null | undefined,
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
    verticalAlignments: [],
  };
  for (let r = 0; r < rowCount; r++) {
    const row: readonly (PlanCell | null | undefined)[] = plan.cells[r] ?? [];
    const columns = Array.from({ length: plan.width }, (_, c) => row[c]);
    const cells = columns.map((cell) => sheetsCell(cell, serialToDate));
    const styles = columns.map((cell): PlanStyle => (cell?.style && plan.styles[cell.style]) || {});
    grid.values.push(cells.map((cell) => cell.value));
    grid.formats.push(cells.map((cell) => cell.format));
    grid.backgrounds.push(styles.map((style) => style.fill ?? null));
    grid.fontColors.push(styles.map((style) => style.fontColor ?? null));
    grid.fontWeights.push(styles.map((style) => (style.bold ? 'bold' : 'normal')));
    grid.fontStyles.push(styles.map((style) => (style.italic ? 'italic' : 'normal')));
    grid.fontSizes.push(styles.map((style) => style.fontSize ?? DEFAULT_FONT_SIZE));
    grid.alignments.push(styles.map((style) => style.align ?? null));
    grid.verticalAlignments.push(styles.map((style) => (style.middle ? 'middle' : null)));
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
  range.setVerticalAlignments(grid.verticalAlignments);
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
  // Sheet.setRowHeights(startRow, numRows, height): "Sets the height of the given rows in pixels."
  for (const { row, points } of plan.rowHeights ?? [])
    sheet.setRowHeights(row + 1, 1, Math.round(points / POINTS_PER_PIXEL));
  sheet.setFrozenRows(plan.frozenRows);
  for (const chart of plan.charts) renderChart(sheet, chart);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The names a dashboard sheet may have: "PMO Dashboard", "PMO Dashboard (2)"… (core `dashboardSheetName`), in any
 * case (a rebuild keeps the existing sheet's name, and Sheets compares names without case).
 */
const DASHBOARD_SHEET_NAMES = /^PMO Dashboard( \([1-9][0-9]{0,3}\))?$/i;
/** The names a new PMO Data sheet may have (core `pmoDataSheetName`); an existing one is recognised by its marker. */
const PMO_DATA_SHEET_NAMES = /^PMO Data( \([1-9][0-9]{0,3}\))?$/i;

/** The two sheets a page may send a plan for: the dashboard, and the hidden PMO Data sheet (the table mapping). */
interface PlanTarget {
  readonly marker: string;
  readonly names: RegExp;
  readonly hidden: boolean;
  readonly own: string;
}
const DASHBOARD_TARGET: PlanTarget = {
  marker: DASHBOARD_MARKER,
  names: DASHBOARD_SHEET_NAMES,
  hidden: false,
  own: "the dashboard's own",
};
const PMO_DATA_TARGET: PlanTarget = {
  marker: PMO_DATA_MARKER,
  names: PMO_DATA_SHEET_NAMES,
  hidden: true,
  own: "the add-in's PMO Data sheet",
};

/**
 * The plan as it arrived through google.script.run, checked for the shape the renderer relies on. JSON turns an
 * undefined cell into null and drops undefined properties; the renderer reads both as blank.
 */
function planFromPage(value: unknown): { plan: DashboardPlan; target: PlanTarget } {
  const fail = (what: string): never => {
    throw new Error(`The dashboard page sent no usable plan (${what}): reload the dialog and build again.`);
  };
  if (!isRecord(value)) return fail('not an object');
  const { sheetName, width, cells, styles, merges, columnWidths, charts, frozenRows } = value;
  if (typeof sheetName !== 'string') return fail('sheet name');
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 1) return fail('width');
  if (!Array.isArray(cells) || !cells.every((row) => Array.isArray(row))) return fail('cells');
  if (!isRecord(styles)) return fail('styles');
  if (!Array.isArray(merges) || !Array.isArray(columnWidths) || !Array.isArray(charts)) return fail('layout');
  if (typeof frozenRows !== 'number') return fail('frozen rows');
  const heights = value.rowHeights;
  if (
    heights !== undefined &&
    !(
      Array.isArray(heights) &&
      heights.every(
        (height) =>
          isRecord(height) &&
          Number.isInteger(height.row) &&
          (height.row as number) >= 0 &&
          typeof height.points === 'number' &&
          height.points > 0 &&
          height.points <= MAX_ROW_POINTS,
      )
    )
  )
    return fail('row heights');
  // A1 carries the marker, so the sheet written is recognised as the add-in's own next time.
  const first = (cells[0] as unknown[] | undefined)?.[0];
  const marker = isRecord(first) ? first.value : undefined;
  const target = marker === PMO_DATA_MARKER ? PMO_DATA_TARGET : DASHBOARD_TARGET;
  if (marker !== target.marker) return fail('no marker in A1');
  return { plan: value as unknown as DashboardPlan, target };
}

/**
 * The dialog's write call: writes the plan the page built onto the sheet it names, with a fixed number of batched
 * calls whatever the size of the data. Writes only to a sheet the add-in created (A1 holds the marker, checked
 * again now: the user may have changed the workbook while the page was planning) or a new one; a user's own
 * sheet of that name is never touched. `counts` (tables found, issues) go into the toast.
 */
export function dashboardWritePlan(plan: unknown, counts?: unknown): DashboardWritten {
  const { plan: checked, target } = planFromPage(plan);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const env = sheetsEnvironment(spreadsheetCalendar());
  const name = checked.sheetName;
  let sheet = spreadsheet.getSheetByName(name);
  // Spreadsheet.insertSheet: "The new sheet becomes the active sheet." A hidden sheet must not stay active (the user
  // would be moved off their sheet, and the sidebar reads the active sheet): their sheet is made active again.
  let shown: GoogleAppsScript.Spreadsheet.Sheet | undefined;
  if (sheet) {
    if (sheet.getRange(1, 1).getValues()[0]?.[0] !== target.marker)
      throw new Error(
        `The sheet "${sheet.getName()}" is not ${target.own}: it was added or changed while the page was working. Try again.`,
      );
    clearSheet(sheet);
  } else {
    // A new sheet gets one of the add-in's names; an existing one (renamed by the user) carries the marker.
    if (!target.names.test(name))
      throw new Error(`The page sent no usable plan (sheet name): reload it and try again.`);
    if (target.hidden) shown = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(name);
  }
  renderPlan(sheet, checked, env.serialToDate);
  // The PMO Data sheet (the saved table mapping) is hidden, the user's sheet active again; the dashboard is shown.
  if (target.hidden) {
    shown?.activate();
    sheet.hideSheet();
  } else sheet.activate();
  const sheetName = sheet.getName();
  const tables = isRecord(counts) && typeof counts.tables === 'number' ? counts.tables : undefined;
  const issues = isRecord(counts) && typeof counts.issues === 'number' ? counts.issues : 0;
  if (tables !== undefined) spreadsheet.toast(toastText(sheetName, tables, issues), 'PMO Toolkit');
  return { sheetName };
}

function toastText(sheetName: string, found: number, issues: number): string {
  return `Dashboard built: sheet "${sheetName}" from ${found} table${found === 1 ? '' : 's'}${issues > 0 ? `, ${issues} data issue${issues === 1 ? '' : 's'} listed` : ''}.`;
}
