// The panel's ranking in core: budget parsing, total rows, and the ranking's invariants.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SheetTable } from '../../../core/initiatives/sheet-table';
import { computeRanking } from '../../../core/prioritization/ranking';
import { parseBudget } from '../../../core/prioritization/ranking-selection';
import type { RankingSettings } from '../../../core/prioritization/ranking-settings';

const SETTINGS: RankingSettings = {
  method: 'weighted',
  combine: 'weighted',
  nameColumn: 'Initiative',
  costColumn: 'Cost',
  criteria: [
    { header: 'Value', direction: 'max', weight: 2 },
    { header: 'Risk', direction: 'min', weight: 1 },
  ],
  judgements: [],
  wsjf: ['', '', '', ''],
  rice: ['', '', '', ''],
  budget: '',
  must: [],
};

const tableOf = (rows: (string | number | null)[][]): SheetTable => ({
  kind: 'table',
  sheet: 'Plan',
  foundBy: 'selection',
  tableName: '',
  tableRange: `A1:D${rows.length + 1}`,
  headerRow: 1,
  firstRow: 2,
  firstColumn: 0,
  headers: ['Initiative', 'Value', 'Risk', 'Cost'],
  rows,
});

describe('parseBudget', () => {
  it('reads money text, treats blank as no budget and rejects text and negative amounts', () => {
    expect(parseBudget('  ')).toBeUndefined();
    expect(parseBudget('CHF 1.2M')).toBe(1_200_000);
    expect(parseBudget('1,200,000')).toBe(1_200_000);
    expect(parseBudget('lots')).toMatchObject({
      kind: 'error',
      message: 'The budget "lots" is not a number.',
    });
    expect(parseBudget('-5')).toMatchObject({ kind: 'error', message: 'The budget must be 0 or more.' });
  });
});

describe('computeRanking', () => {
  it('leaves a total row out of the scores and reports it', () => {
    const result = computeRanking(
      tableOf([
        ['Apollo', 8, 2, 100],
        ['Borealis', 5, 1, 50],
        ['Grand total', 13, 3, 150],
      ]),
      SETTINGS,
      [],
    );
    if (result.kind !== 'ranking') throw new Error(result.message);
    expect(result.rows.map((row) => row.name)).toEqual(['Apollo', 'Borealis']);
    expect(result.issues).toEqual(['Row 4: a total row; not ranked.']);
    expect(result.output[0]?.values[2]).toBe('');
  });

  it('selects within the budget and marks the rows, with the greedy waterline beside it', () => {
    const result = computeRanking(
      tableOf([
        ['Apollo', 8, 2, 100],
        ['Borealis', 5, 1, 50],
        ['Cygnus', 4, 1, 60],
      ]),
      { ...SETTINGS, budget: '110' },
      [],
    );
    if (result.kind !== 'ranking') throw new Error(result.message);
    expect(result.selection?.exact.cost).toBeLessThanOrEqual(110);
    expect(result.rows.filter((row) => row.selected).map((row) => row.name)).toEqual(['Borealis', 'Cygnus']);
    expect(result.output[2]?.values).toEqual([false, true, true]);
  });

  it('the order is a permutation of the scored rows and does not change when every weight is scaled (by powers of two, so ties stay exact)', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }));
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 12 }),
        fc.constantFrom(0.25, 0.5, 2, 8, 1024),
        (rows, k) => {
          const table = tableOf(rows.map(([value, risk], i) => [`I${i}`, value, risk, 10]));
          const base = computeRanking(table, SETTINGS, []);
          const scaled = computeRanking(
            table,
            { ...SETTINGS, criteria: SETTINGS.criteria.map((c) => ({ ...c, weight: c.weight * k })) },
            [],
          );
          if (base.kind !== 'ranking' || scaled.kind !== 'ranking') return false;
          expect([...base.order].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
          expect(scaled.order).toEqual(base.order);
          return true;
        },
      ),
    );
  });
});
