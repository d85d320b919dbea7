// The one rule for an initiatives table, shared by the dashboard, the panel and both hosts' table reading.

import { describe, expect, it } from 'vitest';
import { rankInitiatives } from '../../../core/dashboard/initiatives';
import { detectInitiativesTable } from '../../../core/initiatives/sheet-table';
import {
  initiativeColumnsOf,
  initiativesHeaderIndex,
  isInitiativesName,
  isTotalLabel,
} from '../../../core/initiatives/table';
import { SHEET_NAMES } from '../../../core/workbook';

describe('the initiatives table rule', () => {
  it('isInitiativesName accepts the four names with a tbl/Table prefix, any case and punctuation', () => {
    expect(['Initiatives', 'tblProjects', 'Table_Portfolio', ' backlog '].map(isInitiativesName)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['Resources', 'Projects 2025', 'tbl'].map(isInitiativesName)).toEqual([false, false, false]);
  });

  it('the workbook finder uses the same names for initiatives sheets', () => {
    expect(SHEET_NAMES.initiatives.every(isInitiativesName)).toBe(true);
  });

  it('initiativeColumnsOf maps the headers it knows to their positions and ignores blanks and numbers', () => {
    const found = initiativeColumnsOf(['Project Name', '', 42, 'Cost (CHF)', 'Owner', 'WSJF Job Size']);
    expect(Object.fromEntries(found)).toEqual({ name: 0, cost: 3 });
  });

  it('initiativesHeaderIndex takes the row matching the most columns among the first ten, under a title', () => {
    const grid = [
      ['Portfolio 2026'],
      [null],
      ['Name', 'Cost'],
      ['ID', 'Name', 'Cost'],
      ['A-1', 'Apollo', 10],
    ];
    expect(initiativesHeaderIndex(grid)).toBe(3);
    expect(
      initiativesHeaderIndex([
        [null, null],
        ['Owner', 'Notes'],
        ['x', 'y'],
      ]),
    ).toBe(1);
    expect(initiativesHeaderIndex([[null], [null]])).toBe(-1);
  });

  it('isTotalLabel recognises total rows however they are written', () => {
    expect(['Total', 'GRAND TOTAL', 'Sub-total', 'Portfolio total ', 'sum'].every(isTotalLabel)).toBe(true);
    expect(['Totally new', 'Apollo', null, 3].some(isTotalLabel)).toBe(false);
  });

  it('the panel and the dashboard find the same header row in the same cells', () => {
    const values = [
      ['Q3 portfolio', null, null],
      ['ID', 'Initiative', 'Score'],
      ['A', 'Apollo', 3],
    ];
    const panel = detectInitiativesTable('Sheet1', { values, firstRow: 1, firstColumn: 0 }, [], 'selection');
    const dashboard = rankInitiatives(values, 1, undefined);
    expect(panel.kind === 'table' ? panel.headerRow : undefined).toBe(2);
    expect(dashboard?.ranked.map((row) => row.row)).toEqual([3]);
  });

  it('the dashboard leaves a total row out of the ranking and reports it, as the panel does', () => {
    const grid = [
      ['Initiative', 'Score'],
      ['Apollo', 3],
      ['Borealis', 5],
      ['Total', 8],
    ];
    const ranking = rankInitiatives(grid, 1, undefined);
    expect(ranking?.ranked.map((row) => row.name)).toEqual(['Borealis', 'Apollo']);
    expect(ranking?.count).toBe(2);
    expect(ranking?.issues).toEqual([
      {
        table: 'Initiatives',
        row: 4,
        column: 'Initiative',
        value: 'Total',
        problem: 'a total row: not ranked',
      },
    ]);
  });
});
