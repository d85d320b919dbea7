// The Tables view in a real headless Chromium, in the built Google Sheets sidebar (dist/gsheets/Sidebar.html): its
// google.script.run runs the built Code.js in Node against the fake spreadsheet (test/fakes/sheets). The user opens
// the view on a spreadsheet whose risk log discovery cannot read, types a bad range and sees the message next to the
// field (and Save refuses it without calling the server), fixes it, maps the log's columns from the lists, saves,
// and sees the table as found by the saved mapping. Then, in the spreadsheet: the hidden PMO Data sheet holds the
// mapping under its marker, no user sheet changed in any way (values, formulas, formats, sizes), no cell holds a
// formula, the user's sheet is still the active one, and a sidebar opened again shows the risks table as found by
// the mapping — each step in a fixed number of google.script.run round trips, with no request outside the page and
// no console error.

import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAPPING_HEADERS, MAPPING_SECTION, PMO_DATA_MARKER } from '../../core/discovery/pmo-data';
import { KIND_LABELS } from '../../core/workbook';
import { DASHBOARD_SERVER } from '../../gsheets/entry-points';
import {
  type FakeSheet,
  loadSpreadsheetScript,
  SCRIPT_RUN_PAGE_ENTRY,
  type SpreadsheetScript,
  sheetsSnapshot,
  sheetsValues,
} from '../fakes/sheets';
import {
  type BuiltFiles,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  expectCleanPage,
  FORMULA_TEXT,
  type OpenedSidebar,
  openSidebar,
  pageScript,
  readBuiltFiles,
  TABLES_VIEW_SHEETS,
  waitForText,
} from './harness';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} not found`);

const USER_SHEETS = TABLES_VIEW_SHEETS.map((sheet) => sheet.name);

/** The risk log's roles and the column the user maps each to. */
const ROLES = [
  ['id', 'A'],
  ['title', 'B'],
  ['probability', 'C'],
  ['impact', 'D'],
  ['owner', 'E'],
] as const;

const READ = DASHBOARD_SERVER.read;
const WRITE = DASHBOARD_SERVER.write;

/** Everything stored about each user sheet (values, formulas, formats, merges, sizes…), in sheet order. */
const userSheets = (script: SpreadsheetScript) =>
  script.host.spreadsheet.sheets
    .filter((sheet) => USER_SHEETS.includes(sheet.name))
    .map((sheet) => sheetsSnapshot(sheet));

/** The cells of a sheet that hold a formula, as "row,column formula". */
const formulaCells = (sheet: FakeSheet) =>
  [...sheet.cells.entries()]
    .filter(([, cell]) => cell.formula !== undefined)
    .map(([key, cell]) => `${key} ${cell.formula}`);

/** Clicks the Tables view open and waits for what the workbook read shows. */
async function openTables(page: Page, found: RegExp): Promise<void> {
  await page.locator('#pmo-tables-title').click();
  await waitForText(page, '#pmo-status', found);
}

/** The sidebar as opened from the menu, once it has read the initiatives on the active sheet; its calls forgotten. */
async function sidebarReady(
  browser: Browser,
  built: BuiltFiles,
  scriptRun: string,
  script: SpreadsheetScript,
) {
  const opened = await openSidebar(browser, built, scriptRun, script);
  await waitForText(opened.page, '#pmo-table-info', /^2 initiatives in A1:D3 on sheet Portfolio\./);
  opened.serverCalls.length = 0;
  return opened;
}

/** Types a bad range, checks the message by the field and that Save refuses it without a server call; fixes it. */
async function badRangeThenFixed(opened: OpenedSidebar): Promise<void> {
  const { page } = opened;
  const range = page.locator('#pmo-risks-range');
  await range.fill('Log A1:E3');
  await range.press('Tab');
  await waitForText(page, '#pmo-risks-range-error', /is not a sheet and range/);
  expect(await range.getAttribute('aria-invalid')).toBe('true');
  expect(await range.getAttribute('aria-describedby')).toBe('pmo-risks-range-error');
  expect(await page.locator('#pmo-risks-save').isChecked()).toBe(true);
  await page.locator('#pmo-tables-save').click();
  await waitForText(page, '#pmo-status', /^Nothing was saved\.$/);
  await waitForText(
    page,
    '#pmo-alert',
    new RegExp(`^Fix the fields marked in ${KIND_LABELS.risks} first\\.$`),
  );
  expect(opened.serverCalls, 'a refused save calls no server function').toEqual([]);

  await range.fill('Log!A1:E3');
  await range.press('Tab');
  expect(await page.locator('#pmo-risks-range-error').isHidden()).toBe(true);
  expect(await range.getAttribute('aria-invalid')).toBeNull();
}

/** Maps each role from its list, which shows every column of the range with its header (as text). */
async function mapRoles(page: Page): Promise<void> {
  await page.locator('#pmo-risks-table details summary').click();
  expect(await page.locator('#pmo-risks-column-probability option').allTextContents()).toEqual([
    '— no column —',
    'A — Ref',
    'B — What',
    'C — Odds',
    'D — Damage',
    'E — Who',
  ]);
  for (const [role, letter] of ROLES) await page.locator(`#pmo-risks-column-${role}`).selectOption(letter);
}

