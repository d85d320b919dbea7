// Benchmarks of the risk functions through the catalog's invoke step, host-shaped ranges in: SIMULATE_EXPOSURE
// 10,000 iterations × 200 risks (DESIGN §9: within 1 s), and HEATMAP and RISK_SUMMARY on a 50,000-row register.
// Wire them in with `...RISK_BENCHMARKS` in bench/run.ts.

import { isPmoError, type PmoError } from '../core/errors';
import { findFunction } from '../core/functions/catalog';
import { invoke } from '../core/functions/invoke';
import type { OutGrid } from '../core/functions/types';
import { expectedTotal, type SimulatedRisk } from '../core/risk/simulation';
import { type HostGrid, seededRandom } from './data';
import {
  type BenchContext,
  type Benchmark,
  type Check,
  describeTiming,
  type Measurement,
  type Timing,
  timeRuns,
} from './harness';
import { type CoreApi, loadShippedCore } from './shipped-core';

const SIMULATED_RISKS = 200;
const ITERATIONS = 10_000;
const REGISTER_ROWS = 50_000;
const SEED = 20_250_301;
const RUNS = 7;
const WARMUPS = 2;

const SOURCE_CORE: CoreApi = { label: 'sources via tsx', invoke, findFunction };

function run(core: CoreApi, name: string, args: readonly unknown[]): OutGrid | PmoError {
  const spec = core.findFunction(name);
  if (!spec) throw new Error(`${name} is not in the catalog`);
  return core.invoke(spec, args);
}

function gridOf(result: OutGrid | PmoError): OutGrid {
  if (isPmoError(result)) throw new Error(result.message);
  return result;
}

/** Times `name(args)` and keeps the last result grid for the checks (an error value fails the benchmark). */
function timeGrid(core: CoreApi, name: string, args: readonly unknown[]): { timing: Timing; last: OutGrid } {
  let last: OutGrid = [];
  const timing = timeRuns(() => run(core, name, args), {
    warmups: WARMUPS,
    runs: RUNS,
    inspect: (result) => {
      last = gridOf(result);
    },
  });
  return { timing, last };
}

/** Three-point money estimates as registers hold them: right-skewed, some as money text, likely 5k–2M. */
interface SimulationWorkload {
  readonly probability: HostGrid;
  readonly low: HostGrid;
  readonly likely: HostGrid;
  readonly high: HostGrid;
  readonly risks: readonly SimulatedRisk[];
}

function simulationWorkload(): SimulationWorkload {
  const random = seededRandom(SEED);
  const probability: HostGrid = [['Probability']];
  const low: HostGrid = [['Cost Low']];
  const likely: HostGrid = [['Cost Likely']];
  const high: HostGrid = [['Cost High']];
  const risks: SimulatedRisk[] = [];
  for (let i = 0; i < SIMULATED_RISKS; i++) {
    const chance = Math.round((0.05 + 0.85 * random() ** 2) * 100) / 100;
    const mostLikely = Math.round(5_000 * 400 ** random());
    const lowCost = Math.round(mostLikely * (0.5 + 0.4 * random()));
    const highCost = Math.round(mostLikely * (1.2 + 2.8 * random()));
    probability.push([i % 2 === 0 ? `${Math.round(chance * 100)}%` : chance]);
    low.push([lowCost]);
    likely.push([i % 3 === 0 ? `${mostLikely.toLocaleString('en-US')} CHF` : mostLikely]);
    high.push([highCost]);
    risks.push({ probability: chance, low: lowCost, likely: mostLikely, high: highCost });
  }
  return { probability, low, likely, high, risks };
}

const LIKELIHOODS = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
const CONSEQUENCES = ['Insignificant', 'Minor', 'Moderate', 'Major', 'Catastrophic'];
const CATEGORIES = [
  'Technical',
  'Supplier',
  'People',
  'Compliance',
  'Financial',
  'Schedule',
  'Security',
  'Scope',
];
const PMBOK_IMPACTS = [0.05, 0.1, 0.2, 0.4, 0.8];

