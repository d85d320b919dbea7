// The input model of portfolio selection, shared by the search, the core solver and the public API in
// selection.ts: items and options, validation, exact decimal working numbers, and the must-fund checks.

import { type PmoError, pmoError } from '../errors';

/** One initiative as SELECT sees it. */
export interface SelectionItem {
  /** Cost in money (any currency); must be ≥ 0. */
  readonly cost: number;
  /** Value (score, NPV, benefit…); any finite number. Items with value ≤ 0 are never picked for themselves. */
  readonly value: number;
  /** Forced into the portfolio, together with everything it requires. */
  readonly must?: boolean;
  /** Mutually exclusive group label: at most one item per label (trimmed, case-insensitive). Blank = none. */
  readonly group?: string | undefined;
  /** 0-based indices of the items this one requires: it may be selected only if they are. */
  readonly requires?: readonly number[];
}

/** The items and the budget. */
export interface SelectionProblem {
  readonly items: readonly SelectionItem[];
  readonly budget: number;
}

/** Search limits. */
export interface SelectionOptions {
  /** Branch-and-bound nodes allowed per solve before a clear error (never a silent heuristic). */
  readonly nodeLimit?: number;
  /**
   * Work steps allowed for the whole call, shared by every solve (all of FRONTIER's budgets): nodes, core
   * states and passes over the items (selection-work.ts). Default DEFAULT_WORK_LIMIT.
   */
  readonly workLimit?: number;
  /**
   * `auto` (default): the core solver for plain budgets (costs in whole decimal steps, no groups or
   * requirements among the free items); otherwise, or if it runs out of its ¾ of the work, branch and bound
   * up to `nodeLimit`. `branch-and-bound` forces the search (for tests and benchmarks).
   */
  readonly strategy?: 'auto' | 'branch-and-bound';
  /** The number to call each item by in messages (its position in the user's list); default index + 1. */
  readonly positions?: readonly number[];
}

/** Names items in messages by their list position. */
export type Namer = (index: number) => string;

export function namerOf(options: SelectionOptions): Namer {
  return (index) => String(options.positions?.[index] ?? index + 1);
}

/** Which exact algorithm proved the portfolio. */
export type SelectionMethod = 'branch-and-bound' | 'core';

/** The chosen portfolio. */
export interface PortfolioSelection {
  /** One flag per item, in input order. */
  readonly selected: boolean[];
  /** Σ value of the selected items. */
  readonly value: number;
  /** Σ cost of the selected items (never above the budget). */
  readonly cost: number;
  readonly count: number;
  /** Branch-and-bound nodes visited (a measure of how hard the instance was). */
  readonly searchNodes: number;
  /** Work steps the call had used when this set was settled (deterministic: the same input, the same count). */
  readonly workSteps: number;
  /** The algorithm that proved this set optimal (`greedy` for the waterline, which proves nothing). */
  readonly method: SelectionMethod | 'greedy';
}

/**
 * Default node budget: the search visits about 6 million nodes per second in Node on the 2-core reference
 * machine, so a search that cannot finish stops after about a second (DESIGN §9: Excel runs custom functions
 * on the task pane's thread) — far inside Sheets' 30 s limit.
 */
export const DEFAULT_NODE_LIMIT = 5_000_000;

/**
 * The most initiatives one SELECT or FRONTIER call takes: setting up one search costs about 3 µs an item
 * (12 work steps), so at this size one set-up is an eighth of the work limit; beyond it the answer is a clear
 * "range too large" message rather than a long wait for an error.
 */
export const MAX_INITIATIVES = 200_000;

/** The "range too large" error, or undefined when `n` initiatives are within {@link MAX_INITIATIVES}. */
export function tooManyInitiatives(n: number): PmoError | undefined {
  if (n <= MAX_INITIATIVES) return undefined;
  return pmoError(
    'value',
    `The range is too large: ${formatAmount(n)} initiatives, and one call takes at most ${formatAmount(MAX_INITIATIVES)}; split the list or filter it first.`,
  );
}

/** Sums that differ by less than this share of the total are equal (only when numbers are not decimal money). */
const TIE_RELATIVE = 1e-11;

/** An item's state during the search: not decided yet, selected, or left out. */
export const UNDECIDED = 0;
/** See {@link UNDECIDED}. */
export const IN = 1;
/** See {@link UNDECIDED}. */
export const OUT = 2;

