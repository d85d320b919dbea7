// The workbook-level proxies of the fake Excel host: Workbook, the worksheet collection, Worksheet (with its
// freeze panes and tables), the named items and the tables. Ranges are in range.ts, charts in charts.ts.

import { FakeChartCollection } from './charts';
import { ClientCollection, ClientObject } from './client-object';
import {
  FakeOfficeError,
  invalidArgument,
  invalidOperation,
  itemNotFound,
  notModelled,
  propertyNotLoaded,
} from './errors';
import { FakeRange } from './range';
import type { FakeRequestContext } from './request-context';
import {
  type Area,
  areaAddress,
  ExcelSheetState,
  type ExcelTableState,
  type ExcelWorkbookState,
  isInsideSheet,
  MAX_COLUMNS,
  MAX_ROWS,
  parseA1,
  usedArea,
} from './workbook-state';

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;

  constructor(private readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.tables = new FakeTableCollection(context, () => undefined);
  }

  /**
   * The selected range ("Workbook.getSelectedRange": "Gets the currently selected single range from the workbook.
   * If there are multiple ranges selected, this method will throw an error"); the fake has one selection or none
   * (then ItemNotFound at sync).
   */
  getSelectedRange(): FakeRange {
    let sheet: ExcelSheetState | undefined;
    const worksheet = new FakeWorksheet(this.context, () => sheet);
    return new FakeRange(this.context, worksheet, () => {
      const selection = this.context.state.selection;
      if (!selection || !this.context.state.sheets.includes(selection.sheet))
        throw itemNotFound('Workbook.getSelectedRange');
      sheet = selection.sheet;
      return selection.area;
    });
  }
}

export class FakeWorksheetCollection extends ClientCollection<FakeWorksheet> {
  protected loadItems(): FakeWorksheet[] {
    const state = this.context.state;
    return state.sheets.map(
      (sheet) => new FakeWorksheet(this.context, () => (state.sheets.includes(sheet) ? sheet : undefined)),
    );
  }

  /** "getItem ... throws an ItemNotFound exception" when there is no such sheet (application-specific API model). */
  getItem(name: string): FakeWorksheet {
    return FakeWorksheet.byName(this.context, name, false);
  }

  /** The *OrNullObject variant: isNullObject after the next sync instead of ItemNotFound. */
  getItemOrNullObject(name: string): FakeWorksheet {
    return FakeWorksheet.byName(this.context, name, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    let found: ExcelSheetState | undefined;
    const proxy = new FakeWorksheet(this.context, () => found);
    this.context.enqueue(() => {
      found = this.context.state.activeSheet;
      if (!found) throw itemNotFound('WorksheetCollection.getActiveWorksheet');
      proxy.markFound();
    });
    return proxy;
  }

  /**
   * Adds a sheet at sync time. Fails with ItemAlreadyExists for a name in use (names compare without case), with
   * InvalidArgument for a name Excel refuses (more than 31 characters or any of : \ / ? * [ ], Excel's rules in
   * "Rename a worksheet", https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9),
   * and when the workbook structure is protected ("Protect a workbook": users cannot add sheets) with
   * AccessDenied; the Office.js pages do not name that code.
   */
  add(name: string): FakeWorksheet {
    let created: ExcelSheetState | undefined;
    this.context.enqueue(() => {
      const state = this.context.state;
      if (state.structureProtected)
        throw new FakeOfficeError(
          'AccessDenied',
          'The workbook is protected: you cannot add a sheet.',
          'WorksheetCollection.add',
        );
      if (state.sheet(name))
        throw new FakeOfficeError(
          'ItemAlreadyExists',
          `A sheet named "${name}" already exists.`,
          'WorksheetCollection.add',
        );
      if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name))
        throw invalidArgument(`bad sheet name ${name}`, 'WorksheetCollection.add');
      created = new ExcelSheetState(name);
      state.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => created);
  }
}

export class FakeWorksheet extends ClientObject {
  readonly charts: FakeChartCollection;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly tables: FakeTableCollection;

