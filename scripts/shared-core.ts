// One copy of core in Excel's shared runtime. taskpane.html loads functions.js and then taskpane.js on the same
// page (the custom functions, the ribbon commands and the task pane share one runtime), so taskpane.js does not
// bundle the core modules functions.js already holds: functions.js publishes those modules' namespaces on one
// global, and the task-pane build resolves its imports of them to that global.

import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** The global functions.js publishes the shared core modules on, by path relative to the repository root. */
export const SHARED_CORE_GLOBAL = '__pmoSharedCore';

const NAMESPACE = 'pmo-shared-core';

/**
 * The core modules both bundles would hold: those the task-pane entry reaches that the functions entry also
 * reaches. Found from esbuild's metafile, so a new import needs no list kept by hand.
 */
export async function sharedCoreModules(
  root: string,
  functionsEntry: string,
  taskpaneEntry: string,
): Promise<string[]> {
  const graph = async (entry: string) =>
    Object.keys(
      (
        await build({
          entryPoints: [entry],
          absWorkingDir: root,
          bundle: true,
          write: false,
          metafile: true,
          logLevel: 'silent',
        })
      ).metafile.inputs,
    );
  const inFunctions = new Set(await graph(functionsEntry));
  return (await graph(taskpaneEntry)).filter((path) => path.startsWith('core/') && inFunctions.has(path));
}

/** The functions.js entry: the custom functions, then the shared modules published on SHARED_CORE_GLOBAL. */
export function publishingEntry(
  root: string,
  functionsEntry: string,
  modules: readonly string[],
): { contents: string; resolveDir: string; loader: 'ts'; sourcefile: string } {
  return {
    contents: [
      `import './${relative(root, functionsEntry)}';`,
      ...modules.map((path, i) => `import * as shared${i} from './${path}';`),
      `(globalThis as Record<string, unknown>).${SHARED_CORE_GLOBAL} = Object.freeze({`,
      ...modules.map((path, i) => `  ${JSON.stringify(path)}: shared${i},`),
      '});',
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'functions-with-shared-core.ts',
  };
}

/**
 * For the task-pane build: an import of a shared module becomes a read of SHARED_CORE_GLOBAL, which fails loudly
 * when functions.js was not loaded first.
 */
export function sharedCorePlugin(root: string, modules: readonly string[]): Plugin {
  const shared = new Set(modules);
  return {
    name: 'pmo-shared-core',
    setup(plugin) {
      plugin.onResolve({ filter: /^\.\.?\// }, (args) => {
        const base = join(args.resolveDir, args.path);
        const file = [`${base}.ts`, join(base, 'index.ts'), base].find(
          (candidate) => candidate.endsWith('.ts') && existsSync(candidate),
        );
        const path = file === undefined ? undefined : relative(root, file);
        return path !== undefined && shared.has(path) ? { path, namespace: NAMESPACE } : undefined;
      });
      plugin.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const key = JSON.stringify(args.path);
        return {
          loader: 'js',
          contents: [
            `var shared = globalThis.${SHARED_CORE_GLOBAL};`,
            `if (!shared || !shared[${key}]) throw new Error('PMO: taskpane.js needs functions.js loaded before it (' + ${key} + ').');`,
            `module.exports = shared[${key}];`,
          ].join('\n'),
        };
      });
    },
  };
}
