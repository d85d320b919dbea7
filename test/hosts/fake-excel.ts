// An Office.js-like fake of Excel for the dashboard tests. Like the real host it queues every read and write
// until `context.sync()` (counted), throws PropertyNotLoaded when a property is read before load + sync,
// answers *OrNullObject calls with null objects, fails a batch at the first bad operation, and turns text
// written into a cell into a formula or a number unless the cell is formatted as text ("@"). The workbook
// it edits is plain data that tests can snapshot sheet by sheet. Also: the workbook both dashboard tests
// seed their fakes with, and a fake shared runtime (Office, Excel.run, the task pane page).

import { SEED_HEADER_FILL, serialOf, type WorkbookSeed } from '../fakes/workbook-seed';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

// ---------------------------------------------------------------------------------------------------------
// The workbook as stored data.

/** A 0-based rectangle of cells. */
export interface Area {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export interface ExcelCellState {
  /** '' for an empty cell; a formula cell holds the placeholder its formula would show. */
  value: string | number | boolean;
  formula?: string;
  numberFormat: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  horizontalAlignment?: string;
}

export interface ExcelChartState {
  readonly name: string;
  readonly type: string;
  readonly source: Area;
  readonly seriesBy: string;
  title?: string;
  legendVisible?: boolean;
  reversePlotOrder?: boolean;
  position?: { readonly start: Area; readonly end: Area | undefined };
  readonly series: { name?: string; values: Area; xAxis?: Area }[];
}

export class ExcelSheetState {
  readonly cells = new Map<number, ExcelCellState>();
  merges: Area[] = [];
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  charts: ExcelChartState[] = [];
  conditionalFormats = 0;

  constructor(public name: string) {}

  cell(row: number, column: number): ExcelCellState | undefined {
    return this.cells.get(row * MAX_COLUMNS + column);
  }

  /** The cell at (row, column), created empty if absent. */
  ensure(row: number, column: number): ExcelCellState {
    const key = row * MAX_COLUMNS + column;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: '', numberFormat: 'General' };
      this.cells.set(key, cell);
    }
    return cell;
  }
}

export interface ExcelTableState {
  readonly name: string;
  readonly sheet: ExcelSheetState;
  readonly area: Area;
}

export class ExcelWorkbookState {
  readonly sheets: ExcelSheetState[] = [];
  /** Defined names: a range, or a constant such as `=300000`. */
  readonly names = new Map<
    string,
    { readonly sheet: ExcelSheetState; readonly area: Area } | { readonly constant: number }
  >();
  readonly tables: ExcelTableState[] = [];
  activeSheet: ExcelSheetState | undefined;
  /** Review › Protect Workbook (structure): adding sheets fails with AccessDenied. */
  structureProtected = false;
  private chartCount = 0;

  sheet(name: string): ExcelSheetState | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  nextChartName(): string {
    this.chartCount++;
    return `Chart ${this.chartCount}`;
  }
}

/** An error as Office.js reports it (`OfficeExtension.Error` has a `code`). */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

