import { describe, expect, it } from 'vitest';
import type { Cell } from '../../core/cells';
import { buildDashboard } from '../../core/dashboard/build';
import { DASHBOARD_MARKER, type DashboardPlan, isUserText, type PlanCell } from '../../core/dashboard/plan';
import { invoke } from '../../core/functions/invoke';
import { UTILIZATION } from '../../core/functions/utilization-functions';
import type { SheetView } from '../../core/workbook';
import { SHAPES } from '../../examples/make-shapes';
import { d } from '../helpers';

const sheet = (name: string, rows: Cell[][], firstRow = 1): SheetView => ({
  name,
  rows,
  firstRow,
  tables: [],
});

const RESOURCES = sheet('Team', [
  ['Resource', 'Hours per week'],
  ['Ana', 40],
  ['Ben', 20],
  ['=HYPERLINK("http://x","y")', 40],
]);
const ASSIGNMENTS = sheet('Plan', [
  ['Resource', 'Project', 'Start', 'End', 'Hours per week'],
  ['Ana', 'Apollo', d('2025-03-03'), d('2025-04-25'), 44],
  ['Ben', 'Apollo', d('2025-03-10'), d('2025-03-21'), 10],
  ['Zed', 'Apollo', d('2025-03-10'), d('2025-03-21'), 10],
]);
const INITIATIVES = sheet('Backlog', [
  ['ID', 'Initiative', 'Cost', 'Business Value', 'Time Criticality', 'RR/OE', 'Job Size', '', 'Budget'],
  ['I-1', 'Portal', 300, 8, 5, 3, 5, null, 500],
  ['I-2', '+cmd', 200, 13, 8, 5, 8],
  ['I-3', 'ERP', 400, 20, 13, 8, 13],
  ['I-4', 'Broken', 100, 5, 5, 5, 0],
]);
const RISKS = sheet('Risk Register', [
  ['ID', 'Risk', 'Category', 'Probability', 'Impact', 'Cost'],
  ['R1', 'Vendor late', 'Vendor', '50%', '40%', 100000],
  ['R2', 'Key person leaves', 'Resource', '20%', '80%', 50000],
  ['R3', 'Scope creep', 'Schedule', '90%', '30%', 20000],
]);

const today = d('2025-03-05');

function valueAt(plan: DashboardPlan, row: number, column: number): PlanCell['value'] | undefined {
  return plan.cells[row]?.[column]?.value;
}

function rowStarting(plan: DashboardPlan, text: string): number {
  return plan.cells.findIndex((row) => {
    const first = row[0]?.value ?? null;
    return (
      (typeof first === 'string' && first.startsWith(text)) || (isUserText(first) && first.userText === text)
    );
  });
}

