// Entry of dist/excel/functions.js: registers the PMO.* custom functions. Touches no DOM, so it loads headless.

import { CATALOG } from '../core/functions/catalog';
import { registerCustomFunctions } from './excel-values';

if (typeof CustomFunctions !== 'undefined') {
  registerCustomFunctions(
    CustomFunctions as unknown as Parameters<typeof registerCustomFunctions>[0],
    CATALOG,
  );
}