const itemNotFound = () => new FakeOfficeError('ItemNotFound', 'The requested resource doesn\u2019t exist.');
const invalidArgument = (why: string) =>
  new FakeOfficeError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format. (${why})`,
  );

// ---------------------------------------------------------------------------------------------------------
// Addresses.

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function areaAddress(sheet: string, area: Area): string {
  const first = `${columnLetters(area.column)}${area.row + 1}`;
  const last = `${columnLetters(area.column + area.columns - 1)}${area.row + area.rows}`;
  return `${quoteSheetName(sheet)}!${first === last ? first : `${first}:${last}`}`;
}

/** Parses "B3" or "B3:H40" into an area. */
export function parseA1(ref: string): Area {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref);
  if (!match) throw invalidArgument(`bad address ${ref}`);
  const column = (letters: string) =>
    [...letters.toUpperCase()].reduce((value, char) => value * 26 + char.charCodeAt(0) - 64, 0) - 1;
  const top = Number(match[2]) - 1;
  const left = column(match[1] ?? 'A');
  const bottom = match[4] === undefined ? top : Number(match[4]) - 1;
  const right = match[3] === undefined ? left : column(match[3]);
  return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

function within(area: Area, row: number, column: number): boolean {
  return (
    row >= area.row &&
    row < area.row + area.rows &&
    column >= area.column &&
    column < area.column + area.columns
  );
}

function overlaps(a: Area, b: Area): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

// ---------------------------------------------------------------------------------------------------------
// Writing values the way Excel reads typed input.

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Stores `input` in `cell` as Excel does: text formatted "@" stays text; "=…" is a formula; "+…", "-…" and
 * "@…" that are not numbers are read as formulas too (Excel prefixes "="); numeric text becomes a number. */
function writeValue(cell: ExcelCellState, input: unknown): void {
  if (input === null || input === undefined) return;
  delete cell.formula;
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  if (typeof input !== 'string') throw invalidArgument(`unsupported cell value ${String(input)}`);
  if (cell.numberFormat === '@' || input === '') {
    cell.value = input;
    return;
  }
  if (NUMBER_TEXT.test(input.trim())) {
    cell.value = Number(input);
    return;
  }
  if (/^[=+\-@]/.test(input)) {
    cell.formula = input.startsWith('=') ? input : `=${input}`;
    cell.value = '#NAME?';
    return;
  }
  cell.value = input;
}

// ---------------------------------------------------------------------------------------------------------
// The request context and the proxies.

type Operation = () => void;

/** `Excel.RequestContext`: proxies queue operations here; `sync()` runs them in order, as one round trip. */
export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  /** Round trips made so far. */
  syncCount = 0;
  private queue: Operation[] = [];

  constructor(readonly state: ExcelWorkbookState) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(operation: Operation): void {
    this.queue.push(operation);
  }

  /** Runs the queued batch. Like Excel, an operation that fails stops the batch and rejects the sync. */
  async sync(): Promise<void> {
    this.syncCount++;
    const batch = this.queue;
    this.queue = [];
    await Promise.resolve();
    for (const operation of batch) operation();
  }
}

/** The part every proxy shares: loaded properties, readable only after load + sync. */
abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(protected readonly context: FakeRequestContext) {}

  /** True when a *OrNullObject call found nothing; readable after the next sync, like Office.js. */
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded('isNullObject');
    return this.nullState;
  }

  protected setNullState(isNull: boolean): void {
    this.nullState = isNull;
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property);
    return this.loaded.get(property) as T;
  }

  /** Queues the loading of `properties` ("a,b" or ["a", "b"]). */
  load(properties: string | readonly string[]): this {
    const list = (typeof properties === 'string' ? properties.split(',') : [...properties])
      .map((p) => this.propertyKey(p.trim()))
      .filter(Boolean);
    if (list.length === 0) throw new Error('fake Excel: load() needs the properties to load');
    this.context.enqueue(() => {
      for (const property of list)
        this.loaded.set(property, this.nullState ? null : this.loadProperty(property));
    });
    return this;
  }

  /** Marks a property loaded now: an item's properties arrive with the collection that loaded it. */
  markLoaded(property: string, value: unknown): void {
    this.loaded.set(property, value);
  }

  /** The key a loaded property is kept under (collections keep "items/name" as "items"). */
  protected propertyKey(property: string): string {
    return property;
  }

  protected abstract loadProperty(property: string): unknown;
}

/** A collection whose `load('items/name')` (or `load('name')`) loads its items with their names. */
abstract class ClientCollection<T> extends ClientObject {
  protected override propertyKey(property: string): string {
    if (property !== 'items/name' && property !== 'name' && property !== 'items')
      throw new Error(`fake Excel: a collection cannot load ${property}`);
    return 'items';
  }

  protected loadProperty(): unknown {
    return this.loadItems();
  }

  protected abstract loadItems(): T[];

  get items(): T[] {
    return this.read('items');
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;

  constructor(context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.tables = new FakeTableCollection(context);
  }
}

export class FakeWorksheetCollection extends ClientCollection<FakeWorksheet> {
  protected loadItems(): FakeWorksheet[] {
    return this.context.state.sheets.map((sheet) => {
      const proxy = new FakeWorksheet(this.context, () =>
        this.context.state.sheets.includes(sheet) ? sheet : undefined,
      );
      proxy.markLoaded('name', sheet.name);
      return proxy;
    });
  }

  getItem(name: string): FakeWorksheet {
    return FakeWorksheet.byName(this.context, name, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return FakeWorksheet.byName(this.context, name, true);
  }

  add(name: string): FakeWorksheet {
    let created: ExcelSheetState | undefined;
    this.context.enqueue(() => {
      const state = this.context.state;
      if (state.structureProtected)
        throw new FakeOfficeError('AccessDenied', 'The workbook is protected: you cannot add a sheet.');
      if (state.sheet(name))
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
      if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw invalidArgument(`bad sheet name ${name}`);
      created = new ExcelSheetState(name);
      state.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => created);
  }
}

export class FakeWorksheet extends ClientObject {
  readonly charts: FakeChartCollection;
  readonly freezePanes: FakeFreezePanes;

  constructor(
    context: FakeRequestContext,
    /** The sheet this proxy stands for, as of the operation running now (undefined = not found). */
    readonly resolve: () => ExcelSheetState | undefined,
  ) {
    super(context);
    this.charts = new FakeChartCollection(context, this);
    this.freezePanes = new FakeFreezePanes(context, this);
  }

  static byName(context: FakeRequestContext, name: string, nullable: boolean): FakeWorksheet {
    let found: ExcelSheetState | undefined;
    const proxy = new FakeWorksheet(context, () => found);
    context.enqueue(() => {
      found = context.state.sheet(name);
      if (!found && !nullable) throw itemNotFound();
      if (nullable) proxy.setNullState(!found);
    });
    return proxy;
  }

  protected loadProperty(property: string): unknown {
    if (property === 'name') return this.sheet().name;
    throw new Error(`fake Excel: worksheet cannot load ${property}`);
  }

  /** The sheet, or ItemNotFound: the operation runs at sync time. */
  sheet(): ExcelSheetState {
    const sheet = this.resolve();
    if (!sheet) throw itemNotFound();
    return sheet;
  }

  get name(): string {
    return this.read('name');
  }

  getRange(address?: string): FakeRange {
    const area =
      address === undefined ? { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } : parseA1(address);
    return new FakeRange(this.context, this, () => area);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const area = { row: startRow, column: startColumn, rows: rowCount, columns: columnCount };
    return new FakeRange(this.context, this, () => {
      if (
        startRow < 0 ||
        startColumn < 0 ||
        rowCount < 1 ||
        columnCount < 1 ||
        startRow + rowCount > MAX_ROWS ||
        startColumn + columnCount > MAX_COLUMNS
      )
        throw invalidArgument(`getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`);
      return area;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, () => usedArea(this.sheet(), valuesOnly), true);
  }

  activate(): void {
    this.context.enqueue(() => {
      this.context.state.activeSheet = this.sheet();
    });
  }
}

/** The smallest area holding every cell with a value (or, unless valuesOnly, any format); null when none. */
function usedArea(sheet: ExcelSheetState, valuesOnly: boolean): Area | null {
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let right = -1;
  for (const [key, cell] of sheet.cells) {
    const used =
      cell.value !== '' ||
      cell.formula !== undefined ||
      (!valuesOnly &&
        (cell.numberFormat !== 'General' || cell.fill !== undefined || cell.bold !== undefined));
    if (!used) continue;
    const row = Math.floor(key / MAX_COLUMNS);
    const column = key % MAX_COLUMNS;
    top = Math.min(top, row);
    left = Math.min(left, column);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
  }
  return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

export class FakeRange extends ClientObject {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: { clearAll(): void };
  private area: Area | null | undefined;

  constructor(
    context: FakeRequestContext,
    readonly worksheet: FakeWorksheet,
    areaAtSync: () => Area | null,
    nullable = false,
  ) {
    super(context);
    context.enqueue(() => {
      this.area = areaAtSync();
      if (this.area) worksheet.sheet();
      if (nullable) this.setNullState(this.area === null);
    });
    this.format = new FakeRangeFormat(context, this);
    this.conditionalFormats = {
      clearAll: () =>
        context.enqueue(() => {
          this.target();
          this.worksheet.sheet().conditionalFormats = 0;
        }),
    };
  }

  /** The sheet and area this range stands for, at sync time. */
  target(): { sheet: ExcelSheetState; area: Area } {
    if (!this.area) throw itemNotFound();
    return { sheet: this.worksheet.sheet(), area: this.area };
  }

  protected loadProperty(property: string): unknown {
    const { sheet, area } = this.target();
    const grid = <T>(of: (cell: ExcelCellState | undefined) => T): T[][] => {
      if (area.rows * area.columns > 5_000_000)
        throw new FakeOfficeError(
          'ResponsePayloadSizeLimitExceeded',
          'The response payload size has exceeded the limit.',
        );
      return Array.from({ length: area.rows }, (_, r) =>
        Array.from({ length: area.columns }, (_, c) => of(sheet.cell(area.row + r, area.column + c))),
      );
    };
    switch (property) {
      case 'values':
        return grid((cell) => cell?.value ?? '');
      case 'formulas':
        return grid((cell) => cell?.formula ?? cell?.value ?? '');
      case 'numberFormat':
        return grid((cell) => cell?.numberFormat ?? 'General');
      case 'rowIndex':
        return area.row;
      case 'columnIndex':
        return area.column;
      case 'rowCount':
        return area.rows;
      case 'columnCount':
        return area.columns;
      case 'address':
        return areaAddress(sheet.name, area);
      default:
        throw new Error(`fake Excel: range cannot load ${property}`);
    }
  }

  get values(): unknown[][] {
    return this.read('values');
  }

  set values(values: unknown[][]) {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      checkShape(values, area);
      values.forEach((row, r) => {
        row.forEach((value, c) => {
          if (value !== null) writeValue(sheet.ensure(area.row + r, area.column + c), value);
        });
      });
    });
  }

  get formulas(): unknown[][] {
    return this.read('formulas');
  }

  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }

  set numberFormat(formats: string[][]) {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      checkShape(formats, area);
      formats.forEach((row, r) => {
        row.forEach((format, c) => {
          if (format !== null) sheet.ensure(area.row + r, area.column + c).numberFormat = format;
        });
      });
    });
  }

  get rowIndex(): number {
    return this.read('rowIndex');
  }

  get columnIndex(): number {
    return this.read('columnIndex');
  }

  get address(): string {
    return this.read('address');
  }

  /** Applies `change` to every cell of the range (creating the cells). */
  eachCell(change: (cell: ExcelCellState) => void): void {
    const { sheet, area } = this.target();
    if (area.rows * area.columns > 1_000_000)
      throw new Error('fake Excel: formatting more than a million cells is not modelled');
    for (let r = 0; r < area.rows; r++)
      for (let c = 0; c < area.columns; c++) change(sheet.ensure(area.row + r, area.column + c));
  }

  merge(across = false): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      if (across) throw new Error('fake Excel: merge(across) is not modelled');
      if (sheet.merges.some((merge) => overlaps(merge, area)))
        throw invalidArgument('the range overlaps a merged area');
      sheet.merges.push(area);
    });
  }

  unmerge(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      sheet.merges = sheet.merges.filter((merge) => !overlaps(merge, area));
    });
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      for (const [key, cell] of [...sheet.cells]) {
        if (!within(area, Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS)) continue;
        if (applyTo === 'All') sheet.cells.delete(key);
        else if (applyTo === 'Contents') {
          cell.value = '';
          delete cell.formula;
        } else {
          sheet.cells.set(key, {
            value: cell.value,
            ...(cell.formula === undefined ? {} : { formula: cell.formula }),
            numberFormat: 'General',
          });
        }
      }
    });
  }
}

function checkShape(grid: readonly (readonly unknown[])[], area: Area): void {
  if (
    !Array.isArray(grid) ||
    grid.length !== area.rows ||
    grid.some((row) => !Array.isArray(row) || row.length !== area.columns)
  )
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${area.rows}×${area.columns}).`,
    );
}

