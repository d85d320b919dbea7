// Benchmarks of UTILIZATION through the catalog's invoke step: host-shaped ranges in, the spilled grid out, in
// Excel shape (serials, null for omitted) and Sheets shape (Date cells, undefined for omitted), and its scaling.

import { isPmoError, type PmoError } from '../core/errors';
import { calendarEnvironment, UTC_CALENDAR } from '../core/functions/calendar';
import { findFunction } from '../core/functions/catalog';
import { type HostEnvironment, invoke, normalizeTable, UTC_DATES } from '../core/functions/invoke';
import type { OutGrid } from '../core/functions/types';
import { measureTable, utilizationRatio } from '../core/functions/utilization-functions';
import { buildUtilizationModel, computeUtilization } from '../core/utilization';
import {
  excelUtilizationArgs,
  type HostGrid,
  toSheetsShape,
  type UtilizationWorkload,
  utcDateOfSerial,
  utilizationWorkload,
} from './data';
import {
  type BenchContext,
  type Benchmark,
  type Check,
  describeTiming,
  formatSeconds,
  type Measurement,
  median,
  type Timing,
  timeRuns,
} from './harness';
import { type CoreApi, loadShippedCore } from './shipped-core';

/** The DESIGN §9 workload: 100,000 assignment rows × 1,000 resources × 104 weeks. */
export const FULL_ROWS = 100_000;
export const RESOURCES = 1_000;
export const WEEKS = 104;
const SEED = 20_250_106;
const MAX_SPAN_WEEKS = 26;
/** Timed runs after the warm-up (the brief asks for at least 5). */
const RUNS = 7;
const WARMUPS = 3;

/** The core compiled from source by tsx (what `npm run bench` runs). */
export const SOURCE_CORE: CoreApi = { label: 'sources via tsx', invoke, findFunction };

function catalogFunction(name: string, core: CoreApi = SOURCE_CORE) {
  const spec = core.findFunction(name);
  if (!spec) throw new Error(`${name} is not in the catalog`);
  return spec;
}

/** The generated workbook with `rows` assignment rows (memoised: generated once per bench run). */
export function workloadOf(context: BenchContext, rows: number): UtilizationWorkload {
  return context.memo(`workload-${rows}`, () => {
    context.progress(
      `  generating ${rows.toLocaleString('en-US')} assignment rows × ${RESOURCES} resources × ${WEEKS} weeks`,
    );
    return utilizationWorkload({
      seed: SEED,
      assignmentRows: rows,
      resources: RESOURCES,
      weeks: WEEKS,
      maxSpanWeeks: MAX_SPAN_WEEKS,
    });
  });
}

export type HostShape = 'excel' | 'sheets';

/** The environment the Sheets adapter builds for one call, in a spreadsheet whose time zone is UTC. */
export const sheetsUtcEnvironment = (): HostEnvironment => calendarEnvironment(UTC_CALENDAR);

/** The host arguments of `=PMO.UTILIZATION(assignments, resources, start, end, "week", [time_off])` for `shape`. */
export function utilizationArgs(
  context: BenchContext,
  rows: number,
  shape: HostShape,
  withTimeOff: boolean,
): unknown[] {
  const workload = workloadOf(context, rows);
  if (shape === 'excel') return excelUtilizationArgs(workload, withTimeOff ? workload.timeOff : null);
  const sheets = context.memo(`sheets-${rows}`, () => ({
    assignments: toSheetsShape(workload.assignments, workload.dateColumns.assignments),
    resources: toSheetsShape(workload.resources, workload.dateColumns.resources),
    timeOff: toSheetsShape(workload.timeOff, workload.dateColumns.timeOff),
  }));
  const start = utcDateOfSerial(workload.startSerial);
  const end = utcDateOfSerial(workload.endSerial);
  return [
    sheets.assignments,
    sheets.resources,
    start,
    end,
    'week',
    withTimeOff ? sheets.timeOff : undefined,
    undefined,
  ];
}

