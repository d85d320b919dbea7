// The exact branch-and-bound search of portfolio selection: maximum value, then minimum cost, then the earliest
// rows, over the free items, with LP bounds (selection-lp.ts) that respect groups and requirements.
//
// How it works, for a reader who has not seen it:
//
// The model. Each item has a cost ≥ 0 and a value; the chosen set must fit the budget, hold at most one item per
// group, and hold everything a chosen item requires. Must-fund items and what they require are "forced" in from
// the start (selection-model.ts checks they fit). Among the sets of greatest value, the cheapest wins; among
// those, the one that selects the earliest row where they differ. Numbers with at most 6 decimals are scaled to
// whole numbers, so sums and comparisons are exact; other numbers are compared with a small tolerance.
//
// Before searching (selection-start.ts), items that can never be chosen are set out: the other items of a
// group a forced item owns, and items whose requirement closure holds two items of one group or does not fit
// the budget left after the forced items (with everything that requires them). The "voluntary" items are the
// undecided ones with value > 0; an item of value ≤ 0 is only ever chosen because a chosen item requires it.
//
// Branching. A depth-first search over the voluntary items in LP-density order (value per unit of cost, with
// the redistributed values described below), trying "in" before "out". Including an item includes its whole
// requirement closure and takes its group, which excludes the group's other items and whatever requires them.
// Excluding an item excludes whatever requires it, and, when the next items in the order are identical
// unconstrained items (same cost and value), those too: a set with a later twin instead of an earlier one is
// never better, and never preferred under the earlier-rows rule.
//
// The bound. At each node, the best value still reachable is over-estimated by Dantzig's LP relaxation: fill
// the remaining budget with the undecided items by density, taking a fraction of the first one that does not
// fit. Groups: the items of a group enter the LP as the increments of the upper concave hull of their
// (cost, value) points, which is the LP relaxation of "at most one of them"; once one of them is excluded the
// hull no longer describes the rest, so its undecided items then stand for themselves (looser, still valid).
// Requires: along requirement trees, value is moved from dense dependents to the items they require
// (selection-bounds.ts), so the LP cannot count a dense item without paying for what it needs; once an item of
// such a tree is in, the value its undecided members gave away is added back as `slack`. The units sit in
// Fenwick trees in density order, so a bound is a binary descent (O(log n)) and every change is undone exactly
// on backtracking. With whole-number values, the bound is rounded down to their common step. A node is cut
// when its bound is below the best value found; when it merely ties, a second LP bound (the least extra cost
// that could still reach that value) cuts it unless it could reach the value more cheaply.
//
// Two phases. `optimise` finds the best value and then the least cost. `preferEarlierRows` then settles ties
// between equally good sets: one search for any other set with the same value and cost (most optima are
// unique, so this usually ends it); only if there is one, row by row in list order, each row is kept in if some
// optimal set with the rows decided so far contains it, and left out otherwise.
//
// The node budget. Every node visited, in both phases, counts against `nodeLimit`; past it the search answers
// 'limit' and the caller reports that the set could not be proved optimal (DESIGN §9, §10): never a heuristic.
//
// Why a dynamic programme too. When values per unit of cost are nearly equal (strongly correlated values,
// value = cost) the LP bound is nearly flat and cuts little, and the search grows exponentially. For such
// portfolios selection.ts, after a first search of 250,000 nodes, runs the dynamic programme of
// selection-dp.ts: its time is items × budget ÷ cost step whatever the values, and it applies when costs are
// whole decimal steps and no voluntary item has a group or requirement that still matters
// (`unconstrainedVoluntary`). When it does not apply, or its table would be too large, the search runs again
// up to the full node budget.

import { LpBound } from './selection-lp';
import { fits, IN, OUT, type Prepared, UNDECIDED, workingBudget } from './selection-model';
import { searchStart } from './selection-start';

/** What one depth-first search looks for. */
interface Goal {
  /** `optimise`: improve the best (value, cost). `witness`: stop at the first completion that reaches the target. */
  readonly mode: 'optimise' | 'witness';
  readonly targetValue: number;
  readonly targetCost: number;
  /** For `witness`: the completion must differ from these flags. */
  readonly differentFrom: Uint8Array | undefined;
}

const OPTIMISE: Goal = { mode: 'optimise', targetValue: 0, targetCost: 0, differentFrom: undefined };

