// What the scoring panel shows and writes, computed from the initiatives table and the ranking settings: each
// row's score (core/prioritization/ranking-scores.ts, through the catalog functions), its rank, cost and
// must-include flag, the selection within the budget (ranking-selection.ts), the rows not ranked and why, and
// the Score, Rank and Selected columns to write back. Pure: no DOM, no host.

import { cellText, isBlank, readNumber } from '../cells';
import { isPmoError } from '../errors';
import type { OutCell } from '../functions/types';
import type { CellValue, SheetTable } from '../initiatives/sheet-table';
import { isTotalLabel } from '../initiatives/table';
import type { OutputColumn, OwnedColumn } from '../initiatives/write-plan';
import { findColumn, recognisedColumns, type TableColumn, toCell, userColumns } from './ranking-columns';
import { scoreCells } from './ranking-scores';
import { selectWithinBudget } from './ranking-selection';
import { type RankingSettings, SCORING_METHODS } from './ranking-settings';
import type { RankedRow, RankingOutcome, SelectionSummary } from './ranking-types';
import { rankScores } from './ranks';
import { rankOrder } from './scoring';

/** The columns a ranking reads besides the scores: name, ID and cost. */
interface RowColumns {
  readonly name: TableColumn | undefined;
  readonly id: TableColumn | undefined;
  readonly cost: TableColumn | undefined;
}

/** True when the row has a value in any user column. */
const hasValues = (row: readonly CellValue[], columns: readonly TableColumn[]): boolean =>
  columns.some((column) => !isBlank(toCell(row[column.index])));

/**
 * Scores, ranks and selects the table's initiatives as `settings` say. Rows blank in every user column are
 * left out (they keep blank results); a row whose score cannot be computed keeps the cell function's reason.
 * A total row under the data ("Total", "Grand total" in the name or ID column) is not an initiative: it is left
 * out of the scoring (so it cannot stretch a criterion's range) and reported.
 */
export function computeRanking(
  table: SheetTable,
  settings: RankingSettings,
  owned: readonly OwnedColumn[],
): RankingOutcome {
  const columns = userColumns(table, owned);
  const known = recognisedColumns(columns);
  const use: RowColumns = {
    name: findColumn(columns, settings.nameColumn) ?? known.get('name') ?? known.get('id') ?? columns[0],
    id: known.get('id'),
    cost: findColumn(columns, settings.costColumn),
  };
  if (!table.rows.some((row) => hasValues(row, columns)))
    return {
      kind: 'blocked',
      message: 'The table has a header row but no initiatives below it yet.',
      ahp: undefined,
    };
  const isTotal = table.rows.map((row) =>
    [use.name, use.id].some((column) => column && isTotalLabel(toCell(row[column.index]))),
  );
  const scoring: SheetTable = {
    ...table,
    rows: table.rows.map((row, i) => (isTotal[i] ? row.map(() => null) : row)),
  };
  const scored = scoreCells(scoring, columns, settings);
  if ('kind' in scored) return scored;
  const issues: string[] = [];
  const live = table.rows
    .map((_, index) => index)
    .filter((index) => hasValues(table.rows[index] ?? [], columns))
    .filter((index) => {
      if (isTotal[index]) issues.push(`Row ${table.firstRow + index}: a total row; not ranked.`);
      return !isTotal[index];
    });
  const unranked = live.map((index) => rankedRow(table, index, scored.cells, use, settings.must, issues));
  const scores = unranked.map((row) => row.score);
  const ranks = rankScores(scores);
  const ranked = unranked.map((row, i) => ({ ...row, rank: ranks[i] }));
  const budget = selectWithinBudget(table, ranked, use.cost, settings.budget, issues);
  return {
    kind: 'ranking',
    method: settings.method,
    methodLabel: SCORING_METHODS.find((option) => option.value === settings.method)?.label ?? settings.method,
    rows: budget.rows,
    order: rankOrder(scores),
    weights: scored.weights,
    parts: scored.parts,
    ...(scored.inputs && { inputs: scored.inputs }),
    ahp: scored.ahp,
    selection: budget.selection,
    selectionNote: budget.selectionNote,
    issues,
    output: outputColumns(table, budget.rows, budget.selection),
  };
}

/** One live row with its score (or the reason it has none) and cost; unreadable costs go to `issues`. */
function rankedRow(
  table: SheetTable,
  index: number,
  cells: readonly OutCell[],
  use: RowColumns,
  must: readonly string[],
  issues: string[],
): RankedRow {
  const row = table.rows[index] ?? [];
  const sheetRow = table.firstRow + index;
  const nameValue = use.name ? (row[use.name.index] ?? null) : null;
  const name = nameValue === null ? '' : String(nameValue);
  const id = use.id ? cellText(toCell(row[use.id.index])) : '';
  const key = id !== '' ? id : name.trim() !== '' ? name.trim() : `row ${sheetRow}`;
  const cell = cells[index] ?? '';
  const score = typeof cell === 'number' ? cell : undefined;
  const problem = isPmoError(cell) ? cell.message : cell === '' ? 'no ratings' : undefined;
  const label = name.trim() !== '' ? ` (${name.trim()})` : '';
  if (problem !== undefined) issues.push(`Row ${sheetRow}${label}: ${problem}; not ranked.`);
  let cost: number | undefined;
  if (use.cost && score !== undefined) {
    const costCell = toCell(row[use.cost.index]);
    const parsed = readNumber(costCell);
    if (parsed.ok && parsed.value >= 0) cost = parsed.value;
    else
      issues.push(
        `Row ${sheetRow}${label}: cost ${isBlank(costCell) ? 'is blank' : `"${cellText(costCell)}" is not a cost`}; left out of the selection.`,
      );
  }
  return {
    index,
    sheetRow,
    name,
    key,
    score,
    problem,
    rank: undefined,
    cost,
    must: must.includes(key),
    selected: undefined,
    greedy: undefined,
  };
}

/** Score, Rank and Selected for every table row (blank rows included), as the write-back sees them. */
function outputColumns(
  table: SheetTable,
  rows: readonly RankedRow[],
  selection: SelectionSummary | undefined,
): OutputColumn[] {
  const byIndex = new Map(rows.map((row) => [row.index, row]));
  const scoreValues: CellValue[] = [];
  const rankValues: CellValue[] = [];
  const selectedValues: CellValue[] = [];
  table.rows.forEach((_, index) => {
    const row = byIndex.get(index);
    scoreValues.push(row === undefined ? '' : (row.score ?? row.problem ?? ''));
    rankValues.push(row?.rank ?? '');
    selectedValues.push(
      row === undefined || selection === undefined || row.score === undefined || row.cost === undefined
        ? ''
        : row.selected === true,
    );
  });
  return [
    { header: 'Score', values: scoreValues, numberFormat: '0.00' },
    { header: 'Rank', values: rankValues, numberFormat: '0' },
    { header: 'Selected', values: selectedValues, numberFormat: null },
  ];
}
