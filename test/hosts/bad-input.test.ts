// Bad inputs through both built hosts: a clear error value or issue rows, never a crash, NaN or Infinity, and
// never a cell over 32,767 characters.

import { describe, expect, it } from 'vitest';
import { isoIn } from '../fakes/time-zones';
import { d } from '../helpers';
import {
  type ExcelShownCell,
  callExcel as excelCall,
  excelErrorText,
  callSheets as sheetsCall,
  sheetsTable,
} from './host-calls';

const RESOURCES = [
  ['Resource', 'Hours per week'],
  ['Ana', 40],
  ['Ben', 32],
];
const HEADER = ['Resource', 'Start', 'End', 'Hours per week'];
const row = (who: unknown, hours: unknown, start = d('2025-03-03'), end = d('2025-03-07')) => [
  who,
  start,
  end,
  hours,
];

function callExcel(name: string, ...args: unknown[]): ExcelShownCell[][] {
  return excelCall(name, args);
}

function callSheets(name: string, ...args: unknown[]): unknown[][] {
  return sheetsTable(sheetsCall(name, args));
}

/** The error a whole-function failure shows in Excel: a 1×1 result holding it. */
function excelError(grid: ExcelShownCell[][]): { error: string; message?: string } {
  const cell = grid[0]?.[0];
  if (grid.length !== 1 || typeof cell !== 'object')
    throw new Error(`not a 1×1 error: ${JSON.stringify(grid)}`);
  return cell;
}

function expectFinite(grid: unknown[][]) {
  for (const cells of grid)
    for (const cell of cells) if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
}

function issuesOf(assignments: unknown[][], resources: unknown[][] = RESOURCES) {
  const fromExcel = callExcel('ISSUES', assignments, resources, null);
  expect(callSheets('ISSUES', assignments, resources)).toEqual(fromExcel);
  return fromExcel.slice(1).map((issue) => `${issue[0]} row ${issue[1]} ${issue[2]}: ${issue[4]}`);
}

