// Runs the fuzz corpus of one catalog function through some hosts, tallies what the summary reports (hostile kinds
// tried, calls, findings, the slowest call), and turns each distinct failure into a shrunk, replayable
// counterexample. Deterministic: the seed is fixed unless FUZZ_SEED says otherwise; FUZZ_RUNS multiplies the runs.

import fc from 'fast-check';
import { type FunctionSpec, isRangeParam } from '../../core/functions/types';
import { type CallOutcome, FINDING_KINDS, type Finding, type Host } from './host-checks';
import { callArbitrary, contractArgument, type FuzzCall } from './hostile-args';
import {
  cellKind,
  type FuzzCell,
  type FuzzGrid,
  HOSTILE_KINDS,
  type HostileKind,
  showArgs,
} from './hostile-cells';

/** The base seed; function number i of the catalog uses SEED + i. */
export const SEED = Number(process.env.FUZZ_SEED ?? 1212);
const RUNS_FACTOR = Number(process.env.FUZZ_RUNS ?? 1);
/** How long shrinking one failure may take before its best counterexample so far is reported. */
const SHRINK_LIMIT_MS = 20_000;

/**
 * Calls per catalog function (and per host): 30, times FUZZ_RUNS. Both fuzz tests draw the same corpus from the
 * same seeds. 30 keeps the host suite near 20 s on a 2-core machine (two hosts, 19 functions).
 */
export const RUNS = Math.max(
  1,
  Math.round(30 * (Number.isFinite(RUNS_FACTOR) && RUNS_FACTOR > 0 ? RUNS_FACTOR : 1)),
);

export type HostCall = (spec: FunctionSpec, call: FuzzCall) => CallOutcome;

export interface Tally {
  readonly calls: Map<Host, number>;
  /** Calls that returned a table (reached the kernel) rather than one whole-function error. */
  readonly tables: Map<Host, number>;
  readonly findings: Map<string, number>;
  readonly kinds: Set<HostileKind>;
  slowest: { ms: number; host: Host; name: string; call: FuzzCall } | undefined;
}

export function newTally(): Tally {
  return { calls: new Map(), tables: new Map(), findings: new Map(), kinds: new Set(), slowest: undefined };
}

const isGrid = (arg: unknown): arg is FuzzGrid => Array.isArray(arg);

/** Adds the hostile kinds that `call` carries to `kinds`. */
function noteKinds(spec: FunctionSpec, call: FuzzCall, kinds: Set<HostileKind>): void {
  for (const [i, param] of spec.params.entries()) {
    const arg = call.args[i];
    if (arg === undefined) {
      kinds.add('optional argument left out');
      continue;
    }
    const cells: FuzzCell[] = isGrid(arg) ? arg.flat() : [arg as FuzzCell];
    for (const cell of cells) {
      const kind = cellKind(cell);
      if (kind) kinds.add(kind);
    }
    if (!isGrid(arg)) continue;
    if (!isRangeParam(param)) kinds.add('single value given as a 1×1 range');
    if (arg.length === 0 || arg.every((row) => row.length === 0)) kinds.add('empty range');
    else if (arg.some((row) => row.length !== arg[0]?.length)) kinds.add('ragged rows');
    if (arg[0]?.some((cell) => cellKind(cell) !== undefined && cell !== null)) kinds.add('hostile header');
    const base = contractArgument(spec, i);
    if (isGrid(base) && arg.length > base.length) kinds.add('table grown by repeating its rows');
    if (param.kind === 'column' && arg.length === 1 && (arg[0]?.length ?? 0) > 1)
      kinds.add('column given as a row');
  }
}

/** One line per distinct failure: the host, the kind, and the detail with its numbers blurred. */
const keyOf = (finding: Finding) =>
  `${finding.host} ${finding.kind}: ${finding.detail.replace(/\d+/g, '#').slice(0, 120)}`;