/**
 * An object of settable properties, such as `range.format.font`: each assignment queues the operation its
 * setter returns; reading a property throws PropertyNotLoaded (these fakes never load them).
 */
function writeOnlyProxy<T extends Record<string, unknown>>(
  context: FakeRequestContext,
  setters: { [K in keyof T]: (value: T[K]) => Operation },
): T {
  const proxy = {} as T;
  for (const property of Object.keys(setters) as (keyof T & string)[]) {
    Object.defineProperty(proxy, property, {
      get: () => {
        throw propertyNotLoaded(property);
      },
      set: (value: T[typeof property]) => context.enqueue(setters[property](value)),
    });
  }
  return proxy;
}

export class FakeRangeFormat {
  readonly fill: { color: string };
  readonly font: { bold: boolean; italic: boolean; color: string; size: number };

  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    const eachCell = (change: (cell: ExcelCellState) => void) => () => range.eachCell(change);
    this.fill = writeOnlyProxy(context, {
      color: (color: string) =>
        eachCell((cell) => {
          cell.fill = color;
        }),
    });
    this.font = writeOnlyProxy(context, {
      bold: (bold: boolean) =>
        eachCell((cell) => {
          cell.bold = bold;
        }),
      italic: (italic: boolean) =>
        eachCell((cell) => {
          cell.italic = italic;
        }),
      color: (color: string) =>
        eachCell((cell) => {
          cell.fontColor = color;
        }),
      size: (size: number) =>
        eachCell((cell) => {
          cell.fontSize = size;
        }),
    });
  }

  get horizontalAlignment(): string {
    throw propertyNotLoaded('horizontalAlignment');
  }

  set horizontalAlignment(alignment: string) {
    this.context.enqueue(() =>
      this.range.eachCell((cell) => {
        cell.horizontalAlignment = alignment;
      }),
    );
  }

  get columnWidth(): number {
    throw propertyNotLoaded('columnWidth');
  }

  set columnWidth(points: number) {
    this.context.enqueue(() => {
      const { sheet, area } = this.range.target();
      for (let c = area.column; c < area.column + area.columns; c++) sheet.columnWidths.set(c, points);
    });
  }
}

