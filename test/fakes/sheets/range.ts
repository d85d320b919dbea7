// A fake of the Spreadsheet service's Range: 1-based areas, getValues/setValues with exact shapes, number formats
// and formats, merges. Values are stored the way Sheets stores what a script writes.
//
// Range reference — https://developers.google.com/apps-script/reference/spreadsheet/range:
// - getValues(): "a two-dimensional array of values, indexed by row, then by column. The values may be of type
//   Number, Boolean, Date, or String ... Empty cells are represented by an empty string";
// - setValue(value): "The value can be numeric, string, boolean or date. If it begins with '=' it is interpreted as
//   a formula" — so "=..." is a formula whatever the cell's number format; setValues(values): "The dimensions of
//   the values must match the dimensions of the range", else "The number of rows in the data does not match the
//   number of rows in the range. The data has X but the range has Y." (and the same for columns);
// - what Sheets does with typed-in text (as setValues does): numeric text becomes a number unless the cell is
//   formatted as plain text ("@"); "+" "-" "@" in front of non-numeric text make a formula (shown as #ERROR!)
//   unless the cell is text-formatted; a leading apostrophe keeps the rest as text and is not stored.

import { overlaps } from '../areas';
import type { FakeSheet, SheetsHost } from './spreadsheet';

/** One stored cell. */
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
  verticalAlignment: string | null;
}

export const emptyCell = (): SheetsCellState => ({
  value: '',
  numberFormat: 'General',
  background: null,
  fontColor: null,
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  horizontalAlignment: null,
  verticalAlignment: null,
});

/** A 1-based block of cells. */
export interface SheetsArea {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let text = '';
  let rest = column;
  while (rest > 0) {
    text = String.fromCharCode(65 + ((rest - 1) % 26)) + text;
    rest = Math.floor((rest - 1) / 26);
  }
  return text;
}

/** "A1" or "A1:B2" as an area; undefined when it is not A1 notation. */
export function parseA1Area(a1: string): SheetsArea | undefined {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
  if (!match) return undefined;
  const column = (text: string) =>
    [...text.toUpperCase()].reduce((value, char) => value * 26 + char.charCodeAt(0) - 64, 0);
  const r1 = Number(match[2]);
  const c1 = column(match[1] ?? 'A');
  const r2 = match[4] ? Number(match[4]) : r1;
  const c2 = match[3] ? column(match[3]) : c1;
  const row = Math.min(r1, r2);
  const first = Math.min(c1, c2);
  return { row, column: first, rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

export { overlaps };

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/** Stores `input` in `cell` as Sheets stores a value a script writes (see the header comment). */
export function storeValue(cell: SheetsCellState, input: unknown): void {
  delete cell.formula;
  if (input === null || input === undefined || input === '') cell.value = '';
  else if (typeof input === 'number' || typeof input === 'boolean') cell.value = input;
  else if (isDate(input)) cell.value = new Date(input.getTime());
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
}

export class FakeRange {
  constructor(
    private readonly host: SheetsHost,
    readonly sheet: FakeSheet,
    readonly area: SheetsArea,
  ) {}

  /** "Sheet!A1:B2" (always with both corners): how the call log names the cells a call touched. */
  get label(): string {
    const { row, column, rows, columns } = this.area;
    return `${this.sheet.name}!${columnLetters(column)}${row}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
  }

  private read(method: string): void {
    this.host.record(`Range.${method}`, { a1: this.label });
  }

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
    this.host.record(`Range.${method}`, { a1: this.label, changes: true });
    const { row, column, rows, columns } = this.area;
    if (!Array.isArray(grid) || grid.length !== rows)
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid?.length} but the range has ${rows}.`,
      );
    for (const line of grid)
      if (!Array.isArray(line) || line.length !== columns)
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line?.length} but the range has ${columns}.`,
        );
    grid.forEach((line: readonly T[], r) => {
      line.forEach((value: T, c) => {
        apply(this.sheet.ensure(row + r, column + c), value);
      });
    });
    return this;
  }

  private fill<T>(value: T): T[][] {
    return Array.from({ length: this.area.rows }, () =>
      Array.from({ length: this.area.columns }, () => value),
    );
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

  getLastRow(): number {
    return this.area.row + this.area.rows - 1;
  }

  getLastColumn(): number {
    return this.area.column + this.area.columns - 1;
  }

  getSheet(): FakeSheet {
    return this.sheet;
  }

  /** Like Sheets: "B3" for one cell, "B3:F6" otherwise, without the sheet name. */
  getA1Notation(): string {
    const { row, column, rows, columns } = this.area;
    const first = `${columnLetters(column)}${row}`;
    return rows === 1 && columns === 1
      ? first
      : `${first}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
  }

  getValues(): unknown[][] {
    this.read('getValues');
    return this.grid((cell) => (isDate(cell?.value) ? new Date(cell.value.getTime()) : (cell?.value ?? '')));
  }

  getValue(): unknown {
    this.read('getValue');
    const value = this.sheet.cell(this.area.row, this.area.column)?.value ?? '';
    return isDate(value) ? new Date(value.getTime()) : value;
  }

  getFormulas(): string[][] {
    this.read('getFormulas');
    return this.grid((cell) => cell?.formula ?? '');
  }

  getNumberFormats(): string[][] {
    this.read('getNumberFormats');
    return this.grid((cell) => cell?.numberFormat ?? 'General');
  }

  setValues(values: readonly (readonly unknown[])[]): this {
    return this.write('setValues', values, storeValue);
  }

  setValue(value: unknown): this {
    return this.write('setValue', this.fill(value), storeValue);
  }

  setNumberFormat(format: string): this {
    return this.write('setNumberFormat', this.fill(format), (cell, value) => {
      cell.numberFormat = value;
    });
  }

  setNumberFormats(formats: readonly (readonly string[])[]): this {
    return this.write('setNumberFormats', formats, (cell, format) => {
      cell.numberFormat = format;
    });
  }

  setFormula(): never {
    throw new Error('fake Sheets: setFormula is not modelled (the add-in never writes formulas: DESIGN §7b)');
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

  /**
   * Range.setVerticalAlignments (https://developers.google.com/apps-script/reference/spreadsheet/range): "the
   * alignments are (top, middle or bottom); a null value resets the alignment". Anything else fails here.
   */
  setVerticalAlignments(alignments: readonly (readonly (string | null)[])[]): this {
    return this.write('setVerticalAlignments', alignments, (cell, alignment) => {
      if (alignment !== null && !['top', 'middle', 'bottom'].includes(alignment))
        throw new Error(`Invalid vertical alignment: ${alignment}`);
      cell.verticalAlignment = alignment;
    });
  }

  /** Range.merge: "You must select all cells in a merged range to merge or unmerge them." on a partial overlap. */
  merge(): this {
    this.host.record('Range.merge', { a1: this.label, changes: true });
    if (this.sheet.merges.some((merge) => overlaps(merge, this.area)))
      throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    this.sheet.merges.push(this.area);
    return this;
  }

  breakApart(): this {
    this.host.record('Range.breakApart', { a1: this.label, changes: true });
    this.sheet.merges = this.sheet.merges.filter((merge) => !overlaps(merge, this.area));
    return this;
  }
}
