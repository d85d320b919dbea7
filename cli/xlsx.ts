// A small, fast, read-only .xlsx reader: unzips only the parts it needs (fflate) and scans their XML linearly
// with regular expressions, no DOM. It hands sheets to the core as grids of core Cells, and finds the PMO tables.

import { type UnzipFileInfo, unzipSync } from 'fflate';
import type { Cell } from '../core/cells';
import type { ExcelTable } from '../core/workbook';

/** One worksheet. `rows[0]` is sheet row `firstRow`; `rows[r][0]` is column A. Blank cells are null. */
export interface Sheet {
  readonly name: string;
  /** True when the sheet is hidden or very hidden in Excel. */
  readonly hidden: boolean;
  /**
   * The used rows, from the first row holding a value to the last, from column A to the last column holding a
   * value. Rows are padded to a common width unless that would allocate far more cells than the sheet holds
   * (a few values spread over a huge area); then each row ends at its last value. A missing cell is blank.
   */
  readonly rows: readonly (readonly Cell[])[];
  /** Sheet row number of `rows[0]` (1 when the sheet is empty). */
  readonly firstRow: number;
  /** Merged areas as written ("A1:C1"). The grid keeps the stored values: only the top-left cell has one. */
  readonly merges: readonly string[];
  /** Excel tables (list objects) on the sheet: their name and area, header row included ("A1:F20"). */
  readonly tables: readonly ExcelTable[];
}

/** A defined name such as `Budget` → `Initiatives!$T$2`; `sheet` is set for names scoped to one sheet. */
export interface DefinedName {
  readonly name: string;
  readonly ref: string;
  readonly sheet?: string;
}

export interface Workbook {
  readonly kind: 'workbook';
  /** Worksheets in workbook order (chart sheets are left out). */
  readonly sheets: readonly Sheet[];
  readonly names: readonly DefinedName[];
  /** True when the file used the 1904 date system; date cells were shifted to 1900-system serials. */
  readonly date1904: boolean;
}

/** A file that cannot be read as a workbook, with a one-line message for the user. */
export interface WorkbookError {
  readonly kind: 'workbook-error';
  readonly message: string;
}

const workbookError = (message: string): WorkbookError => ({ kind: 'workbook-error', message });

/** Largest single part (uncompressed) the reader accepts: about what one JavaScript string can hold. */
export const MAX_PART_BYTES = 500 * 1024 * 1024;
/** Excel's sheet limits; cells addressed beyond them are ignored as corrupt. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Rows are padded to a rectangle when that allocates at most this many cells (or 4× the values). */
const DENSE_CELL_BUDGET = 4_000_000;
/** Days between the 1904 and 1900 date systems. */
const DATE_1904_OFFSET = 1462;

// ------------------------------------------------------------------------------------------------
// Text decoding

const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function decodeEntity(_match: string, body: string): string {
  if (body.charCodeAt(0) !== 35 /* # */) return NAMED_ENTITIES[body] ?? '';
  const code =
    body[1] === 'x' || body[1] === 'X'
      ? Number.parseInt(body.slice(2), 16)
      : Number.parseInt(body.slice(1), 10);
  return code >= 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    ? String.fromCodePoint(code)
    : '\ufffd';
}

/** Decodes XML attribute or text content: line ends normalised as an XML parser does, entities expanded. */
export function decodeXml(raw: string): string {
  let text = raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text.includes('&') ? text.replace(ENTITY, decodeEntity) : text;
}

