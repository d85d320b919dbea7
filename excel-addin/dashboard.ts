/// <reference types="office-js" />
// Reading and writing sheets for the dashboard command and the Tables view: reads every sheet's used range in a
// fixed number of round trips and renders a core plan with Office.js. The builder itself (dashboard-builder.ts) is
// in dist/excel/dashboard.js, loaded when the ribbon command first runs; this file stays in taskpane.js, as the
// Tables view needs it. Host mapping only.

import type { Cell } from '../core/cells';
import { POINTS_PER_CHARACTER } from '../core/dashboard/layout';
import {
  DASHBOARD_MARKER,
  DASHBOARD_SHEET_NAME,
  type DashboardPlan,
  type PlanCell,
  type PlanChart,
  type PlanStyle,
  storedValue,
} from '../core/dashboard/plan';
import { normalizeCell, UTC_DATES } from '../core/functions/invoke';
import { cellFormats, type ExcelTable, FORMAT_WINDOW, type SheetView } from '../core/workbook';

// Excel column widths and row heights are in points (RangeFormat.columnWidth, rowHeight): a character of a plan's
// width is 7 pixels, 5.25 points, as Excel reads a width written in a file (core/dashboard/layout.ts).

const CHART_TYPES = {
  column: 'ColumnClustered',
  bar: 'BarClustered',
  line: 'Line',
} as const satisfies Record<PlanChart['kind'], string>;

const ALIGNMENTS = { left: 'Left', center: 'Center', right: 'Right' } as const satisfies Record<
  NonNullable<PlanStyle['align']>,
  string
>;

/** True for a sheet name the add-in may have used (Excel sheet names compare case-insensitively). */
function isDashboardName(name: string): boolean {
  const base = DASHBOARD_SHEET_NAME.toLowerCase();
  const lower = name.toLowerCase();
  return lower === base || (lower.startsWith(base) && /^ \(\d+\)$/.test(lower.slice(base.length)));
}

/** Sheet name and A1 reference of an address such as `'Time Off'!B3:H40`. */
function splitAddress(address: string): { sheet: string; ref: string } | undefined {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return undefined;
  const quoted = address.slice(0, bang);
  const sheet = quoted.startsWith("'") ? quoted.slice(1, -1).replace(/''/g, "'") : quoted;
  return { sheet, ref: address.slice(bang + 1) };
}

/** A used range as the core's SheetView: padded on the left so that `rows[r][0]` is column A. */
function sheetView(read: SheetRead, tables: readonly ExcelTable[]): SheetView {
  const { name, used } = read;
  if (used.isNullObject) return { name, rows: [], firstRow: 1, tables };
  const padding: Cell[] = Array.from({ length: used.columnIndex }, () => null);
  const rows = used.values.map((row) => [...padding, ...row.map((value) => normalizeCell(value, UTC_DATES))]);
  const numberFormats = read.formats ? cellFormats(read.formats.numberFormat) : [];
  return {
    name,
    rows,
    firstRow: used.rowIndex + 1,
    tables,
    ...(numberFormats.length > 0 && { numberFormats }),
  };
}

/**
 * Queues the loading of each Excel table's address (the collection's items loaded); after the sync, the returned
 * function gives the tables of each sheet.
 */
export function queueExcelTables(tables: Excel.TableCollection): () => Map<string, ExcelTable[]> {
  const ranges = tables.items.map((table) => {
    const range = table.getRange();
    range.load('address');
    return { name: table.name, range };
  });
  return () => {
    const bySheet = new Map<string, ExcelTable[]>();
    for (const { name, range } of ranges) {
      const where = splitAddress(range.address);
      if (where) bySheet.set(where.sheet, [...(bySheet.get(where.sheet) ?? []), { name, ref: where.ref }]);
    }
    return bySheet;
  };
}

/** What one sheet looked like when read. */
export interface SheetRead {
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly used: Excel.Range;
  /** A1 and the charts, read only on sheets named like a dashboard. */
  readonly a1: Excel.Range | undefined;
  readonly charts: Excel.ChartCollection | undefined;
  /** The number formats of the sheet's top left (FORMAT_WINDOW), read for the dashboard's money. */
  readonly formats?: Excel.Range;
}

