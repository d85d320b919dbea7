// Weight sensitivity (weighted method): how far each criterion's weight can move, the others rescaled
// proportionally, before the top row or the funded set changes. Worked by hand on small examples first, then checked
// against brute force over a fine grid of shares, since the module's bisection is only right if its reasoning is.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPmoError } from '../../core/errors';
import { type Direction, rankOrder, scoreRatings } from '../../core/prioritization/scoring';
import { scoresFor, weightSensitivity } from '../../core/prioritization/weight-sensitivity';

type Funded = (scores: readonly number[]) => readonly boolean[] | undefined;

function near(actual: number | undefined, expected: number, within: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(within);
}

/**
 * The funded set by enumerating every subset within the budget: the highest total score, compared to 12 significant
 * digits as rankOrder compares scores (so float noise cannot split equal totals), the first subset in mask order
 * (bit j = row j) on a tie. Slow but obviously right, which is what a reference needs.
 */
function bruteFunded(costs: readonly number[], budget: number): (scores: readonly number[]) => boolean[] {
  const n = costs.length;
  const feasible: number[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    let cost = 0;
    for (let j = 0; j < n; j++) if (mask & (1 << j)) cost += costs[j] ?? 0;
    if (cost <= budget) feasible.push(mask);
  }
  const key = (value: number) => Number(value.toPrecision(12));
  return (scores) => {
    const values = feasible.map((mask) => {
      let value = 0;
      for (let j = 0; j < n; j++) if (mask & (1 << j)) value += scores[j] ?? 0;
      return value;
    });
    const most = Math.max(...values);
    // Only totals within 1e-9 of the most can share its 12-digit key; the cheap test spares toPrecision calls.
    const first = values.findIndex(
      (value) => most - value <= 1e-9 * Math.abs(most) && key(value) === key(most),
    );
    const best = feasible[first] ?? 0;
    return costs.map((_, j) => (best & (1 << j)) !== 0);
  };
}

/** Σ w·T ÷ Σ w per row, written out here so the reference does not lean on the module under test. */
function referenceScores(terms: readonly (readonly number[])[], weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return terms.map((row) => row.reduce((sum, term, k) => sum + (weights[k] ?? 0) * term, 0) / total);
}

describe('weight sensitivity, worked by hand', () => {
  // Apollo [9, 1], Borealis [6, 8], Cygnus [4, 10] on Value and Ease, weights 3 and 1: scores 7, 6.5, 5.5.
  const terms = [
    [9, 1],
    [6, 8],
    [4, 10],
  ];
  const weights = [3, 1];

  it('finds where the top changes: Value may fall to a 70% share (raw 7 ÷ 3), Ease may rise to 30% (raw 9 ÷ 7)', () => {
    // Value at share x, Ease at 1 − x: Apollo 9x + (1 − x) = 1 + 8x, Borealis 8 − 2x, Cygnus 10 − 6x.
    // Apollo ≥ Borealis ⇔ x ≥ 0.7 and Apollo ≥ Cygnus ⇔ x ≥ 9/14, so Apollo stays first for x ≥ 0.7 (at 0.7 it
    // ties Borealis and wins by input order, so 0.7 itself keeps it). Below 0.7 Borealis leads. At x = 1 Apollo's
    // 9 is still first: no upper limit. In raw units with Ease held at 1: w = 0.7 × 1 ÷ 0.3 = 7/3.
    // Ease at share y = 1 − x: Apollo stays first for y ≤ 0.3, raw 0.3 × 3 ÷ 0.7 = 9/7; it can drop to 0.
    // A fine tolerance so the raw weights, whose slope is W_o ÷ (1 − x)² ≈ 11, also land within 1e-6.
    const [value, ease] = weightSensitivity({ terms, weights, tolerance: 1e-9 });
    expect(value).toMatchObject({ criterion: 0, weight: 3, share: 0.75, highShare: 1, high: undefined });
    near(value?.lowShare, 0.7, 1e-6);
    near(value?.low, 7 / 3, 1e-6);
    expect(value?.below).toEqual({ top: 1, funded: false });
    expect(value?.above).toBeUndefined();
    expect(ease).toMatchObject({
      criterion: 1,
      weight: 1,
      share: 0.25,
      lowShare: 0,
      low: 0,
      below: undefined,
    });
    near(ease?.highShare, 0.3, 1e-6);
    near(ease?.high, 9 / 7, 1e-6);
    expect(ease?.above).toEqual({ top: 1, funded: false });
  });

  it('previews a slider: Value at 2 (below 7/3) puts Borealis first, as the range said', () => {
    expect(scoresFor(terms, weights)).toEqual([7, 6.5, 5.5]);
    const preview = scoresFor(terms, [2, 1]);
    expect(preview[0]).toBeCloseTo(19 / 3, 12);
    expect(preview[1]).toBeCloseTo(20 / 3, 12);
    expect(rankOrder(preview)[0]).toBe(1);
  });
});

