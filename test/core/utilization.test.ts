import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../core/cells';
import { isoFromSerial } from '../../core/dates';
import { isPmoError } from '../../core/errors';
import {
  type Basis,
  buildUtilizationModel,
  computeUtilization,
  overallocatedCells,
  type Period,
  periodTotals,
  type UtilizationGrid,
} from '../../core/utilization';
import { bandOf } from '../../core/utilization/bands';
import { d } from '../helpers';

type Grid = Cell[][];

function grid(
  tables: { resources?: Grid; assignments?: Grid; timeOff?: Grid },
  options: { basis?: Basis; period?: Period; start?: string; end?: string } = {},
): UtilizationGrid {
  const model = buildUtilizationModel(tables, options.basis ?? 'all');
  if (isPmoError(model)) throw new Error(model.message);
  const result = computeUtilization(model, {
    period: options.period ?? 'week',
    ...(options.start ? { start: d(options.start) } : {}),
    ...(options.end ? { end: d(options.end) } : {}),
  });
  if (isPmoError(result)) throw new Error(result.message);
  return result;
}

/** Load and capacity of resource `name` in the period starting on `periodStart`. */
function cell(
  result: UtilizationGrid,
  name: string,
  periodStart: string,
): { load: number; capacity: number } {
  const r = result.resources.findIndex((resource) => resource.name === name);
  const p = result.periodStarts.indexOf(d(periodStart));
  if (r < 0 || p < 0) throw new Error(`no cell ${name} ${periodStart}`);
  const index = r * result.periodStarts.length + p;
  return { load: result.loadHours[index] ?? Number.NaN, capacity: result.capacityHours[index] ?? Number.NaN };
}

const ASSIGNMENT_HEADER = [
  'Resource',
  'Project',
  'Start',
  'End',
  'Hours per week',
  'Allocation %',
  'Total Hours',
  'Status',
  'Probability',
  'Billable',
];

// The worked example of the README: Ana (40 h/week), Ben (20 h/week, 50% available), a public holiday on
// Monday 2025-03-10 and a half day off for Ana on Wednesday 2025-03-12.
const resources: Grid = [
  ['Team list'],
  [],
  ['Resource', 'Hours per week', 'Availability'],
  ['Ana', 40, null],
  ['Ben', 20, '50%'],
];
const assignments: Grid = [
  ASSIGNMENT_HEADER,
  ['Ana', 'Apollo', d('2025-03-03'), d('2025-03-14'), 20, null, null, 'Confirmed', null, 'Yes'],
  ['Ana', 'Borealis', d('2025-03-03'), d('2025-03-07'), null, '50%', null, 'Tentative', null, 'No'],
  ['Ben', 'Apollo', d('2025-03-05'), d('2025-03-11'), null, null, 20, null, null, null],
];
const timeOff: Grid = [
  ['Resource', 'Date', 'End', 'Hours'],
  ['All', d('2025-03-10'), null, null],
  ['Ana', '2025-03-12', null, 4],
];

