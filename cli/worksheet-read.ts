// Reads one worksheet's XML into a grid of core Cells: a linear scan of the `<row>` and `<c>` start tags,
// character by character, with cell contents skipped to `</c>`; no DOM.

import type { Cell } from '../core/cells';
import type { CellFormat } from '../core/workbook';
import { attributesOf, decodeCellText, decodeXml, findElements, PREFIX, richText } from './ooxml';
import { PackageError } from './zip';

/** Excel's sheet limits; cells addressed beyond them are ignored as corrupt. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Rows are padded to a rectangle when that allocates at most this many cells (or 4× the values). */
const DENSE_CELL_BUDGET = 4_000_000;
/** Days between the 1904 and 1900 date systems. */
export const DATE_1904_OFFSET = 1462;

/**
 * Most values one workbook may hold, counting each cell with a value and each distinct text of its shared-string
 * table (cli/shared-strings.ts) once, as each costs about as much memory: a million rows of 20 columns of numbers
 * and repeated labels. Past it the workbook is refused with one line instead of running out of memory: a risk
 * register of 20 million cells (351 MB of XML) is read, inspected and given its dashboard in a 2 GB heap (2.1 GB
 * peak RSS), Node's default heap on an 8 GB machine, while the zip limits alone (cli/zip.ts) let one 500 MB part
 * hold 28 million short cells (3.3 GB; two such parts 3.8 GB, at the end of a 4 GB heap) or a 3 MB file list
 * 24 million texts (a 2 GB heap ran out).
 */
export const MAX_CELLS = 20_000_000;

/** What is left of a workbook's {@link MAX_CELLS} as its shared strings, then its sheets in order, are read. */
export class CellBudget {
  /** Values that may still be read. */
  left: number;
  /** What is being read, for the message: `its table of distinct texts`, `sheet "Data"`. */
  place = 'its table of distinct texts';

  /**
   * @param counting what counts as a value, for the message (a CSV file has no table of distinct texts)
   */
  constructor(
    readonly limit: number = MAX_CELLS,
    readonly counting = 'counting each cell with a value and each distinct text once',
  ) {
    this.left = limit;
  }

  /** Takes one value, or refuses the workbook at the one that passes the limit (at `row` of a sheet). */
  take(row?: number): void {
    if (--this.left >= 0) return;
    throw new PackageError(
      `too large to read: the workbook holds more than ${this.limit.toLocaleString('en-US')} values (the limit, ` +
        `${this.counting}; passed in ${this.place}` +
        `${row === undefined ? '' : ` at row ${row.toLocaleString('en-US')}`})`,
    );
  }
}

/** What reading cells needs beyond the sheet: the shared strings and, for 1904-system files, date styles. */
export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: readonly boolean[];
  /** Each style's number format code (undefined for General): numbers keep theirs (see {@link MAX_NUMBER_FORMATS}). */
  readonly formatCodes: readonly (string | undefined)[];
  readonly date1904: boolean;
  /** What is left of the workbook's limit on values, shared by its sheets. */
  readonly cells: CellBudget;
}

/**
 * How many formatted numbers of a sheet keep their number format, in the order written (top rows first): enough for
 * the first rows of every money column, which is what the dashboard reads them for (core/dashboard/money.ts).
 */
const MAX_NUMBER_FORMATS = 5_000;

const VALUE = new RegExp(`<(${PREFIX})v(?:\\s[^>]*)?>([\\s\\S]*?)</\\1v>`);
const INLINE_STRING = new RegExp(`<(${PREFIX})is(?:\\s[^>]*)?>([\\s\\S]*?)</\\1is>`);

// Character codes for the cell scanner.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const APOSTROPHE = 39;
const SLASH = 47;
const COLON = 58;
const EQUALS = 61;
const MINUS = 45;
const POINT = 46;
const GT = 62;

const isNameEnd = (code: number): boolean =>
  code === SPACE || code === GT || code === SLASH || code === TAB || code === LF || code === CR;

