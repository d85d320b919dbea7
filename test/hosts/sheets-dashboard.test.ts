// The Sheets dashboard command, run the way the host runs it: the menu item of the built dist/gsheets/Code.js opens
// the dialog (Sidebar.html in dashboard mode), whose runner (gsheets/client/dashboard-runner.ts, the module the
// page bundles) reads the workbook and writes the plan through google.script.run's JSON boundary
// (test/fakes/sheets: script-run-page.ts on the page side, callServerFunction on the server side, Code.js evaluated
// anew for every call). It never changes a user's sheet, rebuilds only its own sheet, writes user text as text,
// shows the core's figures, makes a constant number of service calls, and the PMO menu works from Code.js.

import { afterEach, describe, expect, it } from 'vitest';
import { buildDashboard, LABEL_COLUMN_WIDTH } from '../../core/dashboard/build';
import { GRID_COLUMN_WIDTH } from '../../core/dashboard/layout';
import { DASHBOARD_MARKER } from '../../core/dashboard/plan';
import { serialFromParts } from '../../core/dates';
import { normalizeCell } from '../../core/functions/invoke';
import type { SheetView } from '../../core/workbook';
import { runDashboard } from '../../gsheets/client/dashboard-runner';
import { DASHBOARD_SERVER } from '../../gsheets/entry-points';
import {
  evaluateScript,
  type FakeSheet,
  SheetsHost,
  seedSpreadsheet,
  sheetsSnapshot,
  sheetsValues,
} from '../fakes/sheets';
import { isoIn } from '../fakes/time-zones';
import { pmoWorkbook, SEED_HEADER_FILL, serialOf } from '../fakes/workbook-seed';
import {
  coreDashboardOf,
  expectHeadlineTiles,
  expectHistoryOf,
  expectNamesWrittenAsText,
  expectNeutralDashboard,
  NEUTRAL_TODAY,
  neutralNamesWorkbook,
  SHEETS_AFTER_BUILD,
} from './dashboard-checks';
import { buildFromMenu, installDialogPage, removeDialogPage } from './sheets-dialog';

const TIME_ZONE = 'Europe/Zurich';
const TODAY = '2025-03-05';
/** 09:30 in Zurich on 2025-03-05. */
const NOW = new Date('2025-03-05T08:30:00Z');

afterEach(removeDialogPage);

function workbook(assignmentRows = 10, extraSheets: Parameters<typeof pmoWorkbook>[2] = []) {
  const host = new SheetsHost(TIME_ZONE);
  seedSpreadsheet(host, pmoWorkbook(TODAY, assignmentRows, extraSheets), SEED_HEADER_FILL);
  const global = evaluateScript(host);
  return { host, global, build: () => buildFromMenu(host, NOW) };
}

