// "Why this rank" (issue 16 item 5): each criterion's part of an initiative's weighted score, weight × rating as it
// counts ÷ total weight, adds up to the score SCORE returns, on a worked example and on random tables.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke, UTC_DATES } from '../../core/functions/invoke';
import { SCORE } from '../../core/functions/prioritization-functions';
import type { CellValue } from '../../core/initiatives/sheet-table';
import { computeRanking } from '../../core/prioritization/ranking';
import type { CombineMethod, Criterion, RankingSettings } from '../../core/prioritization/ranking-settings';
import { DEFAULT_SETTINGS } from '../../panel/settings';
import { sheetTable } from '../helpers';

/** The panel's defaults: a weighted score of the ticked criteria, no budget. */
const SETTINGS: RankingSettings = { ...DEFAULT_SETTINGS, nameColumn: 'Initiative' };

describe('the parts of a weighted score', () => {
  it('splits a worked example: Value 8 at weight 3, Risk 2 (less is better) at weight 1', () => {
    // Risk ranges 2–6 over the rows, so a Risk of 2 counts as 6 + 2 − 2 = 6: (3 × 8 + 1 × 6) ÷ 4 = 7.5.
    const table = sheetTable(
      ['Initiative', 'Value', 'Risk'],
      [
        ['Apollo', 8, 2],
        ['Borealis', 5, 6],
      ],
    );
    const criteria: Criterion[] = [
      { header: 'Value', direction: 'max', weight: 3 },
      { header: 'Risk', direction: 'min', weight: 1 },
    ];
    const ranking = computeRanking(table, { ...SETTINGS, criteria }, []);
    if (ranking.kind !== 'ranking') throw new Error(ranking.message);
    expect(ranking.rows[0]?.score).toBe(7.5);
    expect(ranking.parts?.rows[0]).toEqual([
      { header: 'Value', rating: 8, direction: 'max', weight: 3, share: 0.75, term: 8, contribution: 6 },
      { header: 'Risk', rating: 2, direction: 'min', weight: 1, share: 0.25, term: 6, contribution: 1.5 },
    ]);
  });

  it('adds up to the score SCORE returns for every scored row, whatever the ratings, weights and directions', () => {
    const rating = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: -50, max: 100 }) },
      { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, 'TBD', '60%', ' 7 ') },
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(rating, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.constantFrom<'max' | 'min'>('max', 'min'), { minLength: 3, maxLength: 3 }),
        fc.constantFrom<CombineMethod>('weighted', 'sum', 'minmax'),
        (ratings, weights, directions, combine) => {
          fc.pre(weights.some((weight) => weight > 0));
          const headers = ['Initiative', 'A', 'B', 'C'];
          const table = sheetTable(
            headers,
            ratings.map((row, r) => [`I-${r}`, ...row]),
          );
          const criteria = ['A', 'B', 'C'].map((header, c) => ({
            header,
            direction: directions[c] ?? 'max',
            weight: weights[c] ?? 0,
          }));
          const ranking = computeRanking(table, { ...SETTINGS, combine, criteria }, []);
          if (ranking.kind !== 'ranking') return;
          const score = invoke(
            SCORE,
            [[headers.slice(1), ...ratings], [weights], [directions], combine],
            UTC_DATES,
          );
          if (!Array.isArray(score)) throw new Error(score.message);
          for (const row of ranking.rows) {
            const parts = ranking.parts?.rows[row.index];
            expect(row.score === undefined).toBe(parts === undefined);
            if (row.score === undefined || !parts) continue;
            expect(row.score).toBe(score[row.index + 1]?.[0]);
            const sum = parts.reduce((total, part) => total + part.contribution, 0);
            expect(sum).toBeCloseTo(row.score, 9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives WSJF’s inputs of each scored row, whose (value + time + risk) ÷ size is the score', () => {
    const table = sheetTable(
      ['Initiative', 'BV', 'TC', 'RR/OE', 'Job size'],
      [
        ['Apollo', 8, 5, 3, 5],
        ['Borealis', '13', 8, 5, '8'],
        ['Cygnus', 5, 3, 2, 0],
      ],
    );
    const ranking = computeRanking(
      table,
      { ...SETTINGS, method: 'wsjf', wsjf: ['BV', 'TC', 'RR/OE', 'Job size'] },
      [],
    );
    if (ranking.kind !== 'ranking') throw new Error(ranking.message);
    expect(ranking.inputs?.[0]).toEqual([
      { name: 'Business value', value: 8 },
      { name: 'Time criticality', value: 5 },
      { name: 'RR/OE', value: 3 },
      { name: 'Job size', value: 5 },
    ]);
    // A job size of 0 has no score, so no inputs to explain it.
    expect(ranking.inputs?.[2]).toBeUndefined();
    for (const row of ranking.rows) {
      const inputs = ranking.inputs?.[row.index];
      if (row.score === undefined || !inputs) continue;
      const [value, time, risk, size] = inputs.map((input) => input.value);
      expect(((value ?? 0) + (time ?? 0) + (risk ?? 0)) / (size ?? 1)).toBe(row.score);
    }
  });

  it('gives RICE’s inputs as RICE read them (Intercom’s words and percentages), whose product ÷ effort is the score', () => {
    // Intercom's three projects: 450 × massive (3) × 100% ÷ 2 = 675; 2000 × medium (1) × 80% ÷ 4 = 400;
    // 800 × high (2) × low (50%) ÷ 1 = 800.
    const table = sheetTable(
      ['Initiative', 'Reach', 'Impact', 'Confidence', 'Effort'],
      [
        ['Apollo', 450, 'massive', '100%', 2],
        ['Borealis', '2,000', 'medium', '80%', 4],
        ['Cygnus', 800, 'high', 'low', 1],
        ['Dorado', 100, 'high', 'low', 0],
      ],
    );
    const ranking = computeRanking(
      table,
      { ...SETTINGS, method: 'rice', rice: ['Reach', 'Impact', 'Confidence', 'Effort'] },
      [],
    );
    if (ranking.kind !== 'ranking') throw new Error(ranking.message);
    expect(ranking.rows.map((row) => row.score)).toEqual([675, 400, 800, undefined]);
    expect(ranking.inputs?.[1]).toEqual([
      { name: 'Reach', value: 2000 },
      { name: 'Impact', value: 1 },
      { name: 'Confidence', value: 0.8 },
      { name: 'Effort', value: 4 },
    ]);
    expect(ranking.inputs?.[2]?.map((input) => input.value)).toEqual([800, 2, 0.5, 1]);
    // An effort of 0 has no score, so no inputs to explain it.
    expect(ranking.inputs?.[3]).toBeUndefined();
    for (const row of ranking.rows) {
      const inputs = ranking.inputs?.[row.index];
      if (row.score === undefined || !inputs) continue;
      const [reach, impact, confidence, effort] = inputs.map((input) => input.value);
      expect(((reach ?? 0) * (impact ?? 0) * (confidence ?? 0)) / (effort ?? 1)).toBeCloseTo(row.score, 12);
    }
  });
});
