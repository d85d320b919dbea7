// What the scoring panel shows and writes, computed from the table and the settings. Scores come from the very
// catalog functions users type in cells (SCORE, WSJF, RICE, SELECT, called through `invoke` on the same
// cells), so the panel's numbers equal the cells' by construction; AHP weights, consistency and the repair
// hint come from core/prioritization/ahp, the greedy waterline from core/prioritization/selection.
// Pure: no DOM, no host.

import { type Cell, cellText, isBlank, readNumber } from '../core/cells';
import { INITIATIVES_TABLE } from '../core/dashboard/initiatives';
import { isPmoError, type PmoError } from '../core/errors';
import { invoke, normalizeCell, UTC_DATES } from '../core/functions/invoke';
import { RICE, SCORE, SELECT, WSJF } from '../core/functions/prioritization-functions';
import type { FunctionSpec, OutCell } from '../core/functions/types';
import { ahpWeights, consistencyOf, type PairwiseMatrix, suggestRepair } from '../core/prioritization/ahp';
import { rankOrder, rankScores } from '../core/prioritization/scoring';
import { greedyWaterline } from '../core/prioritization/selection';
import { findTable, normalizeHeader } from '../core/table';
import type { CellValue, OutputColumn, OwnedColumn, SheetTable } from './bridge';
import { judgementOf, PANEL_METHODS, type PanelMethod, type PanelSettings } from './settings';
import { columnLetters } from './sheet-table';

/** The consistency ratio above which AHP judgements should be revisited (Saaty). */
export const CR_LIMIT = 0.1;

/** A column of the user's table the panel can map. */
export interface TableColumn {
  /** Index within the table (0 = its first column). */
  readonly index: number;
  readonly header: string;
  /** What the mapping controls show: the header, or "Column F" for a blank one. */
  readonly label: string;
}

/**
 * The user's columns: every table column except the ones the add-in wrote (Score, Rank, Selected), in table
 * order. A blank header is shown as its column letter.
 */
export function userColumns(table: SheetTable, owned: readonly OwnedColumn[]): TableColumn[] {
  return table.headers
    .map((header, index) => ({
      index,
      header,
      label: header === '' ? `Column ${columnLetters(table.firstColumn + index)}` : header,
    }))
    .filter(
      (column) =>
        !owned.some(
          (entry) =>
            entry.column === table.firstColumn + column.index &&
            entry.header.trim().toLowerCase() === column.header.trim().toLowerCase(),
        ),
    );
}

/** The columns core's Initiatives table recognises by their headers (name, cost, ID, WSJF and RICE inputs). */
export function recognisedColumns(columns: readonly TableColumn[]): Map<string, TableColumn> {
  const cells: Cell[] = columns.map((column) => (column.header === '' ? null : column.header));
  while (cells.length < 2) cells.push(null);
  const found = findTable([cells], INITIATIVES_TABLE);
  const byKey = new Map<string, TableColumn>();
  if (isPmoError(found)) return byKey;
  for (const [key, position] of found.columns) {
    const column = columns[position];
    if (column) byKey.set(key, column);
  }
  return byKey;
}

/** Labels of a total row in the name or ID column (normalised: lower case, letters and digits only). */
const TOTAL_LABELS = new Set(['total', 'totals', 'grandtotal', 'subtotal', 'sum', 'portfoliototal']);

const COST_LIKE = /cost|effort|risk|size|complexity|duration|price|capex|opex|budget|time to/i;

/** The direction a new criterion starts with: less is better for cost-, effort-, risk- and size-like headers. */
export function defaultDirection(header: string): 'max' | 'min' {
  return COST_LIKE.test(header) ? 'min' : 'max';
}

/** One data row of the table, scored or not. */
export interface RankedRow {
  /** Index into table.rows. */
  readonly index: number;
  readonly sheetRow: number;
  /** The initiative name exactly as in the cell ('' when blank). */
  readonly name: string;
  /** The must-include key: the ID when the table has one, else the name, else "row N". */
  readonly key: string;
  readonly score: number | undefined;
  /** Why the row has no score (the cell functions' reason). */
  readonly problem: string | undefined;
  readonly rank: number | undefined;
  readonly cost: number | undefined;
  readonly must: boolean;
  /** In the exact selection; undefined when nothing was selected (no budget, no cost column, an error). */
  readonly selected: boolean | undefined;
  /** Funded by the greedy waterline. */
  readonly greedy: boolean | undefined;
}

export interface PortfolioTotals {
  readonly count: number;
  readonly cost: number;
  readonly value: number;
}

