// The probability × impact heatmap (DESIGN §6 HEATMAP): which cell of an N×N grid each risk falls in, the
// count per cell, and the risk IDs per cell for the dashboard.

import type { RatingScale } from './scales';

/** Default heatmap size (5×5). */
export const DEFAULT_HEATMAP_SIZE = 5;
/** Largest heatmap size accepted. */
export const MAX_HEATMAP_SIZE = 20;

/** One rated risk to place: each axis on its own scale (a heatmap multiplies nothing, so scales may differ). */
export interface HeatmapPoint {
  readonly id: string;
  readonly probability: number;
  readonly probabilityScale: RatingScale;
  readonly impact: number;
  readonly impactScale: RatingScale;
}

/** Counts and IDs per cell; index `[p - 1][i - 1]` is probability bin p and impact bin i (1..size). */
export interface RiskHeatmap {
  readonly size: number;
  readonly counts: readonly (readonly number[])[];
  readonly ids: readonly (readonly (readonly string[])[])[];
}

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
 * Places every point in exactly one cell of a size×size grid. Work is O(points + size²).
 * @example buildRiskHeatmap([{ id: 'R1', probability: 4, probabilityScale: 'rating', impact: 2, impactScale: 'rating' }])
 */
export function buildRiskHeatmap(
  points: readonly HeatmapPoint[],
  size: number = DEFAULT_HEATMAP_SIZE,
): RiskHeatmap {
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const ids = Array.from({ length: size }, () => Array.from({ length: size }, (): string[] => []));
  for (const point of points) {
    const p = heatmapBin(point.probability, point.probabilityScale, size) - 1;
    const i = heatmapBin(point.impact, point.impactScale, size) - 1;
    const countRow = counts[p];
    if (countRow) countRow[i] = (countRow[i] ?? 0) + 1;
    ids[p]?.[i]?.push(point.id);
  }
  return { size, counts, ids };
}

/**
 * The heatmap as a sheet shows it, (size + 1) × (size + 1): a blank corner, impact labels 1..size on the
 * first row, probability labels size..1 down the first column (top row = most likely), counts inside.
 */
export function heatmapTable(heatmap: RiskHeatmap): (number | string)[][] {
  const { size, counts } = heatmap;
  const table: (number | string)[][] = [['', ...Array.from({ length: size }, (_, i) => i + 1)]];
  for (let p = size; p >= 1; p--) table.push([p, ...(counts[p - 1] ?? [])]);
  return table;
}
