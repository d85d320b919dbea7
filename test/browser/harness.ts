// Serves the built panels to headless Chromium on fake origins and watches everything the page does: each
// request (only the page's own files and Office.js from its CDN URL are served — from dist/ and from the
// @microsoft/office-js package — every other request is aborted and recorded), console errors, uncaught page
// errors and dialogs. The Sheets sidebar is opened with google.script.run answered by a spreadsheet's bound Code.js
// (test/fakes/sheets), each server call recorded; a page is clean when it did none of the things it must not.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, relative } from 'node:path';
import { build } from 'esbuild';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { FakeWorkbookSetup } from '../fakes/excel';
import {
  loadSpreadsheetScript,
  SCRIPT_RUN_PAGE_ENTRY,
  type SpreadsheetScript,
  serverFunctionNames,
} from '../fakes/sheets';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

/** The dev-server origin of manifest.xml, serving dist/excel/. */
export const EXCEL_ORIGIN = 'https://localhost:3000/';
/** A stand-in for the googleusercontent.com frame HtmlService serves the sidebar from. */
export const SHEETS_ORIGIN = 'https://script.google.test/';
/** Office.js at the URL the production page loads it from; served from node_modules/@microsoft/office-js. */
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const OFFICE_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');

/**
 * Office.js, loaded outside Office, adds a hidden telemetry iframe (telemetryservice.firstpartyapps.oaspapps.com)
 * three seconds after load. The task pane's Content-Security-Policy (default-src 'self') blocks it before any
 * request is made, and Chromium reports the blocked frame on the console. That one message comes from Office.js
 * meeting our policy, not from our code, so it is the only console error the tests accept.
 */
export const OFFICE_TELEMETRY_BLOCKED =
  /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** What a page did: requests served and aborted, console errors, uncaught errors, dialogs. */
export interface PageWatch {
  readonly served: string[];
  /** Requests to anything but the page's own files and Office.js: aborted. Must stay empty. */
  readonly aborted: string[];
  /** Requests to the page's origin for files that do not exist (404). Must stay empty. */
  readonly missing: string[];
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly dialogs: string[];
}

/** Text a user typed that a spreadsheet would read as a formula if the add-in ever wrote it back without care. */
export const FORMULA_TEXT = '=HYPERLINK("x")';

/**
 * The workbook both hosts' Tables view tests open: an initiatives sheet discovery finds, and a risk log whose headers
 * it cannot read (one of its risks named like a formula).
 */
export const TABLES_VIEW_SHEETS = [
  {
    name: 'Portfolio',
    values: [
      ['ID', 'Initiative', 'Cost', 'Value'],
      ['I-01', 'CRM replacement', 400_000, 8],
      ['I-02', 'Data platform', 350_000, 9],
    ],
  },
  {
    name: 'Log',
    values: [
      ['Ref', 'What', 'Odds', 'Damage', 'Who'],
      ['R1', 'Vendor late', 4, 3, 'Ana'],
      ['R2', FORMULA_TEXT, 2, 5, 'Ben'],
    ],
  },
];

/** Bundles a test fake for the page (an IIFE string for addInitScript). */
export async function pageScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * The built files the pages load, read once: other runs (a concurrent `npm run build`, another test run's global
 * setup) may delete and rebuild dist/ while the browser tests are running.
 */
export interface BuiltFiles {
  /** dist/excel, by path relative to it ("taskpane.html", "assets/icon-32.png"). */
  readonly excel: ReadonlyMap<string, Buffer>;
  readonly sidebar: Buffer;
  readonly code: string;
}