describe('the README worked example', () => {
  const result = grid({ resources, assignments, timeOff });

  it('books Ana 20 h/week plus 50% of 40 h in week 1: 40 h of 40 h', () => {
    expect(cell(result, 'Ana', '2025-03-03')).toEqual({ load: 40, capacity: 40 });
  });

  it('skips the public holiday for load and capacity and takes the half day off capacity only', () => {
    // Apollo 4 h/day on Tue, Wed, Thu, Fri = 16 h; capacity 0 + 8 + (8 − 4) + 8 + 8 = 28 h.
    expect(cell(result, 'Ana', '2025-03-10')).toEqual({ load: 16, capacity: 28 });
  });

  it('spreads total hours over working days that are not full days off, and scales capacity by availability', () => {
    // 20 h over Wed 5, Thu 6, Fri 7, Tue 11 (Mon 10 is a holiday) = 5 h/day; capacity 4 h/day × 50% = 2 h/day.
    expect(cell(result, 'Ben', '2025-03-03')).toEqual({ load: 15, capacity: 10 });
    expect(cell(result, 'Ben', '2025-03-10')).toEqual({ load: 5, capacity: 8 });
  });

  it('totals each week as Σ load and Σ capacity, and lists Ben above 100% in week 1 only', () => {
    // Week 1: load 40 + 15 = 55 of 40 + 10 = 50; week 2: 16 + 5 = 21 of 28 + 8 = 36.
    const totals = periodTotals(result);
    expect([...totals.loadHours]).toEqual([55, 21]);
    expect([...totals.capacityHours]).toEqual([50, 36]);
    expect(overallocatedCells(result)).toEqual([
      { resource: 1, period: 0, loadHours: 15, capacityHours: 10 },
    ]);
    expect(overallocatedCells(result, 1.5)).toEqual([]);
  });

  it('labels weekly periods by their Monday and covers whole weeks of the assignments', () => {
    expect(result.periodStarts).toEqual([d('2025-03-03'), d('2025-03-10')]);
  });

  it('counts tentative work at its probability (50% when blank) under the weighted basis', () => {
    expect(
      cell(grid({ resources, assignments, timeOff }, { basis: 'weighted' }), 'Ana', '2025-03-03').load,
    ).toBe(30);
    expect(
      cell(grid({ resources, assignments, timeOff }, { basis: 'confirmed' }), 'Ana', '2025-03-03').load,
    ).toBe(20);
    expect(
      cell(grid({ resources, assignments, timeOff }, { basis: 'billable' }), 'Ana', '2025-03-03').load,
    ).toBe(20);
  });

  it('gives day periods with weekends at zero load and zero capacity', () => {
    const days = grid({ resources, assignments, timeOff }, { period: 'day' });
    expect(cell(days, 'Ana', '2025-03-08')).toEqual({ load: 0, capacity: 0 });
    expect(cell(days, 'Ana', '2025-03-12')).toEqual({ load: 4, capacity: 4 });
  });
});

describe('capacity', () => {
  const oneWeek = { start: '2025-03-03', end: '2025-03-07' };

  it('comes from hours per week, hours per day or FTE, 40 h/week by default', () => {
    const result = grid(
      {
        resources: [
          ['Resource', 'Hours per week', 'Hours per day', 'FTE'],
          ['A', 30, null, null],
          ['B', null, 6, null],
          ['C', null, null, 0.5],
          ['D', null, null, null],
        ],
      },
      oneWeek,
    );
    expect(['A', 'B', 'C', 'D'].map((name) => cell(result, name, '2025-03-03').capacity)).toEqual([
      30, 30, 20, 40,
    ]);
  });

  it("comes from a sprint sheet's working hours ÷ its working days; hours without days leave the row out", () => {
    const resources: Grid = [
      ['Name', 'Total Working Days', 'Leaves', 'Working Hours'],
      ['Sprinter', 9, 0, 72],
      ['Part-timer', 10, 0, 40],
      ['No days', null, 0, 64],
    ];
    const model = buildUtilizationModel({ resources }, 'all');
    if (isPmoError(model)) throw new Error(model.message);
    expect(model.resources.map((r) => [r.name, r.dailyHours])).toEqual([
      ['Sprinter', 8],
      ['Part-timer', 4],
    ]);
    expect(model.issues).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'Total Working Days',
        problem: expect.stringContaining('Working Hours needs the working days of its period'),
      }),
    ]);
    // "Leaves" counts days of leave here: it is not read as a leaving date (which would end employment in 1900).
    expect(cell(grid({ resources }, oneWeek), 'Sprinter', '2025-03-03').capacity).toBe(40);
  });

  it('without a Resources table is one full-time person per name the assignments give, in order, time off included', () => {
    const result = grid(
      {
        assignments: [
          ['Resource', 'Start', 'End', 'Hours per week'],
          ['Ben', d('2025-03-03'), d('2025-03-07'), 20],
          ['ana', d('2025-03-03'), d('2025-03-07'), 10],
          ['Ana ', d('2025-03-03'), d('2025-03-07'), 10],
          ['Total', null, null, 40],
        ],
        timeOff: [
          ['Resource', 'Date'],
          ['ANA', d('2025-03-05')],
        ],
      },
      oneWeek,
    );
    expect(result.resources.map((resource) => resource.name)).toEqual(['Ben', 'ana']);
    expect(cell(result, 'Ben', '2025-03-03')).toEqual({ load: 20, capacity: 40 });
    // Her full day off is neither capacity nor a scheduled day: 20 h a week over 4 days is 16 h.
    expect(cell(result, 'ana', '2025-03-03')).toEqual({ load: 16, capacity: 32 });
  });

  it('is zero outside employment dates', () => {
    const result = grid(
      {
        resources: [
          ['Resource', 'Start Date', 'End Date'],
          ['New', d('2025-03-05'), null],
          ['Leaver', null, '2025-03-04'],
        ],
      },
      oneWeek,
    );
    expect(cell(result, 'New', '2025-03-03').capacity).toBe(24);
    expect(cell(result, 'Leaver', '2025-03-03').capacity).toBe(16);
  });

  it('caps time-off hours at the contracted day and adds time off on the same day', () => {
    const result = grid(
      {
        resources: [['Resource'], ['A']],
        timeOff: [
          ['Resource', 'Start', 'End', 'Hours'],
          ['A', '2025-03-03', '2025-03-04', 12],
          ['A', '2025-03-05', null, 3],
          ['*', '2025-03-05', null, 3],
        ],
      },
      oneWeek,
    );
    // Mon and Tue fully off, Wed 8 − 6 = 2 h, Thu and Fri 8 h.
    expect(cell(result, 'A', '2025-03-03').capacity).toBe(18);
  });

  it('groups months by their 1st and keeps days outside the horizon out', () => {
    const result = grid(
      { resources: [['Resource'], ['A']] },
      { period: 'month', start: '2025-02-20', end: '2025-03-05' },
    );
    expect(result.periodStarts).toEqual([d('2025-02-01'), d('2025-03-01')]);
    expect(cell(result, 'A', '2025-02-01').capacity).toBe(20 * 8);
    expect(cell(result, 'A', '2025-03-01').capacity).toBe(21 * 8);
  });
});

