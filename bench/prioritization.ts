// Benchmarks of portfolio selection through the catalog's invoke step, host-shaped ranges in: SELECT on 200
// (DESIGN §9: exact within 1 s) and 1,000 initiatives with money costs, SELECT on a strongly correlated
// portfolio, FRONTIER of 20 points on 200, and a report of how large each kind of instance stays exact.
// Wire them in with `...PRIORITIZATION_BENCHMARKS` in bench/run.ts.

import { isPmoError, type PmoError } from '../core/errors';
import { findFunction } from '../core/functions/catalog';
import { invoke } from '../core/functions/invoke';
import type { OutGrid } from '../core/functions/types';
import { type SelectionItem, type SelectionOptions, selectPortfolio } from '../core/prioritization/selection';
import { greedyWaterline } from '../core/prioritization/waterline';
import { type HostGrid, seededRandom } from './data';
import {
  type Benchmark,
  type Check,
  describeTiming,
  formatSeconds,
  type Measurement,
  timeRuns,
} from './harness';

/** Timed runs after one warm-up: each run is a whole search, long enough to time on its own. */
const REPEATS = { warmups: 1, runs: 5 } as const;
/** Share of the total cost available: a budget that funds roughly a third of the backlog. */
const BUDGET_SHARE = 0.3;

/** How values relate to costs, from easy (no relation) to the hardest (value = cost). */
export type InstanceKind =
  | 'uncorrelated scores'
  | 'weakly correlated NPV'
  | 'strongly correlated'
  | 'inverse strongly correlated'
  | 'strongly correlated, costs in cents'
  | 'subset-sum (value = cost)';

export const INSTANCE_KINDS: readonly InstanceKind[] = [
  'uncorrelated scores',
  'weakly correlated NPV',
  'strongly correlated',
  'inverse strongly correlated',
  'strongly correlated, costs in cents',
  'subset-sum (value = cost)',
];

/** A seeded portfolio: costs 50k–2M in whole thousands (or cents), values by kind, budget 30% of the total. */
export function portfolio(
  kind: InstanceKind,
  size: number,
  seed: number,
): { items: SelectionItem[]; budget: number } {
  const random = seededRandom(seed);
  const items: SelectionItem[] = [];
  for (let i = 0; i < size; i++) {
    const cents = kind === 'strongly correlated, costs in cents';
    const raw = 50_000 + random() * 1_950_000;
    const cost = cents ? Math.round(raw * 100) / 100 : Math.round(raw / 1000) * 1000;
    let value: number;
    if (kind === 'uncorrelated scores') value = 1 + Math.floor(random() * 100);
    else if (kind === 'weakly correlated NPV')
      value = Math.round((cost * (1.2 + 0.6 * random())) / 1000) * 1000;
    else if (kind === 'subset-sum (value = cost)') value = cost;
    else if (kind === 'inverse strongly correlated') value = cost - 40_000;
    else value = cost + 200_000;
    items.push({ cost, value });
  }
  const total = items.reduce((sum, item) => sum + item.cost, 0);
  return { items, budget: Math.round(total * BUDGET_SHARE) };
}

/** The portfolio as Excel hands it to SELECT: header cells, a third of the costs as money text. */
function hostShaped(items: readonly SelectionItem[]): { costs: HostGrid; values: HostGrid } {
  const costs: HostGrid = [['Cost (CHF)']];
  const values: HostGrid = [['Value']];
  items.forEach((item, i) => {
    costs.push([i % 3 === 0 ? `CHF ${item.cost.toLocaleString('en-US')}` : item.cost]);
    values.push([item.value]);
  });
  return { costs, values };
}

function call(name: string, args: readonly unknown[]): OutGrid | PmoError {
  const spec = findFunction(name);
  if (!spec) throw new Error(`${name} is not in the catalog`);
  return invoke(spec, args);
}

function gridOf(result: OutGrid | PmoError): OutGrid {
  if (isPmoError(result)) throw new Error(result.message);
  return result;
}