/**
 * Queues the reading of every sheet (the collection's items loaded): its used range, and on sheets named like a
 * dashboard A1 and the charts (to recognise and clear a dashboard of ours); `withFormats`, the number formats of
 * its top left too, in the same sync.
 */
export function queueSheetReads(worksheets: Excel.WorksheetCollection, withFormats = false): SheetRead[] {
  return worksheets.items.map((sheet) => {
    const formats = withFormats
      ? sheet.getRangeByIndexes(0, 0, FORMAT_WINDOW.rows, FORMAT_WINDOW.columns)
      : undefined;
    formats?.load('numberFormat');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('values,rowIndex,columnIndex');
    const candidate = isDashboardName(sheet.name);
    const a1 = candidate ? sheet.getRange('A1') : undefined;
    a1?.load('values');
    const charts = candidate ? sheet.charts : undefined;
    charts?.load('items/name');
    return { sheet, name: sheet.name, used, a1, charts, ...(formats && { formats }) };
  });
}

/** After the sync: the sheets as the core reads them, the add-in's dashboard sheets left out. */
export function userSheetViews(
  reads: readonly SheetRead[],
  tablesBySheet: ReadonlyMap<string, ExcelTable[]>,
): SheetView[] {
  return reads
    .filter((read) => !isOurs(read))
    .map((read) => sheetView(read, tablesBySheet.get(read.name) ?? []));
}

/** True when A1 holds the marker of a dashboard the add-in wrote. */
export function isOurs(read: SheetRead): boolean {
  return read.a1?.values[0]?.[0] === DASHBOARD_MARKER;
}

/** The value Excel should store for a plan value, and whether it must be forced to text. */
function excelValue(value: PlanCell['value']): { value: string | number | boolean; asText: boolean } {
  const stored = storedValue(value);
  return stored.kind === 'blank'
    ? { value: '', asText: false }
    : { value: stored.value, asText: stored.kind === 'text' };
}

/** Text of a plan cell, for chart series names. */
function planText(plan: DashboardPlan, row: number, column: number): string {
  const stored = storedValue(plan.cells[row]?.[column]?.value ?? null);
  return stored.kind === 'blank' ? '' : String(stored.value);
}

/**
 * Clears a sheet of ours completely: values, formats, merges, conditional formats, charts, panes, and the rows'
 * heights back to the standard (RangeFormat.useStandardHeight, "only intended to be set to true").
 */
export function clearSheet(read: SheetRead): void {
  const all = read.sheet.getRange();
  all.unmerge();
  all.conditionalFormats.clearAll();
  all.clear('All');
  all.format.useStandardHeight = true;
  for (const chart of read.charts?.items ?? []) chart.delete();
  read.sheet.freezePanes.unfreeze();
}

function applyStyle(range: Excel.Range, style: PlanStyle): void {
  const format = range.format;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.align !== undefined) format.horizontalAlignment = ALIGNMENTS[style.align];
  if (style.middle) format.verticalAlignment = 'Center';
}

function renderChart(sheet: Excel.Worksheet, plan: DashboardPlan, chart: PlanChart): void {
  const [first, ...others] = chart.series;
  if (!first) return;
  const { column, firstRow, lastRow } = chart.categories;
  const rowCount = lastRow - firstRow + 1;
  if (rowCount < 1) return;
  const categories = sheet.getRangeByIndexes(firstRow, column, rowCount, 1);
  const native = sheet.charts.add(
    CHART_TYPES[chart.kind],
    sheet.getRangeByIndexes(firstRow, first.column, rowCount, 1),
    'Columns',
  );
  native.title.text = chart.title;
  const firstSeries = native.series.getItemAt(0);
  firstSeries.setXAxisValues(categories);
  firstSeries.name = planText(plan, first.nameRow, first.column);
  for (const other of others) {
    const series = native.series.add(planText(plan, other.nameRow, other.column));
    series.setValues(sheet.getRangeByIndexes(firstRow, other.column, rowCount, 1));
    series.setXAxisValues(categories);
  }
  native.legend.visible = chart.series.length > 1;
  // A bar chart draws its first category at the bottom; reversing keeps rank 1 on top, as in the table.
  if (chart.kind === 'bar') native.axes.categoryAxis.reversePlotOrder = true;
  // Every bar and column named: automatic spacing lets Excel label every other category when they look crowded.
  if (chart.kind !== 'line') native.axes.categoryAxis.tickLabelSpacing = 1;
  const { anchor } = chart;
  native.setPosition(
    sheet.getRangeByIndexes(anchor.row, anchor.column, 1, 1),
    sheet.getRangeByIndexes(anchor.row + anchor.rows - 1, anchor.column + anchor.columns - 1, 1, 1),
  );
}

