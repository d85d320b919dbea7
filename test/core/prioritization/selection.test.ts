// Exact portfolio selection: published knapsack optima, the tie rule, must/groups/requires, the node limit,
// the core solver, the frontier and the greedy waterline; and equality with brute force on random cases.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPmoError, type PmoError } from '../../../core/errors';
import {
  efficientFrontier,
  frontierBudgets,
  type PortfolioSelection,
  type SelectionItem,
  type SelectionOptions,
  type SelectionProblem,
  selectPortfolio,
} from '../../../core/prioritization/selection';
import { greedyWaterline } from '../../../core/prioritization/waterline';

function select(problem: SelectionProblem, options: SelectionOptions = {}): PortfolioSelection {
  const result = selectPortfolio(problem, options);
  if (isPmoError(result)) throw new Error(result.message);
  return result;
}

const bits = (selection: PortfolioSelection) => selection.selected.map((chosen) => (chosen ? 1 : 0)).join('');
const plain = (costs: number[], values: number[]): SelectionItem[] =>
  costs.map((cost, i) => ({ cost, value: values[i] ?? 0 }));
const errorOf = (result: PortfolioSelection | PmoError): string =>
  isPmoError(result) ? result.message : `no error: ${bits(result)}`;

// John Burkardt's KNAPSACK_01 data set (Florida State University), problems P01, P07 and P08, with their
// published optimal selections; P07 is the 15-item instance of Kreher & Stinson, Combinatorial Algorithms
// (CRC 1999), Table 5.2.
describe('published knapsack instances', () => {
  it('solves P01 (10 items, capacity 165) to its optimum 309 with items 1–4 and 6', () => {
    const result = select({
      items: plain([23, 31, 29, 44, 53, 38, 63, 85, 89, 82], [92, 57, 49, 68, 60, 43, 67, 84, 87, 72]),
      budget: 165,
    });
    expect([result.value, result.cost, bits(result)]).toEqual([309, 165, '1111010000']);
  });

  it('solves P07 (15 items, capacity 750) to its proven optimum 1458 at weight 749', () => {
    const result = select({
      items: plain(
        [70, 73, 77, 80, 82, 87, 90, 94, 98, 106, 110, 113, 115, 118, 120],
        [135, 139, 149, 150, 156, 163, 173, 184, 192, 201, 210, 214, 221, 229, 240],
      ),
      budget: 750,
    });
    expect([result.value, result.cost, bits(result)]).toEqual([1458, 749, '101010111000011']);
  });

  it('solves P08 (24 items with money-sized weights, capacity 6,404,180) to its optimum 13,549,094', () => {
    const weights = [
      382745, 799601, 909247, 729069, 467902, 44328, 34610, 698150, 823460, 903959, 853665, 551830, 610856,
      670702, 488960, 951111, 323046, 446298, 931161, 31385, 496951, 264724, 224916, 169684,
    ];
    const profits = [
      825594, 1677009, 1676628, 1523970, 943972, 97426, 69666, 1296457, 1679693, 1902996, 1844992, 1049289,
      1252836, 1319836, 953277, 2067538, 675367, 853655, 1826027, 65731, 901489, 577243, 466257, 369261,
    ];
    const result = select({ items: plain(weights, profits), budget: 6404180 });
    expect([result.value, result.cost, bits(result)]).toEqual([
      13549094,
      6402560,
      '110111000110100100000111',
    ]);
  });
});

