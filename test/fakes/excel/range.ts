// Excel.Range in the fake host: where it is resolved at sync time, what it loads (values, formulas, number
// formats, address, indexes), how its values, formulas and number formats are written (shape-checked, typed
// input rules), formats, merges, clearing and used ranges.

import { ClientObject, jsonBytes, writeOnlyProxy } from './client-object';
import { FakeOfficeError, invalidArgument, itemNotFound, notModelled, propertyNotLoaded } from './errors';
import type { FakeRequestContext } from './request-context';
import type { FakeWorksheet } from './workbook';
import {
  type Area,
  areaAddress,
  type CellValue,
  type ExcelCellState,
  type ExcelSheetState,
  MAX_COLUMNS,
  overlaps,
  READ_CELL_LIMIT,
  usedArea,
  within,
  writeTypedValue,
} from './workbook-state';

/** The most cells the fake will format or fill one by one (a whole sheet is not modelled). */
const MAX_CELLS_WRITTEN = 1_000_000;

/** Excel.HorizontalAlignment. */
const HORIZONTAL_ALIGNMENTS = new Set([
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
]);

/** Excel.VerticalAlignment. */
const VERTICAL_ALIGNMENTS = new Set(['Top', 'Center', 'Bottom', 'Justify', 'Distributed']);
/** Excel's tallest row, in points (a taller rowHeight fails). */
const MAX_ROW_HEIGHT = 409;

/** A grid written to a range, read cell by cell: `null` leaves the cell unchanged. */
type GridInput = (row: number, column: number) => CellValue | null;

/**
 * The shape rule of `values`, `formulas` and `numberFormat` writes, checked at sync against the range:
 * - a 2-D array of exactly the range's rows × columns ("Set values for a range of cells" writes `[[...]]` of the
 *   range's size, "Set and get range values, text, or formulas",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values); anything else fails
 *   with InvalidArgument ("The number of rows or columns in the input array doesn't match the size or dimensions
 *   of the range", Excel's message);
 * - or one value for the whole range: "To apply the same update to all cells in a range ... set the corresponding
 *   property on range object to the desired (single) value." ("Update all cells in a range", "Excel JavaScript
 *   API advanced concepts", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-advanced-concepts);
 * - `null` inside the array leaves that cell as it is, `null` for the whole property is invalid ("null input in
 *   2-D Array" and "null input for a property", "Blank and null values in Excel add-ins",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values);
 * - each cell is a string, a number or a boolean (`Range.values` TSDoc: "The data returned could be a string,
 *   number, or Boolean"); anything else (an object, undefined, NaN) fails with InvalidArgument.
 */
