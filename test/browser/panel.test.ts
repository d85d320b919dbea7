// The scoring panel in a real headless Chromium (DESIGN §7b, STYLE "Panels are tested in a real headless
// Chromium"): the built Excel task pane with the real Office.js (served at its CDN URL from the npm package) and
// a fake Excel object model, and the built Sheets sidebar with a fake google.script.run that runs the real
// Code.js in Node against a fake spreadsheet. Each drives a full scoring session and checks the values written
// back against the cell functions (SCORE, AHP_WEIGHTS, SELECT through `invoke`), the safety rules (names as
// text, no request anywhere, no console errors, asking before overwriting a user's column), the round trips,
// and that the configuration comes back when the panel reopens. The same Sidebar.html opened as the dashboard
// dialog (the menu item's constant mark appended) builds the dashboard through google.script.run and shows the
// result or the failure. Screenshots go to test-artifacts/.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_MARKER } from '../../core/dashboard/plan';
import { isPmoError } from '../../core/errors';
import { CATALOG, findFunction } from '../../core/functions/catalog';
import { invoke } from '../../core/functions/invoke';
import type { OutGrid } from '../../core/functions/types';
import { rankScores } from '../../core/prioritization/ranks';
import { DASHBOARD_PAGE_MARK } from '../../gsheets/client/dashboard-protocol';
import { DASHBOARD_SERVER } from '../../gsheets/entry-points';
import type { FakeWorkbookSetup, WriteOp } from '../fakes/excel';
import { loadSpreadsheetScript, parseA1Area, sheetsNumberFormats, sheetsValues } from '../fakes/sheets';
import { pmoWorkbook } from '../fakes/workbook-seed';
import {
  CHROMIUM_PATH,
  EXCEL_ORIGIN,
  expectCleanPage,
  OFFICE_CDN,
  OFFICE_TELEMETRY_BLOCKED,
  openSidebar,
  openTaskpaneOn,
  type PageWatch,
  readBuiltFiles,
  settle,
  usePanelBrowser,
  waitForText,
} from './harness';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} not found`);

const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');
const SETTINGS_KEY = 'pmo.scoringPanel';
const XSS_ALERT = '<img src=x onerror=alert(1)>';
const XSS_FLAG = '<img src=x onerror="window.pmoXss=1">';
const BUDGET = 900_000;
const TOLERANCE = 1e-12;

type Value = string | number | boolean;

/** The initiatives table: a title above the header (header detection), money text, two hostile names. */
const HEADERS = ['ID', 'Initiative', 'Cost', 'Value', 'Risk', 'Strategic fit', 'Owner'];
const INITIATIVES: Value[][] = [
  ['I-01', 'CRM replacement', 400_000, 8, 3, 7, 'Ana'],
  ['I-02', 'Data platform', 350_000, 9, 4, 9, 'Ben'],
  ['I-03', XSS_ALERT, 120_000, 5, 2, 4, 'Cleo'],
  ['I-04', 'Mobile app', 250_000, 7, 5, 6, 'Dan'],
  ['I-05', XSS_FLAG, 180_000, 6, 3, 5, 'Eli'],
  ['I-06', 'Cloud migration', 'CHF 300,000', 6, 2, 8, 'Fay'],
  ['I-07', 'Intranet refresh', 90_000, 4, 1, 3, 'Gus'],
];
const TITLE = 'Portfolio 2025: candidate initiatives';
/** Sheet rows 1–2: the title and a blank row; the header is on row 3. */
const PORTFOLIO: Value[][] = [[TITLE], [], HEADERS, ...INITIATIVES];
const HEADER_ROW = 3;
const MUST = 'Mobile app';

/** The AHP judgements the session ends with (Value, Risk, Strategic fit), as option values. */
const FINAL_JUDGEMENTS = { '0-1': '3', '0-2': '5', '1-2': '2' } as const;
const FINAL_MATRIX = [
  [1, 3, 5],
  [1 / 3, 1, 2],
  [1 / 5, 1 / 2, 1],
];

function call(name: string, args: readonly unknown[]): OutGrid {
  const spec = findFunction(name);
  if (!spec) throw new Error(`The catalog has no ${name}.`);
  const result = invoke(spec, args);
  if (isPmoError(result)) throw new Error(`${name}: ${result.message}`);
  return result;
}

const column = (rows: readonly (readonly Value[])[], index: number): Value[][] =>
  rows.map((row) => [row[index] ?? '']);

/** What the cell functions give for the final session: scores, ranks and the exact selection. */
function expectedResults(): { scores: number[]; ranks: number[]; selected: boolean[] } {
  const weights = call('AHP_WEIGHTS', [FINAL_MATRIX]);
  const ratings = [HEADERS.slice(3, 6), ...INITIATIVES.map((row) => row.slice(3, 6))];
  const scored = call('SCORE', [ratings, weights, [['max', 'min', 'max']], 'weighted']);
  expect(scored[0]?.[0]).toBe('Score');
  const scores = scored.slice(1).map((row) => row[0] as number);
  const selected = call('SELECT', [
    [['Cost'], ...column(INITIATIVES, 2)],
    [['Score'], ...scores.map((score) => [score])],
    BUDGET,
    [['Must'], ...INITIATIVES.map((row) => [row[1] === MUST])],
  ])
    .slice(1)
    .map((row) => row[0] as boolean);
  return { scores, ranks: rankScores(scores) as number[], selected };
}

/** The Score, Rank and Selected columns written on the header row `headerRow` (1-based), by header text. */
function writtenColumns(
  values: readonly (readonly unknown[])[],
  headerRow: number,
  headers: readonly string[],
  rowCount: number,
) {
  const header = values[headerRow - 1] ?? [];
  return headers.map((name) => {
    const index = header.indexOf(name);
    expect(index, `a column headed ${name}`).toBeGreaterThanOrEqual(0);
    return {
      index,
      cells: Array.from({ length: rowCount }, (_, r) => values[headerRow + r]?.[index]),
    };
  });
}

function expectWrittenEqualsFunctions(values: readonly (readonly unknown[])[], firstNew: number): void {
  const [score, rank, selected] = writtenColumns(
    values,
    HEADER_ROW,
    ['Score', 'Rank', 'Selected'],
    INITIATIVES.length,
  );
  expect([score?.index, rank?.index, selected?.index]).toEqual([firstNew, firstNew + 1, firstNew + 2]);
  const expected = expectedResults();
  score?.cells.forEach((cell, r) => {
    expect(typeof cell).toBe('number');
    expect(Math.abs((cell as number) - (expected.scores[r] ?? Number.NaN))).toBeLessThanOrEqual(TOLERANCE);
  });
  expect(rank?.cells).toEqual(expected.ranks);
  expect(selected?.cells).toEqual(expected.selected);
  // The exact selection is not the greedy one here, and it funds the must-include initiative.
  expect(expected.selected[INITIATIVES.findIndex((row) => row[1] === MUST)]).toBe(true);
  // The user's own cells are untouched.
  PORTFOLIO.forEach((row, r) => {
    row.forEach((cell, c) => {
      expect(values[r]?.[c]).toEqual(cell);
    });
  });
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const text = (page: Page, selector: string) => page.locator(selector).textContent();

/** The names in the ranking, best first, as the page shows them (textContent). */
const rankedNames = (page: Page) =>
  page.locator('#pmo-ranking .pmo-name').evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));

/** Ticks one criterion and waits for the ranking to follow. */
async function scoreBy(page: Page, header: string): Promise<void> {
  await page.locator(`.pmo-criterion[data-header="${header}"] input[type="checkbox"]`).check();
  await settle(page);
}

/** Runs `check` on an opened page, then checks the page stayed clean; the page is closed either way. */
async function onPage(
  opening: Promise<{ context: BrowserContext; page: Page; watch: PageWatch }>,
  host: 'excel' | 'sheets',
  check: (page: Page) => Promise<void>,
): Promise<void> {
  const { context, page, watch } = await opening;
  try {
    await check(page);
    expectCleanPage(watch, host);
  } finally {
    await context.close();
  }
}

/** A backlog whose last column is the user's own "Score" (words, not numbers): the panel must ask before writing. */
const scoredByHand = (): Value[][] => [
  ['ID', 'Initiative', 'Cost', 'Value', 'Score'],
  ['A', 'Alpha', 100, 5, 'high'],
  ['B', 'Beta', 200, 8, 'low'],
];

/**
 * After reopening on the Portfolio of a saved AHP session: the configuration is back, the add-in's own columns
 * are not offered as criteria, and Write rewrites them without asking.
 */
async function expectRestoredSession(
  page: Page,
  portfolioValues: () => Promise<readonly (readonly unknown[])[]>,
): Promise<void> {
  await waitForText(page, '#pmo-summary', /^7 initiatives ranked by AHP/);
  expect(await page.locator('#pmo-method').inputValue()).toBe('ahp');
  for (const [pair, value] of Object.entries(FINAL_JUDGEMENTS))
    expect(await page.locator(`#pmo-pair-${pair}`).inputValue()).toBe(value);
  expect(await page.locator('#pmo-budget').inputValue()).toBe('900,000');
  expect(await page.getByLabel(MUST, { exact: true }).isChecked()).toBe(true);
  expect(await page.locator('.pmo-criterion[data-header="Score"]').count()).toBe(0);
  await page.locator('#pmo-write').click();
  await waitForText(page, '#pmo-status', /^Wrote Score, Rank and Selected to Portfolio!H3:J10\.$/);
  expect(await page.locator('#pmo-confirm').isHidden()).toBe(true);
  expectWrittenEqualsFunctions(await portfolioValues(), 7);
}

