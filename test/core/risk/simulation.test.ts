import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/risk/random';
import {
  expectedTotal,
  nearestRank,
  pertShape,
  type SimulatedRisk,
  simulateExposure,
} from '../../../core/risk/simulation';

/** A register like real ones: mostly unlikely risks, right-skewed three-point costs from 5k to 2M. */
function realisticRegister(seed: number, count: number): SimulatedRisk[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const probability = Math.round((0.05 + 0.85 * random.uniform() ** 2) * 100) / 100;
    const likely = Math.round(5_000 * 400 ** random.uniform());
    const low = Math.round(likely * (0.5 + 0.4 * random.uniform()));
    const high = Math.round(likely * (1.2 + 2.8 * random.uniform()));
    return { probability, low, likely, high };
  });
}

const risk = (probability: number, low: number, likely: number, high: number): SimulatedRisk => ({
  probability,
  low,
  likely,
  high,
});

describe('nearestRank', () => {
  it('takes P_k = sorted[⌈k·N ÷ 100⌉ − 1]', () => {
    const ten = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(nearestRank(ten, 50)).toBe(5);
    expect(nearestRank(ten, 80)).toBe(8);
    expect(nearestRank(ten, 95)).toBe(10);
    const three = Float64Array.of(10, 20, 30);
    expect(nearestRank(three, 50)).toBe(20);
    expect(nearestRank(three, 80)).toBe(30);
    expect(nearestRank(Float64Array.of(7), 95)).toBe(7);
  });

  it('gives the 9,500th of 10,000 sorted totals as P95', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => i);
    expect(nearestRank(values, 95)).toBe(9_499);
    expect(nearestRank(values, 50)).toBe(4_999);
  });
});

describe('pertShape', () => {
  it('gives α = 1 + 4(m − l) ÷ (h − l) and β = 1 + 4(h − m) ÷ (h − l)', () => {
    expect(pertShape(0, 2, 10)).toEqual({ alpha: 1.8, beta: 4.2 });
    expect(pertShape(100, 100, 200)).toEqual({ alpha: 1, beta: 5 });
  });
});

describe('simulateExposure', () => {
  it('costs exactly low when low = high, so a certain fixed cost has every percentile at that cost', () => {
    const result = simulateExposure([risk(1, 5_000, 5_000, 5_000)], { iterations: 100 });
    expect(result).toEqual({
      iterations: 100,
      mean: 5_000,
      p50: 5_000,
      p80: 5_000,
      p90: 5_000,
      p95: 5_000,
      contingency: 0,
    });
  });

  it('gives a total of 0 for risks that never occur', () => {
    expect(simulateExposure([risk(0, 10, 20, 30)], { iterations: 50 }).p95).toBe(0);
  });

  it('draws PERT costs with mean (l + 4m + h) ÷ 6 (one certain risk: 0, 2, 10 → 3)', () => {
    const result = simulateExposure([risk(1, 0, 2, 10)], { iterations: 100_000, seed: 3 });
    expect(Math.abs(result.mean - 3) / 3).toBeLessThan(0.01);
    expect(result.p95).toBeLessThanOrEqual(10);
    expect(result.p50).toBeGreaterThanOrEqual(0);
  });

  it('keeps every total of certain risks between Σ low and Σ high', () => {
    const risks = [risk(1, 10, 20, 60), risk(1, 5, 5, 9), risk(1, -30, -10, 0)];
    const result = simulateExposure(risks, { iterations: 5_000, seed: 9 });
    for (const value of [result.mean, result.p50, result.p80, result.p90, result.p95]) {
      expect(value).toBeGreaterThanOrEqual(-15);
      expect(value).toBeLessThanOrEqual(69);
    }
  });

  it('converges to Σ p·(low + 4·likely + high) ÷ 6 within 2% at 10,000 iterations on realistic registers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 1_000 }),
        (registerSeed, seed) => {
          const risks = realisticRegister(registerSeed, 60);
          const result = simulateExposure(risks, { iterations: 10_000, seed });
          const expected = expectedTotal(risks);
          expect(Math.abs(result.mean - expected) / expected).toBeLessThan(0.02);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('orders its percentiles P50 ≤ P80 ≤ P90 ≤ P95 and gives Contingency = P95 − P50 ≥ 0', () => {
    const anyRisk = fc
      .record({
        probability: fc.double({ min: 0, max: 1, noNaN: true }),
        a: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        b: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        c: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      })
      .map(({ probability, a, b, c }) => {
        const [low, likely, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        return risk(probability, low, likely, high);
      });
    fc.assert(
      fc.property(
        fc.array(anyRisk, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 500 }),
        (risks, n) => {
          const result = simulateExposure(risks, { iterations: n, seed: n });
          expect(result.p50).toBeLessThanOrEqual(result.p80);
          expect(result.p80).toBeLessThanOrEqual(result.p90);
          expect(result.p90).toBeLessThanOrEqual(result.p95);
          expect(result.contingency).toBe(result.p95 - result.p50);
          expect(result.contingency).toBeGreaterThanOrEqual(0);
          for (const value of Object.values(result)) expect(Number.isFinite(value)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives an identical table for the same seed and a different one for another seed', () => {
    const risks = realisticRegister(5, 30);
    const once = simulateExposure(risks, { iterations: 2_000, seed: 17 });
    expect(simulateExposure(risks, { iterations: 2_000, seed: 17 })).toEqual(once);
    expect(simulateExposure(risks, { iterations: 2_000, seed: 18 })).not.toEqual(once);
    expect(simulateExposure(risks, { iterations: 2_000 })).toEqual(
      simulateExposure(risks, { iterations: 2_000, seed: 1 }),
    );
  });

  it('is unchanged by adding risks with probability 0', () => {
    const risks = realisticRegister(8, 10);
    const withZero = [...risks.slice(0, 5), risk(0, 1, 2, 3), ...risks.slice(5)];
    expect(simulateExposure(withZero, { iterations: 1_000 })).toEqual(
      simulateExposure(risks, { iterations: 1_000 }),
    );
  });
});

describe('the SIMULATE_EXPOSURE golden case', () => {
  it('has a Mean within 2% of the analytic Σ p·(l + 4m + h) ÷ 6 of its register, so it is not only self-referential', () => {
    const golden = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../cases/risk/simulate-exposure-seeded.json'), 'utf8'),
    ) as { args: unknown[][][]; expected: [string, number][] };
    const column = (index: number) =>
      (golden.args[index] ?? []).slice(1).map((row) => {
        const cell = row[0];
        if (typeof cell === 'number') return cell;
        const text = String(cell).replace(/[^0-9.%]/g, '');
        return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
      });
    const [p, low, likely, high] = [0, 1, 2, 3].map(column) as [number[], number[], number[], number[]];
    const risks = p.map((probability, i) => risk(probability, low[i] ?? 0, likely[i] ?? 0, high[i] ?? 0));
    const mean = golden.expected.find(([label]) => label === 'Mean')?.[1] ?? Number.NaN;
    const analytic = expectedTotal(risks);
    expect(Math.abs(mean - analytic) / analytic).toBeLessThan(0.02);
    const p50 = golden.expected.find(([label]) => label === 'P50')?.[1] ?? Number.NaN;
    const p95 = golden.expected.find(([label]) => label === 'P95')?.[1] ?? Number.NaN;
    expect(golden.expected.find(([label]) => label === 'Contingency')?.[1]).toBeCloseTo(p95 - p50, 6);
  });
});
