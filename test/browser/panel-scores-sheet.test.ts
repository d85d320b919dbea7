// Write-back that respects the sheet (issue 16.4), in headless Chromium through both built panels: Score, Rank and
// Selected go in the columns right after the table, and when those are not blank (a Budget cell, a note) to the
// add-in's own "PMO Scores" sheet, ranked, with each initiative's name and row. The user's sheet, and a user's own
// sheet named "PMO Scores", are left as they were; the next write goes to the same sheet; the panel says where first.

import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCORES_MARKER } from '../../core/initiatives/scores-sheet';
import { SHAPES } from '../../examples/make-shapes';
import { sheetsNumberFormats, sheetsValues } from '../fakes/sheets';
import {
  CHROMIUM_PATH,
  expectCleanPage,
  FORMULA_TEXT,
  openSidebarOn,
  openTaskpaneOn,
  settle,
  usePanelBrowser,
  waitForText,
} from './harness';

const hasChromium = existsSync(CHROMIUM_PATH);

/** A cell as the fakes are seeded with and read back. */
type Value = string | number | boolean;

/** Three initiatives in A:D, a blank column E, and the user's Budget cells in F. */
const WITH_BUDGET: Value[][] = [
  ['Initiative', 'Cost', 'Value', 'Risk', '', 'Budget'],
  ['Apollo', 300000, 8, 2, '', 500000],
  ['Borealis', 250000, 6, 1, '', ''],
  ['Cygnus', 150000, 3, 3, '', ''],
];

/** A user's own sheet that happens to be called PMO Scores. */
const USERS_SCORES: Value[][] = [
  ['My scores', 'Q3'],
  ['Apollo', 'high'],
];

/** The ranking on the scores sheet (rows 4–7): by Value, best first; 500,000 funds Apollo and Cygnus. */
const RANKED = [
  ['Row', 'Initiative', 'Score', 'Rank', 'Selected'],
  [2, 'Apollo', 8, 1, true],
  [3, 'Borealis', 6, 2, false],
  [4, 'Cygnus', 3, 3, true],
];

async function scoreByValueWithBudget(page: Page): Promise<void> {
  await page.locator('.pmo-criterion[data-header="Value"] input[type="checkbox"]').check();
  await settle(page);
  await page.locator('#pmo-budget').fill('500000');
  await waitForText(page, '#pmo-summary', /^3 initiatives ranked by Weighted score, best first\. 2 selected/);
}