/** Checks on a SELECT result: within budget, no worse than greedy, and the same set the core proves. */
function selectionChecks(items: readonly SelectionItem[], budget: number, grid: OutGrid): Check[] {
  const flags = grid.slice(1).map((row) => row[0] === true);
  const cost = items.reduce((sum, item, i) => sum + (flags[i] ? item.cost : 0), 0);
  const value = items.reduce((sum, item, i) => sum + (flags[i] ? item.value : 0), 0);
  const greedy = greedyWaterline({ items, budget });
  const proof = selectPortfolio({ items, budget }, { strategy: 'branch-and-bound' });
  const checks: Check[] = [
    { name: 'within budget', ok: cost <= budget, detail: `cost ${cost} of budget ${budget}` },
    {
      name: 'at least the greedy waterline',
      ok: !isPmoError(greedy) && value >= greedy.value,
      detail: isPmoError(greedy) ? greedy.message : `optimum ${value} vs greedy ${greedy.value}`,
    },
  ];
  for (const [label, other] of [['branch and bound alone', proof]] as const) {
    if (isPmoError(other)) continue;
    checks.push({
      name: `same set as ${label}`,
      ok: other.selected.every((chosen, i) => chosen === flags[i]),
      detail: `${label}: value ${other.value}, cost ${other.cost}`,
    });
  }
  return checks;
}

function selectBenchmark(
  kind: InstanceKind,
  size: number,
  budgetSeconds: number | undefined,
  note: string,
): Benchmark {
  return {
    name: `SELECT ${size.toLocaleString('en-US')} initiatives, ${kind}, Excel shape`,
    budget:
      budgetSeconds === undefined ? { kind: 'report-only' } : { kind: 'max-seconds', seconds: budgetSeconds },
    measure: (): Measurement => {
      const { items, budget } = portfolio(kind, size, 20_250_301 + size);
      const { costs, values } = hostShaped(items);
      let last: OutGrid = [];
      const timing = timeRuns(() => call('SELECT', [costs, values, budget, null, null, null]), {
        ...REPEATS,
        inspect: (result) => {
          last = gridOf(result);
        },
      });
      const core = selectPortfolio({ items, budget });
      return {
        value: budgetSeconds === undefined ? undefined : timing.median,
        details: [
          `invoke(SELECT, host args) → ${size + 1}×1 TRUE/FALSE: ${describeTiming(timing)}`,
          isPmoError(core)
            ? core.message
            : `proved by ${core.method} (${core.searchNodes.toLocaleString('en-US')} nodes): ${core.count} funded, value ${core.value.toLocaleString('en-US')}`,
          `data: costs 50k–2M CHF in whole thousands (a third as money text), budget ${BUDGET_SHARE * 100}% of the total; ${note}`,
        ],
        checks: selectionChecks(items, budget, last),
        data: { samplesSeconds: timing.samples },
      };
    },
  };
}

/** Adds constraints as a PMO backlog has them: alternatives in groups of three, a few requirements and musts. */
export function constrained(items: readonly SelectionItem[], seed: number): SelectionItem[] {
  const random = seededRandom(seed);
  return items.map((item, i) => ({
    ...item,
    group: random() < 0.1 ? `Option set ${Math.floor(i / 3) + 1}` : undefined,
    requires: i > 0 && random() < 0.05 ? [Math.floor(random() * i)] : [],
    must: random() < 0.01,
  }));
}

