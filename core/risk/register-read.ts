// Reading a risk register into one object per risk (DESIGN §4, §6), and summarising those risks: what the dashboard,
// the panel and `pmo inspect` keep and show (top risks with their IDs, the heatmap's placed risks, the workbook's own matrix levels). The custom
// functions tally a register row by row instead (register.ts's scan), so this lives apart from the module they ship
// (DESIGN §9's functions.js budget).

import { type Cell, cellText, isBlank } from '../cells';
import { isPmoError, type PmoError } from '../errors';
import { cellOf, type FoundTable, type RowIssue, type TableRow } from '../table';
import { type RiskSummary, summarize } from './concentration';
import { prepareRiskRegister, type RegisteredRisk, type RegisterLegend, type RiskRegister } from './register';

/** A risk's name in results: its ID, else its title, else its row. */
function riskId(table: FoundTable, row: TableRow): string {
  const idCell = cellOf(table, row, 'id');
  const titleCell = cellOf(table, row, 'title');
  return !isBlank(idCell)
    ? cellText(idCell)
    : !isBlank(titleCell)
      ? cellText(titleCell)
      : `row ${row.number}`;
}

/**
 * Reads and assesses a risk register (a range that includes its header row, under any title rows).
 * - Probability and Impact scales are decided per column (DESIGN §10); with a fraction column and a 1–5
 *   column (mixed scales) each value is scored as its level 1–5, fractions by the heatmap's equal fifths. An
 *   Impact column of plain amounts (numbers above 5, no labels) is read as the cost.
 * - Exposure = P × cost when P is a chance; cost = Cost, or the PERT mean (low + 4·likely + high) ÷ 6 when
 *   Cost Low and Cost High are given; without a cost column an Exposure column is taken as it is.
 * - Residual Probability / Impact / Cost cells left blank take the inherent value (no response yet).
 * - Blank ratings leave a risk unrated; an unreadable cell is an error naming its row and column. Rows
 *   named Total, continuation rows (no ID, title, rating or amount) and blank rows are not risks.
 * @param firstRowNumber sheet row of the grid's first row, for messages (1 when unknown).
 * @param issues given: an unreadable rating or amount is listed here and read as blank, not an error for the whole register.
 */
export function readRiskRegister(
  grid: readonly (readonly Cell[])[],
  firstRowNumber = 1,
  issues?: RowIssue[],
  legend?: RegisterLegend,
): RiskRegister | PmoError {
  const prepared = prepareRiskRegister(grid, firstRowNumber, issues, legend);
  if (isPmoError(prepared)) return prepared;
  const { table } = prepared.register;
  const risks: RegisteredRisk[] = [];
  const failed = prepared.scan((row, before, after) => {
    const inherent = { ...before };
    const residual = after === undefined ? undefined : after === before ? inherent : { ...after };
    risks.push({ row: row.number, id: riskId(table, row), cells: row.cells, inherent, residual });
  });
  return failed ?? { ...prepared.register, risks };
}

/**
 * Summarises a register per group (or for the whole portfolio when `groupIndex` is undefined): count,
 * count per level (inherent and residual), total exposure and share of the portfolio's exposure.
 * Exposure keeps its sign, so opportunities (negative amounts) lower a group's total and shares are of the
 * net portfolio exposure. Groups compare case-insensitively. Work is O(risks + groups · log groups).
 * @example summarizeRisks(register, groupColumn(register, 'Category'))
 */
export function summarizeRisks(register: RiskRegister, groupIndex?: number): RiskSummary {
  const summary = summarize(register, groupIndex, (visit) => {
    for (const risk of register.risks) visit(risk.cells, risk.inherent, risk.residual);
    return undefined;
  });
  // The risks were read already: nothing is left to fail.
  return summary as RiskSummary;
}
