// Builds every shipped artefact: dist/excel (custom functions, shared-runtime page, metadata, assets),
// dist/gsheets (one-file Code.js with generated stubs, appsscript.json) and dist/cli (the pmo command).

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minify } from 'terser';
import { CAPACITY_FUNCTIONS } from '../core/functions/capacity-functions';
import { CATALOG } from '../core/functions/catalog';
import { RISK_FUNCTIONS } from '../core/functions/risk-functions';
import { CAPACITY_FUNCTIONS_SCRIPT, RISK_FUNCTIONS_SCRIPT } from '../excel-addin/lazy-global';
import { helpTextOut } from './help-text';
import {
  appsScriptEntryPoints,
  appsScriptStubs,
  excelFunctionsJson,
  functionListHtml,
  GENERATED_NOTICE,
} from './host-metadata';
import { writeReadmeReference } from './readme-reference';
import { publishingEntry, sharedCoreModules, sharedCorePlugin } from './shared-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const BUNDLE_GLOBAL = 'PMO';

/**
 * The catalog families Excel's functions.js does not carry: each is a script beside it, loaded on the first call of
 * one of its functions (excel-addin/lazy-functions.ts), built from `entry` on functions.js's copy of core.
 */
export const LAZY_FAMILIES = [
  { script: RISK_FUNCTIONS_SCRIPT, entry: 'excel-addin/risk-functions-script.ts', functions: RISK_FUNCTIONS },
  {
    script: CAPACITY_FUNCTIONS_SCRIPT,
    entry: 'excel-addin/capacity-functions-script.ts',
    functions: CAPACITY_FUNCTIONS,
  },
] as const;

/**
 * Size budgets of the shipped scripts, in KiB (1,024 bytes; DESIGN §9). Apps Script evaluates the whole of Code.js
 * before every custom-function call, so its size is latency in every cell; functions.js loads with the workbook.
 * Enforced by test/hosts/bundles.test.ts and printed by `npm run bench`.
 */
