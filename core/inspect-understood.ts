// What `pmo inspect` says it understood of each table (issue 14 item 7), from the same readers the dashboard uses:
// for risks the level bands in use, the risks per level and the total exposure; for initiatives the ranking;
// for assignments the people and the horizon. Pure.

import type { InitiativeRanking } from './dashboard/initiatives';
import { isoFromSerial } from './dates';
import { summarizeRisks } from './risk/concentration';
import { defaultBands, RISK_LEVELS, type RiskBands } from './risk/levels';
import type { RiskRegister } from './risk/register';
import type { RatingScale } from './risk/scales';
import type { UtilizationModel } from './utilization';

/** One level of a legend: scores from `from` to `to` (inclusive on 1–25 scores, `to` exclusive on fractions). */
export interface LegendBand {
  readonly level: string;
  readonly from: number;
  readonly to: number;
}

/** What inspect understood of one table; each key only for the kinds it applies to, and only when known. */
export interface Understood {
  readonly legend?: readonly LegendBand[];
  /** Risks per level, every level of the legend present (even at 0), `Unrated` only when some have no rating. */
  readonly levels?: Readonly<Record<string, number>>;
  /** Σ probability × cost, when the register has money impact. */
  readonly exposure?: number;
  /** A matrix's own weights, by criterion name. */
  readonly weights?: Readonly<Record<string, number>>;
  /** Initiative names (else IDs), best first. */
  readonly ranking?: readonly string[];
  /** Distinct people the plan books. */
  readonly people?: number;
  /** The plan's first and last booked day, ISO dates. */
  readonly from?: string;
  readonly to?: string;
}

/** Scores a 5×5 register can have: every product of two levels 1–5. */
const RATING_SCORES = [...new Set([1, 2, 3, 4, 5].flatMap((p) => [1, 2, 3, 4, 5].map((i) => p * i)))].sort(
  (a, b) => a - b,
);

/**
 * Bands as a legend is written, highest level first: on 1–25 each band runs to the highest score a register can have below the next
 * band ("Moderate 4–6"), the top one to 25; on fractions each runs to the next band's minimum, the top one to 1.
 */
export function legendOf(bands: RiskBands, scale: RatingScale): LegendBand[] {
  const legend = bands.map((band, i) => {
    const next = bands[i + 1]?.minimumScore;
    if (scale !== 'rating') return { level: band.label, from: band.minimumScore, to: next ?? 1 };
    const below =
      next === undefined ? 25 : (RATING_SCORES.filter((score) => score < next).at(-1) ?? next - 1);
    return { level: band.label, from: band.minimumScore, to: below };
  });
  // Highest level first, as a legend is read.
  return legend.reverse();
}

export function risksUnderstood(register: RiskRegister): Understood {
  const { inherent } = summarizeRisks(register).total;
  const scale = register.scale;
  const levels: Record<string, number> = {};
  if (scale) {
    for (const level of [...RISK_LEVELS].reverse()) levels[level] = inherent.counts[level];
    if (inherent.unrated > 0) levels.Unrated = inherent.unrated;
  }
  return {
    ...(scale ? { legend: legendOf(defaultBands(scale), scale), levels } : {}),
    // Money, to the cent.
    ...(inherent.exposure === undefined ? {} : { exposure: Math.round(inherent.exposure * 100) / 100 }),
  };
}

export function initiativesUnderstood(ranking: InitiativeRanking): Understood {
  const weighted = ranking.weighted;
  const weights: Record<string, number> = {};
  if (weighted)
    for (const [k, weight] of weighted.weights.entries())
      weights[weighted.names[k] || `criterion ${k + 1}`] = weight;
  return {
    ...(weighted ? { weights } : {}),
    ranking: ranking.ranked.map((initiative) => initiative.name || initiative.id),
  };
}

export function assignmentsUnderstood(model: UtilizationModel): Understood {
  const booked = model.assignments;
  if (booked.length === 0) return { people: 0 };
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const assignment of booked) {
    from = Math.min(from, assignment.start);
    to = Math.max(to, assignment.end);
  }
  const people = new Set(booked.map((assignment) => assignment.resourceIndex)).size;
  return { people, from: isoFromSerial(from), to: isoFromSerial(to) };
}
