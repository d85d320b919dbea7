// A fake of one Google spreadsheet and the SpreadsheetApp service around it: the spreadsheet, its sheets, named
// ranges, the active sheet and selection, menus, alerts and toasts. The host counts every service call by name
// ("Range.getValues") and logs the cells each range call touched, throws where Apps Script throws, and refuses
// changes while a custom function runs (custom functions are read-only: apps-script.ts).
//
// Sheet reference — https://developers.google.com/apps-script/reference/spreadsheet/sheet:
// getRange(row, column[, numRows[, numColumns]]) and getRange(a1Notation), 1-based; a start below 1 throws
// "The starting row of the range is too small." (column likewise), a count below 1 "The number of rows in the
// range must be at least 1." (columns likewise), and cells beyond the grid "The coordinates of the range are
// outside the dimensions of the sheet."; getDataRange() "the dimensions in which data is present" (A1 alone on
// an empty sheet); getLastRow()/getLastColumn() the last row/column with content (0 on an empty sheet).
// Spreadsheet reference — https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet:
// insertSheet(name) throws "A sheet with the name "X" already exists. Please enter another name."; sheet names
// are compared without case. Ui reference — https://developers.google.com/apps-script/reference/base/ui:
// createMenu(caption).addItem(caption, functionName).addToUi(), alert(prompt), showSidebar(userInterface),
// showModalDialog(userInterface, title) opens a modal dialog holding the HtmlOutput's page; "Dialogs and Sidebars in
// Google Workspace Documents" (https://developers.google.com/apps-script/guides/dialogs): custom dialogs, unlike
// alerts, do not suspend the server-side script, so the call returns at once and the page talks to the server
// through google.script.run.

import { midnightIn } from '../time-zones';
import { type SeedValue, seededCell, type WorkbookSeed } from '../workbook-seed';
import { CHART_TYPES, FakeChartBuilder, type FakeEmbeddedChart } from './charts';
import { type FakeHtmlOutput, htmlService } from './html-service';
import { propertiesService } from './properties';
import {
  columnLetters,
  emptyCell,
  FakeRange,
  parseA1Area,
  type SheetsArea,
  type SheetsCellState,
} from './range';
import { formatDate, parseDate } from './utilities';

/** Sheets' default grid of a new sheet. */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

/** What the script is doing: loading Code.js, running a custom function, or running anything else. */
export type ScriptMode = 'loading' | 'custom-function' | 'script';

/** One service call: its name, and for a range call the cells it touched ("Sheet!A1:B2"). */
export interface ServiceCall {
  readonly call: string;
  readonly a1?: string;
}

export interface MenuState {
  readonly caption: string;
  readonly items: { caption: string; functionName: string }[];
}

/** The services of one spreadsheet, the state behind them, and the record of every call made to them. */
export class SheetsHost {
  /** Every service call by name, in order. */
  readonly calls: string[] = [];
  /** Every service call with the cells it touched. */
  readonly log: ServiceCall[] = [];
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: FakeUi;
  readonly toasts: string[] = [];
  readonly documentProperties = new Map<string, string>();
  /** The sidebars shown, with the HTML file and title. */
  readonly sidebars: { file: string; title: string }[] = [];
  /** The modal dialogs shown: the HTML file, what was appended to it, the title and the initial size. */
  readonly dialogs: {
    file: string;
    appended: string;
    title: string;
    width: number | undefined;
    height: number | undefined;
  }[] = [];
  /** The project's HTML files (dist/gsheets/*.html), by name without ".html". */
  readonly htmlFiles: string[] = ['Sidebar'];
  /** What the script logged with console.error (Apps Script sends it to the execution log). */
  readonly consoleErrors: unknown[][] = [];
  /** Calls that throw, with their message: how a test makes the host fail (permissions, quotas…). */
  readonly failures = new Map<string, string>();
  mode: ScriptMode = 'script';

  constructor(readonly timeZone: string) {
    this.spreadsheet = new FakeSpreadsheet(this);
    this.ui = new FakeUi(this);
  }

