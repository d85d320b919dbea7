// The HostBridge of the Sheets sidebar, and the dashboard dialog's server calls: each call goes to a top-level server function in Code.js through
// google.script.run (gsheets/panel-server.ts). Arguments and results are JSON-like (no Date). The shape of
// google.script.run is declared here, so the panel needs no host type package.

import type { DashboardPlan } from '../../core/dashboard/plan';
import { type BridgeError, bridgeError, type HostBridge, thrownMessage } from '../../panel/bridge';
import { DASHBOARD_SERVER, SIDEBAR_SERVER } from '../entry-points';
import type { DashboardWorkbookRead, DashboardWriteCounts, DashboardWritten } from './dashboard-protocol';

/** google.script.run as the sidebar sees it: handlers are chained, then a server function is called by name. */
interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [serverFunction: string]: unknown;
}

function scriptRun(): ScriptRun | undefined {
  const google = (globalThis as { google?: { script?: { run?: ScriptRun } } }).google;
  return google?.script?.run;
}

/** What the server function behind a bridge method answers: what the method promises (JSON-like). */
type Answer<M extends Exclude<keyof HostBridge, 'host'>> = Awaited<ReturnType<HostBridge[M]>>;

/** Calls a server function; a thrown server error or a missing google.script.run becomes a BridgeError. */
export function callServer<T>(name: string, ...args: unknown[]): Promise<T | BridgeError> {
  return new Promise((resolve) => {
    const run = scriptRun();
    if (!run) {
      resolve(bridgeError('This panel must be opened from Google Sheets (Extensions or the PMO menu).'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler((error) => resolve(bridgeError(`Google Sheets reported: ${thrownMessage(error)}`)));
    const target = runner[name];
    if (typeof target !== 'function') {
      resolve(bridgeError(`The script has no server function ${name}: update Code.js from the release.`));
      return;
    }
    (target as (...values: unknown[]) => void).apply(runner, args);
  });
}

/** A bridge over google.script.run. */
export function createGoogleScriptBridge(): HostBridge {
  return {
    host: 'sheets',
    readInitiatives: (source) => callServer<Answer<'readInitiatives'>>(SIDEBAR_SERVER.read, source),
    writeResults: (request) => callServer<Answer<'writeResults'>>(SIDEBAR_SERVER.write, request),
    loadSettings: () => callServer<Answer<'loadSettings'>>(SIDEBAR_SERVER.loadSettings),
    saveSettings: (json) => callServer<Answer<'saveSettings'>>(SIDEBAR_SERVER.saveSettings, json),
  };
}

/** The dashboard dialog's two server calls (gsheets/dashboard.ts); each resolves, failures as BridgeErrors. */
export interface DashboardServer {
  /** Reads the workbook; `at` (epoch milliseconds) fixes the build time, else the server's clock is used. */
  readWorkbook(at?: number): Promise<DashboardWorkbookRead | BridgeError>;
  writePlan(plan: DashboardPlan, counts: DashboardWriteCounts): Promise<DashboardWritten | BridgeError>;
}

/** The dashboard dialog's server over google.script.run. */
export function createGoogleScriptDashboardServer(): DashboardServer {
  return {
    readWorkbook: (at) =>
      at === undefined
        ? callServer<DashboardWorkbookRead>(DASHBOARD_SERVER.read)
        : callServer<DashboardWorkbookRead>(DASHBOARD_SERVER.read, at),
    writePlan: (plan, counts) => callServer<DashboardWritten>(DASHBOARD_SERVER.write, plan, counts),
  };
}