/** What a node's first visit decides: go back up, branch on its item, or stop the search. */
const BACK = 0;
const BRANCH = 1;
const FOUND = 2;
const LIMIT = 3;

/** Checkpoint slots: one for the row-by-row phase, one for the start of a search, then one per depth. */
const ROW_SLOT = 0;
const SEARCH_SLOT = 1;
const FIRST_FRAME_SLOT = 2;

/** The search state over one item list and budget, with forced items in and blocked items out. */
export class Search {
  /** The flags of the best set found. */
  readonly best: Uint8Array;
  /** True when no voluntary item has a group or requirement that still matters (the DP applies). */
  readonly unconstrainedVoluntary: boolean;
  /** The free items with value > 0, in row order. */
  readonly voluntary: Int32Array;
  /** The budget left after the forced items, in working units. */
  readonly remainingBudget: number;
  /** Nodes visited so far, across both phases. */
  readonly nodes = (): number => this.nodeCount;

  private readonly prepared: Prepared;
  private readonly budget: number;
  private readonly nodeLimit: number;
  private readonly tolValue: number;
  private readonly tolCost: number;
  private readonly valueStep: number;
  private readonly costStep: number;
  private readonly isVoluntary: Uint8Array;
  /** The voluntary items in branching order, and which of them are twins of the next. */
  private readonly order: Int32Array;
  private readonly twinWithNext: Uint8Array;
  private readonly lp: LpBound;
  /** Requirement trees of the LP: each item's tree (or -1), the trees' members, and the value each gave away. */
  private readonly treeOf: Int32Array;
  private readonly treeMembers: readonly (readonly number[])[];
  private readonly owed: Float64Array;

  // The state that decisions change, and the trails that undo them.
  private readonly status: Uint8Array;
  private readonly groupOwner: Int32Array;
  /** Items decided (≥ 0) and groups taken (−1 − group), in order. */
  private readonly trail: Int32Array;
  private trailLength = 0;
  /** Items in, per requirement tree; a tree with one is "open" and its owed value is slack. */
  private readonly membersIn: Int32Array;
  private readonly openTrail: Int32Array;
  private openTrailLength = 0;
  private slack = 0;
  private currentCost: number;
  private currentValue: number;
  private bestValue: number;
  private bestCost: number;
  private nodeCount = 0;
  /** Non-voluntary rows the row-by-row phase has committed to keep in. */
  private readonly mustEndIn: number[] = [];

  // Checkpoints (see snapshot) and the explicit stack of the depth-first search.
  private readonly savedTrail: Int32Array;
  private readonly savedOpen: Int32Array;
  private readonly savedTree: Int32Array;
  private readonly savedFlags: Int32Array;
  private readonly savedSlack: Float64Array;
  private readonly savedCost: Float64Array;
  private readonly savedValue: Float64Array;
  private readonly framePosition: Int32Array;
  /** 0: first visit; 1: "in" tried, "out" next; 2: both tried. */
  private readonly framePhase: Uint8Array;

  constructor(
    prepared: Prepared,
    budget: number,
    nodeLimit: number,
    forcedTotals: { cost: number; value: number },
  ) {
    const { n, costs, values, forced } = prepared;
    this.prepared = prepared;
    this.budget = workingBudget(costs, budget);
    this.nodeLimit = nodeLimit;
    this.tolValue = values.tolerance;
    this.tolCost = costs.tolerance;
    this.valueStep = values.exact ? values.step : 0;
    this.costStep = costs.exact ? costs.step : 0;
    this.remainingBudget = this.budget - forcedTotals.cost;
    const start = searchStart(prepared, this.remainingBudget);
    const { status, groupOwner, voluntary, composite } = start;
    this.status = status;
    this.groupOwner = groupOwner;
    this.voluntary = Int32Array.from(voluntary);
    this.isVoluntary = new Uint8Array(n);
    for (const item of voluntary) this.isVoluntary[item] = 1;
    this.unconstrainedVoluntary = start.unconstrainedVoluntary;
    this.treeOf = composite.topOf;
    this.treeMembers = composite.members;
    this.owed = composite.owed;
    this.order = start.order;
    this.twinWithNext = start.twinWithNext;
    this.lp = new LpBound(prepared, start.isUnit, composite.lpValue, status, groupOwner);
    this.trail = new Int32Array(4 * n + 8);
    this.membersIn = new Int32Array(n);
    this.openTrail = new Int32Array(n + 1);
    this.currentCost = forcedTotals.cost;
    this.currentValue = forcedTotals.value;
    this.best = Uint8Array.from(forced);
    this.bestValue = forcedTotals.value;
    this.bestCost = forcedTotals.cost;
    const m = this.order.length;
    this.savedTrail = new Int32Array(FIRST_FRAME_SLOT + m + 2);
    this.savedOpen = new Int32Array(this.savedTrail.length);
    this.savedTree = new Int32Array(this.savedTrail.length);
    this.savedFlags = new Int32Array(this.savedTrail.length);
    this.savedSlack = new Float64Array(this.savedTrail.length);
    this.savedCost = new Float64Array(this.savedTrail.length);
    this.savedValue = new Float64Array(this.savedTrail.length);
    this.framePosition = new Int32Array(m + 2);
    this.framePhase = new Uint8Array(m + 2);
  }