  /**
   * Records a service call. While Code.js loads, any call throws (DESIGN §3: loading touches no service); inside
   * a custom function, a call that changes the spreadsheet throws the permission error (apps-script.ts).
   */
  record(call: string, options: { readonly a1?: string; readonly changes?: boolean } = {}): void {
    if (this.mode === 'loading')
      throw new Error(`Code.js called ${call} while loading: loading the script must not touch any service.`);
    this.calls.push(call);
    this.log.push(options.a1 === undefined ? { call } : { call, a1: options.a1 });
    if (options.changes && this.mode === 'custom-function')
      throw new Error(`You do not have permission to call ${call.slice(call.indexOf('.') + 1)}`);
    const failure = this.failures.get(call);
    if (failure !== undefined) throw new Error(failure);
  }

  /** How often each service method was called. */
  callCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.calls) counts[call] = (counts[call] ?? 0) + 1;
    return counts;
  }

  /** A new sheet holding `values` (row-major; '' or a missing cell = blank; Dates as stored dates). */
  addSheet(name: string, values: readonly (readonly unknown[])[] = []): FakeSheet {
    const sheet = new FakeSheet(this, this.spreadsheet, name);
    sheet.maxRows = Math.max(DEFAULT_ROWS, values.length);
    sheet.maxColumns = Math.max(DEFAULT_COLUMNS, ...values.map((row) => row.length));
    values.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === '' || value === null || value === undefined) return;
        const cell = sheet.ensure(r + 1, c + 1);
        cell.value = value instanceof Date ? new Date(value.getTime()) : (value as SheetsCellState['value']);
        if (value instanceof Date) cell.numberFormat = 'yyyy-mm-dd';
      });
    });
    this.spreadsheet.sheets.push(sheet);
    this.spreadsheet.activeSheet ??= sheet;
    return sheet;
  }

  /** The globals Apps Script gives a script: SpreadsheetApp, Utilities, Charts, HtmlService, PropertiesService. */
  services(): Record<string, unknown> {
    const host = this;
    const SpreadsheetApp = {
      getActiveSpreadsheet() {
        host.record('SpreadsheetApp.getActiveSpreadsheet');
        return host.spreadsheet;
      },
      getActiveSheet() {
        host.record('SpreadsheetApp.getActiveSheet');
        return host.spreadsheet.activeSheetOrFirst();
      },
      getActiveRange() {
        host.record('SpreadsheetApp.getActiveRange');
        return host.spreadsheet.selectionRange();
      },
      getUi() {
        host.record('SpreadsheetApp.getUi');
        // Custom functions guide: custom functions cannot display anything but their value.
        if (host.mode === 'custom-function')
          throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
        return host.ui;
      },
    };
    const Utilities = {
      formatDate(date: unknown, zone: unknown, format: unknown) {
        host.record('Utilities.formatDate');
        return formatDate(date, zone, format);
      },
      parseDate(text: unknown, zone: unknown, format: unknown) {
        host.record('Utilities.parseDate');
        return parseDate(text, zone, format);
      },
    };
    const scriptConsole = { ...console, error: (...args: unknown[]) => void host.consoleErrors.push(args) };
    return {
      SpreadsheetApp,
      Utilities,
      Charts: { ChartType: CHART_TYPES },
      HtmlService: htmlService(host),
      PropertiesService: propertiesService(host),
      console: scriptConsole,
    };
  }
}

export class FakeUi {
  readonly menus: MenuState[] = [];
  readonly alerts: string[] = [];

  constructor(private readonly host: SheetsHost) {}

  createMenu(caption: string) {
    this.host.record('Ui.createMenu');
    const items: { caption: string; functionName: string }[] = [];
    const menu = {
      addItem: (itemCaption: string, functionName: string) => {
        this.host.record('Menu.addItem');
        items.push({ caption: itemCaption, functionName });
        return menu;
      },
      addSeparator: () => {
        this.host.record('Menu.addSeparator');
        return menu;
      },
      addToUi: () => {
        this.host.record('Menu.addToUi');
        this.menus.push({ caption, items });
      },
    };
    return menu;
  }

  alert(message: string): string {
    this.host.record('Ui.alert');
    this.alerts.push(message);
    return 'OK';
  }

  showSidebar(output: FakeHtmlOutput): void {
    this.host.record('Ui.showSidebar');
    this.host.sidebars.push({ file: output.file, title: output.title });
  }

