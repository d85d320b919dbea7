// LP bounds for portfolio selection that respect "requires": value redistributed along requirement trees so the
// relaxation cannot count a dense item without the items it requires.

/** Density v ÷ c, with cost 0 as +∞ (value > 0), −∞ (value < 0) or 0. */
export function lpDensity(cost: number, value: number): number {
  if (cost > 0) return value / cost;
  return value > 0 ? Number.POSITIVE_INFINITY : value < 0 ? Number.NEGATIVE_INFINITY : 0;
}

/** Requirement trees merged for the LP bound: each unit's redistributed value and what it gave away. */
export interface RequirementComposites {
  /** The value the LP counts for each unit. */
  readonly lpValue: Float64Array;
  /** max(0, value − lpValue): what a unit gave to the items it requires. */
  readonly owed: Float64Array;
  /** The top item of each unit's merged tree, or -1 when the unit kept its own value. */
  readonly topOf: Int32Array;
  /** The members of each merged tree, by its top item. */
  readonly members: readonly (readonly number[])[];
}

/**
 * A tighter LP bound for "requires": the LP relaxation of a knapsack with tree precedence (an item only with
 * the item it requires) is solved by merging, densest first, every subtree that is denser than its parent into
 * it (the classic merge for tree-precedence fractional knapsacks). Here each member of a merged tree then
 * counts its cost × the tree's density, which moves value from dense dependents to the items they require;
 * every set that is closed under the requirements keeps at least its true value, so the relaxation stays valid.
 * Each unit keeps its first direct requirement that is also a unit as its parent (further requirements only
 * make the relaxation looser, never invalid); requirements that would close a cycle are ignored.
 */
export function requirementComposites(
  n: number,
  isUnit: Uint8Array,
  requiresDirect: readonly Int32Array[],
  cost: Float64Array,
  value: Float64Array,
): RequirementComposites {
  const lpValue = Float64Array.from(value);
  const owed = new Float64Array(n);
  const topOf = new Int32Array(n).fill(-1);
  const members: number[][] = [];
  const parentOf = new Int32Array(n).fill(-1);
  let anyEdge = false;
  for (let i = 0; i < n; i++) {
    if (!isUnit[i]) continue;
    for (const required of requiresDirect[i] ?? []) {
      if (!isUnit[required]) continue;
      let ancestor = required;
      while (ancestor >= 0 && ancestor !== i) ancestor = parentOf[ancestor] ?? -1;
      if (ancestor === i) continue;
      parentOf[i] = required;
      anyEdge = true;
      break;
    }
  }
  if (!anyEdge) return { lpValue, owed, topOf, members };
  const find = new Int32Array(n);
  for (let i = 0; i < n; i++) find[i] = i;
  const root = (item: number): number => {
    let top = item;
    while ((find[top] ?? top) !== top) top = find[top] ?? top;
    let walk = item;
    while ((find[walk] ?? walk) !== top) {
      const next = find[walk] ?? walk;
      find[walk] = top;
      walk = next;
    }
    return top;
  };
  const treeCost = Float64Array.from(cost);
  const treeValue = Float64Array.from(value);
  const size = new Int32Array(n).fill(1);
  const version = new Int32Array(n);
  // A binary max-heap of (density, top, version); stale entries are skipped when popped.
  const heapKey: number[] = [];
  const heapTop: number[] = [];
  const heapVersion: number[] = [];
  const push = (top: number) => {
    let at = heapKey.length;
    heapKey.push(lpDensity(treeCost[top] ?? 0, treeValue[top] ?? 0));
    heapTop.push(top);
    heapVersion.push(version[top] ?? 0);
    while (at > 0) {
      const up = (at - 1) >> 1;
      if ((heapKey[up] ?? 0) >= (heapKey[at] ?? 0)) break;
      for (const heap of [heapKey, heapTop, heapVersion])
        [heap[up], heap[at]] = [heap[at] as number, heap[up] as number];
      at = up;
    }
  };
  const pop = (): number => {
    const top = heapTop[0] ?? -1;
    const stale = (heapVersion[0] ?? 0) !== (version[top] ?? 0) || root(top) !== top;
    const last = heapKey.length - 1;
    for (const heap of [heapKey, heapTop, heapVersion]) {
      heap[0] = heap[last] as number;
      heap.pop();
    }
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let largest = at;
      if (left < heapKey.length && (heapKey[left] ?? 0) > (heapKey[largest] ?? 0)) largest = left;
      if (right < heapKey.length && (heapKey[right] ?? 0) > (heapKey[largest] ?? 0)) largest = right;
      if (largest === at) break;
      for (const heap of [heapKey, heapTop, heapVersion])
        [heap[largest], heap[at]] = [heap[at] as number, heap[largest] as number];
      at = largest;
    }
    return stale ? -1 : top;
  };
  for (let i = 0; i < n; i++) if (isUnit[i] && (parentOf[i] ?? -1) >= 0) push(i);
  while (heapKey.length > 0) {
    const child = pop();
    if (child < 0) continue;
    const parent = root(parentOf[child] ?? child);
    const childDensity = lpDensity(treeCost[child] ?? 0, treeValue[child] ?? 0);
    if (!(childDensity > lpDensity(treeCost[parent] ?? 0, treeValue[parent] ?? 0))) continue;
    find[child] = parent;
    treeCost[parent] = (treeCost[parent] ?? 0) + (treeCost[child] ?? 0);
    treeValue[parent] = (treeValue[parent] ?? 0) + (treeValue[child] ?? 0);
    size[parent] = (size[parent] ?? 1) + (size[child] ?? 1);
    version[parent] = (version[parent] ?? 0) + 1;
    if ((parentOf[parent] ?? -1) >= 0) push(parent);
  }
  const memberLists = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!isUnit[i]) continue;
    const top = root(i);
    if ((size[top] ?? 1) < 2 || !((treeCost[top] ?? 0) > 0)) continue;
    lpValue[i] = ((cost[i] ?? 0) * (treeValue[top] ?? 0)) / (treeCost[top] ?? 1);
    owed[i] = Math.max(0, (value[i] ?? 0) - (lpValue[i] ?? 0));
    topOf[i] = top;
    let list = memberLists.get(top);
    if (!list) {
      list = [];
      memberLists.set(top, list);
    }
    list.push(i);
  }
  for (const [top, list] of memberLists) members[top] = list;
  return { lpValue, owed, topOf, members };
}
