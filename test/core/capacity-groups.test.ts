// DEMAND, SUPPLY and CAPACITY_GAP (issue 18) from the sources: the README's worked example (six people, two roles,
// one of them in both, a day off), worked by hand; FTE; grouping by another column; a blank role; the column
// missing; and the invariants — the gap is supply − demand cell by cell, and a group row never exceeds the Total
// while each person has one group (then the rows add up to it).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPACITY_GAP, DEMAND, SUPPLY } from '../../core/functions/capacity-functions';
import { invoke } from '../../core/functions/invoke';
import type { FunctionSpec } from '../../core/functions/types';
import { d } from '../helpers';

const RESOURCES = [
  ['Resource', 'Role', 'Hours per week', 'Team'],
  ['Ana', 'Developer', 40, 'Core'],
  ['Ben', 'Developer', 40, 'Core'],
  ['Chloé', 'Developer', 32, 'Web'],
  ['David', 'Developer; Analyst', 40, 'Web'],
  ['Elena', 'Analyst', 40, 'Core'],
  ['Farid', 'Analyst', 20, ''],
];
const ASSIGNMENTS = [
  ['Resource', 'Start', 'End', 'Hours per week', 'Allocation'],
  ['Ana', d('2025-03-03'), d('2025-03-14'), 40, ''],
  ['Ben', d('2025-03-03'), d('2025-03-07'), 20, ''],
  ['Chloé', d('2025-03-10'), d('2025-03-14'), '', '100%'],
  ['David', d('2025-03-03'), d('2025-03-14'), 24, ''],
  ['Elena', d('2025-03-03'), d('2025-03-14'), 48, ''],
];
const TIME_OFF = [
  ['Resource', 'Start', 'End'],
  ['Ana', d('2025-03-05'), d('2025-03-05')],
];

/** =PMO.<fn>(assignments, resources, 2025-03-03, 2025-03-14, "week", time_off, , group_by, unit). */
function call(fn: FunctionSpec, groupBy: string | null = null, unit: string | null = null): unknown[][] {
  const result = invoke(fn, [
    ASSIGNMENTS,
    RESOURCES,
    d('2025-03-03'),
    d('2025-03-14'),
    'week',
    TIME_OFF,
    null,
    groupBy,
    unit,
  ]);
  if (!Array.isArray(result)) throw new Error(`${fn.name}: ${JSON.stringify(result)}`);
  return result.map((row) =>
    row.map((cell) => (typeof cell === 'object' && 'serial' in cell ? cell.serial : cell)),
  );
}

const HEADER = ['Role', d('2025-03-03'), d('2025-03-10')];

describe('demand and supply by role: the worked example', () => {
  it('DEMAND: booked hours per role and week; David counts in both roles, once in the Total', () => {
    // Ana 32 (her day off books nothing) then 40; Ben 20 then 0; Chloé 0 then 32 (100% of 32 h); David 24 and 24;
    // Elena 48 and 48; Farid nothing.
    expect(call(DEMAND)).toEqual([
      HEADER,
      ['Developer', 32 + 20 + 24, 40 + 32 + 24],
      ['Analyst', 24 + 48, 24 + 48],
      ['Total', 32 + 20 + 24 + 48, 40 + 32 + 24 + 48],
    ]);
  });

  it('SUPPLY: capacity per role and week, net of time off', () => {
    expect(call(SUPPLY)).toEqual([
      HEADER,
      ['Developer', 32 + 40 + 32 + 40, 40 + 40 + 32 + 40],
      ['Analyst', 40 + 40 + 20, 40 + 40 + 20],
      ['Total', 32 + 40 + 32 + 40 + 40 + 20, 40 + 40 + 32 + 40 + 40 + 20],
    ]);
  });

  it('CAPACITY_GAP: supply − demand, and FTE as hours ÷ (8 h × 5 working days)', () => {
    expect(call(CAPACITY_GAP)).toEqual([
      HEADER,
      ['Developer', 68, 56],
      ['Analyst', 28, 28],
      ['Total', 80, 68],
    ]);
    const fte = call(DEMAND, null, 'fte');
    expect(fte.slice(1).map((row) => row.slice(1))).toEqual([
      [76 / 40, 96 / 40],
      [72 / 40, 72 / 40],
      [124 / 40, 144 / 40],
    ]);
  });

  it('groups by any column named in group_by; a blank cell is Unassigned', () => {
    expect(call(SUPPLY, 'team')).toEqual([
      ['Team', d('2025-03-03'), d('2025-03-10')],
      ['Core', 32 + 40 + 40, 40 + 40 + 40],
      ['Web', 32 + 40, 32 + 40],
      ['Unassigned', 20, 20],
      ['Total', 204, 212],
    ]);
  });

  it('says which column is missing, with the headers it saw', () => {
    expect(
      invoke(DEMAND, [ASSIGNMENTS, RESOURCES, null, null, null, null, null, 'Skill', null]),
    ).toMatchObject({
      kind: 'error',
      message:
        'DEMAND groups people by a column of the Resources table, and it has no column "Skill": add it, or name the column in group_by; headers seen: "Resource", "Role", "Hours per week", "Team".',
    });
    const noRole = RESOURCES.map((row) => [row[0], row[2]]);
    expect(invoke(SUPPLY, [ASSIGNMENTS, noRole, null, null, null, null, null, null, null])).toMatchObject({
      kind: 'error',
      message:
        'SUPPLY groups people by a column of the Resources table, and it has no Role column: add it, or name the column in group_by; headers seen: "Resource", "Hours per week".',
    });
  });
});

