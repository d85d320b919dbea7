// A scoring matrix ranked by the weights it keeps (issue 14 item 4): discovery reads the weights row, the direction
// row and the criteria's names; the ranking is Σ weight × rating; a Score column is checked against the weights.

import { describe, expect, it } from 'vitest';
import type { Cell } from '../../core/cells';
import { buildDashboard } from '../../core/dashboard/build';
import { rankInitiatives } from '../../core/dashboard/initiatives';
import { matrixOf } from '../../core/dashboard/weighted';
import { directionIn } from '../../core/discovery/weights';
import { inspectWorkbook } from '../../core/inspect';
import { findTables, type SheetView } from '../../core/workbook';
import { SHAPES } from '../../examples/make-shapes';

const shape = (name: string): readonly SheetView[] => SHAPES[name] ?? [];
const rank = (sheets: readonly SheetView[]) => {
  const table = findTables(sheets).tables.initiatives;
  if (!table) throw new Error('no initiatives found');
  const ranking = rankInitiatives(table.grid, table.firstRow, undefined, matrixOf(table));
  if (!ranking) throw new Error('not ranked');
  return ranking;
};

describe('discovery reads what a matrix keeps about its criteria', () => {
  it('takes the weights row above the projects header, and the names from the criteria row above it', () => {
    const table = findTables(shape('weightedMatrix')).tables.initiatives;
    expect(table?.headerRows).toEqual([7]);
    expect(table?.dataRows).toBe(3);
    expect(table?.matrix).toEqual({
      names: ['ROI', 'Duration', 'Cost', 'Difficulty'],
      weights: [8, 5, 6, 4],
    });
  });

  it('takes weights and directions rows under the header as settings, not initiatives', () => {
    const table = findTables(shape('weightsUnderHeader')).tables.initiatives;
    expect(table?.dataRows).toBe(3);
    expect(table?.skipped?.map((skip) => skip.row)).toEqual([2, 3]);
    expect(table?.matrix).toEqual({
      names: ['Strategic fit', 'Revenue', 'Effort'],
      weights: [3, 2, 1],
      directions: ['max', 'max', 'min'],
    });
  });

  it('reads a direction from words as people write them', () => {
    expect(
      ['higher is better', 'Lower is better', 'max', 'Cost', 'less', '', 'n/a'].map(directionIn),
    ).toEqual(['max', 'min', 'max', 'min', 'min', undefined, undefined]);
  });
});

describe('ranking by the matrix’s own weights', () => {
  it('ranks a matrix without a score by Σ weight × rating, a lower-is-better rating reflected in its range', () => {
    // Effort 4, 1, 2 reflects to 1, 4, 3: Portal 3·5 + 2·3 + 1·1 = 22, ERP 12 + 10 + 4 = 26, Chatbot 6 + 4 + 3 = 13.
    const ranking = rank(shape('weightsUnderHeader'));
    expect(ranking.method).toBe('Weighted score');
    expect(ranking.ranked.map((initiative) => [initiative.name, initiative.score])).toEqual([
      ['ERP', 26],
      ['Portal', 22],
      ['Chatbot', 13],
    ]);
    expect(ranking.issues).toEqual([]);
  });

  it("keeps a matrix's Score, reproduced by its weights with every criterion higher-is-better, without an issue", () => {
    const ranking = rank(shape('weightedMatrix'));
    expect(ranking.method).toBe('Score');
    expect(ranking.ranked.map((initiative) => initiative.name)).toEqual(['Intranet', 'CRM', 'Data lake']);
    expect(ranking.weighted?.directions).toEqual(['max', 'max', 'max', 'max']);
    expect(ranking.weighted?.combine).toBe('sum');
    expect(ranking.issues).toEqual([]);
  });

  it('names every row whose Score the weights do not give, and still ranks by the Score as written', () => {
    const [sheet] = shape('weightedMatrix');
    if (!sheet) throw new Error('no shape');
    const rows = sheet.rows.map((row) => [...row]);
    (rows[9] as Cell[])[6] = 130;
    const ranking = rank([{ ...sheet, rows }]);
    expect(ranking.ranked.map((initiative) => initiative.score)).toEqual([195, 175, 130]);
    expect(ranking.issues).toEqual([
      {
        table: 'Initiatives',
        row: 10,
        column: 'Score',
        value: '130',
        problem:
          "not Σ weight × rating by the matrix's weights (ROI 8, Duration 5, Cost 6, Difficulty 4) = 125: ranked by the Score as written",
      },
    ]);
  });

  it('reads an average of weighted ratings as the matrix’s Score too', () => {
    const [sheet] = shape('weightedMatrix');
    if (!sheet) throw new Error('no shape');
    // Σ w = 23: 195 / 23, 175 / 23, 125 / 23.
    const rows = sheet.rows.map((row, r) =>
      r >= 7 ? row.map((cell, c) => (c === 6 && typeof cell === 'number' ? cell / 23 : cell)) : row,
    );
    const ranking = rank([{ ...sheet, rows }]);
    expect(ranking.weighted?.combine).toBe('weighted');
    expect(ranking.issues).toEqual([]);
  });

  it('shows the weights in pmo inspect and under the dashboard ranking', () => {
    const report = inspectWorkbook('matrix.xlsx', shape('weightsUnderHeader'));
    expect(report.tables[0]?.weights).toEqual({ 'Strategic fit': 3, Revenue: 2, Effort: 1 });
    expect(report.tables[0]?.ranking).toEqual(['ERP', 'Portal', 'Chatbot']);
    const { plan, summary } = buildDashboard({
      sheets: shape('weightsUnderHeader'),
      today: 46_000,
      builtAt: 'now',
    });
    expect(summary.rankingMethod).toBe('Weighted score');
    const texts = plan.cells.flatMap((row) => row.map((cell) => cell.value));
    expect(texts).toContain(
      "Weighted score = Σ weight × rating, with the matrix's own weights: Strategic fit 3, Revenue 2, Effort 1 (lower is better). A lower-is-better rating counts as its reflection within the criterion's range.",
    );
  });
});

