// Loads the built dist/gsheets/Code.js in Node the way Apps Script does (one global scope) against a fake
// spreadsheet that behaves like the Spreadsheet service where it matters: 1-based getRange overloads that throw
// outside the sheet, getValues/setValues with exact shapes, Date cells, number formats, document properties,
// HtmlService and the sidebar. It counts every read and write so the tests can check the round trips, and it
// refuses to store text starting with "=" in a cell not formatted as text (that would become a formula).

import { createContext, runInContext } from 'node:vm';
import { isoIn, midnightIn } from '../fakes/time-zones';

type Value = string | number | boolean | Date;

interface FakeSheet {
  name: string;
  values: Value[][];
  formats: string[][];
  maxRows: number;
  maxColumns: number;
}

export interface SheetsCall {
  readonly method: string;
  /** A1 notation of the range it touched (when it touched one). */
  readonly a1: string;
}

export interface FakeSpreadsheet {
  /** The script's global scope: the top-level functions of Code.js. */
  readonly global: Record<string, unknown>;
  readonly calls: SheetsCall[];
  readonly properties: Map<string, string>;
  readonly sidebars: { file: string; title: string }[];
  sheet(name: string): { values: Value[][]; formats: string[][] };
  activate(name: string): void;
  select(sheet: string, a1: string): void;
  /** Calls a top-level function as google.script.run would: JSON arguments in, JSON result out. */
  callServer(name: string, argsJson: string): { ok: true; json: string } | { ok: false; message: string };
}

function letters(column: number): string {
  let text = '';
  let rest = column;
  while (rest > 0) {
    text = String.fromCharCode(65 + ((rest - 1) % 26)) + text;
    rest = Math.floor((rest - 1) / 26);
  }
  return text;
}

const isBlank = (value: Value | undefined) => value === undefined || value === '';

function containsDate(value: unknown): boolean {
  if (Object.prototype.toString.call(value) === '[object Date]') return true;
  if (Array.isArray(value)) return value.some(containsDate);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsDate);
  return false;
}

/**
 * A spreadsheet with `sheets` (row-major values; '' = blank), in `timeZone`, with `code` (the built Code.js)
 * loaded. @param properties document properties as saved in the file.
 */