describe('bad input', () => {
  it('names a missing Resource column and lists the headers seen, in both hosts', () => {
    const assignments = [
      ['Who', 'Start', 'End', 'Hours'],
      ['Ana', d('2025-03-03'), d('2025-03-07'), 5],
    ];
    const error = excelError(callExcel('UTILIZATION', assignments, RESOURCES, null, null, null, null, null));
    expect(error.error).toBe('#VALUE!');
    expect(error.message).toBe(
      'The Assignments table has no Resource column; headers seen: "Who", "Start", "End", "Hours".',
    );
    expect(() => callSheets('UTILIZATION', assignments, RESOURCES)).toThrowError(error.message ?? '');
  });

  it('leaves out rows with text in hour cells, end before start, unknown resources, negative hours and error cells, naming each', () => {
    const assignments = [
      HEADER,
      row('Ana', 'ten'),
      row('Ana', 8, d('2025-03-07'), d('2025-03-03')),
      row('Zoe', 8),
      row('Ben', -8),
      row('Ben', { error: '#N/A' }),
      row('Ana', 8),
    ];
    expect(issuesOf(assignments)).toEqual([
      'Assignments row 2 Hours per week: not a number: row left out',
      'Assignments row 3 End: end 2025-03-03 before start 2025-03-07: row left out',
      'Assignments row 4 Resource: resource not in the Resources table: row left out',
      'Assignments row 5 Hours per week: negative hours: row left out',
      'Assignments row 6 Hours per week: error value #N/A in the cell: row left out',
    ]);
    const result = callExcel('UTILIZATION', assignments, RESOURCES, null, null, null, null, null);
    expect(result[1]).toEqual(['Ana', 0.2]);
    expect(result[2]).toEqual(['Ben', 0]);
  });

  it('reads an empty cell ("" as both hosts pass it) as blank, as it reads a null one', () => {
    // invoke keeps "" as the blank string it is (copying every row with an empty cell cost a third of UTILIZATION).
    const assignments = [
      HEADER,
      ['Ana', '', d('2025-03-07'), 8],
      ['Ana', null, d('2025-03-07'), 8],
      row('Ana', ''),
      row('Ana', null),
      row('Ana', 8),
    ];
    expect(issuesOf(assignments)).toEqual([
      'Assignments row 2 Start: blank: row left out',
      'Assignments row 3 Start: blank: row left out',
      'Assignments row 4 Hours per week: no load: fill Hours per week, Hours per day, Allocation or Hours: row left out',
      'Assignments row 5 Hours per week: no load: fill Hours per week, Hours per day, Allocation or Hours: row left out',
    ]);
  });

  it('keeps the first of duplicate resources and reports the others', () => {
    expect(
      issuesOf(
        [HEADER, row('Ana', 8)],
        [
          ['Resource', 'Hours per week'],
          ['Ana', 40],
          [' ana', 20],
        ],
      ),
    ).toEqual([
      'Resources row 3 Resource: duplicate resource: row 2 already defines it, this row is left out',
    ]);
  });

  it('answers a 1×1 range and an empty table with an error value, not a crash', () => {
    for (const assignments of [
      [['Resource']],
      [['']],
      [
        [null, null],
        [null, null],
      ],
    ]) {
      const error = excelError(
        callExcel('UTILIZATION', assignments, RESOURCES, null, null, null, null, null),
      );
      expect(error.message).toMatch(/Assignments table is (empty|a single cell)/);
    }
    expect(() => callSheets('UTILIZATION', 'Resource', RESOURCES)).toThrowError('single cell');
  });

  it('answers a header-only table with a clear message unless the horizon is given', () => {
    const error = excelError(callExcel('UTILIZATION', [HEADER], RESOURCES, null, null, null, null, null));
    expect(error.error).toBe('#N/A');
    expect(error.message).toContain('No usable assignment rows');
    const grid = callExcel(
      'UTILIZATION',
      [HEADER],
      RESOURCES,
      d('2025-03-03'),
      d('2025-03-09'),
      null,
      null,
      null,
    );
    expect(grid.slice(1)).toEqual([
      ['Ana', 0],
      ['Ben', 0],
      ['Total', 0],
    ]);
  });

  it('rejects unknown periods and bases by naming the choices', () => {
    const error = excelError(
      callExcel('UTILIZATION', [HEADER, row('Ana', 8)], RESOURCES, null, null, 'fortnight', null, null),
    );
    expect(error.message).toBe('UTILIZATION\'s period "fortnight" is not one of "week", "month", "day".');
    expect(() =>
      callSheets(
        'LOAD',
        [HEADER, row('Ana', 8)],
        RESOURCES,
        undefined,
        undefined,
        undefined,
        undefined,
        'maybe',
      ),
    ).toThrowError('basis "maybe"');
  });

  it('refuses extra arguments in Sheets instead of ignoring them', () => {
    expect(() => callSheets('ISSUES', [HEADER], RESOURCES, undefined, 'extra')).toThrowError(
      'takes at most 3 arguments',
    );
  });

  it('computes 200,000 rows without error, NaN or Infinity', () => {
    const names = Array.from({ length: 500 }, (_, i) => `Person ${i}`);
    const resources = [
      ['Resource', 'Hours per week'],
      ...names.map((name, i) => [name, i % 7 === 0 ? 0 : 40]),
    ];
    const assignments: unknown[][] = [HEADER];
    for (let i = 0; i < 200_000; i++) {
      const start = d('2025-01-06') + ((i * 7) % 360);
      assignments.push([names[i % names.length], start, start + (i % 30), (i % 5) + 1]);
    }
    const grid = callExcel('UTILIZATION', assignments, resources, null, null, null, null, null);
    expect(grid.length).toBe(names.length + 2);
    expectFinite(grid);
    const errors = grid.flat().filter((cell) => typeof cell === 'object');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors).toEqual(errors.map(() => ({ error: '#DIV/0!' })));
  });
});

/**
 * What both hosts show for a call that returns a table: Excel's cells, errors as "#VALUE!: message", after
 * checking that Sheets shows the same table (an error as its message, #DIV/0! as "no capacity", a date as a Date).
 */
function shownInBoth(name: string, ...args: unknown[]): unknown[][] {
  const excel = callExcel(name, ...args);
  const sheets = callSheets(name, ...args).map((cells) =>
    cells.map((cell) => (cell instanceof Date ? d(isoIn(cell, 'Europe/Zurich')) : cell)),
  );
  const asSheets = excel.map((cells) =>
    cells.map((cell) =>
      typeof cell !== 'object' ? cell : cell.error === '#DIV/0!' ? 'no capacity' : cell.message,
    ),
  );
  expect(sheets).toEqual(asSheets);
  return excel.map((cells) => cells.map((cell) => excelErrorText(cell) ?? cell));
}

/** The message of a whole-call error, checked to read the same in both hosts. */
function refusedInBoth(name: string, ...args: unknown[]): string {
  const error = excelError(callExcel(name, ...args));
  expect(error.error).toBe('#VALUE!');
  expect(sheetsCall(name, args)).toEqual({ ok: false, message: error.message });
  return error.message ?? '';
}

const column = (header: string, ...values: unknown[]) => [[header], ...values.map((value) => [value])];
const BEYOND = 'is beyond ±1,000,000,000,000,000';
const ONE_WEEK = [HEADER, row('Ana', 10)];

