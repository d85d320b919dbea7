// The scoring panel as people see it (issue 16.1, 16.2, 16.7), in both hosts and both themes: after Score the
// setup folds to one line and the first ranked initiative is on the first screen of a 320 × 900 pane; the page
// follows the host's theme on every surface (Excel: Office's theme, else the system's; Sheets: the system's, live);
// axe-core (WCAG 2.1 A and AA) finds no serious or critical violation, with the setup folded and unfolded; the
// fold opens by keyboard; the ranking is announced; the weight sensitivity's sliders preview without writing.
// Screenshots go to test-artifacts/ (the README's pictures).

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { computeRanking } from '../../core/prioritization/ranking';
import { DEFAULT_SETTINGS } from '../../panel/settings';
import { sheetTable } from '../helpers';
import {
  CHROMIUM_PATH,
  EXCEL_ORIGIN,
  expectCleanPage,
  openPage,
  openSidebarOn,
  settle,
  usePanelBrowser,
  waitForText,
} from './harness';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} not found`);

const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Value = string | number;
const PORTFOLIO: Value[][] = [
  ['Portfolio 2025: candidate initiatives'],
  [],
  ['ID', 'Initiative', 'Cost', 'Value', 'Risk', 'Strategic fit', 'Sponsor'],
  ['I-01', 'CRM replacement', 400_000, 8, 3, 7, 'Ana'],
  ['I-02', 'Data platform', 350_000, 9, 4, 9, 'Ben'],
  ['I-03', 'Self-service portal', 120_000, 5, 2, 4, 'Cleo'],
  ['I-04', 'Mobile app', 250_000, 7, 5, 6, 'Dan'],
  ['I-05', 'Supplier onboarding', 180_000, 6, 3, 5, 'Eli'],
  ['I-06', 'Cloud migration', 300_000, 6, 2, 8, 'Fay'],
  ['I-07', 'Intranet refresh', 90_000, 4, 1, 3, 'Gus'],
];

/** Office's Black theme and its Colorful one, as officeTheme reports them (hex triplets, isDarkTheme). */
const OFFICE_DARK = {
  bodyBackgroundColor: '#262626',
  bodyForegroundColor: '#FFFFFF',
  controlBackgroundColor: '#363636',
  controlForegroundColor: '#FFFFFF',
  isDarkTheme: true,
};
const OFFICE_LIGHT = {
  bodyBackgroundColor: '#FFFFFF',
  bodyForegroundColor: '#000000',
  controlBackgroundColor: '#FFFFFF',
  controlForegroundColor: '#000000',
  isDarkTheme: false,
};

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page, one line each with the elements. */
async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the pages' Content-Security-Policy does not govern.
  await page.evaluate(AXE_SOURCE);
  const found = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
       .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) })))`,
  )) as { id: string; impact: string; nodes: string[] }[];
  return found
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.join(' | ')}`);
}

/** The page's root classes and its background, and the panel's. */
async function themeOf(page: Page): Promise<{ dark: boolean; page: string; panel: string }> {
  return (await page.evaluate(`({
    dark: document.documentElement.classList.contains('pmo-dark'),
    page: getComputedStyle(document.body).backgroundColor,
    panel: getComputedStyle(document.querySelector('.pmo-panel')).backgroundColor,
  })`)) as { dark: boolean; page: string; panel: string };
}

/**
 * A first session: tick three criteria and type a budget with the setup open, press Score; the setup folds to one
 * line and the first ranked initiative is within the first screen. Then axe, folded and unfolded.
 */
async function scoreAndCheck(page: Page, shotName: string): Promise<void> {
  await page.locator('#pmo-setup').waitFor({ state: 'visible' });
  expect(await page.locator('#pmo-setup-box').getAttribute('open')).not.toBeNull();
  for (const header of ['Value', 'Risk', 'Strategic fit'])
    await page.locator(`.pmo-criterion[data-header="${header}"] input[type="checkbox"]`).check();
  await page.locator('#pmo-budget').fill('900000');
  await settle(page);
  await page.locator('#pmo-score').focus();
  await page.keyboard.press('Enter');
  await settle(page);
  await waitForText(page, '#pmo-status', /^Read the table again: 7 of 7 initiatives scored\.$/);
  // Results first: the setup is one line, and the first initiative is on the first screen.
  expect(await page.locator('#pmo-setup-box').getAttribute('open')).toBeNull();
  expect(await page.locator('#pmo-setup-line').textContent()).toBe(
    'Portfolio, 7 initiatives · Weighted score on 3 criteria · budget 900,000',
  );
  const first = await page.locator('#pmo-ranking > li').first().boundingBox();
  expect(first).not.toBeNull();
  if (first) {
    expect(first.y).toBeGreaterThanOrEqual(0);
    expect(first.y + first.height).toBeLessThanOrEqual(900);
  }
  // The ranking's summary is a polite live region: a screen reader hears each new ranking.
  expect(await page.locator('#pmo-summary').getAttribute('aria-live')).toBe('polite');
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${shotName}.png`), fullPage: false });
  expect(await axeProblems(page)).toEqual([]);
  // By keyboard: the summary line unfolds the setup (Enter), and every control is there to check.
  await page.locator('#pmo-setup-summary').focus();
  await page.keyboard.press('Enter');
  expect(await page.locator('#pmo-setup-box').getAttribute('open')).not.toBeNull();
  await page.locator('#pmo-ranking .pmo-why summary').first().click();
  await page.locator('#pmo-sensitivity > summary').click();
  await page.locator('#pmo-sensitivity-list li').first().waitFor();
  expect(await axeProblems(page)).toEqual([]);
}