  /** Maximum value, then minimum cost (ties in both are not explored); 'limit' past the node limit. */
  optimise(incumbent: Uint8Array | undefined): 'done' | 'limit' {
    if (incumbent) {
      let incumbentValue = 0;
      let incumbentCost = 0;
      for (let i = 0; i < this.prepared.n; i++)
        if (incumbent[i]) {
          incumbentValue += this.prepared.values.numbers[i] ?? 0;
          incumbentCost += this.prepared.costs.numbers[i] ?? 0;
        }
      if (this.improves(incumbentValue, incumbentCost)) {
        this.best.set(incumbent);
        this.bestValue = incumbentValue;
        this.bestCost = incumbentCost;
      }
    }
    return this.dfs(OPTIMISE) === 'limit' ? 'limit' : 'done';
  }

  /** Among sets with the optimum's value and cost, the one that selects the earliest differing row. */
  preferEarlierRows(): 'done' | 'limit' {
    const { status, isVoluntary, mustEndIn, best } = this;
    const witness = Uint8Array.from(best);
    const target = { targetValue: this.bestValue, targetCost: this.bestCost };
    // Most optima are unique: one search for any other set as good settles it without row-by-row proofs.
    const other = this.dfs({ mode: 'witness', ...target, differentFrom: witness });
    if (other === 'limit') return 'limit';
    best.set(witness);
    if (other === 'done') return 'done';
    const goal: Goal = { mode: 'witness', ...target, differentFrom: undefined };
    for (let row = 0; row < this.prepared.n; row++) {
      if (status[row] !== UNDECIDED) continue;
      const voluntaryRow = isVoluntary[row] === 1;
      if (witness[row]) {
        if (voluntaryRow) this.include(row);
        else mustEndIn.push(row);
        continue;
      }
      // Is there an optimal set with this row in, given the rows before? Keep it in if so, else set it out.
      this.snapshot(ROW_SLOT);
      if (!voluntaryRow) mustEndIn.push(row);
      const committed = voluntaryRow ? this.include(row) : true;
      const outcome = committed ? this.dfs(goal) : 'done';
      if (outcome === 'limit') return 'limit';
      if (outcome === 'found') {
        witness.set(best);
        continue;
      }
      this.restore(ROW_SLOT);
      if (!voluntaryRow) mustEndIn.pop();
      this.excludeWithDependents(row);
    }
    best.set(witness);
    return 'done';
  }

  /** Saves the state that decisions change (trail lengths, slack, cost and value) into checkpoint `slot`. */
  private snapshot(slot: number): void {
    this.savedTrail[slot] = this.trailLength;
    this.savedOpen[slot] = this.openTrailLength;
    this.savedTree[slot] = this.lp.treeTrailLength;
    this.savedFlags[slot] = this.lp.flagTrailLength;
    this.savedSlack[slot] = this.slack;
    this.savedCost[slot] = this.currentCost;
    this.savedValue[slot] = this.currentValue;
  }

  /** Undoes every decision made since checkpoint `slot`: statuses, group owners, open trees and the LP, exactly. */
  private restore(slot: number): void {
    this.lp.undoTo(this.savedTree[slot] ?? 0, this.savedFlags[slot] ?? 0);
    const openMark = this.savedOpen[slot] ?? 0;
    while (this.openTrailLength > openMark) {
      const top = this.openTrail[--this.openTrailLength] ?? 0;
      this.membersIn[top] = (this.membersIn[top] ?? 0) - 1;
    }
    const { trail, status, groupOwner } = this;
    const mark = this.savedTrail[slot] ?? 0;
    let length = this.trailLength;
    while (length > mark) {
      const entry = trail[--length] ?? 0;
      if (entry >= 0) status[entry] = UNDECIDED;
      else groupOwner[-1 - entry] = -1;
    }
    this.trailLength = length;
    this.slack = this.savedSlack[slot] ?? 0;
    this.currentCost = this.savedCost[slot] ?? 0;
    this.currentValue = this.savedValue[slot] ?? 0;
  }