describe('selectPortfolio', () => {
  it('beats the greedy value ÷ cost ranking where greedy stops at the first item that does not fit', () => {
    const problem = { items: plain([6, 5, 1], [12, 9, 1]), budget: 10 };
    const greedy = greedyWaterline(problem) as PortfolioSelection;
    expect([bits(greedy), greedy.value]).toEqual(['100', 12]);
    const exact = select(problem);
    expect([bits(exact), exact.value]).toEqual(['101', 13]);
  });

  it('breaks a tie in value by the lower total cost', () => {
    expect(bits(select({ items: plain([5, 4], [10, 10]), budget: 5 }))).toBe('01');
  });

  it('breaks a tie in value and cost by the earlier rows (the set selecting the first row where they differ)', () => {
    expect(bits(select({ items: plain([3, 2, 5], [6, 4, 10]), budget: 5 }))).toBe('110');
    expect(bits(select({ items: plain([4, 4, 4], [7, 7, 7]), budget: 8 }))).toBe('110');
    expect(bits(select({ items: plain([5, 3, 2], [10, 6, 4]), budget: 5 }))).toBe('100');
  });

  it('adds decimal money exactly, so 0.10 + 0.20 fits a budget of 0.30', () => {
    expect(bits(select({ items: plain([0.1, 0.2], [1, 1]), budget: 0.3 }))).toBe('11');
  });

  it('never picks an item with value ≤ 0 for itself, but takes one a selected item requires', () => {
    expect(bits(select({ items: plain([0, 0, 1], [0, -2, 5]), budget: 10 }))).toBe('001');
    const items: SelectionItem[] = [
      { cost: 1, value: -2 },
      { cost: 2, value: 10, requires: [0] },
    ];
    expect(bits(select({ items, budget: 3 }))).toBe('11');
    expect(bits(select({ items, budget: 2 }))).toBe('00');
  });

  it('forces must items in with what they require, and keeps at most one item per group (labels trimmed, any case)', () => {
    const items: SelectionItem[] = [
      { cost: 5, value: 1, must: true, requires: [2] },
      { cost: 1, value: 50, group: 'Platform' },
      { cost: 1, value: 1, group: ' platform ' },
      { cost: 1, value: 40 },
    ];
    expect(bits(select({ items, budget: 8 }))).toBe('1011');
  });

  it('says when must items exceed the budget, with the figures', () => {
    const items: SelectionItem[] = [
      { cost: 1_200_000, value: 3, must: true },
      { cost: 450_000, value: 2 },
      { cost: 300_000, value: 1, must: true, requires: [1] },
    ];
    expect(errorOf(selectPortfolio({ items, budget: 1_500_000 }))).toBe(
      'The must-fund initiatives (1 and 3, with what they require) cost 1,950,000, more than the budget of 1,500,000.',
    );
  });

  it('says when two must items, or a must item’s requirement, share a group', () => {
    expect(
      errorOf(
        selectPortfolio({
          items: [
            { cost: 1, value: 1, must: true, group: 'CRM' },
            { cost: 1, value: 1, must: true, group: 'crm' },
          ],
          budget: 10,
        }),
      ),
    ).toBe(
      'Must-fund initiative 1 and must-fund initiative 2 are both in group "CRM", which allows at most one.',
    );
    expect(
      errorOf(
        selectPortfolio({
          items: [
            { cost: 1, value: 1, must: true, group: 'CRM' },
            { cost: 1, value: 1, group: 'CRM' },
            { cost: 1, value: 1, must: true, requires: [1] },
          ],
          budget: 10,
        }),
      ),
    ).toBe(
      'Must-fund initiative 1 and initiative 2 (required by must-fund initiative 3) are both in group "CRM", which allows at most one.',
    );
  });

  it('names items by the list positions it is given', () => {
    const result = selectPortfolio({ items: [{ cost: -1, value: 1 }], budget: 1 }, { positions: [4] });
    expect(errorOf(result)).toBe(
      'Initiative 4 has cost -1; costs must be ≥ 0 (enter a saving as value, not as a negative cost).',
    );
  });

  it('rejects a negative budget and requirements outside the list', () => {
    expect(errorOf(selectPortfolio({ items: plain([1], [1]), budget: -5 }))).toBe(
      'The budget is -5; it must be a number ≥ 0.',
    );
    expect(errorOf(selectPortfolio({ items: [{ cost: 1, value: 1, requires: [3] }], budget: 5 }))).toBe(
      'Initiative 1 requires initiative 4, but the list has 1 initiatives.',
    );
  });

  it('stops with a clear error, never a heuristic answer, when the search passes its node limit', () => {
    // Subset-sum costs with cents: value = cost, so only an exact fill is optimal; no decimal grid helps.
    const costs = Array.from({ length: 60 }, (_, i) => 10_000 + ((i * 7919) % 9973) + (i * 37) / 100);
    const total = costs.reduce((sum, cost) => sum + cost, 0);
    const result = selectPortfolio(
      { items: plain(costs, costs), budget: Math.round(total * 0.4) + 0.33 },
      { nodeLimit: 10_000, strategy: 'branch-and-bound' },
    );
    expect(errorOf(result)).toBe(
      'These 60 initiatives could not be solved exactly within 10,000 search steps (their values per unit of cost are too alike to prove the best set quickly); fix some with must, split the list, or round values and costs.',
    );
  });

  it('solves strongly correlated money instances (value = cost + constant) exactly by the core solver', () => {
    const costs = Array.from({ length: 200 }, (_, i) => 50_000 + ((i * 104_729) % 1_950) * 1_000);
    const values = costs.map((cost) => cost + 200_000);
    const budget = Math.round(costs.reduce((sum, cost) => sum + cost, 0) * 0.3);
    const result = select({ items: plain(costs, values), budget });
    expect(result.method).toBe('core');
    expect(result.cost).toBeLessThanOrEqual(budget);
    // The branch and bound alone cannot prove this one: its LP bound is nearly flat.
    const search = selectPortfolio({ items: plain(costs, values), budget }, { strategy: 'branch-and-bound' });
    expect(errorOf(search)).toMatch(/^These 200 initiatives could not be solved exactly/);
  });

  it('leaves costs off any decimal grid, groups and requirements to the branch and bound', () => {
    expect(select({ items: [{ cost: 1 / 3, value: 1 }], budget: 1 }).method).toBe('branch-and-bound');
    const grouped = plain([2, 3, 4], [3, 4, 5]).map((item) => ({ ...item, group: 'A' }));
    expect(select({ items: grouped, budget: 5 }).method).toBe('branch-and-bound');
  });
});