  showModalDialog(output: FakeHtmlOutput, title: string): void {
    this.host.record('Ui.showModalDialog');
    this.host.dialogs.push({
      file: output.file,
      appended: output.appended,
      title: String(title),
      width: output.width,
      height: output.height,
    });
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly namedRanges = new Map<string, { sheet: FakeSheet; area: SheetsArea }>();
  activeSheet: FakeSheet | undefined;
  /** The user's selection (what getActiveRange returns). */
  selection: { sheet: FakeSheet; area: SheetsArea } | undefined;

  constructor(private readonly host: SheetsHost) {}

  activeSheetOrFirst(): FakeSheet {
    const sheet = this.activeSheet ?? this.sheets[0];
    if (!sheet) throw new Error('fake Sheets: the spreadsheet has no sheet');
    return sheet;
  }

  selectionRange(): FakeRange | null {
    return this.selection ? new FakeRange(this.host, this.selection.sheet, this.selection.area) : null;
  }

  /** The sheet called `name` (Sheets compares names without case); not a service call. */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  getSpreadsheetTimeZone(): string {
    this.host.record('Spreadsheet.getSpreadsheetTimeZone');
    return this.host.timeZone;
  }

  getSheets(): FakeSheet[] {
    this.host.record('Spreadsheet.getSheets');
    return [...this.sheets];
  }

  getSheetByName(name: string): FakeSheet | null {
    this.host.record('Spreadsheet.getSheetByName');
    return this.sheet(name) ?? null;
  }

  getActiveSheet(): FakeSheet {
    this.host.record('Spreadsheet.getActiveSheet');
    return this.activeSheetOrFirst();
  }

  getActiveRange(): FakeRange | null {
    this.host.record('Spreadsheet.getActiveRange');
    return this.selectionRange();
  }

  insertSheet(name: string): FakeSheet {
    this.host.record('Spreadsheet.insertSheet', { changes: true });
    if (this.sheet(name))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this.host, this, name);
    this.sheets.push(sheet);
    this.activeSheet = sheet;
    return sheet;
  }

  getRangeByName(name: string): FakeRange | null {
    this.host.record('Spreadsheet.getRangeByName');
    const named = this.namedRanges.get(name);
    return named ? new FakeRange(this.host, named.sheet, named.area) : null;
  }

  toast(message: string, title?: string): void {
    this.host.record('Spreadsheet.toast');
    this.host.toasts.push(title ? `${title}: ${message}` : message);
  }
}

/** Sheets' default row height in pixels. */
const DEFAULT_ROW_HEIGHT = 21;

