// An Apps Script-like fake of Google Sheets for the dashboard tests: SpreadsheetApp, the active spreadsheet,
// sheets, ranges, named ranges, embedded charts, menus, toasts and alerts, plus Utilities and Charts. Every
// service call is counted by name. Like Sheets, setValues turns text starting with "=" into a formula, reads
// numeric text as a number and keeps a leading apostrophe's text as text; ranges outside the grid throw.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { isoIn, midnightIn } from '../fakes/time-zones';
import type { SeedValue, WorkbookSeed } from '../fakes/workbook-seed';

const dist = join(import.meta.dirname, '../../dist');

/** Sheets' default grid of a new sheet. */
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

export interface SheetsCellState {
  /** '' for an empty cell; a formula cell holds the placeholder its formula would show. */
  value: string | number | boolean | Date;
  formula?: string;
  numberFormat: string;
  background: string | null;
  fontColor: string | null;
  fontWeight: string;
  fontStyle: string;
  fontSize: number;
  horizontalAlignment: string | null;
}

const emptyCell = (): SheetsCellState => ({
  value: '',
  numberFormat: 'General',
  background: null,
  fontColor: null,
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  horizontalAlignment: null,
});

/** A 1-based block of cells. */
export interface SheetsArea {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export interface FakeChartState {
  readonly type: string;
  readonly ranges: readonly SheetsArea[];
  readonly numHeaders: number;
  readonly options: Readonly<Record<string, unknown>>;
  readonly position: {
    readonly row: number;
    readonly column: number;
    readonly offsetX: number;
    readonly offsetY: number;
  };
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The fake services of one spreadsheet, and the count of every call made to them. */
export class FakeSheetsHost {
  readonly calls: string[] = [];
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui = new FakeUi(this);
  readonly toasts: string[] = [];
  /** What the script logged with console.error (Apps Script sends it to the execution log). */
  readonly consoleErrors: unknown[][] = [];
  /** Calls that throw, with their message: how a test makes the host fail (permissions, quotas…). */
  readonly failures = new Map<string, string>();

  constructor(readonly timeZone: string) {
    this.spreadsheet = new FakeSpreadsheet(this);
  }

  record(call: string): void {
    this.calls.push(call);
    const failure = this.failures.get(call);
    if (failure !== undefined) throw new Error(failure);
  }

  /** How often each service method was called. */
  callCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.calls) counts[call] = (counts[call] ?? 0) + 1;
    return counts;
  }

  /** The globals Apps Script gives a script: SpreadsheetApp, Utilities, Charts (and console). */
  globals(): Record<string, unknown> {
    const host = this;
    const SpreadsheetApp = {
      getActiveSpreadsheet() {
        host.record('SpreadsheetApp.getActiveSpreadsheet');
        return host.spreadsheet;
      },
      getUi() {
        host.record('SpreadsheetApp.getUi');
        return host.ui;
      },
    };
    const Utilities = {
      formatDate(date: Date, zone: string, format: string) {
        host.record('Utilities.formatDate');
        if (Object.prototype.toString.call(date) !== '[object Date]')
          throw new Error('Cannot convert to Date');
        if (format === 'yyyy-MM-dd') return isoIn(date, zone);
        if (format === 'yyyy-MM-dd HH:mm') {
          const time = new Intl.DateTimeFormat('en-GB', {
            timeZone: zone,
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          }).format(date);
          return `${isoIn(date, zone)} ${time}`;
        }
        throw new Error(`fake formatDate does not support ${format}`);
      },
      parseDate(text: string, zone: string, format: string) {
        host.record('Utilities.parseDate');
        if (format !== 'yyyy-MM-dd')
          throw new Error(`fake parseDate supports yyyy-MM-dd only, got ${format}`);
        return midnightIn(text, zone);
      },
    };
    const Charts = { ChartType: { BAR: 'BAR', COLUMN: 'COLUMN', LINE: 'LINE', PIE: 'PIE', AREA: 'AREA' } };
    const scriptConsole = { ...console, error: (...args: unknown[]) => void host.consoleErrors.push(args) };
    return { SpreadsheetApp, Utilities, Charts, console: scriptConsole };
  }
}

export class FakeUi {
  readonly menus: { caption: string; items: { caption: string; functionName: string }[] }[] = [];
  readonly alerts: string[] = [];

