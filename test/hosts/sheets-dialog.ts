// "PMO › Build dashboard" in Google Sheets as the host runs it: the menu function of the built Code.js opens
// Sidebar.html as a modal dialog with the dashboard mark appended, then the page's runner
// (gsheets/client/dashboard-runner.ts, the module Sidebar.html bundles) reads the workbook and writes the plan
// through google.script.run: script-run-page.ts on the page side (JSON-like values only, no Date),
// callServerFunction on the server side (Code.js evaluated anew for every call, the result as JSON).

import { expect } from 'vitest';
import type { DashboardSummary } from '../../core/dashboard/build';
import { DASHBOARD_PAGE_MARK } from '../../gsheets/client/dashboard-protocol';
import { type DashboardOutcome, runDashboard } from '../../gsheets/client/dashboard-runner';
import {
  createGoogleScriptDashboardServer,
  type DashboardServer,
} from '../../gsheets/client/google-script-bridge';
import { DASHBOARD_SERVER } from '../../gsheets/entry-points';
import {
  callServerFunction,
  evaluateScript,
  readBuiltCode,
  type SheetsHost,
  serverFunctionNames,
} from '../fakes/sheets';
import { installScriptRun } from '../fakes/sheets/script-run-page';

export type BuiltInSheets = DashboardSummary & { sheetName: string };

/** Installs the page's google.script.run, answered by `host`'s Code.js; returns the dialog's server over it. */
export function installDialogPage(host: SheetsHost, code: string = readBuiltCode()): DashboardServer {
  Object.assign(globalThis, {
    pmoScriptServer: async (name: string, argsJson: string) => callServerFunction(host, code, name, argsJson),
  });
  installScriptRun(serverFunctionNames(evaluateScript(host, code)));
  return createGoogleScriptDashboardServer();
}

/** Removes the page globals installDialogPage set (for afterEach). */
export function removeDialogPage(): void {
  for (const name of ['google', 'pmoScriptServer']) delete (globalThis as Record<string, unknown>)[name];
}

/** Opens the dialog from the menu (asserting it opened as the dashboard page) and runs the page; `at` fixes the time. */
export async function runFromMenu(host: SheetsHost, at: Date): Promise<DashboardOutcome> {
  const code = readBuiltCode();
  const global = evaluateScript(host, code);
  const shown = host.dialogs.length;
  (global[DASHBOARD_SERVER.show] as () => void)();
  expect(host.dialogs.slice(shown)).toEqual([
    { file: 'Sidebar', appended: DASHBOARD_PAGE_MARK, title: 'Build dashboard', width: 520, height: 380 },
  ]);
  return runDashboard(installDialogPage(host, code), { at: at.getTime() });
}

/** runFromMenu, failing with the page's message when the build failed. */
export async function buildFromMenu(host: SheetsHost, at: Date): Promise<BuiltInSheets> {
  const outcome = await runFromMenu(host, at);
  if (!outcome.ok) throw new Error(outcome.message);
  return { ...outcome.summary, sheetName: outcome.sheetName };
}
