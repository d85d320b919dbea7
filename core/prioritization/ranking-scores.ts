// The scores of the chosen method, one per table row, computed by the very catalog functions users type in
// cells (SCORE, WSJF, RICE through `invoke` on the same cells), so the panel's numbers equal the cells' by
// construction; AHP weights, consistency and the repair hint from core/prioritization/ahp.

import { type Cell, isBlank, readNumber } from '../cells';
import { isPmoError, type PmoError } from '../errors';
import { invoke, UTC_DATES } from '../functions/invoke';
import { RICE, SCORE, WSJF } from '../functions/prioritization-functions';
import type { FunctionSpec, OutCell } from '../functions/types';
import type { SheetTable } from '../initiatives/sheet-table';
import { ahpWeights, consistencyOf, type PairwiseMatrix } from './ahp';
import { suggestRepair } from './ahp-repair';
import { findColumn, type TableColumn, toCell } from './ranking-columns';
import { type Criterion, judgementOf, type RankingSettings } from './ranking-settings';
import {
  type AhpSummary,
  CR_LIMIT,
  type Ranking,
  type RankingBlocked,
  type ScoreParts,
} from './ranking-types';
import { scoreContributions } from './score-parts';
import type { RatingRow, ScoreMethod } from './scoring';

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

function pairwiseMatrix(criteria: readonly string[], settings: RankingSettings): PairwiseMatrix {
  return criteria.map((a) => criteria.map((b) => (a === b ? 1 : judgementOf(settings.judgements, a, b))));
}