export class FakeFreezePanes {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {}

  freezeRows(count = 1): void {
    this.context.enqueue(() => {
      this.worksheet.sheet().frozenRows = count;
    });
  }

  unfreeze(): void {
    this.context.enqueue(() => {
      this.worksheet.sheet().frozenRows = 0;
    });
  }
}

export class FakeChartCollection extends ClientCollection<FakeChart> {
  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }

  protected loadItems(): FakeChart[] {
    const sheet = this.worksheet.sheet();
    return sheet.charts.map((chart) => {
      const proxy = new FakeChart(this.context, this.worksheet, () =>
        sheet.charts.includes(chart) ? chart : undefined,
      );
      proxy.markLoaded('name', chart.name);
      return proxy;
    });
  }

  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChart {
    let created: ExcelChartState | undefined;
    this.context.enqueue(() => {
      const sheet = this.worksheet.sheet();
      const { area } = sourceData.target();
      created = {
        name: this.context.state.nextChartName(),
        type,
        source: area,
        seriesBy,
        series: [{ values: area }],
      };
      sheet.charts.push(created);
    });
    return new FakeChart(this.context, this.worksheet, () => created);
  }
}

export class FakeChart extends ClientObject {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { categoryAxis: { reversePlotOrder: boolean } };
  readonly series: { getItemAt(index: number): FakeChartSeries; add(name?: string): FakeChartSeries };

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
    private readonly resolve: () => ExcelChartState | undefined,
  ) {
    super(context);
    const onChart = (change: (chart: ExcelChartState) => void) => () => change(this.chart());
    this.title = writeOnlyProxy<{ text: string }>(context, {
      text: (text) =>
        onChart((chart) => {
          chart.title = text;
        }),
    });
    this.legend = writeOnlyProxy<{ visible: boolean }>(context, {
      visible: (visible) =>
        onChart((chart) => {
          chart.legendVisible = visible;
        }),
    });
    this.axes = {
      categoryAxis: writeOnlyProxy<{ reversePlotOrder: boolean }>(context, {
        reversePlotOrder: (reverse) =>
          onChart((chart) => {
            chart.reversePlotOrder = reverse;
          }),
      }),
    };
    this.series = {
      getItemAt: (index) =>
        new FakeChartSeries(context, () => {
          const series = this.chart().series[index];
          if (!series) throw itemNotFound();
          return series;
        }),
      add: (name) => {
        let created: ExcelChartState['series'][number] | undefined;
        context.enqueue(() => {
          created = {
            values: { row: 0, column: 0, rows: 0, columns: 0 },
            ...(name === undefined ? {} : { name }),
          };
          this.chart().series.push(created);
        });
        return new FakeChartSeries(context, () => {
          if (!created) throw itemNotFound();
          return created;
        });
      },
    };
  }

  chart(): ExcelChartState {
    const chart = this.resolve();
    if (!chart) throw itemNotFound();
    return chart;
  }

  protected loadProperty(property: string): unknown {
    if (property === 'name') return this.chart().name;
    throw new Error(`fake Excel: chart cannot load ${property}`);
  }

  get name(): string {
    return this.read('name');
  }

  setPosition(startCell: FakeRange, endCell?: FakeRange): void {
    this.context.enqueue(() => {
      const chart = this.chart();
      const start = startCell.target();
      const end = endCell?.target();
      const sheet = this.worksheet.sheet();
      if (start.sheet !== sheet || (end && end.sheet !== sheet))
        throw invalidArgument('the position is on another sheet');
      chart.position = { start: start.area, end: end?.area };
    });
  }

  delete(): void {
    this.context.enqueue(() => {
      const chart = this.chart();
      const sheet = this.worksheet.sheet();
      sheet.charts = sheet.charts.filter((other) => other !== chart);
    });
  }
}

