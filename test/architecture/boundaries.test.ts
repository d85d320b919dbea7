// The architecture's import arrows (DESIGN §2: dependencies point inward), read from the sources with the
// TypeScript parser: core imports no adapter, the panel no host adapter, adapters not each other.

import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FILES, parse, ROOT, SOURCE_FOLDERS } from './sources';

/** Which layer a repository path belongs to: its first folder, or "gsheets/client" for the sidebar's page code. */
function layerOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'gsheets' && parts[1] === 'client') return 'gsheets/client';
  return parts[0] ?? '';
}

/** The layers each layer may import from (itself always). Everything else is a forbidden arrow. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  panel: ['core'],
  'excel-addin': ['core', 'panel'],
  gsheets: ['core', 'panel', 'gsheets/client'],
  'gsheets/client': ['core', 'panel'],
  cli: ['core'],
  scripts: ['core', 'panel', 'excel-addin', 'gsheets', 'gsheets/client', 'cli'],
};

/**
 * Modules any layer may read: the package's version (the CLI prints it), and the one table of Apps Script entry
 * point names, which the Sheets server, the build and the sidebar's page (gsheets/client) all read. It imports
 * nothing, so reading it brings no server code into the page.
 */
const SHARED_DATA = new Set(['package.json', 'gsheets/entry-points']);

/** The arrows of `imports` (importer → imported, repository paths) that the architecture forbids. */
function forbiddenArrows(imports: readonly { from: string; to: string }[]): string[] {
  return imports
    .filter(({ from, to }) => {
      if (SHARED_DATA.has(to)) return false;
      const source = layerOf(from);
      const target = layerOf(to);
      return source !== target && !(ALLOWED[source] ?? []).includes(target);
    })
    .map(({ from, to }) => `${from} → ${to}`);
}

/** Every relative import and re-export of `file`, resolved to a repository path. */
function importsOf(file: string): { from: string; to: string }[] {
  const found: { from: string; to: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      node.moduleSpecifier.text.startsWith('.')
    )
      found.push({ from: file, to: relative(ROOT, resolve(ROOT, dirname(file), node.moduleSpecifier.text)) });
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return found;
}

describe('the architecture', () => {
  it('reads the sources of every layer', () => {
    expect(FILES.length).toBeGreaterThan(50);
    for (const folder of SOURCE_FOLDERS)
      expect(
        FILES.some((file) => file.startsWith(`${folder}/`)),
        folder,
      ).toBe(true);
  });

  it('has no forbidden import: core imports no adapter, the panel no host, adapters not each other', () => {
    expect(forbiddenArrows(FILES.flatMap(importsOf))).toEqual([]);
  });

  it('lets every layer read the shared modules only because they import nothing', () => {
    for (const module of SHARED_DATA)
      if (module.endsWith('.json') === false) expect(importsOf(`${module}.ts`), module).toEqual([]);
  });

  it('would see a forbidden arrow in each direction the design rules out', () => {
    expect(
      forbiddenArrows([
        { from: 'core/table.ts', to: 'excel-addin/functions' },
        { from: 'core/table.ts', to: 'cli/xlsx' },
        { from: 'core/table.ts', to: 'panel/app' },
        { from: 'panel/app.ts', to: 'excel-addin/panel-bridge' },
        { from: 'panel/app.ts', to: 'gsheets/main' },
        { from: 'excel-addin/dashboard.ts', to: 'gsheets/dashboard' },
        { from: 'gsheets/dashboard.ts', to: 'excel-addin/dashboard' },
        { from: 'cli/pmo.ts', to: 'excel-addin/dashboard' },
        { from: 'cli/pmo.ts', to: 'panel/app' },
        { from: 'gsheets/client/bridge.ts', to: 'gsheets/main' },
      ]),
    ).toHaveLength(10);
    expect(
      forbiddenArrows([
        { from: 'excel-addin/taskpane.ts', to: 'panel/app' },
        { from: 'gsheets/panel-server.ts', to: 'core/table' },
        { from: 'cli/pmo.ts', to: 'core/workbook' },
      ]),
    ).toEqual([]);
  });
});