async function expectNamesAsText(page: Page): Promise<void> {
  const names = await rankedNames(page);
  expect(names).toContain(XSS_ALERT);
  expect(names).toContain(XSS_FLAG);
  expect(await page.locator('.pmo-panel img').count()).toBe(0);
  expect(await page.evaluate('window.pmoXss')).toBeUndefined();
  const transforms = (await page.evaluate(
    '[...document.querySelectorAll("#pmo-ranking .pmo-name")].map((node) => getComputedStyle(node).textTransform)',
  )) as string[];
  expect(transforms).toHaveLength(INITIATIVES.length);
  expect(new Set(transforms)).toEqual(new Set(['none']));
}

/**
 * The session both hosts go through: map three criteria with directions and weights, switch to AHP and
 * enter contradicting judgements (CR warning, repair), then consistent ones, set the budget and a must-include,
 * and write to the sheet. `prefix` names the screenshots.
 */
async function scoringSession(page: Page, prefix: string): Promise<void> {
  await page.locator('#pmo-setup').waitFor({ state: 'visible' });
  expect(await page.locator('#pmo-method').inputValue()).toBe('weighted');
  expect(await page.locator('label[for="pmo-method"]').textContent()).toBe('Method');
  expect(await page.locator('#pmo-method option').allTextContents()).toEqual([
    'Weighted score',
    'WSJF',
    'RICE',
    'AHP',
  ]);
  expect(await page.locator('#pmo-name-column').inputValue()).toBe('Initiative');
  expect(await page.locator('#pmo-cost-column').inputValue()).toBe('Cost');
  await waitForText(page, '#pmo-summary', /Choose at least one criterion/);
  // Owner holds names: not offered as a criterion, and the panel says why.
  expect(await page.locator('.pmo-criterion[data-header="Owner"]').count()).toBe(0);
  expect(await page.locator('#pmo-criteria-unusable').textContent()).toMatch(
    /^Not offered, as a criterion needs numbers: Owner \(text, not numbers \("[^"]+", "[^"]+", …\)\)\.$/,
  );

  // Map the criteria: Value (weight 3), Risk (less is better, weight 2), Strategic fit (weight 1).
  for (const [header, weight] of [
    ['Value', '3'],
    ['Risk', '2'],
    ['Strategic fit', '1'],
  ] as const) {
    const row = page.locator(`.pmo-criterion[data-header="${header}"]`);
    await row.locator('input[type="checkbox"]').check();
    await row.locator('input[type="number"]').fill(weight);
  }
  expect(await page.locator('.pmo-criterion[data-header="Risk"] select').inputValue()).toBe('min');
  await settle(page);
  await waitForText(page, '#pmo-summary', /^7 initiatives ranked by Weighted score/);
  const weighted = call('SCORE', [
    [HEADERS.slice(3, 6), ...INITIATIVES.map((row) => row.slice(3, 6))],
    [[3, 2, 1]],
    [['max', 'min', 'max']],
  ])
    .slice(1)
    .map((row) => row[0] as number);
  const order = weighted.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score || a.i - b.i);
  expect(await rankedNames(page)).toEqual(order.map(({ i }) => String(INITIATIVES[i]?.[1])));
  await expectNamesAsText(page);
  // Why the first ranks first: a line per criterion, by keyboard, ending with SCORE's own score.
  const why = page.locator('#pmo-ranking .pmo-why').first();
  await why.locator('summary').focus();
  await page.keyboard.press('Enter');
  expect(await why.getAttribute('open')).not.toBeNull();
  const lines = await why.locator('li').allTextContents();
  expect(lines).toHaveLength(3);
  expect(lines.some((line) => /^Risk \S+ \(less is better: counts as \S+\) × 33\.3% = /.test(line))).toBe(
    true,
  );
  // The parts add up to the score the item shows, which is SCORE's (checked above through the order).
  const shown = /^Score (\S+)/.exec(
    (await page.locator('#pmo-ranking > li .pmo-meta').first().textContent()) ?? '',
  );
  expect(await why.locator('.pmo-hint').textContent()).toBe(
    `Score = Σ weight × rating ÷ Σ weight = ${shown?.[1]}.`,
  );
  await shot(page, `${prefix}-2-mapped`);

  // AHP: contradicting judgements first (Value ≫ Risk ≫ Fit ≫ Value): the warning and the judgement to revisit.
  await page.locator('#pmo-method').selectOption('ahp');
  await page.locator('#pmo-ahp').waitFor({ state: 'visible' });
  await page.locator('#pmo-pair-0-1').selectOption('9');
  await page.locator('#pmo-pair-1-2').selectOption('9');
  await page.locator('#pmo-pair-0-2').selectOption('1/9');
  await settle(page);
  const contradiction = call('AHP_CR', [
    [
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ],
  ])[0]?.[0] as number;
  expect(await text(page, '#pmo-cr-value')).toBe(contradiction.toFixed(2));
  expect(await page.locator('#pmo-consistency').getAttribute('class')).toContain('pmo-warning');
  expect(await text(page, '#pmo-cr')).toContain('above 0.10');
  expect(await text(page, '#pmo-repair')).toMatch(
    /^Revisit .+ vs .+: you said “.+”; your other judgements point to “.+”, which brings the ratio to \d/,
  );
  await shot(page, `${prefix}-3-ahp-warning`);
  await page.locator('#pmo-apply-repair').click();
  await settle(page);
  const repaired = Number(await text(page, '#pmo-cr-value'));
  expect(repaired).toBeLessThan(contradiction);

  // Consistent judgements: the ratio drops under 0.10 and matches AHP_CR.
  for (const [pair, value] of Object.entries(FINAL_JUDGEMENTS))
    await page.locator(`#pmo-pair-${pair}`).selectOption(value);
  await settle(page);
  const finalRatio = call('AHP_CR', [FINAL_MATRIX])[0]?.[0] as number;
  expect(await text(page, '#pmo-cr-value')).toBe(
    finalRatio < 0.01 ? finalRatio.toFixed(3) : finalRatio.toFixed(2),
  );
  expect(await text(page, '#pmo-cr')).toContain('acceptable');
  expect(await page.locator('#pmo-repair').count()).toBe(0);

  // Budget and a must-include initiative: the exact selection and the greedy waterline.
  await page.locator('#pmo-budget').fill('900,000');
  await page.locator('#pmo-must summary').click();
  await page.getByLabel(MUST, { exact: true }).check();
  await settle(page);
  const expected = expectedResults();
  const selectedCount = expected.selected.filter(Boolean).length;
  await waitForText(
    page,
    '#pmo-summary',
    new RegExp(
      `^7 initiatives ranked by AHP, best first\\. ${selectedCount} selected within the budget of 900,000`,
    ),
  );
  expect(await text(page, '#pmo-greedy')).toMatch(/^Greedy waterline: funding by score ÷ cost/);
  expect(await page.locator('#pmo-ranking .pmo-badge-must').count()).toBe(1);
  const badges = await page.locator('#pmo-ranking > li').evaluateAll((items) =>
    items.map((item) => ({
      name: item.querySelector('.pmo-name')?.textContent ?? '',
      selected: item.querySelector('.pmo-badge-selected') !== null,
    })),
  );
  for (const badge of badges) {
    const i = INITIATIVES.findIndex((row) => row[1] === badge.name);
    expect(badge.selected, badge.name).toBe(expected.selected[i]);
  }
  await expectNamesAsText(page);
  await shot(page, `${prefix}-4-ranked-selection`);

  await page.locator('#pmo-write').click();
  await waitForText(page, '#pmo-status', /^Wrote Score, Rank and Selected to Portfolio!H3:J10\.$/);
  await settle(page);
  await shot(page, `${prefix}-5-after-write`);
}

