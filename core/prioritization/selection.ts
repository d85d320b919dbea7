// Budget-constrained portfolio selection (DESIGN §6 SELECT/FRONTIER, §10): the exact value-maximising set of
// initiatives within a budget, with must-fund items, mutually exclusive groups and "requires" dependencies; the
// efficient frontier over budgets; and the greedy waterline for contrast. The search itself lives in
// selection-search.ts (branch and bound) and selection-dp.ts (dynamic programme).

import { type PmoError, pmoError } from '../errors';
import { DP_MAX_BITS, dynamicProgramme } from './selection-dp';
import {
  checkForced,
  DEFAULT_NODE_LIMIT,
  fits,
  formatAmount,
  namerOf,
  type PortfolioSelection,
  type Prepared,
  prepare,
  type SelectionItem,
  type SelectionMethod,
  type SelectionOptions,
  type SelectionProblem,
  workingBudget,
} from './selection-model';
import { createSearch } from './selection-search';

export {
  DEFAULT_NODE_LIMIT,
  formatAmount,
  type PortfolioSelection,
  type SelectionItem,
  type SelectionMethod,
  type SelectionOptions,
  type SelectionProblem,
};

/** The outcome of one solve: the chosen flags, or the node limit reached. */
type SolveResult =
  | { readonly status: Uint8Array; readonly nodes: number; readonly method: SelectionMethod }
  | { readonly limitReached: number }
  | { readonly tooLarge: true };

/** Nodes the first branch-and-bound attempt may use before the dynamic programme is tried. */
const FIRST_ATTEMPT_NODES = 250_000;

/**
 * Solves one budget exactly: a quick branch and bound; if that runs long, the dynamic programme when it
 * applies; otherwise branch and bound up to the full node limit.
 */
function solve(
  prepared: Prepared,
  budget: number,
  options: SelectionOptions,
  forcedTotals: { cost: number; value: number },
  incumbent: Uint8Array | undefined,
): SolveResult {
  const nodeLimit = options.nodeLimit ?? DEFAULT_NODE_LIMIT;
  const strategy = options.strategy ?? 'auto';
  const attempt = (limit: number): SolveResult => {
    const search = createSearch(prepared, budget, limit, forcedTotals);
    if (search.optimise(incumbent) === 'limit') return { limitReached: limit };
    if (search.preferEarlierRows() === 'limit') return { limitReached: limit };
    return { status: search.best, nodes: search.nodes(), method: 'branch-and-bound' };
  };
  const programme = (): SolveResult => {
    const forced = Uint8Array.from(prepared.forced);
    const dp = dynamicProgramme(prepared, createSearch(prepared, budget, 0, forcedTotals), forced);
    return dp ? { status: dp, nodes: 0, method: 'dynamic-programming' } : { tooLarge: true };
  };
  if (strategy === 'branch-and-bound') return attempt(nodeLimit);
  if (strategy === 'dynamic-programming') return programme();
  const first = attempt(Math.min(nodeLimit, FIRST_ATTEMPT_NODES));
  if (!('limitReached' in first) || nodeLimit <= FIRST_ATTEMPT_NODES) return first;
  const dp = programme();
  if (!('tooLarge' in dp)) return dp;
  return attempt(nodeLimit);
}

function unsolved(
  result: SolveResult & ({ limitReached: number } | { tooLarge: true }),
  n: number,
): PmoError {
  if ('tooLarge' in result)
    return pmoError(
      'value',
      `These ${n} initiatives cannot be solved by dynamic programming: it needs costs in whole steps (at most 6 decimals), no groups or requirements, and a table of items × budget ÷ cost step under ${formatAmount(DP_MAX_BITS)} cells.`,
    );
  return limitError(n, result.limitReached);
}

function limitError(n: number, nodeLimit: number): PmoError {
  return pmoError(
    'value',
    `These ${n} initiatives could not be solved exactly within ${formatAmount(nodeLimit)} search steps (their values per unit of cost are too alike to prove the best set quickly); fix some with must, split the list, or round values and costs.`,
  );
}

