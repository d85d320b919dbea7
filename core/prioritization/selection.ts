// Budget-constrained portfolio selection (DESIGN §6 SELECT/FRONTIER, §10): the exact value-maximising set of
// initiatives within a budget, with must-fund items, mutually exclusive groups and "requires" dependencies; the
// efficient frontier over budgets; and the greedy waterline for contrast. The solvers live in selection-core.ts
// (expanding-core dynamic programming, for plain budgets) and selection-search.ts (branch and bound, for groups,
// requirements and costs off any decimal grid).

import { type PmoError, pmoError } from '../errors';
import { coreSelect } from './selection-core';
import {
  checkForced,
  DEFAULT_NODE_LIMIT,
  fits,
  formatAmount,
  MAX_INITIATIVES,
  namerOf,
  type PortfolioSelection,
  type Prepared,
  prepare,
  type SelectionItem,
  type SelectionMethod,
  type SelectionOptions,
  type SelectionProblem,
  tooManyInitiatives,
  workingBudget,
} from './selection-model';
import { createSearch } from './selection-search';
import { searchStart } from './selection-start';
import { DEFAULT_WORK_LIMIT, itemSteps, SETUP_STEPS_PER_ITEM, WorkBudget } from './selection-work';

export {
  DEFAULT_NODE_LIMIT,
  DEFAULT_WORK_LIMIT,
  formatAmount,
  MAX_INITIATIVES,
  type PortfolioSelection,
  type SelectionItem,
  type SelectionMethod,
  type SelectionOptions,
  type SelectionProblem,
};

/** The outcome of one solve: the chosen flags, or the node limit or the call's work limit reached. */
type SolveResult =
  | { readonly status: Uint8Array; readonly nodes: number; readonly method: SelectionMethod }
  | { readonly limitReached: number }
  | { readonly workLimitReached: WorkBudget };

/**
 * Solves one budget exactly. A plain budget (costs in whole decimal steps, no group or requirement among the
 * free items) goes to the core solver with ¾ of the work left; otherwise, or if that runs out, to the branch and
 * bound up to the node limit. Every state, node and pass over the items is charged to `work`, the call's
 * budget; past it the answer is `workLimitReached`, never a guess.
 */
function solve(
  prepared: Prepared,
  budget: number,
  options: SelectionOptions,
  forcedTotals: { cost: number; value: number },
  incumbent: Uint8Array | undefined,
  work: WorkBudget,
): SolveResult {
  const nodeLimit = options.nodeLimit ?? DEFAULT_NODE_LIMIT;
  const setupSteps = SETUP_STEPS_PER_ITEM * prepared.n;
  const search = (): SolveResult => {
    if (!work.affords(setupSteps)) return { workLimitReached: work };
    work.charge(setupSteps);
    const search = createSearch(prepared, budget, nodeLimit, forcedTotals, work.remaining);
    const outcome = search.optimise(incumbent) === 'limit' ? 'limit' : search.preferEarlierRows();
    work.charge(search.steps());
    if (outcome === 'done') return { status: search.best, nodes: search.nodes(), method: 'branch-and-bound' };
    return search.nodes() > nodeLimit ? { limitReached: nodeLimit } : { workLimitReached: work };
  };
  if (options.strategy === 'branch-and-bound') return search();
  work.charge(itemSteps(prepared.n));
  const { costs } = prepared;
  const remaining = workingBudget(costs, budget) - forcedTotals.cost;
  const start = costs.exact && work.affords(setupSteps) ? searchStart(prepared, remaining) : undefined;
  if (start?.unconstrainedVoluntary) {
    // The core solver gets three quarters of the work left; should it run out, the search has the rest.
    work.charge(setupSteps);
    const share = Math.floor(work.remaining * 0.75);
    const core = coreSelect(prepared, start.voluntary, remaining, prepared.forced, share);
    work.charge(core.steps);
    if (core.chosen) return { status: core.chosen, nodes: 0, method: 'core' };
  }
  return search();
}

function unsolved(
  result: Exclude<SolveResult, { status: Uint8Array }>,
  n: number,
  callLimit: number,
): PmoError {
  if ('workLimitReached' in result) return workLimitError(n, result.workLimitReached.limit, callLimit);
  return limitError(n, result.limitReached);
}