describe('weight sensitivity of the funded set', () => {
  // Apollo [10, 0] costs 4, Borealis [3, 5] and Cygnus [2, 6] cost 3 each, budget 6: the only sets that fit are
  // {Apollo} and {Borealis, Cygnus} (and their subsets, worth less). Weights 3 and 1 score 7.5, 3.5, 3: Apollo funded.
  const terms = [
    [10, 0],
    [3, 5],
    [2, 6],
  ];
  const weights = [3, 1];
  const funded = bruteFunded([4, 3, 3], 6);

  it('narrows the range: the funded set flips at Value 11/16 (raw 2.2), long before the top does (3/7, raw 0.75)', () => {
    // Value at share x: Apollo 10x, Borealis 5 − 2x, Cygnus 6 − 4x, so Borealis + Cygnus = 11 − 6x.
    // {Apollo} stays funded while 10x ≥ 11 − 6x ⇔ x ≥ 11/16 (the tie goes to {Apollo}, first in mask order);
    // raw 11/16 × 1 ÷ 5/16 = 2.2. Apollo stays first while 10x ≥ 6 − 4x ⇔ x ≥ 3/7 (raw 0.75), Cygnus leads below.
    // Ease at share y = 1 − x: funded kept for y ≤ 5/16, raw 5/16 × 3 ÷ 11/16 = 15/11.
    expect(funded(scoresFor(terms, weights))).toEqual([true, false, false]);
    const [value, ease] = weightSensitivity({ terms, weights, funded, tolerance: 1e-9 });
    near(value?.lowShare, 11 / 16, 1e-6);
    near(value?.low, 2.2, 1e-6);
    expect(value?.below).toEqual({ top: undefined, funded: true });
    expect(value).toMatchObject({ highShare: 1, high: undefined, above: undefined });
    near(ease?.highShare, 5 / 16, 1e-6);
    near(ease?.high, 15 / 11, 1e-6);
    expect(ease?.above).toEqual({ top: undefined, funded: true });
    expect(ease).toMatchObject({ lowShare: 0, low: 0, below: undefined });

    const [topOnly] = weightSensitivity({ terms, weights, tolerance: 1e-9 });
    near(topOnly?.lowShare, 3 / 7, 1e-6);
    near(topOnly?.low, 0.75, 1e-6);
    expect(topOnly?.below).toEqual({ top: 2, funded: false });
  });
});

describe('weight sensitivity on odd input', () => {
  it('returns [] for input it cannot score, rather than throwing on user data', () => {
    expect(weightSensitivity({ terms: [], weights: [1] })).toEqual([]);
    expect(weightSensitivity({ terms: [[1, 2]], weights: [1] })).toEqual([]);
    expect(weightSensitivity({ terms: [[1, 2]], weights: [1, -1] })).toEqual([]);
    expect(weightSensitivity({ terms: [[1, 2]], weights: [1, Number.NaN] })).toEqual([]);
    expect(weightSensitivity({ terms: [[1, 2]], weights: [0, 0] })).toEqual([]);
    expect(weightSensitivity({ terms: [[1, Number.POSITIVE_INFINITY]], weights: [1, 1] })).toEqual([]);
    expect(scoresFor([[1, 2], [3]], [1, 1])).toEqual([]);
  });

  it('gives no range to a criterion that alone has weight, and lets a zero weight start at 0', () => {
    expect(weightSensitivity({ terms: [[1], [2]], weights: [5] })).toEqual([undefined]);
    const [only, zero] = weightSensitivity({
      terms: [
        [1, 2],
        [2, 1],
      ],
      weights: [5, 0],
    });
    expect(only).toBeUndefined();
    expect(zero).toMatchObject({ share: 0, lowShare: 0, low: 0, below: undefined });
  });

  it('reports a tie at the weights as set as a zero-width side, without NaN', () => {
    // [4, 2] and [2, 6] at weights 2 and 1 both score 10/3; the first wins by input order. Any more weight on
    // the second criterion puts the second row first, so the upper side of criterion 1 has no width.
    const [first, second] = weightSensitivity({
      terms: [
        [4, 2],
        [2, 6],
      ],
      weights: [2, 1],
    });
    expect(second).toMatchObject({ highShare: 1 / 3, high: 1, above: { top: 1, funded: false } });
    expect(first).toMatchObject({ lowShare: 2 / 3, low: 2, below: { top: 1, funded: false } });
  });
});

