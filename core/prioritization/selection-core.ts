// The exact core solver of plain budget selection (no groups or requirements among the free items), after
// Pisinger's "expanding core" dynamic programming for the 0/1 knapsack: fast on the instances the branch and
// bound finds hard (strongly correlated values, value = cost), for costs in whole decimal steps; values are
// whole numbers too, or doubles compared within SELECT's tolerance (then "more value" means more by more than it).
//
// How it works, for a reader who has not seen it:
//
// Sort the free items by value per unit of cost (denser first; equal densities by cost, then row, so identical
// items sit together in row order). Filling the budget down this order until the first item that does not fit
// (the "break" item b) gives the greedy set: items 0…b−1 in. An optimal set usually differs from it only near
// b, so the solver starts from that one set and widens a "core" [s, t] around b one item at a time: adding
// item t (it was out) or removing item s (it was in). A state is one choice for the core items, kept as its
// (cost, value); items before s stay in and items after t stay out. Each step doubles the list (every state
// with and without the item) and merges the two lists, ordered by cost, dropping dominated states (another one
// costs no more and is worth at least as much: whatever completes it completes the other, better). Over-budget
// states are kept, since removing items may still bring them back.
//
// The bound. Items after t are no denser than t, items before s no less dense than s. So from a state of value
// p and cost w, spending x more (x ≥ 0) adds at most x × density(t), and saving x (x < 0) loses at least
// |x| × density(s). A state is dropped when that bound shows it can beat neither the best value found
// (with the budget) nor the best value's cost (with one cost step less): it then cannot lead to a better set.
// When no state is left (or no item), the best set found is optimal. Because the solver keeps the ordered
// state list rather than every cost, its work does not grow with the size of the numbers as such.
//
// The cardinality surrogate. With value = cost ± K every item has nearly the same density, so that bound barely
// cuts. But a set within the budget holds at most as many items as the cheapest ones that fit (and one that
// reaches a value at least as many as the most valuable ones needed): adding that count constraint, weighted by
// λ, to the budget gives a second bound on cost + λ per item. With λ taken from the items beside the break (K
// for value = cost + K, −K for value = cost − K) every item has the same ratio value ÷ (cost + λ), and the bound
// ends the search as soon as the best fill with that many items is found (see cardinality()).
//
// Ties. The optimum is the greatest value, then the least cost: phase 1 above gives its value V and cost C
// and one witness set. Among the sets with value V and cost C the earliest rows win (selection-search.ts):
// phase 2 walks the rows in order; a row in the current witness stays in; another row is kept only if some
// set containing it with the rows decided so far still reaches V within C — asked of the same solver, which
// stops at the first such set (then the new witness) or proves there is none (the row is out). Most rows are
// ruled out at once by the LP bound of the undecided items (kept in Fenwick trees); rows that all fit are settled
// in blocks (subset-sum). Equal states keep the one without the newest item, so of identical items the earlier
// row is kept whenever they tie, and a row whose earlier twin was left out needs no question.
//
// Work. Every state the merges read is charged to the call's work budget (selection-work.ts); out of budget, or
// past MAX_STATES states in one list (memory), the solver gives up and the caller tries the branch and bound or
// reports that no proved optimum was found, never a guess.

// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in the hot loops, every index in range.
import { subsetWithSum } from './selection-fill';
import type { Prepared } from './selection-model';
import { itemSteps } from './selection-work';

/** States merged per work step (a merge reads a state in 25–80 ns, a step is about 0.2 µs). */
const STATES_PER_STEP = 4;
/**
 * The longest state list kept (memory: about 50 MB at most for the lists): past it the solver answers as if out
 * of work. The hardest instances proved in the bench keep at most 120,000 states.
 */
const MAX_STATES = 2 ** 19;
/** Relative slack of the bound's products: a state is dropped only when its bound is clearly short. */
const SLACK = 1 + 1e-14;
/** Steps the set search of selection-fill.ts may take on one solve before the state lists are tried. */
const EXHAUSTIVE_STEPS = 4_000_000;
/** Ratios value ÷ (cost + λ) this close count as one (value = cost + K, up to rounding). */
const FLAT = 1 + 1e-12;

