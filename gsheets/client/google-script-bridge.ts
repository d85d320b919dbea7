// The HostBridge of the Sheets sidebar, and the dashboard dialog's server calls: each call goes to a top-level server function in Code.js through
// google.script.run (gsheets/panel-server.ts). Arguments and results are JSON-like (no Date). The shape of
// google.script.run is declared here, so the panel needs no host type package.

import type { DashboardPlan } from '../../core/dashboard/plan';
import type { TableMapping } from '../../core/discovery/mapping';
import { planPmoData } from '../../core/discovery/pmo-data';
import { detectInitiativesTable } from '../../core/initiatives/sheet-table';
import type { SheetView } from '../../core/workbook';
import {
  type BridgeError,
  bridgeError,
  type HostBridge,
  type MappingSaved,
  type ReadResult,
  type TableSource,
  thrownMessage,
  type WorkbookRead,
} from '../../panel/bridge';
import { DASHBOARD_SERVER, SIDEBAR_SERVER } from '../entry-points';
import type { DashboardWorkbookRead, DashboardWriteCounts, DashboardWritten } from './dashboard-protocol';
import type { InitiativesBlockRead } from './sidebar-protocol';

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

/** The sheets of the dashboard dialog's read, as the core sees them (values from A1; Sheets has no Excel tables). */
export const sheetViews = (read: DashboardWorkbookRead): SheetView[] =>
  read.sheets.map((sheet) => ({
    name: sheet.name,
    rows: sheet.rows,
    firstRow: 1,
    tables: [],
    ...(sheet.numberFormats && { numberFormats: sheet.numberFormats }),
  }));

/**
 * The Tables view's calls go through the dashboard dialog's two server functions (no new code in Code.js): the
 * workbook is read with its read call, and the PMO Data sheet's plan, made here with the core, is written with its
 * write call, which checks the marker, writes the text as text and hides the sheet.
 */
async function readWorkbook(): Promise<WorkbookRead | BridgeError> {
  const read = await callServer<DashboardWorkbookRead>(DASHBOARD_SERVER.read);
  return 'kind' in read ? read : { kind: 'workbook', sheets: sheetViews(read) };
}

async function saveTableMapping(mapping: TableMapping): Promise<MappingSaved | BridgeError> {
  const read = await callServer<DashboardWorkbookRead>(DASHBOARD_SERVER.read);
  if ('kind' in read) return read;
  try {
    const written = await callServer<DashboardWritten>(
      DASHBOARD_SERVER.write,
      planPmoData(sheetViews(read), mapping),
    );
    return 'kind' in written ? written : { kind: 'saved', sheet: written.sheetName };
  } catch (error) {
    return bridgeError(thrownMessage(error));
  }
}

/** The initiatives table of a source: the server reads its cells, the table is found here with the core. */
async function readInitiatives(source: TableSource): Promise<ReadResult> {
  const read = await callServer<InitiativesBlockRead>(SIDEBAR_SERVER.read, source);
  if (read.kind !== 'block') return read;
  return detectInitiativesTable(read.sheet, read.block, [], read.foundBy);
}

/** A bridge over google.script.run. */
export function createGoogleScriptBridge(): HostBridge {
  return {
    readWorkbook,
    saveTableMapping,
    host: 'sheets',
    readInitiatives,
    writeResults: (request) => callServer<Answer<'writeResults'>>(SIDEBAR_SERVER.write, request),
    loadSettings: () => callServer<Answer<'loadSettings'>>(SIDEBAR_SERVER.loadSettings),
    saveSettings: (json) => callServer<Answer<'saveSettings'>>(SIDEBAR_SERVER.saveSettings, json),
  };
}

/** The dashboard dialog's two server calls (gsheets/dashboard.ts); each resolves, failures as BridgeErrors. */
export interface DashboardServer {
  /** Reads the workbook; `at` (epoch milliseconds) fixes the build time, else the server's clock is used. */
  readWorkbook(at?: number): Promise<DashboardWorkbookRead | BridgeError>;
  writePlan(plan: DashboardPlan, counts?: DashboardWriteCounts): Promise<DashboardWritten | BridgeError>;
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
