// The contract between dist/excel/functions.js and the family scripts it loads on a first call
// (lazy-functions.ts): the global a family script publishes its catalog entries on, the files, and the one way a
// family script publishes. Small enough that every bundle can share it (functions.js takes only the constants).

/** The global each family script adds its catalog entries to, under its own file name. */
export const LAZY_FUNCTIONS_GLOBAL = 'PMO_LAZY_FUNCTIONS';

/** The risk family (RISK_SCORE … SIMULATE_EXPOSURE), beside functions.js (a relative URL: `script-src 'self'`). */
export const RISK_FUNCTIONS_SCRIPT = 'risk-functions.js';

/** The capacity-planning family (DEMAND, SUPPLY, CAPACITY_GAP), beside functions.js. */
export const CAPACITY_FUNCTIONS_SCRIPT = 'capacity-functions.js';

/** What a family script does when it runs: adds its catalog entries to the global, under its own file name. */
export function publishFamily(script: string, functions: readonly unknown[]): void {
  const scope = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
  scope[LAZY_FUNCTIONS_GLOBAL] = { ...scope[LAZY_FUNCTIONS_GLOBAL], [script]: functions };
}

/** A family functions.js registers without carrying it: the script that defines it and its functions' ids. */
export interface LazyFamily {
  readonly script: string;
  readonly names: readonly string[];
}
