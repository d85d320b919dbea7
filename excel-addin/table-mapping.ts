/// <reference types="office-js" />
// The Excel side of the panel's Tables view: reads every sheet's used range (with the Excel tables on it) in two
// context.sync() calls, and writes the table mapping into the hidden "PMO Data" sheet the add-in owns — the plan
// comes from the core (planPmoData, the format `pmo inspect --save` writes), rendered like the dashboard (number
// format "@" before the values, so user text stays text). No other sheet is written. Host mapping only.

import type { TableMapping } from '../core/discovery/mapping';
import { planPmoData } from '../core/discovery/pmo-data';
import type { SheetView } from '../core/workbook';
import {
  queueExcelTables,
  queueSheetReads,
  renderHiddenPlan,
  type SheetRead,
  userSheetViews,
} from './dashboard';

/** Every sheet's used range and Excel tables, in two syncs; the views leave the add-in's dashboard sheets out. */
async function readSheets(
  context: Excel.RequestContext,
): Promise<{ reads: SheetRead[]; views: SheetView[] }> {
  const { worksheets, tables } = context.workbook;
  worksheets.load('items/name');
  tables.load('items/name');
  await context.sync();
  const reads = queueSheetReads(worksheets);
  const tablesOf = queueExcelTables(tables);
  await context.sync();
  return { reads, views: userSheetViews(reads, tablesOf()) };
}

/** The workbook's sheets for the Tables view (two syncs). */
export async function readWorkbookInExcel(context: Excel.RequestContext): Promise<SheetView[]> {
  return (await readSheets(context)).views;
}

/**
 * Writes `mapping` into the add-in's PMO Data sheet in three syncs: the sheet rewritten when it is the add-in's
 * (marker in A1; its other sections kept), else a new sheet under a free name; hidden either way. Returns its name.
 */
export async function saveMappingInExcel(
  context: Excel.RequestContext,
  mapping: TableMapping,
): Promise<string> {
  const { reads, views } = await readSheets(context);
  const plan = planPmoData(views, mapping);
  renderHiddenPlan(context.workbook.worksheets, reads, plan);
  await context.sync();
  return plan.sheetName;
}
