// Entry of the Sheets page's script (inlined into dist/gsheets/Sidebar.html by the build). Sidebar.html is the one
// page clasp pushes (DESIGN §3), so it serves two uses: the scoring sidebar (the default), and the dashboard
// dialog when the menu item appended the constant dashboard mark (gsheets/client/dashboard-protocol.ts). Starts once
// the page has parsed, so the appended mark, which follows this script, is there.

import { mountPanel } from '../../panel/app';
import { applyTheme } from '../../panel/theme';
import { DASHBOARD_DIALOG_TITLE, mountDashboardDialog } from './dashboard-dialog';
import { DASHBOARD_PAGE_ATTRIBUTE } from './dashboard-protocol';
import { createGoogleScriptBridge, createGoogleScriptDashboardServer } from './google-script-bridge';

function start(): void {
  const root = document.getElementById('pmo-scoring-panel');
  if (!root) return;
  // Google offers the sidebar no theme of its own: the system's light or dark, followed live.
  applyTheme('sheets');
  if (document.querySelector(`[${DASHBOARD_PAGE_ATTRIBUTE}="dashboard"]`)) {
    document.title = DASHBOARD_DIALOG_TITLE;
    root.setAttribute('aria-label', DASHBOARD_DIALOG_TITLE);
    void mountDashboardDialog(root, createGoogleScriptDashboardServer());
  } else mountPanel(root, createGoogleScriptBridge());
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
