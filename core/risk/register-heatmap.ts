// A register's risks placed on the probability × impact heatmap with their IDs per cell (the dashboard's heatmap).
// Apart from heatmap.ts, which the HEATMAP function needs, so the per-call functions bundle does not carry it.

import { DEFAULT_HEATMAP_SIZE, heatmapBin } from './heatmap';
import type { RiskRegister } from './register';
import type { RatingScale } from './scales';

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
 * The register's heatmap (inherent, or residual when `residual` is true and the register has it), with
 * the risk IDs in each cell. Unrated risks are left out. Work is O(risks + size²).
 */
export function registerHeatmap(
  register: RiskRegister,
  size = DEFAULT_HEATMAP_SIZE,
  residual = false,
): RiskHeatmap {
  const points: HeatmapPoint[] = [];
  const { probabilityScale, impactScale } = register;
  if (register.scale && impactScale) {
    for (const risk of register.risks) {
      const assessment = residual && risk.residual ? risk.residual : risk.inherent;
      if (assessment.probability === undefined || assessment.impact === undefined) continue;
      points.push({
        id: risk.id,
        probability: assessment.probability,
        probabilityScale,
        impact: assessment.impact,
        impactScale,
      });
    }
  }
  return buildRiskHeatmap(points, size);
}