describe('a leave tracker (a From / To group per month)', () => {
  // Ben is off Monday 2026-01-05 (January's group) and Monday 2026-02-02 (February's); Cleo took no leave.
  const tracker: Grid = [
    ['Employee Name', 'Jan 2026', null, null, 'Feb 2026', null, null],
    [null, 'Leave Type', 'From', 'To', 'Leave Type', 'From', 'To'],
    ['Ben', 'Sick', d('2026-01-05'), d('2026-01-05'), 'Earned', d('2026-02-02'), d('2026-02-02')],
    ['Cleo', 'No Leaves taken', null, null, null, null, null],
  ];
  const header: Grid = [['Resource', 'Leave Type', 'From', 'To', 'Leave Type', 'From', 'To']];
  const people: Grid = [
    ['Resource', 'Hours per week'],
    ['Ben', 40],
    ['Cleo', 40],
  ];
  const plan: Grid = [
    ['Resource', 'Start', 'End', 'Hours per week'],
    ['Ben', d('2026-01-05'), d('2026-02-06'), 40],
  ];

  it("takes every month's leave off capacity, and a person with none as no issue", () => {
    const model = buildUtilizationModel(
      { resources: people, assignments: plan, timeOff: [...header, ...tracker.slice(2)] },
      'all',
    );
    if (isPmoError(model)) throw new Error(model.message);
    expect(model.issues).toEqual([]);
    const result = grid({ resources: people, assignments: plan, timeOff: [...header, ...tracker.slice(2)] });
    expect(cell(result, 'Ben', '2026-01-05').capacity).toBe(32);
    expect(cell(result, 'Ben', '2026-01-12').capacity).toBe(40);
    expect(cell(result, 'Ben', '2026-02-02').capacity).toBe(32);
  });

  it('still reports a row without dates in a plain time-off list', () => {
    const model = buildUtilizationModel(
      {
        resources: people,
        assignments: plan,
        timeOff: [
          ['Resource', 'From', 'To'],
          ['Cleo', null, null],
        ],
      },
      'all',
    );
    if (isPmoError(model)) throw new Error(model.message);
    expect(model.issues.map((issue) => [issue.row, issue.column])).toEqual([[2, 'From']]);
  });

  it('names the column of the month whose date cannot be read', () => {
    const rows: Grid = [...header, ['Ben', 'Sick', d('2026-01-05'), d('2026-01-05'), 'Earned', 'soon', null]];
    const model = buildUtilizationModel({ resources: people, assignments: plan, timeOff: rows }, 'all');
    if (isPmoError(model)) throw new Error(model.message);
    expect(model.issues.map((issue) => [issue.row, issue.column, issue.value])).toEqual([
      [2, 'From', 'soon'],
    ]);
  });
});