/** SELECT with must, groups and requires columns in host shape. */
function constrainedBenchmark(size: number): Benchmark {
  return {
    name: `SELECT ${size.toLocaleString('en-US')} initiatives with must, groups and requires, Excel shape`,
    budget: { kind: 'max-seconds', seconds: 1 },
    measure: (): Measurement => {
      const base = portfolio('weakly correlated NPV', size, 42 + size);
      const items = constrained(base.items, 7);
      const { costs, values } = hostShaped(items);
      const must: HostGrid = [['Must'], ...items.map((item) => [item.must ? true : ''])];
      const groups: HostGrid = [['Group'], ...items.map((item) => [item.group ?? ''])];
      const requires: HostGrid = [
        ['Requires'],
        ...items.map((item) => [(item.requires ?? []).map((index) => index + 1).join(', ')]),
      ];
      let last: OutGrid = [];
      const timing = timeRuns(() => call('SELECT', [costs, values, base.budget, must, groups, requires]), {
        ...REPEATS,
        inspect: (result) => {
          last = gridOf(result);
        },
      });
      const flags = last.slice(1).map((row) => row[0] === true);
      const core = selectPortfolio({ items, budget: base.budget });
      const mustKept = items.every((item, i) => !item.must || flags[i]);
      const requiresKept = items.every(
        (item, i) => !flags[i] || (item.requires ?? []).every((r) => flags[r]),
      );
      const groupsKept =
        new Set(items.filter((item, i) => flags[i] && item.group).map((item) => item.group)).size ===
        items.filter((item, i) => flags[i] && item.group).length;
      const cost = items.reduce((sum, item, i) => sum + (flags[i] ? item.cost : 0), 0);
      return {
        value: timing.median,
        details: [
          `invoke(SELECT, 6 host columns) → ${size + 1}×1 TRUE/FALSE: ${describeTiming(timing)}`,
          isPmoError(core)
            ? core.message
            : `proved by ${core.method} (${core.searchNodes.toLocaleString('en-US')} nodes): ${core.count} funded`,
          `data: weakly correlated NPVs; ${items.filter((item) => item.group).length} items in groups of alternatives, ${items.filter((item) => (item.requires ?? []).length > 0).length} with a requirement, ${items.filter((item) => item.must).length} must-fund`,
        ],
        checks: [
          { name: 'within budget', ok: cost <= base.budget, detail: `cost ${cost} of ${base.budget}` },
          { name: 'must items in', ok: mustKept, detail: 'every must-fund initiative selected' },
          { name: 'requirements kept', ok: requiresKept, detail: 'every selected item has what it requires' },
          { name: 'one per group', ok: groupsKept, detail: 'no group label twice among the selected' },
        ],
        data: { samplesSeconds: timing.samples },
      };
    },
  };
}

/** FRONTIER of 20 budgets on 200 initiatives. */
const frontierBenchmark: Benchmark = {
  name: 'FRONTIER 20 points × 200 initiatives, Excel shape',
  budget: { kind: 'max-seconds', seconds: 1 },
  measure: (): Measurement => {
    const { items } = portfolio('uncorrelated scores', 200, 7);
    const { costs, values } = hostShaped(items);
    let last: OutGrid = [];
    const timing = timeRuns(() => call('FRONTIER', [costs, values, 20]), {
      ...REPEATS,
      inspect: (result) => {
        last = gridOf(result);
      },
    });
    const rows = last.slice(1);
    const rising = rows.every((row, i) => i === 0 || (row[1] as number) >= (rows[i - 1]?.[1] as number));
    const withinBudget = rows.every((row) => (row[2] as number) <= (row[0] as number));
    return {
      value: timing.median,
      details: [
        `invoke(FRONTIER, host args, 20) → 21×4 table: ${describeTiming(timing)}`,
        'budget: issue 3 (DESIGN §9 names none for FRONTIER); each point is solved exactly, warm-started from the previous',
      ],
      checks: [
        { name: 'value never falls as the budget grows', ok: rising, detail: `${rows.length} points` },
        { name: 'every point within its budget', ok: withinBudget, detail: 'Cost ≤ Budget on every row' },
      ],
      data: { samplesSeconds: timing.samples },
    };
  },
};

/** One solve of the survey: exact or not, how, and how long. */
export interface SurveyResult {
  readonly kind: InstanceKind;
  readonly size: number;
  readonly exact: boolean;
  readonly method: string;
  readonly seconds: number;
}

