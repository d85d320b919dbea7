// Definitions for a register's labels (core/discovery/definitions.ts, issue 14 item 3): a table mapping
// probability or impact labels to numbers is found and used to read those labels; other labels keep the rules.

import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../core/cells';
import { buildDashboard } from '../../../core/dashboard/build';
import { withDefinitions, workbookDefinitions } from '../../../core/discovery/definitions';
import { inspectWorkbook } from '../../../core/inspect';
import { findTables, type SheetView } from '../../../core/workbook';
import { SHAPES } from '../../../examples/make-shapes';

const sheetOf = (name: string, rows: Cell[][]): SheetView => ({ name, rows, firstRow: 1, tables: [] });
const sheets: readonly SheetView[] = SHAPES.registerWithDefinitions ?? [];

describe('workbookDefinitions', () => {
  it('reads "Probability Label | Probability value for EV" as probability definitions, and nothing else there', () => {
    const definitions = workbookDefinitions(sheets);
    expect([...definitions.probability]).toEqual([
      ['75% to 100%', 0.87],
      ['50% to 75%', 0.63],
      ['25% to 50%', 0.38],
    ]);
    expect(definitions.impact.size).toBe(0);
  });

  it('reads an impact table under its title, the score two columns right of the label', () => {
    const definitions = workbookDefinitions([
      sheetOf('Risk Impact_Consequence', [
        ['Risk Impact/Consequences Table'],
        [],
        [null, 'Rating', 'Qualitative impact', 'Impact Score'],
        [null, 'Catastrophic', 'Threatens the project', 5],
        [null, 'Major', 'Significant effect', 4],
      ]),
    ]);
    expect([...definitions.impact]).toEqual([
      ['catastrophic', 5],
      ['major', 4],
    ]);
  });

  it('takes no single row, and no table that says neither probability nor impact', () => {
    expect(
      workbookDefinitions([
        sheetOf('P', [
          ['Probability Label', 'Value'],
          ['High', 0.9],
        ]),
      ]).probability.size,
    ).toBe(0);
    expect(
      workbookDefinitions([
        sheetOf('Sizes', [
          ['Label', 'Value'],
          ['S', 1],
          ['M', 2],
        ]),
      ]).probability.size,
    ).toBe(0);
  });
});

describe('a register read with its definitions', () => {
  it('replaces only the labels the definitions give, in the probability column', () => {
    const risks = findTables(sheets).tables.risks;
    if (!risks) throw new Error('no register');
    const read = withDefinitions(risks, workbookDefinitions(sheets));
    expect(read.grid.map((row) => row[2])).toEqual(['Probability', 0.87, 0.63, 'Next year']);
    expect(risks.grid[1]?.[2]).toBe('75% to 100%');
  });

  it('gives the expected value the definitions say: 0.87 × 15,000 + 0.63 × 20,000', () => {
    const { summary } = buildDashboard({ sheets, today: 46_000, builtAt: 'now' });
    expect(summary.totalExposure).toBeCloseTo(13_050 + 12_600, 6);
    const report = inspectWorkbook('register.xlsx', sheets);
    expect(report.tables.find((table) => table.kind === 'risks')?.exposure).toBe(25_650);
    // "Next year" has no definition and no number: its row's probability is reported, not guessed.
    expect(report.issues.map((issue) => [issue.row, issue.column, issue.value])).toEqual([
      [4, 'C', 'Next year'],
    ]);
  });
});