function selectionOf(
  items: readonly SelectionItem[],
  flags: Uint8Array,
  nodes: number,
  method: SelectionMethod | 'greedy',
): PortfolioSelection {
  const selected = Array.from(flags, (flag) => flag === 1);
  let value = 0;
  let cost = 0;
  let count = 0;
  selected.forEach((chosen, i) => {
    if (!chosen) return;
    value += items[i]?.value ?? 0;
    cost += items[i]?.cost ?? 0;
    count++;
  });
  return { selected, value, cost, count, searchNodes: nodes, method };
}

/** Checks the budget, prepares the items and checks the must-fund set: the shared first steps of SELECT and the waterline. */
function prepareProblem(
  problem: SelectionProblem,
  options: Pick<SelectionOptions, 'positions'>,
): { prepared: Prepared; forcedTotals: { cost: number; value: number } } | PmoError {
  const { items, budget } = problem;
  if (!Number.isFinite(budget) || budget < 0)
    return pmoError('value', `The budget is ${budget}; it must be a number ≥ 0.`);
  const name = namerOf(options);
  const prepared = prepare(items, name);
  if ('kind' in prepared) return prepared;
  const forcedTotals = checkForced(prepared, items, budget, name);
  if ('kind' in forcedTotals) return forcedTotals;
  return { prepared, forcedTotals };
}

/**
 * The exact value-maximising portfolio within the budget (DESIGN §6 SELECT, §10):
 * - maximises Σ value subject to Σ cost ≤ budget, must items in (with what they require), at most one item per
 *   group label, and every selected item's requirements selected;
 * - ties between optimal sets go to the lower total cost, then to earlier rows (at the first row where two
 *   optimal sets differ, the one that selects it wins);
 * - an item with value ≤ 0 is selected only when it is must-fund or required by a selected item;
 * - costs and values with at most 6 decimals are added exactly (0.1 + 0.2 fits a budget of 0.3); other numbers
 *   are compared with a relative tolerance of 1e-11 of their total.
 * Errors: negative costs, bad `requires` positions, must-fund items over the budget or sharing a group, and a
 * search that exceeds `nodeLimit` nodes (a clear error, never a heuristic answer).
 * @example selectPortfolio({ items: [{ cost: 3, value: 4 }, { cost: 2, value: 3 }, { cost: 2, value: 2 }], budget: 4 })
 * // selects items 2 and 3 (value 5)
 */
export function selectPortfolio(
  problem: SelectionProblem,
  options: SelectionOptions = {},
): PortfolioSelection | PmoError {
  const { items, budget } = problem;
  const checked = prepareProblem(problem, options);
  if ('kind' in checked) return checked;
  const { prepared, forcedTotals } = checked;
  const result = solve(prepared, budget, options, forcedTotals, undefined);
  if (!('status' in result)) return unsolved(result, items.length);
  return selectionOf(items, result.status, result.nodes, result.method);
}

/** One point of the efficient frontier, with the greedy waterline's result at the same budget. */
export interface FrontierPoint {
  readonly budget: number;
  /** The optimal portfolio at this budget, or the error that stopped it (node limit, must over budget). */
  readonly optimum: PortfolioSelection | PmoError;
  /** What funding down the value ÷ cost ranking achieves at this budget. */
  readonly greedy: PortfolioSelection | PmoError;
}

/**
 * The budgets of the frontier (DESIGN §10): b_k = cheapest + k·(total − cheapest) ÷ (points − 1),
 * k = 0…points − 1, where cheapest is the smallest cost and total the sum of all costs.
 */
export function frontierBudgets(costs: readonly number[], points: number): number[] {
  if (costs.length === 0 || points < 1) return [];
  const cheapest = Math.min(...costs);
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  if (points === 1) return [total];
  return Array.from({ length: points }, (_, k) =>
    k === points - 1 ? total : cheapest + (k * (total - cheapest)) / (points - 1),
  );
}

