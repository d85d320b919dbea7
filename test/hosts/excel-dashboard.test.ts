// The Excel dashboard command against an Office.js-like fake: it never changes a user's sheet, rebuilds only
// its own sheet, writes user text as text, shows the core's figures, keeps round trips constant, and the
// ribbon command (from the built taskpane.js) always completes and reports failures.

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDashboard, LABEL_COLUMN_WIDTH } from '../../core/dashboard/build';
import { GRID_COLUMN_WIDTH } from '../../core/dashboard/layout';
import { DASHBOARD_MARKER } from '../../core/dashboard/plan';
import { findFunction } from '../../core/functions/catalog';
import { invoke, normalizeCell, UTC_DATES } from '../../core/functions/invoke';
import { cellFormats, FORMAT_WINDOW, type SheetView } from '../../core/workbook';
import { buildDashboardInExcel } from '../../excel-addin/dashboard-builder';
import {
  type ExcelSheetSnapshot,
  type ExcelSheetState,
  type ExcelWorkbookState,
  excelSheetSnapshot,
  excelSheetValues,
  FakeRequestContext,
  fakeSharedRuntime,
  seedExcelWorkbook,
} from '../fakes/excel';
import { pmoWorkbook, SEED_HEADER_FILL, serialOf } from '../fakes/workbook-seed';
import {
  coreDashboardOf,
  expectHeadlineTiles,
  expectHistoryOf,
  expectNamesWrittenAsText,
  expectNeutralDashboard,
  neutralNamesWorkbook,
  SHEETS_AFTER_BUILD,
} from './dashboard-checks';

const TODAY = '2025-03-05';
/** 09:30 on the local clock of 2025-03-05, whatever the machine's time zone. */
const NOW = new Date(2025, 2, 5, 9, 30);
const dist = join(import.meta.dirname, '../../dist');

/** A build in an Excel with ExcelApi 1.9 (Worksheet.pageLayout), unless `pageLayout` is false. */
async function build(state: ExcelWorkbookState, pageLayout = true) {
  const context = new FakeRequestContext(state);
  const result = await buildDashboardInExcel(context as unknown as Excel.RequestContext, NOW, { pageLayout });
  return { context, result };
}

