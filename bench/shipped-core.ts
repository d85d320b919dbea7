// The core as it ships: bundled by esbuild the way scripts/build.ts bundles it (no keepNames), then imported from a
// data: URL (nothing is written to disk). tsx, which runs the bench, compiles with keepNames, which wraps every
// closure created per row in a __name() call; this lets the bench also time the code users actually run.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { findFunction } from '../core/functions/catalog';
import type { invoke } from '../core/functions/invoke';

/** The two entry points the benchmarks call, from the sources (tsx) or from a bundle. */
export interface CoreApi {
  readonly label: string;
  readonly invoke: typeof invoke;
  readonly findFunction: typeof findFunction;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles core/functions (catalog + invoke) with esbuild, minified for es2020 like dist/excel/functions.js. */
export async function loadShippedCore(): Promise<CoreApi> {
  const output = await build({
    stdin: {
      contents:
        "export { invoke } from './core/functions/invoke'; export { findFunction } from './core/functions/catalog';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const code = output.outputFiles[0]?.text ?? '';
  const module = (await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  )) as Omit<CoreApi, 'label'>;
  return {
    label: `esbuild bundle (${(code.length / 1024).toFixed(0)} KiB, minified, no keepNames)`,
    invoke: module.invoke,
    findFunction: module.findFunction,
  };
}