function filesUnder(base: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(base, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(base);
  return files;
}

/** Reads the built panels (the vitest global setup has just built dist/). */
export function readBuiltFiles(): BuiltFiles {
  return {
    excel: filesUnder(join(DIST, 'excel')),
    sidebar: readFileSync(join(DIST, 'gsheets/Sidebar.html')),
    code: readFileSync(join(DIST, 'gsheets/Code.js'), 'utf8'),
  };
}

function fileUnder(base: string, path: string): string | undefined {
  const full = normalize(join(base, path));
  return full.startsWith(base) && existsSync(full) ? full : undefined;
}

/** A browser context 320 px wide whose every request goes through the routes above, and a watched page. */
export async function openPage(
  browser: Browser,
  built: BuiltFiles,
  initScripts: readonly string[],
): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const context = await browser.newContext({
    viewport: { width: 320, height: 900 },
    locale: 'en-US',
    serviceWorkers: 'block',
  });
  const watch: PageWatch = {
    served: [],
    aborted: [],
    missing: [],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
  };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const path = url.split(/[?#]/)[0] ?? url;
    let body: Buffer | undefined;
    let name = path;
    let own = false;
    if (path.startsWith(EXCEL_ORIGIN)) {
      own = true;
      name = path.slice(EXCEL_ORIGIN.length) || 'taskpane.html';
      body = built.excel.get(name);
    } else if (path.startsWith(SHEETS_ORIGIN)) {
      own = true;
      name = 'Sidebar.html';
      body = path === SHEETS_ORIGIN ? built.sidebar : undefined;
    } else if (path.startsWith(OFFICE_CDN)) {
      own = true;
      const file = fileUnder(OFFICE_DIST, path.slice(OFFICE_CDN.length));
      name = file ?? path;
      body = file ? readFileSync(file) : undefined;
    }
    if (body) {
      watch.served.push(url);
      await route.fulfill({
        status: 200,
        contentType: TYPES[extname(name)] ?? 'application/octet-stream',
        body,
      });
    } else if (own) {
      watch.missing.push(url);
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    } else {
      watch.aborted.push(url);
      await route.abort('blockedbyclient');
    }
  });
  for (const script of initScripts) await context.addInitScript({ content: script });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { context, page, watch };
}

/** Waits until queued work has run: two animation frames and a short timer (the panel recomputes on a timer). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 30))))',
  );
  // A function, not a string: a string predicate is eval'ed in the page, which the task pane's CSP forbids.
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { document: { querySelector(css: string): unknown } }).document.querySelector(
        '.pmo-panel[aria-busy]',
      ) === null,
  );
}

/** The page's document as functions run in the page see it (the tests are compiled without the DOM types). */
interface PageDocument {
  querySelector(css: string): { textContent: string | null } | null;
}

/** Waits until the text of the first element matching `selector` matches `pattern`, and returns that text. */
export async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<string> {
  // A function, not a string: a string predicate is eval'ed in the page, which the task pane's CSP forbids.
  await page.waitForFunction(
    ([css, source]) =>
      new RegExp(source).test(
        (globalThis as unknown as { document: PageDocument }).document.querySelector(css)?.textContent ?? '',
      ),
    [selector, pattern.source] as const,
  );
  return (await page.locator(selector).textContent()) ?? '';
}

/**
 * Checks a page stayed clean: no request outside its own files and Office.js, none for a missing file, no uncaught
 * error, no dialog, no console error (in Excel, but for Office.js's blocked telemetry frame).
 */
export function expectCleanPage(watch: PageWatch, host: 'excel' | 'sheets'): void {
  expect(watch.aborted, 'requests outside the page and Office.js').toEqual([]);
  expect(watch.missing, 'requests for files that do not exist').toEqual([]);
  expect(watch.pageErrors, 'uncaught page errors').toEqual([]);
  expect(watch.dialogs, 'dialogs').toEqual([]);
  const errors = watch.consoleErrors.filter(
    (message) => !(host === 'excel' && OFFICE_TELEMETRY_BLOCKED.test(message)),
  );
  expect(errors, 'console errors').toEqual([]);
}

export interface SidebarOptions {
  /** The first `slowCalls` server calls answer after 500 ms (a slow Apps Script). */
  readonly slowCalls?: number;
  /** What the menu item appended to Sidebar.html (HtmlService serves the file with it: the dashboard dialog). */
  readonly appended?: string;
  /** Scripts run in the page after google.script.run is installed (google.script.host, for a dialog). */
  readonly initScripts?: readonly string[];
}

/** An opened sidebar page, and the server functions its google.script.run called, in order (the round trips). */
export interface OpenedSidebar {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly watch: PageWatch;
  readonly serverCalls: string[];
}