describe.skipIf(!hasChromium)('write-back beside the table or on the add-in’s own sheet', () => {
  const chrome = usePanelBrowser();

  it('Sheets: a Budget cell right of the table sends the results to PMO Scores (2), past the user’s PMO Scores', async () => {
    const { context, page, watch, script } = await openSidebarOn(
      chrome,
      [
        { name: 'Backlog', values: WITH_BUDGET },
        { name: 'PMO Scores', values: USERS_SCORES },
      ],
      'Backlog',
    );
    const spreadsheet = script.host.spreadsheet;
    const values = (name: string) => {
      const sheet = spreadsheet.sheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      return sheetsValues(sheet);
    };
    try {
      await scoreByValueWithBudget(page);
      expect(await page.locator('#pmo-write-target').textContent()).toBe(
        "Writes Score, Rank and Selected side by side on sheet Backlog, rows 1–4: in E:G if those columns are blank there, else on a sheet of the add-in's own (PMO Scores) with each initiative's name and row.",
      );
      await page.locator('#pmo-write').click();
      await waitForText(
        page,
        '#pmo-status',
        /^Wrote Score, Rank and Selected to PMO Scores \(2\)!A4:E7, the add-in's own sheet: column F right of the table is not blank\.$/,
      );
      // The user's sheets are as they were; ours holds the marker, what it is, and the ranking.
      expect(values('Backlog')).toEqual(WITH_BUDGET);
      expect(values('PMO Scores')).toEqual(USERS_SCORES);
      const ours = values('PMO Scores (2)');
      expect(ours[0]?.[0]).toBe(SCORES_MARKER);
      expect(String(ours[1]?.[0])).toMatch(
        /^Scores of the initiatives on sheet Backlog, rows 2–4, best first/,
      );
      expect(ours.slice(3, 7).map((row) => row.slice(0, 5))).toEqual(RANKED);
      const ourSheet = spreadsheet.sheet('PMO Scores (2)');
      if (!ourSheet) throw new Error('no scores sheet');
      expect(
        sheetsNumberFormats(ourSheet)
          .slice(3, 7)
          .map((row) => row[1]),
      ).toEqual(['@', '@', '@', '@']);

      // The next write goes to the same sheet, said before writing; no third sheet appears.
      await waitForText(
        page,
        '#pmo-write-target',
        /^Rewrites Score, Rank and Selected on sheet PMO Scores \(2\), the add-in's own, where they went before\.$/,
      );
      script.host.log.length = 0;
      // The status will read as after the first write: blank it, so the wait below sees the second.
      await page.locator('#pmo-status').evaluate((node) => {
        node.textContent = '';
      });
      await page.locator('#pmo-write').click();
      await waitForText(
        page,
        '#pmo-status',
        /^Wrote Score, Rank and Selected to PMO Scores \(2\)!A4:E7, the add-in's own sheet: column F right of the table is not blank\.$/,
      );
      expect(script.host.log.some((entry) => entry.call === 'Spreadsheet.insertSheet')).toBe(false);
      expect(spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual([
        'Backlog',
        'PMO Scores',
        'PMO Scores (2)',
      ]);
      expect(
        values('PMO Scores (2)')
          .slice(3, 7)
          .map((row) => row.slice(0, 5)),
      ).toEqual(RANKED);
      expectCleanPage(watch, 'sheets');
    } finally {
      await context.close();
    }
  });

  it('Excel: a note right of the table sends the results to PMO Scores, names as text, in three syncs', async () => {
    // The table is A:D; the user's note sits in E3, in the table's rows, under a blank header cell.
    const backlog: Value[][] = [
      ['Initiative', 'Cost', 'Value', 'Risk', ''],
      [FORMULA_TEXT, 300000, 8, 2, ''],
      ['Borealis', 250000, 6, 1, 'ask finance'],
      ['Cygnus', 150000, 3, 3, ''],
    ];
    const { context, page, watch } = await openTaskpaneOn(chrome, {
      sheets: [{ name: 'Backlog', values: backlog }],
      active: 'Backlog',
    });
    try {
      await scoreByValueWithBudget(page);
      await page.locator('#pmo-write').click();
      await waitForText(
        page,
        '#pmo-status',
        /^Wrote Score, Rank and Selected to PMO Scores!A4:E7, the add-in's own sheet: column E right of the table is not blank\.$/,
      );
      const sheet = (name: string) =>
        page.evaluate(`pmoFakeExcel.sheet(${JSON.stringify(name)})`) as Promise<{
          values: Value[][];
          formats: string[][];
        }>;
      expect((await sheet('Backlog')).values).toEqual(backlog);
      expect(await page.locator('#pmo-write-target').textContent()).toBe(
        "Rewrites Score, Rank and Selected on sheet PMO Scores, the add-in's own, where they went before.",
      );
      const ours = await sheet('PMO Scores');
      expect(ours.values[0]?.[0]).toBe(SCORES_MARKER);
      expect(ours.values.slice(3, 7).map((row) => row.slice(0, 5))).toEqual(
        RANKED.map((row) => row.map((cell) => (cell === 'Apollo' ? FORMULA_TEXT : cell))),
      );
      // The name that looks like a formula is stored as text: its number format is "@", set before the value.
      expect(ours.formats[4]?.[1]).toBe('@');
      // The write: one sync reads the rows and the sheet names, one reads the A1 of sheets named like ours, one writes.
      const syncs = (await page.evaluate('pmoFakeExcel.syncsPerRun()')) as number[];
      expect(syncs.at(-1)).toBe(3);

      // The user clears the note: the columns beside the table are blank now, but the results stay where they went.
      await page.evaluate(`pmoFakeExcel.edit('Backlog', 'E3', [['']])`);
      await page.locator('#pmo-write').click();
      await waitForText(
        page,
        '#pmo-status',
        /PMO Scores!A4:E7, the add-in's own sheet: where they went before\.$/,
      );
      expect(await page.evaluate('pmoFakeExcel.sheetNames()')).toEqual(['Backlog', 'PMO Scores']);
      expect((await sheet('PMO Scores')).values.slice(3, 7)).toEqual(ours.values.slice(3, 7));
      expectCleanPage(watch, 'excel');
    } finally {
      await context.close();
    }
  });

  it('Excel: writes on a matrix’s initiative rows only, leaving its weights and direction rows alone', async () => {
    const under = (SHAPES.weightsUnderHeader?.[0]?.rows ?? []) as Value[][];
    const { context, page, watch } = await openTaskpaneOn(chrome, {
      sheets: [{ name: 'Scoring', values: under }],
      active: 'Scoring',
    });
    try {
      await waitForText(page, '#pmo-table-info', /3 initiatives in A1:D6 on sheet Scoring\./);
      await settle(page);
      await page.locator('#pmo-write').click();
      await waitForText(page, '#pmo-status', /^Wrote Score, Rank and Selected to Scoring!E1:G6\.$/);
      const { values } = (await page.evaluate('pmoFakeExcel.sheet("Scoring")')) as { values: Value[][] };
      expect(values.map((row) => row.slice(0, 4))).toEqual(under);
      // Nothing written on the weights and direction rows (2–3): they end at column D, as they were.
      expect(values.slice(0, 3).map((row) => row.slice(4, 7))).toEqual([
        ['Score', 'Rank', 'Selected'],
        [],
        [],
      ]);
      expect(values.slice(3).map((row) => [row[0], row[5]])).toEqual([
        ['Portal', 2],
        ['ERP', 1],
        ['Chatbot', 3],
      ]);
      expectCleanPage(watch, 'excel');
    } finally {
      await context.close();
    }
  });
});
