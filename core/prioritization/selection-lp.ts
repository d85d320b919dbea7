// The LP relaxation that bounds the selection search (selection-search.ts): the undecided items as "units" in
// LP-density order, kept in Fenwick trees so that each bound costs O(log units) and every change is undone exactly.

import { type IN, OUT, type Prepared, UNDECIDED } from './selection-model';

/** The upper concave hull of a group's (cost, LP value) points, from (0, 0): the cumulative points. */
function upperHull(
  points: number[],
  cost: Float64Array,
  lpValue: Float64Array,
): { hullCost: number[]; hullValue: number[] } {
  points.sort((a, b) => (cost[a] ?? 0) - (cost[b] ?? 0) || (lpValue[b] ?? 0) - (lpValue[a] ?? 0));
  const hullCost = [0];
  const hullValue = [0];
  const slope = (fromCost: number, fromValue: number, toCost: number, toValue: number) =>
    toCost > fromCost ? (toValue - fromValue) / (toCost - fromCost) : Number.POSITIVE_INFINITY;
  for (const item of points) {
    const itemCost = cost[item] ?? 0;
    const itemValue = lpValue[item] ?? 0;
    if (itemValue <= (hullValue[hullValue.length - 1] ?? 0)) continue;
    while (hullCost.length >= 2) {
      const last = hullCost.length - 1;
      const before = slope(
        hullCost[last - 1] ?? 0,
        hullValue[last - 1] ?? 0,
        hullCost[last] ?? 0,
        hullValue[last] ?? 0,
      );
      if (before > slope(hullCost[last] ?? 0, hullValue[last] ?? 0, itemCost, itemValue)) break;
      hullCost.pop();
      hullValue.pop();
    }
    hullCost.push(itemCost);
    hullValue.push(itemValue);
  }
  return { hullCost, hullValue };
}

/** The LP's units before the search starts: their cost, value, whether they start in the trees, and who owns them. */
interface Units {
  readonly cost: Float64Array;
  readonly value: Float64Array;
  readonly active: Uint8Array;
  /** The unit standing for each item alone, or -1. */
  readonly ofItem: Int32Array;
  /** The hull increments of each group. */
  readonly ofGroup: readonly (readonly number[])[];
}

/**
 * The LP's units: an ungrouped item stands for itself; the items of a group start as the increments of the upper
 * concave hull of their (cost, LP value) points — the LP relaxation of "at most one per group" — and fall back to
 * standing for themselves (the looser relaxation) once one of them is excluded. Only items with LP value > 0 count.
 */
function buildUnits(prepared: Prepared, isUnit: Uint8Array, lpValue: Float64Array): Units {
  const { n, groupOf } = prepared;
  const cost = prepared.costs.numbers;
  const unitCost: number[] = [];
  const unitValue: number[] = [];
  const startsActive: number[] = [];
  const ofItem = new Int32Array(n).fill(-1);
  const ofGroup: number[][] = prepared.groupLabels.map(() => []);
  const hullPoints: number[][] = prepared.groupLabels.map(() => []);
  for (let i = 0; i < n; i++) {
    if (!isUnit[i] || !((lpValue[i] ?? 0) > 0)) continue;
    const group = groupOf[i] ?? -1;
    if (group >= 0) hullPoints[group]?.push(i);
    ofItem[i] = unitCost.length;
    unitCost.push(cost[i] ?? 0);
    unitValue.push(lpValue[i] ?? 0);
    startsActive.push(group < 0 ? 1 : 0);
  }
  hullPoints.forEach((points, group) => {
    const { hullCost, hullValue } = upperHull(points, cost, lpValue);
    for (let k = 1; k < hullCost.length; k++) {
      ofGroup[group]?.push(unitCost.length);
      unitCost.push((hullCost[k] ?? 0) - (hullCost[k - 1] ?? 0));
      unitValue.push((hullValue[k] ?? 0) - (hullValue[k - 1] ?? 0));
      startsActive.push(1);
    }
  });
  return {
    cost: Float64Array.from(unitCost),
    value: Float64Array.from(unitValue),
    active: Uint8Array.from(startsActive),
    ofItem,
    ofGroup,
  };
}

/**
 * Dantzig's LP bound over the undecided items. The units (see {@link buildUnits}) are sorted once by density;
 * two Fenwick trees hold the cost and value of the active ones, so the greedy fill of any budget is a binary
 * descent. Every change remembers the node values it overwrote: {@link undoTo} puts them back bit for bit, so
 * backtracking never accumulates rounding drift.
 */