describe('buildDashboard', () => {
  const { plan, summary } = buildDashboard({
    sheets: [RESOURCES, ASSIGNMENTS, INITIATIVES, RISKS],
    today,
    builtAt: '2025-03-05 09:00',
  });

  it('writes the marker in A1 and says when and from which cells of which sheets it was built', () => {
    expect(valueAt(plan, 0, 0)).toBe(DASHBOARD_MARKER);
    expect(valueAt(plan, 1, 0)).toBe(
      "Built 2025-03-05 09:00 from Resources (Team!A1:B4), Assignments (Plan!A1:E4), Initiatives (Backlog!A1:G5), Risks ('Risk Register'!A1:F4); not found: Time off.",
    );
  });

  it('shows the same weekly utilization as PMO.UTILIZATION for the 12 weeks from the current week', () => {
    const expected = invoke(UTILIZATION, [
      ASSIGNMENTS.rows,
      RESOURCES.rows,
      d('2025-03-03'),
      d('2025-05-25'),
      'week',
      null,
      null,
    ]);
    if (!Array.isArray(expected)) throw new Error('UTILIZATION failed');
    const header = plan.cells.findIndex((row) => row[0]?.value === 'Resource');
    expect(plan.cells[header]?.slice(1).map((c) => c.value)).toEqual(
      expected[0]?.slice(1).map((c) => ({ date: (c as { serial: number }).serial })),
    );
    for (let r = 1; r < expected.length; r++) {
      const row = plan.cells[header + r] ?? [];
      (expected[r] ?? []).slice(1).forEach((want, p) => {
        const got = row[p + 1]?.value ?? null;
        if (typeof want === 'number') expect(got).toBeCloseTo(want, 12);
        else if (want === '') expect(got).toBeNull();
        else expect(got).toBe('no capacity');
      });
    }
    expect(summary.overallocatedResourceWeeks).toBe(8);
  });

  it('writes names from user cells as user text so no renderer turns them into formulas', () => {
    const names = plan.cells
      .flat()
      .filter((c) => isUserText(c.value))
      .map((c) => (c.value as { userText: string }).userText);
    expect(names).toContain('=HYPERLINK("http://x","y")');
    expect(names).toContain('+cmd');
    for (const c of plan.cells.flat()) if (isUserText(c.value)) expect(c.numberFormat).toBe('@');
  });

  it('shows the utilization of a time-phased plan (a column per week) found beside its resources', () => {
    const team = sheet('Team', [
      ['Resource', 'Hours per week'],
      ['Ana', 40],
      ['Ben', 20],
    ]);
    // Weeks from Monday 3 March 2025 (the dashboard's first week): Ana 30 h then 20 h, Ben 10 h then 10 h.
    const plan = sheet('Plan 2025', [
      ['Name', d('2025-03-03'), d('2025-03-10'), d('2025-03-17')],
      ['Ana', 30, 20, null],
      ['Ben', 10, 10, null],
    ]);
    const { summary } = buildDashboard({ sheets: [team, plan], today, builtAt: 'now' });
    expect(summary.tablesFound.map((table) => [table.kind, table.sheet, table.range])).toEqual([
      ['resources', 'Team', 'A1:B3'],
      ['assignments', 'Plan 2025', 'A1:D3'],
    ]);
    expect(summary.resources).toBe(2);
    expect(summary.averageUtilization).toBeGreaterThan(0);
    expect(summary.issues).toEqual([]);
  });

  it('names a further table of a kind it did not use on the sheet, so the user can map it', () => {
    const nextTeam = sheet('Team Q2', [
      ['Resource', 'Hours per week'],
      ['Cleo', 40],
    ]);
    const { plan, summary } = buildDashboard({
      sheets: [RESOURCES, ASSIGNMENTS, nextTeam],
      today,
      builtAt: 'now',
    });
    expect(summary.tablesFound[0]).toEqual({ kind: 'resources', sheet: 'Team', range: 'A1:B4' });
    expect(summary.tablesNotUsed).toEqual([{ kind: 'resources', sheet: 'Team Q2', range: 'A1:B2' }]);
    expect(valueAt(plan, 1, 0)).toBe(
      "Built now from Resources (Team!A1:B4), Assignments (Plan!A1:E4); not found: Time off, Initiatives, Risks; also found, not used (map one to use it): Resources ('Team Q2'!A1:B2).",
    );
  });

  it('shows utilization without a Resources table, each person one full-time person, and says so under it', () => {
    const plan = sheet('Assignments', [
      ['Resource', 'Project', 'Start', 'End', 'Hours per week'],
      ['Ana', 'Apollo', d('2025-03-03'), d('2025-03-14'), 30],
      ['Ben', 'Apollo', d('2025-03-03'), d('2025-03-07'), 40],
    ]);
    const { plan: built, summary } = buildDashboard({ sheets: [plan], today, builtAt: 'now' });
    expect(summary.tablesMissing).toContain('resources');
    expect(summary.resources).toBe(2);
    const texts = built.cells.flat().map((c) => (isUserText(c.value) ? c.value.userText : c.value));
    expect(texts).toContain(
      'No Resources table: each person the assignments name counts as one full-time person (40 h a week).',
    );
    const withTable = buildDashboard({
      sheets: [
        sheet('Team', [
          ['Resource', 'Hours per week'],
          ['Ana', 40],
          ['Ben', 40],
        ]),
        plan,
      ],
      today,
      builtAt: 'now',
    });
    // The same capacity as a Resources table of 40 h weeks gives, so the same average.
    expect(summary.averageUtilization).toBeCloseTo(withTable.summary.averageUtilization ?? Number.NaN, 12);
    expect(withTable.plan.cells.flat().map((c) => c.value)).not.toContain(
      'No Resources table: each person the assignments name counts as one full-time person (40 h a week).',
    );
  });

  it('keeps a register with an unreadable rating: that risk is unrated and its cell one data issue', () => {
    const register = sheet('Risk Register', [
      ['ID', 'Risk', 'Probability', 'Impact'],
      ['R1', 'Vendor late', 'no configuration testing', 4],
      ['R2', 'Scope creep', 4, 4],
    ]);
    const { summary } = buildDashboard({ sheets: [register], today, builtAt: 'now' });
    expect(summary.risks).toBe(2);
    expect(summary.risksByLevel?.Extreme).toBe(1);
    expect(summary.issues.map((issue) => [issue.sheet, issue.row, issue.column, issue.problem])).toEqual([
      [
        'Risk Register',
        2,
        'Probability',
        '"no configuration testing" is not a known rating (use 1–5, 0.4, 40% or a label such as Low, Likely or Major): read as blank',
      ],
    ]);
  });

  it('cuts a user name longer than a cell holds to 32,767 characters, saying so', () => {
    const long = `Ana${'x'.repeat(100_000)}`;
    const team = sheet('Team', [
      ['Resource', 'Hours per week'],
      [long, 40],
    ]);
    const plan = sheet('Plan', [
      ['Resource', 'Project', 'Start', 'End', 'Hours per week'],
      [long, 'Apollo', today, today + 4, 8],
    ]);
    const built = buildDashboard({ sheets: [team, plan], today, builtAt: 'now' }).plan;
    const names = built.cells.flat().flatMap((c) => (isUserText(c.value) ? [c.value.userText] : []));
    const cut = names.filter((name) => name.startsWith('Anaxxx'));
    expect(cut.length).toBeGreaterThan(0);
    for (const name of cut) {
      expect(name).toHaveLength(32_767);
      expect(name.endsWith('… (cut at 32,767 characters)')).toBe(true);
    }
  });

  it('ranks initiatives by WSJF, reports the invalid row, and selects exactly within the budget found beside its label', () => {
    expect(summary.rankingMethod).toBe('WSJF');
    expect(summary.budget).toBe(500);
    // Name, rank, ID, score, cost (over two columns), selected.
    const header = plan.cells.findIndex((row) => row[0]?.value === 'Initiative' && row[1]?.value === 'Rank');
    const ranked = plan.cells
      .slice(header + 1, header + 4)
      .map((row) => [
        row[0]?.value,
        row[1]?.value,
        row[2]?.value,
        row[3]?.value,
        row[4]?.value,
        row[6]?.value,
      ]);
    // WSJF: I-2 (13+8+5)/8 = 3.25, I-1 (8+5+3)/5 = 3.2, I-3 (20+13+8)/13 = 3.15; best set within 500: I-1 + I-2.
    expect(ranked).toEqual([
      [{ userText: '+cmd' }, 1, { userText: 'I-2' }, 3.25, 200, 'Yes'],
      [{ userText: 'Portal' }, 2, { userText: 'I-1' }, 3.2, 300, 'Yes'],
      [{ userText: 'ERP' }, 3, { userText: 'I-3' }, 41 / 13, 400, 'No'],
    ]);
    expect(summary.selectedCount).toBe(2);
    expect(summary.selectedCost).toBe(500);
    expect(
      summary.issues.some(
        (issue) => issue.sheet === 'Backlog' && issue.row === 5 && issue.problem.includes('job size'),
      ),
    ).toBe(true);
  });

  it('counts risks by level and totals their exposure', () => {
    expect(summary.risks).toBe(3);
    expect(summary.totalExposure).toBeCloseTo(0.5 * 100000 + 0.2 * 50000 + 0.9 * 20000, 6);
  });

  it('lists the data issues with their sheet and row', () => {
    expect(summary.issues).toContainEqual(
      expect.objectContaining({ sheet: 'Plan', row: 4, column: 'Resource', value: 'Zed' }),
    );
  });
});

