// The panel's Tables view saving a mapping through each host's bridge (issue 13.4): the Excel bridge over the fake
// Excel, the Sheets bridge over google.script.run running the built Code.js against the fake spreadsheet. What it
// saves lands in the hidden PMO Data sheet (marker in A1, the other sections kept, user text kept as text), is read
// back by the CLI's readMapping (one format), shows as found by the mapping when the view reads again, and is
// what the dashboard then builds from.

import { afterEach, describe, expect, it } from 'vitest';
import type { Cell } from '../../core/cells';
import type { DashboardSummary } from '../../core/dashboard/build';
import { PMO_DATA_MARKER, readMapping } from '../../core/discovery/pmo-data';
import { buildDashboardInExcel } from '../../excel-addin/dashboard-builder';
import { createExcelBridge } from '../../excel-addin/panel-bridge';
import { createGoogleScriptBridge } from '../../gsheets/client/google-script-bridge';
import type { HostBridge } from '../../panel/bridge';
import { TablesState } from '../../panel/tables-state';
import { excelSheetRows, FakeRequestContext, fakeExcelRun, seedExcelWorkbook } from '../fakes/excel';
import { SheetsHost, seedSpreadsheet, sheetsNumberFormats, sheetsValues } from '../fakes/sheets';
import { pmoWorkbook, type WorkbookSeed } from '../fakes/workbook-seed';
import { buildFromMenu, installDialogPage, removeDialogPage } from './sheets-dialog';

const TODAY = '2025-03-05';

/** A risk log discovery does not know ("Odds", "Damage"), on a sheet whose name starts like a formula. */
const LOG_SHEET = '+Log';
const LOG: WorkbookSeed['sheets'][number] = {
  name: LOG_SHEET,
  rows: [
    ['Ref', 'What', 'Odds', 'Damage', 'Who'],
    ['R1', 'Vendor late', 4, 3, 'Ana'],
    ['R2', 'Key person leaves', 2, 5, 'Ben'],
    ['R3', 'Scope creep', 3, 3, 'Ana'],
  ],
};

/** A PMO Data sheet of the add-in's with a build history and no mapping yet. */
const HISTORY = [['Build history'], ['Built at', 'Tables', 'Issues'], ['2025-03-01 09:00', 4, 2]];
const PMO_DATA: WorkbookSeed['sheets'][number] = {
  name: 'PMO Data',
  rows: [[PMO_DATA_MARKER], [], ...HISTORY],
};

function seed(): WorkbookSeed {
  const base = pmoWorkbook(TODAY, 10, [LOG, PMO_DATA]);
  return { ...base, sheets: base.sheets.filter((sheet) => sheet.name !== 'Risks') };
}

const risksOf = (summary: DashboardSummary) => summary.tablesFound.find((table) => table.kind === 'risks');

/** What the user does in the view: reads, maps the log as the risks table column by column, saves. */
async function mapTheLog(bridge: HostBridge): Promise<TablesState> {
  const state = new TablesState();
  const read = await bridge.readWorkbook();
  if (read.kind === 'error') throw new Error(read.message);
  state.load(read.sheets);
  expect(state.found.risks?.used ?? false).toBe(false);
  state.setRange('risks', `'${LOG_SHEET}'!A1:E4`);
  expect(state.columnChoices('risks')).toEqual([
    { letter: 'A', header: 'Ref' },
    { letter: 'B', header: 'What' },
    { letter: 'C', header: 'Odds' },
    { letter: 'D', header: 'Damage' },
    { letter: 'E', header: 'Who' },
  ]);
  for (const [role, letter] of [
    ['id', 'A'],
    ['title', 'B'],
    ['probability', 'C'],
    ['impact', 'D'],
    ['owner', 'E'],
  ] as const)
    state.setColumn('risks', role, letter);
  const planned = state.mappingToSave();
  if (!('mapping' in planned)) throw new Error(`invalid: ${planned.invalid.join(', ')}`);
  expect(await bridge.saveTableMapping(planned.mapping)).toEqual({ kind: 'saved', sheet: 'PMO Data' });
  const again = await bridge.readWorkbook();
  if (again.kind === 'error') throw new Error(again.message);
  state.load(again.sheets);
  expect(state.found.risks).toMatchObject({
    sheet: LOG_SHEET,
    range: 'A1:E4',
    foundBy: 'mapping',
    used: true,
  });
  return state;
}

