// Entry of dist/excel/risk-functions.js: the risk family of the catalog, which functions.js loads into the shared
// runtime on the first call of one of its functions (lazy-functions.ts). Its core modules come from functions.js's
// published copy (scripts/shared-core.ts), like the task pane's.

import { RISK_FUNCTIONS } from '../core/functions/risk-functions';
import { publishFamily, RISK_FUNCTIONS_SCRIPT } from './lazy-global';

publishFamily(RISK_FUNCTIONS_SCRIPT, RISK_FUNCTIONS);