describe('buildDashboard with risks not rated', () => {
  it('lists each unrated risk as a data issue, so the levels adding up to less than the total is explained', () => {
    const register = sheet('Risks', [
      ['ID', 'Risk', 'Probability', 'Impact'],
      ['R1', 'Vendor late', 3, 4],
      ['R2', 'Not rated yet', null, null],
      ['R3', 'Half rated', 2, null],
    ]);
    const { summary } = buildDashboard({ sheets: [register], today, builtAt: 'now' });
    expect(summary.risks).toBe(3);
    expect(Object.values(summary.risksByLevel ?? {}).reduce((a, b) => a + b, 0)).toBe(1);
    expect(summary.issues).toEqual([
      {
        sheet: 'Risks',
        table: 'Risks',
        row: 3,
        column: 'Probability',
        value: '',
        problem:
          'not rated (no Probability and no Impact): counted as a risk, in no level and no heatmap cell',
      },
      {
        sheet: 'Risks',
        table: 'Risks',
        row: 4,
        column: 'Impact',
        value: '',
        problem: 'not rated (no Impact): counted as a risk, in no level and no heatmap cell',
      },
    ]);
  });

  it('needs only a probability in a register of probability × cost', () => {
    const register = sheet('Risks', [
      ['ID', 'Risk', 'Probability', 'Cost'],
      ['R1', 'Vendor late', 0.3, 10_000],
    ]);
    expect(buildDashboard({ sheets: [register], today, builtAt: 'now' }).summary.issues).toEqual([]);
  });
});

