// The Apps Script side of the scoring sidebar: the server functions google.script.run calls (through the
// top-level stubs generated into Code.js), and showScoringPanel for the PMO menu. Each is synchronous, takes
// and returns JSON-like values only (dates become serial numbers: Apps Script turns a returned Date into null),
// and keeps no state between calls except the spreadsheet and its document properties. The sidebar finds the table
// in the cells read here (gsheets/client/sidebar-protocol.ts), so Code.js does not carry table detection; write
// placement is here, the same host-neutral code the Excel bridge uses (core/initiatives/).
// Round trips: reading is one getValues; writing is one getValues, then per result column at most two format
// calls and one setValues — a constant number, however many rows.

import { parseA1 } from '../core/a1';
import { PIXELS_PER_CHARACTER } from '../core/dashboard/layout';
import {
  chooseScoresSheet,
  mayBeScoresSheet,
  planScoresSheet,
  SCORES_HEADER_ROW,
  SCORES_MARKER,
  scoresWriteDone,
} from '../core/initiatives/scores-sheet';
import {
  ownedColumnsOf,
  planAddress,
  planWrite,
  runSlices,
  type WritePlan,
} from '../core/initiatives/write-plan';
import {
  type BridgeError,
  bridgeError,
  type CellValue,
  type ConflictChoice,
  type OutputColumn,
  type OwnedColumn,
  type SettingsSaved,
  thrownMessage,
  type WriteRequest,
  type WriteResult,
} from '../panel/bridge';
import { SETTINGS_KEY } from '../panel/settings';
import type { InitiativesBlockRead } from './client/sidebar-protocol';
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

/** The read cells as the sidebar takes them: JSON-like, with where they start on the sheet. */
function blockRead(
  sheet: string,
  values: unknown[][],
  firstRow: number,
  firstColumn: number,
  foundBy: InitiativesBlockRead['foundBy'],
): InitiativesBlockRead {
  return { kind: 'block', sheet, block: { values: jsonCells(values), firstRow, firstColumn }, foundBy };
}

/**
 * Reads the cells of the initiatives table's source: `{ kind: 'detect' }` (the active sheet's used range),
 * `{ kind: 'selection' }` or `{ kind: 'range', sheet, address }`. Returns them for the sidebar, which finds the
 * table in them (gsheets/client/sidebar-protocol.ts), or `{ kind: 'error', message }`.
 */
export function scoringPanelReadInitiatives(source: unknown): InitiativesBlockRead | BridgeError {
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
      return blockRead(sheet.getName(), values, range.getRow(), range.getColumn() - 1, 'selection');
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
      return blockRead(sheet.getName(), values, area.firstRow, area.firstColumn, 'saved range');
    }
    const sheet = spreadsheet.getActiveSheet();
    if (sheet.getLastRow() === 0 || sheet.getLastColumn() === 0)
      return bridgeError(
        `Sheet "${sheet.getName()}" has no data. Open the sheet with your initiatives, or select the table and choose "Use current selection".`,
      );
    const values = sheet.getDataRange().getValues();
    return blockRead(sheet.getName(), values, 1, 0, 'used range');
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

