// The scoring panel's HostBridge in Excel (Office.js). Reading finds the initiatives table on the active sheet —
// Excel tables first, else the used range with core's header detection (core/initiatives/) — in at most two
// context.sync() calls; writing reads the rows around the table and writes the planned columns: two syncs,
// each column's number format set before its values ("@" for text). Settings live in the document's settings
// (Office.context.document.settings, persisted with saveAsync).

import { parseA1 } from '../core/a1';
import { POINTS_PER_CHARACTER } from '../core/dashboard/layout';
import {
  chooseScoresSheet,
  mayBeScoresSheet,
  planScoresSheet,
  SCORES_HEADER_ROW,
  SCORES_MARKER,
  scoresWriteDone,
} from '../core/initiatives/scores-sheet';
import {
  detectInitiativesTable,
  type ListObjectArea,
  type SheetBlock,
} from '../core/initiatives/sheet-table';
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
  type HostBridge,
  type ReadResult,
  type SettingsSaved,
  type TableSource,
  thrownMessage,
  type WriteRequest,
  type WriteResult,
} from '../panel/bridge';
import { SETTINGS_KEY } from '../panel/settings';
import { readWorkbookInExcel, saveMappingInExcel } from './table-mapping';

/** Excel values as JSON-like cells: blanks are null, everything else as Excel gives it (dates are serials). */
function jsonCells(values: readonly (readonly unknown[])[]): CellValue[][] {
  return values.map((row) =>
    row.map((value): CellValue => {
      if (value === null || value === undefined || value === '') return null;
      if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
      return String(value);
    }),
  );
}

/** A loaded range (or a null object) as a block of cells; an empty block when Excel says there is nothing. */
function blockOf(range: Excel.Range): SheetBlock {
  if (range.isNullObject) return { values: [], firstRow: 1, firstColumn: 0 };
  return { values: jsonCells(range.values), firstRow: range.rowIndex + 1, firstColumn: range.columnIndex };
}

async function readTable(context: Excel.RequestContext, source: TableSource): Promise<ReadResult> {
  if (source.kind === 'selection') {
    const selected = context.workbook.getSelectedRange();
    const used = selected.getUsedRangeOrNullObject(true);
    used.load('values,rowIndex,columnIndex');
    const sheet = selected.worksheet;
    sheet.load('name');
    await context.sync();
    return detectInitiativesTable(sheet.name, blockOf(used), [], 'selection');
  }
  if (source.kind === 'range') {
    const area = parseA1(source.address);
    const sheet = context.workbook.worksheets.getItemOrNullObject(source.sheet);
    await context.sync();
    if (sheet.isNullObject || !area)
      return bridgeError(
        `The table read last time (${source.sheet}!${source.address}) is gone: find the table again.`,
      );
    const range = sheet.getRange(source.address);
    range.load('values,rowIndex,columnIndex');
    await context.sync();
    return detectInitiativesTable(source.sheet, blockOf(range), [], 'saved range');
  }
  // One sync for the sheet, its tables' names and the used range's values; a second only when there are tables.
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  const tables = sheet.tables;
  tables.load('items/name,items/showTotals');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  await context.sync();
  const areas: ListObjectArea[] = [];
  if (tables.items.length > 0) {
    const ranges = tables.items.map((table) => {
      const range = table.getRange();
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      return { name: table.name, totals: table.showTotals, range };
    });
    await context.sync();
    for (const { name, totals, range } of ranges)
      areas.push({
        name,
        firstRow: range.rowIndex + 1,
        firstColumn: range.columnIndex,
        // A table's total row is not an initiative.
        rowCount: range.rowCount - (totals ? 1 : 0),
        columnCount: range.columnCount,
      });
  }
  return detectInitiativesTable(sheet.name, blockOf(used), areas, 'used range');
}

async function writeResults(context: Excel.RequestContext, request: WriteRequest): Promise<WriteResult> {
  // The used cells of the table's rows, whatever their columns: enough to see headers and occupied columns.
  const sheet = context.workbook.worksheets.getItem(request.sheet);
  const rows = sheet.getRange(`${request.headerRow}:${request.lastRow}`).getUsedRangeOrNullObject(true);
  rows.load('values,rowIndex,columnIndex');
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  try {
    await context.sync();
  } catch (error) {
    return bridgeError(
      `Sheet "${request.sheet}" could not be read (renamed or deleted?): ${thrownMessage(error)}`,
    );
  }
  const plan = planWrite(request, blockOf(rows));
  if (plan.kind === 'stale' || plan.kind === 'error') return plan;
  const recorded = worksheets.items.some(
    (item) => item.name.toLowerCase() === request.scoresSheet?.toLowerCase(),
  );
  // Results that went to the add-in's own sheet before go there again, while it exists.
  if (plan.kind === 'elsewhere' || recorded) {
    const reason = plan.kind === 'elsewhere' ? plan.reason : undefined;
    return writeScoresSheet(context, request, worksheets.items, reason);
  }
  if (plan.kind === 'conflict') return plan;
  writeColumns(sheet, plan);
  await context.sync();
  return {
    kind: 'written',
    sheet: request.sheet,
    address: planAddress(plan, request.headerRow, request.lastRow),
    columns: ownedColumnsOf(plan),
  };
}

