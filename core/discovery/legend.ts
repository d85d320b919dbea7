// The workbook's own risk legend for the register discovery found (issue 14 item 2): looked for on the register's
// sheet (outside the register), then on every other sheet in workbook order; never on the add-in's own sheets.

import { isPmoError } from '../errors';
import { findLegend, type RiskLegend } from '../risk/legend';
import { type RiskRegister, readRiskRegister } from '../risk/register';
import type { RowIssue } from '../table';
import type { LocatedTable, SheetView } from '../workbook';
import { withDefinitions, workbookDefinitions } from './definitions';
import { isAddinSheet } from './pmo-data';

/** A legend found in the workbook, and the sheet it is on. */
export interface FoundLegend extends RiskLegend {
  readonly sheet: string;
}

/** Rows searched for a legend: at the top of each sheet, and under the register on its own sheet. */
export const SCAN_ROWS = 200;

/**
 * The legend that goes with the register `risks` (undefined without a register, or when the workbook has none).
 * @example workbookLegend(sheets, findTables(sheets).tables.risks)?.bands // [{ minimumScore: 1, label: 'Low' }, …]
 */
export function workbookLegend(
  sheets: readonly SheetView[],
  risks: LocatedTable | undefined,
): FoundLegend | undefined {
  if (!risks) return undefined;
  const first = sheets.filter((sheet) => sheet.name === risks.sheet);
  const others = sheets.filter((sheet) => sheet.name !== risks.sheet);
  const lastRow = risks.firstRow + risks.grid.length - 1;
  for (const sheet of [...first, ...others]) {
    if (isAddinSheet(sheet)) continue;
    const onRegister = sheet.name === risks.sheet;
    const inRegister = (r: number) =>
      onRegister && sheet.firstRow + r >= risks.firstRow && sheet.firstRow + r <= lastRow;
    // A legend sits near the top of its sheet, or just under the register: bounded work on long sheets.
    const below = lastRow - sheet.firstRow + 1;
    const legend =
      findLegend(sheet.rows, inRegister, 0, SCAN_ROWS) ??
      (onRegister ? findLegend(sheet.rows, inRegister, below, below + SCAN_ROWS) : undefined);
    if (legend) return { ...legend, sheet: sheet.name };
  }
  return undefined;
}

/**
 * The register as its workbook means it (the dashboard and `pmo inspect` read it so): its labels by the workbook's
 * definitions ("75% to 100%" → 0.87), its levels by the workbook's own legend, and an unreadable rating or amount
 * a data issue of its row (the risk unrated), not the loss of the register.
 */
export function readWorkbookRegister(
  sheets: readonly SheetView[],
  risks: LocatedTable,
): { readonly register?: RiskRegister; readonly error?: string; readonly issues: readonly RowIssue[] } {
  const issues: RowIssue[] = [];
  const defined = withDefinitions(risks, workbookDefinitions(sheets));
  const read = readRiskRegister(defined.grid, defined.firstRow, issues, workbookLegend(sheets, risks));
  return isPmoError(read) ? { error: read.message, issues } : { register: read, issues };
}