/** The view shows the risk log as read through the saved mapping, with each role's column. */
async function expectFoundByMapping(page: Page): Promise<void> {
  await waitForText(page, '#pmo-risks-table .pmo-kind-where', /^Log!A1:E3 · 1 header row · 2 data rows$/);
  await waitForText(page, '#pmo-risks-table .pmo-hint', /^From the mapping saved in this workbook\.$/);
  expect(await page.locator('#pmo-risks-save').isChecked()).toBe(true);
  expect(await page.locator('#pmo-risks-range').inputValue()).toBe('Log!A1:E3');
  for (const [role, letter] of ROLES)
    expect(await page.locator(`#pmo-risks-column-${role}`).inputValue(), role).toBe(letter);
}

/** The hidden PMO Data sheet: the marker in A1, then exactly the mapping saved, the sheet name stored as text. */
function expectPmoData(script: SpreadsheetScript): void {
  const data = script.host.spreadsheet.sheet('PMO Data');
  expect(data, 'a PMO Data sheet').toBeDefined();
  if (!data) return;
  expect(data.hidden).toBe(true);
  const values = sheetsValues(data);
  expect(values[0]?.[0]).toBe(PMO_DATA_MARKER);
  const title = values.findIndex((row) => row[0] === MAPPING_SECTION);
  expect(title).toBeGreaterThan(0);
  expect(values.slice(title + 1).map((row) => row.slice(0, MAPPING_HEADERS.length))).toEqual([
    [...MAPPING_HEADERS],
    ['risks', 'Log', 'A1:E3', 1, '', ''],
    ...ROLES.map(([role, letter]) => ['risks', '', '', '', role, letter]),
  ]);
  // The sheet name is the user's text: written as text (format "@"), never as something Sheets parses.
  expect(data.cell(title + 3, 2)?.numberFormat).toBe('@');
}

describe.skipIf(!hasChromium)('the Tables view in the Google Sheets sidebar (headless Chromium)', () => {
  let browser: Browser;
  let built: BuiltFiles;
  let scriptRun = '';

  beforeAll(async () => {
    built = readBuiltFiles();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    scriptRun = await pageScript(SCRIPT_RUN_PAGE_ENTRY);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('maps a risk log discovery cannot read, saves it to the hidden PMO Data sheet only, and finds it by the mapping when reopened', async () => {
    const script = loadSpreadsheetScript({
      timeZone: 'Europe/Zurich',
      code: built.code,
      sheets: TABLES_VIEW_SHEETS,
      active: 'Portfolio',
    });
    const before = userSheets(script);
    const first = await sidebarReady(browser, built, scriptRun, script);
    try {
      const { page } = first;
      await openTables(page, /^Found 1 table of 5 kinds\.$/);
      await waitForText(page, '#pmo-initiatives-table .pmo-kind-where', /^Portfolio!A1:D3 · /);
      await waitForText(page, '#pmo-risks-table .pmo-kind-where', /^Not found\.$/);
      expect(first.serverCalls, 'opening the view: one read').toEqual([READ]);
      first.serverCalls.length = 0;

      await badRangeThenFixed(first);
      await mapRoles(page);
      script.host.log.length = 0;
      await page.locator('#pmo-tables-save').click();
      await waitForText(page, '#pmo-status', /^Saved 1 table in the hidden sheet "PMO Data"\.$/);
      expect(first.serverCalls, 'saving: read, write, read again').toEqual([READ, WRITE, READ]);
      await expectFoundByMapping(page);
      expect(await page.locator('#pmo-alert').textContent()).toBe('');
      expectCleanPage(first.watch, 'sheets');
    } finally {
      await first.context.close();
    }

    // Every range the save wrote is on the PMO Data sheet; the user's sheets are as they were, cell for cell.
    const written = script.host.log.filter(
      (entry) => entry.a1 !== undefined && /\.(set|merge|breakApart)/.test(entry.call),
    );
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((entry) => !entry.a1?.startsWith('PMO Data!'))).toEqual([]);
    expect(script.host.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual([...USER_SHEETS, 'PMO Data']);
    expect(userSheets(script)).toEqual(before);
    // insertSheet makes the new sheet the active one: the user stays on their sheet, not the hidden one.
    expect(script.host.spreadsheet.activeSheet?.name).toBe('Portfolio');
    expect(script.host.spreadsheet.sheet('Log')?.cell(3, 2)).toMatchObject({ value: FORMULA_TEXT });
    expect(script.host.spreadsheet.sheets.flatMap(formulaCells), 'cells holding a formula').toEqual([]);
    expectPmoData(script);

    const again = await sidebarReady(browser, built, scriptRun, script);
    try {
      await openTables(again.page, /^Found 2 tables of 5 kinds\.$/);
      await expectFoundByMapping(again.page);
      expect(again.serverCalls, 'reopening the view: one read').toEqual([READ]);
      expectCleanPage(again.watch, 'sheets');
    } finally {
      await again.context.close();
    }
    expect(userSheets(script)).toEqual(before);
  });
});
