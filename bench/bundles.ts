// Sizes of the shipped scripts against their budgets (DESIGN §9), and the time Apps Script spends evaluating the
// top level of Code.js, which it does before every custom-function call.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, Script } from 'node:vm';
import { BUNDLE_BUDGETS_KIB } from '../scripts/build';
import { type Benchmark, describeTiming, timeRuns } from './harness';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundles whose size is reported, relative to dist/. */
export const BUNDLES = [
  'excel/functions.js',
  'excel/risk-functions.js',
  'excel/capacity-functions.js',
  'excel/taskpane.js',
  'excel/dashboard.js',
  'gsheets/Code.js',
  'gsheets/Sidebar.html',
  'cli/pmo.js',
] as const;

const MISSING = ['no bundles in dist/: run npm run build first'];

export const bundleSizes: Benchmark = {
  name: 'Bundle sizes',
  budget: { kind: 'max-ratio', ratio: 1, meaning: 'largest size ÷ its budget' },
  measure: () => {
    const sizes = Object.fromEntries(
      BUNDLES.filter((file) => existsSync(join(root, 'dist', file))).map((file) => [
        file,
        statSync(join(root, 'dist', file)).size,
      ]),
    );
    if (Object.keys(sizes).length === 0) return { value: undefined, details: MISSING };
    let worst = 0;
    const details = BUNDLES.map((file) => {
      const bytes = sizes[file];
      if (bytes === undefined) return `dist/${file.padEnd(22)} missing`;
      const kib = bytes / 1024;
      const budget = BUNDLE_BUDGETS_KIB[file];
      if (budget !== undefined) worst = Math.max(worst, kib / budget);
      const verdict = budget === undefined ? '' : `  budget ${budget} KiB${kib > budget ? '  MISSED' : ''}`;
      return `dist/${file.padEnd(22)} ${kib.toFixed(1).padStart(7)} KiB${verdict}`;
    });
    return { value: worst, details, data: { bytes: sizes, budgetsKiB: BUNDLE_BUDGETS_KIB } };
  },
};

/**
 * Compiling and running the top level of Code.js in a fresh global scope, as Apps Script does before each call
 * of a custom function ("the top level of the whole script runs again before every call"), within issue 17's 20 ms.
 * Each run compiles a source V8 has not seen (a numbered comment at its end), so its compilation cache cannot hide
 * the parse. V8 in Node is not the Apps Script server, so the figure is a floor, for comparison between builds.
 */
export const codeJsEvaluation: Benchmark = {
  name: 'Code.js top-level evaluation',
  budget: { kind: 'max-seconds', seconds: 0.02 },
  measure: () => {
    const file = join(root, 'dist/gsheets/Code.js');
    if (!existsSync(file)) return { value: undefined, details: MISSING };
    const code = readFileSync(file, 'utf8');
    let run = 0;
    const evaluate = () => {
      const scope = createContext({});
      run += 1;
      new Script(`${code}\n// run ${run}`, { filename: 'Code.js' }).runInContext(scope);
      return scope;
    };
    const timing = timeRuns(evaluate, {
      warmups: 3,
      runs: 21,
      inspect: (scope) => {
        if (typeof (scope as { PMO_UTILIZATION?: unknown }).PMO_UTILIZATION !== 'function')
          throw new Error('Code.js did not declare PMO_UTILIZATION');
      },
    });
    return {
      value: timing.median,
      details: [
        `compile (uncached) + run in a fresh scope: ${describeTiming(timing)}`,
        `${(code.length / 1024).toFixed(1)} KiB of script`,
      ],
      data: { seconds: timing },
    };
  },
};