export const BUNDLE_BUDGETS_KIB: Readonly<Record<string, number>> = {
  // DESIGN §9's 150. Issue 13.4 had raised it to 158 for the table mapping the dashboard reads; since the dashboard
  // is planned in the dialog page (gsheets/client/dashboard-runner.ts), discovery and the mapping are not in Code.js.
  'gsheets/Code.js': 150,
  'excel/functions.js': 100,
  // The risk family, which functions.js loads on the first call of one of its functions (issue 17: functions.js had
  // 5 bytes left, and the next families need room): 10.1 KiB, the shared core staying in functions.js.
  'excel/risk-functions.js': 12,
  // The capacity-planning family (issue 18: DEMAND, SUPPLY, CAPACITY_GAP), loaded on first call like the risk one.
  'excel/capacity-functions.js': 8,
  // The task pane reuses functions.js's copy of core (scripts/shared-core.ts): it holds the panel and the
  // dashboard only, and a second copy of core would push it far past this. 80 until issue 13: the Excel dashboard
  // now carries discovery by content, the saved table mapping and the ranges it names (78.4 → 88.6 KiB; these
  // modules are not in functions.js to share). DESIGN §9 budgets Code.js and functions.js, not the pane, which
  // loads once when the add-in starts, not before every call; 92 kept it watched. 100 since issue 13 item 4: the
  // Tables view (the found tables, their controls, and writing the PMO Data sheet) adds 10 KiB. 104 since issue
  // 14.5: discovery of time-phased plans (period headers, row labels) adds 1 KiB to the dashboard's copy. 108 since
  // issue 14.4: a matrix's own weights and directions (read by discovery, ranked and checked by the dashboard) and
  // reading further tables of a kind add 4 KiB; nothing in the pane was left to cut without losing a feature. 115
  // since issue 14.2–14.4: the workbook's own risk legend (found, parsed, coloured by rank) and label definitions add
  // 5.6 KiB, the scoring panel reading a matrix's weights and direction rows 2.3 KiB. 93 since the dashboard builder
  // (build, ranking, legend, definitions) moved into dashboard.js, which the ribbon command loads when it first runs
  // (115.0 → 92.9 KiB); discovery and the plan renderer stay, as the Tables view needs them. 94: room for the
  // settings-row check that landed beside it (93.0 KiB). 97 since issue 14.5's plans kept one sheet per month
  // (discovery reads a sheet's name as its period and joins the month sheets into one table): 93.7 → 96.1 KiB. 99
  // since issue 15.2–15.6: the renderer the pane shares with the dashboard sets row heights, vertical alignment and
  // the print setup, and the PMO Data sheet the Tables view writes keeps any section by title (the build history
  // beside the mapping): 96.5 → 97.9 KiB. 100 since issue 15.5 (the number formats the dashboard reads, in the
  // shared sheet reader: 98.3) and 16.3 (only columns of numbers offered as criteria, the others named with why: 99.4).
  // 102 since issue 16.5's "why this rank" (each criterion's part of an initiative's score, WSJF's formula with its
  // inputs, in the ranked list): 101.9. 112 since issue 16.1, 16.2 and 16.6: the setup folded to one line, the host's
  // theme (Office's or the system's, light and dark) and the weight sensitivity (each weight's range by bisection
  // over the exact selection, a slider that previews the ranking): 101.9 → 111.4 KiB. 114 since 16.4 and 16.5: where
  // the results will go, said before writing, and RICE's inputs as RICE read them in "why this rank": 113.4 KiB. 117
  // since 16.4's scores sheet (results that find the columns right of the table taken go to the add-in's own "PMO
  // Scores" sheet, ranked, with each initiative's name and row): 116.7 KiB. 118 since issue 17: AHP's repair
  // suggestion, which only the pane shows, left functions.js (core/prioritization/ahp-repair.ts) for room under its
  // DESIGN budget, and the pane now carries it: 116.2 → 117.0 KiB. 113 since functions.js publishes each shared
  // module as a list read back by position: the pane reads those names as its own minified variables, no longer as
  // properties of a shared object (116.5 → 112.5 KiB).
  'excel/taskpane.js': 113,
  // The dashboard builder, loaded by the "Build dashboard" command when it first runs (excel-addin/commands.ts): 57.0
  // KiB, on functions.js's copy of core like the task pane. It carries its own copy of discovery and the renderer,
  // which the task pane also holds; loaded once per session, on demand. 61 since issue 14.5's plans kept one sheet
  // per month (the same discovery, those sheets named in the title line, and the note when no booking falls in the
  // heatmap's weeks): 57.6 → 60.8 KiB. 65 since issue 14.2's risk matrices (a workbook's own level for each likelihood
  // × impact label, found, oriented and applied): 60.8 → 64.7 KiB. 66 since issue 15.4's window (a plan wholly in
  // the past or the future shown by its own last or first 12 weeks, and said so): 65.3 KiB. 68 since issue 15.3–15.5's
  // grid layout (spanned cells, charts kept clear of the sections) and top risks a leader reads (the risk's words,
  // owner, residual, response, status): 67.3 KiB. 75 since issue 15.1–15.2's headline tiles (with the change since
  // the previous build), the build history written to the PMO Data sheet and the trend of the last builds: 73.9 KiB.
  // 77 since issue 15.5's money in the workbook's own currency (the source cells' formats read, and the currency's
  // symbol and place found for the money in words) and labelled bars: 73.7 → 76.4 KiB. 78 since issue 17: placing a
  // register's risks with their IDs (core/risk/register-heatmap.ts) left functions.js, where HEATMAP now only counts,
  // for this lazily loaded bundle: 76.4 → 77.3 KiB. 73 since the shared modules are read back by position, as for
  // the task pane (76.3 → 71.9 KiB).
  'excel/dashboard.js': 73,
};

/**
 * A second, stronger minification of a shipped script (terser, two compress passes): esbuild bundles and minifies
 * fast, terser then saves a further 2–3% that the size budgets need. Its one unsafe transform, `unsafe_arrows`,
 * writes a function expression that uses neither `this` nor `arguments` as an arrow (0.7 KiB of functions.js): safe
 * here because the bundles hold only our TypeScript, which never calls `new` on a function expression (classes stay
 * classes). Comments are dropped (the Apps Script stubs with their JSDoc are appended after this step).
 */
async function compact(code: string): Promise<string> {
  const result = await minify(code, {
    ecma: 2020,
    compress: { passes: 2, unsafe_arrows: true },
    mangle: true,
    format: { comments: false },
  });
  if (result.code === undefined) throw new Error('terser returned no code');
  return result.code;
}

/** Rewrites a built script through {@link compact}, keeping its first-line banner. */
async function compactFile(path: string, banner: string): Promise<void> {
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, `${banner === '' ? '' : `${banner}\n`}${await compact(text)}\n`);
}

