import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heatmapBin, heatmapTable, MAX_HEATMAP_SIZE } from '../../../core/risk/heatmap';
import { buildRiskHeatmap, type HeatmapPoint } from '../../../core/risk/register-heatmap';
import type { RatingScale } from '../../../core/risk/scales';

const point = (
  id: string,
  probability: number,
  impact: number,
  scale: RatingScale = 'rating',
): HeatmapPoint => ({
  id,
  probability,
  probabilityScale: scale,
  impact,
  impactScale: scale,
});

describe('heatmap bins', () => {
  it('puts a 1–5 rating in its own row or column on a 5×5 heatmap', () => {
    expect([1, 2, 3, 4, 5].map((rating) => heatmapBin(rating, 'rating', 5))).toEqual([1, 2, 3, 4, 5]);
  });

  it('puts the three-level 1 / 3 / 5 in bins 1 / 2 / 3 of a 3×3 heatmap', () => {
    expect([1, 3, 5].map((rating) => heatmapBin(rating, 'rating', 3))).toEqual([1, 2, 3]);
  });

  it('splits fractions into equal bins that include their upper end: 0–20% → 1, 21–40% → 2 on 5', () => {
    expect([0, 0.2, 0.21, 0.4, 0.6, 0.61, 1].map((x) => heatmapBin(x, 'fraction', 5))).toEqual([
      1, 1, 2, 2, 3, 4, 5,
    ]);
  });

  it('puts the PMBOK probabilities 0.1 / 0.3 / 0.5 / 0.7 / 0.9 in rows 1 … 5', () => {
    expect([0.1, 0.3, 0.5, 0.7, 0.9].map((x) => heatmapBin(x, 'fraction', 5))).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps 0.6 in bin 3 of 5 and 0.3 in bin 3 of 10 despite binary rounding', () => {
    expect(heatmapBin(0.6, 'fraction', 5)).toBe(3);
    expect(heatmapBin(0.3, 'fraction', 10)).toBe(3);
    expect(heatmapBin(0.7, 'fraction', 10)).toBe(7);
  });
});

describe('buildRiskHeatmap', () => {
  it('counts risks per cell and keeps their IDs for the dashboard', () => {
    const heatmap = buildRiskHeatmap([point('R1', 4, 2), point('R2', 4, 2), point('R3', 1, 5)]);
    expect(heatmap.counts[3]?.[1]).toBe(2);
    expect(heatmap.ids[3]?.[1]).toEqual(['R1', 'R2']);
    expect(heatmap.ids[0]?.[4]).toEqual(['R3']);
  });

  it('lays the table out with impact 1..size across and probability size..1 down, a blank corner', () => {
    const table = heatmapTable(buildRiskHeatmap([point('R1', 5, 1), point('R2', 1, 5)], 5));
    expect(table).toEqual([
      ['', 1, 2, 3, 4, 5],
      [5, 1, 0, 0, 0, 0],
      [4, 0, 0, 0, 0, 0],
      [3, 0, 0, 0, 0, 0],
      [2, 0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 1],
    ]);
  });

  it('places every valid risk in exactly one cell, so the counts sum to the number of risks', () => {
    const rated = fc.oneof(
      fc.record({
        probability: fc.integer({ min: 1, max: 5 }),
        impact: fc.integer({ min: 1, max: 5 }),
        scale: fc.constant<RatingScale>('rating'),
      }),
      fc.record({
        probability: fc.double({ min: 0, max: 1, noNaN: true }),
        impact: fc.double({ min: 0, max: 1, noNaN: true }),
        scale: fc.constant<RatingScale>('fraction'),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(rated, { maxLength: 60 }),
        fc.integer({ min: 2, max: MAX_HEATMAP_SIZE }),
        (risks, size) => {
          const points = risks.map((risk, index) =>
            point(`R${index}`, risk.probability, risk.impact, risk.scale),
          );
          const heatmap = buildRiskHeatmap(points, size);
          const counts = heatmap.counts.flat();
          expect(counts).toHaveLength(size * size);
          expect(counts.reduce((sum, count) => sum + count, 0)).toBe(points.length);
          const ids = heatmap.ids.flat(2);
          expect([...ids].sort()).toEqual(points.map((p) => p.id).sort());
        },
      ),
    );
  });
});