export class FakeChartSeries {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly resolve: () => ExcelChartState['series'][number],
  ) {}

  get name(): string {
    throw propertyNotLoaded('name');
  }

  set name(name: string) {
    this.context.enqueue(() => {
      this.resolve().name = name;
    });
  }

  setXAxisValues(sourceData: FakeRange): void {
    this.context.enqueue(() => {
      this.resolve().xAxis = sourceData.target().area;
    });
  }

  setValues(sourceData: FakeRange): void {
    this.context.enqueue(() => {
      this.resolve().values = sourceData.target().area;
    });
  }
}

export class FakeNamedItemCollection {
  constructor(private readonly context: FakeRequestContext) {}

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name);
  }
}

export class FakeNamedItem extends ClientObject {
  private found: ReturnType<ExcelWorkbookState['names']['get']>;

  constructor(
    context: FakeRequestContext,
    readonly itemName: string,
  ) {
    super(context);
    context.enqueue(() => {
      const key = [...context.state.names.keys()].find(
        (name) => name.toLowerCase() === itemName.toLowerCase(),
      );
      this.found = key === undefined ? undefined : context.state.names.get(key);
      this.setNullState(this.found === undefined);
    });
  }

  private named(): NonNullable<FakeNamedItem['found']> {
    if (!this.found) throw itemNotFound();
    return this.found;
  }