/** One timed configuration and the checks made on its result. */
export interface UtilizationRun {
  readonly timing: Timing;
  readonly result: OutGrid | PmoError;
  readonly checks: readonly Check[];
}

function shapeChecks(result: OutGrid | PmoError, workload: UtilizationWorkload): Check[] {
  if (isPmoError(result))
    return [{ name: 'result is a grid', ok: false, detail: `error value: ${result.message}` }];
  const resources = workload.resources.length - 1;
  const rowsOk = result.length === resources + 2;
  const columnsOk = result.every((row) => row.length === WEEKS + 1);
  const total = result[result.length - 1] ?? [];
  const totalsOk = total.slice(1).every((cell) => typeof cell === 'number' && cell > 0 && cell < 3);
  return [
    {
      name: 'spill shape',
      ok: rowsOk && columnsOk,
      detail: `${result.length} rows × ${result[0]?.length ?? 0} columns (expected ${resources + 2} × ${WEEKS + 1}: header, ${resources} resources, Total)`,
    },
    {
      name: 'Total row',
      ok: totalsOk,
      detail: totalsOk
        ? 'every week a plausible ratio in (0%, 300%)'
        : `implausible cells: ${JSON.stringify(
            total
              .slice(1)
              .filter((cell) => !(typeof cell === 'number' && cell > 0 && cell < 3))
              .slice(0, 5),
          )}`,
    },
  ];
}

/** Times UTILIZATION on `rows` assignment rows in `shape` (memoised, so other benchmarks can reuse it). */
export function timeUtilization(
  context: BenchContext,
  rows: number,
  shape: HostShape,
  withTimeOff: boolean,
  core: CoreApi = SOURCE_CORE,
): UtilizationRun {
  return context.memo(`utilization-${rows}-${shape}-${withTimeOff}-${core.label}`, () => {
    const spec = catalogFunction('UTILIZATION', core);
    const args = utilizationArgs(context, rows, shape, withTimeOff);
    const env = (): HostEnvironment => (shape === 'excel' ? UTC_DATES : sheetsUtcEnvironment());
    let last: OutGrid | PmoError | undefined;
    context.progress(
      `  timing ${shape} shape, ${rows.toLocaleString('en-US')} rows, ${withTimeOff ? 'with' : 'without'} time off, ${core.label}`,
    );
    const timing = timeRuns(() => core.invoke(spec, args, env()), {
      warmups: WARMUPS,
      runs: rows >= FULL_ROWS ? RUNS : RUNS + 4,
      inspect: (result) => {
        last = result;
      },
    });
    const result = last ?? core.invoke(spec, args, env());
    return { timing, result, checks: shapeChecks(result, workloadOf(context, rows)) };
  });
}

const ALL_DAYS_OFF = 'no working day between start and end';

/**
 * What ISSUES reports for the workload. Without time off every generated row must be used (so none is skipped
 * cheaply); with time off the only acceptable issues are total-Hours rows whose whole span is leave (DESIGN §5).
 */
function issueCheck(context: BenchContext, rows: number, withTimeOff: boolean): Check {
  const workload = workloadOf(context, rows);
  const issues = invoke(catalogFunction('ISSUES'), [
    workload.assignments,
    workload.resources,
    withTimeOff ? workload.timeOff : null,
  ]);
  if (isPmoError(issues)) return { name: 'rows used', ok: false, detail: `ISSUES failed: ${issues.message}` };
  const listed = issues.slice(1);
  const unexpected = listed.filter(
    (issue) => !(withTimeOff && issue[2] === 'Hours' && String(issue[4]).startsWith(ALL_DAYS_OFF)),
  );
  return {
    name: 'rows used',
    ok: unexpected.length === 0,
    detail:
      unexpected.length > 0
        ? `${unexpected.length} unexpected issues, e.g. ${JSON.stringify(unexpected[0])}`
        : listed.length === 0
          ? 'ISSUES lists 0 rows: every generated row is used'
          : `ISSUES lists ${listed.length} rows, all total-Hours rows whose whole span is leave (left out by DESIGN §5); the rest are used`,
  };
}

