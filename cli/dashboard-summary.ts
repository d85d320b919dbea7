// What `pmo dashboard` reports on its standard output: the tables it found and the cells it read ("Risks
// (Sheet1!A5:E9)", worded as on the dashboard sheet), the figures of the dashboard, and the named budget it
// reads from the workbook.

import { parseA1, sheetOfReference } from '../core/a1';
import type { Cell } from '../core/cells';
import { BUDGET_NAME } from '../core/dashboard/budget';
import type { DashboardSummary } from '../core/dashboard/build';
import { formatMoney } from '../core/dashboard/layout';
import { sourceText } from '../core/dashboard/sources';
import { windowNote } from '../core/dashboard/window';
import { isoFromSerial } from '../core/dates';
import { KIND_LABELS } from '../core/workbook';
import { sanitizeText } from './heatmap';
import type { Workbook } from './xlsx';

export { KIND_LABELS };

/** The cells of the workbook's defined name "Budget", when it names a range on a sheet. */
export function budgetCells(workbook: Workbook): Cell[][] | undefined {
  const name = workbook.names.find((candidate) => candidate.name.toLowerCase() === BUDGET_NAME.toLowerCase());
  const sheetName = name ? sheetOfReference(name.ref) : undefined;
  const area = name ? parseA1(name.ref) : undefined;
  const sheet = workbook.sheets.find((candidate) => candidate.name === sheetName);
  if (!sheet || !area) return undefined;
  const cells: Cell[][] = [];
  for (let row = area.firstRow; row <= area.lastRow && cells.length < 2; row++) {
    const line: Cell[] = [];
    for (let column = area.firstColumn; column <= area.lastColumn && line.length < 2; column++)
      line.push(sheet.rows[row - sheet.firstRow]?.[column] ?? null);
    cells.push(line);
  }
  return cells;
}

function percent(ratio: number | undefined): string {
  return ratio === undefined ? 'n/a' : `${Math.round(ratio * 100)}%`;
}

function money(amount: number | undefined): string {
  return amount === undefined ? 'n/a' : formatMoney(amount);
}

export function summaryLines(summary: DashboardSummary): string[] {
  const lines = [
    `Tables: ${summary.tablesFound.map((source) => sanitizeText(sourceText(source))).join(', ') || 'none found'}`,
  ];
  if (summary.tablesMissing.length > 0)
    lines.push(`Not found: ${summary.tablesMissing.map((kind) => KIND_LABELS[kind]).join(', ')}`);
  if (summary.tablesNotUsed.length > 0)
    lines.push(
      `Also found, not used (map one with --table to use it): ${summary.tablesNotUsed.map((source) => sanitizeText(sourceText(source))).join(', ')}`,
    );
  if (summary.resources !== undefined) {
    lines.push(
      `Resources: ${summary.resources}; utilization over 12 weeks from ${isoFromSerial(summary.heatmapStart)}: ${percent(summary.averageUtilization)}; overallocated resource-weeks: ${summary.overallocatedResourceWeeks ?? 0}`,
    );
    const window = windowNote(summary);
    if (window) lines.push(window);
  }
  if (summary.initiatives !== undefined) {
    const selection =
      summary.selectedCount === undefined
        ? 'no selection (no budget or costs)'
        : `${summary.selectedCount} funded for ${money(summary.selectedCost)} of a ${money(summary.budget)} budget`;
    lines.push(
      `Initiatives: ${summary.initiatives}, ranked by ${summary.rankingMethod ?? 'nothing (no Score, WSJF or RICE columns)'}; ${selection}`,
    );
  }
  if (summary.risks !== undefined) {
    const levels = summary.risksByLevel
      ? Object.entries(summary.risksByLevel)
          .map(([level, count]) => `${sanitizeText(level)} ${count}`)
          .join(', ')
      : '';
    lines.push(`Risks: ${summary.risks} (${levels}); total exposure ${money(summary.totalExposure)}`);
  }
  lines.push(
    summary.issues.length === 0
      ? 'Data issues: none'
      : `Data issues: ${summary.issues.length} rows left out (listed on the sheet)`,
  );
  return lines;
}