/** The exact selection beside the greedy waterline, and what the waterline loses. */
export interface SelectionSummary {
  readonly budget: number;
  readonly exact: PortfolioTotals;
  readonly greedy: PortfolioTotals | undefined;
  /** Exact value − greedy value (≥ 0), and as a share of the exact value. */
  readonly lostValue: number;
  readonly lostShare: number;
  /** Names funded only by the exact selection / only by the greedy waterline. */
  readonly exactOnly: readonly string[];
  readonly greedyOnly: readonly string[];
}

export interface AhpSummary {
  readonly criteria: readonly string[];
  /** Priority weights (principal eigenvector), summing to 1, in criteria order. */
  readonly weights: readonly number[];
  readonly consistencyRatio: number | undefined;
  readonly error: string | undefined;
  /** The judgement to revisit and the Saaty value that lowers CR (only when CR > 0.10). */
  readonly repair:
    | {
        readonly a: string;
        readonly b: string;
        readonly current: number;
        readonly implied: number;
        readonly suggested: number;
        readonly ratioAfter: number;
      }
    | undefined;
}

export interface Ranking {
  readonly kind: 'ranking';
  readonly method: PanelMethod;
  readonly methodLabel: string;
  /** Every non-blank data row, in sheet order. */
  readonly rows: readonly RankedRow[];
  /** Positions in `rows` of the scored rows, best first. */
  readonly order: readonly number[];
  /** Each criterion's share of the total weight (Weighted score and AHP). */
  readonly weights: readonly { readonly header: string; readonly share: number }[] | undefined;
  readonly ahp: AhpSummary | undefined;
  readonly selection: SelectionSummary | undefined;
  /** Why there is no selection, or why it failed (the SELECT message). */
  readonly selectionNote: string | undefined;
  /** Rows not scored or left out of the selection, one sentence each. */
  readonly issues: readonly string[];
  /** The table's rows as the write-back sees them (blank rows included): Score, Rank, Selected. */
  readonly output: readonly OutputColumn[];
}

/** The panel cannot rank yet: what is missing, in one sentence. */
export interface RankingBlocked {
  readonly kind: 'blocked';
  readonly message: string;
  readonly ahp: AhpSummary | undefined;
}

export type RankingOutcome = Ranking | RankingBlocked;

const toCell = (value: CellValue | undefined): Cell => normalizeCell(value ?? null, UTC_DATES);

/** A column argument as a cell function receives it: the header cell, then one cell per row. */
function columnArgument(table: SheetTable, column: TableColumn): Cell[][] {
  const label = column.header === '' || readNumber(column.header).ok ? column.label : column.header;
  return [[label], ...table.rows.map((row) => [toCell(row[column.index])])];
}

/** Calls a catalog function and returns one result cell per table row, header cell dropped. */
function perRow(spec: FunctionSpec, args: readonly unknown[], rowCount: number): OutCell[] | PmoError {
  const result = invoke(spec, args, UTC_DATES);
  if (isPmoError(result)) return result;
  const cells = result.map((row) => row[0] ?? '');
  if (cells.length === rowCount + 1) return cells.slice(1);
  if (cells.length === rowCount) return cells;
  return {
    kind: 'error',
    code: 'value',
    message: `${spec.name} returned ${cells.length} rows for ${rowCount}.`,
  };
}

function pairwiseMatrix(criteria: readonly string[], settings: PanelSettings): PairwiseMatrix {
  return criteria.map((a) => criteria.map((b) => (a === b ? 1 : judgementOf(settings.judgements, a, b))));
}

/** AHP weights, consistency ratio and the repair hint for the chosen criteria. */
export function ahpSummary(criteria: readonly string[], settings: PanelSettings): AhpSummary {
  const matrix = pairwiseMatrix(criteria, settings);
  const weights = criteria.length === 0 ? [] : ahpWeights(matrix, 'eigen');
  const consistency = consistencyOf(matrix);
  if (isPmoError(consistency))
    return { criteria, weights, consistencyRatio: undefined, error: consistency.message, repair: undefined };
  let repair: AhpSummary['repair'];
  if (consistency.consistencyRatio > CR_LIMIT) {
    const found = suggestRepair(matrix);
    if (found && !isPmoError(found))
      repair = {
        a: criteria[found.row] ?? '',
        b: criteria[found.column] ?? '',
        current: found.current,
        implied: found.implied,
        suggested: found.suggested,
        ratioAfter: found.after.consistencyRatio,
      };
  }
  return { criteria, weights, consistencyRatio: consistency.consistencyRatio, error: undefined, repair };
}

function findColumn(columns: readonly TableColumn[], header: string): TableColumn | undefined {
  return header === '' ? undefined : columns.find((column) => column.header === header);
}