/** A whole number written in xml[from, to), or -1 when it is not one. */
function integerAt(xml: string, from: number, to: number): number {
  if (from >= to) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = xml.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The attributes of a `<c>` or `<row>` start tag that the reader uses, read from xml[from, to). */
class TagAttributes {
  refStart = -1;
  refEnd = -1;
  type: string | undefined = undefined;
  style = -1;

  read(xml: string, from: number, to: number): this {
    this.refStart = -1;
    this.refEnd = -1;
    this.type = undefined;
    this.style = -1;
    let i = from;
    while (i < to) {
      const code = xml.charCodeAt(i);
      if (code === SPACE || code === TAB || code === LF || code === CR || code === SLASH) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < to && xml.charCodeAt(i) !== EQUALS && !isNameEnd(xml.charCodeAt(i))) i++;
      const nameLength = i - nameStart;
      while (i < to && xml.charCodeAt(i) !== QUOTE && xml.charCodeAt(i) !== APOSTROPHE) i++;
      if (i >= to) break;
      const valueStart = i + 1;
      const valueEnd = xml.indexOf(xml.charCodeAt(i) === QUOTE ? '"' : "'", valueStart);
      if (valueEnd < 0 || valueEnd > to) break;
      if (nameLength === 1) {
        const name = xml.charCodeAt(nameStart);
        if (name === 114 /* r */) {
          this.refStart = valueStart;
          this.refEnd = valueEnd;
        } else if (name === 116 /* t */) {
          this.type = xml.slice(valueStart, valueEnd);
        } else if (name === 115 /* s */) {
          this.style = integerAt(xml, valueStart, valueEnd);
        }
      }
      i = valueEnd + 1;
    }
    return this;
  }
}

/** Serial of an ISO 8601 date cell (`t="d"`), time of day kept as the fraction. */
function serialFromIso(text: string): number | undefined {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
  return Number.isFinite(ms) ? ms / 86_400_000 + 25569 : undefined;
}