  constructor(private readonly host: FakeSheetsHost) {}

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
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly namedRanges = new Map<string, { sheet: FakeSheet; area: SheetsArea }>();
  activeSheet: FakeSheet | undefined;

  constructor(private readonly host: FakeSheetsHost) {}

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

  /** The sheet called `name` (Sheets compares names case-insensitively); not a service call. */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  insertSheet(name: string): FakeSheet {
    this.host.record('Spreadsheet.insertSheet');
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

export class FakeSheet {
  readonly cells = new Map<string, SheetsCellState>();
  merges: SheetsArea[] = [];
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  charts: FakeEmbeddedChart[] = [];
  conditionalFormatRules = 0;
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;

  constructor(
    private readonly host: FakeSheetsHost,
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

  getName(): string {
    this.host.record('Sheet.getName');
    return this.name;
  }

  getDataRange(): FakeRange {
    this.host.record('Sheet.getDataRange');
    const { row, column } = this.lastCell();
    return new FakeRange(this.host, this, {
      row: 1,
      column: 1,
      rows: Math.max(1, row),
      columns: Math.max(1, column),
    });
  }

  getRange(row: number, column: number, rows = 1, columns = 1): FakeRange {
    this.host.record('Sheet.getRange');
    if (typeof row !== 'number') throw new Error('fake Sheets: getRange(a1Notation) is not modelled');
    if (row < 1 || column < 1 || rows < 1 || columns < 1)
      throw new Error(
        'The starting row/column of the range is too small, or the number of rows/columns must be at least 1.',
      );
    if (row + rows - 1 > this.maxRows || column + columns - 1 > this.maxColumns)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this.host, this, { row, column, rows, columns });
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
    this.host.record('Sheet.insertRowsAfter');
    if (after !== this.maxRows) throw new Error('fake Sheets: only appending rows is modelled');
    this.maxRows += count;
    return this;
  }

  insertColumnsAfter(after: number, count: number): FakeSheet {
    this.host.record('Sheet.insertColumnsAfter');
    if (after !== this.maxColumns) throw new Error('fake Sheets: only appending columns is modelled');
    this.maxColumns += count;
    return this;
  }

  /** Clears values and formats; merges, charts and conditional formats stay (they have their own calls). */
  clear(): FakeSheet {
    this.host.record('Sheet.clear');
    this.cells.clear();
    return this;
  }

  clearConditionalFormatRules(): void {
    this.host.record('Sheet.clearConditionalFormatRules');
    this.conditionalFormatRules = 0;
  }

  setColumnWidth(column: number, width: number): FakeSheet {
    this.host.record('Sheet.setColumnWidth');
    this.columnWidths.set(column, width);
    return this;
  }

  setColumnWidths(start: number, count: number, width: number): FakeSheet {
    this.host.record('Sheet.setColumnWidths');
    if (start + count - 1 > this.maxColumns)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, width);
    return this;
  }

  setFrozenRows(rows: number): void {
    this.host.record('Sheet.setFrozenRows');
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
    this.host.record('Sheet.insertChart');
    if (chart.sheet !== this) throw new Error('fake Sheets: the chart was built for another sheet');
    this.charts.push(chart);
  }

  getCharts(): FakeEmbeddedChart[] {
    this.host.record('Sheet.getCharts');
    return [...this.charts];
  }

  removeChart(chart: FakeEmbeddedChart): void {
    this.host.record('Sheet.removeChart');
    if (!this.charts.includes(chart)) throw new Error('fake Sheets: no such chart on this sheet');
    this.charts = this.charts.filter((other) => other !== chart);
  }
}

export class FakeChartBuilder {
  private type = 'COLUMN';
  private readonly ranges: SheetsArea[] = [];
  private numHeaders = -1;
  private readonly options: Record<string, unknown> = {};
  private position = { row: 1, column: 1, offsetX: 0, offsetY: 0 };

  constructor(
    private readonly host: FakeSheetsHost,
    private readonly sheet: FakeSheet,
  ) {}

  setChartType(type: string): this {
    this.host.record('EmbeddedChartBuilder.setChartType');
    this.type = type;
    return this;
  }

  addRange(range: FakeRange): this {
    this.host.record('EmbeddedChartBuilder.addRange');
    if (range.sheet !== this.sheet) throw new Error('fake Sheets: a chart range is on another sheet');
    this.ranges.push(range.area);
    return this;
  }