  constructor(
    context: FakeRequestContext,
    /** The sheet this proxy stands for, as of the operation running now (undefined = not found). */
    readonly resolve: () => ExcelSheetState | undefined,
  ) {
    super(context);
    this.charts = new FakeChartCollection(context, this);
    this.freezePanes = new FakeFreezePanes(context, this);
    this.pageLayout = new FakePageLayout(context, this);
    this.tables = new FakeTableCollection(context, () => this.sheet());
  }

  static byName(context: FakeRequestContext, name: string, nullable: boolean): FakeWorksheet {
    let found: ExcelSheetState | undefined;
    const proxy = new FakeWorksheet(context, () => found);
    context.enqueue(() => {
      found = context.state.sheet(name);
      if (!found && !nullable) throw itemNotFound('WorksheetCollection.getItem');
      proxy.setNullState(!found);
    });
    return proxy;
  }

  loadProperty(property: string): unknown {
    if (property === 'name') return this.sheet().name;
    if (property === 'visibility') return this.sheet().visibility;
    throw notModelled(`loading Worksheet.${property}`);
  }

  /** The sheet, or ItemNotFound: the operation runs at sync time. */
  sheet(): ExcelSheetState {
    const sheet = this.resolve();
    if (!sheet) throw itemNotFound('Worksheet');
    return sheet;
  }

  get name(): string {
    return this.read('name');
  }

  get visibility(): 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.read('visibility');
  }

  /**
   * Worksheet.visibility, "the visibility of the worksheet" (Visible, Hidden, VeryHidden), set without loading it.
   * Excel keeps one sheet visible: hiding the last visible sheet fails (InvalidOperation here; the page does not
   * name the code).
   */
  set visibility(value: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.context.enqueue(() => {
      const sheet = this.sheet();
      const othersVisible = this.context.state.sheets.some(
        (other) => other !== sheet && other.visibility === 'Visible',
      );
      if (value !== 'Visible' && !othersVisible)
        throw invalidOperation('A workbook must keep at least one visible sheet.', 'Worksheet.visibility');
      sheet.visibility = value;
    });
  }

  /** "If not specified, the entire worksheet range is returned." (Worksheet.getRange TSDoc). */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this, () =>
      address === undefined ? { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } : parseA1(address),
    );
  }

  /** A range by 0-based indexes; InvalidArgument at sync when it does not fit in the sheet. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const area = { row: startRow, column: startColumn, rows: rowCount, columns: columnCount };
    return new FakeRange(this.context, this, () => {
      if (!isInsideSheet(area))
        throw invalidArgument(
          `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`,
          'Worksheet.getRangeByIndexes',
        );
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

/**
 * Worksheet.pageLayout (ExcelApi 1.9), the properties the add-in sets, write-only here. From the PageLayout
 * reference (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout): orientation is "Portrait" or
 * "Landscape"; zoom "must be set as a JSON object (use x.zoom = {...} instead of x.zoom.scale = ...)", its
 * fit-to-pages counts whole numbers and its scale "between 10 and 400"; setPrintTitleRows: "The range must span the
 * entire row to be valid". A value outside these fails with InvalidArgument at sync.
 */
export class FakePageLayout {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {}

  get orientation(): string {
    throw propertyNotLoaded('orientation');
  }

  set orientation(value: string) {
    this.context.enqueue(() => {
      if (value !== 'Portrait' && value !== 'Landscape')
        throw invalidArgument(`orientation ${value}`, 'PageLayout.orientation');
      this.worksheet.sheet().pageLayout.orientation = value;
    });
  }