describe('WSJF and RICE under the headers real backlogs use', () => {
  it('ranks Business Value, Time Criticality, Risk Reduction and Job Size by WSJF', () => {
    const backlog: SheetView = {
      name: 'Backlog',
      firstRow: 1,
      tables: [],
      rows: [
        [
          'Feature',
          'User-Business Value',
          'Time Criticality',
          'Risk Reduction and/or Opportunity Enablement',
          'Job Size',
        ],
        ['Login', 8, 5, 3, 2],
        ['Reports', 13, 8, 5, 13],
      ],
    };
    const ranking = rank([backlog]);
    expect(ranking.method).toBe('WSJF');
    // (8 + 5 + 3) ÷ 2 = 8; (13 + 8 + 5) ÷ 13 = 2.
    expect(ranking.ranked.map((initiative) => [initiative.name, initiative.score])).toEqual([
      ['Login', 8],
      ['Reports', 2],
    ]);
  });

  it('reads "Reach per quarter" as RICE reach', () => {
    const backlog: SheetView = {
      name: 'Backlog',
      firstRow: 1,
      tables: [],
      rows: [
        ['Idea', 'Reach per quarter', 'Impact', 'Confidence', 'Effort'],
        ['Onboarding', 1000, 2, '80%', 4],
      ],
    };
    // 1000 × 2 × 0.8 ÷ 4 = 400.
    expect(rank([backlog]).ranked.map((initiative) => [initiative.name, initiative.score])).toEqual([
      ['Onboarding', 400],
    ]);
    expect(rank([backlog]).method).toBe('RICE');
  });
});

describe('rows that only look like settings', () => {
  it('keeps an initiative named like a direction row, and a title above the matrix, as what they are', () => {
    const matrix: SheetView = {
      name: 'Scoring',
      firstRow: 1,
      tables: [],
      rows: [
        ['Goal: grow revenue'],
        [],
        ['Initiative', 'Strategic fit', 'Effort'],
        ['Weight', 3, 1],
        ['Portal', 5, 3],
        ['Goal tracker', 4, 1],
        ['Direction finder', 2, 2],
      ],
    };
    const table = findTables([matrix]).tables.initiatives;
    expect(table?.dataRows).toBe(3);
    // No direction row: the title's "Goal" is not one, and Effort is lower-is-better by its name.
    expect(table?.matrix).toEqual({ names: ['Strategic fit', 'Effort'], weights: [3, 1] });
    // Effort 3, 1, 2 reflects to 1, 3, 2: Portal 15 + 1 = 16, Goal tracker 12 + 3 = 15, Direction finder 6 + 2 = 8.
    expect(rank([matrix]).ranked.map((initiative) => [initiative.name, initiative.score])).toEqual([
      ['Portal', 16],
      ['Goal tracker', 15],
      ['Direction finder', 8],
    ]);
  });
});
