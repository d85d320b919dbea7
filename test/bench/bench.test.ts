import { describe, expect, it } from 'vitest';
import {
  baselineWorkload,
  excelUtilizationArgs,
  HORIZON_MONDAY,
  toSheetsShape,
  utcDateOfSerial,
  utilizationWorkload,
} from '../../bench/data';
import { type Benchmark, runBenchmarks } from '../../bench/harness';
import {
  baselineSheets,
  columnLetters,
  compareGrids,
  evaluateWithHyperFormula,
} from '../../bench/spreadsheet-baseline';
import { sheetsUtcEnvironment } from '../../bench/utilization';
import { isWorkingDay, weekdayIndex } from '../../core/dates';
import { isPmoError } from '../../core/errors';
import { findFunction } from '../../core/functions/catalog';
import { invoke } from '../../core/functions/invoke';
import type { OutGrid } from '../../core/functions/types';

const small = { seed: 42, assignmentRows: 500, resources: 20, weeks: 12, maxSpanWeeks: 6 };

function grid(name: string, args: unknown[], env = sheetsUtcEnvironment()): OutGrid {
  const spec = findFunction(name);
  if (!spec) throw new Error(name);
  const result = invoke(spec, args, env);
  if (isPmoError(result)) throw new Error(result.message);
  return result;
}

describe('bench data', () => {
  it('gives the same workbook for the same seed', () => {
    expect(utilizationWorkload(small)).toEqual(utilizationWorkload(small));
  });

  it('keeps the same resources and time off when only the number of assignment rows changes', () => {
    const fewer = utilizationWorkload({ ...small, assignmentRows: 50 });
    const more = utilizationWorkload(small);
    expect(fewer.resources).toEqual(more.resources);
    expect(fewer.timeOff).toEqual(more.timeOff);
  });

  it('fills exactly one load column per assignment and keeps every span on working days inside the horizon', () => {
    const workload = utilizationWorkload(small);
    for (const row of workload.assignments.slice(1)) {
      const [, , start, end, hoursPerWeek, allocation, hours] = row as [
        string,
        string,
        number,
        number,
        unknown,
        unknown,
        unknown,
      ];
      expect([hoursPerWeek, allocation, hours].filter((cell) => cell !== '')).toHaveLength(1);
      expect(isWorkingDay(start) && isWorkingDay(end)).toBe(true);
      expect(start).toBeGreaterThanOrEqual(workload.startSerial);
      expect(end).toBeGreaterThanOrEqual(start);
      expect(end).toBeLessThanOrEqual(workload.endSerial);
    }
  });

  it('generates a workbook UTILIZATION reads without issues when there is no time off', () => {
    const workload = utilizationWorkload(small);
    expect(grid('ISSUES', [workload.assignments, workload.resources, null])).toHaveLength(1);
  });

  it('gives the same grid in Sheets shape (Date cells) as in Excel shape (serials)', () => {
    const workload = utilizationWorkload(small);
    const excel = grid('UTILIZATION', [
      workload.assignments,
      workload.resources,
      workload.startSerial,
      workload.endSerial,
      'week',
      workload.timeOff,
      null,
    ]);
    const sheets = grid('UTILIZATION', [
      toSheetsShape(workload.assignments, workload.dateColumns.assignments),
      toSheetsShape(workload.resources, workload.dateColumns.resources),
      utcDateOfSerial(workload.startSerial),
      utcDateOfSerial(workload.endSerial),
      'week',
      toSheetsShape(workload.timeOff, workload.dateColumns.timeOff),
    ]);
    expect(sheets).toEqual(excel);
  });

  it('starts every baseline assignment on a Monday and ends it on a Friday', () => {
    const workload = baselineWorkload(small);
    expect(weekdayIndex(HORIZON_MONDAY)).toBe(0);
    for (const row of workload.assignments.slice(1)) {
      expect(weekdayIndex(row[1] as number)).toBe(0);
      expect(weekdayIndex(row[2] as number)).toBe(4);
    }
  });
});

describe('spreadsheet baseline', () => {
  it('names columns like a spreadsheet: A, Z, AA, ZZ, AAA', () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  it('computes with SUMIFS in HyperFormula the same load and utilization as LOAD and UTILIZATION (within 1e-6)', () => {
    const workload = baselineWorkload({
      ...small,
      assignmentRows: 120,
      resources: 6,
      weeks: 8,
      maxSpanWeeks: 4,
    });
    const spreadsheet = evaluateWithHyperFormula(baselineSheets(workload));
    expect(compareGrids('load', grid('LOAD', excelUtilizationArgs(workload)), spreadsheet.load, 7).ok).toBe(
      true,
    );
    expect(
      compareGrids(
        'utilization',
        grid('UTILIZATION', excelUtilizationArgs(workload)),
        spreadsheet.utilization,
        8,
      ).ok,
    ).toBe(true);
  });

  it('notices when the two grids differ', () => {
    const workload = baselineWorkload({
      ...small,
      assignmentRows: 40,
      resources: 3,
      weeks: 4,
      maxSpanWeeks: 2,
    });
    const spreadsheet = evaluateWithHyperFormula(baselineSheets(workload));
    const load = grid('LOAD', excelUtilizationArgs(workload));
    const row = load[1] ?? [];
    row[1] = (typeof row[1] === 'number' ? row[1] : 0) + 0.01;
    expect(compareGrids('load', load, spreadsheet.load, 4).ok).toBe(false);
  });
});

describe('bench harness', () => {
  const entry = (name: string, budget: Benchmark['budget'], measure: Benchmark['measure']): Benchmark => ({
    name,
    budget,
    measure,
  });

  it('marks a budget met, MISSED, CHECK FAILED or ERROR, and runs every entry even after a throw', async () => {
    const results = await runBenchmarks(
      [
        entry('fast', { kind: 'max-seconds', seconds: 0.5 }, () => ({ value: 0.2, details: [] })),
        entry('slow', { kind: 'max-seconds', seconds: 0.5 }, () => ({ value: 0.7, details: [] })),
        entry('speed-up', { kind: 'min-ratio', ratio: 100, meaning: 'x' }, () => ({
          value: 40,
          details: [],
        })),
        entry('wrong', { kind: 'max-ratio', ratio: 15, meaning: 'x' }, () => ({
          value: 5,
          details: [],
          checks: [{ name: 'agree', ok: false, detail: '' }],
        })),
        entry('broken', { kind: 'report-only' }, () => {
          throw new Error('boom');
        }),
        entry('sizes', { kind: 'report-only' }, () => ({ value: undefined, details: ['x'] })),
      ],
      () => {},
    );
    expect(results.map((result) => result.verdict)).toEqual([
      'met',
      'MISSED',
      'MISSED',
      'CHECK FAILED',
      'ERROR',
      'info',
    ]);
  });

  it('lets one benchmark reuse a measurement made by another', async () => {
    let computed = 0;
    const measure: Benchmark['measure'] = (context) => ({
      value: context.memo('shared', () => ++computed),
      details: [],
    });
    await runBenchmarks(
      [entry('a', { kind: 'report-only' }, measure), entry('b', { kind: 'report-only' }, measure)],
      () => {},
    );
    expect(computed).toBe(1);
  });
});
