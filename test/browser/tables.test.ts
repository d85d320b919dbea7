// The Tables view in a real headless Chromium: the built Excel task pane (real Office.js from its CDN URL, the fake
// Excel object model behind the panel's bridge). The user opens the view, types a bad range and sees the message
// next to the field, fixes it, maps a risk log's columns from lists that show each column's header, saves, and
// sees the table as found by the saved mapping; the hidden PMO Data sheet holds it.

import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PMO_DATA_MARKER } from '../../core/discovery/pmo-data';
import type { FakeWorkbookSetup } from '../fakes/excel';
import {
  type BuiltFiles,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  EXCEL_ORIGIN,
  openPage,
  pageScript,
  readBuiltFiles,
  TABLES_VIEW_SHEETS,
  waitForText,
} from './harness';

const hasChromium = existsSync(CHROMIUM_PATH);

const SETUP: FakeWorkbookSetup = {
  sheets: TABLES_VIEW_SHEETS,
  active: 'Portfolio',
};

describe.skipIf(!hasChromium)('the Tables view in the Excel task pane (headless Chromium)', () => {
  let browser: Browser;
  let built: BuiltFiles;
  let fakeExcel = '';

  beforeAll(async () => {
    built = readBuiltFiles();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    fakeExcel = await pageScript('../fakes/excel/browser-entry.ts');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('edits a range and column roles, shows a bad range’s message by the field, saves, and shows the saved mapping', async () => {
    const { context, page, watch } = await openPage(browser, built, [
      fakeExcel,
      `pmoFakeExcel.setup(${JSON.stringify(SETUP)});`,
    ]);
    try {
      await page.goto(`${EXCEL_ORIGIN}taskpane.html`);
      await page.waitForFunction('window.pmoTaskpane !== undefined');
      await page.evaluate('pmoFakeExcel.installDocument(); pmoTaskpane.startScoringPanel();');
      await page.locator('#pmo-tables-title').click();
      await waitForText(page, '#pmo-status', /Found \d+ tables? of 5 kinds/);
      await waitForText(page, '#pmo-risks-table .pmo-kind-where', /^Not found\.$/);

      const range = page.locator('#pmo-risks-range');
      await range.fill('Log A1:E3');
      await range.press('Tab');
      await waitForText(page, '#pmo-risks-range-error', /is not a sheet and range/);
      expect(await range.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#pmo-risks-save').isChecked()).toBe(true);

      await range.fill('Log!A1:E3');
      await range.press('Tab');
      expect(await page.locator('#pmo-risks-range-error').isHidden()).toBe(true);
      await page.locator('#pmo-risks-table details summary').click();
      const probability = page.locator('#pmo-risks-column-probability');
      expect(await probability.locator('option').allTextContents()).toEqual([
        '— no column —',
        'A — Ref',
        'B — What',
        'C — Odds',
        'D — Damage',
        'E — Who',
      ]);
      for (const [role, letter] of [
        ['id', 'A'],
        ['title', 'B'],
        ['probability', 'C'],
        ['impact', 'D'],
        ['owner', 'E'],
      ] as const)
        await page.locator(`#pmo-risks-column-${role}`).selectOption(letter);

      await page.locator('#pmo-tables-save').click();
      await waitForText(page, '#pmo-status', /Saved 1 table in the hidden sheet "PMO Data"\./);
      await waitForText(page, '#pmo-risks-table .pmo-kind-where', /^Log!A1:E3 · 1 header row · 2 data rows$/);
      await waitForText(page, '#pmo-risks-table .pmo-hint', /From the mapping saved in this workbook\./);
      expect(await page.locator('#pmo-risks-save').isChecked()).toBe(true);
      expect(await probability.inputValue()).toBe('C');

      const data = (await page.evaluate('pmoFakeExcel.sheet("PMO Data")')) as { values: unknown[][] };
      expect(data.values[0]?.[0]).toBe(PMO_DATA_MARKER);
      expect(data.values.some((row) => row[0] === 'risks' && row[1] === 'Log' && row[2] === 'A1:E3')).toBe(
        true,
      );
      const log = (await page.evaluate('pmoFakeExcel.sheet("Log")')) as { values: unknown[][] };
      expect(log.values).toEqual(SETUP.sheets[1]?.values);
      expect(watch.pageErrors).toEqual([]);
      expect(watch.aborted).toEqual([]);
      expect(watch.dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
