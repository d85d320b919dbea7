// Monte Carlo of a register's total exposure (DESIGN §10): each risk occurs with its probability and then
// costs a PERT(low, likely, high) draw; the result is the mean and nearest-rank percentiles of the totals.

import { createRandom } from './random';

/** One risk as the simulation sees it: a probability 0–1 and a three-point cost, low ≤ likely ≤ high. */
export interface SimulatedRisk {
  readonly probability: number;
  readonly low: number;
  readonly likely: number;
  readonly high: number;
}

/** How many portfolios to simulate, and from which seed. */
export interface SimulationOptions {
  /** Number of simulated portfolios (default {@link DEFAULT_ITERATIONS}). */
  readonly iterations?: number;
  /** Seed of the generator (default {@link DEFAULT_SEED}): the same seed gives the same result. */
  readonly seed?: number;
}

/** What SIMULATE_EXPOSURE reports: the mean and percentiles of the simulated total exposure. */
export interface ExposureSimulation {
  readonly iterations: number;
  readonly mean: number;
  readonly p50: number;
  readonly p80: number;
  readonly p90: number;
  readonly p95: number;
  /** P95 − P50: the reserve above the median that covers 95% of the simulated outcomes. */
  readonly contingency: number;
}

/** Simulated portfolios when `iterations` is omitted. */
export const DEFAULT_ITERATIONS = 10_000;
/** Seed when `seed` is omitted: fixed, so a recalculation never changes the cell. */
export const DEFAULT_SEED = 1;
/** Most iterations one call may ask for. */
export const MAX_ITERATIONS = 1_000_000;
/**
 * Most risk draws (iterations × risks) one call may make, so a cell stays within the hosts' time limits:
 * about 2 s in Node on one core, well inside Apps Script's 30 s.
 */
export const MAX_RISK_DRAWS = 20_000_000;

/**
 * The analytic expected total: Σ p · (low + 4·likely + high) ÷ 6, the mean the simulation converges to.
 * @example expectedTotal([{ probability: 0.5, low: 0, likely: 3, high: 6 }]) // 1.5
 */
export function expectedTotal(risks: readonly SimulatedRisk[]): number {
  let total = 0;
  for (const risk of risks) total += (risk.probability * (risk.low + 4 * risk.likely + risk.high)) / 6;
  return total;
}

/**
 * The nearest-rank percentile of ascending `sorted` values: P_k = sorted[⌈k·N ÷ 100⌉ − 1].
 * @example nearestRank(Float64Array.of(1, 2, 3, 4), 50) // 2
 */
export function nearestRank(sorted: ArrayLike<number>, percent: number): number {
  const count = sorted.length;
  const rank = Math.min(count, Math.max(1, Math.ceil((percent * count) / 100)));
  return sorted[rank - 1] ?? 0;
}

interface PreparedRisk {
  readonly probability: number;
  readonly low: number;
  readonly span: number;
  readonly alpha: number;
  readonly beta: number;
}

/** PERT shape parameters: α = 1 + 4(m − l) ÷ (h − l), β = 1 + 4(h − m) ÷ (h − l). */
export function pertShape(low: number, likely: number, high: number): { alpha: number; beta: number } {
  const span = high - low;
  if (!(span > 0)) return { alpha: 1, beta: 1 };
  return { alpha: 1 + (4 * (likely - low)) / span, beta: 1 + (4 * (high - likely)) / span };
}

/**
 * Simulates the total exposure of `risks`. Inputs must be clean: probabilities in [0, 1], finite costs
 * with low ≤ likely ≤ high (the function layer checks user data first). l = h costs exactly l.
 * Per iteration and risk, one uniform decides occurrence (u < p); an occurring risk with h > l draws
 * Beta(α, β) as X ÷ (X + Y) from two Gamma draws and costs l + Beta·(h − l).
 * Work is O(iterations × risks + iterations · log iterations).
 * @example simulateExposure([{ probability: 1, low: 5, likely: 5, high: 5 }]).mean // 5
 */
export function simulateExposure(
  risks: readonly SimulatedRisk[],
  options: SimulationOptions = {},
): ExposureSimulation {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const prepared: PreparedRisk[] = risks
    .filter((risk) => risk.probability > 0)
    .map((risk) => ({
      probability: risk.probability,
      low: risk.low,
      span: risk.high - risk.low,
      ...pertShape(risk.low, risk.likely, risk.high),
    }));
  const totals = new Float64Array(iterations);
  let sum = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    let total = 0;
    for (const risk of prepared) {
      if (random.uniform() >= risk.probability) continue;
      if (risk.span > 0) {
        const x = random.gamma(risk.alpha);
        const y = random.gamma(risk.beta);
        total += risk.low + (x / (x + y)) * risk.span;
      } else total += risk.low;
    }
    totals[iteration] = total;
    sum += total;
  }
  totals.sort();
  const p50 = nearestRank(totals, 50);
  const p95 = nearestRank(totals, 95);
  return {
    iterations,
    mean: iterations > 0 ? sum / iterations : 0,
    p50,
    p80: nearestRank(totals, 80),
    p90: nearestRank(totals, 90),
    p95,
    contingency: p95 - p50,
  };
}
