// The dashboard's layout (issue 15 item 3), checked on its plan for the sample and for generated workbooks of every
// size the issue names: no chart covers a written cell, and the heatmap's week columns are all one width.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/xlsx';
import type { Cell } from '../../core/cells';
import type { DashboardPlan } from '../../core/dashboard/plan';
import type { SheetView } from '../../core/workbook';
import { d } from '../helpers';
import { buildsAt } from './dashboard-builds';

const TODAY = d('2026-03-02');
/** Two builds: the first plans the tiles without changes, the second the changes and the trend. */
const TIMES = ['2026-03-02 09:00', '2026-03-02 17:30'];

const sheet = (name: string, rows: Cell[][]): SheetView => ({ name, rows, firstRow: 1, tables: [] });

type Kind = 'resources' | 'assignments' | 'initiatives' | 'risks';

/** A workbook of `resources` people (each booked), `risks` risks and `initiatives` initiatives, with only `kinds`. */
function generated(
  resources: number,
  risks: number,
  initiatives: number,
  kinds: readonly Kind[],
): SheetView[] {
  const people = Array.from({ length: resources }, (_, i) => `Person ${i + 1}`);
  const all: Record<Kind, SheetView> = {
    resources: sheet('Resources', [['Resource', 'Hours per week'], ...people.map((name) => [name, 40])]),
    assignments: sheet('Assignments', [
      ['Resource', 'Project', 'Start', 'End', 'Hours per week'],
      ...people.map((name, i) => [
        name,
        `Project ${i % 7}`,
        TODAY - 14 + (i % 20),
        TODAY + 30 + (i % 60),
        10 + (i % 40),
      ]),
    ]),
    initiatives: sheet('Initiatives', [
      ['ID', 'Initiative', 'Cost', 'Business Value', 'Time Criticality', 'RR/OE', 'Job Size', '', 'Budget'],
      ...Array.from({ length: initiatives }, (_, i) => [
        `I-${i + 1}`,
        `A rather long initiative name number ${i + 1}`,
        10_000 + ((i * 7919) % 90_000),
        1 + (i % 20),
        1 + ((i * 3) % 13),
        1 + ((i * 5) % 8),
        1 + ((i * 7) % 13),
        null,
        i === 0 ? 400_000 : null,
      ]),
    ]),
    risks: sheet('Risks', [
      ['ID', 'Risk', 'Category', 'Probability', 'Impact', 'Cost'],
      ...Array.from({ length: risks }, (_, i) => [
        `R-${i + 1}`,
        `Risk number ${i + 1} with a description`,
        ['Vendor', 'Schedule', 'People', 'Technical'][i % 4] ?? 'Vendor',
        ((i * 37) % 100) / 100,
        ((i * 53) % 100) / 100,
        1_000 * (1 + (i % 50)),
      ]),
    ]),
  };
  return kinds.map((kind) => all[kind]);
}

/** Every cell the plan writes (a value or a style), and every merged cell, as "row:column". */
function writtenCells(plan: DashboardPlan): Set<string> {
  const written = new Set<string>();
  plan.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell.value !== null || cell.style !== undefined) written.add(`${r}:${c}`);
    });
  });
  for (const merge of plan.merges)
    for (let r = merge.row; r < merge.row + merge.rows; r++)
      for (let c = merge.column; c < merge.column + merge.columns; c++) written.add(`${r}:${c}`);
  return written;
}

/** Pixels of the plan's rows `row`..`row + rows - 1` (a row the plan does not size is 15 points, 20 px). */
function heightInPixels(plan: DashboardPlan, row: number, rows: number): number {
  let points = 0;
  for (let r = row; r < row + rows; r++)
    points += plan.rowHeights?.find((set) => set.row === r)?.points ?? 15;
  return points / 0.75;
}

/** Pixels of the plan's columns (7 px a character; a column the plan does not size is Excel's 8.43 characters). */
function widthInPixels(plan: DashboardPlan, column: number, columns: number): number {
  let characters = 0;
  for (let c = column; c < column + columns; c++) characters += plan.columnWidths[c] ?? 8.43;
  return characters * 7;
}

