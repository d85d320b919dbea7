/**
 * Script of the shared-runtime page (taskpane.html), bundled by the build to dist/excel/taskpane.js.
 * It reports whether Office.js is connected to Excel and registers the ribbon commands. It writes text
 * with textContent, never innerHTML (DESIGN.md §8).
 */

import { mountPanel } from '../panel/app';
import { applyTheme, officeIsDark } from '../panel/theme';
import { registerCommands } from './commands';
import { createExcelBridge } from './panel-bridge';

function statusMessage(host: Office.HostType | null | undefined): string {
  if (host === Office.HostType.Excel) {
    return 'Connected to Excel. The PMO functions are ready.';
  }
  // Outside Office (for example a browser tab), Office.onReady resolves with a null host.
  return 'Not connected to Excel: open PMO Toolkit from the PMO group on the Home tab.';
}

/** Runs `action` once the page's body is parsed (Office.onReady can call back before it is). */
function whenDomReady(action: () => void): void {
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', action, { once: true });
  else action();
}

Office.onReady((info) => {
  whenDomReady(() => {
    const status = document.getElementById('status');
    if (status) status.textContent = statusMessage(info.host);
  });
  if (info.host === Office.HostType.Excel) registerCommands();
  if (info.host === Office.HostType.Excel) startScoringPanel();
  else exposeScoringPanelStarter();
});

/**
 * Mounts the scoring panel (panel/app.ts) into its container with the Office.js bridge. Office.onReady can
 * call back before the body is parsed (taskpane.js loads in the head), so this waits for the DOM.
 */
function startScoringPanel(): void {
  whenDomReady(() => {
    // Office's theme where Office gives one (officeTheme: Excel on the web, Windows, Mac, iPad), else the system's.
    applyTheme('excel', officeIsDark(Office.context?.officeTheme));
    const container = document.getElementById('pmo-scoring-panel');
    if (container) mountPanel(container, createExcelBridge());
  });
}

/**
 * Outside Excel (a browser tab, the headless browser tests) Office.onReady resolves with a null host and the
 * panel stays unmounted. The page then exposes `pmoTaskpane.startScoringPanel()`: the browser tests install
 * fakes of the Excel and Office.context.document globals and call it. In Excel it is never defined.
 */
function exposeScoringPanelStarter(): void {
  (window as Window & { pmoTaskpane?: { startScoringPanel(): void } }).pmoTaskpane = { startScoringPanel };
}
