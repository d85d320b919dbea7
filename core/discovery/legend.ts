// The workbook's own risk legend for the register discovery found (issue 14 item 2): looked for on the register's
// sheet (outside the register), then on every other sheet in workbook order; never on the add-in's own sheets.

import type { Cell } from '../cells';
import { isPmoError } from '../errors';
import { findLegend, type RiskLegend } from '../risk/legend';
import {
  findMatrixLegend,
  type MatrixLegend,
  matrixBands,
  matrixLabelKey,
  matrixLevel,
  positionLevel,
} from '../risk/matrix-legend';
import type { RiskRegister } from '../risk/register';
import { readRiskRegister } from '../risk/register-read';
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

/** The sheets a register's legend or matrix is looked for on: the register's own first, never the add-in's own. */
const legendSheets = (sheets: readonly SheetView[], risks: LocatedTable): SheetView[] =>
  [
    ...sheets.filter((sheet) => sheet.name === risks.sheet),
    ...sheets.filter((sheet) => sheet.name !== risks.sheet),
  ].filter((sheet) => !isAddinSheet(sheet));

/**
 * The legend that goes with the register `risks` (undefined without a register, or when the workbook has none).
 * @example workbookLegend(sheets, findTables(sheets).tables.risks)?.bands // [{ minimumScore: 1, label: 'Low' }, …]
 */
export function workbookLegend(
  sheets: readonly SheetView[],
  risks: LocatedTable | undefined,
): FoundLegend | undefined {
  if (!risks) return undefined;
  const lastRow = risks.firstRow + risks.grid.length - 1;
  for (const sheet of legendSheets(sheets, risks)) {
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
 * The risk matrix that goes with the register `risks` (see core/risk/matrix-legend.ts): looked for as the legend is,
 * on the register's sheet outside it and then on every other sheet, in the first rows of each.
 */
export function workbookMatrixLegend(
  sheets: readonly SheetView[],
  risks: LocatedTable,
): (MatrixLegend & { readonly sheet: string }) | undefined {
  for (const sheet of legendSheets(sheets, risks)) {
    // On the register's own sheet, the rows above it (a matrix beside or under a register is rare and costly to scan).
    const to = sheet.name === risks.sheet ? Math.min(SCAN_ROWS, risks.firstRow - sheet.firstRow) : SCAN_ROWS;
    const matrix = findMatrixLegend(sheet.rows, 0, to);
    if (matrix) return { ...matrix, sheet: sheet.name };
  }
  return undefined;
}

/**
 * `register` levelled by the workbook's risk matrix, as its own lookup formulas level it: each risk's level is the
 * matrix cell of its likelihood and impact labels, read from the first column where most risks hold a likelihood
 * label of the matrix and the first where most hold an impact label (the residual level from the second such columns,
 * when the register repeats them after its response). The cells are the register's as written (`grid`, before label
 * definitions turned labels into numbers). Unchanged when the register holds none of the matrix's labels.
 */
export function levelledByMatrix(
  register: RiskRegister,
  legend: MatrixLegend,
  grid: readonly (readonly Cell[])[],
  firstRow: number,
): RiskRegister {
  const rows = register.risks.map((risk) => grid[risk.row - firstRow] ?? risk.cells);
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  const labelColumns = (labels: readonly string[]) => {
    const wanted = new Set(labels.map(matrixLabelKey));
    const columns: number[] = [];
    for (let c = 0; c < width; c++)
      if (rows.filter((row) => wanted.has(matrixLabelKey(row[c]))).length * 2 >= rows.length) columns.push(c);
    return columns;
  };
  const [p, residualP] = labelColumns(legend.probability);
  const [i, residualI] = labelColumns(legend.impact);
  if (p === undefined || i === undefined || rows.length === 0) return register;
  const bands = matrixBands(legend);
  const risks = register.risks.map((risk, index) => {
    const row = rows[index] ?? [];
    const inherent = { ...risk.inherent, level: matrixLevel(legend, row[p] ?? null, row[i] ?? null) };
    if (!risk.residual) return { ...risk, inherent };
    // A residual left blank is the inherent assessment; else its labels' cell, or its ratings' cell without labels.
    const after =
      risk.residual === risk.inherent
        ? inherent.level
        : residualP !== undefined && residualI !== undefined
          ? matrixLevel(legend, row[residualP] ?? null, row[residualI] ?? null)
          : positionLevel(legend, risk.residual.probability, risk.residual.impact);
    return { ...risk, inherent, residual: { ...risk.residual, level: after } };
  });
  return { ...register, risks, bands, ownLegend: true, matrix: legend };
}

/**
 * The register as its workbook means it (the dashboard and `pmo inspect` read it so): its labels by the workbook's
 * definitions ("75% to 100%" → 0.87), its levels by the workbook's own legend (score ranges), or else by its own risk
 * matrix (a level for each likelihood × impact label), and an unreadable rating or amount a data issue of its row
 * (the risk unrated), not the loss of the register.
 */
export function readWorkbookRegister(
  sheets: readonly SheetView[],
  risks: LocatedTable,
): { readonly register?: RiskRegister; readonly error?: string; readonly issues: readonly RowIssue[] } {
  const issues: RowIssue[] = [];
  const defined = withDefinitions(risks, workbookDefinitions(sheets));
  const legend = workbookLegend(sheets, risks);
  const read = readRiskRegister(defined.grid, defined.firstRow, issues, legend);
  if (isPmoError(read)) return { error: read.message, issues };
  const matrix = legend || !read.scale ? undefined : workbookMatrixLegend(sheets, risks);
  return { register: matrix ? levelledByMatrix(read, matrix, risks.grid, risks.firstRow) : read, issues };
}