export function loadSheetsPanelHost(
  code: string,
  sheets: readonly { name: string; values: readonly (readonly Value[])[] }[],
  active: string,
  timeZone: string,
  properties: ReadonlyMap<string, string> = new Map(),
): FakeSpreadsheet {
  const calls: SheetsCall[] = [];
  const documentProperties = new Map(properties);
  const sidebars: { file: string; title: string }[] = [];
  const book: FakeSheet[] = sheets.map((sheet) => {
    const width = Math.max(26, ...sheet.values.map((row) => row.length));
    const values = sheet.values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
    return {
      name: sheet.name,
      values,
      formats: values.map((row) => row.map(() => '')),
      maxRows: Math.max(1000, values.length),
      maxColumns: width,
    };
  });
  let activeName = active;
  let selection: { sheet: string; row: number; column: number; rows: number; columns: number } | undefined;

  const byName = (name: string) => book.find((sheet) => sheet.name === name);

  function lastRow(sheet: FakeSheet): number {
    for (let r = sheet.values.length - 1; r >= 0; r--)
      if ((sheet.values[r] ?? []).some((value) => !isBlank(value))) return r + 1;
    return 0;
  }
  function lastColumn(sheet: FakeSheet): number {
    let last = 0;
    for (const row of sheet.values)
      row.forEach((value, c) => {
        if (!isBlank(value)) last = Math.max(last, c + 1);
      });
    return last;
  }

  function makeRange(
    sheet: FakeSheet,
    row: number,
    column: number,
    rows: number,
    columns: number,
  ): Record<string, unknown> {
    if (
      row < 1 ||
      column < 1 ||
      rows < 1 ||
      columns < 1 ||
      row + rows - 1 > sheet.maxRows ||
      column + columns - 1 > sheet.maxColumns
    )
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    const a1 = `${sheet.name}!${letters(column)}${row}:${letters(column + columns - 1)}${row + rows - 1}`;
    const cell = (r: number, c: number) => sheet.values[row - 1 + r]?.[column - 1 + c] ?? '';
    const put = (grid: unknown[][], target: 'values' | 'formats') => {
      if (grid.length !== rows || grid.some((line) => !Array.isArray(line) || line.length !== columns))
        throw new Error(
          `Exception: The number of rows or columns in the data does not match the range (${grid.length} rows for ${rows}).`,
        );
      grid.forEach((line, r) => {
        line.forEach((value, c) => {
          const rowIndex = row - 1 + r;
          while (sheet.values.length <= rowIndex) sheet.values.push([]);
          while (sheet.formats.length <= rowIndex) sheet.formats.push([]);
          if (target === 'values') {
            if (
              typeof value === 'string' &&
              /^[=+]/.test(value) &&
              sheet.formats[rowIndex]?.[column - 1 + c] !== '@'
            )
              throw new Error(`The fake refuses ${value}: Sheets would turn it into a formula.`);
            (sheet.values[rowIndex] as Value[])[column - 1 + c] = value as Value;
          } else (sheet.formats[rowIndex] as string[])[column - 1 + c] = String(value);
        });
      });
    };
    const range: Record<string, unknown> = {
      getRow: () => row,
      getColumn: () => column,
      getNumRows: () => rows,
      getNumColumns: () => columns,
      getSheet: () => sheetApi(sheet),
      getA1Notation: () => a1,
      getValues() {
        calls.push({ method: 'getValues', a1 });
        return Array.from({ length: rows }, (_, r) =>
          Array.from({ length: columns }, (_, c) => {
            const value = cell(r, c);
            return value instanceof Date ? new Date(value.getTime()) : value;
          }),
        );
      },
      setValues(grid: unknown[][]) {
        calls.push({ method: 'setValues', a1 });
        put(grid, 'values');
        return range;
      },
      setNumberFormat(format: string) {
        calls.push({ method: 'setNumberFormat', a1 });
        put(
          Array.from({ length: rows }, () => Array.from({ length: columns }, () => format)),
          'formats',
        );
        return range;
      },
      setNumberFormats(grid: string[][]) {
        calls.push({ method: 'setNumberFormats', a1 });
        put(grid, 'formats');
        return range;
      },
      setFormula() {
        throw new Error('The scoring panel must never write through setFormula.');
      },
    };
    return range;
  }

  function sheetApi(sheet: FakeSheet): Record<string, unknown> {
    return {
      getName: () => sheet.name,
      getLastRow: () => lastRow(sheet),
      getLastColumn: () => lastColumn(sheet),
      getMaxRows: () => sheet.maxRows,
      getMaxColumns: () => sheet.maxColumns,
      getDataRange: () => makeRange(sheet, 1, 1, Math.max(1, lastRow(sheet)), Math.max(1, lastColumn(sheet))),
      getRange(first: number | string, column?: number, rows?: number, columns?: number) {
        if (typeof first === 'string') {
          const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(first);
          if (!match) throw new Error(`Exception: Range not found (${first}).`);
          const col = (text: string) =>
            [...text].reduce((value, char) => value * 26 + char.charCodeAt(0) - 64, 0);
          const r1 = Number(match[2]);
          const c1 = col(match[1] ?? 'A');
          const r2 = match[4] ? Number(match[4]) : r1;
          const c2 = match[3] ? col(match[3]) : c1;
          return makeRange(sheet, r1, c1, r2 - r1 + 1, c2 - c1 + 1);
        }
        return makeRange(sheet, first, column ?? 1, rows ?? 1, columns ?? 1);
      },
      insertColumnsAfter(after: number, count: number) {
        calls.push({ method: 'insertColumnsAfter', a1: `${sheet.name}!${letters(after)}` });
        if (after !== sheet.maxColumns)
          throw new Error('The scoring panel may only add columns at the right edge.');
        sheet.maxColumns += count;
      },
    };
  }

  const spreadsheet = {
    getActiveSheet: () => sheetApi(byName(activeName) as FakeSheet),
    getSheetByName: (name: string) => {
      const sheet = byName(name);
      return sheet ? sheetApi(sheet) : null;
    },
    getActiveRange: () => {
      const sheet = selection ? byName(selection.sheet) : undefined;
      return selection && sheet
        ? makeRange(sheet, selection.row, selection.column, selection.rows, selection.columns)
        : null;
    },
    getSpreadsheetTimeZone: () => timeZone,
  };
  const global: Record<string, unknown> = {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => spreadsheet,
      getActiveSheet: () => spreadsheet.getActiveSheet(),
      getActiveRange: () => spreadsheet.getActiveRange(),
      getUi: () => ({
        showSidebar(output: { file: string; title: string }) {
          sidebars.push({ file: output.file, title: output.title });
        },
      }),
    },
    HtmlService: {
      createHtmlOutputFromFile(file: string) {
        const output = {
          file,
          title: '',
          setTitle(title: string) {
            output.title = title;
            return output;
          },
        };
        return output;
      },
    },
    PropertiesService: {
      getDocumentProperties: () => ({
        getProperty: (key: string) => documentProperties.get(key) ?? null,
        setProperty(key: string, value: string) {
          if (typeof value !== 'string') throw new Error('Property values must be strings.');
          if (value.length > 9 * 1024) throw new Error('Exception: Argument too large: value');
          documentProperties.set(key, value);
        },
      }),
    },
    Utilities: {
      formatDate(date: Date, zone: string, format: string) {
        if (format !== 'yyyy-MM-dd')
          throw new Error(`fake formatDate supports yyyy-MM-dd only, got ${format}`);
        return isoIn(date, zone);
      },
      parseDate(text: string, zone: string, format: string) {
        if (format !== 'yyyy-MM-dd')
          throw new Error(`fake parseDate supports yyyy-MM-dd only, got ${format}`);
        return midnightIn(text, zone);
      },
    },
  };
  const context = createContext(global);
  runInContext(code, context);

  return {
    global,
    calls,
    properties: documentProperties,
    sidebars,
    sheet(name) {
      const sheet = byName(name);
      if (!sheet) throw new Error(`No sheet ${name}.`);
      return { values: sheet.values.map((row) => [...row]), formats: sheet.formats.map((row) => [...row]) };
    },
    activate(name) {
      activeName = name;
    },
    select(sheet, a1) {
      const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
      if (!match) throw new Error(`select needs A1:B2, got ${a1}`);
      const col = (text: string) =>
        [...text].reduce((value, char) => value * 26 + char.charCodeAt(0) - 64, 0);
      const row = Number(match[2]);
      const column = col(match[1] ?? 'A');
      selection = {
        sheet,
        row,
        column,
        rows: Number(match[4]) - row + 1,
        columns: col(match[3] ?? 'A') - column + 1,
      };
    },
    callServer(name, argsJson) {
      const fn = global[name];
      if (typeof fn !== 'function') return { ok: false, message: `Script function not found: ${name}` };
      try {
        const args = JSON.parse(argsJson) as unknown[];
        const result = (fn as (...values: unknown[]) => unknown)(...args);
        if (containsDate(result))
          throw new Error(`${name} returned a Date: Apps Script would turn it into null.`);
        return { ok: true, json: JSON.stringify(result) };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