  get zoom(): object {
    throw propertyNotLoaded('zoom');
  }

  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number | null }) {
    this.context.enqueue(() => {
      const whole = (count: unknown) =>
        count === undefined || count === null || (Number.isInteger(count) && (count as number) >= 0);
      const scale = value?.scale;
      if (
        typeof value !== 'object' ||
        value === null ||
        !whole(value.horizontalFitToPages) ||
        !whole(value.verticalFitToPages) ||
        !(scale === undefined || scale === null || (scale >= 10 && scale <= 400))
      )
        throw invalidArgument(`zoom ${JSON.stringify(value)}`, 'PageLayout.zoom');
      this.worksheet.sheet().pageLayout.zoom = { ...value };
    });
  }

  setPrintTitleRows(rows: string): void {
    this.context.enqueue(() => {
      if (typeof rows !== 'string' || !/^\$?[1-9]\d*:\$?[1-9]\d*$/.test(rows))
        throw invalidArgument(`setPrintTitleRows(${String(rows)})`, 'PageLayout.setPrintTitleRows');
      this.worksheet.sheet().pageLayout.printTitleRows = rows;
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
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS)
        throw invalidArgument(`freezeRows(${count})`, 'WorksheetFreezePanes.freezeRows');
      this.worksheet.sheet().frozenRows = count;
    });
  }

  unfreeze(): void {
    this.context.enqueue(() => {
      this.worksheet.sheet().frozenRows = 0;
    });
  }
}

export class FakeNamedItemCollection {
  constructor(private readonly context: FakeRequestContext) {}

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name, false);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name, true);
  }
}

type NamedTarget = ExcelWorkbookState['names'] extends Map<string, infer T> ? T : never;

export class FakeNamedItem extends ClientObject {
  private found: NamedTarget | undefined;

  constructor(
    context: FakeRequestContext,
    readonly itemName: string,
    nullable: boolean,
  ) {
    super(context);
    context.enqueue(() => {
      const key = [...context.state.names.keys()].find(
        (name) => name.toLowerCase() === itemName.toLowerCase(),
      );
      this.found = key === undefined ? undefined : context.state.names.get(key);
      if (!this.found && !nullable) throw itemNotFound('NamedItemCollection.getItem');
      this.setNullState(this.found === undefined);
    });
  }

  private named(): NamedTarget {
    if (!this.found) throw itemNotFound('NamedItem');
    return this.found;
  }

  loadProperty(property: string): unknown {
    const named = this.named();
    if (property === 'type') return 'constant' in named ? 'Double' : 'Range';
    if (property === 'value')
      return 'constant' in named ? named.constant : `=${areaAddress(named.sheet.name, named.area)}`;
    if (property === 'name') return this.itemName;
    throw notModelled(`loading NamedItem.${property}`);
  }

  get type(): string {
    return this.read('type');
  }

  get value(): unknown {
    return this.read('value');
  }

  /** "NamedItem.getRange: Returns the range object that is associated with the name. Throws an error if the named
   * item's type isn't a range." (TSDoc); the code is not documented: InvalidOperation. */
  getRange(): FakeRange {
    let sheet: ExcelSheetState | undefined;
    const worksheet = new FakeWorksheet(this.context, () => sheet);
    return new FakeRange(this.context, worksheet, () => {
      const named = this.named();
      if ('constant' in named)
        throw invalidOperation(`The name ${this.itemName} does not refer to a range.`, 'NamedItem.getRange');
      sheet = named.sheet;
      return named.area;
    });
  }
}

/** The tables of the workbook (no sheet) or of one sheet. */
export class FakeTableCollection extends ClientCollection<FakeTable> {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: () => ExcelSheetState | undefined,
  ) {
    super(context);
  }

  protected loadItems(): FakeTable[] {
    const sheet = this.sheet();
    return this.context.state.tables
      .filter((table) => sheet === undefined || table.sheet === sheet)
      .map((table) => new FakeTable(this.context, table));
  }
}

export class FakeTable extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly table: ExcelTableState,
  ) {
    super(context);
  }

  loadProperty(property: string): unknown {
    if (property === 'name') return this.table.name;
    if (property === 'showTotals') return this.table.showTotals ?? false;
    throw notModelled(`loading Table.${property}`);
  }

  get name(): string {
    return this.read('name');
  }

  get showTotals(): boolean {
    return this.read('showTotals');
  }

  /** The whole table: header, data and total rows. */
  getRange(): FakeRange {
    const worksheet = new FakeWorksheet(this.context, () => this.table.sheet);
    const area: Area = this.table.area;
    return new FakeRange(this.context, worksheet, () => area);
  }
}
