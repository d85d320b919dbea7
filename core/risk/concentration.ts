// Portfolio concentration (DESIGN §6 RISK_SUMMARY): risks per group (category, owner, project, …) with
// counts per level, total exposure and each group's share of the portfolio's exposure; top-N share.

import { cellText, isBlank } from '../cells';
import { type PmoError, pmoError, quote } from '../errors';
import { normalizeHeader } from '../table';
import { RISK_LEVELS, type RiskLevel } from './levels';
import { type RegisteredRisk, RISK_REGISTER_TABLE, type RiskAssessment, type RiskRegister } from './register';

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

class Tally {
  readonly counts: Record<RiskLevel, number> = { Low: 0, Moderate: 0, High: 0, Extreme: 0 };
  unrated = 0;
  exposure = 0;
  add(assessment: RiskAssessment): void {
    const level = assessment.level as RiskLevel;
    if (RISK_LEVELS.includes(level)) this.counts[level] += 1;
    else this.unrated += 1;
    if (assessment.exposure !== undefined) this.exposure += assessment.exposure;
  }
  result(hasExposure: boolean): LevelCounts {
    return {
      counts: { ...this.counts },
      unrated: this.unrated,
      exposure: hasExposure ? this.exposure : undefined,
    };
  }
}

/**
 * Finds the column to group by: a register column by any of its synonyms ("Category", "Risk Owner",
 * "project"…) or any header text of the register, compared case-, space- and punctuation-insensitively.
 * @returns the column index, or an error listing the headers.
 */
export function groupColumn(register: RiskRegister, name: string, fn = 'RISK_SUMMARY'): number | PmoError {
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

/**
 * Summarises a register per group (or for the whole portfolio when `groupIndex` is undefined): count,
 * count per level (inherent and residual), total exposure and share of the portfolio's exposure.
 * Exposure keeps its sign, so opportunities (negative amounts) lower a group's total and shares are of the
 * net portfolio exposure. Groups compare case-insensitively. Work is O(risks + groups · log groups).
 * @example summarizeRisks(register, groupColumn(register, 'Category'))
 */
export function summarizeRisks(register: RiskRegister, groupIndex?: number): RiskSummary {
  const hasExposure = register.exposure === 'available';
  const groups = new Map<string, { label: string; order: number; risks: RegisteredRisk[] }>();
  if (groupIndex !== undefined) {
    for (const risk of register.risks) {
      const cell = risk.cells[groupIndex] ?? null;
      const label = isBlank(cell) ? BLANK_GROUP : cellText(cell);
      const key = label.toLowerCase();
      let group = groups.get(key);
      if (!group) {
        group = { label, order: groups.size, risks: [] };
        groups.set(key, group);
      }
      group.risks.push(risk);
    }
  }
  const summarize = (label: string, risks: readonly RegisteredRisk[]) => {
    const inherent = new Tally();
    const residual = new Tally();
    for (const risk of risks) {
      inherent.add(risk.inherent);
      if (risk.residual) residual.add(risk.residual);
    }
    return {
      label,
      count: risks.length,
      inherent: inherent.result(hasExposure),
      residual: register.hasResidual ? residual.result(hasExposure) : undefined,
    };
  };
  const total = summarize('Total', register.risks);
  const withShares = (summary: ReturnType<typeof summarize>): GroupSummary => ({
    ...summary,
    share: share(summary.inherent.exposure, total.inherent.exposure),
    residualShare: share(summary.residual?.exposure, total.residual?.exposure),
  });
  const rows = [...groups.values()]
    .map((group) => ({ order: group.order, summary: withShares(summarize(group.label, group.risks)) }))
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
