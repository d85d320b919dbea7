// Sizes of the shipped scripts (DESIGN §9: Code.js and the Excel scripts stay small), read from dist/.

import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './harness';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundles whose size is reported, relative to the repository root. */
export const BUNDLES = ['dist/excel/functions.js', 'dist/gsheets/Code.js', 'dist/cli/pmo.js'] as const;

export const bundleSizes: Benchmark = {
  name: 'Bundle sizes',
  budget: { kind: 'report-only' },
  measure: () => {
    const found = BUNDLES.filter((file) => existsSync(join(root, file)));
    if (found.length === 0)
      return { value: undefined, details: ['no bundles in dist/: run npm run build first'] };
    const sizes = Object.fromEntries(found.map((file) => [file, statSync(join(root, file)).size]));
    return {
      value: undefined,
      details: BUNDLES.map((file) => {
        const bytes = sizes[file];
        return bytes === undefined
          ? `${file.padEnd(26)} missing (run npm run build first)`
          : `${file.padEnd(26)} ${(bytes / 1024).toFixed(1).padStart(7)} KiB`;
      }),
      data: { bytes: sizes },
    };
  },
};