function sheetNamed(state: ExcelWorkbookState, name: string): ExcelSheetState {
  const sheet = state.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}; sheets: ${state.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

function userSnapshots(state: ExcelWorkbookState, userSheets: readonly string[]) {
  return userSheets.map((name) => excelSheetSnapshot(sheetNamed(state, name)));
}

/** The workbook as the core sees it, read straight from the stored cells (not through the renderer). */
function coreSheets(state: ExcelWorkbookState, except: string): SheetView[] {
  return (
    state.sheets
      // The workbook as the build read it: the PMO Data sheet it wrote (the build history) is left out too.
      .filter((sheet) => sheet.name !== except && sheet.name !== 'PMO Data')
      .map((sheet) => ({
        name: sheet.name,
        rows: excelSheetValues(sheet).map((row) => row.map((value) => normalizeCell(value, UTC_DATES))),
        firstRow: 1,
        tables: [],
        numberFormats: cellFormats(
          Array.from({ length: FORMAT_WINDOW.rows }, (_, r) =>
            Array.from({ length: FORMAT_WINDOW.columns }, (_, c) => sheet.cell(r, c)?.numberFormat),
          ),
        ),
      }))
  );
}

/** A snapshot without the chart names Excel generates ("Chart 3"), which differ from build to build. */
function withoutChartNames(snapshot: ExcelSheetSnapshot) {
  return { ...snapshot, charts: snapshot.charts.map(({ name, ...chart }) => chart) };
}

/** Row index (0-based) of the first dashboard row whose column A reads `text`. */
function rowOf(sheet: ExcelSheetState, text: string | RegExp): number {
  const values = excelSheetValues(sheet);
  const index = values.findIndex((row) =>
    typeof text === 'string' ? row[0] === text : typeof row[0] === 'string' && text.test(row[0]),
  );
  if (index < 0) throw new Error(`no row ${text} on ${sheet.name}`);
  return index;
}

describe('buildDashboardInExcel', () => {
  it('leaves every user sheet exactly as it was, after a build and after a rebuild', async () => {
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 10));
    const userSheets = state.sheets.map((sheet) => sheet.name);
    const before = userSnapshots(state, userSheets);
    expect(before[0]?.cells[0]?.[1]).toMatchObject({ value: 'Resource', bold: true, fill: SEED_HEADER_FILL });
    await build(state);
    expect(userSnapshots(state, userSheets)).toEqual(before);
    await build(state);
    expect(userSnapshots(state, userSheets)).toEqual(before);
  });

  it('rebuilds into the same one sheet, cleared first, so nothing of an earlier build is left behind', async () => {
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 10));
    const { result } = await build(state);
    expect(result.sheetName).toBe('PMO Dashboard');
    const first = withoutChartNames(excelSheetSnapshot(sheetNamed(state, 'PMO Dashboard')));
    expect(first.charts).toHaveLength(2);
    await build(state);
    expect(state.sheets.map((sheet) => sheet.name)).toEqual(SHEETS_AFTER_BUILD);
    // The second build adds the trend of the two builds and its chart.
    expect(rowOf(sheetNamed(state, 'PMO Dashboard'), 'Trend over the last 2 builds')).toBeGreaterThan(0);
    expect(excelSheetSnapshot(sheetNamed(state, 'PMO Dashboard')).charts).toHaveLength(3);

    // Without the Risks sheet and the history the next build is shorter: it must equal a first build of that
    // workbook, nothing of the longer one left behind (row heights included).
    for (const name of ['Risks', 'PMO Data'])
      state.sheets.splice(state.sheets.indexOf(sheetNamed(state, name)), 1);
    await build(state);
    const fresh = seedExcelWorkbook(pmoWorkbook(TODAY, 10));
    fresh.sheets.splice(fresh.sheets.indexOf(sheetNamed(fresh, 'Risks')), 1);
    await build(fresh);
    const rebuilt = excelSheetSnapshot(sheetNamed(state, 'PMO Dashboard'));
    const expected = excelSheetSnapshot(sheetNamed(fresh, 'PMO Dashboard'));
    expect(rebuilt.cells).toEqual(expected.cells);
    expect(rebuilt.merges).toEqual(expected.merges);
    expect(rebuilt.rowHeights).toEqual(expected.rowHeights);
    expect(rebuilt.charts.map((chart) => chart.title)).toEqual(['Initiatives by WSJF']);
  });

  it('leaves a user sheet called "PMO Dashboard" alone and writes to "PMO Dashboard (2)", also on rebuild', async () => {
    const own = { name: 'PMO Dashboard', rows: [['My own notes'], ['Do not overwrite', 42]] };
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 10, [own]));
    const before = excelSheetSnapshot(sheetNamed(state, 'PMO Dashboard'));
    const { result } = await build(state);
    expect(result.sheetName).toBe('PMO Dashboard (2)');
    await build(state);
    expect(excelSheetSnapshot(sheetNamed(state, 'PMO Dashboard'))).toEqual(before);
    expect(
      state.sheets.map((sheet) => sheet.name).filter((name) => name.startsWith('PMO Dashboard')),
    ).toEqual(['PMO Dashboard', 'PMO Dashboard (2)']);
    expect(sheetNamed(state, 'PMO Dashboard (2)').cell(0, 0)?.value).toBe(DASHBOARD_MARKER);
    expect(state.activeSheet?.name).toBe('PMO Dashboard (2)');
  });

  it('keeps the build history on the hidden PMO Data sheet: ten builds, ten rows, one dashboard, user sheets unchanged', async () => {
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 10));
    const userSheets = state.sheets.map((sheet) => sheet.name);
    const before = userSnapshots(state, userSheets);
    for (let n = 0; n < 10; n++) await build(state);
    expect(userSnapshots(state, userSheets)).toEqual(before);
    expect(state.sheets.map((sheet) => sheet.name)).toEqual(SHEETS_AFTER_BUILD);
    expect(sheetNamed(state, 'PMO Data').visibility).toBe('Hidden');
    expect(state.activeSheet?.name).toBe('PMO Dashboard');
    expectHistoryOf(
      excelSheetValues(sheetNamed(state, 'PMO Data')),
      excelSheetValues(sheetNamed(state, 'PMO Dashboard')),
      10,
    );
  });

  it('writes names that look like formulas or signs as text, formatted "@", never as formulas', async () => {
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 10));
    await build(state);
    const dashboard = excelSheetSnapshot(sheetNamed(state, 'PMO Dashboard'));
    expectNamesWrittenAsText(dashboard.cells);
  });

  it('shows the same figures as the core and the same weekly utilization as PMO.UTILIZATION', async () => {
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 10));
    const { result } = await build(state);
    const core = buildDashboard({
      sheets: coreSheets(state, 'PMO Dashboard'),
      today: serialOf(TODAY),
      builtAt: '2025-03-05 09:30',
      budgetCells: [[300000]],
    });
    const { sheetName, syncs, ...summary } = result;
    expect(summary).toEqual(core.summary);
    expect(core.summary.selectedCount).toBe(3);

    const sheet = sheetNamed(state, 'PMO Dashboard');
    expectHeadlineTiles(excelSheetValues(sheet), (r, c) => sheet.cell(r, c), core.summary, 300000);

    const spec = findFunction('UTILIZATION');
    if (!spec) throw new Error('no UTILIZATION');
    const values = (name: string) => excelSheetValues(sheetNamed(state, name));
    const start = core.summary.heatmapStart;
    const expected = invoke(
      spec,
      [values('Assignments'), values('Resources'), start, start + 83, 'week', values('Time Off'), null],
      UTC_DATES,
    );
    if (!Array.isArray(expected)) throw new Error(expected.message);
    const header = rowOf(sheet, 'Resource');
    const weeks = (expected[0]?.length ?? 0) - 1;
    expect(weeks).toBe(12);
    const weekStarts = (expected[0] ?? []).slice(1) as { serial: number }[];
    for (let p = 1; p <= weeks; p++) {
      expect(sheet.cell(header, p)).toMatchObject({
        value: weekStarts[p - 1]?.serial,
        numberFormat: 'dd mmm',
      });
    }
    for (const row of expected.slice(1)) {
      const r = rowOf(sheet, String(row[0]));
      for (let p = 1; p <= weeks; p++) {
        const want = row[p];
        if (typeof want !== 'number') throw new Error(`unexpected ${JSON.stringify(want)}`);
        expect(sheet.cell(r, p)?.value).toBeCloseTo(want, 12);
      }
    }
  });

  it('renders the plan natively: fills, merges, widths in points, frozen title rows and two charts over the plan ranges', async () => {
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 10));
    await build(state);
    const sheet = sheetNamed(state, 'PMO Dashboard');
    const section = rowOf(sheet, 'Headline figures');
    expect(sheet.cell(section, 0)).toMatchObject({
      fill: '#1F3864',
      fontColor: '#FFFFFF',
      bold: true,
      fontSize: 12,
    });
    expect(sheet.cell(section, 3)).toMatchObject({ fill: '#1F3864' });
    expect(sheet.merges).toContainEqual({ row: section, column: 0, rows: 1, columns: 13 });
    // A character is 7 pixels, 5.25 points; the tiles' numbers and the square risk matrix set their rows' heights.
    expect(sheet.columnWidths.get(0)).toBe(LABEL_COLUMN_WIDTH * 5.25);
    expect(sheet.columnWidths.get(1)).toBe(GRID_COLUMN_WIDTH * 5.25);
    const matrix = rowOf(sheet, 'P \\ I');
    for (let p = 1; p <= 5; p++) expect(sheet.rowHeights.get(matrix + p)).toBe(GRID_COLUMN_WIDTH * 5.25);
    expect(sheet.cell(matrix + 1, 1)?.verticalAlignment).toBe('Center');
    expect(sheet.pageLayout).toEqual({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$2',
    });
    expect(sheet.frozenRows).toBe(2);
    // The initiatives' header row: the names in column A, the cost over two columns, the chart right of Funded.
    const ranked = rowOf(sheet, 'Initiative');
    const bar = sheet.charts.find((chart) => chart.title === 'Initiatives by WSJF');
    expect(bar).toMatchObject({
      type: 'BarClustered',
      reversePlotOrder: true,
      tickLabelSpacing: 1,
      legendVisible: false,
      source: { row: ranked + 1, column: 3, rows: 5, columns: 1 },
      series: [
        {
          name: 'WSJF',
          values: { row: ranked + 1, column: 3, rows: 5, columns: 1 },
          xAxis: { row: ranked + 1, column: 0, rows: 5, columns: 1 },
        },
      ],
      position: {
        start: { row: ranked - 1, column: 8, rows: 1, columns: 1 },
        end: { row: ranked + 10, column: 14, rows: 1, columns: 1 },
      },
    });
  });

  it('reads the budget from a defined name holding a constant, and tables that do not start in A1', async () => {
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 10));
    state.names.set('Budget', { constant: 250000 });
    // Move the assignments into an Excel table at C4 on a sheet whose name says nothing.
    const assignments = sheetNamed(state, 'Assignments');
    const moved = new Map([...assignments.cells].map(([key, cell]) => [key + 3 * 16_384 + 2, cell]));
    assignments.cells.clear();
    for (const [key, cell] of moved) assignments.cells.set(key, cell);
    assignments.name = 'Data';
    state.tables.push({
      name: 'tblAssignments',
      sheet: assignments,
      area: { row: 3, column: 2, rows: 11, columns: 5 },
    });
    const { result } = await build(state);
    expect(result.budget).toBe(250000);
    expect(result.tablesFound).toContainEqual({ kind: 'assignments', sheet: 'Data', range: 'C4:G14' });
    expect(result.resources).toBe(4);
    expect(result.issues).toEqual([]);
  });

  it('finds tables on sheets and an Excel table named for nothing by their headers, as the core does, and says where', async () => {
    const seed = neutralNamesWorkbook();
    const state = seedExcelWorkbook(seed);
    expect(state.tables.map((table) => table.name)).toEqual(['Table3']);
    const { result } = await build(state);
    const { sheetName, syncs, ...summary } = result;
    expect(sheetName).toBe('PMO Dashboard');
    const sheet = sheetNamed(state, 'PMO Dashboard');
    expectNeutralDashboard(summary, coreDashboardOf(seed, true), (row, column) =>
      normalizeCell(sheet.cell(row, column)?.value ?? '', UTC_DATES),
    );
  });

  it('makes three round trips whether the assignments have 10 rows or 10,000', async () => {
    const small = await build(seedExcelWorkbook(pmoWorkbook(TODAY, 10)));
    const large = await build(seedExcelWorkbook(pmoWorkbook(TODAY, 10_000)));
    expect(small.context.syncCount).toBe(3);
    expect(large.context.syncCount).toBe(small.context.syncCount);
    expect(large.result.syncs).toBe(3);
    expect(large.result.resources).toBe(4);
  });
});