export function checkGridInput(input: unknown, area: Area, location: string): GridInput {
  const isCell = (value: unknown): value is CellValue =>
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value));
  if (input === null || input === undefined) throw invalidArgument(`${location} cannot be null`, location);
  if (!Array.isArray(input)) {
    if (!isCell(input)) throw invalidArgument(`${location}: ${String(input)} is not a cell value`, location);
    return () => input;
  }
  if (input.length !== area.rows || input.some((row) => !Array.isArray(row) || row.length !== area.columns))
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${area.rows}×${area.columns}).`,
      location,
    );
  const grid = input as unknown[][];
  for (const row of grid)
    for (const value of row)
      if (value !== null && !isCell(value))
        throw invalidArgument(`${location}: ${String(value)} is not a cell value`, location);
  return (row, column) => (grid[row]?.[column] ?? null) as CellValue | null;
}

export class FakeRange extends ClientObject {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: { clearAll(): void };
  private area: Area | null | undefined;

  constructor(
    context: FakeRequestContext,
    /** `Range.worksheet`: a navigation property, the same proxy each time. */
    readonly worksheet: FakeWorksheet,
    areaAtSync: () => Area | null,
    nullable = false,
  ) {
    super(context);
    context.enqueue(() => {
      this.area = areaAtSync();
      if (this.area) worksheet.sheet();
      else if (!nullable) throw itemNotFound('Range');
      // isNullObject: "Office automatically loads this property when context.sync is called" (application-specific
      // API model, *OrNullObject methods and properties): false for any object the sync found.
      this.setNullState(this.area === null);
    });
    this.format = new FakeRangeFormat(context, this);
    this.conditionalFormats = {
      clearAll: () =>
        context.enqueue(() => {
          this.target().sheet.conditionalFormats = 0;
        }),
    };
  }

  /** The sheet and area this range stands for, at sync time; ItemNotFound for a null object. */
  target(): { sheet: ExcelSheetState; area: Area } {
    if (!this.area) throw itemNotFound('Range');
    return { sheet: this.worksheet.sheet(), area: this.area };
  }

  loadProperty(property: string): unknown {
    const { sheet, area } = this.target();
    switch (property) {
      case 'values':
        // "a blank property value in the response ... indicates that cell contains no data" (blank and null values).
        return readGrid(sheet, area, (cell) => cell?.value ?? '');
      case 'formulas':
        return readGrid(sheet, area, (cell) => cell?.formula ?? cell?.value ?? '');
      case 'numberFormat':
        return readGrid(sheet, area, (cell) => cell?.numberFormat ?? 'General');
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
        throw notModelled(`loading Range.${property}`);
    }
  }

  get values(): CellValue[][] {
    return this.read('values');
  }

  /** Queues a values write: shape-checked, then stored as typed input (see writeTypedValue). */
  set values(values: unknown) {
    this.queueGridWrite('values', values, (cell, value) => writeTypedValue(cell, value));
  }

  get formulas(): CellValue[][] {
    return this.read('formulas');
  }

  /** Queues a formulas write: "=…" is stored as a formula, anything else as a value would be. */
  set formulas(formulas: unknown) {
    this.queueGridWrite('formulas', formulas, (cell, value) => {
      if (typeof value === 'string' && value.startsWith('=')) {
        cell.formula = value;
        cell.value = '#NAME?';
      } else writeTypedValue(cell, value);
    });
  }

  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }

  /** Queues a number format write; '' resets to General ("Blank input for a property", blank and null values). */
  set numberFormat(formats: unknown) {
    this.queueGridWrite('numberFormat', formats, (cell, format) => {
      if (typeof format !== 'string') throw invalidArgument(`number format ${format}`, 'Range.numberFormat');
      cell.numberFormat = format === '' ? 'General' : format;
    });
  }

  get rowIndex(): number {
    return this.read('rowIndex');
  }

  get columnIndex(): number {
    return this.read('columnIndex');
  }

  get rowCount(): number {
    return this.read('rowCount');
  }

  get columnCount(): number {
    return this.read('columnCount');
  }

  get address(): string {
    return this.read('address');
  }

  private queueGridWrite(
    property: 'values' | 'formulas' | 'numberFormat',
    input: unknown,
    store: (cell: ExcelCellState, value: CellValue) => void,
  ): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      const at = checkGridInput(input, area, `Range.${property}`);
      this.context.state.writes.push({
        property,
        sheet: sheet.name,
        address: areaAddress(sheet.name, area),
        run: this.context.run,
      });
      forEachCell(area, (r, c) => {
        const value = at(r - area.row, c - area.column);
        if (value !== null) store(sheet.ensure(r, c), value);
      });
    }, jsonBytes(input));
  }

  /** Applies `change` to every cell of the range (creating the cells). */
  eachCell(change: (cell: ExcelCellState) => void): void {
    const { sheet, area } = this.target();
    forEachCell(area, (r, c) => change(sheet.ensure(r, c)));
  }

  /**
   * `Range.getUsedRangeOrNullObject`: the used cells inside this range; "If there are no used cells within the
   * range, then this method returns an object with its isNullObject property set to true." (TSDoc).
   */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      this.worksheet,
      () => {
        const { sheet, area } = this.target();
        return usedArea(sheet, valuesOnly, area);
      },
      true,
    );
  }

  /** Merges the range; a range overlapping a merged area fails with InvalidArgument (as the old fakes did). */
  merge(across = false): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      if (across) throw notModelled('merge(across)');
      if (sheet.merges.some((merge) => overlaps(merge, area)))
        throw invalidArgument('the range overlaps a merged area', 'Range.merge');
      sheet.merges.push(area);
    });
  }

  unmerge(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      sheet.merges = sheet.merges.filter((merge) => !overlaps(merge, area));
    });
  }

  /** `Range.clear(applyTo)`: All (the default), Formats or Contents. */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      if (applyTo !== 'All' && applyTo !== 'Formats' && applyTo !== 'Contents')
        throw notModelled(`clear(${applyTo})`);
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

function forEachCell(area: Area, visit: (row: number, column: number) => void): void {
  if (area.rows * area.columns > MAX_CELLS_WRITTEN)
    throw notModelled(`writing cell by cell to ${area.rows * area.columns} cells`);
  for (let r = area.row; r < area.row + area.rows; r++)
    for (let c = area.column; c < area.column + area.columns; c++) visit(r, c);
}

/**
 * A grid of one property of every cell of `area`. "A range is limited to 5,000,000 cells for read operations."
 * ("Resource limits and performance optimization for Office Add-ins", Excel add-ins,
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins):
 * the page names no error code; ResponsePayloadSizeLimitExceeded is used, as the payload limit on the same page.
 */
function readGrid<T>(sheet: ExcelSheetState, area: Area, of: (cell: ExcelCellState | undefined) => T): T[][] {
  if (area.rows * area.columns > READ_CELL_LIMIT)
    throw new FakeOfficeError(
      'ResponsePayloadSizeLimitExceeded',
      `A range is limited to ${READ_CELL_LIMIT} cells for read operations (${area.rows * area.columns}).`,
      'Range.load',
    );
  return Array.from({ length: area.rows }, (_, r) =>
    Array.from({ length: area.columns }, (_, c) => of(sheet.cell(area.row + r, area.column + c))),
  );
}

export class FakeRangeFormat {
  readonly fill: { color: string };
  readonly font: { bold: boolean; italic: boolean; color: string; size: number };

  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    const eachCell = (change: (cell: ExcelCellState) => void) => range.eachCell(change);
    this.fill = writeOnlyProxy(context, 'RangeFill', {
      color: (color: string) =>
        eachCell((cell) => {
          cell.fill = color;
        }),
    });
    this.font = writeOnlyProxy(context, 'RangeFont', {
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

  /** One of Excel.HorizontalAlignment, else InvalidArgument at sync. */
  set horizontalAlignment(alignment: string) {
    this.align('horizontalAlignment', HORIZONTAL_ALIGNMENTS, alignment);
  }

  get verticalAlignment(): string {
    throw propertyNotLoaded('verticalAlignment');
  }

  /** One of Excel.VerticalAlignment, else InvalidArgument at sync. */
  set verticalAlignment(alignment: string) {
    this.align('verticalAlignment', VERTICAL_ALIGNMENTS, alignment);
  }

  /** Sets an alignment on every cell at sync; one Excel does not have fails with InvalidArgument. */
  private align(
    property: 'horizontalAlignment' | 'verticalAlignment',
    allowed: ReadonlySet<string>,
    alignment: string,
  ): void {
    this.context.enqueue(() => {
      if (!allowed.has(alignment))
        throw invalidArgument(`${property} ${alignment}`, `RangeFormat.${property}`);
      this.range.eachCell((cell) => {
        cell[property] = alignment;
      });
    });
  }

  get rowHeight(): number {
    throw propertyNotLoaded('rowHeight');
  }

  /**
   * RangeFormat.rowHeight (ExcelApi 1.2), "the height of all rows in the range", in points; a negative, non-number
   * or taller than Excel's 409 points fails with InvalidArgument.
   */
  set rowHeight(points: number) {
    this.context.enqueue(() => {
      if (typeof points !== 'number' || !(points >= 0) || points > MAX_ROW_HEIGHT)
        throw invalidArgument(`rowHeight ${points}`, 'RangeFormat.rowHeight');
      const { sheet, area } = this.range.target();
      if (area.rows > MAX_CELLS_WRITTEN) throw notModelled(`rowHeight on ${area.rows} rows`);
      for (let r = area.row; r < area.row + area.rows; r++) sheet.rowHeights.set(r, points);
    });
  }

  get useStandardHeight(): boolean {
    throw propertyNotLoaded('useStandardHeight');
  }

  /**
   * RangeFormat.useStandardHeight (ExcelApi 1.7): true puts the range's rows back to the standard height; "This
   * property is only intended to be set to true. Setting it to false has no effect."
   */
  set useStandardHeight(standard: boolean) {
    this.context.enqueue(() => {
      if (standard !== true) return;
      const { sheet, area } = this.range.target();
      for (const row of [...sheet.rowHeights.keys()])
        if (row >= area.row && row < area.row + area.rows) sheet.rowHeights.delete(row);
    });
  }

  get columnWidth(): number {
    throw propertyNotLoaded('columnWidth');
  }

  /** The width of the range's columns in points; a negative or non-number width fails with InvalidArgument. */
  set columnWidth(points: number) {
    this.context.enqueue(() => {
      if (typeof points !== 'number' || !(points >= 0))
        throw invalidArgument(`columnWidth ${points}`, 'RangeFormat.columnWidth');
      const { sheet, area } = this.range.target();
      for (let c = area.column; c < area.column + area.columns; c++) sheet.columnWidths.set(c, points);
    });
  }
}