  protected loadProperty(property: string): unknown {
    const named = this.named();
    if (property === 'type') return 'constant' in named ? 'Double' : 'Range';
    if (property === 'value')
      return 'constant' in named ? named.constant : `=${areaAddress(named.sheet.name, named.area)}`;
    if (property === 'name') return this.itemName;
    throw new Error(`fake Excel: named item cannot load ${property}`);
  }

  get type(): string {
    return this.read('type');
  }

  get value(): unknown {
    return this.read('value');
  }

  getRange(): FakeRange {
    let sheet: ExcelSheetState | undefined;
    const worksheet = new FakeWorksheet(this.context, () => sheet);
    return new FakeRange(this.context, worksheet, () => {
      const named = this.named();
      if ('constant' in named)
        throw new FakeOfficeError('InvalidOperation', `The name ${this.itemName} does not refer to a range.`);
      sheet = named.sheet;
      return named.area;
    });
  }
}

export class FakeTableCollection extends ClientCollection<FakeTable> {
  protected loadItems(): FakeTable[] {
    return this.context.state.tables.map((table) => {
      const proxy = new FakeTable(this.context, table);
      proxy.markLoaded('name', table.name);
      return proxy;
    });
  }
}

export class FakeTable extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly table: ExcelTableState,
  ) {
    super(context);
  }

  protected loadProperty(property: string): unknown {
    if (property === 'name') return this.table.name;
    throw new Error(`fake Excel: table cannot load ${property}`);
  }

  get name(): string {
    return this.read('name');
  }

  getRange(): FakeRange {
    const worksheet = new FakeWorksheet(this.context, () => this.table.sheet);
    return new FakeRange(this.context, worksheet, () => this.table.area);
  }
}

/** `Excel.run` over `state`: a fresh request context per batch, as in Office.js. Records every context. */
export function fakeExcelRun(state: ExcelWorkbookState, contexts: FakeRequestContext[] = []) {
  return async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(state);
    contexts.push(context);
    return batch(context);
  };
}

// ---------------------------------------------------------------------------------------------------------
// Snapshots.

export interface ExcelSheetSnapshot {
  readonly name: string;
  readonly cells: readonly (readonly [string, ExcelCellState])[];
  readonly merges: readonly Area[];
  readonly columnWidths: readonly (readonly [number, number])[];
  readonly frozenRows: number;
  readonly charts: readonly ExcelChartState[];
  readonly conditionalFormats: number;
}