/** AHP weights, consistency ratio and the repair hint for the chosen criteria. */
export function ahpSummary(criteria: readonly string[], settings: RankingSettings): AhpSummary {
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

/** The scores of the chosen method: one result cell per table row, the criteria's weights, the AHP summary. */
export interface ScoredCells {
  readonly cells: readonly OutCell[];
  readonly weights: Ranking['weights'];
  readonly ahp: AhpSummary | undefined;
  readonly parts?: ScoreParts;
  readonly inputs?: Ranking['inputs'];
}

const blocked = (message: string, ahp?: AhpSummary): RankingBlocked => ({ kind: 'blocked', message, ahp });

/** Reads the scores of the chosen method: one cell per table row, or what blocks scoring. */
export function scoreCells(
  table: SheetTable,
  columns: readonly TableColumn[],
  settings: RankingSettings,
): ScoredCells | RankingBlocked {
  return settings.method === 'wsjf' || settings.method === 'rice'
    ? scoreByInputs(
        table,
        columns,
        settings.method,
        settings.method === 'wsjf' ? settings.wsjf : settings.rice,
      )
    : scoreByCriteria(table, columns, settings);
}

/** WSJF or RICE: the four mapped input columns through the catalog function of the same name. */
function scoreByInputs(
  table: SheetTable,
  columns: readonly TableColumn[],
  method: 'wsjf' | 'rice',
  headers: readonly string[],
): ScoredCells | RankingBlocked {
  const names =
    method === 'wsjf'
      ? ['Business value', 'Time criticality', 'RR/OE', 'Job size']
      : ['Reach', 'Impact', 'Confidence', 'Effort'];
  const mapped = headers.map((header) => findColumn(columns, header));
  const missing = names.filter((_, i) => !mapped[i]);
  if (missing.length > 0)
    return blocked(`Choose the ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}.`);
  const args = mapped.map((column) => columnArgument(table, column as TableColumn));
  const cells = perRow(method === 'wsjf' ? WSJF : RICE, args, table.rows.length);
  if (isPmoError(cells)) return blocked(cells.message);
  if (method === 'rice')
    return { cells, weights: undefined, ahp: undefined, inputs: riceInputs(table, args, cells, names) };
  // WSJF's inputs of each scored row, read as WSJF reads them (numbers, numeric text), for "why this rank".
  const inputs = table.rows.map((row, r) => {
    if (typeof cells[r] !== 'number') return undefined;
    const read = mapped.map((column) => readNumber(toCell(row[(column as TableColumn).index])));
    return read.every((value) => value.ok)
      ? read.map((value, i) => ({ name: names[i] ?? '', value: value.ok ? value.value : 0 }))
      : undefined;
  });
  return { cells, weights: undefined, ahp: undefined, inputs };
}

/**
 * RICE's inputs of each scored row as RICE read them, for "why this rank": reach and effort as numbers; impact and
 * confidence as RICE's own scales read them (words, percentages, the column's 0–1 or 0–100 decision), found by
 * calling RICE with every other input at 1 (confidence at 100%), so reach × impact × confidence ÷ effort is the score.
 */
function riceInputs(
  table: SheetTable,
  args: readonly Cell[][][],
  cells: readonly OutCell[],
  names: readonly string[],
): Ranking['inputs'] {
  const ones = (value: Cell): Cell[][] => [['One'], ...table.rows.map(() => [value])];
  const [reach, impactColumn, confidenceColumn, effort] = args;
  if (!reach || !impactColumn || !confidenceColumn || !effort) return undefined;
  const impact = perRow(RICE, [ones(1), impactColumn, ones('100%'), ones(1)], table.rows.length);
  const confidence = perRow(RICE, [ones(1), ones(1), confidenceColumn, ones(1)], table.rows.length);
  if (isPmoError(impact) || isPmoError(confidence)) return undefined;
  const asRead = (cell: Cell | undefined) => {
    const read = readNumber(cell ?? '');
    return read.ok ? read.value : undefined;
  };
  return table.rows.map((_, r) => {
    if (typeof cells[r] !== 'number') return undefined;
    const values = [asRead(reach[r + 1]?.[0]), impact[r], confidence[r], asRead(effort[r + 1]?.[0])];
    return values.every((value) => typeof value === 'number')
      ? values.map((value, i) => ({ name: names[i] ?? '', value: value as number }))
      : undefined;
  });
}

/**
 * Each row's criteria parts, from its cells read as SCORE reads them (a blank row or one with a cell that is not a
 * number has none, as it has no score): core/prioritization/scoring.ts `scoreContributions`.
 */
function scoreParts(
  table: SheetTable,
  criteria: readonly Criterion[],
  indices: readonly number[],
  weights: readonly number[],
  combine: ScoreMethod,
): ScoreParts | undefined {
  const ratings: RatingRow[] = table.rows.map((row) => {
    const cells = indices.map((index) => toCell(row[index]));
    if (cells.every((cell) => isBlank(cell))) return undefined;
    const read = cells.map((cell) => readNumber(cell));
    return read.every((value) => value.ok) ? read.map((value) => (value.ok ? value.value : 0)) : undefined;
  });
  const directions = criteria.map((criterion) => criterion.direction);
  const parts = scoreContributions(ratings, weights, directions, combine);
  if (isPmoError(parts)) return undefined;
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return {
    combine,
    rows: parts.map((row, r) =>
      row?.map((part, c) => ({
        header: criteria[c]?.header ?? '',
        rating: ratings[r]?.[c] ?? 0,
        direction: directions[c] ?? 'max',
        weight: weights[c] ?? 0,
        share: (weights[c] ?? 0) / total,
        ...part,
      })),
    ),
  };
}

/** Weighted score or AHP: the ticked criteria through SCORE, with direct weights or AHP's. */
function scoreByCriteria(
  table: SheetTable,
  columns: readonly TableColumn[],
  settings: RankingSettings,
): ScoredCells | RankingBlocked {
  const rowCount = table.rows.length;
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
  const combine = ahp ? 'weighted' : settings.combine;
  const cells = perRow(
    SCORE,
    [ratings, [weights], [criteria.map((criterion) => criterion.direction)], combine],
    rowCount,
  );
  if (isPmoError(cells)) return blocked(cells.message, ahp);
  const indices = criteria.map((criterion) => (findColumn(columns, criterion.header) as TableColumn).index);
  const parts = scoreParts(table, criteria, indices, weights, combine);
  return {
    cells,
    weights: criteria.map((criterion, i) => ({ header: criterion.header, share: (weights[i] ?? 0) / total })),
    ahp,
    ...(parts && { parts }),
  };
}
