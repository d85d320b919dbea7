// The contract between the task pane and dist/excel/dashboard.js: the global the script publishes its builder on
// and the file the ribbon command loads. Types and constants only, so both bundles can share it for nothing.

import type { buildDashboardInExcel } from './dashboard-builder';

/** The global dist/excel/dashboard.js publishes the dashboard builder on. */
export const DASHBOARD_GLOBAL = 'PMO_DASHBOARD';

/** The file of the dashboard builder, beside taskpane.html (a relative URL, so `script-src 'self'` allows it). */
export const DASHBOARD_SCRIPT = 'dashboard.js';

/** What dist/excel/dashboard.js publishes on {@link DASHBOARD_GLOBAL}. */
export interface DashboardScript {
  readonly buildDashboardInExcel: typeof buildDashboardInExcel;
}