/** A result column from the sidebar: its header, cells and number format; undefined when malformed. */
function outputColumnOf(column: unknown): OutputColumn | undefined {
  if (!isRecord(column) || typeof column.header !== 'string' || !Array.isArray(column.values))
    return undefined;
  if (
    !column.values.every(isCell) ||
    !(column.numberFormat === null || typeof column.numberFormat === 'string')
  )
    return undefined;
  return { header: column.header, values: column.values, numberFormat: column.numberFormat };
}

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
    const output = outputColumnOf(column);
    if (!output) return bad;
    outputs.push(output);
  }
  const { label, scoresSheet } = value;
  const labelColumn = label === undefined ? undefined : outputColumnOf(label);
  if (label !== undefined && !labelColumn) return bad;
  if (scoresSheet !== undefined && typeof scoresSheet !== 'string') return bad;
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
    ...(labelColumn && { label: labelColumn }),
    ...(scoresSheet === undefined ? {} : { scoresSheet }),
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
    if (plan.kind === 'stale' || plan.kind === 'error') return plan;
    // Results that went to the add-in's own sheet before go there again, while it exists.
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (plan.kind === 'elsewhere' || (request.scoresSheet && spreadsheet.getSheetByName(request.scoresSheet)))
      return writeScoresSheet(request, plan.kind === 'elsewhere' ? plan.reason : undefined);
    if (plan.kind === 'conflict') return plan;
    const needed =
      plan.columns.reduce((most, column) => Math.max(most, column.column), Number.NEGATIVE_INFINITY) + 1;
    if (needed > maxColumns) sheet.insertColumnsAfter(maxColumns, needed - maxColumns);
    writeColumns(sheet, plan);
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

/**
 * Writes a plan's columns, run by run: number formats first ("@" for text), then the values — never through
 * setFormula. A matrix's weights or direction rows between the header and the data get nothing.
 */
function writeColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, plan: WritePlan): void {
  const runs = runSlices(plan);
  for (const column of plan.columns) {
    const formatted = column.formats.every((format) => format !== null);
    for (const run of runs) {
      // A header cell is text whatever the column's format; a column without a format for every cell keeps its
      // data cells' formats, and its text is kept text by a leading apostrophe (DESIGN §7b).
      const formats = column.formats
        .slice(run.from, run.from + run.count)
        .map((format, i) => [run.from + i === 0 || formatted ? (format ?? '@') : null]);
      const first = formats.findIndex(([format]) => format === null);
      const end = first === -1 ? formats.length : first;
      if (end > 0)
        sheet
          .getRange(run.first, column.column + 1, end, 1)
          .setNumberFormats(formats.slice(0, end) as string[][]);
      const cells = column.values
        .slice(run.from, run.from + run.count)
        .map((value, i) => [
          value === null
            ? ''
            : run.from + i > 0 && !formatted && typeof value === 'string' && value !== ''
              ? `'${value}`
              : value,
        ]);
      sheet.getRange(run.first, column.column + 1, run.count, 1).setValues(cells);
    }
  }
}

/**
 * Writes the results to the add-in's own scores sheet (core/initiatives/scores-sheet.ts): the one recorded for this
 * table when A1 still holds the marker (cleared, then rewritten), else a new "PMO Scores" sheet.
 * @param reason why the columns right of the table could not be used; undefined when rewriting the recorded sheet.
 */
function writeScoresSheet(request: WriteRequest, reason: string | undefined): WriteResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const named = spreadsheet
    .getSheets()
    .filter((item) => mayBeScoresSheet(item.getName()))
    .map((item) => ({ name: item.getName(), sheet: item }));
  const target = chooseScoresSheet(
    named,
    request.scoresSheet,
    (read) => read.sheet.getRange(1, 1).getValue() === SCORES_MARKER,
  );
  const scores = planScoresSheet(request);
  const sheet = target.existing?.sheet ?? spreadsheet.insertSheet(target.name);
  if (target.existing) sheet.clear();
  const rows = scores.plan.runs.reduce((most, run) => Math.max(most, run.first + run.count - 1), 1);
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  writeColumns(sheet, scores.plan);
  sheet.getRange(1, 1).setFontWeights([['bold']]);
  const width = scores.columnWidths.length;
  sheet
    .getRange(SCORES_HEADER_ROW, 1, 1, width)
    .setFontWeights([Array.from({ length: width }, () => 'bold')]);
  scores.columnWidths.forEach((characters, column) => {
    sheet.setColumnWidth(column + 1, Math.round(characters * PIXELS_PER_CHARACTER));
  });
  return scoresWriteDone(target.name, scores, reason);
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