/** Formats an amount for a message: thousands separators, at most 12 significant digits. */
export function formatAmount(amount: number): string {
  const rounded = Number(amount.toPrecision(12));
  const [whole = '0', fraction] = Math.abs(rounded).toString().split('.');
  const grouped = whole.includes('e') ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

function listOf(indices: readonly number[], name: Namer): string {
  const names = indices.map(name);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The decimal scale 10^d (d ≤ 6) on which every number is a whole number, so sums are exact in floating point
 * (money has cents at most); undefined when there is none or the sums would pass 2^52.
 */
function decimalScale(numbers: readonly number[]): number | undefined {
  for (let digits = 0; digits <= 6; digits++) {
    const scale = 10 ** digits;
    let total = 0;
    let onGrid = true;
    for (const number of numbers) {
      const scaled = number * scale;
      const whole = Math.round(scaled);
      if (Math.abs(scaled - whole) > 1e-12 * Math.abs(scaled)) {
        onGrid = false;
        break;
      }
      total += Math.abs(whole);
    }
    if (onGrid && total < 2 ** 52) return scale;
  }
  return undefined;
}

/** Greatest common divisor of two whole numbers (0 with 0 gives 0). */
export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y > 0) [x, y] = [y, x % y];
  return x;
}

/** Working numbers: whole multiples on a decimal grid (exact) or raw doubles compared with a tolerance. */
export interface Scaled {
  readonly numbers: Float64Array;
  /** True when `numbers` are whole numbers: sums and comparisons are exact. */
  readonly exact: boolean;
  /** Greatest common divisor of the whole numbers (exact mode), else 0. */
  readonly step: number;
  /** Comparison slack (0 in exact mode). */
  readonly tolerance: number;
  readonly scale: number;
}

function scaleNumbers(numbers: readonly number[]): Scaled {
  const scale = decimalScale(numbers);
  if (scale === undefined) {
    const total = numbers.reduce((sum, number) => sum + Math.abs(number), 0);
    return {
      numbers: Float64Array.from(numbers),
      exact: false,
      step: 0,
      tolerance: TIE_RELATIVE * total,
      scale: 1,
    };
  }
  const whole = Float64Array.from(numbers, (number) => Math.round(number * scale));
  let step = 0;
  for (const number of whole) step = gcd(step, number);
  return { numbers: whole, exact: true, step, tolerance: 0, scale };
}

/** Everything the search needs, computed once per item list (and reused across FRONTIER's budgets). */
export interface Prepared {
  readonly n: number;
  readonly costs: Scaled;
  readonly values: Scaled;
  readonly groupOf: Int32Array;
  readonly groupMembers: readonly Int32Array[];
  readonly closures: readonly Int32Array[];
  /** The items each item names in `requires` (direct requirements only). */
  readonly requiresDirect: readonly Int32Array[];
  readonly dependents: readonly Int32Array[];
  readonly forced: Uint8Array;
  readonly forcedBy: Int32Array;
  readonly groupLabels: readonly string[];
  /** True when the item has no group, requires nothing and nothing requires it. */
  readonly unconstrained: Uint8Array;
}

