// A fake of the slice of the Excel JavaScript API the scoring panel's bridge uses, run inside the browser page
// (bundled by esbuild and added with page.addInitScript). It behaves like Office.js where it matters: proxies
// queue their loads and writes until context.sync(), reading a property that was not loaded (and synced)
// throws PropertyNotLoaded, *OrNullObject proxies say isNullObject only after a sync, and every sync and every
// write (number format, values) is recorded so that the tests can count round trips and check write order.
// It also provides Office.context.document.settings (installDocument), since outside Office it is undefined.

type Value = string | number | boolean;

interface Area {
  readonly sheet: SheetState;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

interface SheetState {
  name: string;
  /** values[r][c], '' for blank (what Excel returns for an empty cell). */
  values: Value[][];
  formats: string[][];
  tables: { name: string; row: number; column: number; rows: number; columns: number; showTotals: boolean }[];
}

/** The workbook a test starts from: sheets (row-major values, Excel tables), the active sheet, the selection. */
export interface FakeWorkbookSetup {
  readonly sheets: readonly {
    readonly name: string;
    readonly values: readonly (readonly Value[])[];
    readonly tables?: readonly {
      readonly name: string;
      readonly address: string;
      readonly showTotals?: boolean;
    }[];
  }[];
  readonly active: string;
  readonly selection?: { readonly sheet: string; readonly address: string };
  /** Document settings as saved in the file (name → value). */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** One recorded write: which property, where, in which sync of which Excel.run. */
export interface WriteOp {
  readonly property: 'numberFormat' | 'values';
  readonly sheet: string;
  readonly address: string;
  readonly run: number;
}

const state = {
  sheets: [] as SheetState[],
  active: '',
  selection: undefined as
    | { sheet: string; row: number; column: number; rows: number; columns: number }
    | undefined,
  settings: {} as Record<string, unknown>,
  savedSettings: {} as Record<string, unknown>,
  saveCount: 0,
  /** Explicit context.sync() calls per Excel.run, in order. */
  syncsPerRun: [] as number[],
  writes: [] as WriteOp[],
};

function letters(column: number): string {
  let text = '';
  let rest = column + 1;
  while (rest > 0) {
    text = String.fromCharCode(65 + ((rest - 1) % 26)) + text;
    rest = Math.floor((rest - 1) / 26);
  }
  return text;
}

function columnOf(text: string): number {
  return [...text.toUpperCase()].reduce((value, char) => value * 26 + char.charCodeAt(0) - 64, 0) - 1;
}

function addressOf(area: Area): string {
  const start = `${letters(area.column)}${area.row + 1}`;
  const end = `${letters(area.column + area.columns - 1)}${area.row + area.rows}`;
  const quoted = /^[A-Za-z0-9_]+$/.test(area.sheet.name) ? area.sheet.name : `'${area.sheet.name}'`;
  return `${quoted}!${start === end ? start : `${start}:${end}`}`;
}

/** Reads "B3:H12", "B3", "3:12" (whole rows) or "C:E" (whole columns) on a sheet. */
function parseAddress(sheet: SheetState, address: string): Area {
  const rows = /^(\d+):(\d+)$/.exec(address);
  if (rows) {
    const first = Number(rows[1]) - 1;
    return { sheet, row: first, column: 0, rows: Number(rows[2]) - first, columns: 16_384 };
  }
  const cells = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(address);
  if (!cells)
    throw new Error(
      `InvalidArgument: The argument is invalid or missing or has an incorrect format (${address}).`,
    );
  const row = Number(cells[2]) - 1;
  const column = columnOf(cells[1] ?? 'A');
  const lastRow = cells[4] ? Number(cells[4]) - 1 : row;
  const lastColumn = cells[3] ? columnOf(cells[3]) : column;
  return { sheet, row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}

const isBlank = (value: Value | undefined) => value === undefined || value === '';

function valueAt(sheet: SheetState, row: number, column: number): Value {
  return sheet.values[row]?.[column] ?? '';
}

function valuesOf(area: Area): Value[][] {
  return Array.from({ length: area.rows }, (_, r) =>
    Array.from({ length: area.columns }, (_, c) => valueAt(area.sheet, area.row + r, area.column + c)),
  );
}

/** The used range (values only) of an area: the bounding box of its non-blank cells, or null. */
function usedWithin(area: Area): Area | null {
  let top = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  area.sheet.values.forEach((row, r) => {
    if (r < area.row || r >= area.row + area.rows) return;
    row.forEach((value, c) => {
      if (c < area.column || c >= area.column + area.columns || isBlank(value)) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  if (bottom < 0) return null;
  return { sheet: area.sheet, row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

function sheetNamed(name: string): SheetState | undefined {
  return state.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
}

class FakeContext {
  queue: (() => void)[] = [];
  syncs = 0;
  readonly run: number;
  readonly workbook: FakeWorkbook;
  constructor(run: number) {
    this.run = run;
    this.workbook = new FakeWorkbook(this);
  }
  async sync(): Promise<void> {
    this.syncs++;
    await this.flush();
  }
  async flush(): Promise<void> {
    const work = this.queue;
    this.queue = [];
    for (const step of work) step();
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** A proxy: loads are queued and materialised at sync; reading an unloaded property throws like Office.js. */
abstract class FakeProxy {
  protected readonly loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;
  constructor(protected readonly context: FakeContext) {}

  load(spec?: string | string[]): this {
    const props = (Array.isArray(spec) ? spec : String(spec ?? '').split(','))
      .map((prop) => prop.trim())
      .filter((prop) => prop !== '');
    this.context.queue.push(() => {
      for (const prop of props) this.loaded.set(prop, this.read(prop));
    });
    return this;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined)
      throw new Error('PropertyNotLoaded: isNullObject is known only after context.sync().');
    return this.nullState;
  }

  protected property<T>(name: string): T {
    if (!this.loaded.has(name))
      throw new Error(
        `PropertyNotLoaded: The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.loaded.get(name) as T;
  }

  protected abstract read(prop: string): unknown;
}

class FakeRange extends FakeProxy {
  private resolved: Area | null | undefined;
  constructor(
    context: FakeContext,
    private readonly resolve: () => Area | null,
    private readonly nullable: boolean,
  ) {
    super(context);
    context.queue.push(() => {
      this.area();
    });
  }

  private area(): Area | null {
    if (this.resolved === undefined) {
      this.resolved = this.resolve();
      if (this.resolved === null && !this.nullable)
        throw new Error('ItemNotFound: The requested resource does not exist.');
      this.nullState = this.resolved === null;
    }
    return this.resolved;
  }

  protected read(prop: string): unknown {
    const area = this.area();
    if (!area) return prop === 'values' ? [] : null;
    switch (prop) {
      case 'values':
        return valuesOf(area);
      case 'rowIndex':
        return area.row;
      case 'columnIndex':
        return area.column;
      case 'rowCount':
        return area.rows;
      case 'columnCount':
        return area.columns;
      case 'address':
        return addressOf(area);
      case 'numberFormat':
        return Array.from({ length: area.rows }, (_, r) =>
          Array.from(
            { length: area.columns },
            (_, c) => area.sheet.formats[area.row + r]?.[area.column + c] ?? 'General',
          ),
        );
      default:
        throw new Error(`The fake Excel range has no property ${prop}.`);
    }
  }

  get values(): Value[][] {
    return this.property('values');
  }
  set values(values: Value[][]) {
    this.write('values', values);
  }
  get numberFormat(): string[][] {
    return this.property('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.write('numberFormat', formats);
  }
  get rowIndex(): number {
    return this.property('rowIndex');
  }
  get columnIndex(): number {
    return this.property('columnIndex');
  }
  get rowCount(): number {
    return this.property('rowCount');
  }
  get columnCount(): number {
    return this.property('columnCount');
  }
  get address(): string {
    return this.property('address');
  }

  private sheetProxy: FakeWorksheet | undefined;
  /** Like Office.js, a navigation property returns the same proxy each time. */
  get worksheet(): FakeWorksheet {
    this.sheetProxy ??= new FakeWorksheet(this.context, () => this.area()?.sheet ?? null, false);
    return this.sheetProxy;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error('The fake supports getUsedRangeOrNullObject(true) only.');
    return new FakeRange(
      this.context,
      () => {
        const area = this.area();
        return area ? usedWithin(area) : null;
      },
      true,
    );
  }

  private write(property: 'values' | 'numberFormat', grid: unknown[][]): void {
    this.context.queue.push(() => {
      const area = this.area();
      if (!area) throw new Error('InvalidReference: cannot write to a null range.');
      if (grid.length !== area.rows || grid.some((row) => row.length !== area.columns))
        throw new Error(
          `InvalidArgument: ${property} of ${grid.length} rows does not match the range ${addressOf(area)}.`,
        );
      state.writes.push({
        property,
        sheet: area.sheet.name,
        address: addressOf(area),
        run: this.context.run,
      });
      grid.forEach((row, r) => {
        row.forEach((value, c) => {
          const target = property === 'values' ? area.sheet.values : area.sheet.formats;
          const line = target[area.row + r] ?? [];
          target[area.row + r] = line;
          for (let i = line.length; i < area.column + c; i++)
            line[i] = property === 'values' ? '' : 'General';
          if (
            property === 'values' &&
            typeof value === 'string' &&
            value.startsWith('=') &&
            area.sheet.formats[area.row + r]?.[area.column + c] !== '@'
          )
            throw new Error(
              `The fake refuses to write the formula ${value}: text must be formatted as text first.`,
            );
          (line as unknown[])[area.column + c] = value;
        });
      });
    });
  }
}

class FakeTable extends FakeProxy {
  constructor(
    context: FakeContext,
    private readonly sheet: SheetState,
    private readonly table: SheetState['tables'][number],
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    if (prop === 'name') return this.table.name;
    if (prop === 'showTotals') return this.table.showTotals;
    throw new Error(`The fake Excel table has no property ${prop}.`);
  }
  /** Marks properties loaded through the collection ("items/name"). */
  materialize(props: readonly string[]): void {
    for (const prop of props) this.loaded.set(prop, this.read(prop));
  }
  get name(): string {
    return this.property('name');
  }
  get showTotals(): boolean {
    return this.property('showTotals');
  }
  getRange(): FakeRange {
    const { row, column, rows, columns } = this.table;
    return new FakeRange(this.context, () => ({ sheet: this.sheet, row, column, rows, columns }), false);
  }
}

class FakeTableCollection extends FakeProxy {
  private tables: FakeTable[] | undefined;
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetState | null,
  ) {
    super(context);
  }
  override load(spec?: string | string[]): this {
    const props = (Array.isArray(spec) ? spec : String(spec ?? '').split(','))
      .map((prop) => prop.trim())
      .filter((prop) => prop.startsWith('items/'))
      .map((prop) => prop.slice('items/'.length));
    this.context.queue.push(() => {
      const sheet = this.sheet();
      this.tables = (sheet?.tables ?? []).map((table) => {
        const proxy = new FakeTable(this.context, sheet as SheetState, table);
        proxy.materialize(props);
        return proxy;
      });
    });
    return this;
  }
  protected read(): unknown {
    return undefined;
  }
  get items(): FakeTable[] {
    if (!this.tables)
      throw new Error("PropertyNotLoaded: The property 'items' is not available; load it and sync first.");
    return this.tables;
  }
}

class FakeWorksheet extends FakeProxy {
  private resolved: SheetState | null | undefined;
  constructor(
    context: FakeContext,
    private readonly resolve: () => SheetState | null,
    private readonly nullable: boolean,
  ) {
    super(context);
    context.queue.push(() => {
      this.sheet();
    });
  }
  private sheet(): SheetState | null {
    if (this.resolved === undefined) {
      this.resolved = this.resolve();
      if (this.resolved === null && !this.nullable)
        throw new Error('ItemNotFound: The requested resource does not exist.');
      this.nullState = this.resolved === null;
    }
    return this.resolved;
  }
  protected read(prop: string): unknown {
    if (prop === 'name') return this.sheet()?.name ?? null;
    throw new Error(`The fake Excel worksheet has no property ${prop}.`);
  }
  get name(): string {
    return this.property('name');
  }
  private tableProxy: FakeTableCollection | undefined;
  get tables(): FakeTableCollection {
    this.tableProxy ??= new FakeTableCollection(this.context, () => this.sheet());
    return this.tableProxy;
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error('The fake supports getUsedRangeOrNullObject(true) only.');
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.sheet();
        return sheet ? usedWithin({ sheet, row: 0, column: 0, rows: 1_048_576, columns: 16_384 }) : null;
      },
      true,
    );
  }
  getRange(address: string): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.sheet();
        return sheet ? parseAddress(sheet, address) : null;
      },
      false,
    );
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.sheet();
        return sheet ? { sheet, row, column, rows, columns } : null;
      },
      false,
    );
  }
}

class FakeWorkbook {
  readonly worksheets: {
    getActiveWorksheet(): FakeWorksheet;
    getItem(name: string): FakeWorksheet;
    getItemOrNullObject(name: string): FakeWorksheet;
  };
  constructor(private readonly context: FakeContext) {
    this.worksheets = {
      getActiveWorksheet: () => new FakeWorksheet(context, () => sheetNamed(state.active) ?? null, false),
      getItem: (name: string) => new FakeWorksheet(context, () => sheetNamed(name) ?? null, false),
      getItemOrNullObject: (name: string) => new FakeWorksheet(context, () => sheetNamed(name) ?? null, true),
    };
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const selection = state.selection;
        const sheet = selection ? sheetNamed(selection.sheet) : undefined;
        return selection && sheet
          ? {
              sheet,
              row: selection.row,
              column: selection.column,
              rows: selection.rows,
              columns: selection.columns,
            }
          : null;
      },
      false,
    );
  }
}

let runs = 0;

const Excel = {
  async run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T> {
    const context = new FakeContext(++runs);
    try {
      const result = await batch(context);
      if (context.queue.length > 0) await context.flush();
      return result;
    } finally {
      state.syncsPerRun.push(context.syncs);
    }
  },
};

const settings = {
  get: (name: string) => (name in state.settings ? state.settings[name] : null),
  set: (name: string, value: unknown) => {
    state.settings[name] = value;
  },
  remove: (name: string) => {
    delete state.settings[name];
  },
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void) {
    setTimeout(() => {
      state.savedSettings = JSON.parse(JSON.stringify(state.settings));
      state.saveCount++;
      callback?.({ status: 'succeeded' });
    }, 5);
  },
};

/** What the tests call (through page.evaluate) to set up and inspect the fake. */
const control = {
  setup(workbook: FakeWorkbookSetup): void {
    state.sheets = workbook.sheets.map((sheet) => {
      const values = sheet.values.map((row) => [...row]);
      return {
        name: sheet.name,
        values,
        formats: values.map((row) => row.map(() => 'General')),
        tables: (sheet.tables ?? []).map((table) => {
          const area = parseAddress({ name: sheet.name, values: [], formats: [], tables: [] }, table.address);
          return {
            name: table.name,
            row: area.row,
            column: area.column,
            rows: area.rows,
            columns: area.columns,
            showTotals: table.showTotals ?? false,
          };
        }),
      };
    });
    state.active = workbook.active;
    state.settings = { ...(workbook.settings ?? {}) };
    state.savedSettings = { ...state.settings };
    if (workbook.selection) {
      const sheet = sheetNamed(workbook.selection.sheet);
      if (sheet) {
        const area = parseAddress(sheet, workbook.selection.address);
        state.selection = {
          sheet: sheet.name,
          row: area.row,
          column: area.column,
          rows: area.rows,
          columns: area.columns,
        };
      }
    }
  },
  /** Makes Office.context.document.settings available (outside Office, Office.context.document is undefined). */
  installDocument(): void {
    const office = (globalThis as unknown as { Office?: { context?: Record<string, unknown> } }).Office;
    if (!office?.context) throw new Error('Office.js is not loaded yet.');
    office.context.document = { settings };
  },
  activate(name: string): void {
    state.active = name;
  },
  select(sheet: string, address: string): void {
    const found = sheetNamed(sheet);
    if (!found) throw new Error(`No sheet ${sheet}.`);
    const area = parseAddress(found, address);
    state.selection = {
      sheet: found.name,
      row: area.row,
      column: area.column,
      rows: area.rows,
      columns: area.columns,
    };
  },
  /** The user edits cells (as typing would: no write is recorded). */
  edit(sheet: string, address: string, values: Value[][]): void {
    const found = sheetNamed(sheet);
    if (!found) throw new Error(`No sheet ${sheet}.`);
    const area = parseAddress(found, address);
    values.forEach((row, r) => {
      row.forEach((value, c) => {
        const line = found.values[area.row + r] ?? [];
        found.values[area.row + r] = line;
        line[area.column + c] = value;
      });
    });
  },
  /** The sheet's values and formats as they are now. */
  sheet(name: string): { values: Value[][]; formats: string[][] } {
    const sheet = sheetNamed(name);
    if (!sheet) throw new Error(`No sheet ${name}.`);
    return JSON.parse(JSON.stringify({ values: sheet.values, formats: sheet.formats }));
  },
  savedSettings: () => JSON.parse(JSON.stringify(state.savedSettings)) as Record<string, unknown>,
  saveCount: () => state.saveCount,
  syncsPerRun: () => [...state.syncsPerRun],
  writes: () => [...state.writes],
};

Object.assign(globalThis, { Excel, pmoFakeExcel: control });
