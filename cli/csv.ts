// Reads a .csv file as a one-sheet workbook named after the file: the delimiter sniffed among comma,
// semicolon and tab; UTF-8 with or without a byte-order mark; quoted fields with doubled quotes and line
// breaks; numbers as numbers (a decimal comma when the delimiter is a semicolon); everything else as text,
// which the core reads as it reads text cells (dates, percentages, money).

import type { Cell } from '../core/cells';
import { CellBudget, MAX_CELLS } from './worksheet-read';
import type { Sheet, Workbook, WorkbookError } from './xlsx';
import { PackageError } from './zip';

export type Delimiter = ',' | ';' | '\t';

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];
/** How many records the delimiter is sniffed from. */
const SNIFF_RECORDS = 20;
/** Excel's limit on a sheet name's length, and the characters a sheet name cannot hold. */
const SHEET_NAME_LENGTH = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
/** The longest text Node 20 can hold (2^29 − 24 UTF-16 units): a larger file cannot be decoded as one text. */
const MAX_CSV_BYTES = 2 ** 29 - 24;

/** Splits CSV text into records of raw fields (RFC 4180: quotes, doubled quotes, CRLF, LF or CR). */
export function splitRecords(
  text: string,
  delimiter: Delimiter,
  maxRecords = Infinity,
  cells?: CellBudget,
): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const take = () => {
    if (cells && field.trim() !== '') cells.take(records.length + 1);
  };
  const endRecord = () => {
    take();
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (i < text.length && records.length < maxRecords) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i++;
      continue;
    }
    if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === delimiter) {
      take();
      record.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += char;
    }
    i++;
  }
  if ((field !== '' || record.length > 0) && records.length < maxRecords) endRecord();
  return records;
}

/**
 * The delimiter of `text`: among comma, semicolon and tab, the one that splits the first records into the same
 * number of fields, more than one (the most fields wins); else the one giving the first record the most fields;
 * a comma when nothing splits.
 */
export function sniffDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  let widest: Delimiter = ',';
  let widestFields = 1;
  for (const delimiter of DELIMITERS) {
    const records = splitRecords(text, delimiter, SNIFF_RECORDS).filter(
      (record) => record.length > 1 || record[0] !== '',
    );
    const fields = records[0]?.length ?? 0;
    if (fields > widestFields) {
      widest = delimiter;
      widestFields = fields;
    }
    const consistent = fields > 1 && records.every((record) => record.length === fields);
    if (consistent && fields > bestScore) {
      best = delimiter;
      bestScore = fields;
    }
  }
  return bestScore > 0 ? best : widest;
}

const POINT_NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+)(?:,\d+)?$/;

/**
 * A field as a cell: blank → null; a plain number → a number (with a decimal comma, and dots as thousands
 * separators, when the delimiter is a semicolon); anything else (dates, "60%", "CHF 1,200", an ID such as
 * "007" with a leading zero) stays text for the core's readers.
 */
export function csvCell(raw: string, delimiter: Delimiter): Cell {
  const text = raw.trim();
  if (text === '') return null;
  if (/^[+-]?0\d/.test(text)) return text;
  if (delimiter === ';') {
    if (COMMA_NUMBER.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
    return text;
  }
  return POINT_NUMBER.test(text) ? Number(text) : text;
}

/** A sheet name Excel accepts, from the file's name: forbidden characters become "_", at most 31 characters. */
export function sheetNameOf(stem: string): string {
  const name = stem
    .replace(SHEET_NAME_FORBIDDEN, '_')
    .replace(/^'+|'+$/g, '')
    .slice(0, SHEET_NAME_LENGTH);
  return name.trim() === '' ? 'Sheet1' : name;
}

/**
 * Reads CSV bytes as one sheet named `sheetName`: blank rows above the data and blank trailing columns dropped.
 * @throws PackageError when the file holds more than `cells` values (the limit of a workbook, cli/worksheet-read.ts)
 */
export function readCsvSheet(bytes: Uint8Array, sheetName: string, cells = new CellBudget()): Sheet {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
  const delimiter = sniffDelimiter(text);
  cells.place = 'the file';
  const rows = splitRecords(text, delimiter, Infinity, cells).map((record) =>
    record.map((raw) => csvCell(raw, delimiter)),
  );
  const hasValue = (row: readonly Cell[]) => row.some((cell) => cell !== null);
  const first = rows.findIndex(hasValue);
  let last = rows.length - 1;
  while (last >= 0 && !hasValue(rows[last] ?? [])) last--;
  const used = first < 0 ? [] : rows.slice(first, last + 1);
  const width = used.reduce((max, row) => {
    let end = row.length;
    while (end > 0 && row[end - 1] === null) end--;
    return Math.max(max, end);
  }, 0);
  const grid = used.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  return {
    name: sheetName,
    hidden: false,
    rows: grid,
    firstRow: first < 0 ? 1 : first + 1,
    merges: [],
    tables: [],
  };
}

/**
 * A .csv file as a workbook of one sheet named after the file (`plan.csv` → sheet "plan"), or why it cannot be
 * read: more values than a workbook may hold (`maxCells`), or more bytes than one text can hold.
 */
export function readCsvWorkbook(
  bytes: Uint8Array,
  fileStem: string,
  maxCells = MAX_CELLS,
): Workbook | WorkbookError {
  if (bytes.length > MAX_CSV_BYTES)
    return {
      kind: 'workbook-error',
      message: `too large to read: the file is over ${Math.floor(MAX_CSV_BYTES / 2 ** 20)} MB, the most a CSV file can be`,
    };
  try {
    return {
      kind: 'workbook',
      sheets: [
        readCsvSheet(
          bytes,
          sheetNameOf(fileStem),
          new CellBudget(maxCells, 'counting each field with a value'),
        ),
      ],
      names: [],
      date1904: false,
      format: 'xlsx',
    };
  } catch (error) {
    if (error instanceof PackageError) return { kind: 'workbook-error', message: error.message };
    throw error;
  }
}
