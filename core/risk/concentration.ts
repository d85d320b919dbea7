// Portfolio concentration (DESIGN §6 RISK_SUMMARY): risks per group (category, owner, project, …) with
// counts per level, total exposure and each group's share of the portfolio's exposure; top-N share.

import { type Cell, cellText, isBlank } from '../cells';
import { type PmoError, pmoError, quote } from '../errors';
import { normalizeHeader } from '../table';
import { RISK_LEVELS, type RiskLevel } from './levels';
import {
  type PreparedRegister,
  type RegisteredRisk,
  RISK_REGISTER_TABLE,
  type RiskAssessment,
  type RiskRegister,
} from './register';

/** Counts per level of one group, plus the risks that could not be rated. */
export interface LevelCounts {
  readonly counts: Readonly<Record<RiskLevel, number>>;
  readonly unrated: number;
  /** Σ exposure of the group's risks that have one (undefined when the register gives no exposure). */
  readonly exposure: number | undefined;
}

/** One row of the summary. */
export interface GroupSummary {
  /** The group's value as first written (`(blank)` for blank cells, `Total` for the portfolio). */
  readonly label: string;
  readonly count: number;
  readonly inherent: LevelCounts;
  /** After response, when the register has residual columns. */
  readonly residual: LevelCounts | undefined;
  /** Group exposure ÷ portfolio exposure; undefined when there is no exposure or the portfolio's is 0. */
  readonly share: number | undefined;
  readonly residualShare: number | undefined;
}

/** RISK_SUMMARY's content: one summary per group, largest exposure first, and the whole portfolio. */
export interface RiskSummary {
  /** Header text of the grouping column as the user wrote it (undefined for the whole portfolio). */
  readonly groupHeader: string | undefined;
  /** Groups by exposure, largest first (then by count, then first appearance). */
  readonly groups: readonly GroupSummary[];
  readonly total: GroupSummary;
}

/** The label of risks whose group cell is blank. */
export const BLANK_GROUP = '(blank)';

/** Slots per tally: the four levels of {@link RISK_LEVELS}, then unrated (a workbook's own label counts there). */
const SLOTS = RISK_LEVELS.length + 1;

/** Counts per level and Σ exposure of each tally (the portfolio is tally 0, groups from 1), growing as groups appear. */
class Tallies {
  readonly counts: number[] = [];
  readonly exposure: number[] = [];
  add(tally: number, assessment: RiskAssessment): void {
    while (this.exposure.length <= tally) {
      this.exposure.push(0);
      for (let slot = 0; slot < SLOTS; slot++) this.counts.push(0);
    }
    const found = RISK_LEVELS.indexOf(assessment.level as RiskLevel);
    const at = tally * SLOTS + (found < 0 ? RISK_LEVELS.length : found);
    this.counts[at] = (this.counts[at] ?? 0) + 1;
    if (assessment.exposure !== undefined)
      this.exposure[tally] = (this.exposure[tally] ?? 0) + assessment.exposure;
  }
  result(tally: number, hasExposure: boolean): LevelCounts {
    const at = (slot: number) => this.counts[tally * SLOTS + slot] ?? 0;
    const counts = Object.fromEntries(RISK_LEVELS.map((level, slot) => [level, at(slot)]));
    return {
      counts: counts as Record<RiskLevel, number>,
      unrated: at(RISK_LEVELS.length),
      exposure: hasExposure ? (this.exposure[tally] ?? 0) : undefined,
    };
  }
}

/**
 * Finds the column to group by: a register column by any of its synonyms ("Category", "Risk Owner",
 * "project"…) or any header text of the register, compared case-, space- and punctuation-insensitively.
 * @returns the column index, or an error listing the headers.
 */
export function groupColumn(
  register: Pick<RiskRegister, 'table'>,
  name: string,
  fn = 'RISK_SUMMARY',
): number | PmoError {
  const key = normalizeHeader(name);
  const byHeader = register.table.headers.findIndex((header) => normalizeHeader(header) === key);
  if (key !== '' && byHeader >= 0) return byHeader;
  for (const column of RISK_REGISTER_TABLE.columns) {
    if ([column.label, ...column.synonyms].some((synonym) => normalizeHeader(synonym) === key)) {
      const index = register.table.columns.get(column.key);
      if (index !== undefined) return index;
    }
  }
  const seen = register.table.headers.filter((header) => header !== '');
  return pmoError(
    'value',
    `${fn}'s group_by ${quote(name)} is not a column of the Risks table; headers seen: ` +
      `${seen.map((header) => `"${header}"`).join(', ')}.`,
  );
}

/** part ÷ whole; undefined without both, or when the whole is so near 0 that the quotient overflows. */
function share(part: number | undefined, whole: number | undefined): number | undefined {
  if (part === undefined || whole === undefined || whole === 0) return undefined;
  const ratio = part / whole;
  return Number.isFinite(ratio) ? ratio : undefined;
}