/** The function reference page with its list filled from the catalog (static: no script carries the descriptions). */
function helpHtml(page: string): string {
  const empty = '<ul id="function-list" class="functions"></ul>';
  if (!page.includes(empty)) throw new Error(`excel-addin/help.html has no ${empty} to fill`);
  return page.replace(empty, `<ul id="function-list" class="functions">${functionListHtml(CATALOG)}</ul>`);
}

// Members ending in "_" are private to the bundle (the selection search's state): the minifier renames them,
// which keeps a class as small as a closure. No host-visible or JSON name ends in "_".
const common = {
  bundle: true,
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
  mangleProps: /_$/,
} as const;
// The Excel scripts run in Office's webviews: WebView2 (Edge, Chromium) on Windows, the system WebKit on the Mac,
// a browser for Excel on the web. They already needed ES2020 (?. and ??), which the Internet Explorer 11 and
// Edge Legacy webviews of older volume-licensed Office never ran; ES2022 keeps class fields as they are written
// instead of a helper call per field (0.9 KiB of functions.js). Code.js stays ES2020: Apps Script's V8 runtime
// is not documented to parse class fields.
const excel = { ...common, target: 'es2022' } as const;

/**
 * The Excel scripts: functions.js (with the shared core it publishes), the families it loads on first call, the
 * task pane and the dashboard builder, each on functions.js's copy of core.
 */
async function buildExcelScripts(): Promise<void> {
  // One copy of core in Excel's shared runtime: functions.js publishes the modules taskpane.js and dashboard.js need.
  const functionsEntry = join(root, 'excel-addin/functions.ts');
  const taskpaneEntry = join(root, 'excel-addin/taskpane.ts');
  const dashboardEntry = join(root, 'excel-addin/dashboard-script.ts');
  const familyEntries = LAZY_FAMILIES.map((family) => join(root, family.entry));
  const sharedCore = await sharedCoreModules(
    root,
    functionsEntry,
    [taskpaneEntry, dashboardEntry],
    familyEntries,
  );
  const lazyFamilies = LAZY_FAMILIES.map(({ script, functions }) => ({
    script,
    names: functions.map((spec) => spec.name),
  }));
  await build({
    ...excel,
    stdin: publishingEntry(root, functionsEntry, sharedCore),
    outfile: join(dist, 'excel/functions.js'),
    format: 'iife',
    minify: true,
    define: { PMO_LAZY_FAMILIES: JSON.stringify(lazyFamilies) },
    // No help text: the function reference is written into help.html below, the rest is functions.json.
    plugins: [helpTextOut()],
  });
  await compactFile(join(dist, 'excel/functions.js'), `// ${GENERATED_NOTICE}`);
  // The families functions.js loads on their first call (excel-addin/lazy-functions.ts), on its copy of core.
  for (const { script, entry } of LAZY_FAMILIES) {
    await build({
      ...excel,
      entryPoints: [join(root, entry)],
      outfile: join(dist, 'excel', script),
      format: 'iife',
      minify: true,
      plugins: [helpTextOut(), sharedCorePlugin(root, sharedCore, script)],
    });
    await compactFile(join(dist, 'excel', script), '');
  }
  await build({
    ...excel,
    entryPoints: [taskpaneEntry],
    outfile: join(dist, 'excel/taskpane.js'),
    format: 'iife',
    minify: true,
    plugins: [sharedCorePlugin(root, sharedCore)],
  });
  await compactFile(join(dist, 'excel/taskpane.js'), '');
  // The dashboard builder, loaded by the ribbon command when it first runs (excel-addin/commands.ts).
  await build({
    ...excel,
    entryPoints: [dashboardEntry],
    outfile: join(dist, 'excel/dashboard.js'),
    format: 'iife',
    minify: true,
    plugins: [sharedCorePlugin(root, sharedCore, 'dashboard.js')],
  });
  await compactFile(join(dist, 'excel/dashboard.js'), '');
}

