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
// The node budget. Every node visited, in both phases, counts against `nodeLimit`; and every node, every item a
// branch decides (each one later undone), every copy of a best set and every comparison with a witness counts in
// steps against `stepLimit` (what is left of the call's work budget, selection-work.ts). Past either the search answers 'limit' and the caller reports that the set
// could not be proved optimal (DESIGN §9, §10): never a heuristic.
//
// Why a core solver too. When values per unit of cost are nearly equal (strongly correlated values,
// value = cost) the LP bound is nearly flat and cuts little, and the search grows exponentially. When costs are
// whole decimal steps and no voluntary item has a group or requirement that still matters
// (`unconstrainedVoluntary`), selection.ts first runs the expanding-core solver of selection-core.ts, whose
// state lists do not care how alike the densities are; this search takes the other cases, and those the core
// solver cannot prove within its ¾ of the work.

import { LpBound } from './selection-lp';
import { fits, IN, OUT, type Prepared, UNDECIDED, workingBudget } from './selection-model';
import { searchStart } from './selection-start';
import { itemSteps, STEPS_PER_NODE } from './selection-work';

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
  /** Nodes visited so far, across both phases. */
  readonly nodes = (): number => this.nodeCount_;
  /** Work steps used so far (nodes, best-set copies, witness comparisons), see selection-work.ts. */
  readonly steps = (): number => this.stepCount_;

  private readonly prepared_: Prepared;
  private readonly budget_: number;
  private readonly nodeLimit_: number;
  private readonly stepLimit_: number;
  /** Steps of one pass over every item (copying the best set, comparing with a witness). */
  private readonly passSteps_: number;
  /** Steps per item decided: its LP update and later undo touch about log2(n) Fenwick nodes. */
  private readonly decisionSteps_: number;
  private readonly tolValue_: number;
  private readonly tolCost_: number;
  private readonly valueStep_: number;
  private readonly costStep_: number;
  private readonly isVoluntary_: Uint8Array;
  /** The voluntary items in branching order, and which of them are twins of the next. */
  private readonly order_: Int32Array;
  private readonly twinWithNext_: Uint8Array;
  private readonly lp_: LpBound;
  /** Requirement trees of the LP: each item's tree (or -1), the trees' members, and the value each gave away. */
  private readonly treeOf_: Int32Array;
  private readonly treeMembers_: readonly (readonly number[])[];
  private readonly owed_: Float64Array;

  // The state that decisions change, and the trails that undo them.
  private readonly status_: Uint8Array;
  private readonly groupOwner_: Int32Array;
  /** Items decided (≥ 0) and groups taken (−1 − group), in order. */
  private readonly trail_: Int32Array;
  private trailLength_ = 0;
  /** Items in, per requirement tree; a tree with one is "open" and its owed value is slack. */
  private readonly membersIn_: Int32Array;
  private readonly openTrail_: Int32Array;
  private openTrailLength_ = 0;
  private slack_ = 0;
  private currentCost_: number;
  private currentValue_: number;
  private bestValue_: number;
  private bestCost_: number;
  private nodeCount_ = 0;
  private stepCount_ = 0;
  /** Non-voluntary rows the row-by-row phase has committed to keep in. */
  private readonly mustEndIn_: number[] = [];

  // Checkpoints (see snapshot) and the explicit stack of the depth-first search.
  private readonly savedTrail_: Int32Array;
  private readonly savedOpen_: Int32Array;
  private readonly savedTree_: Int32Array;
  private readonly savedFlags_: Int32Array;
  private readonly savedSlack_: Float64Array;
  private readonly savedCost_: Float64Array;
  private readonly savedValue_: Float64Array;
  private readonly framePosition_: Int32Array;
  /** 0: first visit; 1: "in" tried, "out" next; 2: both tried. */
  private readonly framePhase_: Uint8Array;

  constructor(
    prepared: Prepared,
    budget: number,
    nodeLimit: number,
    forcedTotals: { cost: number; value: number },
    stepLimit: number,
  ) {
    const { n, costs, values, forced } = prepared;
    this.prepared_ = prepared;
    this.budget_ = workingBudget(costs, budget);
    this.nodeLimit_ = nodeLimit;
    this.stepLimit_ = stepLimit;
    this.passSteps_ = itemSteps(n);
    this.decisionSteps_ = Math.max(1, Math.ceil(Math.log2(n + 1) / 3));
    this.tolValue_ = values.tolerance;
    this.tolCost_ = costs.tolerance;
    this.valueStep_ = values.exact ? values.step : 0;
    this.costStep_ = costs.exact ? costs.step : 0;
    const start = searchStart(prepared, this.budget_ - forcedTotals.cost);
    const { status, groupOwner, voluntary, composite } = start;
    this.status_ = status;
    this.groupOwner_ = groupOwner;
    this.isVoluntary_ = new Uint8Array(n);
    for (const item of voluntary) this.isVoluntary_[item] = 1;
    this.treeOf_ = composite.topOf;
    this.treeMembers_ = composite.members;
    this.owed_ = composite.owed;
    this.order_ = start.order;
    this.twinWithNext_ = start.twinWithNext;
    this.lp_ = new LpBound(prepared, start.isUnit, composite.lpValue, status, groupOwner);
    this.trail_ = new Int32Array(4 * n + 8);
    this.membersIn_ = new Int32Array(n);
    this.openTrail_ = new Int32Array(n + 1);
    this.currentCost_ = forcedTotals.cost;
    this.currentValue_ = forcedTotals.value;
    this.best = Uint8Array.from(forced);
    this.bestValue_ = forcedTotals.value;
    this.bestCost_ = forcedTotals.cost;
    const m = this.order_.length;
    this.savedTrail_ = new Int32Array(FIRST_FRAME_SLOT + m + 2);
    this.savedOpen_ = new Int32Array(this.savedTrail_.length);
    this.savedTree_ = new Int32Array(this.savedTrail_.length);
    this.savedFlags_ = new Int32Array(this.savedTrail_.length);
    this.savedSlack_ = new Float64Array(this.savedTrail_.length);
    this.savedCost_ = new Float64Array(this.savedTrail_.length);
    this.savedValue_ = new Float64Array(this.savedTrail_.length);
    this.framePosition_ = new Int32Array(m + 2);
    this.framePhase_ = new Uint8Array(m + 2);
  }

  /** Maximum value, then minimum cost (ties in both are not explored); 'limit' past the node limit. */
  optimise(incumbent: Uint8Array | undefined): 'done' | 'limit' {
    if (incumbent) {
      this.stepCount_ += this.passSteps_;
      let incumbentValue = 0;
      let incumbentCost = 0;
      for (let i = 0; i < this.prepared_.n; i++)
        if (incumbent[i]) {
          incumbentValue += this.prepared_.values.numbers[i] ?? 0;
          incumbentCost += this.prepared_.costs.numbers[i] ?? 0;
        }
      if (this.improves_(incumbentValue, incumbentCost)) {
        this.best.set(incumbent);
        this.bestValue_ = incumbentValue;
        this.bestCost_ = incumbentCost;
      }
    }
    return this.dfs_(OPTIMISE) === 'limit' ? 'limit' : 'done';
  }

  /** Among sets with the optimum's value and cost, the one that selects the earliest differing row. */
  preferEarlierRows(): 'done' | 'limit' {
    const { status_: status, isVoluntary_: isVoluntary, mustEndIn_: mustEndIn, best } = this;
    const witness = Uint8Array.from(best);
    this.stepCount_ += this.passSteps_;
    const target = { targetValue: this.bestValue_, targetCost: this.bestCost_ };
    // Most optima are unique: one search for any other set as good settles it without row-by-row proofs.
    const other = this.dfs_({ mode: 'witness', ...target, differentFrom: witness });
    if (other === 'limit') return 'limit';
    best.set(witness);
    if (other === 'done') return 'done';
    const goal: Goal = { mode: 'witness', ...target, differentFrom: undefined };
    for (let row = 0; row < this.prepared_.n; row++) {
      if (status[row] !== UNDECIDED) continue;
      const voluntaryRow = isVoluntary[row] === 1;
      if (witness[row]) {
        if (voluntaryRow) this.include_(row);
        else mustEndIn.push(row);
        continue;
      }
      // Is there an optimal set with this row in, given the rows before? Keep it in if so, else set it out.
      this.snapshot_(ROW_SLOT);
      if (!voluntaryRow) mustEndIn.push(row);
      const committed = voluntaryRow ? this.include_(row) : true;
      const outcome = committed ? this.dfs_(goal) : 'done';
      if (outcome === 'limit') return 'limit';
      if (outcome === 'found') {
        witness.set(best);
        continue;
      }
      this.restore_(ROW_SLOT);
      if (!voluntaryRow) mustEndIn.pop();
      this.excludeWithDependents_(row);
    }
    best.set(witness);
    return 'done';
  }

  /** Saves the state that decisions change (trail lengths, slack, cost and value) into checkpoint `slot`. */
  private snapshot_(slot: number): void {
    this.savedTrail_[slot] = this.trailLength_;
    this.savedOpen_[slot] = this.openTrailLength_;
    this.savedTree_[slot] = this.lp_.treeTrailLength_;
    this.savedFlags_[slot] = this.lp_.flagTrailLength_;
    this.savedSlack_[slot] = this.slack_;
    this.savedCost_[slot] = this.currentCost_;
    this.savedValue_[slot] = this.currentValue_;
  }

  /** Undoes every decision made since checkpoint `slot`: statuses, group owners, open trees and the LP, exactly. */
  private restore_(slot: number): void {
    this.lp_.undoTo(this.savedTree_[slot] ?? 0, this.savedFlags_[slot] ?? 0);
    const openMark = this.savedOpen_[slot] ?? 0;
    while (this.openTrailLength_ > openMark) {
      const top = this.openTrail_[--this.openTrailLength_] ?? 0;
      this.membersIn_[top] = (this.membersIn_[top] ?? 0) - 1;
    }
    const { trail_: trail, status_: status, groupOwner_: groupOwner } = this;
    const mark = this.savedTrail_[slot] ?? 0;
    let length = this.trailLength_;
    while (length > mark) {
      const entry = trail[--length] ?? 0;
      if (entry >= 0) status[entry] = UNDECIDED;
      else groupOwner[-1 - entry] = -1;
    }
    this.trailLength_ = length;
    this.slack_ = this.savedSlack_[slot] ?? 0;
    this.currentCost_ = this.savedCost_[slot] ?? 0;
    this.currentValue_ = this.savedValue_[slot] ?? 0;
  }

  /** Keeps the slack of requirement trees up to date when an item is decided (before its status changes). */
  private statusChanged_(item: number, to: typeof IN | typeof OUT): void {
    const top = this.treeOf_[item] ?? -1;
    if (top < 0) return;
    if ((this.membersIn_[top] ?? 0) > 0) this.slack_ -= this.owed_[item] ?? 0;
    if (to !== IN) return;
    if ((this.membersIn_[top] ?? 0) === 0)
      for (const member of this.treeMembers_[top] ?? [])
        if (member !== item && this.status_[member] === UNDECIDED) this.slack_ += this.owed_[member] ?? 0;
    this.membersIn_[top] = (this.membersIn_[top] ?? 0) + 1;
    this.openTrail_[this.openTrailLength_++] = top;
  }

  private markOut_(item: number): void {
    this.statusChanged_(item, OUT);
    this.status_[item] = OUT;
    this.trail_[this.trailLength_++] = item;
    this.lp_.decide(item, OUT);
  }

  private excludeWithDependents_(item: number): void {
    this.markOut_(item);
    for (const dependent of this.prepared_.dependents[item] ?? [])
      if (this.status_[dependent] === UNDECIDED) this.markOut_(dependent);
  }

  /** Includes an item with its requirement closure, closing their groups; false (and no change) when it cannot. */
  private include_(item: number): boolean {
    const { status_: status, groupOwner_: groupOwner, trail_: trail } = this;
    const { closures, groupOf, groupMembers, costs } = this.prepared_;
    const cost = costs.numbers;
    const value = this.prepared_.values.numbers;
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
    if (!fits(costs, this.currentCost_ + addCost, this.budget_)) return false;
    for (const member of closures[item] ?? []) {
      if (status[member] !== UNDECIDED) continue;
      this.statusChanged_(member, IN);
      status[member] = IN;
      trail[this.trailLength_++] = member;
      this.lp_.decide(member, IN);
      const group = groupOf[member] ?? -1;
      if (group < 0) continue;
      groupOwner[group] = member;
      trail[this.trailLength_++] = -1 - group;
      for (const other of groupMembers[group] ?? [])
        if (other !== member && status[other] === UNDECIDED) this.excludeWithDependents_(other);
    }
    this.currentCost_ += addCost;
    this.currentValue_ += addValue;
    return true;
  }

  /** Excludes the item at position k of the order, what requires it, and its identical twins after it. */
  private excludeWithTwins_(k: number): void {
    const { order_: order, status_: status, twinWithNext_: twinWithNext } = this;
    this.excludeWithDependents_(order[k] ?? 0);
    for (let twin = k; twin < order.length && twinWithNext[twin]; twin++) {
      const next = order[twin + 1] ?? 0;
      if (status[next] === UNDECIDED) this.markOut_(next);
    }
  }

  /** True when (value, cost) beats the best: more value, or as much value for less cost. */
  private improves_(value: number, cost: number): boolean {
    return (
      value > this.bestValue_ + this.tolValue_ ||
      (value >= this.bestValue_ - this.tolValue_ && cost < this.bestCost_ - this.tolCost_)
    );
  }

  private differs_(flags: Uint8Array): boolean {
    this.stepCount_ += this.passSteps_;
    for (let i = 0; i < this.prepared_.n; i++) if ((this.status_[i] === IN ? 1 : 0) !== flags[i]) return true;
    return false;
  }

  private floorToStep_(amount: number): number {
    const step = this.valueStep_;
    return step > 0 ? step * Math.floor(amount / step + 1e-12 * Math.max(1, amount / step)) : amount;
  }

  private ceilToStep_(amount: number): number {
    const step = this.costStep_;
    return step > 0 ? step * Math.ceil(amount / step - 1e-12 * Math.max(1, amount / step)) : amount;
  }

  /**
   * One depth-first search from the current state, with an explicit stack (frames by depth); the state is
   * restored when it returns. See the file's comment for the goals, the branching and the bounds.
   */
  private dfs_(goal: Goal): 'done' | 'found' | 'limit' {
    const { framePosition_: framePosition, framePhase_: framePhase, order_: order } = this;
    this.snapshot_(SEARCH_SLOT);
    let outcome: 'done' | 'found' | 'limit' = 'done';
    let depth = 0;
    framePosition[0] = 0;
    framePhase[0] = 0;
    while (depth >= 0) {
      const phase = framePhase[depth] ?? 0;
      if (phase === 0) {
        const step = this.visit_(goal, depth);
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
        this.snapshot_(FIRST_FRAME_SLOT + depth);
        const included = this.include_(order[k] ?? 0);
        this.countDecisions_(depth);
        if (included) {
          depth++;
          framePosition[depth] = k + 1;
          framePhase[depth] = 0;
        }
        continue;
      }
      const k = framePosition[depth] ?? 0;
      this.restore_(FIRST_FRAME_SLOT + depth);
      if (phase === 1) {
        framePhase[depth] = 2;
        this.excludeWithTwins_(k);
        this.countDecisions_(depth);
        depth++;
        framePosition[depth] = k + 1;
        framePhase[depth] = 0;
        continue;
      }
      depth--;
    }
    this.restore_(SEARCH_SLOT);
    return outcome;
  }

  /** Charges the items decided since the checkpoint of `depth` (each is undone later, too). */
  private countDecisions_(depth: number): void {
    const decided = this.trailLength_ - (this.savedTrail_[FIRST_FRAME_SLOT + depth] ?? 0);
    this.stepCount_ += decided * this.decisionSteps_;
  }

  /** A node's first visit: skips decided items, counts the node, then settles it at a leaf or by the bounds. */
  private visit_(goal: Goal, depth: number): number {
    const { order_: order, status_: status } = this;
    const m = order.length;
    const from = this.framePosition_[depth] ?? 0;
    let k = from;
    while (k < m && status[order[k] ?? 0] !== UNDECIDED) k++;
    this.framePosition_[depth] = k;
    this.stepCount_ += STEPS_PER_NODE + ((k - from) >> 2);
    if (++this.nodeCount_ > this.nodeLimit_ || this.stepCount_ > this.stepLimit_) return LIMIT;
    if (goal.mode === 'witness') {
      for (const item of this.mustEndIn_) if (status[item] === OUT) return BACK;
    }
    if (k === m) return this.complete_(goal) ? FOUND : BACK;
    return this.cut_(goal) ? BACK : BRANCH;
  }

  /** A completed set: records it if it improves the best (optimise), or says whether it is a witness. */
  private complete_(goal: Goal): boolean {
    const { status_: status, best } = this;
    const n = this.prepared_.n;
    if (goal.mode === 'optimise') {
      if (this.improves_(this.currentValue_, this.currentCost_)) {
        this.stepCount_ += this.passSteps_;
        for (let i = 0; i < n; i++) best[i] = status[i] === IN ? 1 : 0;
        this.bestValue_ = this.currentValue_;
        this.bestCost_ = this.currentCost_;
      }
      return false;
    }
    if (
      this.currentValue_ >= goal.targetValue - this.tolValue_ &&
      this.currentCost_ <= goal.targetCost + this.tolCost_ &&
      this.mustEndIn_.every((item) => status[item] === IN) &&
      (!goal.differentFrom || this.differs_(goal.differentFrom))
    ) {
      for (let i = 0; i < n; i++) best[i] = status[i] === IN ? 1 : 0;
      return true;
    }
    return false;
  }

  /** True when the LP bounds show that no completion of this node can beat the best (or reach the target). */
  private cut_(goal: Goal): boolean {
    const {
      currentValue_: currentValue,
      currentCost_: currentCost,
      slack_: slack,
      tolValue_: tolValue,
      tolCost_: tolCost,
    } = this;
    const bound = this.floorToStep_(
      currentValue + slack + this.lp_.upperBound(this.budget_ + tolCost - currentCost),
    );
    if (goal.mode === 'optimise') {
      if (bound < this.bestValue_ - tolValue) return true;
      if (bound <= this.bestValue_ + tolValue) {
        const extra = this.ceilToStep_(
          this.lp_.costToReach(this.bestValue_ - tolValue - currentValue - slack),
        );
        if (currentCost + extra >= this.bestCost_ - tolCost) return true;
      }
      return false;
    }
    if (bound < goal.targetValue - tolValue) return true;
    const extra = this.ceilToStep_(this.lp_.costToReach(goal.targetValue - tolValue - currentValue - slack));
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
  stepLimit = Number.POSITIVE_INFINITY,
): Search {
  return new Search(prepared, budget, nodeLimit, forcedTotals, stepLimit);
}