describe('weight sensitivity at a crossing', () => {
  it('names the row that leads past the bound, not the one that wins the tie on it', () => {
    // Found by the brute-force property. Criterion 0 starts at share 0, so bisection tries x = 0.5, then exactly
    // 0.25, where rows 0, 1 and 3 all score 4.75 (4 + 3x, 3 + 7x, 6 − 5x): row 0 wins that single point by input
    // order, but any x above 0.25 belongs to row 1 (slope 7), which is what the panel should name.
    const [value] = weightSensitivity({
      terms: [
        [7, 4],
        [10, 3],
        [0, 0],
        [1, 6],
      ],
      weights: [0, 1],
    });
    near(value?.highShare, 0.25, 1e-6);
    expect(value?.above).toEqual({ top: 1, funded: false });
  });
});

describe('weight sensitivity at the ends', () => {
  it('counts a tie at weight 0 (a real setting) but not one reached only by an infinite weight', () => {
    // [8, 2] and [8, 5] at weights 3 and 1: the second row leads by 3(1 − x) for every Value share x < 1, and they
    // tie only at x = 1, which no finite Value weight reaches: no upper limit. Ease at 0 is a weight one can set,
    // and there the tie goes to the first row by input order, so Ease's range stops just above 0.
    const [value, ease] = weightSensitivity({
      terms: [
        [8, 2],
        [8, 5],
      ],
      weights: [3, 1],
    });
    expect(value).toMatchObject({ lowShare: 0, highShare: 1, low: 0, high: undefined });
    expect(value?.below).toBeUndefined();
    expect(value?.above).toBeUndefined();
    expect(ease?.lowShare).toBeGreaterThan(0);
    expect(ease?.lowShare).toBeLessThanOrEqual(1e-6);
    expect(ease?.below).toEqual({ top: 0, funded: false });
  });
});

/** Small random cases: 2–6 rows, 1–4 criteria, ratings 0–10, weights 0–9 (some above 0), maybe costs and a budget. */
const smallCase = fc.integer({ min: 1, max: 4 }).chain((criteria) =>
  fc.record({
    terms: fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: criteria, maxLength: criteria }), {
      minLength: 2,
      maxLength: 6,
    }),
    weights: fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: criteria, maxLength: criteria })
      .filter((weights) => weights.some((weight) => weight > 0)),
    selection: fc.option(
      fc.record({
        costs: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 6, maxLength: 6 }),
        budget: fc.integer({ min: 0, max: 15 }),
      }),
      { nil: undefined },
    ),
  }),
);