export interface Failure {
  readonly key: string;
  readonly finding: Finding;
  readonly first: FuzzCall;
  count: number;
}

/** Runs `runs` calls of `spec` through each host, tallying them; returns each distinct failure with its first call. */
export function sweep(
  spec: FunctionSpec,
  seed: number,
  runs: number,
  hosts: ReadonlyMap<Host, HostCall>,
  tally: Tally,
): Failure[] {
  const failures = new Map<string, Failure>();
  for (const call of fc.sample(callArbitrary(spec), { seed, numRuns: runs })) {
    noteKinds(spec, call, tally.kinds);
    for (const [host, run] of hosts) {
      const outcome = run(spec, call);
      tally.calls.set(host, (tally.calls.get(host) ?? 0) + 1);
      if (outcome.table) tally.tables.set(host, (tally.tables.get(host) ?? 0) + 1);
      if (!tally.slowest || outcome.ms > tally.slowest.ms)
        tally.slowest = { ms: outcome.ms, host, name: spec.name, call };
      for (const finding of outcome.findings) {
        const counted = `${finding.host}|${finding.kind}`;
        tally.findings.set(counted, (tally.findings.get(counted) ?? 0) + 1);
        const key = keyOf(finding);
        const known = failures.get(key);
        if (known) known.count++;
        else failures.set(key, { key, finding, first: call, count: 1 });
      }
    }
  }
  return [...failures.values()];
}

/**
 * Each failure as a paragraph: what happened, how often, and the smallest call fast-check finds that still shows it
 * (shrunk from the same seed within SHRINK_LIMIT_MS), written so it can be pasted into a test.
 */
export function describeFailures(
  spec: FunctionSpec,
  seed: number,
  runs: number,
  hosts: ReadonlyMap<Host, HostCall>,
  failures: readonly Failure[],
): string[] {
  return failures.map((failure) => {
    const run = hosts.get(failure.finding.host);
    let smallest = failure.first;
    if (run) {
      const stillFails = (call: FuzzCall) =>
        run(spec, call).findings.some((found) => keyOf(found) === failure.key);
      const details = fc.check(
        fc.property(callArbitrary(spec), (call) => !stillFails(call)),
        { seed, numRuns: runs, interruptAfterTimeLimit: SHRINK_LIMIT_MS },
      );
      if (details.failed && details.counterexample) smallest = details.counterexample[0];
    }
    return (
      `${spec.name} in ${failure.finding.host}: ${failure.finding.kind} (${failure.count} of ${runs} calls, seed ${seed}): ` +
      `${failure.finding.detail.slice(0, 300)}\n    smallest call: ${spec.name}(${showArgs(smallest.args).slice(1, -1)}) reading ${smallest.reading}`
    );
  });
}

/** The figures the closing note needs, as printable lines. */
export function summary(title: string, tally: Tally): string {
  const lines = [`Fuzz summary, ${title} (FUZZ_SEED=${SEED}, FUZZ_RUNS=${RUNS_FACTOR}):`];
  const tried = HOSTILE_KINDS.filter((kind) => tally.kinds.has(kind));
  lines.push(`  hostile input kinds tried: ${tried.length} of ${HOSTILE_KINDS.length} (${tried.join('; ')})`);
  for (const [host, calls] of tally.calls) {
    const counts = FINDING_KINDS.map((kind) => `${kind} ${tally.findings.get(`${host}|${kind}`) ?? 0}`);
    const tables = tally.tables.get(host) ?? 0;
    lines.push(`  ${host}: ${calls} calls (${tables} returned a table); ${counts.join(', ')}`);
  }
  const slowest = tally.slowest;
  if (slowest)
    lines.push(
      `  slowest call: ${slowest.name} in ${slowest.host}, ${Math.round(slowest.ms)} ms of CPU: ` +
        `${slowest.name}(${showArgs(slowest.call.args).slice(1, -1)})`.slice(0, 400),
    );
  return lines.join('\n');
}