describe('the fake Excel host', () => {
  it('throws PropertyNotLoaded when a property is read before load and sync, as Office.js does', async () => {
    const context = new FakeRequestContext(seedExcelWorkbook(pmoWorkbook(TODAY, 1)));
    const range = context.workbook.worksheets.getItem('Resources').getRange('A1');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    range.load('values');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await context.sync();
    expect(range.values).toEqual([['Resource']]);
  });

  it('turns text into a formula unless the cell is formatted as text first', async () => {
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 1));
    const context = new FakeRequestContext(state);
    const sheet = context.workbook.worksheets.getItem('Settings');
    sheet.getRange('D1').values = [['+cmd']];
    const text = sheet.getRange('D2');
    text.numberFormat = [['@']];
    text.values = [['+cmd']];
    await context.sync();
    expect(sheetNamed(state, 'Settings').cell(0, 3)?.formula).toBe('=+cmd');
    expect(sheetNamed(state, 'Settings').cell(1, 3)).toMatchObject({ value: '+cmd', numberFormat: '@' });
    expect(sheetNamed(state, 'Settings').cell(1, 3)?.formula).toBeUndefined();
  });
});

describe('the Build dashboard ribbon command (dist/excel/taskpane.js)', () => {
  async function loadTaskpane(state: ExcelWorkbookState, scriptDir?: string) {
    const runtime = fakeSharedRuntime(state, scriptDir === undefined ? {} : { scriptDir });
    // The shared-runtime page loads functions.js, then taskpane.js, into one global scope (taskpane.html); the
    // command adds dashboard.js to it when it first runs.
    runtime.loadPage(['functions.js', 'taskpane.js']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const handler = runtime.actions.get('buildDashboard');
    if (!handler)
      throw new Error(
        `buildDashboard was not associated; actions: ${[...runtime.actions.keys()].join(', ')}`,
      );
    return { runtime, handler };
  }

  function event() {
    const calls: string[] = [];
    return { calls, completed: () => calls.push('completed') };
  }

  it('is associated once Office is ready, loads the builder, builds the sheet and completes its event', async () => {
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 10));
    const { runtime, handler } = await loadTaskpane(state);
    expect(runtime.scriptsAdded, 'the builder loads only when the command runs').toEqual([]);
    const done = event();
    await handler(done);
    expect(done.calls).toEqual(['completed']);
    expect(runtime.scriptsAdded).toEqual(['dashboard.js']);
    expect(sheetNamed(state, 'PMO Dashboard').cell(0, 0)?.value).toBe(DASHBOARD_MARKER);
    expect(runtime.contexts.map((context) => context.syncCount)).toEqual([3]);
    expect(runtime.status.textContent).toBe('Dashboard built on the sheet "PMO Dashboard".');
    expect(runtime.consoleErrors).toEqual([]);
  });

  it('loads dashboard.js once: a second click reuses it and rebuilds its own sheet', async () => {
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 10));
    const { runtime, handler } = await loadTaskpane(state);
    const first = event();
    const second = event();
    await handler(first);
    await handler(second);
    expect([first.calls, second.calls]).toEqual([['completed'], ['completed']]);
    expect(runtime.scriptsAdded).toEqual(['dashboard.js']);
    expect(state.sheets.filter((sheet) => sheet.name.startsWith('PMO Dashboard'))).toHaveLength(1);
    expect(runtime.contexts.map((context) => context.syncCount)).toEqual([3, 3]);
    expect(runtime.consoleErrors).toEqual([]);
  });

  it('reports a dashboard.js that cannot be loaded, completes its event, and tries again on the next click', async () => {
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 10));
    const userSheets = state.sheets.map((sheet) => excelSheetSnapshot(sheet));
    const withoutBuilder = mkdtempSync(join(tmpdir(), 'pmo-page-'));
    try {
      for (const file of ['functions.js', 'taskpane.js'])
        copyFileSync(join(dist, 'excel', file), join(withoutBuilder, file));
      const { runtime, handler } = await loadTaskpane(state, withoutBuilder);
      const done = event();
      await handler(done);
      expect(done.calls).toEqual(['completed']);
      expect(runtime.status.textContent).toBe(
        'The dashboard could not be built: the dashboard builder (dashboard.js) could not be loaded. Check the connection and try again.',
      );
      expect(runtime.taskpaneShown.count).toBe(1);
      expect(runtime.consoleErrors).toHaveLength(1);
      expect(runtime.contexts, 'no Excel batch without the builder').toEqual([]);
      expect(state.sheets.map((sheet) => excelSheetSnapshot(sheet))).toEqual(userSheets);

      copyFileSync(join(dist, 'excel/dashboard.js'), join(withoutBuilder, 'dashboard.js'));
      const again = event();
      await handler(again);
      expect(again.calls).toEqual(['completed']);
      expect(runtime.scriptsAdded).toEqual(['dashboard.js', 'dashboard.js']);
      expect(runtime.status.textContent).toBe('Dashboard built on the sheet "PMO Dashboard".');
    } finally {
      rmSync(withoutBuilder, { recursive: true, force: true });
    }
  });

  it('completes its event and shows the error in the task pane when the build fails', async () => {
    const state = seedExcelWorkbook(pmoWorkbook(TODAY, 10));
    state.structureProtected = true;
    const userSheets = state.sheets.map((sheet) => excelSheetSnapshot(sheet));
    const { runtime, handler } = await loadTaskpane(state);
    const done = event();
    await handler(done);
    expect(done.calls).toEqual(['completed']);
    expect(runtime.status.textContent).toBe(
      'The dashboard could not be built: The workbook is protected: you cannot add a sheet.',
    );
    expect(runtime.taskpaneShown.count).toBe(1);
    expect(runtime.consoleErrors).toHaveLength(1);
    expect(state.sheets.map((sheet) => excelSheetSnapshot(sheet))).toEqual(userSheets);
  });
});