/** A 50,000-row register: labels, 1–5 numbers, ranges and stray spaces; percent text and money text. */
interface RegisterWorkload {
  /** Rated on the 1–5 ladders (for HEATMAP). */
  readonly ratedProbability: HostGrid;
  readonly ratedImpact: HostGrid;
  /** ID, Risk, Category, Owner, Project, Probability, Impact, Cost, Cost Low, Cost High, Residual Probability. */
  readonly register: HostGrid;
}

/** The register's header row, column names separated by " | ". */
const REGISTER_HEADER =
  'ID | Risk | Category | Owner | Project | Probability | Impact | Cost | Cost Low | Cost High | Residual Probability';

function registerWorkload(): RegisterWorkload {
  const random = seededRandom(SEED + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const ratedProbability: HostGrid = [['Likelihood']];
  const ratedImpact: HostGrid = [['Consequence']];
  const register: HostGrid = [REGISTER_HEADER.split(' | ')];
  for (let i = 0; i < REGISTER_ROWS; i++) {
    const p = 1 + Math.floor(random() * 5);
    const impact = 1 + Math.floor(random() * 5);
    const style = random();
    ratedProbability.push([
      style < 0.5 ? LIKELIHOODS[p - 1] : style < 0.9 ? p : `${p} - ${LIKELIHOODS[p - 1]}`,
    ]);
    ratedImpact.push([style < 0.5 ? `${CONSEQUENCES[impact - 1]} ` : impact]);
    const chance = Math.round(random() * 90 + 5);
    const cost = Math.round(5_000 * 200 ** random());
    register.push([
      `R${i + 1}`,
      `Risk ${i + 1}`,
      pick(CATEGORIES),
      `Owner ${1 + Math.floor(random() * 300)}`,
      `Project ${1 + Math.floor(random() * 120)}`,
      i % 2 === 0 ? `${chance}%` : chance / 100,
      pick(PMBOK_IMPACTS),
      i % 4 === 0 ? `${cost.toLocaleString('en-US')} CHF` : cost,
      Math.round(cost * 0.7),
      Math.round(cost * 2.5),
      random() < 0.5 ? '' : `${Math.max(1, chance - 30)}%`,
    ]);
  }
  return { ratedProbability, ratedImpact, register };
}

function simulationOf(context: BenchContext): SimulationWorkload {
  return context.memo('risk-simulation-workload', simulationWorkload);
}

function registerOf(context: BenchContext): RegisterWorkload {
  return context.memo('risk-register-workload', () => {
    context.progress(`  generating a ${REGISTER_ROWS.toLocaleString('en-US')}-row risk register`);
    return registerWorkload();
  });
}

function simulationChecks(result: OutGrid, risks: readonly SimulatedRisk[]): Check[] {
  const value = (label: string) => result.find(([cell]) => cell === label)?.[1] as number;
  const analytic = expectedTotal(risks);
  const error = Math.abs(value('Mean') - analytic) / analytic;
  return [
    {
      name: 'mean near Σ p·(l + 4m + h) ÷ 6',
      ok: error < 0.02,
      detail: `simulated ${value('Mean').toFixed(0)} vs analytic ${analytic.toFixed(0)} (${(error * 100).toFixed(2)}%)`,
    },
    {
      name: 'percentiles ordered',
      ok: value('P50') <= value('P80') && value('P80') <= value('P90') && value('P90') <= value('P95'),
      detail: `P50 ${value('P50').toFixed(0)}, P80 ${value('P80').toFixed(0)}, P90 ${value('P90').toFixed(0)}, P95 ${value('P95').toFixed(0)}`,
    },
  ];
}

function timeSimulation(context: BenchContext, core: CoreApi) {
  const workload = simulationOf(context);
  const args = [workload.probability, workload.low, workload.likely, workload.high, ITERATIONS, null];
  const { timing, last } = timeGrid(core, 'SIMULATE_EXPOSURE', args);
  return { timing, result: last, checks: simulationChecks(last, workload.risks) };
}

/** SIMULATE_EXPOSURE 10,000 × 200 through invoke, Excel shape (DESIGN §9: within 0.12 s, through the bundle). */
export const simulateExposureBenchmark: Benchmark = {
  name: 'SIMULATE_EXPOSURE 10k iterations × 200 risks, Excel shape',
  budget: { kind: 'max-seconds', seconds: 0.12 },
  measure: (context): Measurement => {
    const measured = timeSimulation(context, SOURCE_CORE);
    return {
      value: measured.timing.median,
      details: [
        `invoke(SIMULATE_EXPOSURE, host args) → 6×2 table: ${describeTiming(measured.timing)} after ${WARMUPS} warm-ups`,
        `data: ${SIMULATED_RISKS} risks, probabilities 5–90% (half as "40%" text), likely costs 5k–2M (a third as money text)`,
      ],
      checks: measured.checks,
      data: { samplesSeconds: measured.timing.samples },
    };
  },
};

/** The same call on the core bundled the way it ships; it must give exactly the same table. */
export const simulateExposureShipped: Benchmark = {
  name: 'SIMULATE_EXPOSURE 10k × 200, shipped bundle',
  budget: { kind: 'max-seconds', seconds: 0.12 },
  measure: async (context) => {
    const shipped = await loadShippedCore();
    const measured = timeSimulation(context, shipped);
    const source = timeSimulation(context, SOURCE_CORE);
    return {
      value: measured.timing.median,
      details: [`${shipped.label}: ${describeTiming(measured.timing)}`],
      checks: [
        ...measured.checks,
        {
          name: 'same table as the sources',
          ok: JSON.stringify(measured.result) === JSON.stringify(source.result),
          detail: 'the bundle and the tsx-compiled sources give the same numbers for the same seed',
        },
      ],
      data: { samplesSeconds: measured.timing.samples },
    };
  },
};

/** HEATMAP on 50,000 rated rows (labels, numbers, "3 - Possible"), Excel shape, through the shipped bundle. */
export const heatmapBenchmark: Benchmark = {
  name: 'HEATMAP 50k rows, Excel shape, shipped bundle',
  budget: { kind: 'max-seconds', seconds: 0.025 },
  measure: async (context) => {
    const workload = registerOf(context);
    const shipped = await loadShippedCore();
    const { timing, last } = timeGrid(shipped, 'HEATMAP', [
      workload.ratedProbability,
      workload.ratedImpact,
      null,
    ]);
    const placed = last
      .slice(1)
      .reduce((sum, row) => sum + row.slice(1).reduce<number>((s, c) => s + Number(c), 0), 0);
    return {
      value: timing.median,
      details: [
        `invoke(HEATMAP) → 6×6 counts, ${shipped.label}: ${describeTiming(timing)}`,
        'budget: DESIGN §9 (issue 17)',
      ],
      checks: [
        {
          name: 'every row placed once',
          ok: placed === REGISTER_ROWS,
          detail: `${placed} of ${REGISTER_ROWS} rows in the grid`,
        },
      ],
      data: { samplesSeconds: timing.samples },
    };
  },
};

/** RISK_SUMMARY by Owner on a 50,000-row register with money text, PERT costs and residuals, through the bundle. */
export const riskSummaryBenchmark: Benchmark = {
  name: 'RISK_SUMMARY 50k rows by owner, Excel shape, shipped bundle',
  budget: { kind: 'max-seconds', seconds: 0.06 },
  measure: async (context) => {
    const workload = registerOf(context);
    const shipped = await loadShippedCore();
    const { timing, last } = timeGrid(shipped, 'RISK_SUMMARY', [workload.register, 'Owner']);
    const total = last[last.length - 1] ?? [];
    return {
      value: timing.median,
      details: [
        `invoke(RISK_SUMMARY, register, "Owner") → ${last.length} × ${last[0]?.length ?? 0}, ${shipped.label}: ${describeTiming(timing)}`,
        'data: 11 columns, percent and money text, Cost Low/High (PERT mean), Residual Probability on half the rows',
        'budget: DESIGN §9 (issue 17)',
      ],
      checks: [
        {
          name: 'every risk counted',
          ok: total[0] === 'Total' && total[1] === REGISTER_ROWS,
          detail: `Total row counts ${String(total[1])} risks`,
        },
      ],
      data: { samplesSeconds: timing.samples },
    };
  },
};

/** The risk benchmarks, in the order they should print. */
export const RISK_BENCHMARKS: readonly Benchmark[] = [
  simulateExposureBenchmark,
  simulateExposureShipped,
  heatmapBenchmark,
  riskSummaryBenchmark,
];
