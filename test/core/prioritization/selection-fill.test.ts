// The set search of selection-fill.ts against every subset: it finds a set of the asked size whose sum is in the
// window exactly when one exists (with `most`, the largest such sum), never a wrong one, and says when the work ran
// out rather than answering.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subsetWithSum } from '../../../core/prioritization/selection-fill';

/** The sums of every `count`-subset of `costs`. */
function subsetSums(costs: readonly number[], count: number): number[] {
  const sums: number[] = [];
  for (let mask = 0; mask < 2 ** costs.length; mask++) {
    let [size, sum] = [0, 0];
    costs.forEach((cost, i) => {
      if ((mask >>> i) & 1) [size, sum] = [size + 1, sum + cost];
    });
    if (size === count) sums.push(sum);
  }
  return sums;
}

const unlimited = () => true;

describe('the set search of the core solver', () => {
  it('finds a set of the asked size within the window exactly when one exists (every subset of up to 12 items)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 12 }),
        fc.nat(12),
        fc.nat(400),
        fc.nat(30),
        (costs, size, lo, width) => {
          const count = Math.min(size, costs.length);
          const window = [lo, lo + width] as const;
          const inWindow = subsetSums(costs, count).filter((sum) => sum >= lo && sum <= lo + width);
          for (const most of [false, true]) {
            const flags = subsetWithSum(Float64Array.from(costs), count, window, unlimited, most);
            if (inWindow.length === 0) {
              expect(flags).toBeNull();
              continue;
            }
            expect(flags).toBeInstanceOf(Uint8Array);
            const chosen = costs.filter((_, i) => flags?.[i] === 1);
            const sum = chosen.reduce((total, cost) => total + cost, 0);
            expect(chosen).toHaveLength(count);
            expect(sum).toBeGreaterThanOrEqual(lo);
            expect(sum).toBeLessThanOrEqual(lo + width);
            if (most) expect(sum).toBe(Math.max(...inWindow));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers undefined, not a set or null, when the work runs out', () => {
    // Even costs and an odd target in the middle of the sums: there is no set, but proving it takes billions of
    // steps (the search does not look at parity).
    const costs = Float64Array.from({ length: 40 }, (_, i) => 2 * (500 + ((i * 7_919) % 997)));
    const target = 2 * 20 * 1_000 + 1;
    let steps = 0;
    const charge = (charged: number) => {
      steps += charged;
      return steps < 300;
    };
    const limited = subsetWithSum(costs, 20, [target, target], charge);
    expect(limited).toBeUndefined();
    expect(steps).toBeLessThan(300 + 256 + 40);
  });
});
