/// <reference types="office-js" />
// The ribbon's ExecuteFunction commands, registered in the shared runtime (manifest FunctionName
// "buildDashboard"). Loading this module touches neither Office nor the DOM; registerCommands() does.

import { errorMessage } from '../core/error-message';
import { DASHBOARD_GLOBAL, DASHBOARD_SCRIPT, type DashboardScript } from './dashboard-global';

/** The manifest's `<FunctionName>` of the "Build dashboard" button. */
export const BUILD_DASHBOARD_ACTION = 'buildDashboard';

/** Id of the task pane element that shows what the add-in is doing (taskpane.html). */
const STATUS_ELEMENT_ID = 'status';

/** Writes `text` into the task pane's status line (as text, never HTML). */
function showStatus(text: string): void {
  if (typeof document === 'undefined') return;
  const status = document.getElementById(STATUS_ELEMENT_ID);
  if (status) status.textContent = text;
}

/** Tells the user the command failed: the message in the task pane's status line, and the pane shown. */
function reportFailure(error: unknown): void {
  console.error('PMO Toolkit: building the dashboard failed.', error);
  showStatus(`The dashboard could not be built: ${errorMessage(error)}`);
  const cannotShow = (showError: unknown) =>
    console.error('PMO Toolkit: could not show the task pane.', showError);
  try {
    // Not awaited: the command must complete even if the pane cannot be shown.
    Office.addin.showAsTaskpane().catch(cannotShow);
  } catch (showError) {
    cannotShow(showError);
  }
}

/** The dashboard builder, when dist/excel/dashboard.js has run. */
function loadedDashboardScript(): DashboardScript | undefined {
  return (globalThis as { [DASHBOARD_GLOBAL]?: DashboardScript })[DASHBOARD_GLOBAL];
}

/** The one load of dashboard.js in progress or done (cleared when it fails, so a later click tries again). */
let dashboardLoad: Promise<DashboardScript> | undefined;

/**
 * The dashboard builder, loaded when first needed: the task pane does not carry it (its size budget, scripts/build.ts), so the first click
 * adds `<script src="dashboard.js">` to the page and waits for it; later clicks reuse it. Rejects, saying so, when
 * the script cannot be loaded or does not publish the builder.
 */
export function loadDashboardScript(): Promise<DashboardScript> {
  const loaded = loadedDashboardScript();
  if (loaded) return Promise.resolve(loaded);
  dashboardLoad ??= new Promise<DashboardScript>((resolve, reject) => {
    const script = document.createElement('script');
    const fail = (reason: string) => {
      script.remove();
      dashboardLoad = undefined;
      reject(
        new Error(
          `the dashboard builder (${DASHBOARD_SCRIPT}) ${reason}. Check the connection and try again.`,
        ),
      );
    };
    script.onload = () => {
      const builder = loadedDashboardScript();
      if (builder) resolve(builder);
      else fail('loaded but did not start');
    };
    script.onerror = () => fail('could not be loaded');
    script.src = DASHBOARD_SCRIPT;
    document.head.appendChild(script);
  });
  return dashboardLoad;
}

/**
 * The "Build dashboard" button: loads the builder (once), builds the dashboard sheet, reports a failure to the user, and always tells
 * Office the command has completed (a command that never completes blocks the ribbon).
 */
export async function buildDashboardCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const { buildDashboardInExcel } = await loadDashboardScript();
    const result = await Excel.run((context) => buildDashboardInExcel(context, new Date()));
    showStatus(`Dashboard built on the sheet "${result.sheetName}".`);
  } catch (error) {
    reportFailure(error);
  } finally {
    event.completed();
  }
}

/** Associates the ribbon's function names with their handlers; call once Office is ready. */
export function registerCommands(): void {
  Office.actions.associate(BUILD_DASHBOARD_ACTION, buildDashboardCommand);
}