/** Reads the scores of the chosen method: one cell per table row, or what blocks scoring. */
function scoreCells(
  table: SheetTable,
  columns: readonly TableColumn[],
  settings: PanelSettings,
): { cells: OutCell[]; weights: Ranking['weights']; ahp: AhpSummary | undefined } | RankingBlocked {
  const rowCount = table.rows.length;
  const blocked = (message: string, ahp?: AhpSummary): RankingBlocked => ({ kind: 'blocked', message, ahp });
  if (settings.method === 'wsjf' || settings.method === 'rice') {
    const names =
      settings.method === 'wsjf'
        ? ['Business value', 'Time criticality', 'RR/OE', 'Job size']
        : ['Reach', 'Impact', 'Confidence', 'Effort'];
    const mapped = (settings.method === 'wsjf' ? settings.wsjf : settings.rice).map((header) =>
      findColumn(columns, header),
    );
    const missing = names.filter((_, i) => !mapped[i]);
    if (missing.length > 0)
      return blocked(`Choose the ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}.`);
    const args = mapped.map((column) => columnArgument(table, column as TableColumn));
    const cells = perRow(settings.method === 'wsjf' ? WSJF : RICE, args, rowCount);
    if (isPmoError(cells)) return blocked(cells.message);
    return { cells, weights: undefined, ahp: undefined };
  }
  const criteria = settings.criteria.filter((criterion) => findColumn(columns, criterion.header));
  const ahp =
    settings.method === 'ahp'
      ? ahpSummary(
          criteria.map((criterion) => criterion.header),
          settings,
        )
      : undefined;
  if (criteria.length === 0)
    return blocked('Choose at least one criterion: tick the columns that rate the initiatives.', ahp);
  if (ahp?.error) return blocked(ahp.error, ahp);
  const weights = ahp ? [...ahp.weights] : criteria.map((criterion) => criterion.weight);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0)) return blocked('All weights are 0: give at least one criterion a weight above 0.', ahp);
  const ratings: Cell[][] = [
    criteria.map((criterion) => {
      const column = findColumn(columns, criterion.header) as TableColumn;
      return column.header === '' || readNumber(column.header).ok ? column.label : column.header;
    }),
    ...table.rows.map((row) =>
      criteria.map((criterion) => toCell(row[(findColumn(columns, criterion.header) as TableColumn).index])),
    ),
  ];
  const cells = perRow(
    SCORE,
    [
      ratings,
      [weights],
      [criteria.map((criterion) => criterion.direction)],
      ahp ? 'weighted' : settings.combine,
    ],
    rowCount,
  );
  if (isPmoError(cells)) return blocked(cells.message, ahp);
  return {
    cells,
    weights: criteria.map((criterion, i) => ({ header: criterion.header, share: (weights[i] ?? 0) / total })),
    ahp,
  };
}

/** Reads the budget as typed: '' = none; money text such as "CHF 1.2M" is accepted. */
export function parseBudget(text: string): number | undefined | PmoError {
  if (text.trim() === '') return undefined;
  const parsed = readNumber(text);
  if (!parsed.ok)
    return { kind: 'error', code: 'value', message: `The budget "${text.trim()}" is not a number.` };
  if (parsed.value < 0) return { kind: 'error', code: 'value', message: 'The budget must be 0 or more.' };
  return parsed.value;
}

/**
 * Scores, ranks and selects the table's initiatives as `settings` say. Rows blank in every user column are
 * left out (they keep blank results); a row whose score cannot be computed keeps the cell function's reason.
 */
