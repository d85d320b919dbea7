// The colour bands of utilization ratios (DESIGN §5): what the dashboard and the command line colour a cell by.
// Apart from grid.ts, which the custom functions ship: none of them colours a cell (DESIGN §9's functions.js budget).

/** Colour bands for utilization ratios (DESIGN §5), configurable by callers. */
export interface UtilizationBands {
  /** Below this ratio: under-booked. */
  readonly ok: number;
  /** Above this ratio: over-booked. */
  readonly over: number;
  /** Above this ratio: critical. */
  readonly critical: number;
}

export const DEFAULT_BANDS: UtilizationBands = { ok: 0.7, over: 1, critical: 1.2 };

export type UtilizationBand = 'under' | 'ok' | 'over' | 'critical' | 'no-capacity' | 'none';

/** The band of one cell: `none` for no load and no capacity, `no-capacity` for load without capacity. */
export function bandOf(
  loadHours: number,
  capacityHours: number,
  bands: UtilizationBands = DEFAULT_BANDS,
): UtilizationBand {
  if (capacityHours <= 0) return loadHours > 0 ? 'no-capacity' : 'none';
  const ratio = loadHours / capacityHours;
  if (ratio > bands.critical) return 'critical';
  if (ratio > bands.over) return 'over';
  if (ratio >= bands.ok) return 'ok';
  return 'under';
}