/** Decodes cell text: XML decoding, then the OOXML `_xHHHH_` escapes (`_x000D_` = CR, `_x005F_` = `_`). */
export function decodeCellText(raw: string): string {
  const text = decodeXml(raw);
  return text.includes('_x')
    ? text.replace(OOXML_ESCAPE, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

// ------------------------------------------------------------------------------------------------
// XML scanning helpers (element names may carry a namespace prefix, as in `<x:c>`)

/** Matches an optional XML namespace prefix (`x:`) in the patterns below. */
export const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of one start tag's attribute text, decoded. */
export function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(text); match; match = ATTRIBUTE.exec(text)) {
    attributes.set(match[1] ?? '', decodeXml(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

/** The value of an attribute whose local name is `local` (any prefix), e.g. `r:id`. */
function prefixedAttribute(attributes: ReadonlyMap<string, string>, local: string): string | undefined {
  for (const [name, value] of attributes) if (name.endsWith(`:${local}`)) return value;
  return undefined;
}

interface Element {
  readonly attributes: string;
  /** Inner XML; '' for a self-closing element. */
  readonly inner: string;
}

/** Every `<name …>…</name>` or `<name …/>` element in `xml`, in order (not nested in themselves). */
function elements(xml: string, name: string): Element[] {
  const found: Element[] = [];
  const open = new RegExp(`<(${PREFIX})${name}(?=[\\s/>])([^>]*)>`, 'g');
  for (let match = open.exec(xml); match; match = open.exec(xml)) {
    const attributes = match[2] ?? '';
    if (attributes.endsWith('/')) {
      found.push({ attributes: attributes.slice(0, -1), inner: '' });
      continue;
    }
    const closeTag = `</${match[1] ?? ''}${name}>`;
    const close = xml.indexOf(closeTag, open.lastIndex);
    if (close < 0) break;
    found.push({ attributes, inner: xml.slice(open.lastIndex, close) });
    open.lastIndex = close + closeTag.length;
  }
  return found;
}

/** Inner XML of the first `<name>` element, or undefined. */
function firstElement(xml: string, name: string): Element | undefined {
  const open = new RegExp(`<(${PREFIX})${name}(?=[\\s/>])([^>]*)>`, 'g');
  const match = open.exec(xml);
  if (!match) return undefined;
  const attributes = match[2] ?? '';
  if (attributes.endsWith('/')) return { attributes: attributes.slice(0, -1), inner: '' };
  const closeTag = `</${match[1] ?? ''}${name}>`;
  const close = xml.indexOf(closeTag, open.lastIndex);
  return { attributes, inner: close < 0 ? xml.slice(open.lastIndex) : xml.slice(open.lastIndex, close) };
}

const PHONETIC_RUN = new RegExp(`<(${PREFIX})rPh\\b[\\s\\S]*?</\\1rPh>`, 'g');
const TEXT_OPEN = new RegExp(`<(${PREFIX})t(?=[\\s/>])([^>]*)>`, 'g');

/** Text of a shared string item or inline string: all `<t>` runs joined, phonetic (furigana) runs left out. */
function richText(inner: string): string {
  const xml = inner.includes('rPh') ? inner.replace(PHONETIC_RUN, '') : inner;
  let text = '';
  TEXT_OPEN.lastIndex = 0;
  for (let match = TEXT_OPEN.exec(xml); match; match = TEXT_OPEN.exec(xml)) {
    if ((match[2] ?? '').endsWith('/')) continue;
    const closeTag = `</${match[1] ?? ''}t>`;
    const close = xml.indexOf(closeTag, TEXT_OPEN.lastIndex);
    if (close < 0) break;
    text += xml.slice(TEXT_OPEN.lastIndex, close);
    TEXT_OPEN.lastIndex = close + closeTag.length;
  }
  return decodeCellText(text);
}

// ------------------------------------------------------------------------------------------------
// Package parts

const utf8 = new TextDecoder('utf-8');

/** Resolves a relationship target against the folder of the part that owns the relationships. */
export function resolveTarget(baseFolder: string, target: string): string {
  let decoded = target.replace(/\\/g, '/');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A target with a stray % is used as written.
  }
  const joined = decoded.startsWith('/') ? decoded.slice(1) : `${baseFolder}${decoded}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** The folder of a package part, with its trailing slash. */
export const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);
/** The relationships part of a package part. */
export const relsPathOf = (path: string): string =>
  `${folderOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;

interface Relationship {
  readonly type: string;
  readonly target: string;
}

function readRelationships(xml: string | undefined, ownerPath: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  if (xml === undefined) return relationships;
  for (const element of elements(xml, 'Relationship')) {
    const attributes = attributesOf(element.attributes);
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id === undefined || target === undefined || attributes.get('TargetMode') === 'External') continue;
    relationships.set(id, {
      type: attributes.get('Type') ?? '',
      target: resolveTarget(folderOf(ownerPath), target),
    });
  }
  return relationships;
}

/** Zip entries by lower-case name (OOXML part names are case-insensitive), with their stored names. */
class Package {
  private readonly byLowerName = new Map<string, string>();
  private readonly data = new Map<string, Uint8Array>();

  constructor(readonly names: readonly string[]) {
    for (const name of names) this.byLowerName.set(name.replace(/\\/g, '/').toLowerCase(), name);
  }

  has(path: string): boolean {
    return this.byLowerName.has(path.toLowerCase());
  }

  storedName(path: string): string | undefined {
    return this.byLowerName.get(path.toLowerCase());
  }

  add(name: string, bytes: Uint8Array): void {
    this.data.set(name, bytes);
  }

  text(path: string): string | undefined {
    const name = this.storedName(path);
    const bytes = name === undefined ? undefined : this.data.get(name);
    return bytes === undefined ? undefined : utf8.decode(bytes);
  }
}

/** Unzips the parts whose stored names are in `wanted`; returns the names of oversized parts it refused. */
function extract(bytes: Uint8Array, zip: Package, wanted: ReadonlySet<string>): string[] {
  const tooLarge: string[] = [];
  const files = unzipSync(bytes, {
    filter: (file: UnzipFileInfo) => {
      if (!wanted.has(file.name)) return false;
      if (file.originalSize > MAX_PART_BYTES) {
        tooLarge.push(file.name);
        return false;
      }
      return true;
    },
  });
  for (const [name, data] of Object.entries(files)) zip.add(name, data);
  return tooLarge;
}

function listEntries(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (file) => {
      names.push(file.name);
      return false;
    },
  });
  return names;
}

// ------------------------------------------------------------------------------------------------
// Styles: which cell formats are dates (only needed to shift 1904-system dates)

const DATE_BUILTIN_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** True when a custom number format shows a date or time: d, m, y or h outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  return /[dmyh]/i.test(bare);
}

/** For each cellXfs index, whether its number format is a date format. */
function readDateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  const customDate = new Map<number, boolean>();
  const numFmts = firstElement(xml, 'numFmts');
  for (const element of numFmts ? elements(numFmts.inner, 'numFmt') : []) {
    const attributes = attributesOf(element.attributes);
    customDate.set(Number(attributes.get('numFmtId')), isDateFormatCode(attributes.get('formatCode') ?? ''));
  }
  const cellXfs = firstElement(xml, 'cellXfs');
  return (cellXfs ? elements(cellXfs.inner, 'xf') : []).map((element) => {
    const id = Number(attributesOf(element.attributes).get('numFmtId') ?? 0);
    return customDate.get(id) ?? DATE_BUILTIN_FORMATS.has(id);
  });
}

