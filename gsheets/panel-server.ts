// The Apps Script side of the scoring sidebar: the server functions google.script.run calls (through the
// top-level stubs generated into Code.js), and showScoringPanel for the PMO menu. Each is synchronous, takes
// and returns JSON-like values only (dates become serial numbers: Apps Script turns a returned Date into null),
// and keeps no state between calls except the spreadsheet and its document properties. Table finding and write
// placement are the same host-neutral code the Excel bridge uses (core/initiatives/).
// Round trips: reading is one getValues; writing is one getValues, then per result column at most two format
// calls and one setValues — a constant number, however many rows.

import { parseA1 } from '../core/a1';
import { detectInitiativesTable } from '../core/initiatives/sheet-table';
import { ownedColumnsOf, planAddress, planWrite } from '../core/initiatives/write-plan';
import {
  type BridgeError,
  bridgeError,
  type CellValue,
  type ConflictChoice,
  type OutputColumn,
  type OwnedColumn,
  type ReadResult,
  type SettingsSaved,
  thrownMessage,
  type WriteRequest,
  type WriteResult,
} from '../panel/bridge';
import { SETTINGS_KEY } from '../panel/settings';
import { sheetsEnvironment, spreadsheetCalendar } from './sheets-values';

/** Document properties hold at most 9 kB per value. */
const MAX_SETTINGS_CHARS = 9000;

/** The sidebar's title bar text. */
const SIDEBAR_TITLE = 'Score initiatives';

/** Opens the scoring sidebar (the PMO menu's "Score initiatives…" item calls this). */
export function showScoringPanel(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Turns getValues() cells into JSON-like cells: a Date becomes its day serial in the spreadsheet's time zone. */
function jsonCells(values: unknown[][]): CellValue[][] {
  let toSerial: ((date: Date) => number) | undefined;
  return values.map((row) =>
    row.map((value): CellValue => {
      if (value === null || value === undefined || value === '') return null;
      if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
      if (Object.prototype.toString.call(value) === '[object Date]') {
        const date = value as Date;
        if (Number.isNaN(date.getTime())) return null;
        toSerial ??= sheetsEnvironment(spreadsheetCalendar()).dateToSerial;
        return toSerial(date);
      }
      return String(value);
    }),
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the initiatives table: `{ kind: 'detect' }` (the active sheet, header detection), `{ kind: 'selection' }`
 * or `{ kind: 'range', sheet, address }`. Returns the table or `{ kind: 'error', message }`.
 */
export function scoringPanelReadInitiatives(source: unknown): ReadResult {
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const kind = isRecord(source) ? source.kind : undefined;
    if (kind === 'selection') {
      const range = spreadsheet.getActiveRange();
      if (!range)
        return bridgeError('Nothing is selected: select your initiatives table, header row included.');
      const sheet = range.getSheet();
      const rows = Math.max(0, Math.min(range.getNumRows(), sheet.getLastRow() - range.getRow() + 1));
      const columns = Math.max(
        0,
        Math.min(range.getNumColumns(), sheet.getLastColumn() - range.getColumn() + 1),
      );
      if (rows === 0 || columns === 0)
        return bridgeError('The selection is empty: select your initiatives table, header row included.');
      const values = sheet.getRange(range.getRow(), range.getColumn(), rows, columns).getValues();
      return detectInitiativesTable(
        sheet.getName(),
        { values: jsonCells(values), firstRow: range.getRow(), firstColumn: range.getColumn() - 1 },
        [],
        'selection',
      );
    }
    if (
      kind === 'range' &&
      isRecord(source) &&
      typeof source.sheet === 'string' &&
      typeof source.address === 'string'
    ) {
      const sheet = spreadsheet.getSheetByName(source.sheet);
      const area = parseA1(source.address);
      if (!sheet || !area)
        return bridgeError(
          `The table read last time (${source.sheet}!${source.address}) is gone: find the table again.`,
        );
      const values = sheet
        .getRange(
          area.firstRow,
          area.firstColumn + 1,
          area.lastRow - area.firstRow + 1,
          area.lastColumn - area.firstColumn + 1,
        )
        .getValues();
      return detectInitiativesTable(
        sheet.getName(),
        { values: jsonCells(values), firstRow: area.firstRow, firstColumn: area.firstColumn },
        [],
        'saved range',
      );
    }
    const sheet = spreadsheet.getActiveSheet();
    if (sheet.getLastRow() === 0 || sheet.getLastColumn() === 0)
      return bridgeError(
        `Sheet "${sheet.getName()}" has no data. Open the sheet with your initiatives, or select the table and choose "Use current selection".`,
      );
    const values = sheet.getDataRange().getValues();
    return detectInitiativesTable(
      sheet.getName(),
      { values: jsonCells(values), firstRow: 1, firstColumn: 0 },
      [],
      'used range',
    );
  } catch (error) {
    return bridgeError(`The table could not be read: ${thrownMessage(error)}`);
  }
}

const isCell = (value: unknown): value is CellValue =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));
const isIndex = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Checks a write request from the sidebar (it crossed google.script.run: trust its shape only after this). */
function writeRequestOf(value: unknown): WriteRequest | BridgeError {
  const bad = bridgeError('The write request from the sidebar is malformed; reload the sidebar.');
  if (!isRecord(value)) return bad;
  const {
    sheet,
    headerRow,
    lastRow,
    firstColumn,
    lastColumn,
    headers,
    fingerprint,
    columns,
    owned,
    onConflict,
  } = value;
  if (
    typeof sheet !== 'string' ||
    !isIndex(headerRow) ||
    !isIndex(lastRow) ||
    !isIndex(firstColumn) ||
    !isIndex(lastColumn)
  )
    return bad;
  if (!Array.isArray(headers) || !headers.every((header) => typeof header === 'string')) return bad;
  if (typeof fingerprint !== 'string') return bad;
  if (!Array.isArray(columns) || !Array.isArray(owned)) return bad;
  const outputs: OutputColumn[] = [];
  for (const column of columns) {
    if (!isRecord(column) || typeof column.header !== 'string' || !Array.isArray(column.values)) return bad;
    if (
      !column.values.every(isCell) ||
      !(column.numberFormat === null || typeof column.numberFormat === 'string')
    )
      return bad;
    outputs.push({ header: column.header, values: column.values, numberFormat: column.numberFormat });
  }
  const ownedColumns: OwnedColumn[] = [];
  for (const entry of owned) {
    if (!isRecord(entry) || !isIndex(entry.column) || typeof entry.header !== 'string') return bad;
    ownedColumns.push({ column: entry.column, header: entry.header });
  }
  const choices: readonly ConflictChoice[] = ['ask', 'overwrite', 'new-columns'];
  const choice = choices.find((item) => item === onConflict);
  if (!choice) return bad;
  const { firstRow } = value;
  if (firstRow !== undefined && !isIndex(firstRow)) return bad;
  return {
    sheet,
    headerRow,
    lastRow,
    firstColumn,
    lastColumn,
    headers: headers as string[],
    fingerprint,
    columns: outputs,
    owned: ownedColumns,
    onConflict: choice,
    ...(firstRow === undefined ? {} : { firstRow }),
  };
}

