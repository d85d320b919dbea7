import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../core/cells';
import { buildDashboard } from '../../../core/dashboard/build';
import { isUserText } from '../../../core/dashboard/plan';
import { readWorkbookRegister, workbookMatrixLegend } from '../../../core/discovery/legend';
import { inspectWorkbook } from '../../../core/inspect';
import { findMatrixLegend, matrixBands, matrixLevel } from '../../../core/risk/matrix-legend';
import { findTables, type SheetView } from '../../../core/workbook';
import { SHAPES } from '../../../examples/make-shapes';
import { d } from '../../helpers';

const sheets = SHAPES.registerWithMatrix ?? [];

/** A lookup sheet with likelihood down the side, lowest first, and impact across ("Heat Map Lookup"). */
const LOOKUP: Cell[][] = [
  [null, 'Trivial', 'Minor', 'Moderate', 'Major', 'Extreme'],
  ['Rare', 'Low', 'Low', 'Low', 'Medium', 'Medium'],
  ['Unlikely', 'Low', 'Low', 'Medium', 'Medium', 'Medium'],
  ['Probable', 'Low', 'Medium', 'Medium', 'Medium', 'High'],
  ['Likely', 'Medium', 'Medium', 'Medium', 'High', 'High'],
  ['Very Likely', 'Medium', 'Medium', 'High', 'High', 'High'],
];

describe("a workbook's own risk matrix", () => {
  it('is read with impact down the side, highest first, blank rows between, and indexed likelihood × impact', () => {
    const legend = findMatrixLegend(sheets[1]?.rows ?? []);
    expect(legend?.probability).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost Certain']);
    expect(legend?.impact).toEqual(['Insignificant', 'Minor', 'Moderate', 'Major', 'Catastrophic']);
    expect(legend?.levels).toEqual(['Very Low', 'Low', 'Medium', 'High', 'Extreme']);
    expect(legend && matrixLevel(legend, 'Almost Certain', 'Major')).toBe('Extreme');
    expect(legend && matrixLevel(legend, ' possible ', 'catastrophic')).toBe('High');
    expect(legend && matrixLevel(legend, 'Possible', 'Huge')).toBeUndefined();
  });

  it('is read with likelihood down the side, lowest first, and end words the ladder lacks (Trivial, Extreme)', () => {
    const legend = findMatrixLegend(LOOKUP);
    expect(legend?.probability).toEqual(['Rare', 'Unlikely', 'Probable', 'Likely', 'Very Likely']);
    expect(legend?.impact).toEqual(['Trivial', 'Minor', 'Moderate', 'Major', 'Extreme']);
    expect(legend?.levels).toEqual(['Low', 'Medium', 'High']);
    // Probable and Likely are both 4 on the five-level ladder; the matrix tells them apart by their labels.
    expect(legend && matrixLevel(legend, 'Probable', 'Major')).toBe('Medium');
    expect(legend && matrixLevel(legend, 'Likely', 'Major')).toBe('High');
    expect(legend && matrixBands(legend)).toEqual([
      { minimumScore: 1, label: 'Low' },
      { minimumScore: 4, label: 'Medium' },
      { minimumScore: 15, label: 'High' },
    ]);
  });

  it('is no matrix when its cells are counts, when it has fewer than three rows, or when it is a list of choices', () => {
    const counts: Cell[][] = [
      [null, 'Minor', 'Moderate', 'Major'],
      ['Rare', 0, 1, 0],
      ['Likely', 2, 0, 1],
      ['Certain', 0, 0, 3],
    ];
    expect(findMatrixLegend(counts)).toBeUndefined();
    expect(findMatrixLegend(LOOKUP.slice(0, 3))).toBeUndefined();
    const choices: Cell[][] = [
      ['Probability', 'Impact', 'Risk Level', 'Response'],
      ['Rare', 'Trivial', 'Low', 'Avoid'],
      ['Unlikely', 'Minor', 'Medium', 'Accept'],
      ['Probable', 'Moderate', 'High', 'Mitigate'],
    ];
    expect(findMatrixLegend(choices)).toBeUndefined();
  });

  it("levels the register by each row's likelihood and impact labels, as the workbook's own lookup does", () => {
    const risks = findTables(sheets).tables.risks;
    if (!risks) throw new Error('no register');
    expect(workbookMatrixLegend(sheets, risks)?.sheet).toBe('Risk Level');
    const { register } = readWorkbookRegister(sheets, risks);
    // The workbook's own Risk Level column, row by row.
    expect(register?.risks.map((risk) => risk.inherent.level)).toEqual([
      'Extreme',
      'Medium',
      'High',
      'Medium',
    ]);
    expect(register?.ownLegend).toBe(true);
    expect(register?.bands?.map((band) => band.label)).toEqual([
      'Very Low',
      'Low',
      'Medium',
      'High',
      'Extreme',
    ]);
  });

  it('levels the residual by the residual likelihood and impact labels', () => {
    const log: SheetView = {
      name: 'Risk Log',
      firstRow: 1,
      tables: [],
      rows: [
        [
          'Risk #',
          'Risk Statement',
          'Probability',
          'Impact',
          'Risk Level',
          'Residual Probability',
          'Residual Impact',
        ],
        [1, 'Participants drop out', 'Likely', 'Moderate', 'High', 'Probable', 'Moderate'],
        [2, 'Budget overrun', 'Probable', 'Major', 'Medium', 'Unlikely', 'Major'],
        [3, 'Bad weather', 'Very Likely', 'Extreme', 'High', null, null],
      ],
    };
    const lookup: SheetView = { name: 'Heat Map Lookup', firstRow: 1, tables: [], rows: LOOKUP };
    const risks = findTables([log, lookup]).tables.risks;
    if (!risks) throw new Error('no register');
    const { register } = readWorkbookRegister([log, lookup], risks);
    // Row 1's own "High" is not what its lookup gives (Likely × Moderate = Medium): the matrix is followed.
    expect(register?.risks.map((risk) => risk.inherent.level)).toEqual(['Medium', 'Medium', 'High']);
    // A blank residual is the inherent assessment.
    expect(register?.risks.map((risk) => risk.residual?.level)).toEqual(['Medium', 'Medium', 'High']);
  });

  it('gives pmo inspect and the dashboard the same levels, and colours the heatmap by the matrix', () => {
    const report = inspectWorkbook('matrix.xlsx', sheets);
    expect(report.tables[0]?.levels).toEqual({ Extreme: 1, High: 1, Medium: 2, Low: 0, 'Very Low': 0 });
    const { plan, summary } = buildDashboard({ sheets, today: d('2026-01-05'), builtAt: 'now' });
    expect(summary.risksByLevel).toEqual({ Extreme: 1, High: 1, Medium: 2, Low: 0, 'Very Low': 0 });
    const texts = plan.cells.flat().map((c) => (isUserText(c.value) ? c.value.userText : c.value));
    expect(texts).toContain(
      "Levels and colours: the workbook's own risk matrix (Very Low, Low, Medium, High, Extreme), the level of each risk the matrix cell of its likelihood and impact.",
    );
  });
});
