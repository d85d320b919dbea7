// A workbook's own risk legend (core/risk/legend.ts, core/discovery/legend.ts): read as legends are written, and
// used for the register's levels by the dashboard and pmo inspect (issue 14 item 2).

import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../core/cells';
import { buildDashboard } from '../../../core/dashboard/build';
import { workbookLegend } from '../../../core/discovery/legend';
import { inspectWorkbook } from '../../../core/inspect';
import { findLegend, parseScoreRange } from '../../../core/risk/legend';
import { findTables, type SheetView } from '../../../core/workbook';
import { SHAPES } from '../../../examples/make-shapes';

const bands = (grid: Cell[][]) => findLegend(grid)?.bands.map((band) => [band.minimumScore, band.label]);

describe('parseScoreRange', () => {
  it('reads ranges as legends write them', () => {
    expect(parseScoreRange('16–25')).toEqual({ from: 16, to: 25, percent: false });
    expect(parseScoreRange('16 - 25')).toEqual({ from: 16, to: 25, percent: false });
    expect(parseScoreRange('1 to 8')).toEqual({ from: 1, to: 8, percent: false });
    expect(parseScoreRange('>= 16')).toEqual({ from: 16, to: undefined, percent: false });
    expect(parseScoreRange('≥16')).toEqual({ from: 16, to: undefined, percent: false });
    expect(parseScoreRange('16+')).toEqual({ from: 16, to: undefined, percent: false });
    expect(parseScoreRange('<= 8')).toEqual({ from: undefined, to: 8, percent: false });
    expect(parseScoreRange('(5-9)')).toEqual({ from: 5, to: 9, percent: false });
    expect(parseScoreRange('5% – 15%')).toEqual({ from: 5, to: 15, percent: true });
  });

  it('reads nothing else', () => {
    for (const text of ['', 'High', '25–16', 'see note', '2026-01-05', '16 25'])
      expect(parseScoreRange(text)).toBeUndefined();
  });
});

describe('findLegend', () => {
  it('reads a block of level and range rows, under a title and a header', () => {
    expect(
      bands([
        ['Risk Score Levels'],
        ['Risk Level', 'Score Range'],
        ['High', '16–25'],
        ['Medium', '9–15'],
        ['Low', '1–8'],
      ]),
    ).toEqual([
      [1, 'Low'],
      [9, 'Medium'],
      [16, 'High'],
    ]);
  });

  it('reads one row of "Level (range)" cells after a "Legend:" label', () => {
    expect(
      bands([[null, 'Legend:', 'Low (1-4)', 'Medium (5-9)', 'High (10-15)', 'Critical (16-25)']]),
    ).toEqual([
      [1, 'Low'],
      [5, 'Medium'],
      [10, 'High'],
      [16, 'Critical'],
    ]);
  });

  it('reads level names under a lower-bound header, and open ranges from the bottom up', () => {
    expect(
      bands([
        ['Level', 'Minimum score'],
        ['Low', 1],
        ['High', 10],
      ]),
    ).toEqual([
      [1, 'Low'],
      [10, 'High'],
    ]);
    expect(
      bands([
        ['Red', '>= 15'],
        ['Amber', '6 to 14'],
        ['Green', '<= 5'],
      ]),
    ).toEqual([
      [1, 'Green'],
      [6, 'Amber'],
      [15, 'Red'],
    ]);
  });

  it('reads a legend in percent as fractions', () => {
    const legend = findLegend([
      ['Low', '0%–5%'],
      ['High', '5%–100%'],
    ]);
    expect(legend?.scale).toBe('fraction');
    expect(legend?.bands.map((band) => band.minimumScore)).toEqual([0, 0.05]);
  });

  it('takes no probability definitions, no scores above 25, and no single level for a legend', () => {
    expect(
      findLegend([
        ['Risk Likelihood Table'],
        ['Rating', 'Probability Range'],
        ['Likely', '60-79%'],
        ['Rare', '0-14%'],
      ]),
    ).toBeUndefined();
    expect(
      findLegend([
        ['Low', '1–50'],
        ['High', '51–100'],
      ]),
    ).toBeUndefined();
    expect(findLegend([['High', '16–25']])).toBeUndefined();
    expect(
      findLegend([
        ['Low', '1–8'],
        ['Low', '9–25'],
      ]),
    ).toBeUndefined();
  });
});