/** "weekly Total utilization: min 61%, median 92%, max 104%". */
function totalRowLine(result: OutGrid | PmoError): string {
  const total = isPmoError(result)
    ? []
    : (result[result.length - 1] ?? []).slice(1).filter((cell): cell is number => typeof cell === 'number');
  if (total.length === 0) return 'weekly Total utilization: none';
  const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;
  return (
    `weekly Total utilization (Σ load ÷ Σ capacity): min ${percent(Math.min(...total))}, median ${percent(median(total))}, max ${percent(Math.max(...total))} ` +
    '(low only in the first and last weeks: every assignment lies inside the horizon)'
  );
}

function grid(result: OutGrid | PmoError): OutGrid {
  return isPmoError(result) ? [] : result;
}

/** True when two result grids hold the same numbers (within 1e-9) and the same labels. */
function sameGrid(a: OutGrid, b: OutGrid): boolean {
  if (a.length !== b.length) return false;
  return a.every((row, r) => {
    const other = b[r] ?? [];
    if (row.length !== other.length) return false;
    return row.every((cell, c) => {
      const twin = other[c];
      if (typeof cell === 'number' && typeof twin === 'number') return Math.abs(cell - twin) <= 1e-9;
      return JSON.stringify(cell) === JSON.stringify(twin);
    });
  });
}

function workloadLines(workload: UtilizationWorkload, withTimeOff: boolean): string[] {
  const rows = workload.assignments.length - 1;
  const { counts } = workload;
  const percent = (count: number) => `${Math.round((100 * count) / rows)}%`;
  return [
    `data: ${rows.toLocaleString('en-US')} assignment rows (Hours per week ${percent(counts.hoursPerWeek)}, Allocation ${percent(counts.allocation)}, total Hours ${percent(counts.totalHours)}; ` +
      `Tentative ${percent(counts.tentative)}; spans 1–${MAX_SPAN_WEEKS} weeks), ${workload.resources.length - 1} resources (40/32/24 h/wk, ~40% partial availability), ${WEEKS} weeks`,
    withTimeOff
      ? `time off: ${workload.timeOff.length - 1} rows (${counts.holidays} public holidays for "All", ${counts.leave} personal leave rows, ~15% half days)`
      : 'time off: none',
  ];
}

/** A UTILIZATION benchmark on the full workload in one host shape, with or without time off. */
export function utilizationBenchmark(shape: HostShape, withTimeOff: boolean): Benchmark {
  const label = shape === 'excel' ? 'Excel shape' : 'Sheets shape (Date cells)';
  return {
    name: `UTILIZATION 100k×1k×104wk, ${label}, ${withTimeOff ? 'with' : 'no'} time off`,
    budget: { kind: 'max-seconds', seconds: 0.5 },
    measure: (context) => {
      const run = timeUtilization(context, FULL_ROWS, shape, withTimeOff);
      const checks = [...run.checks, issueCheck(context, FULL_ROWS, withTimeOff)];
      if (shape === 'sheets') {
        const excel = timeUtilization(context, FULL_ROWS, 'excel', withTimeOff);
        checks.push({
          name: 'same numbers as Excel shape',
          ok: sameGrid(grid(run.result), grid(excel.result)),
          detail: 'every cell of the Sheets-shape result equals the Excel-shape result',
        });
      }
      const details = [
        `invoke(UTILIZATION, host args) → spilled grid: ${describeTiming(run.timing)} after ${WARMUPS} warm-ups`,
        ...workloadLines(workloadOf(context, FULL_ROWS), withTimeOff),
        totalRowLine(run.result),
      ];
      if (shape === 'sheets') {
        details.push(
          'Sheets env: dateToSerial memoised by getTime() with a UTC calendar, one env per call (as gsheets/sheets-values.ts); output left as the core grid',
        );
      }
      return {
        value: run.timing.median,
        details,
        checks,
        data: {
          shape,
          withTimeOff,
          rows: FULL_ROWS,
          resources: RESOURCES,
          weeks: WEEKS,
          samplesSeconds: run.timing.samples,
        },
      };
    },
  };
}