/** Solves each kind of instance at growing sizes (core call, default limits) and records where it stays exact. */
export function exactnessSurvey(
  sizes: readonly number[],
  kinds: readonly InstanceKind[] = INSTANCE_KINDS,
  options: SelectionOptions = {},
  runs = 1,
): SurveyResult[] {
  const results: SurveyResult[] = [];
  for (const kind of kinds) {
    for (const size of sizes) {
      const { items, budget } = portfolio(kind, size, 1_000 + size);
      const samples: number[] = [];
      let result: ReturnType<typeof selectPortfolio> | undefined;
      // A proved instance is timed `runs` times (the median is kept); one that ends in an error only once.
      while (samples.length < runs && (result === undefined || !isPmoError(result))) {
        const started = performance.now();
        result = selectPortfolio({ items, budget }, options);
        samples.push((performance.now() - started) / 1000);
      }
      const proved = result !== undefined && !isPmoError(result) ? result : undefined;
      const limit =
        result && isPmoError(result) && /work limit/.test(result.message) ? 'work limit' : 'node limit';
      samples.sort((a, b) => a - b);
      results.push({
        kind,
        size,
        exact: proved !== undefined,
        method: proved ? proved.method : limit,
        seconds: samples[Math.floor(samples.length / 2)] ?? 0,
      });
    }
  }
  return results;
}

const METHOD_LABELS: Record<string, string> = {
  core: 'core',
  'branch-and-bound': 'B&B',
};

const surveyBenchmark: Benchmark = {
  name: 'SELECT exactness by instance kind and size (report)',
  budget: { kind: 'report-only' },
  measure: (context): Measurement => {
    const sizes = [50, 200, 1000, 2000, 5000, 10_000];
    const results = exactnessSurvey(sizes, INSTANCE_KINDS, {}, 3);
    context.progress(`  surveyed ${results.length} instances`);
    const header = `${'kind \\ initiatives'.padEnd(36)} ${sizes.map((size) => size.toLocaleString('en-US').padStart(17)).join(' ')}`;
    const details = INSTANCE_KINDS.map((kind) => {
      const row = results
        .filter((result) => result.kind === kind)
        .map((result) =>
          (result.exact
            ? `exact ${formatSeconds(result.seconds)} ${METHOD_LABELS[result.method] ?? result.method}`
            : `${result.method} ${formatSeconds(result.seconds)}`
          ).padStart(17),
        );
      return `${kind.padEnd(36)} ${row.join(' ')}`;
    });
    return {
      value: undefined,
      details: [
        header,
        ...details,
        'median of 3 runs when exact; "work limit"/"node limit": the clear error, after one run',
      ],
      data: { results },
    };
  },
};

export const PRIORITIZATION_BENCHMARKS: readonly Benchmark[] = [
  selectBenchmark('uncorrelated scores', 200, 1, 'values are integer scores 1–100 (DESIGN §9 budget)'),
  selectBenchmark('weakly correlated NPV', 200, 1, 'values are NPVs of 1.2–1.8 × cost in whole thousands'),
  selectBenchmark(
    'strongly correlated',
    200,
    1,
    'value = cost + 200k, the classic hard case (the core solver)',
  ),
  selectBenchmark(
    'strongly correlated',
    1000,
    1,
    'value = cost + 200k: the core solver (expanding core around the break item)',
  ),
  selectBenchmark(
    'subset-sum (value = cost)',
    1000,
    1,
    'value = cost: many optimal sets, earliest rows kept',
  ),
  selectBenchmark('uncorrelated scores', 1000, undefined, 'values are integer scores 1–100'),
  selectBenchmark('weakly correlated NPV', 1000, undefined, 'values are NPVs of 1.2–1.8 × cost'),
  constrainedBenchmark(200),
  constrainedBenchmark(1000),
  frontierBenchmark,
  surveyBenchmark,
];
