// Reads the Initiatives table for the dashboard and ranks it: an existing Score column first, else WSJF,
// else RICE inputs; then the exact selection within the budget beside the greedy waterline.

import { type Cell, cellText, isBlank, readNumber, readProbability } from '../cells';
import { isPmoError } from '../errors';
import { INITIATIVES_TABLE, isTotalLabel, RICE_KEYS, WSJF_KEYS } from '../initiatives/table';
import { rankScores } from '../prioritization/ranks';
import { parseConfidenceLabel, parseImpactLabel, riceScore, wsjfScore } from '../prioritization/scoring';
import { type PortfolioSelection, selectPortfolio } from '../prioritization/selection';
import { greedyWaterline } from '../prioritization/waterline';
import { cellOf, type FoundTable, findTable, type RowIssue, rowIssue, type TableRow } from '../table';
import { WEIGHTED_METHOD, type WeightedMatrix, type WeightedScores, weightedScores } from './weighted';

export type RankingMethod = 'Score' | 'WSJF' | 'RICE' | typeof WEIGHTED_METHOD;

export interface RankedInitiative {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly score: number;
  readonly rank: number;
  readonly cost: number | undefined;
  readonly selected: boolean | undefined;
}

export interface InitiativeRanking {
  readonly method: RankingMethod | undefined;
  /** Initiatives with a score, best first. */
  readonly ranked: readonly RankedInitiative[];
  /** All initiative rows (scored or not). */
  readonly count: number;
  readonly budget: number | undefined;
  readonly selection: PortfolioSelection | undefined;
  readonly greedy: PortfolioSelection | undefined;
  /** Why there is no selection (no budget, no costs, search limit…), for the dashboard's note. */
  readonly selectionNote: string | undefined;
  readonly issues: readonly RowIssue[];
  /** The table as read: its columns and rows (the dashboard takes the cost column's number format from it). */
  readonly table: FoundTable;
  /** A matrix with its own weights: how its rows were scored by them (the directions and sum or average used). */
  readonly weighted?: WeightedScores & {
    readonly names: readonly string[];
    readonly weights: readonly number[];
  };
}

function methodOf(table: FoundTable): RankingMethod | undefined {
  if (table.columns.has('score')) return 'Score';
  if (WSJF_KEYS.every((key) => table.columns.has(key))) return 'WSJF';
  if (RICE_KEYS.every((key) => table.columns.has(key))) return 'RICE';
  return undefined;
}

function numberIn(table: FoundTable, row: TableRow, key: string, issues: RowIssue[]): number | undefined {
  const parsed = readNumber(cellOf(table, row, key));
  if (parsed.ok) return parsed.value;
  issues.push(rowIssue(table, row, key, `${parsed.problem}: not ranked`));
  return undefined;
}

function scoreRow(
  table: FoundTable,
  row: TableRow,
  method: RankingMethod,
  issues: RowIssue[],
): number | undefined {
  const read = (key: string) => numberIn(table, row, key, issues);
  if (method === 'Score') return read('score');
  if (method === 'WSJF') {
    const [businessValue, timeCriticality, riskReduction, jobSize] = WSJF_KEYS.map(read);
    if (
      businessValue === undefined ||
      timeCriticality === undefined ||
      riskReduction === undefined ||
      jobSize === undefined
    )
      return undefined;
    const score = wsjfScore({ businessValue, timeCriticality, riskReduction, jobSize });
    if (isPmoError(score)) {
      issues.push(rowIssue(table, row, 'jobSize', `${score.message}: not ranked`));
      return undefined;
    }
    return score;
  }
  const label = (key: string, parse: (text: string) => number | undefined): number | undefined => {
    const cell: Cell = cellOf(table, row, key);
    if (typeof cell === 'string') {
      const fromLabel = parse(cell);
      if (fromLabel !== undefined) return fromLabel;
    }
    return read(key);
  };
  const reach = read('reach');
  const impact = label('impact', parseImpactLabel);
  const confidenceCell = cellOf(table, row, 'confidence');
  const confidenceLabel =
    typeof confidenceCell === 'string' ? parseConfidenceLabel(confidenceCell) : undefined;
  const confidenceRead = confidenceLabel === undefined ? readProbability(confidenceCell) : undefined;
  if (confidenceRead && !confidenceRead.ok)
    issues.push(rowIssue(table, row, 'confidence', `${confidenceRead.problem}: not ranked`));
  const confidence = confidenceLabel ?? (confidenceRead?.ok ? confidenceRead.value : undefined);
  const effort = read('effort');
  if (reach === undefined || impact === undefined || confidence === undefined || effort === undefined)
    return undefined;
  const score = riceScore({ reach, impact, confidenceRatio: confidence, effort });
  if (isPmoError(score)) {
    issues.push(rowIssue(table, row, 'effort', `${score.message}: not ranked`));
    return undefined;
  }
  return score;
}