export class LpBound {
  private readonly groupOf_: Int32Array;
  private readonly groupMembers_: readonly Int32Array[];
  /** The search's item statuses and group owners, read (never written) when a group leaves its hull. */
  private readonly status_: Uint8Array;
  private readonly groupOwner_: Int32Array;
  private readonly unitCost_: Float64Array;
  private readonly unitValue_: Float64Array;
  private readonly unitActive_: Uint8Array;
  private readonly unitOfItem_: Int32Array;
  private readonly groupUnits_: readonly (readonly number[])[];
  /** 0: the group's hull stands in the LP; 1: its undecided items stand for themselves. */
  private readonly groupMode_: Uint8Array;
  private readonly unitCount_: number;
  private readonly unitOrder_: Int32Array;
  private readonly positionOf_: Int32Array;
  private readonly topStep_: number;
  private readonly treeCost_: Float64Array;
  private readonly treeValue_: Float64Array;
  private readonly treeTrailNode_: Int32Array;
  private readonly treeTrailCost_: Float64Array;
  private readonly treeTrailValue_: Float64Array;
  /** Fenwick node changes so far (a checkpoint mark). */
  treeTrailLength_ = 0;
  /** Unit flips (unit ≥ 0) and groups leaving their hull (−1 − group). */
  private readonly flagTrail_: Int32Array;
  /** Flag changes so far (a checkpoint mark). */
  flagTrailLength_ = 0;

  constructor(
    prepared: Prepared,
    isUnit: Uint8Array,
    lpValue: Float64Array,
    status: Uint8Array,
    groupOwner: Int32Array,
  ) {
    this.groupOf_ = prepared.groupOf;
    this.groupMembers_ = prepared.groupMembers;
    this.status_ = status;
    this.groupOwner_ = groupOwner;
    const units = buildUnits(prepared, isUnit, lpValue);
    this.unitCost_ = units.cost;
    this.unitValue_ = units.value;
    this.unitActive_ = units.active;
    this.unitOfItem_ = units.ofItem;
    this.groupUnits_ = units.ofGroup;
    this.groupMode_ = new Uint8Array(prepared.groupLabels.length);
    const u = units.cost.length;
    this.unitCount_ = u;
    const { cost, value } = units;
    this.unitOrder_ = Int32Array.from({ length: u }, (_, id) => id).sort(
      (a, b) =>
        (value[b] ?? 0) * (cost[a] ?? 0) - (value[a] ?? 0) * (cost[b] ?? 0) ||
        (cost[a] ?? 0) - (cost[b] ?? 0) ||
        a - b,
    );
    this.positionOf_ = new Int32Array(u).fill(-1);
    this.unitOrder_.forEach((unit, k) => {
      this.positionOf_[unit] = k;
    });
    this.treeCost_ = new Float64Array(u + 1);
    this.treeValue_ = new Float64Array(u + 1);
    this.fillTrees_();
    let topStep = 1;
    while (topStep * 2 <= u) topStep *= 2;
    this.topStep_ = topStep;
    // Each unit enters or leaves the trees at most twice on one path, touching ⌈log2(u + 1)⌉ nodes each time.
    this.treeTrailNode_ = new Int32Array((2 * u + 4) * (Math.ceil(Math.log2(u + 1)) + 2));
    this.treeTrailCost_ = new Float64Array(this.treeTrailNode_.length);
    this.treeTrailValue_ = new Float64Array(this.treeTrailNode_.length);
    this.flagTrail_ = new Int32Array(2 * (u + prepared.groupLabels.length) + 2);
  }

  /** The Fenwick trees and their undo trail, read into locals by the hot loops. */
  private trees_(): readonly [Float64Array, Float64Array, Int32Array, Float64Array, Float64Array] {
    return [this.treeCost_, this.treeValue_, this.treeTrailNode_, this.treeTrailCost_, this.treeTrailValue_];
  }

  /** Builds the Fenwick trees (1-based, in density order) of the units that start active. */
  private fillTrees_(): void {
    const {
      treeCost_: treeCost,
      treeValue_: treeValue,
      unitOrder_: unitOrder,
      unitActive_: unitActive,
      unitCost_: unitCost,
      unitValue_: unitValue,
    } = this;
    const u = this.unitCount_;
    for (let q = 1; q <= u; q++) {
      const unit = unitOrder[q - 1] ?? 0;
      if (unitActive[unit]) {
        treeCost[q] = (treeCost[q] ?? 0) + (unitCost[unit] ?? 0);
        treeValue[q] = (treeValue[q] ?? 0) + (unitValue[unit] ?? 0);
      }
      const parent = q + (q & -q);
      if (parent <= u) {
        treeCost[parent] = (treeCost[parent] ?? 0) + (treeCost[q] ?? 0);
        treeValue[parent] = (treeValue[parent] ?? 0) + (treeValue[q] ?? 0);
      }
    }
  }