/** The documented rule by brute force: every admissible set, best by value, then cost, then earlier rows. */
function bruteForce(problem: SelectionProblem): number[] | undefined {
  const { items, budget } = problem;
  const n = items.length;
  // Values tie within 1e-11 of Σ|value| (the documented rule; decimal values here are whole steps apart).
  const valueSlack = 1e-11 * items.reduce((sum, item) => sum + Math.abs(item.value), 0);
  const sameValue = (a: number, b: number) => Math.abs(a - b) <= valueSlack;
  const sameCost = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, budget);
  let best: { flags: number[]; value: number; cost: number } | undefined;
  for (let mask = 0; mask < 1 << n; mask++) {
    const flags = items.map((_, i) => (mask >> i) & 1);
    let value = 0;
    let cost = 0;
    let feasible = true;
    const groups = new Set<string>();
    items.forEach((item, i) => {
      if (!flags[i]) {
        if (item.must) feasible = false;
        return;
      }
      value += item.value;
      cost += item.cost;
      for (const required of item.requires ?? []) if (!flags[required]) feasible = false;
      const group = (item.group ?? '').trim().toLowerCase();
      if (group !== '') {
        if (groups.has(group)) feasible = false;
        groups.add(group);
      }
    });
    if (!feasible || cost > budget + 1e-9 * Math.max(1, budget)) continue;
    const justified = flags.map(
      (flag, i) => flag === 1 && ((items[i]?.must ?? false) || (items[i]?.value ?? 0) > 0),
    );
    const stack = justified.flatMap((flag, i) => (flag ? [i] : []));
    while (stack.length > 0) {
      for (const required of items[stack.pop() as number]?.requires ?? [])
        if (!justified[required]) {
          justified[required] = true;
          stack.push(required);
        }
    }
    if (flags.some((flag, i) => flag === 1 && !justified[i])) continue;
    const earlier = () => {
      const first = flags.findIndex((flag, i) => flag !== best?.flags[i]);
      return first >= 0 && flags[first] === 1;
    };
    if (
      !best ||
      (value > best.value && !sameValue(value, best.value)) ||
      (sameValue(value, best.value) &&
        ((cost < best.cost && !sameCost(cost, best.cost)) || (sameCost(cost, best.cost) && earlier())))
    )
      best = { flags, value, cost };
  }
  return best?.flags;
}