  /** Keeps the slack of requirement trees up to date when an item is decided (before its status changes). */
  private statusChanged(item: number, to: typeof IN | typeof OUT): void {
    const top = this.treeOf[item] ?? -1;
    if (top < 0) return;
    if ((this.membersIn[top] ?? 0) > 0) this.slack -= this.owed[item] ?? 0;
    if (to !== IN) return;
    if ((this.membersIn[top] ?? 0) === 0)
      for (const member of this.treeMembers[top] ?? [])
        if (member !== item && this.status[member] === UNDECIDED) this.slack += this.owed[member] ?? 0;
    this.membersIn[top] = (this.membersIn[top] ?? 0) + 1;
    this.openTrail[this.openTrailLength++] = top;
  }

  private markOut(item: number): void {
    this.statusChanged(item, OUT);
    this.status[item] = OUT;
    this.trail[this.trailLength++] = item;
    this.lp.decide(item, OUT);
  }

  private excludeWithDependents(item: number): void {
    this.markOut(item);
    for (const dependent of this.prepared.dependents[item] ?? [])
      if (this.status[dependent] === UNDECIDED) this.markOut(dependent);
  }

  /** Includes an item with its requirement closure, closing their groups; false (and no change) when it cannot. */
  private include(item: number): boolean {
    const { status, groupOwner, trail } = this;
    const { closures, groupOf, groupMembers, costs } = this.prepared;
    const cost = costs.numbers;
    const value = this.prepared.values.numbers;
    let addCost = 0;
    let addValue = 0;
    for (const member of closures[item] ?? []) {
      const state = status[member];
      if (state === OUT) return false;
      if (state === IN) continue;
      const group = groupOf[member] ?? -1;
      if (group >= 0 && (groupOwner[group] ?? -1) >= 0) return false;
      addCost += cost[member] ?? 0;
      addValue += value[member] ?? 0;
    }
    if (!fits(costs, this.currentCost + addCost, this.budget)) return false;
    for (const member of closures[item] ?? []) {
      if (status[member] !== UNDECIDED) continue;
      this.statusChanged(member, IN);
      status[member] = IN;
      trail[this.trailLength++] = member;
      this.lp.decide(member, IN);
      const group = groupOf[member] ?? -1;
      if (group < 0) continue;
      groupOwner[group] = member;
      trail[this.trailLength++] = -1 - group;
      for (const other of groupMembers[group] ?? [])
        if (other !== member && status[other] === UNDECIDED) this.excludeWithDependents(other);
    }
    this.currentCost += addCost;
    this.currentValue += addValue;
    return true;
  }

  /** Excludes the item at position k of the order, what requires it, and its identical twins after it. */
  private excludeWithTwins(k: number): void {
    const { order, status, twinWithNext } = this;
    this.excludeWithDependents(order[k] ?? 0);
    for (let twin = k; twin < order.length && twinWithNext[twin]; twin++) {
      const next = order[twin + 1] ?? 0;
      if (status[next] === UNDECIDED) this.markOut(next);
    }
  }

  /** True when (value, cost) beats the best: more value, or as much value for less cost. */
  private improves(value: number, cost: number): boolean {
    return (
      value > this.bestValue + this.tolValue ||
      (value >= this.bestValue - this.tolValue && cost < this.bestCost - this.tolCost)
    );
  }

  private differs(flags: Uint8Array): boolean {
    for (let i = 0; i < this.prepared.n; i++) if ((this.status[i] === IN ? 1 : 0) !== flags[i]) return true;
    return false;
  }

  private floorToStep(amount: number): number {
    const step = this.valueStep;
    return step > 0 ? step * Math.floor(amount / step + 1e-12 * Math.max(1, amount / step)) : amount;
  }

  private ceilToStep(amount: number): number {
    const step = this.costStep;
    return step > 0 ? step * Math.ceil(amount / step - 1e-12 * Math.max(1, amount / step)) : amount;
  }