/** A budget of work steps: what is left, and what was used. */
interface Steps {
  left_: number;
  used_: number;
}

/** A state list's arrays: cost, value, item count and history node of each state. */
type StateList = [Float64Array, Float64Array, Int32Array, Int32Array];
function fresh(size: number): StateList {
  return [new Float64Array(size), new Float64Array(size), new Int32Array(size), new Int32Array(size)];
}

/** History nodes: each shifted state's parent node and the position it toggled. */
interface History {
  parent_: Int32Array;
  toggled_: Int32Array;
  nodes_: number;
  /** The collector's renumbering, kept between collections. */
  ids_: Int32Array;
}

/** A history with room for 1,024 nodes. */
function emptyHistory(): History {
  return {
    parent_: new Int32Array(1024),
    toggled_: new Int32Array(1024),
    nodes_: 0,
    ids_: new Int32Array(0),
  };
}

/**
 * For λ > 0 (`up`) the most free items a set within `limit` of cost can hold (positions by cost); for λ < 0 the
 * fewest whose values reach `limit` (positions by value, descending).
 */
function roomOf(
  order: Int32Array,
  numbers: Float64Array,
  free: Uint8Array,
  limit: number,
  up: boolean,
): number {
  let [room, sum] = [0, 0];
  for (const k of order) {
    if (!free[k]) continue;
    if (!up && sum >= limit) return room;
    sum += numbers[k]!;
    if (up && sum > limit) return room;
    room++;
  }
  return up || sum >= limit ? room : room + 1;
}

/**
 * Keeps the history nodes that the states N[0…length) and `best` reach (renumbered in order, parents first),
 * grows the store when it is still more than half full; returns best's new number.
 */
function collect(history: History, N: Int32Array, length: number, best: number): number {
  const { parent_: parent, toggled_: toggled, nodes_: nodes } = history;
  if (history.ids_.length <= nodes) history.ids_ = new Int32Array(2 * nodes + 2);
  const id = history.ids_.fill(-1, 0, nodes + 1);
  const mark = (node: number) => {
    for (; node >= 0 && id[node]! < 0; node = parent[node]!) id[node] = 0;
  };
  mark(best);
  for (let i = 0; i < length; i++) mark(N[i]!);
  let kept = 0;
  for (let node = 0; node < nodes; node++)
    if (id[node] === 0) {
      id[node] = kept;
      parent[kept] = parent[node]! < 0 ? -1 : id[parent[node]!]!;
      toggled[kept++] = toggled[node]!;
    }
  history.nodes_ = kept;
  for (let i = 0; i < length; i++) N[i] = N[i]! < 0 ? -1 : id[N[i]!]!;
  if (2 * (kept + length) > parent.length) {
    const size = 4 * (kept + length);
    [history.parent_, history.toggled_] = [new Int32Array(size), new Int32Array(size)];
    history.parent_.set(parent.subarray(0, kept));
    history.toggled_.set(toggled.subarray(0, kept));
  }
  return best < 0 ? -1 : id[best]!;
}

/**
 * The core solver over items in density order (costs `c`, whole numbers on steps `gc`; values `v`, whole
 * numbers on steps `gv` with `tol` = 0, or doubles equal within `tol` with `gv` = tol);
 * `solve(free, cap, goal)` works over the positions with `free[k]` set: with `goal` undefined, the best value
 * then least cost within `cap` (the flags over positions); with goal = [V, C], the first set reaching value V
 * within cost C, or null when there is none. Undefined when the work runs out.
 */