const randomProblem = (maxItems: number, constrained: boolean) =>
  fc.integer({ min: 1, max: maxItems }).chain((n) =>
    fc
      .record({
        items: fc.array(
          fc.record({
            cost: fc.oneof(
              fc.integer({ min: 0, max: 12 }),
              fc.integer({ min: 0, max: 12 }).map((k) => k * 25_000),
              fc.integer({ min: 0, max: 1200 }).map((cents) => cents / 100),
            ),
            value: fc.oneof(fc.integer({ min: -2, max: 10 }), fc.double({ min: -1, max: 10, noNaN: true })),
            must: constrained ? fc.integer({ min: 0, max: 7 }).map((k) => k === 0) : fc.constant(false),
            group: constrained ? fc.option(fc.constantFrom('A', 'b', ' a'), { freq: 3 }) : fc.constant(null),
            requires: constrained
              ? fc
                  .option(fc.integer({ min: 0, max: n - 1 }), { freq: 3 })
                  .map((index) => (index === null ? [] : [index]))
              : fc.constant([] as number[]),
          }),
          { minLength: n, maxLength: n },
        ),
        budgetShare: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ items, budgetShare }): SelectionProblem => {
        const cleaned = items.map((item, i) => ({
          cost: item.cost,
          value: item.value,
          must: item.must,
          group: item.group ?? undefined,
          requires: item.requires.filter((required) => required !== i),
        }));
        const total = cleaned.reduce((sum, item) => sum + item.cost, 0);
        return { items: cleaned, budget: Math.round(total * budgetShare * 100) / 100 };
      }),
  );

describe('selectPortfolio against brute force', () => {
  const agrees = (problem: SelectionProblem, options: SelectionOptions) => {
    const expected = bruteForce(problem);
    const result = selectPortfolio(problem, options);
    if (isPmoError(result)) {
      expect(expected, result.message).toBeUndefined();
      return;
    }
    expect(result.selected.map((chosen) => (chosen ? 1 : 0))).toEqual(expected);
    expect(result.cost).toBeLessThanOrEqual(problem.budget + 1e-9 * Math.max(1, problem.budget));
  };

  it('equals brute force, and never beats it, on random cases with must, groups and requires', () => {
    fc.assert(
      fc.property(randomProblem(12, true), (problem) => agrees(problem, {})),
      { numRuns: 400 },
    );
  });

  it('equals brute force with branch and bound forced, up to 20 items', () => {
    fc.assert(
      fc.property(randomProblem(20, true), (problem) => agrees(problem, { strategy: 'branch-and-bound' })),
      { numRuns: 25 },
    );
  });

  it('equals brute force on plain budgets (the core solver, values exact or within the tolerance)', () => {
    fc.assert(
      fc.property(randomProblem(12, false), (problem) => agrees(problem, {})),
      { numRuns: 300 },
    );
  });

  it('never selects a set that costs more than the budget', () => {
    fc.assert(
      fc.property(randomProblem(40, true), (problem) => {
        const result = selectPortfolio(problem);
        if (isPmoError(result)) return;
        expect(result.cost).toBeLessThanOrEqual(problem.budget + 1e-9 * Math.max(1, problem.budget));
      }),
      { numRuns: 200 },
    );
  });
});

describe('efficientFrontier and greedyWaterline', () => {
  it('spaces budgets b_k = cheapest + k·(total − cheapest) ÷ (points − 1) from the cheapest item to the total', () => {
    expect(frontierBudgets([70, 73, 77, 80], 4)).toEqual([70, 70 + 230 / 3, 70 + 460 / 3, 300]);
  });

  it('gives the exact optimum at each budget, never above it, with a value that never falls as the budget grows', () => {
    fc.assert(
      fc.property(randomProblem(14, false), fc.integer({ min: 2, max: 12 }), (problem, points) => {
        const frontier = efficientFrontier(problem.items, points);
        if (isPmoError(frontier)) throw new Error(frontier.message);
        let previous = Number.NEGATIVE_INFINITY;
        for (const point of frontier) {
          if (isPmoError(point.optimum) || isPmoError(point.greedy)) throw new Error('unexpected error');
          expect(point.optimum.cost).toBeLessThanOrEqual(point.budget + 1e-9 * Math.max(1, point.budget));
          expect(point.optimum.value).toBeGreaterThanOrEqual(previous - 1e-9);
          expect(point.greedy.value).toBeLessThanOrEqual(point.optimum.value + 1e-9);
          expect(point.optimum.selected).toEqual(
            select({ items: problem.items, budget: point.budget }).selected,
          );
          previous = point.optimum.value;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('funds must items first, passes over items whose group is taken, and stops at the first that does not fit', () => {
    const items: SelectionItem[] = [
      { cost: 4, value: 1, must: true },
      { cost: 1, value: 10, group: 'g' },
      { cost: 1, value: 9, group: 'g' },
      { cost: 3, value: 9 },
      { cost: 1, value: 1 },
    ];
    const greedy = greedyWaterline({ items, budget: 7 }) as PortfolioSelection;
    expect(bits(greedy)).toBe('11000');
    expect(greedy.method).toBe('greedy');
  });
});