/** What the host offers beyond ExcelApi 1.7. */
export interface RenderOptions {
  /** Worksheet.pageLayout (ExcelApi 1.9): the plan's print setup is applied. */
  readonly pageLayout?: boolean;
}

/**
 * The plan's print setup (ExcelApi 1.9, PageLayout): landscape; one page wide and as many tall as needed, as Excel
 * records "Fit All Columns on One Page" (zoom `{ horizontalFitToPages: 1, verticalFitToPages: 0 }`, set as one
 * object: "use x.zoom = {...} instead of x.zoom.scale = ..."); the title rows repeated on every page
 * (setPrintTitleRows: "The range must span the entire row to be valid", so `$1:$2`).
 */
function renderPrint(sheet: Excel.Worksheet, print: NonNullable<DashboardPlan['print']>): void {
  const layout = sheet.pageLayout;
  layout.orientation = 'Landscape';
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRows > 0) layout.setPrintTitleRows(`$1:$${print.titleRows}`);
}

/**
 * Queues the whole plan onto `sheet`: number formats before values, then styles, merges, widths, heights, panes,
 * charts, and the print setup where the host has it.
 */
export function renderPlan(sheet: Excel.Worksheet, plan: DashboardPlan, options: RenderOptions = {}): void {
  const rowCount = Math.max(1, plan.cells.length);
  const width = plan.width;
  const values: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const row = plan.cells[r] ?? [];
    const valueRow: (string | number | boolean)[] = [];
    const formatRow: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      const { value, asText } = excelValue(cell?.value ?? null);
      valueRow.push(value);
      formatRow.push(asText ? '@' : (cell?.numberFormat ?? 'General'));
    }
    values.push(valueRow);
    formats.push(formatRow);
  }
  const grid = sheet.getRangeByIndexes(0, 0, rowCount, width);
  // The text format must be in place before the values, so that "=…", "+…", "-…", "@…" stay text.
  grid.numberFormat = formats;
  grid.values = values;

  plan.cells.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      const name = row[c]?.style;
      let end = c + 1;
      while (end < row.length && row[end]?.style === name) end++;
      if (name !== undefined) applyStyle(sheet.getRangeByIndexes(r, c, 1, end - c), plan.styles[name]);
      c = end;
    }
  });
  for (const merge of plan.merges)
    sheet.getRangeByIndexes(merge.row, merge.column, merge.rows, merge.columns).merge(false);
  plan.columnWidths.forEach((characters, column) => {
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = characters * POINTS_PER_CHARACTER;
  });
  for (const { row, points } of plan.rowHeights ?? [])
    sheet.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = points;
  if (plan.frozenRows > 0) sheet.freezePanes.freezeRows(plan.frozenRows);
  for (const chart of plan.charts) renderChart(sheet, plan, chart);
  if (plan.print && options.pageLayout) renderPrint(sheet, plan.print);
}

/**
 * Queues the writing of the add-in's hidden sheet (PMO Data) from `plan`: the sheet of that name among `reads`,
 * cleared, else a new one; hidden either way. For the Tables view's mapping and the dashboard's build history.
 */
export function renderHiddenPlan(
  worksheets: Excel.WorksheetCollection,
  reads: readonly SheetRead[],
  plan: DashboardPlan,
): void {
  const existing = reads.find((read) => read.name === plan.sheetName);
  if (existing) clearSheet(existing);
  const sheet = existing?.sheet ?? worksheets.add(plan.sheetName);
  renderPlan(sheet, plan);
  sheet.visibility = 'Hidden';
}
