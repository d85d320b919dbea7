// Entry of dist/excel/dashboard.js: the dashboard builder, which the "Build dashboard" ribbon command loads into the
// shared runtime when it first runs (commands.ts). It exposes the builder on one global; its core modules come from
// functions.js's published copy (scripts/shared-core.ts), like the task pane's.

import { buildDashboardInExcel } from './dashboard-builder';
import { DASHBOARD_GLOBAL, type DashboardScript } from './dashboard-global';

const script: DashboardScript = { buildDashboardInExcel };
(globalThis as Record<string, unknown>)[DASHBOARD_GLOBAL] = script;
