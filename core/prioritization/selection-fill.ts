// The set search behind the core solver (selection-core.ts) on its hardest instances: every free item has the same
// value per unit of (cost + λ) with λ > 0 (strongly correlated values, value = cost + K, with costs in cents).
// There the best value any set can reach is known in advance: the budget spent to the last cent by the most items
// that fit. The state lists of the dynamic programme cannot find such a set (every sum of cents differs, so no state
// dominates another and the lists double with each item); this search looks for it directly, among the sets of
// that many items, and the solver proves what it finds with its bound (or goes on as before when it finds nothing).
//
// How it searches, for `count` items whose costs sum to between `lo` and `hi`: depth first, choosing the items in
// order of cost, the cheapest first, and never going on where the cheapest of the items still to choose would
// overshoot `hi` or the dearest fall short of `lo` (prefix sums make both tests one subtraction). Near the least
// the count can cost few sets qualify and the search ends at once, finding one or proving there is none; far above
// it, sets that hit the target are many and the first descent soon meets one.

// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads in the loops, every index in range.
import { itemSteps } from './selection-work';

/**
 * Some `count` of the items whose costs sum to between `lo` and `hi`, by exhaustive search: their flags (with
 * `most`, of the set with the largest such sum), null when there is none, undefined when the work ran out first.
 * See the file's comment; `charge` takes the work steps spent and answers false once they run out.
 */
export function subsetWithSum(
  cost: Float64Array,
  count: number,
  [lo, hi]: readonly [number, number],
  charge: (steps: number) => boolean,
  most = false,
): Uint8Array | null | undefined {
  const n = cost.length;
  if (count < 0 || count > n) return null;
  const order = Int32Array.from(cost.keys()).sort((a, b) => cost[a]! - cost[b]! || a - b);
  const x = Float64Array.from(order, (k) => cost[k]!);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + x[i]!;
  if (!charge(itemSteps(n) * 4)) return undefined;
  const picked = new Int32Array(count);
  let best: Int32Array | undefined;
  let [depth, sum, from, nodes] = [0, 0, 0, 0];
  for (;;) {
    const k = count - depth;
    let next = -1;
    if (k === 0) {
      if (sum >= lo && sum <= hi) {
        best = picked.slice();
        if (!most || sum === hi) break;
        lo = sum + 1;
      }
    } else if (sum + prefix[n]! - prefix[n - k]! >= lo) {
      // The next item chosen is the cheapest of the k still to choose: the k − 1 dearest must reach the rest.
      const dearest = prefix[n]! - prefix[n - k + 1]!;
      for (let i = from; i <= n - k; i++) {
        if (sum + prefix[i + k]! - prefix[i]! > hi) break;
        if (sum + x[i]! + dearest >= lo) {
          next = i;
          break;
        }
      }
    }
    if (++nodes % 1024 === 0 && !charge(256)) return undefined;
    if (next >= 0) {
      picked[depth++] = next;
      sum += x[next]!;
      from = next + 1;
      continue;
    }
    // Back up: the last choice moves on to the next dearer item.
    if (depth === 0) break;
    const last = picked[--depth]!;
    sum -= x[last]!;
    from = last + 1;
  }
  if (!best) return null;
  const flags = new Uint8Array(n);
  for (const i of best) flags[order[i]!] = 1;
  return flags;
}
