// What a ranking of initiatives is asked for: the method, the column mapping, weights, AHP judgements, budget and
// must-include items. The scoring panel saves these in the document; columns are named by their header text.

/** The scoring methods: the panel's control reads Weighted score, WSJF, RICE, AHP. */
export type ScoringMethod = 'weighted' | 'wsjf' | 'rice' | 'ahp';

export const SCORING_METHODS: readonly { readonly value: ScoringMethod; readonly label: string }[] = [
  { value: 'weighted', label: 'Weighted score' },
  { value: 'wsjf', label: 'WSJF' },
  { value: 'rice', label: 'RICE' },
  { value: 'ahp', label: 'AHP' },
];

/** How Weighted score combines ratings (SCORE's method argument). */
export type CombineMethod = 'weighted' | 'sum' | 'minmax';

export const COMBINE_METHODS: readonly { readonly value: CombineMethod; readonly label: string }[] = [
  { value: 'weighted', label: 'Weighted average (Σ w·x ÷ Σ w)' },
  { value: 'sum', label: 'Weighted sum (Σ w·x)' },
  { value: 'minmax', label: 'Min–max rescaled (0–1)' },
];

export interface Criterion {
  /** Header of the ratings column. */
  readonly header: string;
  readonly direction: 'max' | 'min';
  /** Direct weight (Weighted score); AHP derives its own. Any number ≥ 0. */
  readonly weight: number;
}

/** One AHP judgement: how many times more important `a` is than `b` (Saaty's 1/9…9). */
export interface Judgement {
  readonly a: string;
  readonly b: string;
  readonly value: number;
}

/** How to score, rank and select: the part of the panel's settings the ranking reads. */
export interface RankingSettings {
  readonly method: ScoringMethod;
  readonly combine: CombineMethod;
  /** Header of the initiative name column ('' = detect). */
  readonly nameColumn: string;
  /** Header of the cost column ('' = none). */
  readonly costColumn: string;
  readonly criteria: readonly Criterion[];
  readonly judgements: readonly Judgement[];
  /** WSJF inputs: business value, time criticality, risk reduction | opportunity enablement, job size. */
  readonly wsjf: readonly [string, string, string, string];
  /** RICE inputs: reach, impact, confidence, effort. */
  readonly rice: readonly [string, string, string, string];
  /** Budget as typed ("1,200,000", "CHF 1.2M"); '' = rank without selecting. */
  readonly budget: string;
  /** Keys (ID, else name) of the initiatives that must be funded. */
  readonly must: readonly string[];
}

/** The judgement a-over-b: the saved value, its reciprocal when saved the other way round, else 1 (equal). */
export function judgementOf(judgements: readonly Judgement[], a: string, b: string): number {
  const direct = judgements.find((item) => item.a === a && item.b === b);
  if (direct) return direct.value;
  const reverse = judgements.find((item) => item.a === b && item.b === a);
  return reverse ? 1 / reverse.value : 1;
}

/** Sets the judgement a-over-b (replacing either orientation). */
export function withJudgement(
  judgements: readonly Judgement[],
  a: string,
  b: string,
  value: number,
): Judgement[] {
  return [
    ...judgements.filter((item) => !((item.a === a && item.b === b) || (item.a === b && item.b === a))),
    { a, b, value },
  ];
}
