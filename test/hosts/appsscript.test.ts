/**
 * The Google Sheets project files: appsscript.json (the Apps Script manifest), .clasp.json and
 * .claspignore, and what `clasp push` would send from dist/gsheets.
 *
 * clasp 3 answers "which files would be pushed" offline and without a login:
 * `clasp show-file-status --json` (alias `clasp status`) reads .clasp.json (rootDir) and
 * .claspignore and prints {"filesToPush": [...], "untrackedFiles": [...]}, paths relative to the
 * working directory. It only needs a scriptId to be present, not a real one.
 *
 * The dist/gsheets check needs `npm run build` first (the vitest global setup does it).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT_DIR = 'dist/gsheets';

/** Exactly the files `clasp push` must send, relative to dist/gsheets (DESIGN.md §3). */
const PUSHED_FILES: readonly string[] = [
  'Code.js',
  'appsscript.json',
  'Sidebar.html', // uncomment when the build writes the scoring sidebar (DESIGN.md §7b)
];

const EXPECTED_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
];

const scratch = mkdtempSync(join(tmpdir(), 'pmo-clasp-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

interface FileStatus {
  filesToPush: string[];
  untrackedFiles: string[];
}

/**
 * Runs the installed clasp (what `npx clasp` resolves to) in `cwd`, isolated from the developer's
 * own clasp login and clasp_config_* variables, so the answer depends on the project files only.
 */
function claspFileStatus(cwd: string): FileStatus {
  const pkgDir = join(ROOT, 'node_modules', '@google', 'clasp');
  const pkg = readJson(join(pkgDir, 'package.json')) as { bin?: Record<string, string> };
  const bin = pkg.bin?.clasp;
  if (!bin) throw new Error('@google/clasp declares no clasp bin');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    clasp_config_auth: join(scratch, 'no-login', '.clasprc.json'),
  };
  delete env.clasp_config_project;
  delete env.clasp_config_ignore;
  const result = spawnSync(process.execPath, [join(pkgDir, bin), 'show-file-status', '--json'], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `clasp show-file-status exited with ${result.status}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  const json = result.stdout.trim().split('\n').at(-1) ?? '';
  const status = JSON.parse(json) as FileStatus;
  // clasp collects files concurrently, so its order is not stable.
  return { filesToPush: [...status.filesToPush].sort(), untrackedFiles: [...status.untrackedFiles].sort() };
}

function expectedPushList(): string[] {
  return PUSHED_FILES.map((f) => `${CONTENT_DIR}/${f}`).sort();
}

describe('appsscript.json', () => {
  const manifest = readJson(join(ROOT, 'appsscript.json'));

  it('runs on the V8 runtime in the Europe/Zurich time zone with Stackdriver exception logging', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Zurich');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
  });

  it('asks for exactly the current-spreadsheet and container-UI scopes', () => {
    expect(Array.isArray(manifest.oauthScopes)).toBe(true);
    expect([...(manifest.oauthScopes as string[])].sort()).toEqual([...EXPECTED_SCOPES].sort());
  });

  it('declares no web app, API executable, add-on, URL fetch list, library or advanced service', () => {
    for (const key of ['webapp', 'executionApi', 'addOns', 'urlFetchWhitelist']) {
      expect(manifest[key], key).toBeUndefined();
    }
    const dependencies = (manifest.dependencies ?? {}) as Record<string, unknown>;
    expect(dependencies.libraries ?? []).toEqual([]);
    expect(dependencies.enabledAdvancedServices ?? []).toEqual([]);
  });
});

describe('the clasp project', () => {
  it('pushes from dist/gsheets and carries a script id placeholder that says to replace it', () => {
    const clasp = readJson(join(ROOT, '.clasp.json'));
    expect(clasp.rootDir).toBe(CONTENT_DIR);
    expect(typeof clasp.scriptId).toBe('string');
    expect(clasp.scriptId as string).toMatch(/replace/i);
  });

  it('would push exactly the Apps Script files and ignore anything else the build leaves in dist/gsheets', () => {
    // A scratch project with the real .clasp.json and .claspignore, stand-in build outputs and decoys.
    const project = join(scratch, 'project');
    mkdirSync(project, { recursive: true });
    for (const file of ['.clasp.json', '.claspignore']) {
      if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(project, file));
    }
    const decoys = [
      'Code.js.map',
      'Code.gs',
      'stray.js',
      'notes.txt',
      'panel/Sidebar.html',
      'lib/extra.js',
      '.hidden.js',
    ];
    for (const file of [...PUSHED_FILES, ...decoys]) {
      const path = join(project, CONTENT_DIR, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.endsWith('.json') ? '{}\n' : `// stand-in for ${file}\n`);
    }
    const status = claspFileStatus(project);
    expect(status.filesToPush).toEqual(expectedPushList());
    expect(status.untrackedFiles.length).toBeGreaterThan(0);
  });

  it('would push exactly the expected files from the built dist/gsheets', () => {
    const built = join(ROOT, CONTENT_DIR);
    if (!existsSync(built)) {
      throw new Error(
        `${CONTENT_DIR} does not exist (${built}). Run \`npm run build\` first; the vitest global setup is meant to build before the tests.`,
      );
    }
    expect(claspFileStatus(ROOT).filesToPush).toEqual(expectedPushList());
  });

  it('ships the same appsscript.json in dist/gsheets as at the repository root', () => {
    const built = join(ROOT, CONTENT_DIR, 'appsscript.json');
    if (!existsSync(built)) {
      throw new Error(`${built} does not exist. Run \`npm run build\` first.`);
    }
    expect(readJson(built)).toEqual(readJson(join(ROOT, 'appsscript.json')));
  });
});
