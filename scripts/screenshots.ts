// `npm run screenshots`: the pictures in the README, made from the bundled sample. The dashboard is built twice by
// the CLI (so the tiles show a change and the trend is there), printed to PDF by LibreOffice headless and its pages
// turned into PNG by poppler; the panels are the screenshots the browser tests take in headless Chromium, after a
// scored ranking. Installs nothing: it says what is missing and how to get it.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs/images');
const SAMPLE = join(ROOT, 'examples/pmo-sample.xlsx');
const CLI = join(ROOT, 'dist/cli/pmo.js');
/** Resolution of the dashboard's pictures: readable in a README, about 150 KB a page. */
const DPI = 80;
/**
 * The browser tests' screenshots of the first screen after Score (test/browser/panel-look.test.ts), in both hosts
 * and both themes, and the names the README shows them under.
 */
const PANELS: readonly (readonly [string, string])[] = [
  ['look-excel-light.png', 'panel-excel.png'],
  ['look-excel-dark.png', 'panel-excel-dark.png'],
  ['look-sheets-light.png', 'panel-sheets.png'],
  ['look-sheets-dark.png', 'panel-sheets-dark.png'],
  ['look-excel-light-preview.png', 'panel-sensitivity.png'],
];

function run(command: string, args: readonly string[], cwd = ROOT): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

const has = (command: string): boolean => spawnSync('which', [command]).status === 0;

function requireTools(): void {
  const missing = [
    ['soffice', 'libreoffice-calc'],
    ['pdftoppm', 'poppler-utils'],
    ['pdftotext', 'poppler-utils'],
  ].filter(([command]) => !has(command ?? ''));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))].join(' ');
  throw new Error(
    `missing ${missing.map(([command]) => command).join(', ')}: install them (Debian/Ubuntu: sudo apt-get install -y ${packages}) and run again`,
  );
}

/** The dashboard built twice on a copy of the sample, printed to PDF: the pages that are the dashboard's, as PNG. */
function dashboardPictures(work: string): string[] {
  const first = join(work, 'first.xlsx');
  const second = join(work, 'pmo-sample-dashboard.xlsx');
  run('node', [CLI, 'dashboard', SAMPLE, '-o', first]);
  run('node', [CLI, 'dashboard', first, '-o', second]);
  run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, second], work);
  const pdf = join(work, 'pmo-sample-dashboard.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1] ?? 0);
  const dashboard: number[] = [];
  for (let page = 1; page <= pages; page++) {
    const text = run('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-']);
    // The dashboard's pages: the one with its marker and those after it up to its footer.
    if (text.includes('PMO Dashboard · built by the PMO Toolkit add-in') || dashboard.length > 0)
      dashboard.push(page);
    if (dashboard.length > 0 && text.includes('by the PMO Toolkit. Rebuilding replaces this sheet only'))
      break;
  }
  if (dashboard.length === 0) throw new Error('LibreOffice printed no page of the dashboard');
  const written: string[] = [];
  dashboard.forEach((page, index) => {
    const stem = join(OUT, `dashboard-${index + 1}`);
    run('pdftoppm', [
      '-png',
      '-r',
      String(DPI),
      '-singlefile',
      '-f',
      String(page),
      '-l',
      String(page),
      pdf,
      stem,
    ]);
    written.push(`${stem}.png`);
  });
  return written;
}

/** The panels' screenshots, taken by the browser tests (they need Chromium at /usr/bin/chromium). */
function panelPictures(): string[] {
  if (!existsSync('/usr/bin/chromium'))
    throw new Error(
      'no Chromium at /usr/bin/chromium for the panels (Debian: sudo apt-get install -y chromium)',
    );
  run('npx', ['vitest', 'run', 'test/browser/panel-look.test.ts']);
  const artifacts = join(ROOT, 'test-artifacts');
  return PANELS.map(([from, to]) => {
    if (!readdirSync(artifacts).includes(from)) throw new Error(`the browser tests wrote no ${from}`);
    copyFileSync(join(artifacts, from), join(OUT, to));
    return join(OUT, to);
  });
}

try {
  requireTools();
  if (!existsSync(CLI))
    throw new Error('no dist/cli/pmo.js: run npm run build first (npm run screenshots does)');
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'pmo-screenshots-'));
  try {
    const written = [...dashboardPictures(work), ...panelPictures()];
    process.stdout.write(`${written.map((path) => `Wrote ${path.slice(ROOT.length + 1)}`).join('\n')}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
} catch (error) {
  process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