  setNumHeaders(headers: number): this {
    this.host.record('EmbeddedChartBuilder.setNumHeaders');
    this.numHeaders = headers;
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.host.record('EmbeddedChartBuilder.setOption');
    this.options[option] = value;
    return this;
  }

  setPosition(row: number, column: number, offsetX: number, offsetY: number): this {
    this.host.record('EmbeddedChartBuilder.setPosition');
    this.position = { row, column, offsetX, offsetY };
    return this;
  }

  build(): FakeEmbeddedChart {
    this.host.record('EmbeddedChartBuilder.build');
    if (this.ranges.length === 0) throw new Error('fake Sheets: a chart needs at least one range');
    return new FakeEmbeddedChart(this.sheet, {
      type: this.type,
      ranges: [...this.ranges],
      numHeaders: this.numHeaders,
      options: { ...this.options },
      position: this.position,
    });
  }
}

export class FakeEmbeddedChart {
  constructor(
    readonly sheet: FakeSheet,
    readonly state: FakeChartState,
  ) {}
}

export class FakeRange {
  constructor(
    private readonly host: FakeSheetsHost,
    readonly sheet: FakeSheet,
    readonly area: SheetsArea,
  ) {}

  private grid<T>(of: (cell: SheetsCellState | undefined) => T): T[][] {
    const { row, column, rows, columns } = this.area;
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => of(this.sheet.cell(row + r, column + c))),
    );
  }

  private write<T>(
    method: string,
    grid: readonly (readonly T[])[],
    apply: (cell: SheetsCellState, value: T) => void,
  ): this {
    this.host.record(`Range.${method}`);
    const { row, column, rows, columns } = this.area;
    if (!Array.isArray(grid) || grid.length !== rows)
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid?.length} but the range has ${rows}.`,
      );
    grid.forEach((line, r) => {
      if (!Array.isArray(line) || line.length !== columns)
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line?.length} but the range has ${columns}.`,
        );
      line.forEach((value, c) => {
        apply(this.sheet.ensure(row + r, column + c), value);
      });
    });
    return this;
  }

  getRow(): number {
    return this.area.row;
  }

  getColumn(): number {
    return this.area.column;
  }

  getNumRows(): number {
    return this.area.rows;
  }

  getNumColumns(): number {
    return this.area.columns;
  }

  getValues(): unknown[][] {
    this.host.record('Range.getValues');
    return this.grid((cell) =>
      cell?.value instanceof Date ? new Date(cell.value.getTime()) : (cell?.value ?? ''),
    );
  }

  getValue(): unknown {
    this.host.record('Range.getValue');
    const value = this.sheet.cell(this.area.row, this.area.column)?.value ?? '';
    return value instanceof Date ? new Date(value.getTime()) : value;
  }

  getFormulas(): string[][] {
    this.host.record('Range.getFormulas');
    return this.grid((cell) => cell?.formula ?? '');
  }

  getNumberFormats(): string[][] {
    this.host.record('Range.getNumberFormats');
    return this.grid((cell) => cell?.numberFormat ?? 'General');
  }

  /** Stores values as Sheets reads typed input: "'" forces text, "=" makes a formula, numeric text a number. */
  setValues(values: readonly (readonly unknown[])[]): this {
    return this.write('setValues', values, (cell, input) => {
      delete cell.formula;
      if (input === null || input === undefined || input === '') cell.value = '';
      else if (typeof input === 'number' || typeof input === 'boolean') cell.value = input;
      else if (Object.prototype.toString.call(input) === '[object Date]')
        cell.value = new Date((input as Date).getTime());
      else if (typeof input !== 'string') throw new Error(`fake Sheets: unsupported value ${String(input)}`);
      else if (input.startsWith("'")) cell.value = input.slice(1);
      else if (input.startsWith('=')) {
        cell.formula = input;
        cell.value = '#NAME?';
      } else if (cell.numberFormat === '@') cell.value = input;
      else if (NUMBER_TEXT.test(input.trim())) cell.value = Number(input);
      else if (/^[+\-@]/.test(input)) {
        cell.formula = `=${input}`;
        cell.value = '#ERROR!';
      } else cell.value = input;
    });
  }

  setNumberFormats(formats: readonly (readonly string[])[]): this {
    return this.write('setNumberFormats', formats, (cell, format) => {
      cell.numberFormat = format;
    });
  }

  setBackgrounds(colors: readonly (readonly (string | null)[])[]): this {
    return this.write('setBackgrounds', colors, (cell, color) => {
      cell.background = color;
    });
  }

  setFontColors(colors: readonly (readonly (string | null)[])[]): this {
    return this.write('setFontColors', colors, (cell, color) => {
      cell.fontColor = color;
    });
  }

  setFontWeights(weights: readonly (readonly (string | null)[])[]): this {
    return this.write('setFontWeights', weights, (cell, weight) => {
      cell.fontWeight = weight ?? 'normal';
    });
  }

  setFontStyles(styles: readonly (readonly (string | null)[])[]): this {
    return this.write('setFontStyles', styles, (cell, style) => {
      cell.fontStyle = style ?? 'normal';
    });
  }

  setFontSizes(sizes: readonly (readonly number[])[]): this {
    return this.write('setFontSizes', sizes, (cell, size) => {
      cell.fontSize = size;
    });
  }

  setHorizontalAlignments(alignments: readonly (readonly (string | null)[])[]): this {
    return this.write('setHorizontalAlignments', alignments, (cell, alignment) => {
      cell.horizontalAlignment = alignment;
    });
  }

  merge(): this {
    this.host.record('Range.merge');
    if (this.sheet.merges.some((merge) => overlaps(merge, this.area)))
      throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    this.sheet.merges.push(this.area);
    return this;
  }

  breakApart(): this {
    this.host.record('Range.breakApart');
    this.sheet.merges = this.sheet.merges.filter((merge) => !overlaps(merge, this.area));
    return this;
  }
}