export class FakeSheet {
  readonly cells = new Map<string, SheetsCellState>();
  merges: SheetsArea[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Row heights in pixels set by setRowHeights; a row not here has the default height (21 pixels). */
  readonly rowHeights = new Map<number, number>();
  frozenRows = 0;
  charts: FakeEmbeddedChart[] = [];
  conditionalFormatRules = 0;
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  /** Hidden with hideSheet(): still listed by getSheets() and read like any other sheet, as Apps Script does. */
  hidden = false;

  constructor(
    private readonly host: SheetsHost,
    private readonly spreadsheet: FakeSpreadsheet,
    public name: string,
  ) {}

  cell(row: number, column: number): SheetsCellState | undefined {
    return this.cells.get(`${row},${column}`);
  }

  ensure(row: number, column: number): SheetsCellState {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Last row and column holding a value or formula (0 when none). */
  lastCell(): { row: number; column: number } {
    let row = 0;
    let column = 0;
    for (const [key, cell] of this.cells) {
      if (cell.value === '' && cell.formula === undefined) continue;
      const [r, c] = key.split(',').map(Number);
      row = Math.max(row, r ?? 0);
      column = Math.max(column, c ?? 0);
    }
    return { row, column };
  }

  private range(area: SheetsArea): FakeRange {
    return new FakeRange(this.host, this, area);
  }

  getName(): string {
    this.host.record('Sheet.getName');
    return this.name;
  }

  hideSheet(): FakeSheet {
    this.host.record('Sheet.hideSheet');
    this.hidden = true;
    return this;
  }

  isSheetHidden(): boolean {
    this.host.record('Sheet.isSheetHidden');
    return this.hidden;
  }

  getLastRow(): number {
    this.host.record('Sheet.getLastRow');
    return this.lastCell().row;
  }

  getLastColumn(): number {
    this.host.record('Sheet.getLastColumn');
    return this.lastCell().column;
  }

  getDataRange(): FakeRange {
    this.host.record('Sheet.getDataRange');
    const { row, column } = this.lastCell();
    return this.range({ row: 1, column: 1, rows: Math.max(1, row), columns: Math.max(1, column) });
  }

  getRange(first: number | string, column?: number, rows = 1, columns = 1): FakeRange {
    this.host.record('Sheet.getRange');
    if (typeof first === 'string') {
      const area = parseA1Area(first);
      if (!area) throw new Error('Range not found');
      return this.checked(area);
    }
    if (typeof first !== 'number' || typeof column !== 'number')
      throw new Error(
        `The parameters (${typeof first},${typeof column}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    if (first < 1) throw new Error('The starting row of the range is too small.');
    if (column < 1) throw new Error('The starting column of the range is too small.');
    if (rows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (columns < 1) throw new Error('The number of columns in the range must be at least 1.');
    return this.checked({ row: first, column, rows, columns });
  }

  private checked(area: SheetsArea): FakeRange {
    if (area.row + area.rows - 1 > this.maxRows || area.column + area.columns - 1 > this.maxColumns)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return this.range(area);
  }

  getMaxRows(): number {
    this.host.record('Sheet.getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.host.record('Sheet.getMaxColumns');
    return this.maxColumns;
  }

  insertRowsAfter(after: number, count: number): FakeSheet {
    this.host.record('Sheet.insertRowsAfter', { changes: true });
    if (after !== this.maxRows) throw new Error('fake Sheets: only appending rows is modelled');
    this.maxRows += count;
    return this;
  }

  insertColumnsAfter(after: number, count: number): FakeSheet {
    this.host.record('Sheet.insertColumnsAfter', {
      a1: `${this.name}!${columnLetters(after)}`,
      changes: true,
    });
    if (after !== this.maxColumns) throw new Error('fake Sheets: only appending columns is modelled');
    this.maxColumns += count;
    return this;
  }

  /** Clears values and formats; merges, charts and conditional formats stay (they have their own calls). */
  clear(): FakeSheet {
    this.host.record('Sheet.clear', { changes: true });
    this.cells.clear();
    return this;
  }

  clearConditionalFormatRules(): void {
    this.host.record('Sheet.clearConditionalFormatRules', { changes: true });
    this.conditionalFormatRules = 0;
  }

  setColumnWidth(column: number, width: number): FakeSheet {
    this.host.record('Sheet.setColumnWidth', { changes: true });
    this.columnWidths.set(column, width);
    return this;
  }

  setColumnWidths(start: number, count: number, width: number): FakeSheet {
    this.host.record('Sheet.setColumnWidths', { changes: true });
    if (start + count - 1 > this.maxColumns)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, width);
    return this;
  }

  /**
   * Sheet.setRowHeights(startRow, numRows, height): "Sets the height of the given rows in pixels"
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#setrowheightsstartrow,-numrows,-height).
   * Rows outside the sheet fail as a range outside it does.
   */
  setRowHeights(start: number, count: number, height: number): FakeSheet {
    this.host.record('Sheet.setRowHeights', { changes: true });
    if (
      !Number.isInteger(start) ||
      start < 1 ||
      !Number.isInteger(count) ||
      count < 1 ||
      start + count - 1 > this.maxRows
    )
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    if (!Number.isInteger(height) || height < 0) throw new Error(`Invalid row height: ${height}`);
    // A row at Sheets' default height reads like one never set.
    for (let r = start; r < start + count; r++)
      if (height === DEFAULT_ROW_HEIGHT) this.rowHeights.delete(r);
      else this.rowHeights.set(r, height);
    return this;
  }

  /** Sheet.setFrozenRows: "You can't freeze rows which contain only part of a merged cell." */
  setFrozenRows(rows: number): void {
    this.host.record('Sheet.setFrozenRows', { changes: true });
    if (this.merges.some((merge) => merge.row <= rows && merge.row + merge.rows - 1 > rows))
      throw new Error("You can't freeze rows which contain only part of a merged cell.");
    this.frozenRows = rows;
  }

  activate(): FakeSheet {
    this.host.record('Sheet.activate');
    this.spreadsheet.activeSheet = this;
    return this;
  }

  newChart(): FakeChartBuilder {
    this.host.record('Sheet.newChart');
    return new FakeChartBuilder(this.host, this);
  }

  insertChart(chart: FakeEmbeddedChart): void {
    this.host.record('Sheet.insertChart', { changes: true });
    if (chart.sheet !== this) throw new Error('fake Sheets: the chart was built for another sheet');
    this.charts.push(chart);
  }

  getCharts(): FakeEmbeddedChart[] {
    this.host.record('Sheet.getCharts');
    return [...this.charts];
  }

  removeChart(chart: FakeEmbeddedChart): void {
    this.host.record('Sheet.removeChart', { changes: true });
    if (!this.charts.includes(chart)) throw new Error('fake Sheets: no such chart on this sheet');
    this.charts = this.charts.filter((other) => other !== chart);
  }
}

/** Everything stored about a sheet, as plain data (Dates as ISO instants). */
export function sheetsSnapshot(sheet: FakeSheet) {
  const cells = [...sheet.cells.entries()]
    .map(
      ([key, cell]) =>
        [
          key,
          { ...cell, value: cell.value instanceof Date ? `Date ${cell.value.toISOString()}` : cell.value },
        ] as const,
    )
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    name: sheet.name,
    cells,
    merges: [...sheet.merges],
    columnWidths: [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b),
    rowHeights: [...sheet.rowHeights.entries()].sort(([a], [b]) => a - b),
    frozenRows: sheet.frozenRows,
    charts: sheet.charts.map((chart) => chart.state),
    conditionalFormatRules: sheet.conditionalFormatRules,
    size: [sheet.maxRows, sheet.maxColumns],
  };
}

/** The values of a sheet from A1 to its last cell, as getValues returns them ('' for blanks, Dates). */
export function sheetsValues(sheet: FakeSheet): unknown[][] {
  const { row, column } = sheet.lastCell();
  return Array.from({ length: row }, (_, r) =>
    Array.from({ length: column }, (_, c) => sheet.cell(r + 1, c + 1)?.value ?? ''),
  );
}

/** The number formats of a sheet from A1 to its last cell. */
export function sheetsNumberFormats(sheet: FakeSheet): string[][] {
  const { row, column } = sheet.lastCell();
  return Array.from({ length: row }, (_, r) =>
    Array.from({ length: column }, (_, c) => sheet.cell(r + 1, c + 1)?.numberFormat ?? 'General'),
  );
}

/**
 * Fills `host`'s spreadsheet with `seed`: dates as Dates at midnight in the spreadsheet's zone, text that
 * Sheets could read as a formula formatted "@" (typed with a leading apostrophe), row 1 bold on `headerFill`
 * when given; the first sheet is active.
 */
export function seedSpreadsheet(host: SheetsHost, seed: WorkbookSeed, headerFill?: string): void {
  const spreadsheet = host.spreadsheet;
  const midnights = new Map<string, Date>();
  const midnight = (iso: string) => {
    let date = midnights.get(iso);
    if (!date) {
      date = midnightIn(iso, host.timeZone);
      midnights.set(iso, date);
    }
    return new Date(date.getTime());
  };
  for (const { name, rows } of seed.sheets) {
    const sheet = new FakeSheet(host, spreadsheet, name);
    sheet.maxRows = Math.max(DEFAULT_ROWS, rows.length);
    rows.forEach((row, r) => {
      row.forEach((value: SeedValue, c) => {
        if (value === null && (r > 0 || headerFill === undefined)) return;
        const cell = sheet.ensure(r + 1, c + 1);
        if (value !== null) Object.assign(cell, seededCell(value, midnight));
        if (r === 0 && headerFill !== undefined) {
          cell.fontWeight = 'bold';
          cell.background = headerFill;
        }
      });
    });
    spreadsheet.sheets.push(sheet);
  }
  for (const [name, { sheet, cell }] of Object.entries(seed.names)) {
    const owner = spreadsheet.sheet(sheet);
    const area = parseA1Area(cell);
    if (!owner || !area) throw new Error(`seed: cannot name ${sheet}!${cell}`);
    spreadsheet.namedRanges.set(name, { sheet: owner, area });
  }
  spreadsheet.activeSheet = spreadsheet.sheets[0];
}
