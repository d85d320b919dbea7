// The exact dynamic programme of portfolio selection over whole cost steps, for money costs without groups or
// requirements among the free items: used when the branch and bound runs long on hard (correlated) portfolios.

import { gcd, type Prepared } from './selection-model';
import type { Search } from './selection-search';

/** The dynamic programme's memory limit: decision bits (2^28 bits = 32 MiB). */
export const DP_MAX_BITS = 2 ** 28;
/** The dynamic programme's time limit: table cells updated (~1.4 s at the ~3.5 ns per cell measured). */
export const DP_MAX_CELLS = 4e8;

/**
 * Exact dynamic programme over whole cost units (for decimal-money costs with no groups or requirements among
 * the free items): F_i[c] = the best value of items i… (in row order) costing exactly c units, computed from the
 * last row up, with one decision bit per (item, c) recording whether taking item i is at least as good. The
 * optimum is the largest value, at the smallest cost; reading the bits from the first row, taking an item
 * whenever that keeps the optimum yields the set that selects the earliest rows. Returns the chosen flags and
 * the table cells updated, or undefined (before any work) when it does not apply or the table would pass its
 * memory limit, its time limit or `cellLimit` (what is left of the call's work budget).
 */
export function dynamicProgramme(
  prepared: Prepared,
  search: Search,
  forced: Uint8Array,
  cellLimit = DP_MAX_CELLS,
): { readonly chosen: Uint8Array; readonly cells: number } | undefined {
  const { costs, values, n } = prepared;
  if (!costs.exact || !search.unconstrainedVoluntary) return undefined;
  const items = Array.from(search.voluntary);
  let unit = 0;
  for (const item of items) unit = gcd(unit, costs.numbers[item] ?? 0);
  if (unit === 0) unit = 1;
  const capacity = Math.floor(search.remainingBudget / unit + 1e-9);
  const width = capacity + 1;
  const words = Math.ceil(width / 32);
  const cells = items.length * width;
  if (items.length * words * 32 > DP_MAX_BITS || cells > Math.min(DP_MAX_CELLS, cellLimit)) return undefined;
  const tolerance = values.tolerance;
  const best = new Float64Array(width).fill(Number.NEGATIVE_INFINITY);
  best[0] = 0;
  const take = new Uint32Array(items.length * words);
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index] ?? 0;
    const units = Math.round((costs.numbers[item] ?? 0) / unit);
    const gain = values.numbers[item] ?? 0;
    const row = index * words;
    for (let c = capacity; c >= units; c--) {
      const without = best[c - units] ?? Number.NEGATIVE_INFINITY;
      if (without === Number.NEGATIVE_INFINITY) continue;
      const candidate = without + gain;
      const current = best[c] ?? Number.NEGATIVE_INFINITY;
      if (candidate >= current - tolerance) {
        take[row + (c >>> 5)] = (take[row + (c >>> 5)] ?? 0) | (1 << (c & 31));
        if (candidate > current) best[c] = candidate;
      }
    }
  }
  let optimum = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < width; c++) optimum = Math.max(optimum, best[c] ?? Number.NEGATIVE_INFINITY);
  let residual = 0;
  while (residual < capacity && (best[residual] ?? Number.NEGATIVE_INFINITY) < optimum - tolerance)
    residual++;
  const chosen = Uint8Array.from(forced);
  for (let index = 0; index < items.length; index++) {
    const item = items[index] ?? 0;
    const units = Math.round((costs.numbers[item] ?? 0) / unit);
    const bit = ((take[index * words + (residual >>> 5)] ?? 0) >>> (residual & 31)) & 1;
    if (bit && residual >= units) {
      chosen[item] = 1;
      residual -= units;
    }
  }
  return residual === 0 && chosen.length === n ? { chosen, cells } : undefined;
}