describe('buildDashboard with missing tables', () => {
  it('builds from risks alone and names every missing table', () => {
    const { plan, summary } = buildDashboard({ sheets: [RISKS], today, builtAt: 'now' });
    expect(summary.tablesMissing).toEqual(['resources', 'assignments', 'timeOff', 'initiatives']);
    expect(summary.resources).toBeUndefined();
    expect(rowStarting(plan, 'Risk heatmap')).toBeGreaterThan(0);
    expect(rowStarting(plan, 'Utilization by week')).toBe(-1);
  });

  it('builds a dashboard that says nothing was found for a workbook without PMO tables', () => {
    const { plan, summary } = buildDashboard({
      sheets: [sheet('Notes', [['Hello']])],
      today,
      builtAt: 'now',
    });
    expect(summary.tablesFound).toEqual([]);
    expect(valueAt(plan, 1, 0)).toContain('from no PMO tables');
  });

  it('shows the ranking unconstrained when there is no budget', () => {
    const noBudget = sheet(
      'Initiatives',
      INITIATIVES.rows.map((row) => row.slice(0, 7)),
    );
    const { summary, plan } = buildDashboard({ sheets: [noBudget], today, builtAt: 'now' });
    expect(summary.budget).toBeUndefined();
    expect(summary.selectedCount).toBeUndefined();
    expect(
      plan.cells.flat().some((c) => typeof c.value === 'string' && c.value.startsWith('No budget found')),
    ).toBe(true);
  });

  it('prefers a named Budget cell over a label on the sheet', () => {
    const { summary } = buildDashboard({
      sheets: [INITIATIVES],
      today,
      builtAt: 'now',
      budgetCells: [[300]],
    });
    expect(summary.budget).toBe(300);
    expect(summary.selectedCount).toBe(1);
  });

  it('falls back to the label on the sheet when the named Budget is not one number ≥ 0', () => {
    const labelled = buildDashboard({ sheets: [INITIATIVES], today, builtAt: 'now' }).summary.budget;
    expect(labelled).toBeGreaterThan(300);
    for (const budgetCells of [[[-5]], [[1], [2]], [['soon']]])
      expect(
        buildDashboard({ sheets: [INITIATIVES], today, builtAt: 'now', budgetCells }).summary.budget,
      ).toBe(labelled);
  });
});

