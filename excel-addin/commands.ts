/// <reference types="office-js" />
// The ribbon's ExecuteFunction commands, registered in the shared runtime (manifest FunctionName
// "buildDashboard"). Loading this module touches neither Office nor the DOM; registerCommands() does.

import { errorMessage } from '../core/errors';
import { buildDashboardInExcel } from './dashboard';

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

/**
 * The "Build dashboard" button: builds the dashboard sheet, reports a failure to the user, and always tells
 * Office the command has completed (a command that never completes blocks the ribbon).
 */
export async function buildDashboardCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
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
