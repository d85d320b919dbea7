// The dashboard dialog's work, without the DOM: reads the workbook through the server (one call), plans the
// "PMO Dashboard" sheet with the core's buildDashboard here in the browser, and has the server write the hidden
// PMO Data sheet with the build history and then the dashboard (two calls). Code.js thus carries neither the
// dashboard builder nor table discovery (DESIGN §9). Everything crossing google.script.run is JSON-like
// (gsheets/client/dashboard-protocol.ts). Never rejects: a failure is an outcome.

import { buildDashboard, type DashboardSummary } from '../../core/dashboard/build';
import { type BridgeError, thrownMessage } from '../../panel/bridge';
import { type DashboardServer, sheetViews } from './google-script-bridge';

/** What the dialog is doing, for its progress line. */
export type DashboardStep = 'reading' | 'planning' | 'writing';

export type DashboardOutcome =
  | { readonly ok: true; readonly sheetName: string; readonly summary: DashboardSummary }
  | { readonly ok: false; readonly message: string };

export interface DashboardRunOptions {
  /** The build time in epoch milliseconds (tests fix it); the server's clock when absent. */
  readonly at?: number;
  /** Called as each step starts. */
  readonly onStep?: (step: DashboardStep) => void;
}

function isBridgeError(value: unknown): value is BridgeError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'error';
}

/** Lets the browser paint the progress line before the planning, which runs without a break. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Builds the dashboard: read, plan, write. */
export async function runDashboard(
  server: DashboardServer,
  options: DashboardRunOptions = {},
): Promise<DashboardOutcome> {
  try {
    options.onStep?.('reading');
    const read = await server.readWorkbook(options.at);
    if (isBridgeError(read)) return { ok: false, message: read.message };
    options.onStep?.('planning');
    await nextTurn();
    const { plan, summary, pmoData } = buildDashboard({
      sheets: sheetViews(read),
      today: read.today,
      builtAt: read.builtAt,
      ...(read.budgetCells && { budgetCells: read.budgetCells }),
      sheetName: read.sheetName,
    });
    options.onStep?.('writing');
    // The build history first, on the hidden PMO Data sheet (no toast), then the dashboard the user is shown.
    const data = await server.writePlan(pmoData);
    if (isBridgeError(data)) return { ok: false, message: data.message };
    const written = await server.writePlan(plan, {
      tables: summary.tablesFound.length,
      issues: summary.issues.length,
    });
    if (isBridgeError(written)) return { ok: false, message: written.message };
    return { ok: true, sheetName: written.sheetName, summary };
  } catch (error) {
    return { ok: false, message: thrownMessage(error) };
  }
}
