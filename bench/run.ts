// `npm run bench`: measures the DESIGN §9 performance budgets and prints a report (or JSON with --json).
// It exits 0 when a budget is missed (the report says MISSED loudly) and 1 only when a benchmark throws or a
// correctness check fails, because then its numbers measure the wrong thing.
// New benchmarks are entries of BENCHMARKS: a name, a budget and a measure function (see harness.ts).

import { bundleSizes, codeJsEvaluation } from './bundles';
import { cliDashboard5mb } from './cli';
import { type Benchmark, formatReport, machineInfo, runBenchmarks } from './harness';
import { PRIORITIZATION_BENCHMARKS } from './prioritization';
import { RISK_BENCHMARKS } from './risk';
import { spreadsheetBaseline } from './spreadsheet-baseline';
import {
  utilizationBenchmark,
  utilizationPhases,
  utilizationScaling,
  utilizationShipped,
} from './utilization';

export const BENCHMARKS: readonly Benchmark[] = [
  utilizationBenchmark('excel', false),
  utilizationBenchmark('excel', true),
  utilizationBenchmark('sheets', false),
  utilizationBenchmark('sheets', true),
  utilizationShipped,
  utilizationPhases,
  utilizationScaling,
  spreadsheetBaseline,
  ...PRIORITIZATION_BENCHMARKS,
  ...RISK_BENCHMARKS,
  bundleSizes,
  codeJsEvaluation,
  cliDashboard5mb,
];

const USAGE = `usage: tsx bench/run.ts [--json] [--only <text>]
  --json         print the results as JSON on stdout (progress still goes to stderr)
  --only <text>  run only the benchmarks whose name contains <text> (case-insensitive; repeatable)`;

function parseArguments(argv: readonly string[]): { json: boolean; only: string[] } | string {
  const options = { json: false, only: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--json') options.json = true;
    else if (argument === '--only' && argv[i + 1] !== undefined)
      options.only.push((argv[++i] ?? '').toLowerCase());
    else return argument === '--help' || argument === '-h' ? USAGE : `unknown argument ${argument}\n${USAGE}`;
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    return options === USAGE ? 0 : 2;
  }
  const selected =
    options.only.length === 0
      ? BENCHMARKS
      : BENCHMARKS.filter((benchmark) =>
          options.only.some((text) => benchmark.name.toLowerCase().includes(text)),
        );
  if (selected.length === 0) {
    console.error(
      `no benchmark matches ${options.only.join(', ')}; the benchmarks are:\n${BENCHMARKS.map((benchmark) => `  ${benchmark.name}`).join('\n')}`,
    );
    return 2;
  }
  const machine = machineInfo();
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  progress(
    `bench: ${selected.length} benchmarks on ${machine.cpus} × ${machine.model}, Node ${machine.node}`,
  );
  const started = performance.now();
  const results = await runBenchmarks(selected, progress);
  const totalSeconds = (performance.now() - started) / 1000;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ machine, totalSeconds, results }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatReport(results, machine, totalSeconds)}\n`);
  }
  return results.some((result) => result.verdict === 'ERROR' || result.verdict === 'CHECK FAILED') ? 1 : 0;
}

process.exitCode = await main();