/** The powers of ten a double holds exactly, 10^0 … 10^22 (parsed, so each is the exact double). */
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The number written in xml[from, to) when it is plain decimal digits (at most 15), with an optional minus sign and
 * point, as Excel writes nearly every value: read in place, without slicing the text out. The digits make an integer
 * and the point a power of ten that doubles hold exactly, so their quotient is rounded once and is the double
 * `Number()` gives (Clinger's fast path). Undefined for anything else (an exponent, spaces), read by `Number()`.
 */
function plainNumberAt(xml: string, from: number, to: number): number | undefined {
  let i = from;
  const negative = xml.charCodeAt(i) === MINUS;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const code = xml.charCodeAt(i);
    if (code === POINT && decimals < 0) {
      decimals = 0;
      continue;
    }
    const digit = code - 48;
    if (digit < 0 || digit > 9) return undefined;
    mantissa = mantissa * 10 + digit;
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (digits === 0 || digits > 15) return undefined;
  const value = decimals > 0 ? mantissa / (EXACT_POWERS[decimals] ?? 1) : mantissa;
  return negative ? -value : value;
}

/** Where the text of a cell's `<v>` element lies in the sheet's XML: [from, to). Reused cell after cell. */
class ValueText {
  from = 0;
  to = 0;

  /** Finds the `<v>` element in xml[from, to) (a `<c>` element's content); false when the cell has none. */
  find(xml: string, from: number, to: number, prefix: string): boolean {
    const open = prefix === '' ? '<v>' : `<${prefix}v>`;
    const start = xml.indexOf(open, from);
    if (start >= 0 && start < to) {
      const close = xml.indexOf(prefix === '' ? '</v>' : `</${prefix}v>`, start);
      if (close < 0 || close >= to) return false;
      this.from = start + open.length;
      this.to = close;
      return true;
    }
    // Rare: a <v> element with attributes (xml:space).
    const match = VALUE.exec(xml.slice(from, to));
    if (!match) return false;
    this.to = from + match.index + match[0].length - (match[1] ?? '').length - 4;
    this.from = this.to - (match[2] ?? '').length;
    return true;
  }
}

/** The value of a cell from its type, style and the text of its `<v>` element, xml[from, to). */
function cellValue(
  type: string | undefined,
  style: number,
  xml: string,
  from: number,
  to: number,
  context: SheetContext,
): Cell {
  switch (type) {
    case 's': {
      const text = context.sharedStrings[integerAt(xml, from, to)];
      return text === undefined || text === '' ? null : text;
    }
    case 'str': {
      const text = decodeCellText(xml.slice(from, to));
      return text === '' ? null : text;
    }
    case 'b': {
      const raw = xml.slice(from, to).trim();
      return raw === '1' || raw.toLowerCase() === 'true';
    }
    case 'e':
      return { kind: 'cell-error', text: decodeXml(xml.slice(from, to)).trim() };
    case 'd':
      return serialFromIso(xml.slice(from, to).trim()) ?? null;
    default: {
      let number = plainNumberAt(xml, from, to);
      if (number === undefined) {
        const raw = xml.slice(from, to);
        if (raw.trim() === '') return null;
        number = Number(raw);
        if (!Number.isFinite(number)) return { kind: 'cell-error', text: '#NUM!' };
      }
      if (context.date1904 && style >= 0 && context.dateStyles[style] === true)
        return number + DATE_1904_OFFSET;
      return number;
    }
  }
}

/**
 * Reads the cells of one worksheet's XML into a grid that starts at the first used row. A linear scan:
 * `<row>` and `<c>` start tags are read character by character, cell contents are skipped to `</c>`.
 */
export function parseWorksheet(
  xml: string,
  context: SheetContext,
): { rows: readonly (readonly Cell[])[]; firstRow: number; merges: string[]; numberFormats?: CellFormat[] } {
  const numberFormats: CellFormat[] = [];
  const rowNumbers = new IntList();
  const columns = new IntList();
  const values: Cell[] = [];
  const open = new RegExp(`<(${PREFIX})sheetData(?=[\\s/>])([^>]*)>`, 'g');
  const start = open.exec(xml);
  let dataEnd = 0;
  if (start && !(start[2] ?? '').endsWith('/')) {
    const closeTag = `</${start[1] ?? ''}sheetData>`;
    // One sheetData per sheet, its end near the end of the part: searched from the end, not across every cell.
    const close = xml.lastIndexOf(closeTag);
    dataEnd = close < 0 ? xml.length : close;
    const attributes = new TagAttributes();
    const valueText = new ValueText();
    let row = 0;
    let column = -1;
    let pos = open.lastIndex;
    while (pos < dataEnd) {
      const lt = xml.indexOf('<', pos);
      if (lt < 0 || lt >= dataEnd) break;
      let nameEnd = lt + 1;
      let localStart = lt + 1;
      for (; nameEnd < dataEnd; nameEnd++) {
        const code = xml.charCodeAt(nameEnd);
        if (code === COLON) localStart = nameEnd + 1;
        else if (isNameEnd(code)) break;
      }
      const tagEnd = xml.indexOf('>', nameEnd);
      if (tagEnd < 0) break;
      pos = tagEnd + 1;
      const localLength = nameEnd - localStart;
      const first = xml.charCodeAt(localStart);
      if (localLength === 3 && first === 114 /* r */ && xml.startsWith('row', localStart)) {
        attributes.read(xml, nameEnd, tagEnd);
        const number = integerAt(xml, attributes.refStart, attributes.refEnd);
        row = number > 0 ? number : row + 1;
        column = -1;
        continue;
      }
      if (localLength !== 1 || first !== 99 /* c */) continue;
      attributes.read(xml, nameEnd, tagEnd);
      let cellRow = Math.max(row, 1);
      column++;
      if (attributes.refStart >= 0) {
        let letters = 0;
        let i = attributes.refStart;
        for (; i < attributes.refEnd; i++) {
          const code = xml.charCodeAt(i) & ~32;
          if (code < 65 || code > 90) break;
          letters = letters * 26 + (code - 64);
        }
        const number = integerAt(xml, i, attributes.refEnd);
        if (letters > 0 && number > 0) {
          column = letters - 1;
          cellRow = number;
        }
      }
      if (xml.charCodeAt(tagEnd - 1) === SLASH) continue;
      const prefix = localStart > lt + 1 ? xml.slice(lt + 1, localStart) : '';
      const cellClose = xml.indexOf(prefix === '' ? '</c>' : `</${prefix}c>`, pos);
      if (cellClose < 0) break;
      const contentStart = pos;
      pos = cellClose + prefix.length + 4;
      if (cellRow > MAX_ROWS || column >= MAX_COLUMNS) continue;
      let value: Cell;
      if (attributes.type === 'inlineStr') {
        const inline = INLINE_STRING.exec(xml.slice(contentStart, cellClose));
        const text = inline ? richText(inline[2] ?? '') : '';
        value = text === '' ? null : text;
      } else {
        value = valueText.find(xml, contentStart, cellClose, prefix)
          ? cellValue(attributes.type, attributes.style, xml, valueText.from, valueText.to, context)
          : null;
      }
      if (value === null) continue;
      if (typeof value === 'number' && attributes.style > 0 && numberFormats.length < MAX_NUMBER_FORMATS) {
        const code = context.formatCodes[attributes.style];
        if (code !== undefined) numberFormats.push({ row: cellRow, column, code });
      }
      context.cells.take(cellRow);
      rowNumbers.push(cellRow);
      columns.push(column);
      values.push(value);
    }
  }
  const merges = findElements(xml, 'mergeCell', dataEnd)
    .map((element) => attributesOf(element.attributes).get('ref') ?? '')
    .filter((ref) => ref !== '');
  return {
    ...toGrid(rowNumbers.items, columns.items, values),
    merges,
    ...(numberFormats.length > 0 ? { numberFormats } : {}),
  };
}

/**
 * A growing list of whole numbers in a typed array: the row and the column of each value of a sheet, millions of
 * them, without a JavaScript array's growth and write barriers. Only the first `length` items are used.
 */
class IntList {
  items = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(2 * this.length);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
}

/** One shared row for the empty rows of a sparse sheet. */
const EMPTY_ROW: readonly Cell[] = Object.freeze([]);

function toGrid(
  rowNumbers: ArrayLike<number>,
  columns: ArrayLike<number>,
  values: readonly Cell[],
): { rows: readonly (readonly Cell[])[]; firstRow: number } {
  if (values.length === 0) return { rows: [], firstRow: 1 };
  let firstRow = MAX_ROWS;
  let lastRow = 1;
  let lastColumn = 0;
  for (let i = 0; i < values.length; i++) {
    const row = rowNumbers[i] ?? 1;
    if (row < firstRow) firstRow = row;
    if (row > lastRow) lastRow = row;
    lastColumn = Math.max(lastColumn, columns[i] ?? 0);
  }
  const height = lastRow - firstRow + 1;
  const width = lastColumn + 1;
  const dense = height * width <= Math.max(DENSE_CELL_BUDGET, 4 * values.length);
  const rowWidths = new Int32Array(height);
  if (dense) rowWidths.fill(width);
  else
    for (let i = 0; i < values.length; i++) {
      const r = (rowNumbers[i] ?? firstRow) - firstRow;
      rowWidths[r] = Math.max(rowWidths[r] ?? 0, (columns[i] ?? 0) + 1);
    }
  const rows: Cell[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const rowWidth = rowWidths[r] ?? 0;
    rows[r] = rowWidth === 0 ? (EMPTY_ROW as Cell[]) : new Array<Cell>(rowWidth).fill(null);
  }
  for (let i = 0; i < values.length; i++) {
    const row = rows[(rowNumbers[i] ?? firstRow) - firstRow];
    if (row) row[columns[i] ?? 0] = values[i] ?? null;
  }
  return { rows, firstRow };
}
