// A scoring matrix that keeps its own weights (issue 14 item 4), in headless Chromium: the Excel task pane (real
// Office.js, fake Excel) and the Sheets sidebar (built Code.js on the fake spreadsheet) open it with the matrix's
// weights in the criteria inputs and say where they came from; in Sheets, writing puts Score, Rank and Selected on
// the projects' rows, leaving the weights row and the direction row under the header untouched.

import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../examples/make-shapes';
import { sheetsValues } from '../fakes/sheets';
import {
  CHROMIUM_PATH,
  expectCleanPage,
  OFFICE_TELEMETRY_BLOCKED,
  openSidebarOn,
  openTaskpaneOn,
  settle,
  usePanelBrowser,
  waitForText,
} from './harness';

const hasChromium = existsSync(CHROMIUM_PATH);

/** The weights above the projects' header, the criteria named in the row above them (rows 4–5; header row 7). */
const ABOVE = [
  ['Project Prioritization Matrix', '', '', '', '', ''],
  ['', '', '', '', '', ''],
  ['', '', '', '', '', ''],
  ['Business Priorities', 'ROI', 'Duration', 'Cost', 'Difficulty', ''],
  ['Weighting (1-10):', 8, 5, 6, 4, ''],
  ['', '', '', '', '', ''],
  ['Projects', '', '', '', '', 'Score'],
  ['Intranet', 9, 9, 7, 9, 195],
  ['CRM', 7, 9, 5, 11, 175],
  ['Data lake', 9, 3, 3, 5, 125],
];

/** A weights row and a direction row under the header (rows 2–3), the projects below: the shared shape. */
const UNDER = SHAPES.weightsUnderHeader?.[0]?.rows ?? [];

/** The criteria rows as the panel shows them: header, ticked, direction, weight. */
const criteriaShown = (page: Page) =>
  page.locator('.pmo-criterion').evaluateAll((rows) =>
    rows.map((row) => {
      // DOM types are not in this project's test lib: read the controls' properties by name.
      const control = (selector: string) =>
        row.querySelector(selector) as unknown as { checked: boolean; value: string } | null;
      return [
        row.getAttribute('data-header'),
        control('input[type="checkbox"]')?.checked,
        control('select')?.value,
        control('input[type="number"]')?.value,
      ];
    }),
  );

const rankedNames = (page: Page) =>
  page.locator('#pmo-ranking .pmo-name').evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));

describe.skipIf(!hasChromium)('a matrix with its own weights in the scoring panel', () => {
  const chrome = usePanelBrowser();

  it('Excel: opens a Weighting (1-10) matrix with its weights in the criteria inputs and says where they came from', async () => {
    const { context, page, watch } = await openTaskpaneOn(chrome, {
      sheets: [{ name: 'Matrix', values: ABOVE }],
      active: 'Matrix',
    });
    try {
      await waitForText(page, '#pmo-table-info', /3 initiatives in A7:F10 on sheet Matrix\./);
      await settle(page);
      expect(await criteriaShown(page)).toEqual([
        ['ROI', true, 'max', '8'],
        ['Duration', true, 'max', '5'],
        ['Cost', true, 'max', '6'],
        ['Difficulty', true, 'max', '4'],
        ['Score', false, 'max', '1'],
      ]);
      expect(await page.locator('#pmo-criteria-hint').textContent()).toContain(
        "Weights from the matrix's own rows (Weighting (1-10):, row 5); directions that give its own Score column.",
      );
      // Every criterion higher-is-better, as the matrix's own Score (195, 175, 125) has it: its order, as the dashboard's.
      expect(await rankedNames(page)).toEqual(['Intranet', 'CRM', 'Data lake']);
      // The criteria's header cells stay blank: the panel named them, the sheet is as it was.
      const sheet = (await page.evaluate('pmoFakeExcel.sheet("Matrix")')) as { values: unknown[][] };
      expect(sheet.values).toEqual(ABOVE);
      if (!watch.consoleErrors.some((message) => OFFICE_TELEMETRY_BLOCKED.test(message)))
        await page.waitForEvent('console', {
          predicate: (message) => OFFICE_TELEMETRY_BLOCKED.test(message.text()),
          timeout: 10_000,
        });
      expectCleanPage(watch, 'excel');
    } finally {
      await context.close();
    }
  });

  it('Sheets: takes the weights and direction rows under the header, and writes nothing on them', async () => {
    const { context, page, watch, script } = await openSidebarOn(
      chrome,
      [{ name: 'Scoring', values: UNDER }],
      'Scoring',
    );
    try {
      await waitForText(page, '#pmo-table-info', /3 initiatives in A1:D6 on sheet Scoring\./);
      await settle(page);
      expect(await criteriaShown(page)).toEqual([
        ['Strategic fit', true, 'max', '3'],
        ['Revenue', true, 'max', '2'],
        ['Effort', true, 'min', '1'],
      ]);
      expect(await page.locator('#pmo-criteria-hint').textContent()).toContain(
        "Weights and directions from the matrix's own rows (Weight, row 2; Direction, row 3).",
      );
      expect(await page.locator('#pmo-must-list').textContent()).not.toContain('Weight');
      await page.locator('#pmo-write').click();
      await waitForText(page, '.pmo-status', /^Wrote Score, Rank and Selected to Scoring!E1:G6\.$/);
      const sheet = script.host.spreadsheet.sheet('Scoring');
      if (!sheet) throw new Error('no sheet Scoring');
      const values = sheetsValues(sheet);
      expect(values.slice(0, 3).map((row) => row.slice(4, 7))).toEqual([
        ['Score', 'Rank', 'Selected'],
        ['', '', ''],
        ['', '', ''],
      ]);
      expect(values.slice(3).map((row) => [row[0], row[5]])).toEqual([
        ['Portal', 2],
        ['ERP', 1],
        ['Chatbot', 3],
      ]);
      const writes = script.host.log
        .filter((entry) => entry.a1 !== undefined && entry.call.endsWith('.setValues'))
        .map((entry) => entry.a1);
      expect(writes).toEqual([
        'Scoring!E1:E1',
        'Scoring!E4:E6',
        'Scoring!F1:F1',
        'Scoring!F4:F6',
        'Scoring!G1:G1',
        'Scoring!G4:G6',
      ]);
      expectCleanPage(watch, 'sheets');
    } finally {
      await context.close();
    }
  });
});
