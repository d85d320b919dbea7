// The weight sensitivity of the panel's Weighted score ranking (issue 16.6), in the panel's terms: for each ticked
// criterion, the weights (the others as set) between which the top initiative and, with a budget, the funded set
// stay as they are, and what changes past each end, in words. The maths is weight-sensitivity.ts's, on the terms
// the ranking's "why this rank" parts carry; the funded set for moved weights is the exact selection the ranking
// makes (selectWithinBudget: SELECT with the same costs, budget and must-include items). Pure: no DOM, no host.

import type { SheetTable } from '../initiatives/sheet-table';
import type { OwnedColumn } from '../initiatives/write-plan';
import { findColumn, userColumns } from './ranking-columns';
import { selectWithinBudget } from './ranking-selection';
import type { RankingSettings } from './ranking-settings';
import type { RankedRow, Ranking } from './ranking-types';
import { type Change, type WeightRange, weightSensitivity } from './weight-sensitivity';

/**
 * Above this many candidates the funded set is not part of the check (each bound runs the exact selection about
 * twenty times); the top initiative still is, and the panel says so.
 */
export const FUNDED_CHECK_LIMIT = 200;

/** One criterion's range, with what changes past each end in words. */
export interface CriterionSensitivity {
  readonly header: string;
  readonly weight: number;
  /** undefined: the only criterion with weight, so moving it changes nothing. */
  readonly range: WeightRange | undefined;
  /** "Cloud migration takes the top", "the funded set changes"; undefined at an end that keeps everything. */
  readonly below: string | undefined;
  readonly above: string | undefined;
}

export interface RankingSensitivity {
  /** The top initiative's name as shown. */
  readonly top: string;
  /** True when the funded set is part of what must stay (a selection was made, within the limit). */
  readonly funded: boolean;
  /** Why the funded set is not checked, when there is a selection but too many candidates. */
  readonly note: string | undefined;
  readonly criteria: readonly CriterionSensitivity[];
}

const nameOf = (row: RankedRow | undefined): string => (row ? row.name.trim() || `Row ${row.sheetRow}` : '');

/** What changed just past a bound, in words. */
function changeText(
  change: Change | undefined,
  rows: readonly (RankedRow | undefined)[],
): string | undefined {
  if (!change) return undefined;
  const parts: string[] = [];
  if (change.top !== undefined) parts.push(`${nameOf(rows[change.top])} takes the top`);
  if (change.funded) parts.push('the funded set changes');
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/**
 * The sensitivity of a Weighted score ranking to each criterion's weight; undefined for the other methods, or
 * when fewer than one initiative is scored. `settings` are the ones the ranking was computed with.
 */
export function rankingSensitivity(
  table: SheetTable,
  settings: RankingSettings,
  owned: readonly OwnedColumn[],
  ranking: Ranking,
): RankingSensitivity | undefined {
  const parts = ranking.parts;
  if (ranking.method !== 'weighted' || !parts || ranking.order.length === 0) return undefined;
  // Rows best first, so that index 0 is the top and ties keep the ranking's own order.
  const rows = ranking.order.map((position) => ranking.rows[position]);
  const lines = rows.map((row) => (row ? parts.rows[row.index] : undefined));
  const first = lines[0];
  if (!first || lines.some((line) => !line || line.length !== first.length)) return undefined;
  const terms = lines.map((line) => (line ?? []).map((part) => part.term));
  const weights = first.map((part) => part.weight);
  const candidates = rows.filter((row) => row?.cost !== undefined).length;
  const selecting = ranking.selection !== undefined;
  const checkFunded = selecting && candidates <= FUNDED_CHECK_LIMIT;
  const costColumn = findColumn(userColumns(table, owned), settings.costColumn);
  const funded = checkFunded
    ? (scores: readonly number[]) => {
        const scored = new Map(rows.map((row, k) => [row?.index, scores[k]]));
        const moved = ranking.rows.map((row) =>
          scored.has(row.index) ? { ...row, score: scored.get(row.index) } : row,
        );
        const chosen = selectWithinBudget(table, moved, costColumn, settings.budget, []);
        const byIndex = new Map(chosen.rows.map((row) => [row.index, row.selected === true]));
        return rows.map((row) => (row ? byIndex.get(row.index) === true : false));
      }
    : undefined;
  const ranges = weightSensitivity({ terms, weights, ...(funded && { funded }), tolerance: 1e-6 });
  if (ranges.length !== weights.length) return undefined;
  return {
    top: nameOf(rows[0]),
    funded: checkFunded,
    note:
      selecting && !checkFunded
        ? `With more than ${FUNDED_CHECK_LIMIT} initiatives to select from, only the top initiative is checked.`
        : undefined,
    criteria: first.map((part, c) => {
      const range = ranges[c];
      return {
        header: part.header,
        weight: part.weight,
        range,
        below: changeText(range?.below, rows),
        above: changeText(range?.above, rows),
      };
    }),
  };
}
