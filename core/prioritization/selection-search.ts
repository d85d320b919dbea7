// The exact branch-and-bound search of portfolio selection: maximum value, then minimum cost, then the earliest
// rows, over the free items, with LP bounds kept in Fenwick trees that respect groups and requirements.

import { lpDensity, requirementComposites } from './selection-bounds';
import { fits, IN, OUT, type Prepared, UNDECIDED, workingBudget } from './selection-model';

/** The search state over one item list and budget, with forced items in and blocked items out. */
export interface Search {
  /** Maximum value, then minimum cost (ties in both are not explored); 'limit' past the node limit. */
  optimise(incumbent: Uint8Array | undefined): 'done' | 'limit';
  /** Among sets with the optimum's value and cost, the one that selects the earliest differing row. */
  preferEarlierRows(): 'done' | 'limit';
  /** The flags of the best set found. */
  readonly best: Uint8Array;
  /** Nodes visited so far, across both phases. */
  readonly nodes: () => number;
  /** True when no voluntary item has a group or requirement that still matters (the DP applies). */
  readonly unconstrainedVoluntary: boolean;
  /** The free items with value > 0, in row order. */
  readonly voluntary: Int32Array;
  /** The budget left after the forced items, in working units. */
  readonly remainingBudget: number;
}

/**
 * Depth-first branch and bound (Horowitz–Sahni style) over the items with value > 0 that are neither forced nor
 * excluded, branching in LP-density order. Including an item includes everything it requires and closes its
 * group; excluding it excludes whatever requires it (and, among identical unconstrained items, the later ones: a
 * dominance that keeps earlier rows). The bound is Dantzig's LP relaxation over the undecided items, kept in
 * Fenwick trees (node values restored exactly on backtracking, so no rounding drift), with value redistributed
 * along requirement trees (selection-bounds.ts) and each group entered as the increments of its upper convex hull
 * until one of its items is excluded; it never under-estimates. On decimal numbers it is rounded down to the
 * values' common step, and a second LP bound gives the least extra cost that could still reach a tie in value.
 * `optimise` finds the best value and then the least cost; `preferEarlierRows` then settles ties between equally
 * good sets: one search for any other such set, and only if there is one, row by row in list order.
 */
