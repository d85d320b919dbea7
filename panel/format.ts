// Number and judgement wording for the panel: scores, money, percentages and Saaty's scale. Pure.

import { SAATY_SCALE } from '../core/prioritization/ahp-repair';

/** A score or an amount for display: grouping, 2 decimals (4 significant digits below 1). */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  const options: Intl.NumberFormatOptions =
    abs !== 0 && abs < 1 ? { maximumSignificantDigits: 3 } : { maximumFractionDigits: abs >= 10_000 ? 0 : 2 };
  return new Intl.NumberFormat('en-US', options).format(value);
}

/** A count with its noun: "1 initiative", "3 initiatives" (nouns whose plural adds an s). */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Names in a sentence: "Score", "Score and Rank", "Score, Rank and Selected". */
export const listText = (names: readonly string[]): string =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');

/** A share as a percentage: 0.134 → "13.4%". */
export function formatPercent(share: number): string {
  return new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** The consistency ratio to two decimals, or three below 0.01 so that a small CR does not read as 0. */
export function formatRatio(ratio: number): string {
  return ratio === 0 ? '0' : ratio < 0.01 ? ratio.toFixed(3) : ratio.toFixed(2);
}

/** Saaty's scale best first for a-over-b: 9, 8, …, 2, 1, 1/2, …, 1/9 (as option values "9" … "1/9"). */
export const JUDGEMENT_VALUES: readonly number[] = [...SAATY_SCALE].reverse();

/** "3" or "1/3". */
export function judgementText(value: number): string {
  if (value >= 1) return String(Math.round(value));
  return `1/${Math.round(1 / value)}`;
}

/** Reads "3" or "1/3"; undefined when not on the scale. */
export function parseJudgementText(text: string): number | undefined {
  const fraction = /^1\/(\d)$/.exec(text);
  const value = fraction ? 1 / Number(fraction[1]) : /^\d$/.test(text) ? Number(text) : Number.NaN;
  return JUDGEMENT_VALUES.find((scale) => Math.abs(scale - value) < 1e-9);
}

/** The scale value nearest a saved judgement (saved values are always on the scale; this guards old data). */
export function nearestJudgement(value: number): number {
  let best = 1;
  for (const scale of JUDGEMENT_VALUES)
    if (Math.abs(Math.log(scale / value)) < Math.abs(Math.log(best / value))) best = scale;
  return best;
}

/** Saaty's words for the odd values of his scale. */
const INTENSITY: Readonly<Record<number, string>> = {
  3: 'moderate',
  5: 'strong',
  7: 'very strong',
  9: 'extreme',
};

/** How a judgement reads, short enough for a 320 px pane: "Value 3× more (moderate)", "Equal". */
export function judgementLabel(a: string, b: string, value: number): string {
  if (Math.abs(value - 1) < 1e-9) return 'Equal';
  const winner = value > 1 ? a : b;
  const times = Math.round(value > 1 ? value : 1 / value);
  const word = INTENSITY[times];
  return `${winner} ${times}× more${word ? ` (${word})` : ''}`;
}
