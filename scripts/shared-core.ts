// One copy of core in Excel's shared runtime. taskpane.html loads functions.js and then taskpane.js on the same
// page (the custom functions, the ribbon commands and the task pane share one runtime), and the ribbon command adds
// dashboard.js when it first runs, so neither taskpane.js nor dashboard.js bundles the core modules functions.js
// holds: functions.js publishes what the pages take of those modules on one global (each module under its position
// in the shared list, its names as a list in a fixed order), and the page builds resolve their imports to it.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import ts from 'typescript';

/** The global functions.js publishes the shared core modules on, each under its position in the shared list. */
export const SHARED_CORE_GLOBAL = '__pmoSharedCore';

const NAMESPACE = 'pmo-shared-core';

/** The modules an entry reaches, as paths relative to `root` (from esbuild's metafile). */
async function graphOf(root: string, entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

/** The repository path a relative import from folder `fromDir` (absolute) resolves to, when it is a .ts file. */
function resolveImport(root: string, fromDir: string, specifier: string): string | undefined {
  const base = join(fromDir, specifier);
  const file = [`${base}.ts`, join(base, 'index.ts'), base].find(
    (candidate) => candidate.endsWith('.ts') && existsSync(candidate),
  );
  return file === undefined ? undefined : relative(root, file);
}

/**
 * What the task pane takes from each shared module: the names its own files import at run time, or '*' when one
 * of them takes the whole module (a namespace import or `export *`).
 */
function importedNames(
  root: string,
  files: readonly string[],
  shared: ReadonlySet<string>,
): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      const target = resolveImport(root, join(root, dirname(file)), specifier.text);
      if (target === undefined || !shared.has(target)) continue;
      const taken = names.get(target) ?? new Set<string>();
      names.set(target, taken);
      const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
      if (clause?.isTypeOnly || (ts.isExportDeclaration(statement) && statement.isTypeOnly)) continue;
      const bindings = ts.isImportDeclaration(statement) ? clause?.namedBindings : statement.exportClause;
      if (!bindings || ts.isNamespaceImport(bindings) || ts.isNamespaceExport(bindings)) taken.add('*');
      else
        for (const element of bindings.elements)
          if (!element.isTypeOnly) taken.add((element.propertyName ?? element.name).text);
    }
  }
  return names;
}

/** A shared core module and what functions.js publishes of it: some names, or the whole module ('*'). */
export interface SharedModule {
  readonly path: string;
  readonly names: readonly string[];
}

/**
 * The core modules both functions.js and a page script would hold (those a page entry — the task pane, the
 * dashboard builder — reaches that the functions entry also reaches), each with the names the page scripts' own code
 * imports from it. Found from esbuild's metafile and the scripts' imports, so a new import needs no list kept by hand.
 */
export async function sharedCoreModules(
  root: string,
  functionsEntry: string,
  pageEntries: readonly string[],
  familyEntries: readonly string[] = [],
): Promise<SharedModule[]> {
  const inFunctions = new Set(await graphOf(root, functionsEntry));
  const graphs = await Promise.all([...pageEntries, ...familyEntries].map((entry) => graphOf(root, entry)));
  const pages = [...new Set(graphs.flat())];
  // A core module a family script shares with a page or another family goes into functions.js too, so that the
  // page and the family run on one copy (the family's own modules stay in its script).
  const families = graphs.slice(pageEntries.length);
  const reachedBy = (path: string) => graphs.filter((graph) => graph.includes(path)).length;
  const sharedByFamily = (path: string) =>
    families.some((graph) => graph.includes(path)) && reachedBy(path) > 1;
  const shared = new Set(
    pages.filter((path) => path.startsWith('core/') && (inFunctions.has(path) || sharedByFamily(path))),
  );
  const names = importedNames(
    root,
    pages.filter((path) => path.endsWith('.ts') && !shared.has(path)),
    shared,
  );
  return [...shared].map((path) => ({ path, names: [...(names.get(path) ?? [])].sort() }));
}

/**
 * The functions.js entry: the custom functions, then what the task pane needs of the shared modules, published on
 * SHARED_CORE_GLOBAL (only the names it imports, so functions.js keeps nothing else of those modules).
 */
export function publishingEntry(
  root: string,
  functionsEntry: string,
  modules: readonly SharedModule[],
): { contents: string; resolveDir: string; loader: 'ts'; sourcefile: string } {
  const lines = [`import './${relative(root, functionsEntry)}';`];
  const entries: string[] = [];
  modules.forEach(({ path, names }, i) => {
    if (names.length === 0) return;
    if (names.includes('*')) {
      lines.push(`import * as shared${i} from './${path}';`);
      entries.push(`  ${i}: shared${i},`);
      return;
    }
    lines.push(
      `import { ${names.map((name) => `${name} as shared${i}_${name}`).join(', ')} } from './${path}';`,
    );
    // Each name under its position in `names` (the page scripts' plugin reads them back by position): the names
    // themselves would cost functions.js 0.7 KiB of property keys.
    entries.push(`  ${i}: [${names.map((name) => `shared${i}_${name}`).join(', ')}],`);
  });
  return {
    contents: [
      ...lines,
      `(globalThis as Record<string, unknown>).${SHARED_CORE_GLOBAL} = Object.freeze({`,
      ...entries,
      '});',
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'functions-with-shared-core.ts',
  };
}

/**
 * For a page script's build (`script`: taskpane.js, dashboard.js): an import of a shared module becomes a read of
 * SHARED_CORE_GLOBAL, which fails loudly when functions.js was not loaded first.
 */
export function sharedCorePlugin(
  root: string,
  modules: readonly SharedModule[],
  script = 'taskpane.js',
): Plugin {
  // A module is published under its position in `modules` (a short key: the paths would cost functions.js 0.5 KiB).
  const byPath = new Map(modules.map((module, i) => [module.path, { key: i, names: module.names }]));
  return {
    name: 'pmo-shared-core',
    setup(plugin) {
      plugin.onResolve({ filter: /^\.\.?\// }, (args) => {
        const path = resolveImport(root, args.resolveDir, args.path);
        return path !== undefined && byPath.has(path) ? { path, namespace: NAMESPACE } : undefined;
      });
      plugin.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const { key, names } = byPath.get(args.path) ?? { key: -1, names: [] };
        const check = [
          `var shared = globalThis.${SHARED_CORE_GLOBAL};`,
          `if (!shared || !shared[${key}]) throw new Error('PMO: ${script} needs functions.js loaded before it (' + ${JSON.stringify(args.path)} + ').');`,
        ];
        // A whole module is published as its namespace; named exports as a list, read back by position.
        const exports = names.includes('*')
          ? [`module.exports = shared[${key}];`]
          : [`export const [${names.join(', ')}] = shared[${key}];`];
        return { loader: 'js', contents: [...check, ...exports].join('\n') };
      });
    },
  };
}