export function createSearch(
  prepared: Prepared,
  budget: number,
  nodeLimit: number,
  forcedTotals: { cost: number; value: number },
): Search {
  const { n, costs, values, groupOf, groupMembers, closures, dependents, forced, unconstrained } = prepared;
  const cost = costs.numbers;
  const value = values.numbers;
  const budgetW = workingBudget(costs, budget);
  const status = new Uint8Array(n);
  const groupOwner = new Int32Array(prepared.groupLabels.length).fill(-1);
  for (let i = 0; i < n; i++)
    if (forced[i]) {
      status[i] = IN;
      const group = groupOf[i] ?? -1;
      if (group >= 0) groupOwner[group] = i;
    }
  const remaining = budgetW - forcedTotals.cost;
  // Static exclusions: group taken by a forced item, requirement sets that clash or cannot fit.
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
      extra += cost[member] ?? 0;
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
  const voluntaryList: number[] = [];
  for (let i = 0; i < n; i++) if (status[i] === UNDECIDED && (value[i] ?? 0) > 0) voluntaryList.push(i);
  const isVoluntary = new Uint8Array(n);
  for (const item of voluntaryList) isVoluntary[item] = 1;
  let unconstrainedVoluntary = true;
  for (const item of voluntaryList) {
    for (const member of closures[item] ?? [])
      if (member !== item && !forced[member]) unconstrainedVoluntary = false;
    for (const dependent of dependents[item] ?? [])
      if (status[dependent] !== OUT) unconstrainedVoluntary = false;
    const group = groupOf[item] ?? -1;
    if (group >= 0)
      for (const other of groupMembers[group] ?? [])
        if (other !== item && status[other] !== OUT) unconstrainedVoluntary = false;
  }
  // LP units: the voluntary items and what they require (an item of value ≤ 0 is never picked alone, but it is
  // part of a dependent's price). Along requirement trees, value is redistributed (see lpValue) so that the
  // LP bound cannot count a dense item without the items it requires.
  const isUnit = new Uint8Array(n);
  for (const item of voluntaryList)
    for (const member of closures[item] ?? []) if (status[member] === UNDECIDED) isUnit[member] = 1;
  const composite = requirementComposites(n, isUnit, prepared.requiresDirect, cost, value);
  const lpValue = composite.lpValue;
  const owed = composite.owed;
  const density = (item: number) => lpDensity(cost[item] ?? 0, lpValue[item] ?? 0);
  const byLpDensity = (a: number, b: number) => {
    const byDensity = (lpValue[b] ?? 0) * (cost[a] ?? 0) - (lpValue[a] ?? 0) * (cost[b] ?? 0);
    return byDensity || (cost[a] ?? 0) - (cost[b] ?? 0) || (value[b] ?? 0) - (value[a] ?? 0) || a - b;
  };
  const positive = (item: number) => (lpValue[item] ?? 0) > 0;
  const branching = [
    ...voluntaryList.filter(positive).sort(byLpDensity),
    ...voluntaryList.filter((item) => !positive(item)).sort((a, b) => density(b) - density(a) || a - b),
  ];
  const m = branching.length;
  const order = Int32Array.from(branching);
  // The LP's units: an ungrouped item stands for itself; the items of a group start as the increments of the
  // upper concave hull of their (cost, LP value) points — the LP relaxation of "at most one per group" — and
  // fall back to standing for themselves (the looser relaxation) once one of them is excluded.
  const unitCost: number[] = [];
  const unitValue: number[] = [];
  const unitStartsActive: boolean[] = [];
  const unitOfItem = new Int32Array(n).fill(-1);
  const groupUnits: number[][] = prepared.groupLabels.map(() => []);
  const hullPoints: number[][] = prepared.groupLabels.map(() => []);
  for (let i = 0; i < n; i++) {
    if (!isUnit[i] || !positive(i)) continue;
    const group = groupOf[i] ?? -1;
    if (group >= 0) hullPoints[group]?.push(i);
    unitOfItem[i] = unitCost.length;
    unitCost.push(cost[i] ?? 0);
    unitValue.push(lpValue[i] ?? 0);
    unitStartsActive.push(group < 0);
  }
  hullPoints.forEach((points, group) => {
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
    for (let k = 1; k < hullCost.length; k++) {
      groupUnits[group]?.push(unitCost.length);
      unitCost.push((hullCost[k] ?? 0) - (hullCost[k - 1] ?? 0));
      unitValue.push((hullValue[k] ?? 0) - (hullValue[k - 1] ?? 0));
      unitStartsActive.push(true);
    }
  });
  const unitActive = Uint8Array.from(unitStartsActive, (active) => (active ? 1 : 0));
  /** 0: the group's hull stands in the LP; 1: its undecided items stand for themselves. */
  const groupMode = new Uint8Array(prepared.groupLabels.length);
  const u = unitCost.length;
  const unitOrder = Int32Array.from({ length: u }, (_, id) => id).sort(
    (a, b) =>
      (unitValue[b] ?? 0) * (unitCost[a] ?? 0) - (unitValue[a] ?? 0) * (unitCost[b] ?? 0) ||
      (unitCost[a] ?? 0) - (unitCost[b] ?? 0) ||
      a - b,
  );
  const positionOf = new Int32Array(u).fill(-1);
  unitOrder.forEach((unit, k) => {
    positionOf[unit] = k;
  });
  // Fenwick trees (1-based) of the cost and LP value of the units still available, in LP-density order.
  const treeCost = new Float64Array(u + 1);
  const treeValue = new Float64Array(u + 1);
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
  let topStep = 1;
  while (topStep * 2 <= u) topStep *= 2;
  // Each unit enters or leaves the trees at most twice on one path, touching ⌈log2(u + 1)⌉ nodes each time.
  const treeTrailNode = new Int32Array((2 * u + 4) * (Math.ceil(Math.log2(u + 1)) + 2));
  const treeTrailCost = new Float64Array(treeTrailNode.length);
  const treeTrailValue = new Float64Array(treeTrailNode.length);
  let treeTrailLength = 0;
  const twinWithNext = new Uint8Array(m);
  for (let k = 0; k + 1 < m; k++) {
    const a = order[k] ?? 0;
    const b = order[k + 1] ?? 0;
    twinWithNext[k] =
      unconstrained[a] && unconstrained[b] && cost[a] === cost[b] && value[a] === value[b] ? 1 : 0;
  }

  let currentCost = forcedTotals.cost;
  let currentValue = forcedTotals.value;
  const trail = new Int32Array(4 * n + 8);
  let trailLength = 0;
  const best = new Uint8Array(n);
  for (let i = 0; i < n; i++) best[i] = forced[i] ?? 0;
  let bestValue = forcedTotals.value;
  let bestCost = forcedTotals.cost;
  const tolValue = values.tolerance;
  const tolCost = costs.tolerance;
  const valueStep = values.exact ? values.step : 0;
  const costStep = costs.exact ? costs.step : 0;
  let nodes = 0;
  const mustEndIn: number[] = [];
  // A requirement tree whose value was redistributed is "opened" once one of its items is in: from then on its
  // undecided items may be picked alone, so the value they gave away (owed) is added back as slack.
  const membersIn = new Int32Array(n);
  const openTrail = new Int32Array(n + 1);
  let openTrailLength = 0;
  let slack = 0;
  const statusChanged = (item: number, to: typeof IN | typeof OUT) => {
    const top = composite.topOf[item] ?? -1;
    if (top < 0) return;
    if ((membersIn[top] ?? 0) > 0) slack -= owed[item] ?? 0;
    if (to !== IN) return;
    if ((membersIn[top] ?? 0) === 0)
      for (const member of composite.members[top] ?? [])
        if (member !== item && status[member] === UNDECIDED) slack += owed[member] ?? 0;
    membersIn[top] = (membersIn[top] ?? 0) + 1;
    openTrail[openTrailLength++] = top;
  };

  const flagTrail = new Int32Array(2 * (u + prepared.groupLabels.length) + 2);
  let flagTrailLength = 0;
  /** Puts a unit into the Fenwick trees or takes it out, remembering old node values for an exact undo. */
  const setUnit = (unit: number, active: boolean) => {
    const position = positionOf[unit] ?? -1;
    if (position < 0 || (unitActive[unit] === 1) === active) return;
    unitActive[unit] = active ? 1 : 0;
    flagTrail[flagTrailLength++] = unit;
    const sign = active ? -1 : 1;
    const itemCost = sign * (unitCost[unit] ?? 0);
    const itemValue = sign * (unitValue[unit] ?? 0);
    for (let q = position + 1; q <= u; q += q & -q) {
      treeTrailNode[treeTrailLength] = q;
      treeTrailCost[treeTrailLength] = treeCost[q] ?? 0;
      treeTrailValue[treeTrailLength] = treeValue[q] ?? 0;
      treeTrailLength++;
      treeCost[q] = (treeCost[q] ?? 0) - itemCost;
      treeValue[q] = (treeValue[q] ?? 0) - itemValue;
    }
  };
  /**
   * An item decided: its own unit leaves the LP. In a group still on its hull, an item in takes the hull out;
   * the first item out replaces the hull by the other undecided items standing for themselves.
   */
  const leaveTrees = (item: number, to: typeof IN | typeof OUT) => {
    const group = groupOf[item] ?? -1;
    if (group >= 0 && groupMode[group] === 0) {
      for (const unit of groupUnits[group] ?? []) setUnit(unit, false);
      if (to === OUT && (groupOwner[group] ?? -1) < 0) {
        groupMode[group] = 1;
        flagTrail[flagTrailLength++] = -1 - group;
        for (const member of groupMembers[group] ?? [])
          if (member !== item && status[member] === UNDECIDED) setUnit(unitOfItem[member] ?? -1, true);
      }
    }
    setUnit(unitOfItem[item] ?? -1, false);
  };
  const markOut = (item: number) => {
    statusChanged(item, OUT);
    status[item] = OUT;
    trail[trailLength++] = item;
    leaveTrees(item, OUT);
  };
  const excludeWithDependents = (item: number) => {
    markOut(item);
    for (const dependent of dependents[item] ?? []) if (status[dependent] === UNDECIDED) markOut(dependent);
  };
  const include = (item: number): boolean => {
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
    if (!fits(costs, currentCost + addCost, budgetW)) return false;
    for (const member of closures[item] ?? []) {
      if (status[member] !== UNDECIDED) continue;
      statusChanged(member, IN);
      status[member] = IN;
      trail[trailLength++] = member;
      leaveTrees(member, IN);
      const group = groupOf[member] ?? -1;
      if (group < 0) continue;
      groupOwner[group] = member;
      trail[trailLength++] = -1 - group;
      for (const other of groupMembers[group] ?? [])
        if (other !== member && status[other] === UNDECIDED) excludeWithDependents(other);
    }
    currentCost += addCost;
    currentValue += addValue;
    return true;
  };
  /** Restores the state of a checkpoint: statuses, group owners and Fenwick nodes, exactly. */
  const undoTo = (mark: number, treeMark: number, openMark: number, flagMark: number) => {
    while (flagTrailLength > flagMark) {
      const entry = flagTrail[--flagTrailLength] ?? 0;
      if (entry >= 0) unitActive[entry] = unitActive[entry] ? 0 : 1;
      else groupMode[-1 - entry] = 0;
    }
    while (openTrailLength > openMark) {
      const top = openTrail[--openTrailLength] ?? 0;
      membersIn[top] = (membersIn[top] ?? 0) - 1;
    }
    while (trailLength > mark) {
      const entry = trail[--trailLength] ?? 0;
      if (entry >= 0) status[entry] = UNDECIDED;
      else groupOwner[-1 - entry] = -1;
    }
    while (treeTrailLength > treeMark) {
      treeTrailLength--;
      const q = treeTrailNode[treeTrailLength] ?? 0;
      treeCost[q] = treeTrailCost[treeTrailLength] ?? 0;
      treeValue[q] = treeTrailValue[treeTrailLength] ?? 0;
    }
  };
  const floorToStep = (amount: number) =>
    valueStep > 0
      ? valueStep * Math.floor(amount / valueStep + 1e-12 * Math.max(1, amount / valueStep))
      : amount;
  const ceilToStep = (amount: number) =>
    costStep > 0 ? costStep * Math.ceil(amount / costStep - 1e-12 * Math.max(1, amount / costStep)) : amount;

  /** Dantzig bound: the LP optimum over the undecided voluntary items with capacity `roomRaw`. */
  const upperBound = (roomRaw: number): number => {
    let room = Math.max(0, roomRaw);
    let position = 0;
    let gain = 0;
    for (let step = topStep; step > 0; step >>= 1) {
      const next = position + step;
      if (next <= u && (treeCost[next] ?? 0) <= room) {
        position = next;
        room -= treeCost[next] ?? 0;
        gain += treeValue[next] ?? 0;
      }
    }
    if (position < u) {
      const unit = unitOrder[position] ?? 0;
      const unitPrice = unitCost[unit] ?? 0;
      if (unitPrice > 0) gain += (room * (unitValue[unit] ?? 0)) / unitPrice;
    }
    return gain;
  };
  /** LP lower bound on the extra cost needed to gain `need` more value from the undecided voluntary items. */
  const costToReach = (need: number): number => {
    if (need <= 0) return 0;
    let position = 0;
    let gained = 0;
    let spent = 0;
    for (let step = topStep; step > 0; step >>= 1) {
      const next = position + step;
      if (next <= u && gained + (treeValue[next] ?? 0) < need) {
        position = next;
        gained += treeValue[next] ?? 0;
        spent += treeCost[next] ?? 0;
      }
    }
    if (position >= u) return Number.POSITIVE_INFINITY;
    const unit = unitOrder[position] ?? 0;
    return spent + ((need - gained) * (unitCost[unit] ?? 0)) / (unitValue[unit] ?? 1);
  };

  const differs = (flags: Uint8Array): boolean => {
    for (let i = 0; i < n; i++) if ((status[i] === IN ? 1 : 0) !== flags[i]) return true;
    return false;
  };

  const framePosition = new Int32Array(m + 2);
  const framePhase = new Uint8Array(m + 2);
  const frameMark = new Int32Array(m + 2);
  const frameTreeMark = new Int32Array(m + 2);
  const frameOpenMark = new Int32Array(m + 2);
  const frameFlagMark = new Int32Array(m + 2);
  const frameSlack = new Float64Array(m + 2);
  const frameCost = new Float64Array(m + 2);
  const frameValue = new Float64Array(m + 2);

  /**
   * One depth-first search from the current state. `optimise`: improve (bestValue, bestCost). `witness`: stop at
   * the first completion with value ≥ targetValue, cost ≤ targetCost and every `mustEndIn` item in.
   */
  const dfs = (
    mode: 'optimise' | 'witness',
    targetValue: number,
    targetCost: number,
    differentFrom?: Uint8Array,
  ): 'done' | 'found' | 'limit' => {
    const startMark = trailLength;
    const startTreeMark = treeTrailLength;
    const startOpenMark = openTrailLength;
    const startFlagMark = flagTrailLength;
    const startSlack = slack;
    const startCost = currentCost;
    const startValue = currentValue;
    let outcome: 'done' | 'found' | 'limit' = 'done';
    let depth = 0;
    framePosition[0] = 0;
    framePhase[0] = 0;
    search: while (depth >= 0) {
      const phase = framePhase[depth] ?? 0;
      if (phase === 0) {
        let k = framePosition[depth] ?? 0;
        while (k < m && status[order[k] ?? 0] !== UNDECIDED) k++;
        framePosition[depth] = k;
        if (++nodes > nodeLimit) {
          outcome = 'limit';
          break;
        }
        if (mode === 'witness') {
          for (const item of mustEndIn)
            if (status[item] === OUT) {
              depth--;
              continue search;
            }
        }
        if (k === m) {
          if (mode === 'optimise') {
            if (
              currentValue > bestValue + tolValue ||
              (currentValue >= bestValue - tolValue && currentCost < bestCost - tolCost)
            ) {
              for (let i = 0; i < n; i++) best[i] = status[i] === IN ? 1 : 0;
              bestValue = currentValue;
              bestCost = currentCost;
            }
          } else if (
            currentValue >= targetValue - tolValue &&
            currentCost <= targetCost + tolCost &&
            mustEndIn.every((item) => status[item] === IN) &&
            (!differentFrom || differs(differentFrom))
          ) {
            for (let i = 0; i < n; i++) best[i] = status[i] === IN ? 1 : 0;
            outcome = 'found';
            break;
          }
          depth--;
          continue;
        }
        const bound = floorToStep(currentValue + slack + upperBound(budgetW + tolCost - currentCost));
        if (mode === 'optimise') {
          if (bound < bestValue - tolValue) {
            depth--;
            continue;
          }
          if (bound <= bestValue + tolValue) {
            const extra = ceilToStep(costToReach(bestValue - tolValue - currentValue - slack));
            if (currentCost + extra >= bestCost - tolCost) {
              depth--;
              continue;
            }
          }
        } else {
          if (bound < targetValue - tolValue) {
            depth--;
            continue;
          }
          const extra = ceilToStep(costToReach(targetValue - tolValue - currentValue - slack));
          if (currentCost + extra > targetCost + tolCost) {
            depth--;
            continue;
          }
        }
        framePhase[depth] = 1;
        frameMark[depth] = trailLength;
        frameTreeMark[depth] = treeTrailLength;
        frameOpenMark[depth] = openTrailLength;
        frameFlagMark[depth] = flagTrailLength;
        frameSlack[depth] = slack;
        frameCost[depth] = currentCost;
        frameValue[depth] = currentValue;
        if (include(order[k] ?? 0)) {
          depth++;
          framePosition[depth] = k + 1;
          framePhase[depth] = 0;
        }
        continue;
      }
      const k = framePosition[depth] ?? 0;
      undoTo(
        frameMark[depth] ?? 0,
        frameTreeMark[depth] ?? 0,
        frameOpenMark[depth] ?? 0,
        frameFlagMark[depth] ?? 0,
      );
      slack = frameSlack[depth] ?? 0;
      currentCost = frameCost[depth] ?? 0;
      currentValue = frameValue[depth] ?? 0;
      if (phase === 1) {
        framePhase[depth] = 2;
        excludeWithDependents(order[k] ?? 0);
        for (let twin = k; twin < m && twinWithNext[twin]; twin++) {
          const next = order[twin + 1] ?? 0;
          if (status[next] === UNDECIDED) markOut(next);
        }
        depth++;
        framePosition[depth] = k + 1;
        framePhase[depth] = 0;
        continue;
      }
      depth--;
    }
    undoTo(startMark, startTreeMark, startOpenMark, startFlagMark);
    slack = startSlack;
    currentCost = startCost;
    currentValue = startValue;
    return outcome;
  };

  return {
    best,
    nodes: () => nodes,
    unconstrainedVoluntary,
    voluntary: Int32Array.from(voluntaryList),
    remainingBudget: remaining,
    optimise(incumbent) {
      if (incumbent) {
        let incumbentValue = 0;
        let incumbentCost = 0;
        for (let i = 0; i < n; i++)
          if (incumbent[i]) {
            incumbentValue += value[i] ?? 0;
            incumbentCost += cost[i] ?? 0;
          }
        if (
          incumbentValue > bestValue + tolValue ||
          (incumbentValue >= bestValue - tolValue && incumbentCost < bestCost - tolCost)
        ) {
          best.set(incumbent);
          bestValue = incumbentValue;
          bestCost = incumbentCost;
        }
      }
      return dfs('optimise', 0, 0) === 'limit' ? 'limit' : 'done';
    },
    preferEarlierRows() {
      const targetValue = bestValue;
      const targetCost = bestCost;
      const witness = Uint8Array.from(best);
      // Most optima are unique: one search for any other set as good settles it without row-by-row proofs.
      const other = dfs('witness', targetValue, targetCost, witness);
      if (other === 'limit') return 'limit';
      best.set(witness);
      if (other === 'done') return 'done';
      for (let row = 0; row < n; row++) {
        if (status[row] !== UNDECIDED) continue;
        const voluntaryRow = isVoluntary[row] === 1;
        if (witness[row]) {
          if (voluntaryRow) include(row);
          else mustEndIn.push(row);
          continue;
        }
        const mark = trailLength;
        const treeMark = treeTrailLength;
        const openMark = openTrailLength;
        const flagMark = flagTrailLength;
        const savedSlack = slack;
        const savedCost = currentCost;
        const savedValue = currentValue;
        if (!voluntaryRow) mustEndIn.push(row);
        const committed = voluntaryRow ? include(row) : true;
        const outcome = committed ? dfs('witness', targetValue, targetCost) : 'done';
        if (outcome === 'limit') return 'limit';
        if (outcome === 'found') {
          witness.set(best);
          continue;
        }
        undoTo(mark, treeMark, openMark, flagMark);
        slack = savedSlack;
        currentCost = savedCost;
        currentValue = savedValue;
        if (!voluntaryRow) mustEndIn.pop();
        excludeWithDependents(row);
      }
      best.set(witness);
      return 'done';
    },
  };
}
