// The dashboard in Excel and in Sheets honours the table mapping saved on the hidden PMO Data sheet (DESIGN §4,
// §7): both hosts hand that sheet to the core with the others, so a risk log discovery would miss is found
// where the mapping says, and the PMO Data sheet itself is neither read as data nor changed.

import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../core/dashboard/build';
import { isUserText } from '../../core/dashboard/plan';
import { pmoDataRows } from '../../core/discovery/pmo-data';
import { buildDashboardInExcel } from '../../excel-addin/dashboard-builder';
import { excelSheetValues, FakeRequestContext, seedExcelWorkbook } from '../fakes/excel';
import { SheetsHost, seedSpreadsheet, sheetsValues } from '../fakes/sheets';
import { pmoWorkbook, type SeedValue, type WorkbookSeed } from '../fakes/workbook-seed';
import { buildFromMenu, removeDialogPage } from './sheets-dialog';

const TODAY = '2025-03-05';

/** A risk log whose headers discovery does not know ("Odds", "Damage"). */
const LOG: WorkbookSeed['sheets'][number] = {
  name: 'Log',
  rows: [
    ['Ref', 'What', 'Odds', 'Damage', 'Who'],
    ['R1', 'Vendor late', 4, 3, 'Ana'],
    ['R2', 'Key person leaves', 2, 5, 'Ben'],
    ['R3', 'Scope creep', 3, 3, 'Ana'],
  ],
};

/** The PMO Data sheet mapping the log as the risks table. */
const PMO_DATA: WorkbookSeed['sheets'][number] = {
  name: 'PMO Data',
  rows: pmoDataRows({
    risks: {
      at: { sheet: 'Log', range: 'A1:E4', headerRows: 1 },
      columns: { id: 'A', title: 'B', probability: 'C', impact: 'D', owner: 'E' },
    },
  }).map((row) => row.map((value): SeedValue => (isUserText(value) ? value.userText : (value as SeedValue)))),
};

/** The seeded PMO workbook without its Risks sheet, with the log and (when `mapped`) the PMO Data sheet. */
function seed(mapped: boolean): WorkbookSeed {
  const base = pmoWorkbook(TODAY, 10, [LOG, ...(mapped ? [PMO_DATA] : [])]);
  return { ...base, sheets: base.sheets.filter((sheet) => sheet.name !== 'Risks') };
}

/**
 * The PMO Data sheet after a build: every row it had reads the same (the mapping kept as the user left it), then
 * after a blank row the build history — its title, header and this build's row.
 */
function expectMappingKept(before: readonly (readonly unknown[])[], after: readonly (readonly unknown[])[]) {
  const width = before[0]?.length ?? 0;
  expect(after.slice(0, before.length).map((row) => row.slice(0, width))).toEqual(before);
  expect(after.slice(before.length).map((row) => row[0])).toEqual([
    '',
    'Build history',
    'Built',
    expect.stringMatching(/^2025-03-05 \d\d:\d\d$/),
  ]);
}

const risksOf = (summary: DashboardSummary) => summary.tablesFound.find((table) => table.kind === 'risks');

describe('a mapping saved on the hidden PMO Data sheet', () => {
  afterEach(removeDialogPage);

  it('is honoured by the Excel dashboard, which reads the hidden sheet, keeps it and adds the build to its history', async () => {
    const without = seedExcelWorkbook(seed(false));
    const missed = await buildDashboardInExcel(
      new FakeRequestContext(without) as unknown as Excel.RequestContext,
      new Date(2025, 2, 5, 9, 30),
    );
    expect(risksOf(missed)).toBeUndefined();

    const state = seedExcelWorkbook(seed(true));
    const data = state.sheet('PMO Data');
    if (!data) throw new Error('no PMO Data sheet');
    data.visibility = 'Hidden';
    const before = excelSheetValues(data);
    const summary = await buildDashboardInExcel(
      new FakeRequestContext(state) as unknown as Excel.RequestContext,
      new Date(2025, 2, 5, 9, 30),
    );
    expect(risksOf(summary)).toEqual({ kind: 'risks', sheet: 'Log', range: 'A1:E4' });
    expect(summary.risks).toBe(3);
    expectMappingKept(before, excelSheetValues(data));
    expect(data.visibility).toBe('Hidden');
  });

  it('is honoured by the Sheets dashboard (Code.js reads, the dialog page plans), which reads the hidden sheet, keeps it and adds the build to its history', async () => {
    const build = (mapped: boolean) => {
      const host = new SheetsHost('Europe/Zurich');
      seedSpreadsheet(host, seed(mapped));
      host.spreadsheet.sheet('PMO Data')?.hideSheet();
      return { host, build: () => buildFromMenu(host, new Date('2025-03-05T08:30:00Z')) };
    };
    expect(risksOf(await build(false).build())).toBeUndefined();
    const { host, build: run } = build(true);
    const data = host.spreadsheet.sheet('PMO Data');
    if (!data) throw new Error('no PMO Data sheet');
    const before = sheetsValues(data);
    const summary = await run();
    expect(risksOf(summary)).toEqual({ kind: 'risks', sheet: 'Log', range: 'A1:E4' });
    expect(summary.risks).toBe(3);
    expectMappingKept(before, sheetsValues(data));
    expect(data.isSheetHidden()).toBe(true);
  });
});