/** The names of the ranked list, best first. */
const rankedNames = (page: Page) => page.locator('#pmo-ranking > li .pmo-name').allTextContents();

/** The names computeRanking ranks best first with Value at `weight` (Risk and Strategic fit at 1), as the panel would. */
function expectedNames(valueWeight: number): string[] {
  const table = sheetTable((PORTFOLIO[2] ?? []).map(String), PORTFOLIO.slice(3), {
    sheet: 'Portfolio',
    headerRow: 3,
  });
  const ranking = computeRanking(
    table,
    {
      ...DEFAULT_SETTINGS,
      nameColumn: 'Initiative',
      costColumn: 'Cost',
      budget: '900000',
      criteria: [
        { header: 'Value', direction: 'max', weight: valueWeight },
        { header: 'Risk', direction: 'min', weight: 1 },
        { header: 'Strategic fit', direction: 'max', weight: 1 },
      ],
    },
    [],
  );
  if (ranking.kind !== 'ranking') throw new Error(ranking.message);
  return ranking.order.map((position) => ranking.rows[position]?.name ?? '');
}

/**
 * Weight sensitivity, by keyboard: each criterion's range in words; End on Value's slider previews the ranking at
 * the slider's top (the same order computeRanking gives), with writing held; "Back to 1" restores the ranking as
 * set; a preview kept with "Use this weight" becomes Value's weight.
 */
async function sensitivityCheck(page: Page, shotName: string): Promise<void> {
  const asSet = await rankedNames(page);
  expect(asSet).toEqual(expectedNames(1));
  const items = page.locator('#pmo-sensitivity-list > li');
  expect(await items.count()).toBe(3);
  expect(await items.first().locator('.pmo-sensitivity-range').textContent()).toMatch(
    /^The top \(Data platform\) and the funded set stay the same from \S+ to \S+\./,
  );
  const slider = page.locator('#pmo-try-0');
  const top = Number(await slider.getAttribute('max'));
  await slider.focus();
  await page.keyboard.press('End');
  await settle(page);
  expect(await page.locator('#pmo-preview').isVisible()).toBe(true);
  expect(await page.locator('#pmo-preview-text').textContent()).toMatch(
    new RegExp(`^Previewing Value at weight ${top} \\(set: 1\\)`),
  );
  expect(await rankedNames(page)).toEqual(expectedNames(top));
  await page.locator('#pmo-sensitivity').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, `${shotName}.png`), fullPage: false });
  expect(await page.locator('#pmo-write').getAttribute('aria-disabled')).toBe('true');
  await page.locator('#pmo-preview-back').click();
  expect(await page.locator('#pmo-preview').isHidden()).toBe(true);
  expect(await rankedNames(page)).toEqual(asSet);
  expect(await slider.inputValue()).toBe('1');
  // Try 4, keep it: Value's weight field says 4 and the ranking as set is the one at 4.
  await slider.fill('4');
  await settle(page);
  await page.locator('#pmo-preview-keep').click();
  await settle(page);
  expect(await page.locator('.pmo-criterion[data-header="Value"] input[type="number"]').inputValue()).toBe(
    '4',
  );
  expect(await rankedNames(page)).toEqual(expectedNames(4));
  expect(await page.locator('#pmo-write').getAttribute('aria-disabled')).toBeNull();
  // Where the results go is said before writing, and is where they went; the next write reuses those columns.
  expect(await page.locator('#pmo-write-target').textContent()).toBe(
    "Writes Score, Rank and Selected side by side on sheet Portfolio, rows 3–10: in H:J if those columns are blank there, else on a sheet of the add-in's own (PMO Scores) with each initiative's name and row.",
  );
  await page.locator('#pmo-write').click();
  await waitForText(page, '#pmo-status', /^Wrote Score, Rank and Selected to Portfolio!H3:J10\.$/);
  expect(await page.locator('#pmo-write-target').textContent()).toBe(
    'Rewrites Score, Rank and Selected where it wrote them before (columns H, I, J).',
  );
}

