// The workbook's own risk legend for the register discovery found (issue 14 item 2): looked for on the register's
// sheet (outside the register), then on every other sheet in workbook order; never on the add-in's own sheets.

import { DASHBOARD_MARKER } from '../dashboard/plan';
import { findLegend, type RiskLegend } from '../risk/legend';
import type { LocatedTable, SheetView } from '../workbook';
import { isPmoDataSheet } from './pmo-data';

/** A legend found in the workbook, and the sheet it is on. */
export interface FoundLegend extends RiskLegend {
  readonly sheet: string;
}

const ownSheet = (sheet: SheetView): boolean =>
  isPmoDataSheet(sheet) || sheet.rows[0]?.[0] === DASHBOARD_MARKER;

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
    if (ownSheet(sheet)) continue;
    const inRegister = (r: number) =>
      sheet.name === risks.sheet && sheet.firstRow + r >= risks.firstRow && sheet.firstRow + r <= lastRow;
    const legend = findLegend(sheet.rows, inRegister);
    if (legend) return { ...legend, sheet: sheet.name };
  }
  return undefined;
}