// ------------------------------------------------------------------------------------------------
// Worksheets

interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

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

/** The value of a cell from its type, style and the raw text of its `<v>` element. */
function cellValue(type: string | undefined, style: number, raw: string, context: SheetContext): Cell {
  switch (type) {
    case 's': {
      const text = context.sharedStrings[integerAt(raw, 0, raw.length)];
      return text === undefined || text === '' ? null : text;
    }
    case 'str': {
      const text = decodeCellText(raw);
      return text === '' ? null : text;
    }
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
    case 'e':
      return { kind: 'cell-error', text: decodeXml(raw).trim() };
    case 'd':
      return serialFromIso(raw.trim()) ?? null;
    default: {
      if (raw.trim() === '') return null;
      const number = Number(raw);
      if (!Number.isFinite(number)) return { kind: 'cell-error', text: '#NUM!' };
      if (context.date1904 && style >= 0 && context.dateStyles[style] === true)
        return number + DATE_1904_OFFSET;
      return number;
    }
  }
}

/** Raw text of the `<v>` element in xml[from, to), or undefined when the cell has none. */
function valueText(xml: string, from: number, to: number, prefix: string): string | undefined {
  const open = prefix === '' ? '<v>' : `<${prefix}v>`;
  const start = xml.indexOf(open, from);
  if (start >= 0 && start < to) {
    const close = xml.indexOf(prefix === '' ? '</v>' : `</${prefix}v>`, start);
    return close >= 0 && close < to ? xml.slice(start + open.length, close) : undefined;
  }
  // Rare: a <v> element with attributes (xml:space).
  const match = VALUE.exec(xml.slice(from, to));
  return match ? (match[2] ?? '') : undefined;
}

/**
 * Reads the cells of one worksheet's XML into a grid that starts at the first used row. A linear scan:
 * `<row>` and `<c>` start tags are read character by character, cell contents are skipped to `</c>`.
 */
export function parseWorksheet(
  xml: string,
  context: SheetContext,
): { rows: readonly (readonly Cell[])[]; firstRow: number; merges: string[] } {
  const rowNumbers: number[] = [];
  const columns: number[] = [];
  const values: Cell[] = [];
  const open = new RegExp(`<(${PREFIX})sheetData(?=[\\s/>])([^>]*)>`, 'g');
  const start = open.exec(xml);
  let dataEnd = 0;
  if (start && !(start[2] ?? '').endsWith('/')) {
    const closeTag = `</${start[1] ?? ''}sheetData>`;
    const close = xml.indexOf(closeTag, open.lastIndex);
    dataEnd = close < 0 ? xml.length : close;
    const attributes = new TagAttributes();
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
        const raw = valueText(xml, contentStart, cellClose, prefix);
        value = raw === undefined ? null : cellValue(attributes.type, attributes.style, raw, context);
      }
      if (value === null) continue;
      rowNumbers.push(cellRow);
      columns.push(column);
      values.push(value);
    }
  }
  const merges = elements(xml.slice(dataEnd), 'mergeCell')
    .map((element) => attributesOf(element.attributes).get('ref') ?? '')
    .filter((ref) => ref !== '');
  return { ...toGrid(rowNumbers, columns, values), merges };
}

