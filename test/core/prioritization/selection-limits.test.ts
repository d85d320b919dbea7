// The work limits of SELECT and FRONTIER (issue 12): one deterministic budget of steps per call, shared by all of
// FRONTIER's points; the hard instances that took 26–47 s now end within it, each point either proved optimal or
// an error naming the limit (never a guess); the same call gives the same answer and the same step count.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type InstanceKind, portfolio } from '../../../bench/prioritization';
import { isPmoError } from '../../../core/errors';
import {
  DEFAULT_WORK_LIMIT,
  efficientFrontier,
  type FrontierPoint,
  frontierBudgets,
  MAX_INITIATIVES,
  selectPortfolio,
} from '../../../core/prioritization/selection';

/** Each point: proved (with its method) or the work-limit error; and the call's steps stay within the budget. */
function outcomes(points: readonly FrontierPoint[]): string[] {
  return points.map(({ optimum }) => {
    if (!isPmoError(optimum)) return optimum.method;
    expect(optimum.message).toMatch(/work limit of 20,000,000 steps per call/);
    return 'work limit';
  });
}

function lastSteps(points: readonly FrontierPoint[]): number {
  return points[points.length - 1]?.workSteps ?? Number.NaN;
}

/** Steps one node may add past the limit (its decisions and one copy of the best set), for these sizes. */
const OVERSHOOT = 20_000;

describe('FRONTIER within one work budget', () => {
  const cases: [InstanceKind, number][] = [
    ['strongly correlated', 5000],
    ['subset-sum (value = cost)', 2000],
    ['strongly correlated, costs in cents', 5000],
  ];
  for (const [kind, size] of cases)
    it(`ends ${size} ${kind} initiatives × 10 points within the budget, each point proved or naming the limit`, () => {
      const { items } = portfolio(kind, size, 7);
      const points = efficientFrontier(items, 10);
      if (isPmoError(points)) throw new Error(points.message);
      const seen = outcomes(points);
      expect(lastSteps(points)).toBeLessThanOrEqual(DEFAULT_WORK_LIMIT + OVERSHOOT);
      // The cheapest budget is easy and the total cost funds everything: the hard middle cannot starve them.
      expect(seen[0]).not.toBe('work limit');
      expect(seen[9]).not.toBe('work limit');
      const last = points[9]?.optimum;
      expect(last !== undefined && !isPmoError(last) && last.count).toBe(size);
    });

  it('solves all 10 points of 10,000 uncorrelated initiatives exactly, well inside the budget', () => {
    const { items } = portfolio('uncorrelated scores', 10_000, 7);
    const points = efficientFrontier(items, 10);
    if (isPmoError(points)) throw new Error(points.message);
    expect(outcomes(points).every((method) => method !== 'work limit')).toBe(true);
    expect(lastSteps(points)).toBeLessThan(DEFAULT_WORK_LIMIT / 2);
  });

  it('gives the remaining points as errors naming the limit once a small budget is used up', () => {
    const { items } = portfolio('strongly correlated', 300, 3);
    const points = efficientFrontier(items, 10, { workLimit: 20_000 });
    if (isPmoError(points)) throw new Error(points.message);
    const messages = points.flatMap(({ optimum }) => (isPmoError(optimum) ? [optimum.message] : []));
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toMatch(/work limit of 20,000 steps per call/);
    expect(lastSteps(points)).toBeLessThanOrEqual(20_000 + OVERSHOOT);
  });
});

describe('SELECT within the work budget', () => {
  it('says it could not prove the best set within the work limit, rather than guessing', () => {
    const { items, budget } = portfolio('strongly correlated', 5000, 7);
    const result = selectPortfolio({ items, budget }, { workLimit: 20_000 });
    expect(isPmoError(result) && result.message).toMatch(
      /^These 5000 initiatives could not be solved exactly within the work limit of 20,000 steps per call/,
    );
  });

  it('says the range is too large past the initiative limit, before any search', () => {
    const items = Array.from({ length: MAX_INITIATIVES + 1 }, (_, i) => ({ cost: (i % 7) + 1, value: 1 }));
    const result = selectPortfolio({ items, budget: 10 });
    expect(isPmoError(result) && result.message).toBe(
      'The range is too large: 200,001 initiatives, and one call takes at most 200,000; split the list or filter it first.',
    );
    const frontier = efficientFrontier(items, 3);
    expect(isPmoError(frontier) && frontier.message).toMatch(/^The range is too large: 200,001 initiatives/);
  });
});

describe('determinism', () => {
  it('gives the same points and the same step counts when called twice', () => {
    const { items } = portfolio('subset-sum (value = cost)', 400, 5);
    const first = efficientFrontier(items, 6, { workLimit: 3_000_000 });
    const second = efficientFrontier(items, 6, { workLimit: 3_000_000 });
    expect(second).toEqual(first);
    if (isPmoError(first)) throw new Error(first.message);
    expect(first.map((point) => point.workSteps).every((steps) => steps > 0)).toBe(true);
  });

  it('gives the same selection and step count twice, and never reads the clock to decide', () => {
    const { items, budget } = portfolio('weakly correlated NPV', 1000, 9);
    const first = selectPortfolio({ items, budget });
    expect(selectPortfolio({ items, budget })).toEqual(first);
    expect(!isPmoError(first) && first.workSteps).toBeGreaterThan(0);
    const folder = join(import.meta.dirname, '../../../core/prioritization');
    for (const file of ['selection.ts', 'selection-search.ts', 'selection-core.ts', 'selection-work.ts'])
      expect(readFileSync(join(folder, file), 'utf8')).not.toMatch(/Date\.now|performance\.now|new Date/);
  });
});

describe('large lists', () => {
  it('computes the frontier budgets of 150,000 costs without overflowing the stack', () => {
    const costs = Array.from({ length: 150_000 }, (_, i) => (i % 100) + 1);
    const budgets = frontierBudgets(costs, 3);
    expect(budgets).toEqual([1, 1 + (7_575_000 - 1) / 2, 7_575_000]);
  });

  it('funds every initiative at the last budget, even when a running sum of cents falls short of the total', () => {
    const { items } = portfolio('strongly correlated, costs in cents', 5000, 7);
    const total = items.reduce((sum, item) => sum + item.cost, 0);
    const result = selectPortfolio({
      items,
      budget:
        frontierBudgets(
          items.map((item) => item.cost),
          10,
        )[9] ?? 0,
    });
    expect(!isPmoError(result) && result.count).toBe(5000);
    expect(total).not.toBe(
      frontierBudgets(
        items.map((item) => item.cost),
        2,
      )[1],
    );
  });
});