const EXPECTED_RISKS = {
  at: { sheet: LOG_SHEET, range: 'A1:E4', headerRows: 1 },
  columns: { id: 'A', title: 'B', probability: 'C', impact: 'D', owner: 'E' },
};

/** The PMO Data sheet's rows as the CLI reads them (values from A1). */
const asSheet = (rows: readonly (readonly unknown[])[]) => ({
  name: 'PMO Data',
  rows: rows.map((row) => row.map((value) => (value === '' ? null : (value as Cell)))),
  firstRow: 1,
  tables: [],
});

describe('the Tables view saving a mapping', () => {
  afterEach(() => {
    removeDialogPage();
    delete (globalThis as Record<string, unknown>).Excel;
  });

  it('in Excel: writes the hidden PMO Data sheet the CLI reads, keeps its history, and the dashboard uses it', async () => {
    const state = seedExcelWorkbook(seed());
    const before = state.sheets
      .filter((sheet) => sheet.name !== 'PMO Data')
      .map((sheet) => excelSheetRows(sheet));
    Object.assign(globalThis, { Excel: { run: fakeExcelRun(state) } });
    await mapTheLog(createExcelBridge());

    const data = state.sheet('PMO Data');
    if (!data) throw new Error('no PMO Data sheet');
    expect(data.visibility).toBe('Hidden');
    const { values, formats } = excelSheetRows(data);
    expect(values[0]?.[0]).toBe(PMO_DATA_MARKER);
    expect(values.slice(-HISTORY.length).map((row) => row.slice(0, 3))).toEqual(
      HISTORY.map((row) => [...row, '', ''].slice(0, 3)),
    );
    const sheetRow = values.findIndex((row) => row[1] === LOG_SHEET);
    expect(formats[sheetRow]?.[1]).toBe('@');
    expect(readMapping(asSheet(values))).toEqual({ mapping: { risks: EXPECTED_RISKS }, problems: [] });
    // No user sheet was changed.
    expect(
      state.sheets.filter((sheet) => sheet.name !== 'PMO Data').map((sheet) => excelSheetRows(sheet)),
    ).toEqual(before);

    const summary = await buildDashboardInExcel(
      new FakeRequestContext(state) as unknown as Excel.RequestContext,
      new Date(2025, 2, 5, 9, 30),
    );
    expect(risksOf(summary)).toEqual({ kind: 'risks', sheet: LOG_SHEET, range: 'A1:E4' });
    expect(summary.risks).toBe(3);
  });

  it('in Sheets: writes the hidden PMO Data sheet the CLI reads, keeps its history, and the dashboard uses it', async () => {
    const host = new SheetsHost('Europe/Zurich');
    seedSpreadsheet(host, seed());
    installDialogPage(host);
    await mapTheLog(createGoogleScriptBridge());

    const data = host.spreadsheet.sheet('PMO Data');
    if (!data) throw new Error('no PMO Data sheet');
    expect(data.isSheetHidden()).toBe(true);
    const values = sheetsValues(data);
    expect(values[0]?.[0]).toBe(PMO_DATA_MARKER);
    expect(values.slice(-HISTORY.length).map((row) => row.slice(0, 3))).toEqual(
      HISTORY.map((row) => [...row, '', ''].slice(0, 3)),
    );
    const sheetRow = values.findIndex((row) => row[1] === LOG_SHEET);
    expect(sheetsNumberFormats(data)[sheetRow]?.[1]).toBe('@');
    expect(readMapping(asSheet(values))).toEqual({ mapping: { risks: EXPECTED_RISKS }, problems: [] });

    const summary = await buildFromMenu(host, new Date('2025-03-05T08:30:00Z'));
    expect(risksOf(summary)).toEqual({ kind: 'risks', sheet: LOG_SHEET, range: 'A1:E4' });
    expect(summary.risks).toBe(3);
  });
});