/** Visits each risk: its row's cells and its assessments (see {@link RiskVisitor}). */
export type RiskSource = (
  visit: (cells: readonly Cell[], inherent: RiskAssessment, residual: RiskAssessment | undefined) => void,
) => PmoError | undefined;

/**
 * Summarises a register straight from its rows, without a risk object per row (RISK_SUMMARY's path): the summary
 * summarizeRisks (register-read.ts) gives of the risks once read, or the first unreadable cell's error.
 */
export function summarizeRegister(prepared: PreparedRegister, groupIndex?: number): RiskSummary | PmoError {
  return summarize(prepared.register, groupIndex, (visit) =>
    prepared.scan((row, inherent, residual) => visit(row.cells, inherent, residual)),
  );
}

/** The summary of the risks `risks` visits (see summarizeRegister). */
export function summarize(
  register: PreparedRegister['register'],
  groupIndex: number | undefined,
  risks: RiskSource,
): RiskSummary | PmoError {
  const hasExposure = register.exposure === 'available';
  // Each risk's group is found once per distinct cell: registers repeat a few owners or categories thousands of
  // times. Tally 0 is the portfolio; groups are numbered from 1 in order of first appearance.
  const labels: string[] = [];
  const byCell = new Map<Cell, number>();
  const byKey = new Map<string, number>();
  const groupOf = (cell: Cell): number => {
    let group = byCell.get(cell);
    if (group === undefined) {
      const label = isBlank(cell) ? BLANK_GROUP : cellText(cell);
      const key = label.toLowerCase();
      group = byKey.get(key);
      if (group === undefined) {
        group = labels.push(label);
        byKey.set(key, group);
      }
      byCell.set(cell, group);
    }
    return group;
  };
  const sizes: number[] = [0];
  const inherent = new Tallies();
  const residual = new Tallies();
  const count = (tally: number, before: RiskAssessment, after: RiskAssessment | undefined) => {
    sizes[tally] = (sizes[tally] ?? 0) + 1;
    inherent.add(tally, before);
    if (after) residual.add(tally, after);
  };
  const failed = risks((cells, before, after) => {
    if (groupIndex !== undefined) count(groupOf(cells[groupIndex] ?? null), before, after);
    count(0, before, after);
  });
  if (failed) return failed;
  const summaryOf = (label: string, tally: number) => ({
    label,
    count: sizes[tally] ?? 0,
    inherent: inherent.result(tally, hasExposure),
    residual: register.hasResidual ? residual.result(tally, hasExposure) : undefined,
  });
  const total = summaryOf('Total', 0);
  const withShares = (summary: ReturnType<typeof summaryOf>): GroupSummary => ({
    ...summary,
    share: share(summary.inherent.exposure, total.inherent.exposure),
    residualShare: share(summary.residual?.exposure, total.residual?.exposure),
  });
  const rows = labels
    .map((label, order) => ({ order, summary: withShares(summaryOf(label, order + 1)) }))
    .sort(
      (a, b) =>
        (b.summary.inherent.exposure ?? 0) - (a.summary.inherent.exposure ?? 0) ||
        b.summary.count - a.summary.count ||
        a.order - b.order,
    )
    .map((row) => row.summary);
  const groupHeader = groupIndex === undefined ? undefined : register.table.headers[groupIndex] || undefined;
  return { groupHeader, groups: rows, total: withShares(total) };
}

/** The share of the portfolio's exposure held by its `count` largest risks, and those risks. */
export interface TopRiskShare {
  readonly risks: readonly RegisteredRisk[];
  /** Σ exposure of the top risks ÷ Σ exposure of all; undefined without exposure or when the total is 0. */
  readonly share: number | undefined;
}

/**
 * The concentration in the `count` largest exposures (inherent, or residual when `residual` is true):
 * e.g. "the top 5 risks hold 62% of the exposure". Ties keep register order. Work is O(risks · log risks).
 * @example topRiskShare(register, 5).share // 0.62
 */
export function topRiskShare(register: RiskRegister, count: number, residual = false): TopRiskShare {
  const exposureOf = (risk: RegisteredRisk) =>
    (residual && risk.residual ? risk.residual : risk.inherent).exposure ?? 0;
  if (register.exposure !== 'available') return { risks: [], share: undefined };
  const ranked = register.risks
    .map((risk, order) => ({ risk, order, exposure: exposureOf(risk) }))
    .sort((a, b) => b.exposure - a.exposure || a.order - b.order);
  const top = ranked.slice(0, Math.max(0, Math.floor(count)));
  const total = ranked.reduce((sum, item) => sum + item.exposure, 0);
  const topSum = top.reduce((sum, item) => sum + item.exposure, 0);
  return { risks: top.map((item) => item.risk), share: share(topSum, total) };
}