/**
 * Writes Score, Rank and Selected right of the table (core/initiatives/write-plan.ts `planWrite` decides where): number
 * formats first ("@" for text), then the values — never through setFormula. Returns where they went, the
 * user's columns that would be overwritten (when `onConflict` is 'ask'), or an error.
 */
export function scoringPanelWriteResults(input: unknown): WriteResult {
  const request = writeRequestOf(input);
  if ('kind' in request) return request;
  try {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(request.sheet);
    if (!sheet) return bridgeError(`Sheet "${request.sheet}" no longer exists: find the table again.`);
    const rowCount = request.lastRow - request.headerRow + 1;
    const maxColumns = sheet.getMaxColumns();
    const scanLast = Math.min(
      maxColumns - 1,
      Math.max(sheet.getLastColumn() - 1, request.lastColumn) + request.columns.length,
    );
    const width = Math.max(1, scanLast - request.firstColumn + 1);
    const values = sheet.getRange(request.headerRow, request.firstColumn + 1, rowCount, width).getValues();
    const plan = planWrite(request, {
      values: jsonCells(values),
      firstRow: request.headerRow,
      firstColumn: request.firstColumn,
    });
    if (plan.kind !== 'plan') return plan;
    const needed =
      plan.columns.reduce((most, column) => Math.max(most, column.column), Number.NEGATIVE_INFINITY) + 1;
    if (needed > maxColumns) sheet.insertColumnsAfter(maxColumns, needed - maxColumns);
    for (const column of plan.columns) {
      sheet.getRange(request.headerRow, column.column + 1).setNumberFormat('@');
      const formatted = column.formats.every((format) => format !== null);
      // One run, or the header and the data rows apart: a matrix's weights or direction rows between get nothing.
      const runs = plan.runs.map((run, k) => ({
        ...run,
        from: plan.runs.slice(0, k).reduce((sum, before) => sum + before.count, 0),
      }));
      for (const run of formatted ? runs : []) {
        const skip = run.from === 0 ? 1 : 0;
        if (run.count > skip)
          sheet
            .getRange(run.first + skip, column.column + 1, run.count - skip, 1)
            .setNumberFormats(
              column.formats.slice(run.from + skip, run.from + run.count).map((format) => [format as string]),
            );
      }
      // Without a format for every cell, text is kept text by a leading apostrophe (DESIGN §7b).
      const cells = column.values.map((value, i) => [
        value === null
          ? ''
          : i > 0 && !formatted && typeof value === 'string' && value !== ''
            ? `'${value}`
            : value,
      ]);
      for (const run of runs)
        sheet
          .getRange(run.first, column.column + 1, run.count, 1)
          .setValues(cells.slice(run.from, run.from + run.count));
    }
    return {
      kind: 'written',
      sheet: sheet.getName(),
      address: planAddress(plan, request.headerRow, request.lastRow),
      columns: ownedColumnsOf(plan),
    };
  } catch (error) {
    return bridgeError(`Nothing could be written: ${thrownMessage(error)}`);
  }
}

/** The panel's saved configuration (JSON text) from the document properties, or null. */
export function scoringPanelLoadSettings(): string | null {
  return PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
}

/** Saves the panel's configuration in the document properties (at most 9 kB). */
export function scoringPanelSaveSettings(json: unknown): SettingsSaved | BridgeError {
  if (typeof json !== 'string') return bridgeError('The settings to save are not text.');
  if (json.length > MAX_SETTINGS_CHARS)
    return bridgeError(
      'The settings are too large to keep in the document (over 9 kB): untick some must-include items.',
    );
  try {
    PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, json);
    return { kind: 'saved' };
  } catch (error) {
    return bridgeError(thrownMessage(error));
  }
}