/**
 * The efficient frontier: the exact optimum at each of `points` budgets from the cheapest item to the total cost
 * (see {@link frontierBudgets}), each solved with its own node budget and warm-started from the optimum of the
 * previous (smaller) budget; beside it the greedy waterline at the same budget.
 */
export function efficientFrontier(
  items: readonly SelectionItem[],
  points: number,
  options: SelectionOptions = {},
): FrontierPoint[] | PmoError {
  if (items.length === 0) return pmoError('not-available', 'There are no initiatives.');
  const budgets = frontierBudgets(
    items.map((item) => item.cost),
    points,
  );
  const name = namerOf(options);
  const prepared = prepare(items, name);
  if ('kind' in prepared) return prepared;
  let previous: Uint8Array | undefined;
  return budgets.map((budget) => {
    const greedy = greedyWaterline({ items, budget }, options);
    const forcedTotals = checkForced(prepared, items, budget, name);
    if ('kind' in forcedTotals) return { budget, optimum: forcedTotals, greedy };
    const result = solve(prepared, budget, options, forcedTotals, previous);
    if (!('status' in result)) return { budget, optimum: unsolved(result, items.length), greedy };
    previous = result.status;
    return { budget, optimum: selectionOf(items, result.status, result.nodes, result.method), greedy };
  });
}

/**
 * The greedy waterline, for contrast with the exact optimum: must-fund items (with what they require) first;
 * then the other items with value > 0 ranked by value ÷ cost (cost 0 first; ties to the earlier row); walking
 * down the ranking, each item is funded together with whatever it requires that is not funded yet, until the
 * first item whose package does not fit the remaining budget — there the line is drawn and the walk stops.
 * Items blocked by a group already funded are passed over without stopping.
 * @returns the funded set (`searchNodes` 0), or the must-fund error SELECT would give.
 */
export function greedyWaterline(
  problem: SelectionProblem,
  options: Pick<SelectionOptions, 'positions'> = {},
): PortfolioSelection | PmoError {
  const { items, budget } = problem;
  const checked = prepareProblem(problem, options);
  if ('kind' in checked) return checked;
  const { prepared, forcedTotals } = checked;
  const { n, costs, values, groupOf, closures, forced } = prepared;
  const budgetW = workingBudget(costs, budget);
  const funded = new Uint8Array(n);
  const groupTaken = new Uint8Array(prepared.groupLabels.length);
  for (let i = 0; i < n; i++)
    if (forced[i]) {
      funded[i] = 1;
      const group = groupOf[i] ?? -1;
      if (group >= 0) groupTaken[group] = 1;
    }
  let spent = forcedTotals.cost;
  const ranking: number[] = [];
  for (let i = 0; i < n; i++) if (!forced[i] && (values.numbers[i] ?? 0) > 0) ranking.push(i);
  const cost = costs.numbers;
  const value = values.numbers;
  ranking.sort((a, b) => (value[b] ?? 0) * (cost[a] ?? 0) - (value[a] ?? 0) * (cost[b] ?? 0) || a - b);
  for (const item of ranking) {
    if (funded[item]) continue;
    let packageCost = 0;
    let blocked = false;
    const seen = new Set<number>();
    for (const member of closures[item] ?? []) {
      if (funded[member]) continue;
      const group = groupOf[member] ?? -1;
      if (group >= 0 && (groupTaken[group] || seen.has(group))) blocked = true;
      if (group >= 0) seen.add(group);
      packageCost += cost[member] ?? 0;
    }
    if (blocked) continue;
    if (!fits(costs, spent + packageCost, budgetW)) break;
    for (const member of closures[item] ?? []) {
      if (funded[member]) continue;
      funded[member] = 1;
      const group = groupOf[member] ?? -1;
      if (group >= 0) groupTaken[group] = 1;
    }
    spent += packageCost;
  }
  return selectionOf(items, funded, 0, 'greedy');
}
