// What `pmo inspect` says it understood of each table (issue 14 item 7), from the same readers the dashboard uses:
// for risks the level bands in use, the risks per level and the total exposure; for initiatives the ranking;
// for assignments the people and the horizon. Pure.

import type { InitiativeRanking } from './dashboard/initiatives';
import { isoFromSerial } from './dates';
import { criterionLabel } from './discovery/weights';
import { countByLevel, type LegendBand, legendOf } from './risk/legend';
import type { RiskRegister } from './risk/register';
import { summarizeRisks } from './risk/register-read';
import type { Assignments, UtilizationModel } from './utilization';

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

export function risksUnderstood(register: RiskRegister): Understood {
  const { inherent } = summarizeRisks(register).total;
  const { scale, bands } = register;
  const levels: Record<string, number> = {};
  const counted = countByLevel(register);
  for (const { level, count } of counted.levels) levels[level] = count;
  if (counted.unrated > 0) levels.Unrated = counted.unrated;
  return {
    ...(scale && bands ? { legend: legendOf(bands, scale), levels } : {}),
    // Money, to the cent.
    ...(inherent.exposure === undefined ? {} : { exposure: Math.round(inherent.exposure * 100) / 100 }),
  };
}

export function initiativesUnderstood(ranking: InitiativeRanking): Understood {
  const weighted = ranking.weighted;
  const weights: Record<string, number> = {};
  if (weighted)
    for (const [k, weight] of weighted.weights.entries()) weights[criterionLabel(weighted.names, k)] = weight;
  return {
    ...(weighted ? { weights } : {}),
    ranking: ranking.ranked.map((initiative) => initiative.name || initiative.id),
  };
}

/**
 * The first day booked and the last (serials), or undefined when nothing is booked. (UTILIZATION's `horizonOf`
 * keeps its own loop: the cell functions' bundle has no room to publish this one.)
 */
export function bookedSpan(
  bookings: Pick<Assignments, 'start' | 'end'>,
): { first: number; last: number } | undefined {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const start of bookings.start) first = Math.min(first, start);
  for (const end of bookings.end) last = Math.max(last, end);
  return Number.isFinite(first) ? { first, last } : undefined;
}

export function assignmentsUnderstood(model: UtilizationModel): Understood {
  const booked = model.assignments;
  const span = bookedSpan(booked);
  if (!span) return { people: 0 };
  const people = new Set(booked.resourceIndex).size;
  return { people, from: isoFromSerial(span.first), to: isoFromSerial(span.last) };
}
