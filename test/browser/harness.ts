// Serves the built panels to headless Chromium on fake origins and watches everything the page does: each
// request (only the page's own files and Office.js from its CDN URL are served — from dist/ and from the
// @microsoft/office-js package — every other request is aborted and recorded), console errors, uncaught page
// errors and dialogs.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, relative } from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';

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
