// The panel's weight sensitivity (issue 16.6) end to end: the ranges rankingSensitivity reports for a table, checked
// by ranking the table again (computeRanking: SCORE and SELECT, as the panel does) with the weight just inside and
// just outside each bound: inside, the top initiative and the funded set are those of the weights as set; outside,
// what the panel says changes has changed. On a worked example and on random small tables with a budget.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetTable } from '../../core/initiatives/sheet-table';
import { computeRanking } from '../../core/prioritization/ranking';
import { rankingSensitivity } from '../../core/prioritization/ranking-sensitivity';
import type { Criterion, RankingSettings } from '../../core/prioritization/ranking-settings';
import type { Ranking } from '../../core/prioritization/ranking-types';
import { DEFAULT_SETTINGS } from '../../panel/settings';
import { sheetTable } from '../helpers';

const HEADERS = ['Initiative', 'Cost', 'Value', 'Reach', 'Risk'];
const tableOf = (rows: CellValue[][]) => sheetTable(HEADERS, rows);

const SETTINGS: RankingSettings = { ...DEFAULT_SETTINGS, nameColumn: 'Initiative', costColumn: 'Cost' };

function rank(table: SheetTable, settings: RankingSettings): Ranking {
  const ranking = computeRanking(table, settings, []);
  if (ranking.kind !== 'ranking') throw new Error(ranking.message);
  return ranking;
}

/** The top initiative's name and the funded names of a ranking: what the sensitivity promises to keep. */
function outcome(ranking: Ranking): { top: string; funded: string[] } {
  const top = ranking.rows[ranking.order[0] ?? -1]?.name ?? '';
  const funded = ranking.rows.filter((row) => row.selected).map((row) => row.name);
  return { top, funded };
}

const withWeight = (settings: RankingSettings, header: string, weight: number): RankingSettings => ({
  ...settings,
  criteria: settings.criteria.map((criterion) =>
    criterion.header === header ? { ...criterion, weight } : criterion,
  ),
});

/** Checks every reported bound of `settings` by ranking again just inside and just outside it. */
function checkBounds(table: SheetTable, settings: RankingSettings): void {
  const ranking = rank(table, settings);
  const base = outcome(ranking);
  const found = rankingSensitivity(table, settings, [], ranking);
  expect(found).toBeDefined();
  if (!found) return;
  expect(found.top).toBe(base.top);
  for (const item of found.criteria) {
    const range = item.range;
    if (!range) continue;
    const at = (weight: number) => outcome(rank(table, withWeight(settings, item.header, weight)));
    // Inside: a little within each bound, the outcome as set (the bisection's tolerance is 1e-6 in share).
    const inside = [range.low + (range.weight - range.low) * 0.01, range.weight];
    if (range.high !== undefined) inside.push(range.high - (range.high - range.weight) * 0.01);
    else inside.push(range.weight * 10 + 100);
    for (const weight of inside) expect(at(weight), `${item.header} at ${weight}`).toEqual(base);
    // Outside: a little past each finite bound, what the panel says changes has changed.
    const step = (w: number) => Math.max(1e-3, w * 1e-3);
    if (range.low > 0 && range.below) {
      const past = at(Math.max(0, range.low - step(range.low)));
      expect(past, `${item.header} below ${range.low}`).not.toEqual(base);
      if (range.below.top !== undefined) expect(past.top).not.toBe(base.top);
    }
    if (range.high !== undefined && range.above) {
      const past = at(range.high + step(range.high));
      expect(past, `${item.header} above ${range.high}`).not.toEqual(base);
    }
  }
}

describe('the weight sensitivity the panel shows', () => {
  // Value (weight 3) and Risk (less is better, weight 1). Apollo leads on Value, Borealis on Risk.
  const table = tableOf([
    ['Apollo', 500, 9, 0, 8],
    ['Borealis', 300, 6, 0, 2],
    ['Cygnus', 300, 4, 0, 3],
  ]);
  const criteria: Criterion[] = [
    { header: 'Value', direction: 'max', weight: 3 },
    { header: 'Risk', direction: 'min', weight: 1 },
  ];

  it('finds where the top changes on a worked example, in words', () => {
    // Risk counts as 8 + 2 − x: Apollo 2, Borealis 8, Cygnus 7. Scores at Value share v: Apollo 9v + 2(1 − v),
    // Borealis 6v + 8(1 − v): Apollo stays on top while 7v + 2 ≥ 8 − 2v, i.e. v ≥ 2/3: Value's weight ≥ 2 (Risk at 1).
    const settings = { ...SETTINGS, criteria };
    const found = rankingSensitivity(table, settings, [], rank(table, settings));
    const value = found?.criteria[0];
    expect(found?.top).toBe('Apollo');
    expect(found?.funded).toBe(false);
    expect(value?.range?.low).toBeCloseTo(2, 4);
    expect(value?.range?.high).toBeUndefined();
    expect(value?.below).toBe('Borealis takes the top');
    // Risk can rise to 1.5 (Value at 3): share 1/3.
    expect(found?.criteria[1]?.range?.high).toBeCloseTo(1.5, 4);
    expect(found?.criteria[1]?.above).toBe('Borealis takes the top');
    checkBounds(table, settings);
  });

  it('includes the funded set when there is a budget, and checks it by ranking again', () => {
    checkBounds(table, { ...SETTINGS, criteria, budget: '800' });
    const settings = { ...SETTINGS, criteria, budget: '800' };
    const found = rankingSensitivity(table, settings, [], rank(table, settings));
    expect(found?.funded).toBe(true);
    expect(found?.note).toBeUndefined();
  });

  it('says nothing for the other methods (AHP derives its weights from the judgements)', () => {
    const ahp = { ...SETTINGS, method: 'ahp' as const, criteria };
    expect(rankingSensitivity(table, ahp, [], rank(table, ahp))).toBeUndefined();
  });

  it('keeps its promise on random small portfolios with a budget', () => {
    const row = fc.tuple(
      fc.integer({ min: 1, max: 9 }).map((cost) => cost * 100),
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 0, max: 10 }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.constantFrom<'max' | 'min'>('max', 'min'), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 20 }).map((budget) => String(budget * 100)),
        (rows, weights, directions, budget) => {
          const table = tableOf(rows.map((cells, i) => [`I-${i + 1}`, ...cells]));
          const criteria = ['Value', 'Reach', 'Risk'].map((header, c) => ({
            header,
            direction: directions[c] ?? 'max',
            weight: weights[c] ?? 1,
          }));
          checkBounds(table, { ...SETTINGS, criteria, budget });
        },
      ),
      { numRuns: 60 },
    );
  });
});