/** One shared row for the empty rows of a sparse sheet. */
const EMPTY_ROW: readonly Cell[] = Object.freeze([]);

function toGrid(
  rowNumbers: readonly number[],
  columns: readonly number[],
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

// ------------------------------------------------------------------------------------------------
// Not-an-xlsx detection

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  const limit = Math.min(bytes.length, 1 << 20) - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Why bytes that are not a zip package cannot be read: legacy .xls, password-protected, CSV, HTML… */
function notZipMessage(bytes: Uint8Array): string {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return containsUtf16(bytes, 'EncryptedPackage')
      ? 'the workbook is password-protected: save a copy without a password as .xlsx'
      : '.xls files are not supported: save as .xlsx';
  }
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return 'not an .xlsx workbook (the file is not a zip package)';
  const text = utf8
    .decode(head)
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<?xml') && text.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return 'Excel 2003 XML spreadsheets are not supported: save as .xlsx';
  }
  if (text.startsWith('<'))
    return 'this is an HTML or XML file, not an .xlsx workbook: open it in Excel and save as .xlsx';
  return 'CSV and text files are not supported: open the file in Excel and save it as .xlsx';
}

/** Why a zip package without a workbook part cannot be read. */
function notWorkbookMessage(zip: Package): string {
  if (zip.names.some((name) => name.toLowerCase().endsWith('workbook.bin')))
    return '.xlsb (binary) workbooks are not supported: save as .xlsx';
  if (zip.has('content.xml') && zip.has('mimetype'))
    return 'OpenDocument spreadsheets (.ods) are not supported: save as .xlsx';
  if (zip.names.some((name) => name.toLowerCase().startsWith('word/')))
    return 'this is a Word document, not an Excel workbook';
  if (zip.names.some((name) => name.toLowerCase().startsWith('ppt/')))
    return 'this is a PowerPoint file, not an Excel workbook';
  return 'the zip package has no xl/workbook.xml: not an Excel workbook';
}

// ------------------------------------------------------------------------------------------------
// The workbook

/**
 * Reads an .xlsx file. Strings (shared, inline, rich text, formula results), numbers, booleans and error
 * values are read; dates stay serial numbers (1904-system files are shifted to the 1900 system). Formulas
 * give their cached result. Never throws: anything that is not a readable .xlsx is a {@link WorkbookError}.
 */
export function readWorkbook(bytes: Uint8Array): Workbook | WorkbookError {
  if (bytes.length === 0) return workbookError('the file is empty');
  const isZip =
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6);
  if (!isZip) return workbookError(notZipMessage(bytes));
  try {
    return readPackage(bytes);
  } catch (error) {
    if (error instanceof RangeError) return workbookError('the workbook is too large to read');
    const reason = error instanceof Error ? error.message : String(error);
    return workbookError(`the file is damaged or not an .xlsx workbook (${reason})`);
  }
}

