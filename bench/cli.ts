// The command line end to end: `pmo dashboard` on the 5 MB workbook (100,000 assignment rows), as a user runs it —
// a new Node process loading dist/cli/pmo.js, reading the workbook, building the dashboard and writing the copy.
// Issue 17's target is 0.3 s; DESIGN §7's budget for a 5 MB workbook is 2 s.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Benchmark, describeTiming, timeRuns } from './harness';
import { workbook5mb } from './workbook-5mb';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const cliDashboard5mb: Benchmark = {
  name: 'CLI pmo dashboard on the 5 MB workbook, end to end',
  budget: { kind: 'max-seconds', seconds: 0.3 },
  measure: async (context) => {
    const cli = join(root, 'dist/cli/pmo.js');
    if (!existsSync(cli))
      return { value: undefined, details: ['no dist/cli/pmo.js: run npm run build first'] };
    context.progress('  writing the 5 MB workbook (once per machine)');
    const input = await workbook5mb();
    const folder = mkdtempSync(join(tmpdir(), 'pmo-bench-cli-'));
    const output = join(folder, 'book-dashboard.xlsx');
    const args = [cli, 'dashboard', input, '-o', output, '--force', '--today', '2026-03-02'];
    try {
      const timing = timeRuns(() => execFileSync(process.execPath, args, { encoding: 'utf8' }), {
        warmups: 1,
        runs: 5,
        inspect: (stdout) => {
          if (!stdout.includes('Wrote ')) throw new Error(`pmo dashboard did not write its copy: ${stdout}`);
        },
      });
      const node = timeRuns(() => execFileSync(process.execPath, ['-e', '0']), { warmups: 1, runs: 5 });
      return {
        value: timing.median,
        details: [
          `${(statSync(input).size / 1024 / 1024).toFixed(1)} MB workbook, 100,000 assignment rows: ${describeTiming(timing)}`,
          `of which starting Node itself: median ${(node.median * 1000).toFixed(0)} ms (node -e 0)`,
          "DESIGN §7's budget is 2 s; issue 17 asks for 0.3 s",
        ],
        checks: [{ name: 'copy written', ok: existsSync(output), detail: output }],
        data: { seconds: timing.samples, nodeStartSeconds: node.median },
      };
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