  /** Puts a unit into the Fenwick trees or takes it out, remembering old node values for an exact undo. */
  private setUnit_(unit: number, active: boolean): void {
    const position = this.positionOf_[unit] ?? -1;
    if (position < 0 || (this.unitActive_[unit] === 1) === active) return;
    this.unitActive_[unit] = active ? 1 : 0;
    this.flagTrail_[this.flagTrailLength_++] = unit;
    const sign = active ? -1 : 1;
    const itemCost = sign * (this.unitCost_[unit] ?? 0);
    const itemValue = sign * (this.unitValue_[unit] ?? 0);
    const [treeCost, treeValue, treeTrailNode, treeTrailCost, treeTrailValue] = this.trees_();
    const u = this.unitCount_;
    let length = this.treeTrailLength_;
    for (let q = position + 1; q <= u; q += q & -q) {
      treeTrailNode[length] = q;
      treeTrailCost[length] = treeCost[q] ?? 0;
      treeTrailValue[length] = treeValue[q] ?? 0;
      length++;
      treeCost[q] = (treeCost[q] ?? 0) - itemCost;
      treeValue[q] = (treeValue[q] ?? 0) - itemValue;
    }
    this.treeTrailLength_ = length;
  }

  /**
   * An item decided (call before its group owner is recorded): its own unit leaves the LP. In a group still on
   * its hull, an item in takes the hull out; the first item out of a group without an owner replaces the hull
   * by the group's other undecided items standing for themselves.
   */
  decide(item: number, to: typeof IN | typeof OUT): void {
    const group = this.groupOf_[item] ?? -1;
    if (group >= 0 && this.groupMode_[group] === 0) {
      for (const unit of this.groupUnits_[group] ?? []) this.setUnit_(unit, false);
      if (to === OUT && (this.groupOwner_[group] ?? -1) < 0) {
        this.groupMode_[group] = 1;
        this.flagTrail_[this.flagTrailLength_++] = -1 - group;
        for (const member of this.groupMembers_[group] ?? [])
          if (member !== item && this.status_[member] === UNDECIDED)
            this.setUnit_(this.unitOfItem_[member] ?? -1, true);
      }
    }
    this.setUnit_(this.unitOfItem_[item] ?? -1, false);
  }

  /** Undoes every change made since the marks `treeMark` and `flagMark` were read, exactly. */
  undoTo(treeMark: number, flagMark: number): void {
    while (this.flagTrailLength_ > flagMark) {
      const entry = this.flagTrail_[--this.flagTrailLength_] ?? 0;
      if (entry >= 0) this.unitActive_[entry] = this.unitActive_[entry] ? 0 : 1;
      else this.groupMode_[-1 - entry] = 0;
    }
    const [treeCost, treeValue, treeTrailNode, treeTrailCost, treeTrailValue] = this.trees_();
    let length = this.treeTrailLength_;
    while (length > treeMark) {
      length--;
      const q = treeTrailNode[length] ?? 0;
      treeCost[q] = treeTrailCost[length] ?? 0;
      treeValue[q] = treeTrailValue[length] ?? 0;
    }
    this.treeTrailLength_ = length;
  }

  /** Dantzig bound: the LP optimum over the active units with capacity `roomRaw`. */
  upperBound(roomRaw: number): number {
    const { treeCost_: treeCost, treeValue_: treeValue } = this;
    const u = this.unitCount_;
    let room = Math.max(0, roomRaw);
    let position = 0;
    let gain = 0;
    for (let step = this.topStep_; step > 0; step >>= 1) {
      const next = position + step;
      if (next <= u && (treeCost[next] ?? 0) <= room) {
        position = next;
        room -= treeCost[next] ?? 0;
        gain += treeValue[next] ?? 0;
      }
    }
    if (position < u) {
      const unit = this.unitOrder_[position] ?? 0;
      const unitPrice = this.unitCost_[unit] ?? 0;
      if (unitPrice > 0) gain += (room * (this.unitValue_[unit] ?? 0)) / unitPrice;
    }
    return gain;
  }

  /** LP lower bound on the extra cost needed to gain `need` more value from the active units. */
  costToReach(need: number): number {
    if (need <= 0) return 0;
    const { treeCost_: treeCost, treeValue_: treeValue } = this;
    const u = this.unitCount_;
    let position = 0;
    let gained = 0;
    let spent = 0;
    for (let step = this.topStep_; step > 0; step >>= 1) {
      const next = position + step;
      if (next <= u && gained + (treeValue[next] ?? 0) < need) {
        position = next;
        gained += treeValue[next] ?? 0;
        spent += treeCost[next] ?? 0;
      }
    }
    if (position >= u) return Number.POSITIVE_INFINITY;
    const unit = this.unitOrder_[position] ?? 0;
    return spent + ((need - gained) * (this.unitCost_[unit] ?? 0)) / (this.unitValue_[unit] ?? 1);
  }
}