describe('load', () => {
  it('reads allocation as fractions when every plain number in the column is at most 2', () => {
    const rows: Grid = [
      ['Resource', 'Start', 'End', 'Allocation'],
      ['A', d('2025-03-03'), d('2025-03-07'), 0.5],
      ['B', d('2025-03-03'), d('2025-03-07'), 1.2],
    ];
    const result = grid({ resources: [['Resource'], ['A'], ['B']], assignments: rows });
    expect(cell(result, 'A', '2025-03-03').load).toBe(20);
    expect(cell(result, 'B', '2025-03-03').load).toBeCloseTo(48, 9);
  });

  it('books a row per person and week ("Week Starting", no end) on that week: its hours over its working days', () => {
    const rows: Grid = [
      ['Week Starting', 'Resource Name', 'Hours Allocated'],
      ['2025-03-03', 'A', 40],
      ['2025-03-10', 'A', 30],
      // A week that starts on Sunday (as in the US) books the working days of the week of Monday 17 March.
      ['2025-03-16', 'B', 20],
    ];
    const result = grid({
      resources: [
        ['Resource', 'Hours per week'],
        ['A', 40],
        ['B', 40],
      ],
      assignments: rows,
    });
    expect(cell(result, 'A', '2025-03-03')).toEqual({ load: 40, capacity: 40 });
    expect(cell(result, 'A', '2025-03-10').load).toBeCloseTo(30, 9);
    expect(cell(result, 'B', '2025-03-10').load).toBe(0);
    expect(cell(result, 'B', '2025-03-17').load).toBeCloseTo(20, 9);
  });

  it('reads allocation as percentages when a plain number in the column is above 2', () => {
    const rows: Grid = [
      ['Resource', 'Start', 'End', 'Allocation'],
      ['A', d('2025-03-03'), d('2025-03-07'), 50],
      ['A', d('2025-03-03'), d('2025-03-07'), 1],
    ];
    expect(
      cell(grid({ resources: [['Resource'], ['A']], assignments: rows }), 'A', '2025-03-03').load,
    ).toBeCloseTo(20.4, 9);
  });

  it('uses the contracted day for allocation, not the available one', () => {
    const rows: Grid = [
      ['Resource', 'Start', 'End', 'Allocation'],
      ['A', d('2025-03-03'), d('2025-03-07'), '100%'],
    ];
    const result = grid({
      resources: [
        ['Resource', 'Hours per week', 'Availability'],
        ['A', 30, 0.5],
      ],
      assignments: rows,
    });
    expect(cell(result, 'A', '2025-03-03')).toEqual({ load: 30, capacity: 15 });
  });

  it('still counts load outside employment, against no capacity', () => {
    const rows: Grid = [
      ['Resource', 'Start', 'End', 'Hours per day'],
      ['A', d('2025-03-03'), d('2025-03-07'), 2],
    ];
    const result = grid({
      resources: [
        ['Resource', 'End'],
        ['A', d('2025-02-28')],
      ],
      assignments: rows,
    });
    expect(cell(result, 'A', '2025-03-03')).toEqual({ load: 10, capacity: 0 });
    expect(bandOf(10, 0)).toBe('no-capacity');
  });
});