function limitError(n: number, nodeLimit: number): PmoError {
  return pmoError(
    'value',
    `These ${n} initiatives could not be solved exactly within ${formatAmount(nodeLimit)} search steps (their values per unit of cost are too alike to prove the best set quickly); fix some with must, split the list, or round values and costs.`,
  );
}

function workLimitError(n: number, allowed: number, callLimit: number): PmoError {
  const limit =
    allowed < callLimit
      ? `this budget's share (${formatAmount(allowed)} steps) of the work limit of ${formatAmount(callLimit)} steps per call`
      : `the work limit of ${formatAmount(callLimit)} steps per call`;
  return pmoError(
    'value',
    `These ${n} initiatives could not be solved exactly within ${limit} (no answer is given rather than a guess); fix some with must, split the list, ask for fewer points, or round values and costs.`,
  );
}

export function selectionOf(
  items: readonly SelectionItem[],
  flags: Uint8Array,
  nodes: number,
  method: SelectionMethod | 'greedy',
  workSteps: number,
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
  return { selected, value, cost, count, searchNodes: nodes, method, workSteps };
}

/** Checks the budget, prepares the items and checks the must-fund set: the shared first steps of SELECT and the waterline. */
export function prepareProblem(
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
 * search that exceeds `nodeLimit` nodes or the call's `workLimit` steps (a clear error, never a heuristic answer).
 * @example selectPortfolio({ items: [{ cost: 3, value: 4 }, { cost: 2, value: 3 }, { cost: 2, value: 2 }], budget: 4 })
 * // selects items 2 and 3 (value 5)
 */
export function selectPortfolio(
  problem: SelectionProblem,
  options: SelectionOptions = {},
): PortfolioSelection | PmoError {
  const { items, budget } = problem;
  const tooMany = tooManyInitiatives(items.length);
  if (tooMany) return tooMany;
  const checked = prepareProblem(problem, options);
  if ('kind' in checked) return checked;
  const { prepared, forcedTotals } = checked;
  const work = new WorkBudget(options.workLimit ?? DEFAULT_WORK_LIMIT);
  const result = solve(prepared, budget, options, forcedTotals, undefined, work);
  if (!('status' in result)) return unsolved(result, items.length, work.limit);
  return selectionOf(items, result.status, result.nodes, result.method, work.used);
}

/** One point of the efficient frontier, with the greedy waterline's result at the same budget. */
export interface FrontierPoint {
  readonly budget: number;
  /** The optimal portfolio at this budget, or the error that stopped it (node or work limit, must over budget). */
  readonly optimum: PortfolioSelection | PmoError;
  /** What funding down the value ÷ cost ranking achieves at this budget. */
  readonly greedy: PortfolioSelection | PmoError;
  /** Work steps the call had used when this budget was settled, solved or not (`workLimit` plus at most one node). */
  readonly workSteps: number;
}

/**
 * Σ numbers with Neumaier's compensation: the last frontier budget is the total cost, and a plain running sum of
 * thousands of money amounts can fall a cent short of it (then the last point could not fund everything).
 */
function accurateSum(numbers: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const number of numbers) {
    const next = sum + number;
    compensation += Math.abs(sum) >= Math.abs(number) ? sum - next + number : number - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/**
 * The budgets of the frontier (DESIGN §10): b_k = cheapest + k·(total − cheapest) ÷ (points − 1),
 * k = 0…points − 1, where cheapest is the smallest cost and total the sum of all costs.
 */
export function frontierBudgets(costs: readonly number[], points: number): number[] {
  if (costs.length === 0 || points < 1) return [];
  const cheapest = costs.reduce((least, cost) => Math.min(least, cost));
  const total = accurateSum(costs);
  if (points === 1) return [total];
  return Array.from({ length: points }, (_, k) =>
    k === points - 1 ? total : cheapest + (k * (total - cheapest)) / (points - 1),
  );
}

/**
 * The efficient frontier: the exact optimum at each of `points` budgets from the cheapest item to the total cost
 * (see {@link frontierBudgets}), each solved with its own node limit and warm-started from the optimum of the
 * previous (smaller) budget; beside it the greedy waterline at the same budget. All the budgets share one work
 * budget (`workLimit`): each may use an equal share of what the budgets before it left; a budget that passes
 * its share, or finds the work used up, is an error that says so, never a guess.
 */
export function efficientFrontier(
  items: readonly SelectionItem[],
  points: number,
  options: SelectionOptions = {},
): FrontierPoint[] | PmoError {
  if (items.length === 0) return pmoError('not-available', 'There are no initiatives.');
  const tooMany = tooManyInitiatives(items.length);
  if (tooMany) return tooMany;
  const budgets = frontierBudgets(
    items.map((item) => item.cost),
    points,
  );
  const name = namerOf(options);
  const prepared = prepare(items, name);
  if ('kind' in prepared) return prepared;
  const work = new WorkBudget(options.workLimit ?? DEFAULT_WORK_LIMIT);
  const ranking = waterlineRanking(prepared);
  const pointSteps = itemSteps(prepared.n);
  let previous: Uint8Array | undefined;
  return budgets.map((budget, k) => {
    if (!work.affords(pointSteps)) {
      const skipped = frontierSkipped(work.limit);
      return { budget, optimum: skipped, greedy: skipped, workSteps: work.used };
    }
    work.charge(pointSteps);
    const forcedTotals = checkForced(prepared, items, budget, name);
    if ('kind' in forcedTotals)
      return { budget, optimum: forcedTotals, greedy: forcedTotals, workSteps: work.used };
    const funded = waterline(prepared, ranking, budget, forcedTotals);
    const greedy = selectionOf(items, funded, 0, 'greedy', work.used);
    // Each budget may use an equal share of what is left, so one hard budget cannot starve the easy ones after it.
    const share = work.share(budgets.length - k);
    const result = solve(prepared, budget, options, forcedTotals, previous, share);
    work.absorb(share);
    if (!('status' in result)) {
      const optimum = unsolved(result, items.length, work.limit);
      return { budget, optimum, greedy, workSteps: work.used };
    }
    previous = result.status;
    const optimum = selectionOf(items, result.status, result.nodes, result.method, work.used);
    return { budget, optimum, greedy, workSteps: work.used };
  });
}

function frontierSkipped(workLimit: number): PmoError {
  return pmoError(
    'value',
    `Not computed: the smaller budgets used up the work limit of ${formatAmount(workLimit)} steps per call; ask for fewer points or fewer initiatives.`,
  );
}

/** The waterline's order: the free items with value > 0 by value ÷ cost (cost 0 first; ties to the earlier row). */
export function waterlineRanking(prepared: Prepared): Int32Array {
  const { n, forced } = prepared;
  const cost = prepared.costs.numbers;
  const value = prepared.values.numbers;
  const ranking: number[] = [];
  for (let i = 0; i < n; i++) if (!forced[i] && (value[i] ?? 0) > 0) ranking.push(i);
  ranking.sort((a, b) => (value[b] ?? 0) * (cost[a] ?? 0) - (value[a] ?? 0) * (cost[b] ?? 0) || a - b);
  return Int32Array.from(ranking);
}

/** The flags the waterline funds at one budget (see {@link greedyWaterline}). */
export function waterline(
  prepared: Prepared,
  ranking: Int32Array,
  budget: number,
  forcedTotals: { cost: number; value: number },
): Uint8Array {
  const { n, costs, groupOf, closures, forced } = prepared;
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
  const cost = costs.numbers;
  // The groups met in the current item's package: seenBy[group] = the item (a stamp, no set per item).
  const seenBy = new Int32Array(prepared.groupLabels.length).fill(-1);
  for (const item of ranking) {
    if (funded[item]) continue;
    let packageCost = 0;
    let blocked = false;
    for (const member of closures[item] ?? []) {
      if (funded[member]) continue;
      const group = groupOf[member] ?? -1;
      if (group >= 0 && (groupTaken[group] || seenBy[group] === item)) blocked = true;
      if (group >= 0) seenBy[group] = item;
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
  return funded;
}
