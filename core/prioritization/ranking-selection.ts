// The budget part of a ranking: the exact selection (the SELECT catalog function, must-include honoured) beside
// the greedy waterline (score ÷ cost until the next one does not fit), and what the waterline loses.

import { readNumber } from '../cells';
import { isPmoError, type PmoError } from '../errors';
import { invoke, UTC_DATES } from '../functions/invoke';
import { SELECT } from '../functions/prioritization-functions';
import type { SheetTable } from '../initiatives/sheet-table';
import { type TableColumn, toCell } from './ranking-columns';
import type { PortfolioTotals, RankedRow, SelectionSummary } from './ranking-types';
import { greedyWaterline } from './waterline';

/** Reads the budget as typed: '' = none; money text such as "CHF 1.2M" is accepted. */
export function parseBudget(text: string): number | undefined | PmoError {
  if (text.trim() === '') return undefined;
  const parsed = readNumber(text);
  if (!parsed.ok)
    return { kind: 'error', code: 'value', message: `The budget "${text.trim()}" is not a number.` };
  if (parsed.value < 0) return { kind: 'error', code: 'value', message: 'The budget must be 0 or more.' };
  return parsed.value;
}

/** The ranked rows with their selection flags, the selection summary, or why there is none. */
export interface BudgetOutcome {
  readonly rows: readonly RankedRow[];
  readonly selection: SelectionSummary | undefined;
  readonly selectionNote: string | undefined;
}

/** A ranked row that can be selected, with its position among the ranked rows. */
interface Candidate {
  readonly row: RankedRow;
  readonly i: number;
}

/**
 * Selects within the typed budget: rows with both a score and a cost are candidates; a must-include row
 * without one is reported in `issues`. Without a budget, a readable budget or a cost column, the rows are
 * returned as they are with a note saying why.
 */
export function selectWithinBudget(
  table: SheetTable,
  rows: readonly RankedRow[],
  costColumn: TableColumn | undefined,
  budgetText: string,
  issues: string[],
): BudgetOutcome {
  const none = (selectionNote: string): BudgetOutcome => ({ rows, selection: undefined, selectionNote });
  const budget = parseBudget(budgetText);
  if (budget === undefined) return none('No budget: the ranking is shown without a selection.');
  if (isPmoError(budget)) return none(budget.message);
  if (!costColumn) return none('Choose the cost column to select initiatives within the budget.');
  const candidates = rows
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.score !== undefined && row.cost !== undefined);
  for (const row of rows)
    if (row.must && (row.score === undefined || row.cost === undefined))
      issues.push(
        `"${row.name.trim() || row.key}" must be included but has no ${row.score === undefined ? 'score' : 'cost'}; it is left out.`,
      );
  if (candidates.length === 0) return none('No initiative has both a score and a cost: nothing to select.');
  const exact = invoke(
    SELECT,
    [
      [['Cost'], ...candidates.map(({ row }) => [toCell(table.rows[row.index]?.[costColumn.index])])],
      [['Score'], ...candidates.map(({ row }) => [row.score ?? 0])],
      budget,
      [['Must include'], ...candidates.map(({ row }) => [row.must])],
    ],
    UTC_DATES,
  );
  if (isPmoError(exact)) return none(exact.message);
  const flags = exact.slice(1).map((line) => line[0] === true);
  const greedy = greedyWaterline({
    items: candidates.map(({ row }) => ({ cost: row.cost ?? 0, value: row.score ?? 0, must: row.must })),
    budget,
  });
  const greedyFlags = isPmoError(greedy) ? undefined : greedy.selected;
  const chosen = new Map(
    candidates.map(({ i }, k) => [i, { exact: flags[k] ?? false, greedy: greedyFlags?.[k] }]),
  );
  return {
    rows: rows.map((row, i) => {
      const pick = chosen.get(i);
      return pick
        ? { ...row, selected: pick.exact, greedy: pick.greedy }
        : { ...row, selected: false, greedy: false };
    }),
    selection: summarize(candidates, budget, flags, greedyFlags),
    selectionNote: undefined,
  };
}

/** The exact selection's totals beside the waterline's, and the names funded by only one of them. */
function summarize(
  candidates: readonly Candidate[],
  budget: number,
  flags: readonly boolean[],
  greedyFlags: readonly boolean[] | undefined,
): SelectionSummary {
  const totals = (chosen: readonly boolean[]): PortfolioTotals => {
    let count = 0;
    let cost = 0;
    let value = 0;
    candidates.forEach(({ row }, k) => {
      if (!chosen[k]) return;
      count++;
      cost += row.cost ?? 0;
      value += row.score ?? 0;
    });
    return { count, cost, value };
  };
  const exactTotals = totals(flags);
  const greedyTotals = greedyFlags ? totals(greedyFlags) : undefined;
  const lostValue = greedyTotals ? Math.max(0, exactTotals.value - greedyTotals.value) : 0;
  const nameOf = (k: number) => {
    const row = candidates[k]?.row;
    return row ? row.name.trim() || row.key : '';
  };
  const exactOnly: string[] = [];
  const greedyOnly: string[] = [];
  candidates.forEach((_, k) => {
    if (flags[k] && !greedyFlags?.[k]) exactOnly.push(nameOf(k));
    if (!flags[k] && greedyFlags?.[k]) greedyOnly.push(nameOf(k));
  });
  return {
    budget,
    exact: exactTotals,
    greedy: greedyTotals,
    lostValue,
    lostShare: exactTotals.value > 0 ? lostValue / exactTotals.value : 0,
    exactOnly: greedyFlags ? exactOnly : [],
    greedyOnly,
  };
}