describe.skipIf(!hasChromium)('the scoring panel as people see it (headless Chromium)', () => {
  const chrome = usePanelBrowser();

  /** The task pane on the portfolio with Office's theme set (or none: an Office without officeTheme). */
  async function openTaskpane(theme: typeof OFFICE_DARK | undefined, system: 'light' | 'dark') {
    const opened = await openPage(chrome.browser, chrome.built, [
      chrome.fakeExcel,
      `pmoFakeExcel.setup(${JSON.stringify({ sheets: [{ name: 'Portfolio', values: PORTFOLIO }], active: 'Portfolio' })});`,
    ]);
    await opened.page.emulateMedia({ colorScheme: system });
    await opened.page.goto(`${EXCEL_ORIGIN}taskpane.html`);
    await opened.page.waitForFunction('window.pmoTaskpane !== undefined');
    const setTheme = theme ? `pmoFakeExcel.setTheme(${JSON.stringify(theme)});` : '';
    await opened.page.evaluate(
      `pmoFakeExcel.installDocument(); ${setTheme} pmoTaskpane.startScoringPanel();`,
    );
    return opened;
  }

  for (const [label, theme, system, dark] of [
    ['Office light theme', OFFICE_LIGHT, 'dark', false],
    ['Office dark theme', OFFICE_DARK, 'light', true],
    ['no Office theme, system dark', undefined, 'dark', true],
  ] as const)
    it(`Excel, ${label}: results first, ${dark ? 'dark' : 'light'} on every surface, no serious axe violation`, async () => {
      const { context, page, watch } = await openTaskpane(theme, system);
      try {
        const shown = await themeOf(page);
        expect(shown.dark).toBe(dark);
        // The page around the panel and the panel share one background: no half-applied theme.
        expect(shown.page).toBe(shown.panel);
        expect(shown.page).toBe(dark ? 'rgb(41, 41, 41)' : 'rgb(255, 255, 255)');
        await scoreAndCheck(page, `look-excel-${dark ? 'dark' : 'light'}${theme ? '' : '-system'}`);
        await sensitivityCheck(
          page,
          `look-excel-${dark ? 'dark' : 'light'}${theme ? '' : '-system'}-preview`,
        );
        expectCleanPage(watch, 'excel');
      } finally {
        await context.close();
      }
    });

  for (const dark of [false, true])
    it(`Sheets (300 px), system ${dark ? 'dark' : 'light'}: results first, followed live, no serious axe violation`, async () => {
      const { context, page, watch } = await openSidebarOn(
        chrome,
        [{ name: 'Portfolio', values: PORTFOLIO }],
        'Portfolio',
      );
      try {
        // Google's sidebar is 300 px wide.
        await page.setViewportSize({ width: 300, height: 900 });
        await page.locator('#pmo-setup').waitFor({ state: 'visible' });
        expect((await themeOf(page)).dark).toBe(false);
        // The system switching theme restyles the open sidebar at once.
        await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
        await page.waitForFunction(
          (wanted) =>
            (
              globalThis as unknown as {
                document: { documentElement: { classList: { contains(name: string): boolean } } };
              }
            ).document.documentElement.classList.contains('pmo-dark') === wanted,
          dark,
        );
        const shown = await themeOf(page);
        expect(shown.dark).toBe(dark);
        expect(shown.page).toBe(shown.panel);
        expect(shown.page).toBe(dark ? 'rgb(31, 31, 31)' : 'rgb(255, 255, 255)');
        await scoreAndCheck(page, `look-sheets-${dark ? 'dark' : 'light'}`);
        await sensitivityCheck(page, `look-sheets-${dark ? 'dark' : 'light'}-preview`);
        expectCleanPage(watch, 'sheets');
      } finally {
        await context.close();
      }
    });
});
