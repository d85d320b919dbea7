// Running `pmo` on a file that may be bad, with the checks every such run must pass whatever its outcome: the
// input's bytes unchanged, nothing left beside it, and stderr empty or one line that is neither a stack trace nor
// an internal error. Shared by the tests of damaged and bad files.

import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';
import type { ReadLimits } from '../../cli/xlsx';
import { type Run, runPmo, sha256 } from './zip-corpus';

/** The commands that read a workbook. */
export const READING_COMMANDS = ['inspect', 'dashboard', 'utilization'] as const;
export type ReadingCommand = (typeof READING_COMMANDS)[number];

/** A checked run: what `pmo` returned and the files it added to the input's folder. */
export interface CheckedRun extends Run {
  readonly created: readonly string[];
}

/**
 * Runs `pmo <command> <path>` (dashboard with `--today 2026-11-30`, its copy beside the input) and checks that the
 * input's bytes are unchanged, that stderr is empty or one line ending in a newline with no stack frame and no
 * "internal error", and that the run added no file to the folder but the dashboard's copy.
 */
export async function checkedRun(
  command: ReadingCommand,
  path: string,
  limits?: ReadLimits,
): Promise<CheckedRun> {
  const folder = dirname(path);
  const before = new Set(readdirSync(folder));
  const hash = sha256(path);
  const args = command === 'dashboard' ? ['--today', '2026-11-30'] : [];
  const run = await runPmo([command, path, ...args], limits);
  expect(sha256(path)).toBe(hash);
  if (run.stderr !== '') {
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  }
  expect(run.stderr).not.toMatch(/internal error|\n\s+at |\bat \S+ \(/);
  const created = readdirSync(folder).filter((file) => !before.has(file));
  expect(created.filter((file) => !file.includes('-dashboard.'))).toEqual([]);
  return { ...run, created };
}

/**
 * Checks that a run refused its file: exit code 1, nothing on stdout, nothing written; returns its one line with
 * the path as `{file}`.
 */
export function refusal(run: CheckedRun, path: string): string {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.created).toEqual([]);
  return run.stderr.replace(path, '{file}').trimEnd();
}