/**
 * Opens Sidebar.html on its fake origin with google.script.run (`scriptRunPage`: the bundled
 * SCRIPT_RUN_PAGE_ENTRY) offering `script`'s server functions; each call runs `script`'s Code.js in Node.
 */
export async function openSidebar(
  browser: Browser,
  built: BuiltFiles,
  scriptRunPage: string,
  script: Pick<SpreadsheetScript, 'global' | 'callServer'>,
  options: SidebarOptions = {},
): Promise<OpenedSidebar> {
  const files =
    options.appended === undefined
      ? built
      : { ...built, sidebar: Buffer.concat([built.sidebar, Buffer.from(options.appended)]) };
  const opened = await openPage(browser, files, [
    scriptRunPage,
    `pmoInstallScriptRun(${JSON.stringify(serverFunctionNames(script.global))});`,
    ...(options.initScripts ?? []),
  ]);
  const serverCalls: string[] = [];
  const slowCalls = options.slowCalls ?? 0;
  await opened.page.exposeBinding('pmoScriptServer', async (_source, name: string, argsJson: string) => {
    const slow = serverCalls.length < slowCalls;
    serverCalls.push(name);
    if (slow) await new Promise((resolve) => setTimeout(resolve, 500));
    return script.callServer(name, argsJson);
  });
  await opened.page.goto(SHEETS_ORIGIN);
  return { ...opened, serverCalls };
}

/** What the panel suites share: one Chromium, the built files, and the bundled fakes of Excel and google.script.run. */
export interface PanelBrowser {
  readonly browser: Browser;
  readonly built: BuiltFiles;
  /** test/fakes/excel/browser-entry.ts, bundled for addInitScript. */
  readonly fakeExcel: string;
  /** The google.script.run page fake (SCRIPT_RUN_PAGE_ENTRY), bundled. */
  readonly fakeScriptRun: string;
}

/**
 * Launches Chromium and bundles the page fakes before the suite's tests (beforeAll) and closes it after them
 * (afterAll); call inside a describe. The returned object's fields are set once beforeAll has run.
 */
export function usePanelBrowser(): PanelBrowser {
  const shared = { browser: undefined, built: undefined, fakeExcel: '', fakeScriptRun: '' } as unknown as {
    -readonly [K in keyof PanelBrowser]: PanelBrowser[K];
  };
  beforeAll(async () => {
    shared.built = readBuiltFiles();
    shared.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    shared.fakeExcel = await pageScript('../fakes/excel/browser-entry.ts');
    shared.fakeScriptRun = await pageScript(SCRIPT_RUN_PAGE_ENTRY);
  });
  afterAll(async () => {
    await shared.browser?.close();
  });
  return shared;
}

/** Opens the sidebar on a spreadsheet of `sheets` (Zurich time) with `active` active, its Code.js the built one. */
export async function openSidebarOn(
  shared: PanelBrowser,
  sheets: { name: string; values: readonly (readonly unknown[])[] }[],
  active: string,
): Promise<OpenedSidebar & { readonly script: SpreadsheetScript }> {
  const script = loadSpreadsheetScript({
    timeZone: 'Europe/Zurich',
    code: shared.built.code,
    sheets,
    active,
  });
  const opened = await openSidebar(shared.browser, shared.built, shared.fakeScriptRun, script);
  return { ...opened, script };
}

/** Opens the Excel task pane (real Office.js, the fake Excel of `setup`) and starts the scoring panel. */
export async function openTaskpaneOn(
  shared: PanelBrowser,
  setup: FakeWorkbookSetup,
): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const opened = await openPage(shared.browser, shared.built, [
    shared.fakeExcel,
    `pmoFakeExcel.setup(${JSON.stringify(setup)});`,
  ]);
  await opened.page.goto(`${EXCEL_ORIGIN}taskpane.html`);
  await opened.page.waitForFunction('window.pmoTaskpane !== undefined');
  await opened.page.evaluate('pmoFakeExcel.installDocument(); pmoTaskpane.startScoringPanel();');
  return opened;
}