/** A generated plan: each person's roles (none, one or two) and assignment rows. */
interface Plan {
  readonly roles: readonly (readonly string[])[];
  readonly rows: readonly { who: string; start: number; days: number; hours: number }[];
}

describe('demand and supply by group: invariants', () => {
  const people = ['Ana', 'Ben', 'Cy', 'Dee', 'Eli'];
  const roles = ['Dev', 'QA', 'Ops'];
  const plan = fc.record({
    roles: fc.array(fc.subarray(roles, { minLength: 0, maxLength: 2 }), {
      minLength: people.length,
      maxLength: people.length,
    }),
    rows: fc.array(
      fc.record({
        who: fc.constantFrom(...people),
        start: fc.integer({ min: 0, max: 20 }),
        days: fc.integer({ min: 0, max: 15 }),
        hours: fc.integer({ min: 1, max: 45 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  });
  const run = (fn: FunctionSpec, input: Plan) => {
    const resources = [
      ['Resource', 'Role'],
      ...people.map((name, i) => [name, (input.roles[i] ?? []).join('; ')]),
    ];
    const assignments = [
      ['Resource', 'Start', 'End', 'Hours per week'],
      ...input.rows.map((row) => [
        row.who,
        d('2025-03-03') + row.start,
        d('2025-03-03') + row.start + row.days,
        row.hours,
      ]),
    ];
    const result = invoke(fn, [
      assignments,
      resources,
      d('2025-03-03'),
      d('2025-04-06'),
      'week',
      null,
      null,
      null,
      null,
    ]);
    if (!Array.isArray(result)) throw new Error(JSON.stringify(result));
    return result.slice(1).map((row) => row.slice(1) as number[]);
  };

  it('CAPACITY_GAP is SUPPLY − DEMAND in every cell, Total included', () => {
    fc.assert(
      fc.property(plan, (input) => {
        const [demand, supply, gap] = [run(DEMAND, input), run(SUPPLY, input), run(CAPACITY_GAP, input)];
        for (const [r, row] of gap.entries())
          for (const [p, cell] of row.entries())
            expect(cell).toBeCloseTo((supply[r]?.[p] ?? 0) - (demand[r]?.[p] ?? 0), 9);
      }),
      { numRuns: 100 },
    );
  });

  it('each group row is at most the Total, and the rows add up to it when everyone has one group', () => {
    fc.assert(
      fc.property(plan, (input) => {
        for (const fn of [DEMAND, SUPPLY]) {
          const rows = run(fn, input);
          const total = rows[rows.length - 1] ?? [];
          const groups = rows.slice(0, -1);
          for (const row of groups)
            for (const [p, cell] of row.entries()) expect(cell).toBeLessThanOrEqual((total[p] ?? 0) + 1e-9);
          if (input.roles.every((list) => list.length <= 1))
            for (const [p, cell] of total.entries())
              expect(groups.reduce((sum, row) => sum + (row[p] ?? 0), 0)).toBeCloseTo(cell, 9);
        }
      }),
      { numRuns: 100 },
    );
  });
});