describe('row issues', () => {
  const result = buildUtilizationModel({
    resources: [
      ['Resource', 'Hours per week'],
      ['Ana', 40],
      ['ana ', 32],
      ['Bo', 'forty'],
      [null, 40],
      ['Cy', -5],
    ],
    assignments: [
      ['Resource', 'Start', 'End', 'Hours per week', 'Hours'],
      ['Ana', d('2025-03-07'), d('2025-03-03'), 10, null],
      ['Zed', d('2025-03-03'), d('2025-03-07'), 10, null],
      ['Ana', d('2025-03-03'), d('2025-03-07'), 'ten', null],
      ['Ana', d('2025-03-03'), d('2025-03-07'), -4, null],
      ['Ana', d('2025-03-08'), d('2025-03-09'), null, 10],
      ['Ana', 'someday', d('2025-03-09'), 5, null],
      ['Ana', d('2025-03-03'), d('2025-03-07'), { kind: 'cell-error', text: '#REF!' }, null],
      [null, d('2025-03-03'), d('2025-03-07'), 5, null],
      ['Ana', d('2025-03-03'), d('2025-03-07'), null, null],
      [null, null, null, null, null],
      ['Ana', d('2025-03-03'), d('2025-03-07'), 10, null],
    ],
  });

  it('names the row, column and problem of every row left out, and ignores blank rows', () => {
    if (isPmoError(result)) throw new Error(result.message);
    expect(result.issues.map((issue) => [issue.table, issue.row, issue.column, issue.problem])).toEqual([
      ['Resources', 3, 'Resource', 'duplicate resource: row 2 already defines it, this row is left out'],
      ['Resources', 4, 'Hours per week', 'not a number: row left out'],
      ['Resources', 5, 'Resource', 'no resource name: row left out'],
      ['Resources', 6, 'Hours per week', 'negative capacity: row left out'],
      ['Assignments', 2, 'End', 'end 2025-03-03 before start 2025-03-07: row left out'],
      ['Assignments', 3, 'Resource', 'resource not in the Resources table: row left out'],
      ['Assignments', 4, 'Hours per week', 'not a number: row left out'],
      ['Assignments', 5, 'Hours per week', 'negative hours: row left out'],
      [
        'Assignments',
        6,
        'Hours',
        'no working day between start and end to spread the hours over: row left out',
      ],
      ['Assignments', 7, 'Start', 'not a date: row left out'],
      ['Assignments', 8, 'Hours per week', 'error value #REF! in the cell: row left out'],
      ['Assignments', 9, 'Resource', 'no resource: row left out'],
      [
        'Assignments',
        10,
        'Hours per week',
        'no load: fill Hours per week, Hours per day, Allocation or Hours: row left out',
      ],
    ]);
    expect(result.assignments.count).toBe(1);
  });

  it("names the period of every cell a time-phased plan leaves out, and keeps the row's other periods", () => {
    const model = buildUtilizationModel({
      resources: [['Resource'], ['Ana'], ['Ben']],
      assignments: [
        ['Name', d('2025-03-03'), null, d('2025-03-10'), d('2025-03-17'), d('2025-03-24')],
        [null, 8, null, 8, 8, 8],
        ['Ana', 'eight', null, -2, { kind: 'cell-error', text: '#N/A' }, 16],
        ['Zed', 8, null, 8, 8, 8],
        ['Ben', 4, null, null, null, null],
      ],
    });
    if (isPmoError(model)) throw new Error(model.message);
    expect(model.issues.map((issue) => [issue.row, issue.column, issue.value, issue.problem])).toEqual([
      [2, 'Name', '', 'no resource: row left out'],
      [3, '2025-03-03', 'eight', 'not a number: cell left out'],
      [3, '2025-03-10', '-2', 'negative hours: cell left out'],
      [3, '2025-03-17', '#N/A', 'error value #N/A in the cell: cell left out'],
      [4, 'Name', 'Zed', 'resource not in the Resources table: row left out'],
    ]);
    const { start, hoursPerDay, count } = model.assignments;
    expect(Array.from(start.subarray(0, count), (day, i) => [isoFromSerial(day), hoursPerDay[i]])).toEqual([
      ['2025-03-24', 16 / 5],
      ['2025-03-03', 4 / 5],
    ]);
  });

  it('reports a table without a load column as an error naming the choices', () => {
    const model = buildUtilizationModel({
      resources: [['Resource'], ['A']],
      assignments: [
        ['Resource', 'Start', 'End'],
        ['A', 1, 2],
      ],
    });
    expect(model).toMatchObject({ kind: 'error', message: expect.stringContaining('no load column') });
  });

  it('refuses a horizon longer than a sheet row can show', () => {
    const model = buildUtilizationModel({ resources: [['Resource'], ['A']] });
    if (isPmoError(model)) throw new Error(model.message);
    expect(
      computeUtilization(model, { period: 'day', start: d('1990-01-01'), end: d('2090-01-01') }),
    ).toMatchObject({ kind: 'error' });
    expect(computeUtilization(model, {})).toMatchObject({ code: 'not-available' });
  });
});