/**
 * Room for a label on every bar: hosts skip category labels (every other one) when the axis is too short for them,
 * so a bar chart is 24 px tall a bar and a column chart 40 px wide a column, beside 80 px of title and axes.
 */
function expectRoomForEveryLabel(
  plan: DashboardPlan,
  chart: DashboardPlan['charts'][number],
  label: string,
): void {
  const categories = chart.categories.lastRow - chart.categories.firstRow + 1;
  const { row, column, rows, columns } = chart.anchor;
  if (chart.kind === 'bar')
    expect(heightInPixels(plan, row, rows), `${label}: "${chart.title}" height`).toBeGreaterThanOrEqual(
      80 + 24 * categories,
    );
  if (chart.kind === 'column')
    expect(widthInPixels(plan, column, columns), `${label}: "${chart.title}" width`).toBeGreaterThanOrEqual(
      80 + 40 * categories,
    );
}

/** The layout rules: charts over no written cell with room for every label, equal week columns. */
function expectLayout(plan: DashboardPlan, label: string): void {
  const written = writtenCells(plan);
  for (const chart of plan.charts) {
    const { row, column, rows, columns } = chart.anchor;
    const covered: string[] = [];
    for (let r = row; r < row + rows; r++)
      for (let c = column; c < column + columns; c++) if (written.has(`${r}:${c}`)) covered.push(`${r}:${c}`);
    expect(covered, `${label}: chart "${chart.title}" covers written cells`).toEqual([]);
    expectRoomForEveryLabel(plan, chart, label);
  }
  const heatmap = plan.cells.findIndex((row) =>
    String(row[0]?.value ?? '').startsWith('Utilization by week'),
  );
  if (heatmap >= 0) {
    const weeks = (plan.cells[heatmap + 1]?.length ?? 1) - 1;
    const widths = new Set(plan.columnWidths.slice(1, weeks + 1));
    expect([...widths], `${label}: week column widths`).toHaveLength(1);
  }
}

const ALL: readonly Kind[] = ['resources', 'assignments', 'initiatives', 'risks'];

describe('the dashboard layout', () => {
  it('places no chart over a written cell and keeps the week columns equal, for the bundled sample', () => {
    const workbook = readWorkbook(readFileSync(join(import.meta.dirname, '../../examples/pmo-sample.xlsx')));
    if (workbook.kind !== 'workbook') throw new Error(workbook.message);
    // The second build adds the trend of the builds and its chart.
    const [first, second] = buildsAt({ sheets: workbook.sheets, today: TODAY, builtAt: '' }, TIMES);
    expect(first?.plan.charts.length).toBeGreaterThan(1);
    expect(second?.plan.charts.map((chart) => chart.title)).toContain('Average utilization by build');
    for (const built of [first, second]) if (built) expectLayout(built.plan, 'sample');
  });

  const sizes: [number, number, number][] = [
    [1, 0, 0],
    [25, 300, 200],
    [1000, 0, 200],
    [1, 300, 0],
    [25, 0, 0],
  ];
  it.each(sizes)('holds for %i resources, %i risks and %i initiatives', (resources, risks, initiatives) => {
    const builds = buildsAt(
      { sheets: generated(resources, risks, initiatives, ALL), today: TODAY, builtAt: '' },
      TIMES,
    );
    for (const [n, { plan }] of builds.entries())
      expectLayout(plan, `${resources}/${risks}/${initiatives}, build ${n + 1}`);
  });

  it('holds with any subset of the tables missing', () => {
    for (let mask = 0; mask < 1 << ALL.length; mask++) {
      const kinds = ALL.filter((_, i) => (mask & (1 << i)) !== 0);
      const builds = buildsAt({ sheets: generated(25, 40, 30, kinds), today: TODAY, builtAt: '' }, TIMES);
      for (const [n, { plan }] of builds.entries())
        expectLayout(plan, `${kinds.join('+') || 'no tables'}, build ${n + 1}`);
    }
  });
});