function groupKey(label: string | undefined): string {
  return (label ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

function validateItems(items: readonly SelectionItem[], name: Namer): PmoError | undefined {
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as SelectionItem;
    if (!Number.isFinite(item.cost) || item.cost < 0)
      return pmoError(
        'value',
        `Initiative ${name(i)} has cost ${item.cost}; costs must be ≥ 0 (enter a saving as value, not as a negative cost).`,
      );
    if (!Number.isFinite(item.value)) return pmoError('value', `Initiative ${name(i)} has no finite value.`);
    for (const required of item.requires ?? []) {
      if (!Number.isInteger(required) || required < 0 || required >= items.length)
        return pmoError(
          'value',
          `Initiative ${name(i)} requires initiative ${required + 1}, but the list has ${items.length} initiatives.`,
        );
      if (required === i) return pmoError('value', `Initiative ${name(i)} requires itself.`);
    }
  }
  return undefined;
}

export function prepare(items: readonly SelectionItem[], name: Namer): Prepared | PmoError {
  const invalid = validateItems(items, name);
  if (invalid) return invalid;
  const n = items.length;
  const costs = scaleNumbers(items.map((item) => item.cost));
  const values = scaleNumbers(items.map((item) => item.value));
  const labelIds = new Map<string, number>();
  const groupLabels: string[] = [];
  const groupOf = new Int32Array(n).fill(-1);
  items.forEach((item, i) => {
    const key = groupKey(item.group);
    if (key === '') return;
    let id = labelIds.get(key);
    if (id === undefined) {
      id = groupLabels.length;
      labelIds.set(key, id);
      groupLabels.push((item.group ?? '').trim());
    }
    groupOf[i] = id;
  });
  const memberLists: number[][] = groupLabels.map(() => []);
  groupOf.forEach((group, i) => {
    if (group >= 0) memberLists[group]?.push(i);
  });
  const closures: Int32Array[] = [];
  const dependentLists: number[][] = items.map(() => []);
  const stamp = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const members: number[] = [i];
    stamp[i] = i;
    for (let cursor = 0; cursor < members.length; cursor++) {
      for (const required of items[members[cursor] as number]?.requires ?? []) {
        if (stamp[required] !== i) {
          stamp[required] = i;
          members.push(required);
        }
      }
    }
    closures.push(Int32Array.from(members));
    for (const member of members) if (member !== i) dependentLists[member]?.push(i);
  }
  const forced = new Uint8Array(n);
  const forcedBy = new Int32Array(n).fill(-1);
  items.forEach((item, i) => {
    if (!item.must) return;
    for (const member of closures[i] ?? []) {
      if (!forced[member]) {
        forced[member] = 1;
        forcedBy[member] = i;
      }
    }
  });
  const unconstrained = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    unconstrained[i] =
      groupOf[i] === -1 && (closures[i]?.length ?? 0) === 1 && (dependentLists[i]?.length ?? 0) === 0 ? 1 : 0;
  return {
    n,
    costs,
    values,
    groupOf,
    groupMembers: memberLists.map((members) => Int32Array.from(members)),
    closures,
    requiresDirect: items.map((item) => Int32Array.from(item.requires ?? [])),
    dependents: dependentLists.map((dependents) => Int32Array.from(dependents)),
    forced,
    forcedBy,
    groupLabels,
    unconstrained,
  };
}

/** Checks the must-fund set against groups and the budget; returns its cost and value in working numbers. */
export function checkForced(
  prepared: Prepared,
  items: readonly SelectionItem[],
  budget: number,
  name: Namer,
): { cost: number; value: number } | PmoError {
  const { n, forced, forcedBy, groupOf, groupLabels } = prepared;
  const owner = new Int32Array(groupLabels.length).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!forced[i]) continue;
    const group = groupOf[i] ?? -1;
    if (group < 0) continue;
    const other = owner[group] ?? -1;
    if (other < 0) {
      owner[group] = i;
      continue;
    }
    const label = groupLabels[group] ?? '';
    const why = (item: number) =>
      items[item]?.must
        ? `must-fund initiative ${name(item)}`
        : `initiative ${name(item)} (required by must-fund initiative ${name(forcedBy[item] ?? 0)})`;
    return pmoError(
      'value',
      `${why(other).replace(/^./, (c) => c.toUpperCase())} and ${why(i)} are both in group "${label}", which allows at most one.`,
    );
  }
  let cost = 0;
  let value = 0;
  let rawCost = 0;
  const musts: number[] = [];
  let requiredToo = false;
  for (let i = 0; i < n; i++) {
    if (!forced[i]) continue;
    cost += prepared.costs.numbers[i] ?? 0;
    value += prepared.values.numbers[i] ?? 0;
    rawCost += items[i]?.cost ?? 0;
    if (items[i]?.must) musts.push(i);
    else requiredToo = true;
  }
  if (!fits(prepared.costs, cost, workingBudget(prepared.costs, budget))) {
    return pmoError(
      'value',
      `The must-fund initiatives (${listOf(musts, name)}${requiredToo ? ', with what they require' : ''}) cost ${formatAmount(rawCost)}, more than the budget of ${formatAmount(budget)}.`,
    );
  }
  return { cost, value };
}

/**
 * The budget in working units: whole decimal steps rounded down (exact), or as given (tolerance mode). The slack
 * covers the rounding of budget × scale itself (a few parts in 10^16), so a budget that is a sum of the costs
 * in floating point still funds them.
 */
export function workingBudget(costs: Scaled, budget: number): number {
  if (!costs.exact) return budget;
  const scaled = budget * costs.scale;
  return Math.floor(scaled + 1e-6 + 1e-15 * Math.abs(scaled));
}

/** True when a working cost fits a working budget (exactly, or within the tolerance of non-decimal costs). */
export function fits(costs: Scaled, cost: number, budget: number): boolean {
  return cost <= budget + costs.tolerance;
}