/** Queues a plan's columns: per run of rows, number formats before values, so text is stored as text, never a formula. */
function writeColumns(sheet: Excel.Worksheet, plan: WritePlan): void {
  // A matrix's settings rows under the header are left out of the runs: nothing is written to them.
  for (const column of plan.columns)
    for (const run of runSlices(plan)) {
      const range = sheet.getRangeByIndexes(run.first - 1, column.column, run.count, 1);
      range.numberFormat = column.formats
        .slice(run.from, run.from + run.count)
        .map((format) => [format ?? 'General']);
      range.values = column.values.slice(run.from, run.from + run.count).map((value) => [value ?? '']);
    }
}

/**
 * Writes the results to the add-in's own scores sheet (core/initiatives/scores-sheet.ts): the one recorded for this
 * table when A1 still holds the marker (cleared, then rewritten), else a new "PMO Scores" sheet. One sync reads the
 * A1 of the sheets named like it, one writes.
 * @param reason why the columns right of the table could not be used; undefined when rewriting the recorded sheet.
 */
async function writeScoresSheet(
  context: Excel.RequestContext,
  request: WriteRequest,
  sheets: readonly Excel.Worksheet[],
  reason: string | undefined,
): Promise<WriteResult> {
  const named = sheets
    .filter((item) => mayBeScoresSheet(item.name))
    .map((item) => {
      const a1 = item.getRange('A1');
      a1.load('values');
      return { name: item.name, sheet: item, a1 };
    });
  await context.sync();
  const target = chooseScoresSheet(
    named,
    request.scoresSheet,
    (read) => read.a1.values[0]?.[0] === SCORES_MARKER,
  );
  const scores = planScoresSheet(request);
  const sheet = target.existing?.sheet ?? context.workbook.worksheets.add(target.name);
  if (target.existing) sheet.getRange().clear('All');
  writeColumns(sheet, scores.plan);
  sheet.getRange('A1').format.font.bold = true;
  sheet.getRangeByIndexes(SCORES_HEADER_ROW - 1, 0, 1, scores.columnWidths.length).format.font.bold = true;
  scores.columnWidths.forEach((characters, column) => {
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = characters * POINTS_PER_CHARACTER;
  });
  await context.sync();
  return scoresWriteDone(target.name, scores, reason);
}

/** The document settings object, or undefined outside a document. */
function documentSettings(): Office.Settings | undefined {
  return Office.context?.document?.settings;
}

/** Runs a batch in Excel; what Excel throws becomes a BridgeError ("Excel could not <what>: …"). */
async function excelRun<T>(
  what: string,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T | BridgeError> {
  try {
    return await Excel.run(batch);
  } catch (error) {
    return bridgeError(`Excel could not ${what}: ${thrownMessage(error)}`);
  }
}

/** Creates the bridge. Office.js must be ready (call after Office.onReady). */
export function createExcelBridge(): HostBridge {
  return {
    host: 'excel',
    readInitiatives: (source) => excelRun('read the table', (context) => readTable(context, source)),
    writeResults: (request) => excelRun('write the results', (context) => writeResults(context, request)),
    readWorkbook: () =>
      excelRun('read the workbook', async (context) => ({
        kind: 'workbook' as const,
        sheets: await readWorkbookInExcel(context),
      })),
    saveTableMapping: (mapping) =>
      excelRun('save the table mapping', async (context) => ({
        kind: 'saved' as const,
        sheet: await saveMappingInExcel(context, mapping),
      })),
    async loadSettings() {
      const settings = documentSettings();
      if (!settings) return bridgeError('This document has no settings store.');
      const saved: unknown = settings.get(SETTINGS_KEY);
      return typeof saved === 'string' ? saved : null;
    },
    saveSettings(json) {
      return new Promise<SettingsSaved | BridgeError>((resolve) => {
        const settings = documentSettings();
        if (!settings) {
          resolve(bridgeError('This document has no settings store.'));
          return;
        }
        try {
          settings.set(SETTINGS_KEY, json);
          settings.saveAsync((result) => {
            resolve(
              result.status === Office.AsyncResultStatus.Succeeded
                ? { kind: 'saved' }
                : bridgeError(result.error?.message ?? 'saving the document settings failed'),
            );
          });
        } catch (error) {
          resolve(bridgeError(thrownMessage(error)));
        }
      });
    },
  };
}