function coreSolver(c0: Float64Array, v0: Float64Array, gv: number, gc: number, tol: number, work: Steps) {
  const history = emptyHistory();
  // The state lists (cost W, value P, items Q, history node N): the current one and the one the next merge
  // writes, kept from solve to solve so that the phase-2 questions allocate nothing.
  let lists: [StateList, StateList] = [fresh(1024), fresh(1024)];
  // Positions by cost and by value (descending): the most items a set within a budget can hold, the fewest
  // that reach a value.
  const byCost = Int32Array.from(c0.keys()).sort((x, y) => c0[x]! - c0[y]!);
  const byValue = Int32Array.from(c0.keys()).sort((x, y) => v0[y]! - v0[x]!);
  const charge = (steps: number) => {
    work.left_ -= steps;
    work.used_ += steps;
  };
  return (free: Uint8Array, cap: number, goal?: number[]): Uint8Array | null | undefined => {
    const pos: number[] = [];
    for (let k = 0; k < c0.length; k++) if (free[k]) pos.push(k);
    const m = pos.length;
    charge(itemSteps(m));
    const c = Float64Array.from(pos, (k) => c0[k]!);
    const v = Float64Array.from(pos, (k) => v0[k]!);
    let [b, w0, p0] = [0, 0, 0];
    while (b < m && w0 + c[b]! <= cap) {
      w0 += c[b]!;
      p0 += v[b++]!;
    }
    history.nodes_ = 0;
    const [lambda, gMax, gMin] = cardinality(c, v, b);
    let [room, roomFor] = [0, Number.NaN];
    let [[W, P, Q, N], [W2, P2, Q2, N2]] = lists;
    [W[0], P[0], Q[0], N[0]] = [w0, p0, b, -1];
    let [length, best, z, cz] = [1, -1, p0, w0];
    const [a = 0, capA = 0] = goal ?? [];
    let found = goal && p0 >= a && w0 <= capA ? -1 : -2;
    // Every item at one value per (cost + λ), λ > 0: a set reaching the best any set can reach is looked for
    // directly (selection-fill.ts); it answers a question, is the proved optimum, or is the best the merges must beat.
    let seeded: Uint8Array | undefined;
    if (found === -2 && lambda > 0 && gMax && gMin && gMax[0]! <= gMin[m - 1]! * FLAT) {
      const limit = goal ? capA : cap;
      const asked = [roomOf(byCost, c0, free, limit, true), limit, goal ? a : Number.NaN] as const;
      const hit = flatSearch([c, v, pos, c0.length], asked, [gMax[0]!, lambda, gv, gc, tol], work);
      if (hit === null || (hit && (goal || hit.proven))) return hit === null ? null : hit.flags;
      if (hit && (hit.value > z + tol || (hit.value >= z - tol && hit.cost < cz)))
        [z, cz, seeded] = [hit.value, hit.cost, hit.flags];
    }
    let [t, s] = [b, b - 1];
    // Can (p, w) with q items reach value `target` within cost `limit`, adding from position t or removing
    // from s? First the plain bound, then the same with the cardinality surrogate (cost + λ per item).
    const reach = (p: number, w: number, q: number, target: number, limit: number) => {
      let x = limit - w;
      if (x >= 0 ? p < target && !(t < m && (target - p) * c[t]! <= x * v[t]! * SLACK) : p < target || s < 0)
        return false;
      if (x < 0 && (p - target) * c[s]! * SLACK < -x * v[s]!) return false;
      if (!gMax || !gMin) return true;
      const [up, down] = [t < m ? gMax[t]! : 0, s >= 0 ? gMin[s]! : Infinity];
      if (up > down) return true;
      x += lambda * (room - q);
      return x >= 0 ? p >= target || target - p <= x * up * SLACK : p - target >= (-x * down) / SLACK;
    };
    const useful = (p: number, w: number, q: number) =>
      goal ? reach(p, w, q, a, capA) : reach(p, w, q, z + gv, cap) || reach(p, w, q, z - tol, cz - gc);
    while (found === -2 && length > 0 && (t < m || s >= 0)) {
      const k = t < m && (t - b <= b - 1 - s || s < 0) ? t++ : s--;
      const sign = k >= b ? 1 : -1;
      const [dw, dp] = [sign * c[k]!, sign * v[k]!];
      // The fewest items that reach the best value grow with it (λ < 0); the most that fit stay (λ > 0).
      if (lambda && (lambda < 0 || !(roomFor >= 0)) && roomFor !== (goal ? a : z - tol)) {
        roomFor = goal ? a : z - tol;
        room = lambda > 0 ? roomOf(byCost, c0, free, cap, true) : roomOf(byValue, v0, free, roomFor, false);
      }
      // Room for this merge's new nodes: drop the history no state still reaches, grow only if still short.
      if (history.nodes_ + length > history.parent_.length) best = collect(history, N, length, best);
      if (length > MAX_STATES) return undefined;
      if (W2.length < 2 * length) [W2, P2, Q2, N2] = fresh(3 * length);
      charge(Math.ceil((2 * length) / STATES_PER_STEP));
      if (work.left_ < 0) return undefined;
      let [i, j, out, last] = [0, 0, 0, -Infinity];
      while (i < length || j < length) {
        const wj = W[j]! + dw;
        const pj = P[j]! + dp;
        const plain = j >= length || (i < length && (W[i]! < wj || (W[i] === wj && P[i]! >= pj)));
        const w = plain ? W[i]! : wj;
        const p = plain ? P[i]! : pj;
        const q = plain ? Q[i]! : Q[j]! + sign;
        let node = plain ? N[i++]! : N[j++]!;
        if (p <= last + tol) continue;
        last = p;
        const better = goal ? p >= a && w <= capA : w <= cap && (p > z + tol || (p >= z - tol && w < cz));
        if (!better && !useful(p, w, q)) continue;
        if (!plain) {
          history.parent_[history.nodes_] = node;
          history.toggled_[history.nodes_] = pos[k]!;
          node = history.nodes_++;
        }
        if (better) {
          [z, cz, best, seeded] = [p, w, node, undefined];
          if (goal) found = node;
          else if (!useful(p, w, q)) continue;
        }
        W2[out] = w;
        P2[out] = p;
        Q2[out] = q;
        N2[out++] = node;
      }
      [W, P, Q, N, W2, P2, Q2, N2] = [W2, P2, Q2, N2, W, P, Q, N];
      lists = [
        [W, P, Q, N],
        [W2, P2, Q2, N2],
      ];
      length = out;
    }
    if (goal && found === -2) return null;
    if (seeded) return seeded;
    const flags = new Uint8Array(c0.length);
    for (let k = 0; k < b; k++) flags[pos[k]!] = 1;
    for (let node = goal ? found : best; node >= 0; node = history.parent_[node]!)
      flags[history.toggled_[node]!]! ^= 1;
    return flags;
  };
}