describe('the workbook’s own legend in use', () => {
  const sheets: readonly SheetView[] = SHAPES.registerWithLegend ?? [];

  it('is found on its own sheet for the register, the definitions sheet before it passed over', () => {
    const legend = workbookLegend(sheets, findTables(sheets).tables.risks);
    expect(legend?.sheet).toBe('Legend');
    expect(legend?.bands.map((band) => band.label)).toEqual(['Low', 'Medium', 'High']);
  });

  it("gives the dashboard the register's own levels, which agree with its Risk Level column", () => {
    const { plan, summary } = buildDashboard({ sheets, today: 46_000, builtAt: 'now' });
    // Scores 20, 9, 16, 8: High, Medium, High, Low — as the register's own Risk Level column says.
    expect(summary.risksByLevel).toEqual({ High: 2, Medium: 1, Low: 1 });
    const texts = plan.cells.flatMap((row) => row.map((cell) => cell.value));
    expect(texts).toContain(
      "Colours: the level of the cell (score P × I on the workbook's own legend: 1–8 Low, 9–15 Medium, 16–25 High).",
    );
  });

  it('is what pmo inspect reports, highest level first', () => {
    const risks = inspectWorkbook('register.xlsx', sheets).tables.find((table) => table.kind === 'risks');
    expect(risks?.legend).toEqual([
      { level: 'High', from: 16, to: 25 },
      { level: 'Medium', from: 9, to: 15 },
      { level: 'Low', from: 1, to: 8 },
    ]);
    expect(risks?.levels).toEqual({ High: 2, Medium: 1, Low: 1 });
  });

  it('is found under a long register, and looked for only near the top of other sheets (bounded work)', () => {
    const rows: Cell[][] = [['ID', 'Risk', 'Likelihood', 'Impact']];
    for (let i = 1; i <= 400; i++) rows.push([`R${i}`, 'Risk', 4, 5]);
    rows.push([], ['Risk score levels'], ['High', '16–25'], ['Low', '1–15']);
    const register: SheetView = { name: 'Register', rows, firstRow: 1, tables: [] };
    expect(workbookLegend([register], findTables([register]).tables.risks)?.sheet).toBe('Register');
    const deep: SheetView = {
      name: 'Notes',
      firstRow: 1,
      tables: [],
      rows: [...Array.from({ length: 300 }, (): Cell[] => ['note']), ['High', '16–25'], ['Low', '1–15']],
    };
    const small = sheets[0];
    if (!small) throw new Error('no register');
    expect(workbookLegend([small, deep], findTables([small, deep]).tables.risks)).toBeUndefined();
  });

  it('ends a register at the legend under it, titled or not: its levels are not risks', () => {
    for (const title of [[['Risk score levels']], []] as Cell[][][]) {
      const rows: Cell[][] = [
        ['ID', 'Risk', 'Likelihood', 'Impact'],
        ['R1', 'Vendor late', 4, 5],
        ['R2', 'Audit', 2, 2],
      ];
      rows.push([], ...title, ['High', '16–25'], ['Low', '1–15']);
      const register: SheetView = { name: 'Register', rows, firstRow: 1, tables: [] };
      const risks = findTables([register]).tables.risks;
      expect(risks?.dataRows).toBe(2);
      expect(risks?.skipped).toEqual([
        { row: 5, reason: 'a legend under the register: the table ends above it' },
      ]);
      expect(workbookLegend([register], risks)?.bands.map((band) => band.label)).toEqual(['Low', 'High']);
    }
  });

  it('is not used for a register on another scale (fractions against a 1–25 legend)', () => {
    const [, , legendSheet] = sheets;
    if (!legendSheet) throw new Error('no legend sheet');
    const register: SheetView = {
      name: 'Risks',
      firstRow: 1,
      tables: [],
      rows: [
        ['ID', 'Risk', 'Probability', 'Impact'],
        ['R1', 'Vendor late', '50%', '40%'],
      ],
    };
    const { summary } = buildDashboard({ sheets: [register, legendSheet], today: 46_000, builtAt: 'now' });
    expect(Object.keys(summary.risksByLevel ?? {})).toEqual(['Extreme', 'High', 'Moderate', 'Low']);
  });
});
