// Budget-constrained portfolio selection (DESIGN §6 SELECT/FRONTIER, §10): the exact value-maximising set of
// initiatives within a budget, with must-fund items, mutually exclusive groups and "requires" dependencies; the
// efficient frontier over budgets; and the greedy waterline for contrast. The search itself lives in
// selection-search.ts (branch and bound) and selection-dp.ts (dynamic programme).

import { type PmoError, pmoError } from '../errors';
import { DP_MAX_BITS, DP_MAX_CELLS, dynamicProgramme } from './selection-dp';
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
import { createSearch, type Search } from './selection-search';
import {
  DEFAULT_WORK_LIMIT,
  DP_CELLS_PER_STEP,
  itemSteps,
  SETUP_STEPS_PER_ITEM,
  WorkBudget,
} from './selection-work';

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
  | { readonly workLimitReached: WorkBudget }
  | { readonly tooLarge: true };

/** Nodes the first branch-and-bound attempt may use before the dynamic programme is tried. */
const FIRST_ATTEMPT_NODES = 250_000;

/**
 * Solves one budget exactly: a quick branch and bound; if that runs long, the dynamic programme when it
 * applies; otherwise branch and bound up to the full node limit. Every search, node and table cell is charged
 * to `work`, the call's budget; past it the answer is `workLimitReached`, never a guess.
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
  const strategy = options.strategy ?? 'auto';
  const setupSteps = SETUP_STEPS_PER_ITEM * prepared.n;
  const outOfWork = { workLimitReached: work } as const;
  const newSearch = (limit: number) => {
    if (!work.affords(setupSteps)) return undefined;
    work.charge(setupSteps);
    return createSearch(prepared, budget, limit, forcedTotals, work.remaining);
  };
  let firstSearch: Search | undefined;
  const attempt = (limit: number): SolveResult => {
    const search = newSearch(limit);
    if (!search) return outOfWork;
    firstSearch ??= search;
    const outcome = search.optimise(incumbent) === 'limit' ? 'limit' : search.preferEarlierRows();
    work.charge(search.steps());
    if (outcome === 'done') return { status: search.best, nodes: search.nodes(), method: 'branch-and-bound' };
    return search.nodes() > limit ? { limitReached: limit } : outOfWork;
  };
  const programme = (): SolveResult => {
    // The dynamic programme reads only the search's start (its voluntary items and remaining budget).
    const search = firstSearch ?? newSearch(0);
    if (!search) return outOfWork;
    const forced = Uint8Array.from(prepared.forced);
    const dp = dynamicProgramme(prepared, search, forced, work.remaining * DP_CELLS_PER_STEP);
    if (!dp) return { tooLarge: true };
    work.charge(Math.ceil(dp.cells / DP_CELLS_PER_STEP));
    return { status: dp.chosen, nodes: 0, method: 'dynamic-programming' };
  };
  if (strategy === 'branch-and-bound') return attempt(nodeLimit);
  if (strategy === 'dynamic-programming') return programme();
  work.charge(itemSteps(prepared.n));
  const everything = everythingFits(prepared, budget, forcedTotals);
  if (everything) return { status: everything, nodes: 0, method: 'branch-and-bound' };
  const first = attempt(Math.min(nodeLimit, FIRST_ATTEMPT_NODES));
  if (!('limitReached' in first) || nodeLimit <= FIRST_ATTEMPT_NODES) return first;
  const dp = programme();
  if (!('tooLarge' in dp)) return dp;
  return attempt(nodeLimit);
}

/**
 * The optimum when every item of value > 0 fits the budget together and none has a group or requirement, with
 * whole-number values: exactly those items and the forced ones (each adds value; items of value ≤ 0 are never
 * picked for themselves), so the search is skipped — FRONTIER's last budget, the total cost, is always this.
 */
function everythingFits(
  prepared: Prepared,
  budget: number,
  forcedTotals: { cost: number; value: number },
): Uint8Array | undefined {
  const { n, forced, unconstrained, costs, values } = prepared;
  if (!values.exact) return undefined;
  const chosen = Uint8Array.from(forced);
  let cost = forcedTotals.cost;
  for (let i = 0; i < n; i++) {
    if (forced[i] || !((values.numbers[i] ?? 0) > 0)) continue;
    if (!unconstrained[i]) return undefined;
    chosen[i] = 1;
    cost += costs.numbers[i] ?? 0;
  }
  return fits(costs, cost, workingBudget(costs, budget)) ? chosen : undefined;
}

function unsolved(
  result: Exclude<SolveResult, { status: Uint8Array }>,
  n: number,
  callLimit: number,
): PmoError {
  if ('tooLarge' in result)
    return pmoError(
      'value',
      `These ${n} initiatives cannot be solved by dynamic programming: it needs costs in whole steps (at most 6 decimals), no groups or requirements, and a table of items × budget ÷ cost step under ${formatAmount(Math.min(DP_MAX_BITS, DP_MAX_CELLS))} cells.`,
    );
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