/**
 * The set search of selection-fill.ts for a plain budget whose items all have one value per (cost + λ), λ > 0
 * (`ratio`, the largest of those values per unit): sets of `count` items (the most that fit `limit`), whose value
 * grows with their cost.
 * - A question (`target`: some set worth at least it within `limit`) that only sets costing exactly `limit` can
 *   answer: such a set, or null (the search proved there is none).
 * - No question (`target` NaN): the dearest set within `limit` among those dear enough to beat every smaller set,
 *   and whether it is proved optimal. No set of `count` items costs more within the limit, so none is worth more
 *   than `ratio` × (its cost + λ × count); a set of fewer items is worth at most `ratio` × (limit + λ × (count −
 *   1)); neither reaches the set's value (nor, for a cheaper set, ties it).
 * The flags are over all `size` items (`pos`: each searched item's). Undefined: nothing found, or not within the
 * steps allowed (then the state lists take over).
 */
function flatSearch(
  [c, v, pos, size]: readonly [Float64Array, Float64Array, readonly number[], number],
  [count, limit, target]: readonly [number, number, number],
  [ratio, lambda, gv, gc, tol]: readonly number[],
  work: Steps,
): { flags: Uint8Array; proven: boolean; value: number; cost: number } | null | undefined {
  // At most EXHAUSTIVE_STEPS, and work it cannot afford is not begun (never charged past the budget).
  let allowed = EXHAUSTIVE_STEPS;
  const spend = (steps: number) => {
    allowed -= steps;
    if (allowed < 0 || steps > work.left_) return false;
    work.left_ -= steps;
    work.used_ += steps;
    return true;
  };
  const worth = (cost: number, items: number) => ratio! * (cost + lambda! * items);
  const asked = !Number.isNaN(target);
  // Only sets of `count` items costing exactly `limit` reach the target: fewer items, or a cost one step lower,
  // fall short even at the best ratio. Else the question is left to the merges.
  if (asked && (worth(limit - gc!, count) >= target || worth(limit, count - 1) >= target)) return undefined;
  const window = [asked ? limit : Math.max(0, Math.floor(limit - lambda!)), limit] as const;
  let flags = subsetWithSum(c, count, window, spend, !asked);
  if (flags === null) return asked ? null : undefined;
  if (!flags) return undefined;
  let [value, cost] = [0, 0];
  const chosen = new Uint8Array(size);
  for (let k = 0; k < c.length; k++)
    if (flags[k]) {
      [value, cost] = [value + v[k]!, cost + c[k]!];
      chosen[pos[k]!] = 1;
    }
  flags = chosen;
  if (asked) return value >= target && cost <= limit ? { flags, proven: true, value, cost } : undefined;
  const proven =
    worth(limit, count - 1) < value - tol! &&
    worth(cost, count) < value + gv! &&
    worth(cost - gc!, count) < value - tol!;
  return { flags, proven, value, cost };
}

