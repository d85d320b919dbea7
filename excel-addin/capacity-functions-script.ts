// Entry of dist/excel/capacity-functions.js: the capacity-planning family of the catalog (DEMAND, SUPPLY,
// CAPACITY_GAP), which functions.js loads into the shared runtime on the first call of one of its functions
// (lazy-functions.ts). Its core modules come from functions.js's published copy (scripts/shared-core.ts).

import { CAPACITY_FUNCTIONS } from '../core/functions/capacity-functions';
import { CAPACITY_FUNCTIONS_SCRIPT, publishFamily } from './lazy-global';

publishFamily(CAPACITY_FUNCTIONS_SCRIPT, CAPACITY_FUNCTIONS);
