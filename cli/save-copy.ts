// Writing a changed copy of the user's workbook under cli/files.ts' rules, for every command that writes one
// (`pmo dashboard`, `pmo inspect --save`): a new output file (never the input, never through a link), or the
// workbook itself with --in-place, verified first and the previous version kept as <book>.bak.

import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import {
  checkInPlace,
  checkOutput,
  commitInPlace,
  commitOutput,
  FileError,
  type FileIdentity,
  outputPath,
  removeQuietly,
  writeTemporary,
} from './files';
import { sanitizeText } from './heatmap';
import { whyNotACopy } from './verify-copy';
import type { InflateLimits, Workbook } from './xlsx';

/** The workbook as read: its bytes, the identity of its file and its values. */
export interface OriginalWorkbook {
  readonly bytes: Uint8Array;
  readonly identity: FileIdentity;
  readonly workbook: Workbook;
}

/** Where a copy goes: the output path (the input itself with --in-place) and the file it replaces, if any. */
export interface CopyTarget {
  readonly path: string;
  readonly output: string;
  readonly inPlace: boolean;
  readonly force: boolean;
  readonly replacing?: FileIdentity;
}

/**
 * Where the copy of `path` goes, checked before anything is computed: `-o` (else `<book>-<suffix>.<ext>` beside
 * it), or the workbook itself with `inPlace`. Throws a {@link FileError} with the one-line reason it may not.
 */
export function copyTarget(
  path: string,
  original: OriginalWorkbook,
  options: { readonly output: string | undefined; readonly inPlace: boolean; readonly force: boolean },
  suffix: string,
): CopyTarget {
  const { inPlace, force } = options;
  const output = inPlace ? path : outputPath(path, options.output, original.workbook.format, suffix);
  if (output instanceof FileError) throw output;
  if (inPlace) checkInPlace(path, original.identity);
  const replacing = inPlace ? undefined : checkOutput(output, { path, identity: original.identity }, force);
  return { path, output, inPlace, force, ...(replacing ? { replacing } : {}) };
}

/**
 * Writes the new version: to a new output file, or beside the original and verified before it replaces it
 * (every part not in `written.changed` byte for byte, every sheet but those written reading the same).
 * Returns the line that says what was written; throws a {@link FileError} when it could not be.
 */
export function saveCopy(
  original: OriginalWorkbook,
  written: {
    bytes: Uint8Array;
    changed: ReadonlySet<string>;
    sheetName: string;
    /** Every sheet of the add-in's written, when more than `sheetName` (the dashboard and its PMO Data sheet). */
    sheetNames?: readonly string[];
  },
  target: CopyTarget,
  limits: InflateLimits | undefined,
): string {
  const folder = dirname(resolve(target.output));
  const mode = target.inPlace ? original.identity.mode : target.replacing?.mode;
  const temporary = writeTemporary(folder, basename(target.output), written.bytes, mode);
  if (!target.inPlace) {
    commitOutput(temporary, target.output, target.force);
    return `Wrote ${sanitizeText(target.output)}`;
  }
  let reason: string | undefined;
  try {
    // What is checked is what reached the disk, read back, not the bytes in memory.
    reason = whyNotACopy(
      original,
      readFileSync(temporary),
      written.changed,
      written.sheetNames ?? written.sheetName,
      limits,
    );
  } catch (error) {
    reason = `the new version cannot be checked (${error instanceof Error ? error.message : String(error)})`;
  }
  if (reason !== undefined) {
    removeQuietly(temporary);
    throw new FileError(`${sanitizeText(target.path)}: left unchanged: ${sanitizeText(reason)}`);
  }
  const { replacedBackup } = commitInPlace(temporary, target.path, original);
  const backup = sanitizeText(basename(`${target.path}.bak`));
  return `Updated ${sanitizeText(target.path)} in place; the previous version is ${backup}${replacedBackup ? ' (an older backup was replaced)' : ''}`;
}