/**
 * The cardinality surrogate: λ from the items beside the break (their value per cost + λ equal: for
 * value = cost ± K it is ±K, and every item then has the same ratio), and the ratios value ÷ (cost + λ):
 * their largest from each position on, their least up to it. With q items, a state may then add at most
 * cap − w + λ(room − q) of cost + λ at those ratios, where room is the most items a set within the budget
 * holds (λ > 0) or the fewest that reach the value sought (λ < 0). λ = 0: not used.
 */
function cardinality(c: Float64Array, v: Float64Array, b: number): [number, Float64Array?, Float64Array?] {
  const m = c.length;
  let e = b;
  while (e < m && v[e] === v[b - 1]) e++;
  const lambda = b > 0 && e < m ? (v[b - 1]! * c[e]! - v[e]! * c[b - 1]!) / (v[e]! - v[b - 1]!) : 0;
  const ratio = Float64Array.from(c, (cost, k) => v[k]! / (cost + lambda));
  if (!lambda || !ratio.every((r) => r > 0 && r < Infinity)) return [0];
  const [gMax, gMin] = [ratio.slice(), ratio.slice()];
  for (let k = m - 2; k >= 0; k--) gMax[k] = Math.max(gMax[k]!, gMax[k + 1]!);
  for (let k = 1; k < m; k++) gMin[k] = Math.min(gMin[k]!, gMin[k - 1]!);
  return [lambda, gMax, gMin];
}

/**
 * The exact optimum over the free (voluntary) items of a plain budget problem — whole-number costs (values
 * whole or within a tolerance), no groups or requirements among them — with `remaining` working units of
 * budget and `steps` of work: the chosen flags over all rows (with `forced`), none when the work or the memory
 * runs out; and the steps used. See the file's comment.
 */