describe('weight sensitivity against brute force', () => {
  it('keeps the outcome everywhere inside each range and loses it just outside, on a grid of 4001 shares', () => {
    fc.assert(
      fc.property(smallCase, ({ terms, weights, selection }) => {
        const funded: Funded | undefined =
          selection && bruteFunded(selection.costs.slice(0, terms.length), selection.budget);
        // The reference outcome at explicit weights, ranked by the same rankOrder as the panel.
        const outcomeAt = (w: readonly number[]): string => {
          const scores = referenceScores(terms, w);
          return `${rankOrder(scores)[0]} ${funded?.(scores)?.join() ?? '-'}`;
        };
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        const base = outcomeAt(weights);
        let calls = 0;
        const counted: Funded | undefined =
          funded &&
          ((scores) => {
            calls++;
            return funded(scores);
          });
        const ranges = weightSensitivity(counted ? { terms, weights, funded: counted } : { terms, weights });
        // Two sides per criterion, each ≤ log2(1e6) + 2 calls, and one for the weights as set: no grid scan.
        if (funded) expect(calls).toBeLessThanOrEqual(1 + weights.length * 2 * 22);
        const fine = weightSensitivity({ terms, weights, tolerance: 1e-9, ...(funded ? { funded } : {}) });
        expect(ranges).toHaveLength(weights.length);
        weights.forEach((weight, i) => {
          const others = total - weight;
          const range = ranges[i];
          if (others === 0) {
            expect(range).toBeUndefined();
            return;
          }
          if (!range) throw new Error(`criterion ${i} has no range`);
          // Criterion i at share x, the others keeping their ratios.
          const at = (x: number) => outcomeAt(weights.map((w, k) => (k === i ? x : ((1 - x) * w) / others)));
          const { share, lowShare, highShare } = range;
          expect(share).toBeCloseTo(weight / total, 12);
          expect(0 <= lowShare && lowShare <= share && share <= highShare && highShare <= 1).toBe(true);
          // One expect for the whole grid (a call per point would dominate the run time): no point inside differs.
          const grid = Array.from({ length: 4001 }, (_, g) => g / 4000);
          const inside = grid.filter((x) => x > lowShare + 1e-5 && x < highShare - 1e-5);
          expect(inside.find((x) => at(x) !== base)).toBeUndefined();
          if (lowShare > 0) expect(at(Math.max(0, lowShare - 1e-5))).not.toBe(base);
          if (highShare < 1) expect(at(Math.min(1, highShare + 1e-5))).not.toBe(base);
          // Raw weights: w = x·W_o ÷ (1 − x), 0 at the bottom, no limit at the top.
          if (lowShare === 0) expect(range.low).toBe(0);
          else expect(range.low).toBeCloseTo((lowShare * others) / (1 - lowShare), 9);
          if (highShare === 1) expect(range.high).toBeUndefined();
          else expect(range.high).toBeCloseTo((highShare * others) / (1 - highShare), 9);
          expect(range.below === undefined).toBe(lowShare === 0);
          expect(range.above === undefined).toBe(highShare === 1);
          // What changes just past each bound, from the finer run (so no other crossing lies in between).
          const close = fine[i];
          if (!close) throw new Error(`criterion ${i} has no fine range`);
          expect(Math.abs(close.lowShare - lowShare)).toBeLessThanOrEqual(1.01e-6);
          expect(Math.abs(close.highShare - highShare)).toBeLessThanOrEqual(1.01e-6);
          const expectedChange = (x: number) => {
            const [top, set] = at(x).split(' ');
            const [baseTop, baseSet] = base.split(' ');
            return { top: top === baseTop ? undefined : Number(top), funded: set !== baseSet };
          };
          if (close.below) expect(close.below).toEqual(expectedChange(Math.max(0, close.lowShare - 1e-8)));
          if (close.above) expect(close.above).toEqual(expectedChange(Math.min(1, close.highShare + 1e-8)));
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('scoresFor', () => {
  it('matches scoreRatings’ weighted method exactly when the terms are the ratings of max criteria', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((criteria) =>
          fc.record({
            ratings: fc.array(
              fc.array(fc.double({ min: -100, max: 100, noNaN: true }), {
                minLength: criteria,
                maxLength: criteria,
              }),
              { minLength: 1, maxLength: 8 },
            ),
            weights: fc
              .array(fc.double({ min: 0, max: 20, noNaN: true }), {
                minLength: criteria,
                maxLength: criteria,
              })
              .filter((weights) => weights.reduce((sum, weight) => sum + weight, 0) > 0),
          }),
        ),
        ({ ratings, weights }) => {
          const expected = scoreRatings(
            ratings,
            weights,
            weights.map((): Direction => 'max'),
            'weighted',
          );
          if (isPmoError(expected)) throw new Error(expected.message);
          expect(scoresFor(ratings, weights)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
