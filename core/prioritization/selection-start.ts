// Where the selection search (selection-search.ts) starts from: forced items in, impossible items out, the
// voluntary items, their branching order, and the units of the LP bound with requirement values redistributed.

import { lpDensity, type RequirementComposites, requirementComposites } from './selection-bounds';
import { fits, IN, OUT, type Prepared, UNDECIDED } from './selection-model';

/** Statuses with the forced items in, and the item owning each group (a forced one, or -1). */
function forcedStart(prepared: Prepared): { status: Uint8Array; groupOwner: Int32Array } {
  const { n, forced, groupOf } = prepared;
  const status = new Uint8Array(n);
  const groupOwner = new Int32Array(prepared.groupLabels.length).fill(-1);
  for (let i = 0; i < n; i++)
    if (forced[i]) {
      status[i] = IN;
      const group = groupOf[i] ?? -1;
      if (group >= 0) groupOwner[group] = i;
    }
  return { status, groupOwner };
}

/**
 * Static exclusions: an item is blocked when a forced item owns its group, or when its requirement closure holds
 * two items of one group or does not fit the remaining budget; every item whose closure holds a blocked item is
 * set out.
 */
function excludeImpossible(
  prepared: Prepared,
  status: Uint8Array,
  groupOwner: Int32Array,
  remaining: number,
): void {
  const { n, forced, groupOf, closures, costs } = prepared;
  const blocked = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (forced[i]) continue;
    const group = groupOf[i] ?? -1;
    if (group >= 0 && (groupOwner[group] ?? -1) >= 0) blocked[i] = 1;
  }
  const seenGroup = new Int32Array(prepared.groupLabels.length).fill(-1);
  for (let i = 0; i < n; i++) {
    if (forced[i] || blocked[i]) continue;
    let extra = 0;
    for (const member of closures[i] ?? []) {
      if (forced[member]) continue;
      extra += costs.numbers[member] ?? 0;
      const group = groupOf[member] ?? -1;
      if (group >= 0) {
        if (seenGroup[group] === i) blocked[i] = 1;
        seenGroup[group] = i;
      }
    }
    if (!fits(costs, extra, remaining)) blocked[i] = 1;
  }
  for (let i = 0; i < n; i++) {
    if (forced[i]) continue;
    for (const member of closures[i] ?? [])
      if (blocked[member]) {
        status[i] = OUT;
        break;
      }
  }
}

/** True when no voluntary item has a group or requirement that still matters (the core solver applies). */
function freeOfConstraints(prepared: Prepared, status: Uint8Array, voluntary: readonly number[]): boolean {
  const { forced, closures, dependents, groupOf, groupMembers } = prepared;
  let free = true;
  for (const item of voluntary) {
    for (const member of closures[item] ?? []) if (member !== item && !forced[member]) free = false;
    for (const dependent of dependents[item] ?? []) if (status[dependent] !== OUT) free = false;
    const group = groupOf[item] ?? -1;
    if (group >= 0)
      for (const other of groupMembers[group] ?? [])
        if (other !== item && status[other] !== OUT) free = false;
  }
  return free;
}

/** The voluntary items with LP value > 0 by LP density (ties: cheaper, more valuable, earlier), then the rest. */
function branchingOrder(
  voluntary: readonly number[],
  cost: Float64Array,
  value: Float64Array,
  lpValue: Float64Array,
): Int32Array {
  const density = (item: number) => lpDensity(cost[item] ?? 0, lpValue[item] ?? 0);
  const byLpDensity = (a: number, b: number) => {
    const byDensity = (lpValue[b] ?? 0) * (cost[a] ?? 0) - (lpValue[a] ?? 0) * (cost[b] ?? 0);
    return byDensity || (cost[a] ?? 0) - (cost[b] ?? 0) || (value[b] ?? 0) - (value[a] ?? 0) || a - b;
  };
  const positive = (item: number) => (lpValue[item] ?? 0) > 0;
  return Int32Array.from([
    ...voluntary.filter(positive).sort(byLpDensity),
    ...voluntary.filter((item) => !positive(item)).sort((a, b) => density(b) - density(a) || a - b),
  ]);
}

/** 1 where the item at position k of the order and the next one are identical unconstrained items. */
function twinsInOrder(order: Int32Array, prepared: Prepared): Uint8Array {
  const { unconstrained } = prepared;
  const cost = prepared.costs.numbers;
  const value = prepared.values.numbers;
  const twinWithNext = new Uint8Array(order.length);
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k] ?? 0;
    const b = order[k + 1] ?? 0;
    twinWithNext[k] =
      unconstrained[a] && unconstrained[b] && cost[a] === cost[b] && value[a] === value[b] ? 1 : 0;
  }
  return twinWithNext;
}

/** The search's starting point over one item list and remaining budget. */
export interface SearchStart {
  /** Item statuses: forced items IN, impossible items OUT, the rest UNDECIDED. */
  readonly status: Uint8Array;
  /** The item owning each group (a forced one), or -1. */
  readonly groupOwner: Int32Array;
  /** The undecided items with value > 0, in row order. */
  readonly voluntary: readonly number[];
  /** True when no voluntary item has a group or requirement that still matters (the core solver applies). */
  readonly unconstrainedVoluntary: boolean;
  /** The LP's items: the voluntary items and the undecided items they require. */
  readonly isUnit: Uint8Array;
  /** Requirement trees merged for the LP bound (selection-bounds.ts). */
  readonly composite: RequirementComposites;
  /** The voluntary items in branching order, and 1 where an item is an identical twin of the next. */
  readonly order: Int32Array;
  readonly twinWithNext: Uint8Array;
}

/** Computes the search's starting point; `remaining` is the budget left after the forced items, in working units. */
export function searchStart(prepared: Prepared, remaining: number): SearchStart {
  const { n, closures } = prepared;
  const cost = prepared.costs.numbers;
  const value = prepared.values.numbers;
  const { status, groupOwner } = forcedStart(prepared);
  excludeImpossible(prepared, status, groupOwner, remaining);
  const voluntary: number[] = [];
  for (let i = 0; i < n; i++) if (status[i] === UNDECIDED && (value[i] ?? 0) > 0) voluntary.push(i);
  // LP units: the voluntary items and what they require (an item of value ≤ 0 is never picked alone, but it
  // is part of a dependent's price).
  const isUnit = new Uint8Array(n);
  for (const item of voluntary)
    for (const member of closures[item] ?? []) if (status[member] === UNDECIDED) isUnit[member] = 1;
  const composite = requirementComposites(n, isUnit, prepared.requiresDirect, cost, value);
  const order = branchingOrder(voluntary, cost, value, composite.lpValue);
  return {
    status,
    groupOwner,
    voluntary,
    unconstrainedVoluntary: freeOfConstraints(prepared, status, voluntary),
    isUnit,
    composite,
    order,
    twinWithNext: twinsInOrder(order, prepared),
  };
}