export function coreSelect(
  prepared: Prepared,
  voluntary: readonly number[],
  remaining: number,
  forced: Uint8Array,
  steps: number,
): { chosen?: Uint8Array; steps: number } {
  const { costs, values } = prepared;
  const [cost, value] = [costs.numbers, values.numbers];
  const chosen = Uint8Array.from(forced);
  const rows: number[] = [];
  for (const r of voluntary) {
    if (cost[r]! > 0) rows.push(r);
    else chosen[r] = 1;
  }
  rows.sort((a, b) => value[b]! * cost[a]! - value[a]! * cost[b]! || cost[a]! - cost[b]! || a - b);
  const row = Int32Array.from(rows);
  const c = Float64Array.from(rows, (r) => cost[r]!);
  const v = Float64Array.from(rows, (r) => value[r]!);
  const work = { left_: steps, used_: 0 };
  const gc = costs.step || 1;
  const tol = values.tolerance;
  const solve = coreSolver(c, v, values.step || tol || 1, gc, tol, work);
  const m = rows.length;
  const free = new Uint8Array(m).fill(1);
  const witness = solve(free, remaining - (remaining % gc));
  if (!witness) return { steps: work.used_ };
  let [V, C] = [0, 0];
  for (let k = 0; k < m; k++) if (witness[k]) [V, C] = [V + v[k]!, C + c[k]!];
  // Phase 2: the earliest rows among the optimal sets. Fenwick trees over the positions hold the costs and
  // values of the undecided items, for the LP bound that rules most rows out without asking the solver.
  const [fc, fv] = [new Float64Array(m + 1), new Float64Array(m + 1)];
  const add = (k: number, sign: number) => {
    for (let i = k + 1; i <= m; i += i & -i) [fc[i], fv[i]] = [fc[i]! + sign * c[k]!, fv[i]! + sign * v[k]!];
  };
  for (let k = 0; k < m; k++) add(k, 1);
  const lp = (x: number) => {
    let [i, cs, vs] = [0, 0, 0];
    for (let bit = 2 ** Math.floor(Math.log2(m + 1)); bit >= 1; bit >>= 1)
      if (i + bit <= m && cs + fc[i + bit]! <= x)
        [i, cs, vs] = [i + bit, cs + fc[i + bit]!, vs + fv[i + bit]!];
    // The descent stops at the largest prefix within x, so position i is the first free item past it.
    return i < m ? vs + ((x - cs) * v[i]!) / c[i]! : vs;
  };
  const byRow = Int32Array.from(row.keys()).sort((x, y) => row[x]! - row[y]!);
  const take = (from: number, to: number, sign: number) => {
    let [bv, bc] = [0, 0];
    for (let q = from; q < to; q++) {
      const k = byRow[q]!;
      free[k] = sign > 0 ? 1 : 0;
      add(k, sign);
      [bv, bc] = [bv + v[k]!, bc + c[k]!];
    }
    return [bv, bc] as const;
  };
  // Rows are asked in blocks that grow fourfold while every row of the block fits an optimal set (subset-sum
  // keeps most early rows): a block that fits settles all its rows at once; one that does not is asked again a
  // quarter the size, down to the single row, whose answer alone decides it.
  for (let at = 0, block = 1; at < m; ) {
    const k = byRow[at]!;
    const end = witness[k] ? at + 1 : Math.min(m, at + block);
    const [bv, bc] = take(at, end, -1);
    const twinOut = k > 0 && c[k - 1] === c[k] && v[k - 1] === v[k] && !witness[k - 1] && !free[k - 1];
    let other: Uint8Array | null | undefined = witness[k] ? witness : null;
    if (!other && bc <= C && !(twinOut && block === 1) && (bv + lp(C - bc)) * SLACK >= V - tol) {
      other = solve(free, C - bc, [V - bv - tol, C - bc]);
      if (other === undefined) return { steps: work.used_ };
    }
    if (other) {
      if (other !== witness) {
        for (let q = 0; q < m; q++) if (free[q]) witness[q] = other[q]!;
        block *= 4;
      }
      for (let q = at; q < end; q++) witness[byRow[q]!] = 1;
      [V, C, at] = [V - bv, C - bc, end];
    } else if (end - at > 1) {
      take(at, end, 1);
      block = Math.max(1, block >> 2);
    } else at++;
  }
  for (let k = 0; k < m; k++) if (witness[k]) chosen[row[k]!] = 1;
  return { chosen, steps: work.used_ };
}