describe('properties', () => {
  const arbitraryPlan = fc.record({
    hoursPerWeek: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 4 }),
    rows: fc.array(
      fc.record({
        who: fc.nat(3),
        start: fc.integer({ min: 0, max: 40 }),
        length: fc.integer({ min: 0, max: 30 }),
        kind: fc.constantFrom('Hours per week', 'Allocation', 'Hours'),
        amount: fc.integer({ min: 0, max: 200 }),
        tentative: fc.boolean(),
      }),
      { maxLength: 12 },
    ),
    holiday: fc.integer({ min: 0, max: 70 }),
  });

  type Plan = typeof arbitraryPlan extends fc.Arbitrary<infer T> ? T : never;

  function tablesOf(plan: Plan, capacityFactor = 1) {
    const base = d('2025-03-03');
    const names = plan.hoursPerWeek.map((_, i) => `R${i}`);
    return {
      resources: [
        ['Resource', 'Hours per week'],
        ...plan.hoursPerWeek.map((hours, i) => [names[i] ?? '', hours * capacityFactor]),
      ] as Grid,
      assignments: [
        ['Resource', 'Start', 'End', 'Hours per week', 'Allocation', 'Hours', 'Status'],
        ...plan.rows.map((row) => [
          names[row.who % names.length] ?? '',
          base + row.start,
          base + row.start + row.length,
          row.kind === 'Hours per week' ? row.amount / 4 : null,
          row.kind === 'Allocation' ? `${row.amount}%` : null,
          row.kind === 'Hours' ? row.amount : null,
          row.tentative ? 'Tentative' : 'Confirmed',
        ]),
      ] as Grid,
      timeOff: [
        ['Resource', 'Date'],
        ['All', base + plan.holiday],
      ] as Grid,
    };
  }

  const window = { start: '2025-03-03', end: '2025-05-30' };

  it('never gives negative or non-finite load or capacity', () => {
    fc.assert(
      fc.property(arbitraryPlan, (plan) => {
        const result = grid(tablesOf(plan), window);
        for (const value of [...result.loadHours, ...result.capacityHours])
          expect(Number.isFinite(value) && value >= 0).toBe(true);
      }),
    );
  });

  it('spreads every total-hours row completely when the horizon covers it', () => {
    fc.assert(
      fc.property(arbitraryPlan, (plan) => {
        const onlyTotals = { ...plan, rows: plan.rows.map((row) => ({ ...row, kind: 'Hours' as const })) };
        const model = buildUtilizationModel(tablesOf(onlyTotals));
        if (isPmoError(model)) throw new Error(model.message);
        const result = computeUtilization(model, { start: d('2025-03-01'), end: d('2025-06-30') });
        if (isPmoError(result)) throw new Error(result.message);
        const spread = result.loadHours.reduce((sum, value) => sum + value, 0);
        const expected = onlyTotals.rows.reduce(
          (sum, row, i) => sum + (model.issues.some((issue) => issue.row === i + 2) ? 0 : row.amount),
          0,
        );
        expect(spread).toBeCloseTo(expected, 6);
      }),
    );
  });

  it('scales utilization by 1/k when every capacity is multiplied by k (rate loads in hours)', () => {
    fc.assert(
      fc.property(arbitraryPlan, fc.integer({ min: 2, max: 5 }), (plan, k) => {
        const hoursOnly = {
          ...plan,
          rows: plan.rows.map((row) => ({
            ...row,
            kind: row.kind === 'Allocation' ? ('Hours' as const) : row.kind,
          })),
        };
        const once = grid(tablesOf(hoursOnly), window);
        const scaled = grid(tablesOf(hoursOnly, k), window);
        once.loadHours.forEach((load, i) => {
          const capacity = once.capacityHours[i] ?? 0;
          const scaledCapacity = scaled.capacityHours[i] ?? 0;
          expect(scaled.loadHours[i]).toBeCloseTo(load, 9);
          if (capacity > 0) expect(load / scaledCapacity).toBeCloseTo(load / capacity / k, 9);
        });
      }),
    );
  });

  it('orders the bases: confirmed ≤ weighted ≤ all in every cell', () => {
    fc.assert(
      fc.property(arbitraryPlan, (plan) => {
        const [confirmed, weighted, all] = (['confirmed', 'weighted', 'all'] as const).map((basis) =>
          grid(tablesOf(plan), { ...window, basis }),
        );
        all?.loadHours.forEach((load, i) => {
          expect(confirmed?.loadHours[i] ?? 0).toBeLessThanOrEqual((weighted?.loadHours[i] ?? 0) + 1e-9);
          expect(weighted?.loadHours[i] ?? 0).toBeLessThanOrEqual(load + 1e-9);
        });
      }),
    );
  });
});