function overlaps(a: SheetsArea, b: SheetsArea): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
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

/** A spreadsheet in `timeZone` holding `seed`: dates as Dates at midnight there, row 1 bold on a fill. */
export function seedSheetsHost(seed: WorkbookSeed, timeZone: string, headerFill: string): FakeSheetsHost {
  const host = new FakeSheetsHost(timeZone);
  const spreadsheet = host.spreadsheet;
  const midnights = new Map<string, Date>();
  const midnight = (iso: string) => {
    let date = midnights.get(iso);
    if (!date) {
      date = midnightIn(iso, timeZone);
      midnights.set(iso, date);
    }
    return new Date(date.getTime());
  };
  for (const { name, rows } of seed.sheets) {
    const sheet = new FakeSheet(host, spreadsheet, name);
    sheet.maxRows = Math.max(DEFAULT_ROWS, rows.length);
    rows.forEach((row, r) => {
      row.forEach((value: SeedValue, c) => {
        if (value === null && r > 0) return;
        const cell = sheet.ensure(r + 1, c + 1);
        if (value !== null && typeof value === 'object') {
          cell.value = midnight(value.date);
          cell.numberFormat = 'yyyy-mm-dd';
        } else if (value !== null) {
          cell.value = value;
          // Typed by the user as text (with a leading apostrophe, which Sheets does not keep).
          if (typeof value === 'string' && /^[=+\-@]/.test(value)) cell.numberFormat = '@';
        }
        if (r === 0) {
          cell.fontWeight = 'bold';
          cell.background = headerFill;
        }
      });
    });
    spreadsheet.sheets.push(sheet);
  }
  for (const [name, { sheet, cell }] of Object.entries(seed.names)) {
    const owner = spreadsheet.sheet(sheet);
    const match = /^([A-Z])(\d+)$/.exec(cell);
    if (!owner || !match) throw new Error(`seed: cannot name ${sheet}!${cell}`);
    spreadsheet.namedRanges.set(name, {
      sheet: owner,
      area: { row: Number(match[2]), column: (match[1] ?? 'A').charCodeAt(0) - 64, rows: 1, columns: 1 },
    });
  }
  spreadsheet.activeSheet = spreadsheet.sheets[0];
  return host;
}

/** Loads dist/gsheets/Code.js into one global scope with `host`'s services, as Apps Script does. */
export function loadCodeJs(host: FakeSheetsHost): Record<string, unknown> {
  const global: Record<string, unknown> = { ...host.globals() };
  runInContext(readFileSync(join(dist, 'gsheets/Code.js'), 'utf8'), createContext(global));
  return global;
}
