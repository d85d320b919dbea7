// The probability × impact heatmap (DESIGN §6 HEATMAP): which cell of an N×N grid a rating falls in, and the grid as
// a sheet shows it. Placing a register's risks with their IDs (the dashboard's) is in register-heatmap.ts.

import type { RatingScale } from './scales';

/** Default heatmap size (5×5). */
export const DEFAULT_HEATMAP_SIZE = 5;
/** Largest heatmap size accepted. */
export const MAX_HEATMAP_SIZE = 20;

/** Tolerance that keeps 0.6 × 5 in bin 3 despite binary rounding. */
const BIN_EPSILON = 1e-9;

/**
 * The bin 1..size of one rating. A 1–5 rating r goes to ⌈r·size ÷ 5⌉ (itself when size = 5; three-level
 * 1 / 3 / 5 → 1 / 2 / 3 when size = 3). A fraction x covers ((k − 1) ÷ size, k ÷ size]: bin ⌈x·size⌉,
 * 0 in bin 1 (on 5×5: 0–20% → 1, 21–40% → 2 …).
 * @example heatmapBin(0.45, 'fraction', 5) // 3
 */
export function heatmapBin(value: number, scale: RatingScale, size: number): number {
  const scaled = scale === 'rating' ? (value * size) / 5 : value * size;
  return Math.min(size, Math.max(1, Math.ceil(scaled - BIN_EPSILON)));
}

/**
 * The heatmap as a sheet shows it, (size + 1) × (size + 1): a blank corner, impact labels 1..size on the
 * first row, probability labels size..1 down the first column (top row = most likely), counts inside.
 */
export function heatmapTable(heatmap: {
  readonly size: number;
  readonly counts: readonly (readonly number[])[];
}): (number | string)[][] {
  const { size, counts } = heatmap;
  const table: (number | string)[][] = [['', ...Array.from({ length: size }, (_, i) => i + 1)]];
  for (let p = size; p >= 1; p--) table.push([p, ...(counts[p - 1] ?? [])]);
  return table;
}
