// The add-in's own scores sheet (issue 16.4): when the columns right of the initiatives table are taken, Score, Rank
// and Selected go to a "PMO Scores" sheet, ranked, with each initiative's name and row; the sheet recorded for the
// table is rewritten, a user's sheet of that name never is.

import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../core/cells';
import { isAddinSheet } from '../../../core/discovery/pmo-data';
import { chooseScoresSheet, planScoresSheet, SCORES_MARKER } from '../../../core/initiatives/scores-sheet';
import { runSlices, type WriteRequest } from '../../../core/initiatives/write-plan';
import { findTables } from '../../../core/workbook';

/** A table on sheet Portfolio, header on row 3, data rows 4–8 (row 6 blank, row 8 not scored). */
const request: WriteRequest = {
  sheet: 'Portfolio',
  headerRow: 3,
  lastRow: 8,
  firstColumn: 0,
  lastColumn: 2,
  headers: ['Initiative', 'Value', 'Cost'],
  fingerprint: '',
  columns: [
    { header: 'Score', values: [2.5, 4, '', 4, 'no ratings'], numberFormat: '0.00' },
    { header: 'Rank', values: [3, 1, '', 1, ''], numberFormat: '0' },
    { header: 'Selected', values: [false, true, '', true, ''], numberFormat: null },
  ],
  owned: [],
  onConflict: 'ask',
  label: {
    header: 'Initiative',
    values: ['CRM', '=HYPERLINK("x")', '', 'ERP', 'Chatbot'],
    numberFormat: '@',
  },
};

/** The plan as rows of cells, sheet row → values, for reading in a test. */
function rowsOf(plan: ReturnType<typeof planScoresSheet>['plan']): Map<number, unknown[]> {
  const rows = new Map<number, unknown[]>();
  for (const run of runSlices(plan))
    for (let i = 0; i < run.count; i++)
      rows.set(
        run.first + i,
        plan.columns.map((column) => column.values[run.from + i]),
      );
  return rows;
}

describe('planScoresSheet', () => {
  it('lists the initiatives best first, ties in table order, unranked last, each with its row there', () => {
    const { plan, address } = planScoresSheet(request);
    const rows = rowsOf(plan);
    expect(rows.get(1)?.[0]).toBe(SCORES_MARKER);
    expect(String(rows.get(2)?.[0])).toMatch(
      /^Scores of the initiatives on sheet Portfolio, rows 4–8, best first/,
    );
    expect(rows.has(3)).toBe(false);
    expect([4, 5, 6, 7, 8].map((row) => rows.get(row))).toEqual([
      ['Row', 'Initiative', 'Score', 'Rank', 'Selected'],
      [5, '=HYPERLINK("x")', 4, 1, true],
      [7, 'ERP', 4, 1, true],
      [4, 'CRM', 2.5, 3, false],
      [8, 'Chatbot', 'no ratings', '', ''],
    ]);
    // The blank table row 6 is left out: five rows of ranking under the header, A4:E8.
    expect(address).toBe('A4:E8');
  });

  it('writes names and reasons as text (a name starting with = never becomes a formula), numbers in their format', () => {
    const { plan } = planScoresSheet(request);
    const formats = new Map(plan.columns.map((column) => [column.header, column.formats]));
    expect(formats.get('Initiative')).toEqual(['@', '@', '@', '@', '@', '@', '@']);
    expect(formats.get('Score')).toEqual(['@', '@', '@', '0.00', '0.00', '0.00', '@']);
    expect(formats.get('Row')?.slice(3)).toEqual(['0', '0', '0', '0']);
  });

  it('sizes the names column to the longest name, within 40 characters', () => {
    const long = {
      ...request,
      label: { header: 'Initiative', values: ['x'.repeat(60), '', '', '', ''], numberFormat: '@' },
    };
    expect(planScoresSheet(long).columnWidths[1]).toBe(40);
    expect(planScoresSheet(request).columnWidths[1]).toBe('=HYPERLINK("x")'.length + 2);
  });

  it('starts at a matrix’s first initiative row, and without names keeps the row numbers', () => {
    const { label: _, ...unnamed } = request;
    const matrix = {
      ...unnamed,
      firstRow: 6,
      columns: request.columns.map((c) => ({ ...c, values: c.values.slice(2) })),
    };
    const rows = rowsOf(planScoresSheet(matrix).plan);
    expect(rows.get(4)).toEqual(['Row', 'Score', 'Rank', 'Selected']);
    expect(rows.get(5)).toEqual([7, 4, 1, true]);
    expect(rows.get(6)).toEqual([8, 'no ratings', '', '']);
    expect(String(rows.get(2)?.[0])).toContain('rows 6–8');
  });
});

describe('chooseScoresSheet', () => {
  const marked = (names: string[]) => (sheet: { name: string }) => names.includes(sheet.name);
  const sheets = (...names: string[]) => names.map((name) => ({ name }));

  it('creates "PMO Scores" when there is none, and rewrites the one recorded for the table while A1 holds the marker', () => {
    expect(chooseScoresSheet(sheets('Portfolio'), undefined, marked([]))).toEqual({
      name: 'PMO Scores',
      existing: undefined,
    });
    const all = sheets('Portfolio', 'PMO Scores');
    expect(chooseScoresSheet(all, 'pmo scores', marked(['PMO Scores']))).toEqual({
      name: 'PMO Scores',
      existing: { name: 'PMO Scores' },
    });
  });

  it('never chooses a user’s sheet of that name, or the scores sheet of another table', () => {
    // A user's own "PMO Scores" (no marker), recorded or not: the next name is used.
    const user = sheets('PMO Scores');
    expect(chooseScoresSheet(user, 'PMO Scores', marked([])).name).toBe('PMO Scores (2)');
    // Another table's scores sheet (marked, recorded for that table): this table gets its own.
    const other = sheets('PMO Scores', 'PMO Scores (2)');
    expect(chooseScoresSheet(other, undefined, marked(['PMO Scores'])).name).toBe('PMO Scores (3)');
    expect(
      chooseScoresSheet(other, 'PMO Scores (2)', marked(['PMO Scores', 'PMO Scores (2)'])).existing,
    ).toEqual({
      name: 'PMO Scores (2)',
    });
  });
});

describe('discovery', () => {
  it('does not read the scores sheet as the user’s data', () => {
    const rows = rowsOf(planScoresSheet(request).plan);
    const sheet = {
      name: 'PMO Scores',
      firstRow: 1,
      tables: [],
      rows: [1, 2, 3, 4, 5].map((row) => (rows.get(row) ?? []).map((cell) => cell as string | number | null)),
    };
    expect(isAddinSheet(sheet)).toBe(true);
    expect(isAddinSheet({ ...sheet, rows: sheet.rows.slice(3) })).toBe(false);
  });

  it('finds no initiatives table on the scores sheet, and finds the same rows without its marker', () => {
    const all = rowsOf(planScoresSheet(request).plan);
    const rows = [1, 2, 3, 4, 5, 6, 7, 8].map((row) => (all.get(row) ?? []).map((cell) => cell as Cell));
    const sheet = { name: 'PMO Scores', firstRow: 1, tables: [], rows };
    expect(findTables([sheet]).tables.initiatives).toBeUndefined();
    const copied = { ...sheet, name: 'Ranked', rows: [[], [], [], ...rows.slice(3)] };
    expect(findTables([copied]).tables.initiatives?.sheet).toBe('Ranked');
  });
});
