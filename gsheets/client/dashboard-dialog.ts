// The dashboard dialog's page: Sidebar.html opened by the "Build dashboard" menu item in dashboard mode. Shows
// each step, then the result (the sheet written, the tables found with their ranges, the count of data issues)
// or the failure, and a Close button. Workbook text goes in as text nodes only (panel/dom.ts, DESIGN §8).
// "Class google.script.host (Client-side API)" — https://developers.google.com/apps-script/guides/html/reference/host:
// close() closes the current dialog or sidebar.

import { sourceText } from '../../core/dashboard/sources';
import { h, replaceChildren } from '../../panel/dom';
import { type DashboardOutcome, type DashboardStep, runDashboard } from './dashboard-runner';
import type { DashboardServer } from './google-script-bridge';

export const DASHBOARD_DIALOG_TITLE = 'Build dashboard';

const STEP_TEXT: Readonly<Record<DashboardStep, string>> = {
  reading: 'Reading the workbook…',
  planning: 'Planning the dashboard…',
  writing: 'Writing the dashboard sheet…',
};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Closes the dialog through google.script.host, when the page runs in one. */
function closeDialog(): void {
  const host = (globalThis as { google?: { script?: { host?: { close?: () => void } } } }).google?.script
    ?.host;
  host?.close?.();
}

/** Mounts the dialog into `root` and builds the dashboard at once; resolves with the outcome once shown. */
export async function mountDashboardDialog(
  root: HTMLElement,
  server: DashboardServer,
): Promise<DashboardOutcome> {
  const status = h('p', { className: 'pmo-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const progress = h('progress', { className: 'pmo-progress', attrs: { 'aria-label': 'Building' } });
  const result = h('div', { className: 'pmo-section', hidden: true });
  const alert = h('p', { className: 'pmo-alert', attrs: { role: 'alert' } });
  const close = h(
    'button',
    { className: 'pmo-primary', attrs: { type: 'button', 'aria-disabled': 'true' } },
    'Close',
  );
  close.addEventListener('click', () => {
    if (close.getAttribute('aria-disabled') !== 'true') closeDialog();
  });
  replaceChildren(
    root,
    h(
      'div',
      { className: 'pmo-panel pmo-host-sheets' },
      h('h2', { className: 'pmo-title' }, DASHBOARD_DIALOG_TITLE),
      h('div', { className: 'pmo-status-bar' }, progress, status),
      alert,
      result,
      h('div', { className: 'pmo-actions' }, close),
    ),
  );
  const outcome = await runDashboard(server, {
    onStep: (step) => {
      status.textContent = STEP_TEXT[step];
    },
  });
  progress.hidden = true;
  if (outcome.ok) {
    const { summary } = outcome;
    status.textContent = `Dashboard built on sheet "${outcome.sheetName}".`;
    const issues = summary.issues.length;
    replaceChildren(
      result,
      h(
        'p',
        {},
        `From ${plural(summary.tablesFound.length, 'table')}${summary.tablesFound.length > 0 ? ':' : '.'}`,
      ),
      summary.tablesFound.length > 0 &&
        h(
          'ul',
          { className: 'pmo-tables-found' },
          ...summary.tablesFound.map((source) => h('li', {}, sourceText(source))),
        ),
      h('p', {}, issues > 0 ? `${plural(issues, 'data issue')}, listed on the sheet.` : 'No data issues.'),
    );
    result.hidden = false;
  } else {
    status.textContent = 'The dashboard was not built.';
    alert.textContent = `The dashboard could not be built: ${outcome.message}`;
  }
  close.setAttribute('aria-disabled', 'false');
  close.focus();
  return outcome;
}