/** Every input cell's contribution to the one-pass checksum: numbers by value, texts by length, the rest by 1. */
function cellWeight(cell: unknown): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return cell.length;
  return cell === null || cell === undefined ? 0 : 1;
}

/**
 * DESIGN §9's yardstick: one pass over UTILIZATION's input cells (the assignments, the resources and the time off,
 * Excel shape), reading each cell once into a checksum, as the cheapest possible function over the same input would.
 * Measured in the same run as the timings it divides (median of 7), so a busy machine slows both.
 */
export function onePassBaseline(context: BenchContext): Timing {
  return context.memo('one-pass-baseline', () => {
    const workload = workloadOf(context, FULL_ROWS);
    const ranges = [workload.assignments, workload.resources, workload.timeOff];
    let expected: number | undefined;
    return timeRuns(
      () => {
        let checksum = 0;
        for (const range of ranges)
          for (const row of range) for (const cell of row) checksum += cellWeight(cell);
        return checksum;
      },
      {
        warmups: WARMUPS,
        runs: RUNS,
        inspect: (checksum) => {
          expected ??= checksum;
          if (checksum !== expected || !Number.isFinite(checksum))
            throw new Error('one pass: checksum changed');
        },
      },
    );
  });
}

/** "0.150 s = 27.3 × one pass": a timing as DESIGN §9 judges it. */
function timesOnePass(seconds: number, pass: Timing): string {
  return `${formatSeconds(seconds)} = ${(seconds / pass.median).toFixed(1)} × one pass`;
}

/**
 * The same call as the Excel-shape benchmark, on the core bundled the way it ships (see shipped-core.ts), judged as
 * DESIGN §9 does: within 10 × one pass over the input cells, measured in the same run. It must give exactly the
 * numbers of the tsx-compiled sources.
 */
export const utilizationShipped: Benchmark = {
  name: 'UTILIZATION 100k×1k×104wk, Excel shape, with time off, shipped bundle',
  budget: { kind: 'max-ratio', ratio: 10, meaning: '× one pass over the input cells (DESIGN §9)' },
  measure: async (context) => {
    const shipped = await loadShippedCore();
    const pass = onePassBaseline(context);
    const run = timeUtilization(context, FULL_ROWS, 'excel', true, shipped);
    const source = timeUtilization(context, FULL_ROWS, 'excel', true);
    return {
      value: run.timing.median / pass.median,
      details: [
        `one pass over the input cells (${FULL_ROWS.toLocaleString('en-US')} assignments, resources, time off): ${describeTiming(pass)}`,
        `${shipped.label}: ${describeTiming(run.timing)} after ${WARMUPS} warm-ups: ${timesOnePass(run.timing.median, pass)}`,
        `sources via tsx (the Excel-shape entry above): median ${formatSeconds(source.timing.median)}. tsx compiles with keepNames,`,
        'which adds a __name() call for every closure created inside the per-row loops; the shipped bundles do not.',
      ],
      checks: [
        ...run.checks,
        {
          name: 'same numbers as the sources',
          ok: sameGrid(grid(run.result), grid(source.result)),
          detail: 'every cell equals the tsx-compiled result',
        },
      ],
      data: {
        samplesSeconds: run.timing.samples,
        sourceMedianSeconds: source.timing.median,
        onePassSeconds: pass.median,
      },
    };
  },
};