/** Keyboard: every control is reachable with Tab and has an accessible name. */
async function expectKeyboardAndLabels(page: Page): Promise<void> {
  const unlabelled = await page.evaluate(
    "[...document.querySelectorAll('.pmo-panel select, .pmo-panel input')].filter((control) => control.labels.length === 0 && !control.getAttribute('aria-label')).map((control) => control.id)",
  );
  const controls = await page.evaluate(
    "document.querySelectorAll('.pmo-panel select, .pmo-panel input').length",
  );
  expect(controls).toBeGreaterThan(10);
  expect(unlabelled).toEqual([]);
  await page.locator('#pmo-detect').focus();
  const reached = new Set<string>();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate('document.activeElement && document.activeElement.id');
    if (typeof id === 'string' && id !== '') reached.add(id);
  }
  for (const id of [
    'pmo-use-selection',
    'pmo-method',
    'pmo-name-column',
    'pmo-budget',
    'pmo-score',
    'pmo-write',
  ])
    expect([...reached], id).toContain(id);
  expect(await page.locator('#pmo-status').getAttribute('role')).toBe('status');
  expect(await page.locator('#pmo-summary').getAttribute('aria-live')).toBe('polite');
  const width = await page.evaluate('document.documentElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(320);
}

describe('the built panel pages', () => {
  const built = readBuiltFiles();
  const scripts = {
    'dist/excel/taskpane.js': built.excel.get('taskpane.js')?.toString('utf8') ?? '',
    // Served beside taskpane.html, where the ribbon command's <script src="dashboard.js"> fetches it.
    'dist/excel/dashboard.js': built.excel.get('dashboard.js')?.toString('utf8') ?? '',
    'dist/gsheets/Sidebar.html': built.sidebar.toString('utf8'),
  };

  it('never hand text to an HTML parser (innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
    for (const [file, code] of Object.entries(scripts)) {
      expect(code.length, file).toBeGreaterThan(1000);
      expect(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.exec(code)?.[0], file).toBeUndefined();
    }
  });

  it('inline the sidebar’s script and styles, with no scriptlet, no external resource and a CSP', () => {
    const sidebar = scripts['dist/gsheets/Sidebar.html'];
    const has = (pattern: RegExp) => pattern.exec(sidebar)?.[0];
    expect(has(/<\?/), 'a scriptlet').toBeUndefined();
    expect(has(/<script[^>]+src=|<link[^>]+href=/i), 'an external resource').toBeUndefined();
    expect(has(/PMO:INLINE/), 'an inline marker left').toBeUndefined();
    expect(has(/http-equiv="Content-Security-Policy"/)).toBeDefined();
    expect(has(/\.pmo-panel \{/), 'the panel styles').toBeDefined();
    expect(has(/pmo-scoring-panel/), 'the panel script').toBeDefined();
  });

  it('load the task pane’s panel styles beside it, and Office.js only from Microsoft’s CDN', () => {
    const html = built.excel.get('taskpane.html')?.toString('utf8') ?? '';
    expect(html).toContain('<link rel="stylesheet" href="panel.css" />');
    expect(built.excel.has('panel.css')).toBe(true);
    expect(html).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect([...html.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1])).toEqual([
      `${OFFICE_CDN}office.js`,
      'functions.js',
      'taskpane.js',
    ]);
  });
});