function sheetNamed(host: SheetsHost, name: string): FakeSheet {
  const sheet = host.spreadsheet.sheet(name);
  if (!sheet)
    throw new Error(`no sheet ${name}; sheets: ${host.spreadsheet.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

/** Serial of a Sheets date cell, read in the spreadsheet's time zone. */
function serialIn(date: Date): number {
  const [year, month, day] = isoIn(date, TIME_ZONE).split('-').map(Number);
  return serialFromParts(year ?? 0, month ?? 1, day ?? 1);
}

const env = { dateToSerial: serialIn };

/** The workbook as the core sees it, read straight from the stored cells (not through the renderer). */
function coreSheets(host: SheetsHost, except: string): SheetView[] {
  return (
    host.spreadsheet.sheets
      // The workbook as the build read it: the PMO Data sheet it wrote (the build history) is left out too.
      .filter((sheet) => sheet.name !== except && sheet.name !== 'PMO Data')
      .map((sheet) => ({
        name: sheet.name,
        rows: sheetsValues(sheet).map((row) => row.map((value) => normalizeCell(value, env))),
        firstRow: 1,
        tables: [],
      }))
  );
}

/** Sheet row (1-based) of the first dashboard row whose column A reads `text`. */
function rowOf(sheet: FakeSheet, text: string | RegExp): number {
  const values = sheetsValues(sheet);
  const index = values.findIndex((row) =>
    typeof text === 'string' ? row[0] === text : typeof row[0] === 'string' && text.test(row[0]),
  );
  if (index < 0) throw new Error(`no row ${text} on ${sheet.name}`);
  return index + 1;
}

/** Spreadsheet service calls (Utilities are local computations, not round trips to the spreadsheet). */
function spreadsheetCalls(host: SheetsHost): Record<string, number> {
  return Object.fromEntries(
    Object.entries(host.callCounts()).filter(([call]) => !call.startsWith('Utilities.')),
  );
}

/** Every user sheet as stored: neither the dashboard nor the hidden PMO Data sheet holding its history. */
function userSnapshots(host: SheetsHost) {
  return host.spreadsheet.sheets
    .filter((sheet) => sheet.name !== 'PMO Dashboard' && sheet.name !== 'PMO Data')
    .map(sheetsSnapshot);
}

describe('PMO › Build dashboard (dist/gsheets/Code.js and the dialog page)', () => {
  it('leaves every user sheet exactly as it was, after a build and after a rebuild', async () => {
    const { host, build } = workbook();
    const snapshot = () => userSnapshots(host);
    const before = snapshot();
    expect(before[0]?.cells[0]?.[1]).toMatchObject({
      value: 'Resource',
      fontWeight: 'bold',
      background: SEED_HEADER_FILL,
    });
    await build();
    expect(snapshot()).toEqual(before);
    await build();
    expect(snapshot()).toEqual(before);
  });

  it('rebuilds into the same one sheet, cleared first, so nothing of an earlier build is left behind', async () => {
    const { host, build } = workbook();
    expect((await build()).sheetName).toBe('PMO Dashboard');
    const first = sheetsSnapshot(sheetNamed(host, 'PMO Dashboard'));
    expect(first.charts).toHaveLength(2);
    await build();
    expect(host.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(SHEETS_AFTER_BUILD);
    // The second build adds the trend of the two builds and its chart.
    expect(rowOf(sheetNamed(host, 'PMO Dashboard'), 'Trend over the last 2 builds')).toBeGreaterThan(0);
    expect(sheetsSnapshot(sheetNamed(host, 'PMO Dashboard')).charts).toHaveLength(3);

    // Without the Risks sheet and the history the next build is shorter: it must equal a first build of that
    // workbook, nothing of the longer one left behind.
    for (const name of ['Risks', 'PMO Data'])
      host.spreadsheet.sheets.splice(host.spreadsheet.sheets.indexOf(sheetNamed(host, name)), 1);
    await build();
    const fresh = workbook();
    fresh.host.spreadsheet.sheets.splice(
      fresh.host.spreadsheet.sheets.indexOf(sheetNamed(fresh.host, 'Risks')),
      1,
    );
    await fresh.build();
    expect(sheetsSnapshot(sheetNamed(host, 'PMO Dashboard'))).toEqual(
      sheetsSnapshot(sheetNamed(fresh.host, 'PMO Dashboard')),
    );
    expect(sheetNamed(host, 'PMO Dashboard').charts.map((chart) => chart.state.options.title)).toEqual([
      'Initiatives by WSJF',
    ]);
  });

  it('leaves a user sheet called "PMO Dashboard" alone and writes to "PMO Dashboard (2)", also on rebuild', async () => {
    const { host, build } = workbook(10, [
      { name: 'PMO Dashboard', rows: [['My own notes'], ['Do not overwrite', 42]] },
    ]);
    const before = sheetsSnapshot(sheetNamed(host, 'PMO Dashboard'));
    expect((await build()).sheetName).toBe('PMO Dashboard (2)');
    await build();
    expect(sheetsSnapshot(sheetNamed(host, 'PMO Dashboard'))).toEqual(before);
    expect(
      host.spreadsheet.sheets.map((sheet) => sheet.name).filter((name) => name.startsWith('PMO Dashboard')),
    ).toEqual(['PMO Dashboard', 'PMO Dashboard (2)']);
    expect(sheetNamed(host, 'PMO Dashboard (2)').cell(1, 1)?.value).toBe(DASHBOARD_MARKER);
    expect(host.spreadsheet.activeSheet?.name).toBe('PMO Dashboard (2)');
    expect(host.toasts.at(-1)).toBe('PMO Toolkit: Dashboard built: sheet "PMO Dashboard (2)" from 5 tables.');
  });

  it('keeps the build history on the hidden PMO Data sheet: ten builds, ten rows, one dashboard, user sheets unchanged', async () => {
    const { host, build } = workbook();
    const before = userSnapshots(host);
    for (let n = 0; n < 10; n++) await build();
    expect(userSnapshots(host)).toEqual(before);
    expect(host.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(SHEETS_AFTER_BUILD);
    expect(sheetNamed(host, 'PMO Data').isSheetHidden()).toBe(true);
    expect(host.spreadsheet.activeSheet?.getName()).toBe('PMO Dashboard');
    expectHistoryOf(
      sheetsValues(sheetNamed(host, 'PMO Data')),
      sheetsValues(sheetNamed(host, 'PMO Dashboard')),
      10,
    );
  });

  it('writes names that look like formulas or signs as text, formatted "@", never as formulas', async () => {
    const { host, build } = workbook();
    await build();
    const dashboard = sheetsSnapshot(sheetNamed(host, 'PMO Dashboard'));
    expectNamesWrittenAsText(dashboard.cells);
  });

  it('shows the same figures as the core and the same weekly utilization as PMO_UTILIZATION', async () => {
    const { host, global, build } = workbook();
    const result = await build();
    const core = buildDashboard({
      sheets: coreSheets(host, 'PMO Dashboard'),
      today: serialOf(TODAY),
      builtAt: '2025-03-05 09:30',
      budgetCells: [[300000]],
    });
    const { sheetName, ...summary } = result;
    expect(sheetName).toBe('PMO Dashboard');
    expect(summary).toEqual(core.summary);

    const sheet = sheetNamed(host, 'PMO Dashboard');
    expectHeadlineTiles(sheetsValues(sheet), (r, c) => sheet.cell(r + 1, c + 1), core.summary, 300000);
    expect(sheet.cell(2, 1)?.value).toBe(
      "Built 2025-03-05 09:30 from Resources (Resources!A1:C5), Assignments (Assignments!A1:E11), Time off ('Time Off'!A1:D3), Initiatives (Initiatives!A1:G6), Risks (Risks!A1:F5).",
    );

    const values = (name: string) => sheetsValues(sheetNamed(host, name));
    const weekOne = (sheet.cell(rowOf(sheet, 'Resource'), 2)?.value ?? null) as Date;
    const weekTwelveEnd = new Date(weekOne.getTime() + 83 * 86_400_000 + 12 * 3_600_000);
    const expected = (global.PMO_UTILIZATION as (...args: unknown[]) => unknown[][])(
      values('Assignments'),
      values('Resources'),
      weekOne,
      weekTwelveEnd,
      'week',
      values('Time Off'),
    );
    const header = rowOf(sheet, 'Resource');
    expect(expected[0]?.length).toBe(13);
    for (let p = 1; p <= 12; p++) {
      const cell = sheet.cell(header, p + 1);
      expect(isoIn(cell?.value as Date, TIME_ZONE)).toBe(isoIn(expected[0]?.[p] as Date, TIME_ZONE));
      expect(cell?.numberFormat).toBe('dd mmm');
    }
    expect(serialIn(weekOne)).toBe(core.summary.heatmapStart);
    for (const row of expected.slice(1)) {
      const r = rowOf(sheet, String(row[0]));
      for (let p = 1; p <= 12; p++) expect(sheet.cell(r, p + 1)?.value).toBeCloseTo(row[p] as number, 12);
    }
  });

  it('renders the plan natively: fills, merges, widths in pixels, frozen title rows and two charts over the plan ranges', async () => {
    const { host, build } = workbook();
    await build();
    const sheet = sheetNamed(host, 'PMO Dashboard');
    const section = rowOf(sheet, 'Headline figures');
    expect(sheet.cell(section, 1)).toMatchObject({
      background: '#1F3864',
      fontColor: '#FFFFFF',
      fontWeight: 'bold',
      fontSize: 12,
    });
    // The tiles: a label over a big number, centred in its rows.
    expect(sheet.cell(section + 1, 1)).toMatchObject({
      value: 'UTILIZATION',
      background: '#F2F2F2',
      fontColor: '#595959',
      fontWeight: 'bold',
    });
    expect(sheet.cell(section + 2, 1)).toMatchObject({ fontSize: 22, verticalAlignment: 'middle' });
    expect(sheet.merges).toContainEqual({ row: section, column: 1, rows: 1, columns: 13 });
    expect(sheet.columnWidths.get(1)).toBe(LABEL_COLUMN_WIDTH * 7);
    expect(sheet.columnWidths.get(2)).toBe(GRID_COLUMN_WIDTH * 7);
    // The risk matrix's rows are as tall as its columns are wide (70 pixels): square cells.
    const matrix = rowOf(sheet, 'P \\ I');
    for (let p = 1; p <= 5; p++) expect(sheet.rowHeights.get(matrix + p)).toBe(GRID_COLUMN_WIDTH * 7);
    expect(sheet.frozenRows).toBe(2);
    // The initiatives' header row: the names in column A, the cost over two columns, the chart right of Funded.
    const ranked = rowOf(sheet, 'Initiative');
    expect(sheet.charts.map((chart) => chart.state)).toContainEqual({
      type: 'BAR',
      ranges: [
        { row: ranked, column: 1, rows: 6, columns: 1 },
        { row: ranked, column: 4, rows: 6, columns: 1 },
      ],
      numHeaders: 1,
      options: { title: 'Initiatives by WSJF', legend: { position: 'none' } },
      position: { row: ranked - 1, column: 9, offsetX: 0, offsetY: 0 },
    });
  });

  it('finds tables on sheets named for nothing by their headers, as the core does, and says where', async () => {
    const seed = neutralNamesWorkbook();
    const host = new SheetsHost(TIME_ZONE);
    seedSpreadsheet(host, seed, SEED_HEADER_FILL);
    expect(NEUTRAL_TODAY).toBe(TODAY);
    const { sheetName, ...summary } = await buildFromMenu(host, NOW);
    expect(sheetName).toBe('PMO Dashboard');
    const sheet = sheetNamed(host, 'PMO Dashboard');
    expectNeutralDashboard(summary, coreDashboardOf(seed, false), (row, column) =>
      normalizeCell(sheet.cell(row + 1, column + 1)?.value ?? '', env),
    );
  });

  it('reads each sheet once and writes with the same calls whether the assignments have 10 rows or 10,000', async () => {
    const small = workbook(10);
    const large = workbook(10_000);
    await small.build();
    const result = await large.build();
    expect(result.resources).toBe(4);
    const calls = spreadsheetCalls(small.host);
    expect(spreadsheetCalls(large.host)).toEqual(calls);
    // One getValues per user sheet (6) and one for the named Budget, read whole so a name over several cells is
    // seen as no budget, as in Excel and the CLI.
    expect(calls['Range.getValues']).toBe(7);
    expect(calls['Range.getValue']).toBeUndefined();
    // One batched write for the hidden PMO Data sheet (the build history) and one for the dashboard.
    expect(calls['Range.setValues']).toBe(2);
    expect(calls['Range.setNumberFormats']).toBe(2);
    expect(calls['Sheet.insertChart']).toBe(2);
  });

  it('shows a write failure on the dialog page, never swallowed, and writes no toast', async () => {
    const { host } = workbook();
    host.failures.set('Spreadsheet.insertSheet', 'You do not have permission to add a sheet.');
    await expect(buildFromMenu(host, NOW)).rejects.toThrow(
      'Google Sheets reported: You do not have permission to add a sheet.',
    );
    expect(host.toasts).toEqual([]);
    expect(host.spreadsheet.sheet('PMO Dashboard')).toBeUndefined();
  });

  it('shows in an alert a failure to open the dialog', () => {
    const { host, global } = workbook();
    host.failures.set('HtmlService.createHtmlOutputFromFile', 'No HTML file named Sidebar was found.');
    (global[DASHBOARD_SERVER.show] as () => void)();
    expect(host.ui.alerts).toEqual([
      'The dashboard could not be built: No HTML file named Sidebar was found.',
    ]);
    expect(host.consoleErrors).toHaveLength(1);
    expect(host.dialogs).toEqual([]);
  });

  it('re-checks at write time: a user sheet named "PMO Dashboard" added while the page planned is left alone', async () => {
    const { host } = workbook();
    const server = installDialogPage(host);
    const outcome = await runDashboard(
      {
        readWorkbook: async (at) => {
          const read = await server.readWorkbook(at);
          host.addSheet('pmo dashboard', [['My own notes']]);
          return read;
        },
        writePlan: server.writePlan,
      },
      { at: NOW.getTime() },
    );
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringContaining('The sheet "pmo dashboard" is not the dashboard\'s own'),
    });
    expect(sheetNamed(host, 'pmo dashboard').cell(1, 1)?.value).toBe('My own notes');
  });

  it('re-checks at write time: its own sheet turned into a user sheet while the page planned is left alone', async () => {
    const { host, build } = workbook();
    await build();
    const server = installDialogPage(host);
    const outcome = await runDashboard(
      {
        readWorkbook: async (at) => {
          const read = await server.readWorkbook(at);
          sheetNamed(host, 'PMO Dashboard')
            .getRange(1, 1)
            .setValues([['Mine now']]);
          return read;
        },
        writePlan: server.writePlan,
      },
      { at: NOW.getTime() },
    );
    expect(outcome).toEqual({ ok: false, message: expect.stringContaining("is not the dashboard's own") });
    expect(sheetNamed(host, 'PMO Dashboard').cell(1, 1)?.value).toBe('Mine now');
  });

  it("the plan the page builds survives google.script.run's JSON unchanged (no undefined, no holes, no Date)", () => {
    const { host } = workbook();
    const plan = buildDashboard({
      sheets: coreSheets(host, 'PMO Dashboard'),
      today: serialOf(TODAY),
      builtAt: '2025-03-05 09:30',
      budgetCells: [[300000]],
    }).plan;
    expect(JSON.parse(JSON.stringify(plan))).toStrictEqual(plan);
  });
});

describe('Code.js entry points', () => {
  it('touches no service when it loads, and declares onOpen, onInstall and PMO_buildDashboard at top level', () => {
    const { host, global } = workbook();
    expect(host.calls).toEqual([]);
    for (const name of ['onOpen', 'onInstall', 'PMO_buildDashboard'])
      expect(typeof global[name], name).toBe('function');
  });

  it('adds the PMO menu with "Build dashboard" and "Score initiatives…" on open and on install', () => {
    const { host, global } = workbook();
    (global.onOpen as (e: unknown) => void)({ authMode: 'LIMITED' });
    (global.onInstall as (e: unknown) => void)({ authMode: 'FULL' });
    const menu = {
      caption: 'PMO',
      items: [
        { caption: 'Build dashboard', functionName: 'PMO_buildDashboard' },
        { caption: 'Score initiatives…', functionName: 'showScoringPanel' },
      ],
    };
    for (const item of menu.items)
      expect(typeof global[item.functionName], item.functionName).toBe('function');
    expect(host.ui.menus).toEqual([menu, menu]);
    expect(
      host.calls.filter(
        (call) => !call.startsWith('Menu.') && !call.startsWith('Ui.') && call !== 'SpreadsheetApp.getUi',
      ),
    ).toEqual([]);
  });

  it('opens the dashboard dialog from the menu item; the page builds and Code.js says so in a toast', async () => {
    const { host } = workbook();
    await buildFromMenu(host, NOW);
    expect(sheetNamed(host, 'PMO Dashboard').cell(1, 1)?.value).toBe(DASHBOARD_MARKER);
    expect(host.toasts).toEqual(['PMO Toolkit: Dashboard built: sheet "PMO Dashboard" from 5 tables.']);
    expect(host.ui.alerts).toEqual([]);
  });
});

describe('the fake Sheets host', () => {
  it('turns "=…" into a formula even in a text-formatted cell, and keeps text after a leading apostrophe', () => {
    const { host } = workbook(1);
    const sheet = sheetNamed(host, 'Settings');
    const range = sheet.getRange(1, 4, 1, 3);
    range.setNumberFormats([['@', '@', 'General']]);
    range.setValues([['=1+1', "'=1+1", '+cmd']]);
    expect(sheet.cell(1, 4)?.formula).toBe('=1+1');
    expect(sheet.cell(1, 5)).toMatchObject({ value: '=1+1' });
    expect(sheet.cell(1, 5)?.formula).toBeUndefined();
    expect(sheet.cell(1, 6)?.formula).toBe('=+cmd');
  });
});