describe('reading the assignments straight from the range', () => {
  // The reader goes through the host's range below the header itself, skipping blank rows (core/table.ts `source`):
  // blank rows anywhere in it must change nothing but the row numbers its issues give.
  const rows: Grid = [
    ['Ana', 'Apollo', d('2025-03-03'), d('2025-03-14'), 20, null, null, 'Confirmed', null, 'Yes'],
    ['Zed', 'Apollo', d('2025-03-03'), d('2025-03-14'), 20, null, null, null, null, null],
    ['Ana', 'Borealis', d('2025-03-03'), d('2025-03-07'), null, '50%', null, 'Tentative', '40%', 'No'],
    ['Ben', 'Apollo', d('2025-03-05'), d('2025-03-11'), null, null, 20, null, null, null],
    ['Ben', 'Apollo', 'soon', d('2025-03-11'), 8, null, null, null, null, null],
    ['Total', null, null, null, 48, null, null, null, null, null],
    ['Ana', 'Comet', d('2025-03-12'), d('2025-03-04'), 4, null, null, null, null, null],
    ['Ben', 'Comet', d('2025-03-10'), d('2025-03-21'), null, null, null, null, null, null],
  ];
  const read = (table: Grid, basis: Basis) => {
    const model = buildUtilizationModel({ resources, assignments: table, timeOff }, basis);
    if (isPmoError(model)) throw new Error(model.message);
    const { count, resourceIndex, start, end, hoursPerDay } = model.assignments;
    return {
      assignments: Array.from({ length: count }, (_, i) => [
        resourceIndex[i],
        start[i],
        end[i],
        hoursPerDay[i],
      ]),
      issues: model.issues.filter((issue) => issue.table === 'Assignments'),
    };
  };

  it('gives the same assignments and the same issues, at the shifted rows, whatever blank rows lie between', () => {
    const blank = fc.constantFrom<Cell[]>([], [null, null], ['', '  ', null]);
    fc.assert(
      fc.property(
        fc.array(fc.array(blank, { maxLength: 3 }), {
          minLength: rows.length + 1,
          maxLength: rows.length + 1,
        }),
        fc.constantFrom<Basis>('all', 'confirmed', 'weighted', 'billable'),
        (gaps, basis) => {
          const plain = read([ASSIGNMENT_HEADER, ...rows], basis);
          const spread: Grid = [ASSIGNMENT_HEADER];
          const sheetRow: number[] = [];
          rows.forEach((row, i) => {
            spread.push(...(gaps[i] ?? []));
            spread.push(row);
            sheetRow.push(spread.length);
          });
          spread.push(...(gaps[rows.length] ?? []));
          const spaced = read(spread, basis);
          expect(spaced.assignments).toEqual(plain.assignments);
          // Row i of the plain table (sheet row i + 2) is at sheet row sheetRow[i] of the spread one.
          expect(spaced.issues).toEqual(
            plain.issues.map((issue) => ({ ...issue, row: sheetRow[issue.row - 2] })),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports each unusable row once, by its sheet row, in row order', () => {
    const { issues } = read([ASSIGNMENT_HEADER, [], ...rows], 'all');
    expect(issues.map((issue) => [issue.row, issue.column, issue.problem])).toEqual([
      [4, 'Resource', 'resource not in the Resources table: row left out'],
      [7, 'Start', 'not a date: row left out'],
      [8, 'Resource', 'looks like a total row: left out'],
      [9, 'End', 'end 2025-03-04 before start 2025-03-12: row left out'],
      [
        10,
        'Hours per week',
        'no load: fill Hours per week, Hours per day, Allocation or Hours: row left out',
      ],
    ]);
  });
});
