// The benchmark harness: a benchmark is a name, a budget and a measure function; the harness times, judges
// each result against its budget and prints a readable or a JSON report.

import { cpus, loadavg, totalmem } from 'node:os';

/** What a benchmark promises (DESIGN §9). */
export type Budget =
  /** The measured value, in seconds, must not exceed `seconds`. */
  | { readonly kind: 'max-seconds'; readonly seconds: number }
  /** The measured ratio must not exceed `ratio` (e.g. 100k/10k time within 10 × 1.5). */
  | { readonly kind: 'max-ratio'; readonly ratio: number; readonly meaning: string }
  /** The measured ratio must be at least `ratio` (e.g. the speed-up over the spreadsheet way). */
  | { readonly kind: 'min-ratio'; readonly ratio: number; readonly meaning: string }
  /** Measured and printed, no promise. */
  | { readonly kind: 'report-only' };

/** A correctness check made beside the timing; a failed check makes the numbers meaningless. */
export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** What a measure function returns. */
export interface Measurement {
  /** The number judged against the budget: seconds for `max-seconds`, the ratio otherwise; undefined for none. */
  readonly value: number | undefined;
  /** Readable lines: sizes, run times, notes. */
  readonly details: readonly string[];
  readonly checks?: readonly Check[];
  /** Machine-readable extras for `--json`. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Shared services for measure functions. */
export interface BenchContext {
  /** Computes `compute()` once per key and run of the bench, so one benchmark can reuse another's timing. */
  memo<T>(key: string, compute: () => T): T;
  /** A progress line on stderr (the report itself goes to stdout). */
  progress(line: string): void;
}

/** One entry of the bench list. */
export interface Benchmark {
  readonly name: string;
  readonly budget: Budget;
  readonly measure: (context: BenchContext) => Measurement | Promise<Measurement>;
}

/** Times of repeated runs of one piece of work, in seconds. */
export interface Timing {
  readonly samples: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Median of `values` (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

/**
 * Runs `work` `warmups` times untimed, then `runs` times timed with performance.now() on a warm heap (no forced
 * collection between runs: on this workload forcing one made runs slower and noisier, as the heap regrows).
 * `inspect` sees every result outside the timed region (so results stay live and can be checked).
 */
export function timeRuns<T>(
  work: () => T,
  options: { warmups: number; runs: number; inspect?: (result: T) => void },
): Timing {
  for (let i = 0; i < options.warmups; i++) options.inspect?.(work());
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const started = performance.now();
    const result = work();
    samples.push((performance.now() - started) / 1000);
    options.inspect?.(result);
  }
  return { samples, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

/** "0.412 s" or "3.1 ms", whichever reads better. */
export function formatSeconds(seconds: number): string {
  if (seconds >= 1) return `${seconds.toFixed(2)} s`;
  if (seconds >= 0.1) return `${seconds.toFixed(3)} s`;
  return `${(seconds * 1000).toFixed(1)} ms`;
}

/** "median 0.412 s (min 0.401 s, max 0.455 s, 5 runs)". */
export function describeTiming(timing: Timing): string {
  return `median ${formatSeconds(timing.median)} (min ${formatSeconds(timing.min)}, max ${formatSeconds(timing.max)}, ${timing.samples.length} runs)`;
}

export type Verdict = 'met' | 'MISSED' | 'info' | 'CHECK FAILED' | 'ERROR';

/** One judged benchmark, as printed and as written by `--json`. */
export interface BenchResult {
  readonly name: string;
  readonly budget: Budget;
  readonly budgetText: string;
  readonly verdict: Verdict;
  readonly value: number | undefined;
  readonly valueText: string;
  readonly details: readonly string[];
  readonly checks: readonly Check[];
  readonly data: Readonly<Record<string, unknown>>;
  readonly wallSeconds: number;
}

function budgetText(budget: Budget): string {
  switch (budget.kind) {
    case 'max-seconds':
      return `≤ ${formatSeconds(budget.seconds)}`;
    case 'max-ratio':
      return `≤ ${budget.ratio}× (${budget.meaning})`;
    case 'min-ratio':
      return `≥ ${budget.ratio}× (${budget.meaning})`;
    case 'report-only':
      return 'report only';
  }
}

function valueText(budget: Budget, value: number | undefined): string {
  if (value === undefined) return '—';
  return budget.kind === 'max-seconds' ? formatSeconds(value) : `${value.toFixed(value >= 100 ? 0 : 2)}×`;
}

function judge(budget: Budget, value: number | undefined): Verdict {
  if (budget.kind === 'report-only' || value === undefined) return 'info';
  if (budget.kind === 'max-seconds') return value <= budget.seconds ? 'met' : 'MISSED';
  if (budget.kind === 'max-ratio') return value <= budget.ratio ? 'met' : 'MISSED';
  return value >= budget.ratio ? 'met' : 'MISSED';
}

/** Runs every benchmark in order; a throwing one is reported as ERROR and the others still run. */
export async function runBenchmarks(
  benchmarks: readonly Benchmark[],
  progress: (line: string) => void,
): Promise<BenchResult[]> {
  const cache = new Map<string, unknown>();
  const context: BenchContext = {
    memo<T>(key: string, compute: () => T): T {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key) as T;
    },
    progress,
  };
  const results: BenchResult[] = [];
  for (const benchmark of benchmarks) {
    progress(`▶ ${benchmark.name}`);
    const started = performance.now();
    let measurement: Measurement;
    let failure: string | undefined;
    try {
      measurement = await benchmark.measure(context);
    } catch (error) {
      failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
      measurement = { value: undefined, details: [`threw: ${failure}`] };
    }
    const checks = measurement.checks ?? [];
    const verdict: Verdict =
      failure !== undefined
        ? 'ERROR'
        : checks.some((check) => !check.ok)
          ? 'CHECK FAILED'
          : judge(benchmark.budget, measurement.value);
    results.push({
      name: benchmark.name,
      budget: benchmark.budget,
      budgetText: budgetText(benchmark.budget),
      verdict,
      value: measurement.value,
      valueText: valueText(benchmark.budget, measurement.value),
      details: measurement.details,
      checks,
      data: measurement.data ?? {},
      wallSeconds: (performance.now() - started) / 1000,
    });
  }
  return results;
}

/** The machine the numbers were taken on. */
export function machineInfo(): Record<string, string | number> {
  const cores = cpus();
  return {
    cpus: cores.length,
    model: cores[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

const MARK: Record<Verdict, string> = {
  met: 'met',
  info: 'info',
  MISSED: '!!! MISSED !!!',
  'CHECK FAILED': '!!! CHECK FAILED !!!',
  ERROR: '!!! ERROR !!!',
};

/** The readable report. */
export function formatReport(
  results: readonly BenchResult[],
  machine: Record<string, string | number>,
  totalSeconds: number,
): string {
  const lines: string[] = [];
  lines.push('PMO toolkit benchmarks (npm run bench)');
  lines.push(
    `machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGiB} GiB, ${machine.platform}; Node ${machine.node} (V8 ${machine.v8})`,
  );
  const busy = Number(machine.loadAverage1m) > Number(machine.cpus) * 0.5;
  lines.push(
    `load average at start: ${machine.loadAverage1m}${busy ? ' — other processes were busy: expect noisier times' : ''}`,
  );
  lines.push('');
  for (const result of results) {
    lines.push(`■ ${result.name}   (${formatSeconds(result.wallSeconds)} wall)`);
    lines.push(`  result: ${result.valueText}   budget: ${result.budgetText}   → ${MARK[result.verdict]}`);
    for (const detail of result.details) lines.push(`  ${detail}`);
    for (const check of result.checks)
      lines.push(`  check ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
    lines.push('');
  }
  const width = Math.max(...results.map((result) => result.name.length), 9);
  lines.push('Summary');
  for (const result of results) {
    lines.push(
      `  ${result.name.padEnd(width)}  ${result.valueText.padStart(10)}  ${result.budgetText.padEnd(52)}  ${MARK[result.verdict]}`,
    );
  }
  const missed = results.filter((result) => result.verdict !== 'met' && result.verdict !== 'info');
  lines.push('');
  lines.push(
    missed.length === 0
      ? `All budgets met (${formatSeconds(totalSeconds)} in total).`
      : `!!! ${missed.length} of ${results.length} NOT MET: ${missed.map((result) => `${result.name} (${result.verdict})`).join('; ')} !!!`,
  );
  return lines.join('\n');
}