export function computeRanking(
  table: SheetTable,
  settings: PanelSettings,
  owned: readonly OwnedColumn[],
): RankingOutcome {
  const columns = userColumns(table, owned);
  const known = recognisedColumns(columns);
  const nameColumn =
    findColumn(columns, settings.nameColumn) ?? known.get('name') ?? known.get('id') ?? columns[0];
  const idColumn = known.get('id');
  const costColumn = findColumn(columns, settings.costColumn);
  const methodLabel =
    PANEL_METHODS.find((option) => option.value === settings.method)?.label ?? settings.method;
  if (!table.rows.some((row) => columns.some((column) => !isBlank(toCell(row[column.index])))))
    return {
      kind: 'blocked',
      message: 'The table has a header row but no initiatives below it yet.',
      ahp: undefined,
    };
  // A total row under the data ("Total", "Grand total") is not an initiative: it is left out of the scoring
  // (so it cannot stretch a criterion's range) and reported.
  const isTotal = table.rows.map((row) =>
    [nameColumn, idColumn].some(
      (column) => column && TOTAL_LABELS.has(normalizeHeader(cellText(toCell(row[column.index])))),
    ),
  );
  const issues: string[] = [];
  const scoring: SheetTable = {
    ...table,
    rows: table.rows.map((row, i) => (isTotal[i] ? row.map(() => null) : row)),
  };
  const scored = scoreCells(scoring, columns, settings);
  if ('kind' in scored) return scored;
  const mustKeys = new Set(settings.must);
  const live = table.rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => columns.some((column) => !isBlank(toCell(row[column.index]))))
    .filter(({ index }) => {
      if (isTotal[index]) issues.push(`Row ${table.firstRow + index}: a total row; not ranked.`);
      return !isTotal[index];
    });
  const scores: (number | undefined)[] = [];
  const rows: RankedRow[] = live.map(({ row, index }) => {
    const sheetRow = table.firstRow + index;
    const nameValue = nameColumn ? (row[nameColumn.index] ?? null) : null;
    const name = nameValue === null ? '' : String(nameValue);
    const id = idColumn ? cellText(toCell(row[idColumn.index])) : '';
    const key = id !== '' ? id : name.trim() !== '' ? name.trim() : `row ${sheetRow}`;
    const cell = scored.cells[index] ?? '';
    const score = typeof cell === 'number' ? cell : undefined;
    const problem = isPmoError(cell) ? cell.message : cell === '' ? 'no ratings' : undefined;
    const label = name.trim() !== '' ? ` (${name.trim()})` : '';
    if (problem !== undefined) issues.push(`Row ${sheetRow}${label}: ${problem}; not ranked.`);
    let cost: number | undefined;
    if (costColumn && score !== undefined) {
      const costCell = toCell(row[costColumn.index]);
      const parsed = readNumber(costCell);
      if (parsed.ok && parsed.value >= 0) cost = parsed.value;
      else
        issues.push(
          `Row ${sheetRow}${label}: cost ${isBlank(costCell) ? 'is blank' : `"${cellText(costCell)}" is not a cost`}; left out of the selection.`,
        );
    }
    scores.push(score);
    return {
      index,
      sheetRow,
      name,
      key,
      score,
      problem,
      rank: undefined,
      cost,
      must: mustKeys.has(key),
      selected: undefined,
      greedy: undefined,
    };
  });
  const ranks = rankScores(scores);
  const order = rankOrder(scores);
  let ranked = rows.map((row, i) => ({ ...row, rank: ranks[i] }));

  let selection: SelectionSummary | undefined;
  let selectionNote: string | undefined;
  const budget = parseBudget(settings.budget);
  if (budget === undefined) selectionNote = 'No budget: the ranking is shown without a selection.';
  else if (isPmoError(budget)) selectionNote = budget.message;
  else if (!costColumn) selectionNote = 'Choose the cost column to select initiatives within the budget.';
  else {
    const candidates = ranked
      .map((row, i) => ({ row, i }))
      .filter(({ row }) => row.score !== undefined && row.cost !== undefined);
    for (const row of ranked)
      if (row.must && (row.score === undefined || row.cost === undefined))
        issues.push(
          `"${row.name.trim() || row.key}" must be included but has no ${row.score === undefined ? 'score' : 'cost'}; it is left out.`,
        );
    if (candidates.length === 0)
      selectionNote = 'No initiative has both a score and a cost: nothing to select.';
    else {
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
      if (isPmoError(exact)) selectionNote = exact.message;
      else {
        const flags = exact.slice(1).map((line) => line[0] === true);
        const greedy = greedyWaterline({
          items: candidates.map(({ row }) => ({
            cost: row.cost ?? 0,
            value: row.score ?? 0,
            must: row.must,
          })),
          budget,
        });
        const greedyFlags = isPmoError(greedy) ? undefined : greedy.selected;
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
        selection = {
          budget,
          exact: exactTotals,
          greedy: greedyTotals,
          lostValue,
          lostShare: exactTotals.value > 0 ? lostValue / exactTotals.value : 0,
          exactOnly: greedyFlags ? exactOnly : [],
          greedyOnly,
        };
        const chosen = new Map(
          candidates.map(({ i }, k) => [i, { exact: flags[k] ?? false, greedy: greedyFlags?.[k] }]),
        );
        ranked = ranked.map((row, i) => {
          const pick = chosen.get(i);
          return pick
            ? { ...row, selected: pick.exact, greedy: pick.greedy }
            : { ...row, selected: false, greedy: false };
        });
      }
    }
  }

  const byIndex = new Map(ranked.map((row) => [row.index, row]));
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
  return {
    kind: 'ranking',
    method: settings.method,
    methodLabel,
    rows: ranked,
    order,
    weights: scored.weights,
    ahp: scored.ahp,
    selection,
    selectionNote,
    issues,
    output: [
      { header: 'Score', values: scoreValues, numberFormat: '0.00' },
      { header: 'Rank', values: rankValues, numberFormat: '0' },
      { header: 'Selected', values: selectedValues, numberFormat: null },
    ],
  };
}
