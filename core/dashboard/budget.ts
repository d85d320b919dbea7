// The portfolio budget a workbook names: the one rule the dashboard uses in Excel, in Sheets and in the CLI.

import { type Cell, readNumber } from '../cells';

/** The name a workbook gives its portfolio budget (any case). */
export const BUDGET_NAME = 'Budget';

/**
 * The budget held by the cells of the workbook's defined name "Budget": exactly one cell holding a number ≥ 0
 * (numeric or money text such as "CHF 1,200,000"). A name over several cells, a negative amount, text or an
 * error is no budget (the dashboard then ranks without a selection) rather than a guess.
 * @param cells the named range's cells, or a constant's value as one cell; undefined when there is no such name.
 */
export function namedBudget(cells: readonly (readonly Cell[])[] | undefined): number | undefined {
  if (cells?.length !== 1 || cells[0]?.length !== 1) return undefined;
  const parsed = readNumber(cells[0][0] ?? null);
  return parsed.ok && parsed.value >= 0 ? parsed.value : undefined;
}