function readPackage(bytes: Uint8Array): Workbook | WorkbookError {
  const zip = new Package(listEntries(bytes));
  const rootRels = zip.storedName('_rels/.rels');
  const candidates = new Set<string>(rootRels === undefined ? [] : [rootRels]);
  extract(bytes, zip, candidates);
  const rootRelationships = readRelationships(zip.text('_rels/.rels'), '');
  const officeDocument = [...rootRelationships.values()].find((relationship) =>
    relationship.type.endsWith('/officeDocument'),
  );
  const workbookPath =
    officeDocument && zip.has(officeDocument.target) ? officeDocument.target : 'xl/workbook.xml';
  const workbookName = zip.storedName(workbookPath);
  if (workbookName === undefined || !workbookName.toLowerCase().endsWith('.xml'))
    return workbookError(notWorkbookMessage(zip));
  const workbookRelsName = zip.storedName(relsPathOf(workbookPath));
  extract(
    bytes,
    zip,
    new Set(workbookRelsName === undefined ? [workbookName] : [workbookName, workbookRelsName]),
  );
  const workbookXml = zip.text(workbookPath) ?? '';
  const relationships = readRelationships(zip.text(relsPathOf(workbookPath)), workbookPath);

  const partOfType = (suffix: string, fallback: string): string | undefined => {
    const found = [...relationships.values()].find((relationship) => relationship.type.endsWith(suffix));
    return zip.storedName(found?.target ?? resolveTarget(folderOf(workbookPath), fallback));
  };
  const sharedStringsName = partOfType('/sharedStrings', 'sharedStrings.xml');
  const stylesName = partOfType('/styles', 'styles.xml');

  const sheetEntries = elements(firstElement(workbookXml, 'sheets')?.inner ?? '', 'sheet').map((element) => {
    const attributes = attributesOf(element.attributes);
    const relationship = relationships.get(prefixedAttribute(attributes, 'id') ?? '');
    const state = attributes.get('state') ?? 'visible';
    return { name: attributes.get('name') ?? '', hidden: state !== 'visible', relationship };
  });
  const worksheetNames = new Map<string, string>();
  for (const entry of sheetEntries) {
    const relationship = entry.relationship;
    if (!relationship?.type.endsWith('/worksheet')) continue;
    const stored = zip.storedName(relationship.target);
    if (stored !== undefined) worksheetNames.set(relationship.target, stored);
  }
  const wanted = new Set<string>(worksheetNames.values());
  for (const target of worksheetNames.keys()) {
    const sheetRels = zip.storedName(relsPathOf(target));
    if (sheetRels !== undefined) wanted.add(sheetRels);
  }
  if (sharedStringsName !== undefined) wanted.add(sharedStringsName);
  if (stylesName !== undefined) wanted.add(stylesName);
  const tooLarge = extract(bytes, zip, wanted);
  if (tooLarge.length > 0)
    return workbookError(
      `the part ${tooLarge[0]} is larger than ${MAX_PART_BYTES / 1024 / 1024} MB: too large to read`,
    );
  const tableParts = new Map<string, string[]>();
  for (const target of worksheetNames.keys()) {
    const parts = [...readRelationships(zip.text(relsPathOf(target)), target).values()]
      .filter((relationship) => relationship.type.endsWith('/table'))
      .map((relationship) => zip.storedName(relationship.target))
      .filter((name): name is string => name !== undefined);
    tableParts.set(target, parts);
  }
  extract(bytes, zip, new Set([...tableParts.values()].flat()));

  const workbookPr = firstElement(workbookXml, 'workbookPr');
  const date1904Attribute = workbookPr ? attributesOf(workbookPr.attributes).get('date1904') : undefined;
  const date1904 = date1904Attribute === '1' || date1904Attribute === 'true';
  const sharedStringsXml = sharedStringsName === undefined ? undefined : zip.text(sharedStringsName);
  const context: SheetContext = {
    sharedStrings:
      sharedStringsXml === undefined
        ? []
        : elements(sharedStringsXml, 'si').map((element) => richText(element.inner)),
    dateStyles: date1904 ? readDateStyles(stylesName === undefined ? undefined : zip.text(stylesName)) : [],
    date1904,
  };

  const sheets: Sheet[] = [];
  for (const entry of sheetEntries) {
    const relationship = entry.relationship;
    if (relationship && !relationship.type.endsWith('/worksheet')) continue;
    const stored = relationship ? worksheetNames.get(relationship.target) : undefined;
    const xml = stored === undefined ? undefined : zip.text(stored);
    const parsed = xml === undefined ? { rows: [], firstRow: 1, merges: [] } : parseWorksheet(xml, context);
    const tables = (relationship ? (tableParts.get(relationship.target) ?? []) : []).flatMap((part) => {
      const table = firstElement(zip.text(part) ?? '', 'table');
      const attributes = attributesOf(table?.attributes ?? '');
      const name = attributes.get('displayName') ?? attributes.get('name');
      const ref = attributes.get('ref');
      return name === undefined || ref === undefined ? [] : [{ name, ref }];
    });
    sheets.push({ name: entry.name, hidden: entry.hidden, ...parsed, tables });
  }

  const names: DefinedName[] = elements(
    firstElement(workbookXml, 'definedNames')?.inner ?? '',
    'definedName',
  ).map((element) => {
    const attributes = attributesOf(element.attributes);
    const local = attributes.get('localSheetId');
    const scope = local === undefined ? undefined : sheetEntries[Number(local)]?.name;
    const name = { name: attributes.get('name') ?? '', ref: decodeXml(element.inner).trim() };
    return scope === undefined ? name : { ...name, sheet: scope };
  });
  return { kind: 'workbook', sheets, names, date1904 };
}

export type { ExcelTable, LocatedTable, TableKind, WorkbookTables } from '../core/workbook';