/** Where the time of one UTILIZATION call goes, phase by phase (median of 5 runs of each phase). */
export const utilizationPhases: Benchmark = {
  name: 'UTILIZATION phases (Excel shape, 100k, with time off)',
  budget: { kind: 'report-only' },
  measure: (context): Measurement => {
    const workload = workloadOf(context, FULL_ROWS);
    // As invoke reads a host range: typed rows as they are, the others copied.
    const normalize = (range: HostGrid) => normalizeTable(range, UTC_DATES);
    const phases: Record<string, number[]> = {
      normalise: [],
      'read tables (model)': [],
      'compute grid': [],
      'build result': [],
    };
    const lap = (phase: string, started: number) => {
      phases[phase]?.push((performance.now() - started) / 1000);
      return performance.now();
    };
    for (let i = 0; i < 6; i++) {
      let started = performance.now();
      const tables = {
        assignments: normalize(workload.assignments),
        resources: normalize(workload.resources),
        timeOff: normalize(workload.timeOff),
      };
      started = lap('normalise', started);
      const model = buildUtilizationModel(tables, 'all');
      started = lap('read tables (model)', started);
      if ('kind' in model) throw new Error(model.message);
      const computed = computeUtilization(model, {
        period: 'week',
        start: workload.startSerial,
        end: workload.endSerial,
      });
      started = lap('compute grid', started);
      if ('kind' in computed) throw new Error(computed.message);
      measureTable(computed, utilizationRatio);
      lap('build result', started);
      // The first round is the warm-up.
      if (i === 0) for (const samples of Object.values(phases)) samples.length = 0;
    }
    const medians = Object.fromEntries(
      Object.entries(phases).map(([phase, samples]) => [phase, median(samples)]),
    );
    const total = Object.values(medians).reduce((sum, seconds) => sum + seconds, 0);
    const pass = onePassBaseline(context);
    return {
      value: undefined,
      details: [
        ...Object.entries(medians).map(
          ([phase, seconds]) =>
            `${phase.padEnd(22)} ${formatSeconds(seconds).padStart(9)}  ${((100 * seconds) / total).toFixed(0).padStart(3)}%  ${(seconds / pass.median).toFixed(1).padStart(5)} × one pass`,
        ),
        `${'all phases'.padEnd(22)} ${formatSeconds(total).padStart(9)}        ${(total / pass.median).toFixed(1).padStart(5)} × one pass (${formatSeconds(pass.median)})`,
      ],
      data: { phaseSeconds: medians, onePassSeconds: pass.median },
    };
  },
};

/** Time at 100k rows ÷ time at 10k rows (same resources, weeks and time off); linear means ≤ 10 × 1.5. */
export const utilizationScaling: Benchmark = {
  name: 'UTILIZATION scaling 10k → 100k rows (Excel, with time off)',
  budget: { kind: 'max-ratio', ratio: 15, meaning: 'linear in rows: 10× rows, 1.5 tolerance' },
  measure: (context) => {
    const small = timeUtilization(context, FULL_ROWS / 10, 'excel', true);
    const full = timeUtilization(context, FULL_ROWS, 'excel', true);
    const ratio = full.timing.median / small.timing.median;
    return {
      value: ratio,
      details: [
        ` 10,000 rows: ${describeTiming(small.timing)}`,
        `100,000 rows: ${describeTiming(full.timing)}`,
        'Both sizes share the same 1,000 resources, 104 weeks and time off. Part of the work does not depend on the',
        'number of rows: reading resources and time off, a pass over every resource × day (1,000 × 728) and the',
        '1,002 × 105 result grid. At 10k rows that fixed part is a large share, so 10× the rows costs less than 10×',
        'the time; a ratio well above 10 would mean per-row work that is worse than linear.',
      ],
      checks: [
        ...small.checks.map((check) => ({ ...check, name: `10k: ${check.name}` })),
        ...full.checks.map((check) => ({ ...check, name: `100k: ${check.name}` })),
      ],
      data: { seconds10k: small.timing.median, seconds100k: full.timing.median },
    };
  },
};