describe('buildDashboard on a plan kept one sheet per month', () => {
  const sheets = SHAPES.sheetPerMonth ?? [];
  const texts = (plan: DashboardPlan) =>
    plan.cells.flat().map((c) => (isUserText(c.value) ? c.value.userText : c.value));

  it('reads the month sheets as one table, names them in its title line, and names the month sheet of an issue', () => {
    const { plan, summary } = buildDashboard({ sheets, today: d('2026-01-05'), builtAt: 'now' });
    expect(summary.tablesFound).toEqual([
      { kind: 'assignments', sheet: 'Jan2026', range: 'A1:G6', sheets: ['Jan2026', 'Feb2026', 'Mar2026'] },
    ]);
    expect(summary.tablesNotUsed).toEqual([]);
    expect(String(texts(plan)[1])).toContain(
      'Assignments (one sheet per period, Jan2026 to Mar2026: 3 sheets)',
    );
    expect(summary.issues.map((issue) => [issue.sheet, issue.row, issue.column, issue.value])).toEqual([
      ['Feb2026', 3, 'Total Alloc. %', 'half'],
    ]);
    // Three people, each one full-time person: in January's weeks Ana 1, Ben 0.5, Cleo 0.4 + 0.6 of their time.
    expect(summary.resources).toBe(3);
    expect(summary.window).toBe('current');
    expect(summary.heatmapStart).toBe(d('2026-01-05'));
  });

  it('shows a plan wholly in the past by its last 12 weeks, and one wholly in the future by its first, and says so', () => {
    const later = buildDashboard({ sheets, today: d('2026-12-07'), builtAt: 'now' });
    expect(later.summary.window).toBe('last');
    // The 12 weeks up to the plan's last week (the week of 2026-03-31): from Monday 2026-01-12.
    expect(later.summary.heatmapStart).toBe(d('2026-01-12'));
    // Not the 0% of the weeks after the plan: Σ load ÷ Σ capacity over those 12 weeks (April has no bookings).
    expect(later.summary.averageUtilization).toBeCloseTo(0.6361, 4);
    expect(texts(later.plan)).toContain(
      "The plan's bookings ended on 2026-03-31 (before today): these are its last 12 weeks.",
    );
    const earlier = buildDashboard({ sheets, today: d('2025-06-02'), builtAt: 'now' });
    expect(earlier.summary.window).toBe('first');
    expect(earlier.summary.heatmapStart).toBe(d('2025-12-29'));
    expect(texts(earlier.plan)).toContain(
      "The plan's bookings start on 2026-01-01 (after today): these are its first 12 weeks.",
    );
    const now = buildDashboard({ sheets, today: d('2026-02-10'), builtAt: 'now' });
    expect(now.summary.window).toBe('current');
    expect(now.summary.heatmapStart).toBe(d('2026-02-09'));
    expect(texts(now.plan).filter((text) => String(text).startsWith("The plan's bookings"))).toEqual([]);
  });
});

describe('buildDashboard: the top risks a leader reads', () => {
  it('lists each risk in its own words with ID, owner, level, ratings as written, exposure, residual, response and status', () => {
    const register = sheet('Risks', [
      [
        'ID',
        'Risk',
        'Owner',
        'Probability',
        'Impact',
        'Cost',
        'Residual Probability',
        'Mitigation Plan',
        'Status',
      ],
      ['R1', 'Vendor delivers late', 'Ana', '50%', 0.4, 100_000, '20%', 'Second supplier', 'Open'],
      ['R2', 'Key person leaves', 'Ben', 0.2, 0.8, 50_000, null, 'Pairing', 'Watch'],
    ]);
    const { plan } = buildDashboard({ sheets: [register], today, builtAt: 'now' });
    const header = plan.cells.findIndex((row) => row[0]?.value === 'Risk' && row[1]?.value === 'ID');
    expect(header).toBeGreaterThan(0);
    const values = (row: number) =>
      (plan.cells[row] ?? []).map((c) => (isUserText(c.value) ? c.value.userText : c.value));
    expect(values(header)).toEqual([
      'Risk',
      'ID',
      'Owner',
      null,
      'Level',
      'Probability',
      'Impact',
      'Exposure',
      null,
      'Residual',
      'Residual exposure',
      null,
      'Response',
      null,
      null,
      null,
      'Status',
      null,
    ]);
    // R1: 50% × 100,000 = 50,000, after its response 20% × 100,000 = 20,000; R2: 0.2 × 50,000 = 10,000, unchanged.
    expect(values(header + 1)).toEqual([
      'Vendor delivers late',
      'R1',
      'Ana',
      null,
      'High',
      '50%',
      0.4,
      50_000,
      null,
      'Moderate',
      20_000,
      null,
      'Second supplier',
      null,
      null,
      null,
      'Open',
      null,
    ]);
    expect(values(header + 2).slice(0, 2)).toEqual(['Key person leaves', 'R2']);
    expect(values(header + 2)[7]).toBe(10_000);
    expect(values(header + 2)[10]).toBe(10_000);
    expect(plan.merges).toContainEqual({ row: header + 1, column: 12, rows: 1, columns: 4 });
  });
});
