// What a ranking of the initiatives table holds: each row's score, rank, cost and selection, the AHP summary,
// the exact selection beside the greedy waterline, and the columns the panel writes back. Types only.

import type { OutputColumn } from '../initiatives/write-plan';
import type { ScoringMethod } from './ranking-settings';
import type { Direction, ScoreMethod } from './scoring';

/** One criterion's part of a row's weighted score ("why this rank"): its contributions add up to the score. */
export interface CriterionPart {
  readonly header: string;
  /** The rating as read from the cell. */
  readonly rating: number;
  readonly direction: Direction;
  /** The criterion's weight as set, and ÷ the total weight. */
  readonly weight: number;
  readonly share: number;
  /** The rating as it counts: as read, reflected for less-is-better (max + min − x), or its place 0–1 (minmax). */
  readonly term: number;
  /** Its part of the score: weight × term ÷ total weight (× term alone when the ratings are summed). */
  readonly contribution: number;
}

/** Why each row scored what it did: its criteria's parts (Weighted score and AHP), by table row. */
export interface ScoreParts {
  /** How the ratings combine: weighted (average), sum or minmax. */
  readonly combine: ScoreMethod;
  /** By index into table.rows; undefined for a row without a score. */
  readonly rows: readonly (readonly CriterionPart[] | undefined)[];
}

/** The consistency ratio above which AHP judgements should be revisited (Saaty). */
export const CR_LIMIT = 0.1;

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
  readonly method: ScoringMethod;
  readonly methodLabel: string;
  /** Every non-blank data row, in sheet order. */
  readonly rows: readonly RankedRow[];
  /** Positions in `rows` of the scored rows, best first. */
  readonly order: readonly number[];
  /** Each criterion's share of the total weight (Weighted score and AHP). */
  readonly weights: readonly { readonly header: string; readonly share: number }[] | undefined;
  /** Each row's criteria parts, summing to its score (Weighted score and AHP). */
  readonly parts: ScoreParts | undefined;
  /**
   * WSJF's or RICE's inputs of each scored row, by index into table.rows, as the function read them: business value,
   * time criticality, RR/OE and job size ((the first three's sum) ÷ job size is the score); or reach, impact,
   * confidence (a fraction) and effort (reach × impact × confidence ÷ effort is the score).
   */
  readonly inputs?: readonly (readonly { readonly name: string; readonly value: number }[] | undefined)[];
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