  /**
   * One depth-first search from the current state, with an explicit stack (frames by depth); the state is
   * restored when it returns. See the file's comment for the goals, the branching and the bounds.
   */
  private dfs(goal: Goal): 'done' | 'found' | 'limit' {
    const { framePosition, framePhase, order } = this;
    this.snapshot(SEARCH_SLOT);
    let outcome: 'done' | 'found' | 'limit' = 'done';
    let depth = 0;
    framePosition[0] = 0;
    framePhase[0] = 0;
    while (depth >= 0) {
      const phase = framePhase[depth] ?? 0;
      if (phase === 0) {
        const step = this.visit(goal, depth);
        if (step === BACK) {
          depth--;
          continue;
        }
        if (step !== BRANCH) {
          outcome = step === FOUND ? 'found' : 'limit';
          break;
        }
        // Try "in" first; the checkpoint lets phase 1 undo it and try "out".
        const k = framePosition[depth] ?? 0;
        framePhase[depth] = 1;
        this.snapshot(FIRST_FRAME_SLOT + depth);
        if (this.include(order[k] ?? 0)) {
          depth++;
          framePosition[depth] = k + 1;
          framePhase[depth] = 0;
        }
        continue;
      }
      const k = framePosition[depth] ?? 0;
      this.restore(FIRST_FRAME_SLOT + depth);
      if (phase === 1) {
        framePhase[depth] = 2;
        this.excludeWithTwins(k);
        depth++;
        framePosition[depth] = k + 1;
        framePhase[depth] = 0;
        continue;
      }
      depth--;
    }
    this.restore(SEARCH_SLOT);
    return outcome;
  }

  /** A node's first visit: skips decided items, counts the node, then settles it at a leaf or by the bounds. */
  private visit(goal: Goal, depth: number): number {
    const { order, status } = this;
    const m = order.length;
    let k = this.framePosition[depth] ?? 0;
    while (k < m && status[order[k] ?? 0] !== UNDECIDED) k++;
    this.framePosition[depth] = k;
    if (++this.nodeCount > this.nodeLimit) return LIMIT;
    if (goal.mode === 'witness') {
      for (const item of this.mustEndIn) if (status[item] === OUT) return BACK;
    }
    if (k === m) return this.complete(goal) ? FOUND : BACK;
    return this.cut(goal) ? BACK : BRANCH;
  }

  /** A completed set: records it if it improves the best (optimise), or says whether it is a witness. */
  private complete(goal: Goal): boolean {
    const { status, best } = this;
    const n = this.prepared.n;
    if (goal.mode === 'optimise') {
      if (this.improves(this.currentValue, this.currentCost)) {
        for (let i = 0; i < n; i++) best[i] = status[i] === IN ? 1 : 0;
        this.bestValue = this.currentValue;
        this.bestCost = this.currentCost;
      }
      return false;
    }
    if (
      this.currentValue >= goal.targetValue - this.tolValue &&
      this.currentCost <= goal.targetCost + this.tolCost &&
      this.mustEndIn.every((item) => status[item] === IN) &&
      (!goal.differentFrom || this.differs(goal.differentFrom))
    ) {
      for (let i = 0; i < n; i++) best[i] = status[i] === IN ? 1 : 0;
      return true;
    }
    return false;
  }

  /** True when the LP bounds show that no completion of this node can beat the best (or reach the target). */
  private cut(goal: Goal): boolean {
    const { currentValue, currentCost, slack, tolValue, tolCost } = this;
    const bound = this.floorToStep(
      currentValue + slack + this.lp.upperBound(this.budget + tolCost - currentCost),
    );
    if (goal.mode === 'optimise') {
      if (bound < this.bestValue - tolValue) return true;
      if (bound <= this.bestValue + tolValue) {
        const extra = this.ceilToStep(this.lp.costToReach(this.bestValue - tolValue - currentValue - slack));
        if (currentCost + extra >= this.bestCost - tolCost) return true;
      }
      return false;
    }
    if (bound < goal.targetValue - tolValue) return true;
    const extra = this.ceilToStep(this.lp.costToReach(goal.targetValue - tolValue - currentValue - slack));
    return currentCost + extra > goal.targetCost + tolCost;
  }
}

/**
 * The search over one item list and budget, with forced items in and blocked items out (see {@link Search} and
 * the file's comment).
 */
export function createSearch(
  prepared: Prepared,
  budget: number,
  nodeLimit: number,
  forcedTotals: { cost: number; value: number },
): Search {
  return new Search(prepared, budget, nodeLimit, forcedTotals);
}