/** Builds everything into dist/; returns the sizes of the shipped scripts in bytes. */
export async function buildAll(): Promise<Record<string, number>> {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(join(dist, 'excel'), { recursive: true });
  mkdirSync(join(dist, 'gsheets'), { recursive: true });
  await buildExcelScripts();
  cpSync(join(root, 'excel-addin/taskpane.css'), join(dist, 'excel/taskpane.css'));
  cpSync(join(root, 'excel-addin/taskpane.html'), join(dist, 'excel/taskpane.html'));
  writeFileSync(
    join(dist, 'excel/help.html'),
    helpHtml(readFileSync(join(root, 'excel-addin/help.html'), 'utf8')),
  );
  if (existsSync(join(root, 'panel/panel.css')))
    cpSync(join(root, 'panel/panel.css'), join(dist, 'excel/panel.css'));
  if (existsSync(join(root, 'assets')))
    cpSync(join(root, 'assets'), join(dist, 'excel/assets'), { recursive: true });
  writeFileSync(
    join(dist, 'excel/functions.json'),
    `${JSON.stringify(excelFunctionsJson(CATALOG), null, 2)}\n`,
  );

  const sheetsBundle = await build({
    ...common,
    entryPoints: [join(root, 'gsheets/main.ts')],
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    write: false,
    // Minified: the bundle is evaluated before every call. The PMO_* stubs below stay readable, with their JSDoc,
    // so the bundle needs none of the catalog's help text.
    minify: true,
    plugins: [helpTextOut()],
  });
  const bundleText = await compact(sheetsBundle.outputFiles[0]?.text ?? '');
  writeFileSync(
    join(dist, 'gsheets/Code.js'),
    `// ${GENERATED_NOTICE}\n// Google Sheets custom functions PMO_*: paste into the Apps Script editor or push with clasp.\n\n${bundleText}\n${appsScriptStubs(CATALOG, BUNDLE_GLOBAL)}\n\n${appsScriptEntryPoints(BUNDLE_GLOBAL)}\n`,
  );
  cpSync(join(root, 'appsscript.json'), join(dist, 'gsheets/appsscript.json'));
  if (existsSync(join(root, 'gsheets/Sidebar.html'))) await buildSidebar();

  if (existsSync(join(root, 'cli/pmo.ts')))
    await build({
      ...common,
      entryPoints: [join(root, 'cli/pmo.ts')],
      outfile: join(dist, 'cli/pmo.js'),
      platform: 'node',
      format: 'esm',
      target: 'node20',
      banner: {
        js: "#!/usr/bin/env node\nimport { createRequire as __pmoCreateRequire } from 'node:module';\nconst require = __pmoCreateRequire(import.meta.url);",
      },
    });

  const sizes: Record<string, number> = {};
  for (const file of [
    'excel/functions.js',
    ...LAZY_FAMILIES.map(({ script }) => `excel/${script}`),
    'excel/taskpane.js',
    'excel/dashboard.js',
    'gsheets/Code.js',
    'gsheets/Sidebar.html',
    'cli/pmo.js',
  ]) {
    if (existsSync(join(dist, file))) sizes[file] = readFileSync(join(dist, file)).length;
  }
  return sizes;
}

/**
 * dist/gsheets/Sidebar.html: gsheets/Sidebar.html with panel/panel.css and the bundled gsheets/client/sidebar-entry.ts
 * inlined at its two inline markers (HtmlService serves one file; the sidebar must load nothing else).
 */
async function buildSidebar(): Promise<void> {
  const script = await build({
    entryPoints: [join(root, 'gsheets/client/sidebar-entry.ts')],
    plugins: [helpTextOut()],
    bundle: true,
    mangleProps: /_$/,
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
    format: 'iife',
    minify: true,
    write: false,
  });
  // Inside <script> and <style>, only a closing tag could end the element early: break it up.
  const js = (script.outputFiles[0]?.text ?? '').replace(/<\/(script)/gi, '<\\/$1');
  const css = readFileSync(join(root, 'panel/panel.css'), 'utf8').replace(/<\/(style)/gi, '<\\/$1');
  const template = readFileSync(join(root, 'gsheets/Sidebar.html'), 'utf8');
  const inlined = template
    .replace(/\/\* PMO:INLINE panel\.css \*\//, () => css)
    .replace(/\/\* PMO:INLINE sidebar\.js \*\//, () => js);
  if (/PMO:INLINE/.test(inlined)) throw new Error('gsheets/Sidebar.html: an inline marker was not replaced.');
  writeFileSync(join(dist, 'gsheets/Sidebar.html'), inlined);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = await buildAll();
  for (const [file, bytes] of Object.entries(sizes))
    console.log(`dist/${file}  ${(bytes / 1024).toFixed(1)} KiB`);
  // Only the command writes README.md: buildAll() also runs before every test run, which must not edit sources.
  if (writeReadmeReference()) console.log('README.md  function reference regenerated from the catalog');
}