/** Everything stored about a sheet, as plain data (cells by address, in row order). */
export function excelSheetSnapshot(sheet: ExcelSheetState): ExcelSheetSnapshot {
  const cells = [...sheet.cells.entries()]
    .filter(
      ([, cell]) => Object.keys(cell).length > 2 || cell.value !== '' || cell.numberFormat !== 'General',
    )
    .sort(([a], [b]) => a - b)
    .map(([key, cell]): [string, ExcelCellState] => [
      areaAddress(sheet.name, {
        row: Math.floor(key / MAX_COLUMNS),
        column: key % MAX_COLUMNS,
        rows: 1,
        columns: 1,
      }),
      { ...cell },
    ]);
  return {
    name: sheet.name,
    cells,
    merges: sheet.merges.map((merge) => ({ ...merge })),
    columnWidths: [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b),
    frozenRows: sheet.frozenRows,
    charts: structuredClone(sheet.charts),
    conditionalFormats: sheet.conditionalFormats,
  };
}

/** The values of a sheet as a grid from A1 to its last used cell (Excel's shape: blanks are ''). */
export function excelSheetValues(sheet: ExcelSheetState): (string | number | boolean)[][] {
  const area = usedArea(sheet, true);
  if (!area) return [];
  const rows = area.row + area.rows;
  const columns = area.column + area.columns;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => sheet.cell(r, c)?.value ?? ''),
  );
}

/** An Excel workbook holding `seed`: dates as serials formatted yyyy-mm-dd, row 1 bold on a fill. */
export function seedExcelWorkbook(seed: WorkbookSeed): ExcelWorkbookState {
  const state = new ExcelWorkbookState();
  for (const { name, rows } of seed.sheets) {
    const sheet = new ExcelSheetState(name);
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null && r > 0) return;
        const cell = sheet.ensure(r, c);
        if (value !== null && typeof value === 'object') {
          cell.value = serialOf(value.date);
          cell.numberFormat = 'yyyy-mm-dd';
        } else if (value !== null) {
          cell.value = value;
          // Typed by the user as text (Excel shows such text with a leading apostrophe).
          if (typeof value === 'string' && /^[=+\-@]/.test(value)) cell.numberFormat = '@';
        }
        if (r === 0) {
          cell.bold = true;
          cell.fill = SEED_HEADER_FILL;
        }
      });
    });
    state.sheets.push(sheet);
  }
  for (const [name, { sheet, cell }] of Object.entries(seed.names)) {
    const owner = state.sheet(sheet);
    if (!owner) throw new Error(`seed: no sheet ${sheet} for name ${name}`);
    state.names.set(name, { sheet: owner, area: parseA1(cell) });
  }
  state.activeSheet = state.sheets[0];
  return state;
}

// ---------------------------------------------------------------------------------------------------------
// The shared runtime around taskpane.js: Office, Excel.run and the page's status element.

export interface FakeSharedRuntime {
  /** Globals for the vm context that loads dist/excel/taskpane.js. */
  readonly globals: Record<string, unknown>;
  /** Handlers associated with Office.actions.associate. */
  readonly actions: Map<string, (event: unknown) => unknown>;
  /** The task pane's status line. */
  readonly status: { textContent: string };
  /** How often the add-in asked to show the task pane. */
  readonly taskpaneShown: { count: number };
  readonly consoleErrors: unknown[][];
  /** Request contexts handed to Excel.run batches. */
  readonly contexts: FakeRequestContext[];
}

/** Office and Excel for a workbook `state`, as the shared runtime sees them in Excel (host "Excel"). */
export function fakeSharedRuntime(state: ExcelWorkbookState): FakeSharedRuntime {
  const actions = new Map<string, (event: unknown) => unknown>();
  const status = { textContent: 'Starting…' };
  const taskpaneShown = { count: 0 };
  const consoleErrors: unknown[][] = [];
  const contexts: FakeRequestContext[] = [];
  const Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'PC' };
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    actions: {
      associate(id: string, handler: (event: unknown) => unknown) {
        if (actions.has(id)) throw new Error(`${id} associated twice`);
        actions.set(id, handler);
      },
    },
    addin: {
      showAsTaskpane() {
        taskpaneShown.count++;
        return Promise.resolve();
      },
    },
  };
  const document = {
    getElementById(id: string) {
      return id === 'status' ? status : null;
    },
  };
  const recordingConsole = {
    ...console,
    error: (...args: unknown[]) => {
      consoleErrors.push(args);
    },
  };
  return {
    globals: { Office, Excel: { run: fakeExcelRun(state, contexts) }, document, console: recordingConsole },
    actions,
    status,
    taskpaneShown,
    consoleErrors,
    contexts,
  };
}
