// Entry of dist/excel/functions.js: registers the PMO.* custom functions. Touches no DOM, so it loads headless.
// It carries the utilization and prioritization families; the other families' scripts are loaded on their first
// call (lazy-functions.ts), and the build names them and their functions in PMO_LAZY_FAMILIES.

import { PRIORITIZATION_FUNCTIONS } from '../core/functions/prioritization-functions';
import { UTILIZATION_FUNCTIONS } from '../core/functions/utilization-functions';
import { registerCustomFunctions } from './excel-values';
import { registerLazyFunctions } from './lazy-functions';
import type { LazyFamily } from './lazy-global';

/** The families loaded on first call, each with its functions' ids: defined by the build (scripts/build.ts). */
declare const PMO_LAZY_FAMILIES: readonly LazyFamily[];

if (typeof CustomFunctions !== 'undefined') {
  const api = CustomFunctions as unknown as Parameters<typeof registerCustomFunctions>[0];
  registerCustomFunctions(api, [...UTILIZATION_FUNCTIONS, ...PRIORITIZATION_FUNCTIONS]);
  registerLazyFunctions(api, PMO_LAZY_FAMILIES);
}