/**
 * Ranks the initiatives found in `grid` and selects the best set within `budget` (exact, DESIGN §10), with
 * the greedy waterline for contrast. Without a budget the ranking is shown unconstrained. A scoring matrix that
 * keeps its own weights (`matrix`, from discovery) and has no Score, WSJF or RICE columns is ranked by Σ weight ×
 * rating; one with a Score column is ranked by it, and each row whose Score its weights do not give is reported.
 */
export function rankInitiatives(
  grid: readonly (readonly Cell[])[],
  firstRow: number,
  budget: number | undefined,
  matrix?: WeightedMatrix,
): InitiativeRanking | undefined {
  const table = findTable(grid, INITIATIVES_TABLE, firstRow);
  if (isPmoError(table)) return undefined;
  const issues: RowIssue[] = [];
  const weights = matrix?.settings.weights;
  const method = methodOf(table) ?? (weights ? WEIGHTED_METHOD : undefined);
  const rows = table.rows.filter((row) => {
    if (isBlank(cellOf(table, row, 'id')) && isBlank(cellOf(table, row, 'name'))) return false;
    const totalKey = ['name', 'id'].find((key) => isTotalLabel(cellOf(table, row, key)));
    if (totalKey !== undefined) issues.push(rowIssue(table, row, totalKey, 'a total row: not ranked'));
    return totalKey === undefined;
  });
  const matrixScores =
    method === WEIGHTED_METHOD && matrix ? weightedScores(table, rows, matrix, issues) : undefined;
  const scores = matrixScores
    ? [...matrixScores.scores]
    : rows.map((row) =>
        method && method !== WEIGHTED_METHOD ? scoreRow(table, row, method, issues) : undefined,
      );
  // A matrix's own Score beside its weights: said wherever the two disagree, never silently.
  const checked =
    method === 'Score' && matrix ? weightedScores(table, rows, matrix, issues, scores) : undefined;
  const weighted = matrixScores ?? checked;
  const costs = rows.map((row) =>
    table.columns.has('cost') && !isBlank(cellOf(table, row, 'cost'))
      ? numberIn(table, row, 'cost', issues)
      : undefined,
  );
  const ranks = rankScores(scores);
  const scored = rows.map((_, i) => i).filter((i) => scores[i] !== undefined);

  let selection: PortfolioSelection | undefined;
  let greedy: PortfolioSelection | undefined;
  let selectionNote: string | undefined;
  if (budget === undefined)
    selectionNote = 'No budget found (name a cell "Budget"): the ranking is shown unconstrained.';
  else if (!table.columns.has('cost'))
    selectionNote = 'The Initiatives table has no Cost column: nothing can be selected within the budget.';
  else {
    const candidates = scored.filter((i) => costs[i] !== undefined);
    const items = candidates.map((i) => ({ cost: costs[i] ?? 0, value: scores[i] ?? 0 }));
    const exact = selectPortfolio({ items, budget });
    const waterline = greedyWaterline({ items, budget });
    if (isPmoError(exact)) selectionNote = exact.message;
    else {
      const expand = (result: PortfolioSelection): PortfolioSelection => {
        const flags = rows.map(() => false);
        candidates.forEach((rowIndex, k) => {
          flags[rowIndex] = result.selected[k] ?? false;
        });
        return { ...result, selected: flags };
      };
      selection = expand(exact);
      if (!isPmoError(waterline)) greedy = expand(waterline);
    }
  }
  const ranked = scored
    .map((i): RankedInitiative => {
      const row = rows[i] as TableRow;
      return {
        row: row.number,
        id: cellText(cellOf(table, row, 'id')),
        name: cellText(cellOf(table, row, 'name')),
        score: scores[i] ?? 0,
        rank: ranks[i] ?? 0,
        cost: costs[i],
        selected: selection ? (selection.selected[i] ?? false) : undefined,
      };
    })
    .sort((a, b) => a.rank - b.rank);
  return {
    method,
    ranked,
    count: rows.length,
    budget,
    selection,
    greedy,
    selectionNote,
    issues,
    table,
    ...(weighted && weights
      ? { weighted: { ...weighted, names: matrix?.settings.names ?? [], weights } }
      : {}),
  };
}

const BUDGET_LABELS = new Set([
  'budget',
  'totalbudget',
  'portfoliobudget',
  'availablebudget',
  'budgetavailable',
  'fundingavailable',
]);

/**
 * A budget written next to its label on a sheet: a cell reading "Budget" (or Total/Portfolio/Available budget)
 * with a number to its right or just below it. Used when the workbook has no defined name "Budget".
 */
export function budgetFromLabel(grid: readonly (readonly Cell[])[]): number | undefined {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== 'string' || !BUDGET_LABELS.has(cell.toLowerCase().replace(/[^a-z]/g, ''))) continue;
      for (const candidate of [row[c + 1], grid[r + 1]?.[c]]) {
        if (candidate === undefined || isBlank(candidate)) continue;
        const parsed = readNumber(candidate);
        if (parsed.ok && parsed.value >= 0) return parsed.value;
      }
    }
  }
  return undefined;
}
