// The scoring panel reads a matrix's own weights and directions (issue 14 item 4): detectInitiativesTable keeps them
// keyed by header, names blank criteria headers from the row above, and starts the initiatives below a weights or
// direction row under the header; the write plan then leaves those rows alone.

import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../core/cells';
import {
  type CellValue,
  detectInitiativesTable,
  type SheetTable,
  tableFingerprint,
} from '../../../core/initiatives/sheet-table';
import { planWrite } from '../../../core/initiatives/write-plan';
import { SHAPES } from '../../../examples/make-shapes';

/** A shape's first sheet as the hosts hand it over (dates as serials). */
function blockOf(name: string) {
  const sheet = SHAPES[name]?.[0];
  if (!sheet) throw new Error(`no shape ${name}`);
  const values = sheet.rows.map((row) =>
    row.map((cell: Cell): CellValue => (cell instanceof Date || typeof cell === 'object' ? null : cell)),
  );
  return { name: sheet.name, block: { values, firstRow: sheet.firstRow, firstColumn: 0 } };
}

function detect(name: string, foundBy: 'used range' | 'selection' = 'used range'): SheetTable {
  const { name: sheet, block } = blockOf(name);
  const found = detectInitiativesTable(sheet, block, [], foundBy);
  if (found.kind !== 'table') throw new Error(found.message);
  return found;
}

describe('detectInitiativesTable reads a matrix’s own settings', () => {
  it('widens a header blank over its criteria to the weights row above, naming them from the criteria row', () => {
    const table = detect('weightedMatrix');
    expect(table.tableRange).toBe('B7:G10');
    expect(table.headers).toEqual(['Projects', 'ROI', 'Duration', 'Cost', 'Difficulty', 'Score']);
    expect(table.rows.map((row) => row[0])).toEqual(['Intranet', 'CRM', 'Data lake']);
    expect(table.matrix).toEqual({
      criteria: [
        // No direction row: the directions that give the matrix's own Score column (all higher-is-better).
        { header: 'ROI', weight: 8, direction: 'max' },
        { header: 'Duration', weight: 5, direction: 'max' },
        { header: 'Cost', weight: 6, direction: 'max' },
        { header: 'Difficulty', weight: 4, direction: 'max' },
      ],
      rows: [{ row: 5, label: 'Weighting (1-10):' }],
      named: [1, 2, 3, 4],
      scored: true,
    });
  });

  it('takes a weights row and a direction row under the header as settings and starts the initiatives below', () => {
    const table = detect('weightsUnderHeader');
    expect(table.headerRow).toBe(1);
    expect(table.firstRow).toBe(4);
    expect(table.rows.map((row) => row[0])).toEqual(['Portal', 'ERP', 'Chatbot']);
    expect(table.matrix?.criteria).toEqual([
      { header: 'Strategic fit', weight: 3, direction: 'max' },
      { header: 'Revenue', weight: 2, direction: 'max' },
      { header: 'Effort', weight: 1, direction: 'min' },
    ]);
    expect(table.matrix?.rows).toEqual([
      { row: 2, label: 'Weight' },
      { row: 3, label: 'Direction' },
    ]);
    expect(table.matrix?.named).toEqual([]);
  });

  it('reads the same settings from a selection of the table (header first)', () => {
    const table = detect('weightsUnderHeader', 'selection');
    expect(table.firstRow).toBe(4);
    expect(table.matrix?.criteria.map((criterion) => criterion.weight)).toEqual([3, 2, 1]);
  });

  it('keeps a table without settings rows as it was, an initiative named like a goal included', () => {
    const values: CellValue[][] = [
      ['Initiative', 'Value', 'Effort'],
      ['Goal tracker', 5, 3],
      ['Portal', 4, 2],
    ];
    const found = detectInitiativesTable('S', { values, firstRow: 1, firstColumn: 0 }, [], 'used range');
    expect(found).toMatchObject({ kind: 'table', firstRow: 2, rows: values.slice(1) });
    expect(found).not.toHaveProperty('matrix');
  });
});

describe('planWrite leaves a matrix’s settings rows alone', () => {
  it('writes the header and the initiatives’ rows, not the weights and direction rows between them', () => {
    const table = detect('weightsUnderHeader');
    const { block } = blockOf('weightsUnderHeader');
    const plan = planWrite(
      {
        sheet: 'Scoring',
        headerRow: table.headerRow,
        firstRow: table.firstRow,
        lastRow: table.firstRow + table.rows.length - 1,
        firstColumn: 0,
        lastColumn: 3,
        headers: [...table.headers],
        fingerprint: tableFingerprint(table.rows, 4),
        columns: [{ header: 'Score', values: [22, 26, 13], numberFormat: '0.00' }],
        owned: [],
        onConflict: 'ask',
      },
      block,
    );
    expect(plan).toEqual({
      kind: 'plan',
      columns: [
        { column: 4, header: 'Score', values: ['Score', 22, 26, 13], formats: ['@', '0.00', '0.00', '0.00'] },
      ],
      runs: [
        { first: 1, count: 1 },
        { first: 4, count: 3 },
      ],
    });
  });

  it('stops when the initiatives’ rows changed, and counts their values from firstRow', () => {
    const table = detect('weightsUnderHeader');
    const { block } = blockOf('weightsUnderHeader');
    const request = {
      sheet: 'Scoring',
      headerRow: 1,
      firstRow: 4,
      lastRow: 6,
      firstColumn: 0,
      lastColumn: 3,
      headers: [...table.headers],
      fingerprint: tableFingerprint(table.rows, 4),
      columns: [{ header: 'Score', values: [1, 2, 3], numberFormat: '0.00' }],
      owned: [],
      onConflict: 'ask' as const,
    };
    const edited = { ...block, values: block.values.map((row, r) => (r === 4 ? ['ERP', 9, 9, 9] : row)) };
    expect(planWrite(request, edited)).toMatchObject({ kind: 'stale' });
    expect(planWrite({ ...request, firstRow: 2 }, block)).toMatchObject({ kind: 'error' });
  });
});