describe.skipIf(!hasChromium)('the scoring panel in headless Chromium', () => {
  const chrome = usePanelBrowser();

  describe('Excel task pane (real Office.js, fake Excel)', () => {
    const workbook = (overrides: Partial<FakeWorkbookSetup> = {}): FakeWorkbookSetup => ({
      sheets: [
        { name: 'Notes', values: [] },
        { name: 'Portfolio', values: PORTFOLIO, tables: [{ name: 'tblInitiatives', address: 'A3:G10' }] },
      ],
      active: 'Notes',
      ...overrides,
    });

    const openTaskpane = (setup: FakeWorkbookSetup) => openTaskpaneOn(chrome, setup);

    it('links the function reference, a page of its own listing every PMO function of the catalog as text', async () => {
      const { context, page } = await openTaskpane(workbook());
      try {
        // The reference left the pane (issue 16.1): a link opens it in a window of its own.
        const link = page.locator('a[href="help.html"]');
        expect(await link.getAttribute('target')).toBe('_blank');
        expect(await page.locator('#function-list').count()).toBe(0);
        await page.goto(`${EXCEL_ORIGIN}help.html`);
        const names = await page.$$eval('#function-list code', (codes) =>
          codes.map((code) => code.textContent),
        );
        expect(names).toEqual(CATALOG.map((spec) => `PMO.${spec.name}`));
      } finally {
        await context.close();
      }
    });

    const sheetValues = async (page: Page, name: string) =>
      (await page.evaluate(`pmoFakeExcel.sheet(${JSON.stringify(name)})`)) as {
        values: Value[][];
        formats: string[][];
      };

    it('runs a full scoring session and writes the cell functions’ numbers, in a constant number of syncs', async () => {
      // The Excel table has a total row (showTotals): not an initiative, and never written over.
      const totals: Value[] = ['', 'Total', 1_690_000, '', '', '', ''];
      const { context, page, watch } = await openTaskpane(
        workbook({
          sheets: [
            { name: 'Notes', values: [] },
            {
              name: 'Portfolio',
              values: [...PORTFOLIO, totals],
              tables: [{ name: 'tblInitiatives', address: 'A3:G11', showTotals: true }],
            },
          ],
        }),
      );
      try {
        await waitForText(page, '#pmo-table-info', /Sheet "Notes" has no data/);
        expect(await page.locator('#pmo-setup').isHidden()).toBe(true);
        await shot(page, 'excel-1-empty');

        await page.evaluate('pmoFakeExcel.activate("Portfolio")');
        await page.locator('#pmo-detect').click();
        await waitForText(
          page,
          '#pmo-table-info',
          /7 initiatives in table tblInitiatives on sheet Portfolio\./,
        );
        await scoringSession(page, 'excel');

        const { values, formats } = await sheetValues(page, 'Portfolio');
        expectWrittenEqualsFunctions(values, 7);
        expect(values[10]).toEqual(totals);
        expect(formats[HEADER_ROW - 1]?.slice(7, 10)).toEqual(['@', '@', '@']);
        expect(formats[HEADER_ROW]?.slice(7, 10)).toEqual(['0.00', '0', 'General']);
        const writes = (await page.evaluate('pmoFakeExcel.writes()')) as WriteOp[];
        expect(writes.map((write) => `${write.property} ${write.address}`)).toEqual([
          'numberFormat Portfolio!H3:H10',
          'values Portfolio!H3:H10',
          'numberFormat Portfolio!I3:I10',
          'values Portfolio!I3:I10',
          'numberFormat Portfolio!J3:J10',
          'values Portfolio!J3:J10',
        ]);
        const syncs = (await page.evaluate('pmoFakeExcel.syncsPerRun()')) as number[];
        expect(Math.max(...syncs)).toBeLessThanOrEqual(2);
        expect(syncs.at(-1)).toBe(2);
        await expectKeyboardAndLabels(page);
        expect(watch.served).toContain(`${OFFICE_CDN}office.js`);
        // Three seconds after loading, Office.js tries to frame its telemetry page: the CSP stops it before any
        // request (so `aborted` stays empty) and Chromium logs the block, the one console error we accept.
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

    it('restores the configuration when reopened and rewrites its own columns without asking', async () => {
      const first = await openTaskpane(workbook({ active: 'Portfolio' }));
      let saved: Record<string, unknown>;
      let after: Value[][];
      try {
        await scoringSession(first.page, 'excel-first');
        saved = (await first.page.evaluate('pmoFakeExcel.savedSettings()')) as Record<string, unknown>;
        after = (await sheetValues(first.page, 'Portfolio')).values;
        expectCleanPage(first.watch, 'excel');
      } finally {
        await first.context.close();
      }
      expect(typeof saved[SETTINGS_KEY]).toBe('string');
      const reopened = await openTaskpane({
        sheets: [
          { name: 'Portfolio', values: after, tables: [{ name: 'tblInitiatives', address: 'A3:G10' }] },
        ],
        active: 'Portfolio',
        settings: saved,
      });
      const { page, watch, context } = reopened;
      try {
        await expectRestoredSession(page, async () => (await sheetValues(page, 'Portfolio')).values);
        expectCleanPage(watch, 'excel');
      } finally {
        await context.close();
      }
    });

    it('reads the current selection when told to, and reads the same range when reopened', async () => {
      const setup = workbook({ active: 'Portfolio', selection: { sheet: 'Portfolio', address: 'B3:F6' } });
      const first = await openTaskpane(setup);
      let saved: Record<string, unknown>;
      try {
        await waitForText(first.page, '#pmo-table-info', /^7 initiatives in table tblInitiatives/);
        await first.page.locator('#pmo-use-selection').click();
        await waitForText(first.page, '#pmo-table-info', /^3 initiatives in B3:F6 on sheet Portfolio\./);
        expect(await first.page.locator('#pmo-name-column').inputValue()).toBe('Initiative');
        await first.page.waitForFunction(() => {
          const fake = (
            globalThis as unknown as { pmoFakeExcel: { savedSettings(): Record<string, unknown> } }
          ).pmoFakeExcel;
          return String(fake.savedSettings()['pmo.scoringPanel']).includes('B3:F6');
        });
        saved = (await first.page.evaluate('pmoFakeExcel.savedSettings()')) as Record<string, unknown>;
        expectCleanPage(first.watch, 'excel');
      } finally {
        await first.context.close();
      }
      await onPage(
        openTaskpane({
          ...setup,
          selection: { sheet: 'Portfolio', address: 'A1' },
          settings: saved,
        }),
        'excel',
        async (page) => {
          await waitForText(page, '#pmo-table-info', /^3 initiatives in B3:F6 on sheet Portfolio\./);
        },
      );
    });

    it('never writes results onto rows sorted since they were read: it reads the table again and asks to check', async () => {
      const values: Value[][] = [
        ['Initiative', 'Cost', 'Value'],
        ['Alpha', 100, 5],
        ['Beta', 200, 8],
      ];
      await onPage(
        openTaskpane({ sheets: [{ name: 'Backlog', values }], active: 'Backlog' }),
        'excel',
        async (page) => {
          await scoreBy(page, 'Value');
          expect(await rankedNames(page)).toEqual(['Beta', 'Alpha']);
          // The user sorts the table by name, descending, after the panel read it.
          await page.evaluate(`pmoFakeExcel.edit('Backlog', 'A2:C3', [['Beta', 200, 8], ['Alpha', 100, 5]])`);
          await page.locator('#pmo-write').click();
          await waitForText(
            page,
            '#pmo-alert',
            /^The table changed since it was read \(its rows were sorted, added or edited\)/,
          );
          expect(await text(page, '#pmo-status')).toBe('Nothing was written.');
          expect((await sheetValues(page, 'Backlog')).values.map((row) => row.length)).toEqual([3, 3, 3]);
          await page.locator('#pmo-write').click();
          await waitForText(page, '#pmo-status', /^Wrote Score, Rank and Selected to Backlog!D1:F3\.$/);
          const written = (await sheetValues(page, 'Backlog')).values;
          expect(written.map((row) => row.slice(0, 5))).toEqual([
            ['Initiative', 'Cost', 'Value', 'Score', 'Rank'],
            ['Beta', 200, 8, 8, 1],
            ['Alpha', 100, 5, 5, 2],
          ]);
        },
      );
    });

    it('asks in the panel before writing over a user column named Score, and adds new columns when told to', async () => {
      const values = scoredByHand();
      await onPage(
        openTaskpane({ sheets: [{ name: 'Backlog', values }], active: 'Backlog' }),
        'excel',
        async (page) => {
          await scoreBy(page, 'Value');
          await page.locator('#pmo-write').click();
          await page.locator('#pmo-confirm').waitFor({ state: 'visible' });
          expect(await text(page, '#pmo-confirm-text')).toContain('“Score”');
          expect(await page.evaluate('document.activeElement.id')).toBe('pmo-confirm-new');
          expect((await sheetValues(page, 'Backlog')).values).toEqual(values);
          await shot(page, 'excel-6-conflict');
          await page.locator('#pmo-confirm-cancel').click();
          expect(await page.locator('#pmo-confirm').isHidden()).toBe(true);
          expect((await sheetValues(page, 'Backlog')).values).toEqual(values);

          await page.locator('#pmo-write').click();
          await page.locator('#pmo-confirm-new').click();
          await waitForText(
            page,
            '#pmo-status',
            /^Wrote Score \(PMO\), Rank and Selected to Backlog!F1:H3\.$/,
          );
          const written = (await sheetValues(page, 'Backlog')).values;
          expect(written.map((row) => row.slice(0, 5))).toEqual(values);
          expect(written[0]?.slice(5, 8)).toEqual(['Score (PMO)', 'Rank', 'Selected']);
          expect(written.slice(1).map((row) => row.slice(5, 8))).toEqual([
            [5, 2, ''],
            [8, 1, ''],
          ]);
          // Next time the renamed column is the add-in's own: no question.
          await page.locator('#pmo-write').click();
          await waitForText(
            page,
            '#pmo-status',
            /^Wrote Score \(PMO\), Rank and Selected to Backlog!F1:H3\.$/,
          );
          await settle(page);
          expect(await page.locator('#pmo-confirm').isHidden()).toBe(true);
        },
      );
    });
  });

  describe('Sheets sidebar (fake google.script.run running the real Code.js)', () => {
    const TIME_ZONE = 'Europe/Zurich';
    /** The Sheets copy has an "As of" date under the title: Date cells must cross google.script.run as serials. */
    const AS_OF = new Date(Date.UTC(2025, 0, 5, 23));
    const portfolioWithDate = (): (Value | Date)[][] =>
      PORTFOLIO.map((row, r) => (r === 1 ? ['As of', AS_OF] : [...row]));

    /** The spreadsheet (test/fakes/sheets) with Code.js bound, and the views of it these tests read. */
    function sidebarHost(
      sheets: { name: string; values: readonly (readonly unknown[])[] }[],
      active: string,
    ) {
      const script = loadSpreadsheetScript({ timeZone: TIME_ZONE, code: chrome.built.code, sheets, active });
      const { host } = script;
      const sheetNamed = (name: string) => {
        const sheet = host.spreadsheet.sheet(name);
        if (!sheet) throw new Error(`No sheet ${name}.`);
        return sheet;
      };
      return {
        ...script,
        /** The range reads and writes (the round trips), with the cells each touched. */
        get calls() {
          return host.log
            .filter((entry) => entry.a1 !== undefined)
            .map((entry) => ({ method: entry.call.slice(entry.call.indexOf('.') + 1), a1: entry.a1 }));
        },
        clearCalls: () => {
          host.log.length = 0;
        },
        properties: host.documentProperties,
        sidebars: host.sidebars,
        sheet: (name: string) => ({
          values: sheetsValues(sheetNamed(name)),
          formats: sheetsNumberFormats(sheetNamed(name)),
        }),
        activate: (name: string) => {
          host.spreadsheet.activeSheet = sheetNamed(name);
        },
        select: (name: string, a1: string) => {
          const area = parseA1Area(a1);
          if (!area) throw new Error(`select needs A1 notation, got ${a1}`);
          host.spreadsheet.selection = { sheet: sheetNamed(name), area };
        },
      };
    }

    /** Opens the sidebar; the first `slowCalls` server calls answer after 500 ms (a slow Apps Script). */
    const openSheetsSidebar = (host: ReturnType<typeof sidebarHost>, slowCalls = 0) =>
      openSidebar(chrome.browser, chrome.built, chrome.fakeScriptRun, host, { slowCalls });

    it('opens from showScoringPanel with the inlined Sidebar.html and touches no service on load', () => {
      const host = sidebarHost([{ name: 'Portfolio', values: PORTFOLIO }], 'Portfolio');
      expect(host.calls).toEqual([]);
      expect(host.callServer('showScoringPanel', '[]')).toEqual({ ok: true, json: undefined });
      expect(host.sidebars).toEqual([{ file: 'Sidebar', title: 'Score initiatives' }]);
    });

    it('runs the dashboard dialog: Sidebar.html in dashboard mode reads, plans and writes through google.script.run', async () => {
      const script = loadSpreadsheetScript({
        timeZone: TIME_ZONE,
        code: chrome.built.code,
        seed: pmoWorkbook('2025-03-05', 10),
      });
      const { host } = script;
      // A sheet name is user text: the dialog lists it as text.
      const risks = host.spreadsheet.sheet('Risks');
      if (risks) risks.name = XSS_FLAG;
      expect(script.callServer(DASHBOARD_SERVER.show, '[]')).toEqual({ ok: true, json: undefined });
      const [dialog] = host.dialogs;
      expect(dialog?.appended).toBe(DASHBOARD_PAGE_MARK);
      // HtmlService serves the file with what the menu item appended after it.
      const opened = await openSidebar(chrome.browser, chrome.built, chrome.fakeScriptRun, script, {
        appended: dialog?.appended ?? '',
        initScripts: ['google.script.host = { close: () => { window.pmoClosed = true; } };'],
      });
      await onPage(Promise.resolve(opened), 'sheets', async (page) => {
        await waitForText(page, '.pmo-status', /^Dashboard built on sheet "PMO Dashboard"\.$/);
        // One read; two writes: the hidden PMO Data sheet with the build history, then the dashboard.
        expect(opened.serverCalls).toEqual([
          DASHBOARD_SERVER.read,
          DASHBOARD_SERVER.write,
          DASHBOARD_SERVER.write,
        ]);
        expect(await page.title()).toBe('Build dashboard');
        const found = await page.locator('.pmo-tables-found li').allTextContents();
        expect(found).toHaveLength(5);
        expect(found.at(-1)).toContain(XSS_FLAG);
        expect(await page.locator('.pmo-alert').textContent()).toBe('');
        expect(host.spreadsheet.sheet('PMO Dashboard')?.cell(1, 1)?.value).toBe(DASHBOARD_MARKER);
        await page.locator('button.pmo-primary').click();
        expect(await page.evaluate('window.pmoClosed === true && window.pmoXss === undefined')).toBe(true);
      });
    });

    it('shows a failed dashboard build in the dialog, never swallowed', async () => {
      const script = loadSpreadsheetScript({
        timeZone: TIME_ZONE,
        code: chrome.built.code,
        seed: pmoWorkbook('2025-03-05', 10),
      });
      script.host.failures.set('Spreadsheet.insertSheet', 'You do not have permission to add a sheet.');
      const opened = openSidebar(chrome.browser, chrome.built, chrome.fakeScriptRun, script, {
        appended: DASHBOARD_PAGE_MARK,
      });
      await onPage(opened, 'sheets', async (page) => {
        await waitForText(
          page,
          '.pmo-alert',
          /^The dashboard could not be built: Google Sheets reported: You do not have permission to add a sheet\.$/,
        );
        expect(await page.locator('.pmo-status').textContent()).toBe('The dashboard was not built.');
      });
    });

    it('runs a full scoring session and writes the cell functions’ numbers, in a constant number of calls', async () => {
      const host = sidebarHost(
        [
          { name: 'Notes', values: [] },
          { name: 'Portfolio', values: portfolioWithDate() },
        ],
        'Notes',
      );
      await onPage(openSheetsSidebar(host), 'sheets', async (page) => {
        await waitForText(page, '#pmo-table-info', /Sheet "Notes" has no data/);
        await shot(page, 'sheets-1-empty');
        host.activate('Portfolio');
        await page.locator('#pmo-detect').click();
        await waitForText(page, '#pmo-table-info', /7 initiatives in A3:G10 on sheet Portfolio\./);
        const readCalls = host.calls.filter((entry) => entry.method === 'getValues');
        expect(readCalls).toHaveLength(1);
        host.clearCalls();
        await scoringSession(page, 'sheets');

        const { values, formats } = host.sheet('Portfolio');
        expect(values[1]?.[1]).toEqual(AS_OF);
        expectWrittenEqualsFunctions(
          values.map((row, r) => (r === 1 ? [] : row)),
          7,
        );
        expect(formats[HEADER_ROW - 1]?.slice(7, 10)).toEqual(['@', '@', '@']);
        expect(formats[HEADER_ROW]?.slice(7, 9)).toEqual(['0.00', '0']);
        const writeCalls = host.calls.map((entry) => `${entry.method} ${entry.a1}`);
        expect(writeCalls).toEqual([
          'getValues Portfolio!A3:J10',
          'setNumberFormats Portfolio!H3:H10',
          'setValues Portfolio!H3:H10',
          'setNumberFormats Portfolio!I3:I10',
          'setValues Portfolio!I3:I10',
          'setNumberFormats Portfolio!J3:J3',
          'setValues Portfolio!J3:J10',
        ]);
        const saved = host.properties.get(SETTINGS_KEY);
        expect(saved && JSON.parse(saved).method).toBe('ahp');
        await expectKeyboardAndLabels(page);
      });
    });

    it('reads the current selection when told to, and reads the same range when reopened', async () => {
      const host = sidebarHost([{ name: 'Portfolio', values: PORTFOLIO }], 'Portfolio');
      host.select('Portfolio', 'B3:F6');
      const first = await openSheetsSidebar(host);
      try {
        await waitForText(first.page, '#pmo-table-info', /^7 initiatives in A3:G10/);
        await first.page.locator('#pmo-use-selection').click();
        await waitForText(first.page, '#pmo-table-info', /^3 initiatives in B3:F6 on sheet Portfolio\./);
        await expect
          .poll(() => JSON.parse(host.properties.get(SETTINGS_KEY) ?? '{}').source)
          .toEqual({ kind: 'range', sheet: 'Portfolio', address: 'B3:F6' });
        expectCleanPage(first.watch, 'sheets');
      } finally {
        await first.context.close();
      }
      host.select('Portfolio', 'A1:A1');
      await onPage(openSheetsSidebar(host), 'sheets', async (page) => {
        await waitForText(page, '#pmo-table-info', /^3 initiatives in B3:F6 on sheet Portfolio\./);
      });
    });

    it('shows progress while selecting among 150 initiatives, and still writes SELECT’s exact set', async () => {
      let seed = 7;
      const random = () => {
        seed = (seed * 48_271) % 2_147_483_647;
        return seed / 2_147_483_647;
      };
      const rows: Value[][] = Array.from({ length: 150 }, (_, i) => [
        `Initiative ${i + 1}`,
        Math.round(50 + random() * 950) * 1000,
        Math.round(1 + random() * 9),
        Math.round(1 + random() * 4),
      ]);
      const totalCost = rows.reduce((sum, row) => sum + (row[1] as number), 0);
      const budget = Math.round(totalCost * 0.3);
      const host = sidebarHost(
        [{ name: 'Backlog', values: [['Initiative', 'Cost', 'Value', 'Risk'], ...rows] }],
        'Backlog',
      );
      await onPage(openSheetsSidebar(host), 'sheets', async (page) => {
        await page.locator('.pmo-criterion[data-header="Value"] input[type="checkbox"]').check();
        await page.locator('.pmo-criterion[data-header="Risk"] input[type="checkbox"]').check();
        await settle(page);
        await page.evaluate(
          "window.pmoProgressSeen = false; new MutationObserver(() => { if (!document.getElementById('pmo-progress').hidden) window.pmoProgressSeen = true; }).observe(document.getElementById('pmo-progress'), { attributes: true });",
        );
        await page.locator('#pmo-budget').fill(String(budget));
        await waitForText(
          page,
          '#pmo-summary',
          /^150 initiatives ranked by Weighted score, best first\. \d+ selected/,
        );
        expect(await page.evaluate('window.pmoProgressSeen')).toBe(true);
        await page.locator('#pmo-write').click();
        await waitForText(page, '#pmo-status', /^Wrote Score, Rank and Selected to Backlog!E1:G151\.$/);
        const written = host.sheet('Backlog').values;
        const scores = written.slice(1, 151).map((row) => [row[4] as number]);
        const expected = call('SELECT', [
          [['Cost'], ...rows.map((row) => [row[1] ?? ''])],
          [['Score'], ...scores],
          budget,
        ]);
        expect(written.slice(1, 151).map((row) => row[6])).toEqual(expected.slice(1).map((row) => row[0]));
      });
    });

    it('restores the configuration from the document properties when the sidebar reopens', async () => {
      const host = sidebarHost([{ name: 'Portfolio', values: PORTFOLIO }], 'Portfolio');
      const first = await openSheetsSidebar(host);
      try {
        await scoringSession(first.page, 'sheets-first');
        expectCleanPage(first.watch, 'sheets');
      } finally {
        await first.context.close();
      }
      await onPage(openSheetsSidebar(host), 'sheets', async (page) => {
        await expectRestoredSession(page, async () => host.sheet('Portfolio').values);
      });
    });

    it('asks in the panel before writing over a user column named Score, and overwrites it when told to', async () => {
      const values = scoredByHand();
      const host = sidebarHost([{ name: 'Backlog', values }], 'Backlog');
      await onPage(openSheetsSidebar(host, 2), 'sheets', async (page) => {
        // Loading the settings and reading the table are slow here: the progress bar shows, then goes.
        await page.locator('#pmo-progress').waitFor({ state: 'visible' });
        expect(await page.locator('.pmo-panel').getAttribute('aria-busy')).toBe('true');
        await page.locator('#pmo-setup').waitFor({ state: 'visible' });
        await page.locator('#pmo-progress').waitFor({ state: 'hidden' });
        await page.locator('.pmo-criterion[data-header="Value"] input[type="checkbox"]').check();
        await settle(page);
        await page.locator('#pmo-write').click();
        await page.locator('#pmo-confirm').waitFor({ state: 'visible' });
        expect(await text(page, '#pmo-confirm-text')).toContain('“Score”');
        expect(host.calls.filter((entry) => entry.method.startsWith('set'))).toEqual([]);
        await shot(page, 'sheets-6-conflict');
        await page.locator('#pmo-confirm-overwrite').click();
        await waitForText(page, '#pmo-status', /^Wrote Score, Rank and Selected to Backlog!E1:G3\.$/);
        const written = host.sheet('Backlog').values;
        expect(written.map((row) => row.slice(0, 4))).toEqual(values.map((row) => row.slice(0, 4)));
        expect(written.slice(0, 3).map((row) => row.slice(4, 7))).toEqual([
          ['Score', 'Rank', 'Selected'],
          [5, 2, ''],
          [8, 1, ''],
        ]);
      });
    });
  });
});