describe('numbers too large, too small and texts too long (issue 12)', () => {
  it('refuses the RICE, WSJF and SCORE inputs of the issue by naming the cell, instead of Infinity', () => {
    expect(shownInBoth('RICE', 1e300, 1, 1, 1e-10)).toEqual([[`#VALUE!: reach "1e+300" ${BEYOND}`]]);
    expect(shownInBoth('WSJF', 9e307, 9e307, 1, 1)).toEqual([[`#VALUE!: business value "9e+307" ${BEYOND}`]]);
    expect(shownInBoth('SCORE', [[1e308], [-1e308]], 1, null, 'minmax')).toEqual([
      [`#VALUE!: rating 1 "1e+308" ${BEYOND}`],
      [`#VALUE!: rating 1 "-1e+308" ${BEYOND}`],
    ]);
  });

  it('says a score is too large to hold when its divisor is too close to 0, and still divides by 1e-10', () => {
    expect(shownInBoth('RICE', column('Reach', 1e15, 1e15), 1, 1, column('Effort', 1e-300, 1e-10))).toEqual([
      ['RICE'],
      ['#VALUE!: the score is too large to hold: effort is too close to 0 for these values'],
      [1e15 / 1e-10],
    ]);
    expect(shownInBoth('WSJF', 1e15, 1e15, 1e15, 2.3e-308)).toEqual([
      ['#VALUE!: the score is too large to hold: job size is too close to 0 for these values'],
    ]);
  });

  it('refuses costs of 1e308 in FRONTIER and a budget of 1e300 in SELECT', () => {
    expect(refusedInBoth('FRONTIER', column('Cost', 1e308, 2), column('Value', 1, 2))).toBe(
      `FRONTIER: the cost "1e+308" ${BEYOND} for initiative 1; every initiative needs a cost.`,
    );
    expect(refusedInBoth('SELECT', column('Cost', 1, 2), column('Value', 1, 2), 1e300)).toBe(
      `SELECT's budget "1e+300" ${BEYOND}.`,
    );
  });

  it('reads an availability of 5e-324 as 0 (no capacity) and a capacity too near 0 as an error that says so', () => {
    const denormal = [
      ['Resource', 'Hours per week', 'Availability'],
      ['Ana', 40, 5e-324],
    ];
    expect(shownInBoth('UTILIZATION', ONE_WEEK, denormal).slice(1)).toEqual([
      ['Ana', '#DIV/0!'],
      ['Total', '#DIV/0!'],
    ]);
    const tiny = [
      ['Resource', 'Hours per week'],
      ['Ana', 2.3e-308],
    ];
    const tooLarge =
      '#VALUE!: Utilization is too large to hold: the capacity in this period is too close to 0.';
    expect(shownInBoth('UTILIZATION', ONE_WEEK, tiny).slice(1)).toEqual([
      ['Ana', tooLarge],
      ['Total', tooLarge],
    ]);
    expect(shownInBoth('OVERALLOCATIONS', ONE_WEEK, tiny)[1]?.[4]).toBe(tooLarge);
  });

  it('leaves out a resource whose hours are beyond ±1e15 and lists why', () => {
    const resources = [
      ['Resource', 'Hours per week'],
      ['Ana', 40],
      ['Ben', '1e300'],
    ];
    expect(issuesOf([HEADER, row('Ana', 8)], resources)).toEqual([
      'Resources row 3 Hours per week: beyond ±1,000,000,000,000,000: row left out',
    ]);
  });

  it('gives shares only while the portfolio exposure is a number they can divide', () => {
    const register = [
      ['ID', 'Category', 'Probability', 'Cost'],
      ['R-1', 'A', 1, 1e15],
      ['R-2', 'B', 1, -1e15],
      ['R-3', 'C', 1e-300, 1],
    ];
    const shares = shownInBoth('RISK_SUMMARY', register, 'Category').map((cells) => cells[8]);
    const tooNear = "#N/A: the portfolio's total exposure is too near 0 for shares of it to be numbers";
    expect(shares).toEqual(['Share', tooNear, 1, tooNear, 1]);
  });

  it('cuts a 100,000-character name to 32,767 characters and says so, in both hosts', () => {
    const name = `${'N'.repeat(99_999)}!`;
    const resources = [
      ['Resource', 'Hours per week'],
      [name, 40],
    ];
    const grid = shownInBoth('UTILIZATION', [HEADER, row(name, 10)], resources);
    const cell = grid[1]?.[0];
    expect(typeof cell === 'string' && cell.length).toBe(32_767);
    const note = '… (cut at 32,767 characters)';
    expect(cell).toBe(`${'N'.repeat(32_767 - note.length)}${note}`);
    expect(grid[1]?.[1]).toBe(0.25);
    const band = shownInBoth('RISK_LEVEL', 4, 5, [[1, name]]);
    expect(band).toEqual([[cell]]);
  });

  it('cuts a message that quotes 100,000 characters of headers to 32,767 characters', () => {
    const header = 'H'.repeat(100_000);
    const message = refusedInBoth('UTILIZATION', [[header, 'Start', 'End', 'Hours per week']], RESOURCES);
    expect(message.length).toBe(32_767);
    expect(message.startsWith('The Assignments table has no Resource column; headers seen: "HHH')).toBe(true);
    expect(message.endsWith('HHH… (cut at 32,767 characters)')).toBe(true);
  });
});
