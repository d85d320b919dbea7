// The `pmo` command's file layer: reading the input with its identity (device and inode), deciding whether an
// output path may be written, and writing atomically — a temporary file beside the target, created
// exclusively, synced, then renamed into place — so that a failure never leaves a half-written workbook and no
// write ever goes through a link onto another file.

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { sanitizeText } from './heatmap';
import type { WorkbookFormat } from './xlsx';

/** Which file a path is once links are followed: the same device and inode is the same file. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly mode: number;
  readonly nlink: number;
}

/** A file that cannot be read or written as asked; the message is one line for the user, naming the file. */
export class FileError extends Error {}

const identityOf = (stats: Stats): FileIdentity => ({
  dev: stats.dev,
  ino: stats.ino,
  size: stats.size,
  mtimeMs: stats.mtimeMs,
  mode: stats.mode,
  nlink: stats.nlink,
});

export const sameFile = (a: FileIdentity, b: FileIdentity): boolean => a.dev === b.dev && a.ino === b.ino;

const label = (path: string): string => sanitizeText(path);

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'no permission';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'ERR_FS_FILE_TOO_LARGE') return 'the file is too large to read';
  return sanitizeText(error instanceof Error ? error.message : String(error));
}

/** The file's bytes and the identity of the file they were read from, or a one-line reason it cannot be read. */
export function readInput(path: string): { bytes: Uint8Array; identity: FileIdentity } | string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return 'is a folder, not a file';
    return { bytes: readFileSync(fd), identity: identityOf(stats) };
  } catch (error) {
    const reason = reasonOf(error);
    return reason === 'no permission' ? 'no permission to read the file' : reason;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new FileError(`${label(path)}: cannot check the output file (${reasonOf(error)})`);
  }
}

/**
 * Refuses an output path that is the input (the same path, a hard link or a symbolic link to it), a symbolic
 * link to anything (pmo never writes through one), a folder, or an existing file unless `force`. Returns the
 * identity of the file that would be replaced, if any.
 */
export function checkOutput(
  output: string,
  input: { readonly path: string; readonly identity: FileIdentity },
  force: boolean,
): FileIdentity | undefined {
  const name = label(output);
  const folder = dirname(resolve(output));
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // Missing, a dangling link or unreadable: said below as a missing folder.
  }
  if (!isFolder) throw new FileError(`${name}: the folder ${label(folder)} does not exist`);
  const link = lstatOrUndefined(output);
  if (link === undefined) return undefined;
  if (link.isSymbolicLink()) {
    let target: Stats | undefined;
    try {
      target = statSync(output);
    } catch {
      target = undefined;
    }
    if (target !== undefined && sameFile(identityOf(target), input.identity))
      throw new FileError(`${name} is a symbolic link to the input file: pick another file with -o`);
    throw new FileError(
      `${name} is a symbolic link: pmo never writes through a link; remove it or pick another file with -o`,
    );
  }
  if (link.isDirectory()) throw new FileError(`${name} is a folder: give a file name with -o`);
  if (sameFile(identityOf(link), input.identity)) {
    const samePath = realpathSync(output) === realpathSync(input.path);
    throw new FileError(
      samePath
        ? `${name}: the output would overwrite the input: pick another file with -o, or use --in-place`
        : `${name} is a hard link to the input file: pick another file with -o`,
    );
  }
  if (!force)
    throw new FileError(`${name} already exists: add --force to replace it, or pick another file with -o`);
  return identityOf(link);
}

/**
 * Writes `bytes` to a new temporary file in `folder` (a unique name, created exclusively: never an existing file
 * or a link), synced to disk; returns its path. `mode` sets its permissions (those of the file it will replace).
 */
export function writeTemporary(folder: string, stem: string, bytes: Uint8Array, mode?: number): string {
  const path = join(folder, `.${stem}.pmo-${uniqueSuffix()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'wx', 0o666);
    if (mode !== undefined) fchmodSync(fd, mode & 0o7777);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    return path;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(path);
    throw new FileError(`cannot write in ${label(folder)} (${reasonOf(error)})`);
  }
}

const uniqueSuffix = (): string => `${process.pid}-${randomBytes(6).toString('hex')}`;

/** Removes a temporary file, ignoring a file already gone. */
export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or the folder vanished: nothing is left to clean.
  }
}

/** Syncs a folder so that a rename in it survives a crash; not every system allows it (Windows), so best effort. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The rename is done; only its durability across a power cut is left to the system.
  }
}

const LINKS_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK']);

/**
 * Moves the temporary file to `output`. Without `force` the move is a hard link, which fails rather than
 * replace a file created meanwhile (on a file system without hard links, a rename after checking again); with
 * `force`, a rename replaces the file — or the one hard link of it at that path — never writing through it.
 */
export function commitOutput(temporary: string, output: string, force: boolean): void {
  const name = label(output);
  try {
    if (force) {
      if (lstatOrUndefined(output)?.isSymbolicLink())
        throw new FileError(`${name} is a symbolic link: pmo never writes through a link`);
      renameSync(temporary, output);
    } else {
      try {
        linkSync(temporary, output);
        unlinkSync(temporary);
      } catch (error) {
        const code = String((error as { code?: unknown }).code);
        if (code === 'EEXIST') throw new FileError(`${name} already exists: add --force to replace it`);
        if (!LINKS_UNSUPPORTED.has(code) || lstatOrUndefined(output) !== undefined) throw error;
        renameSync(temporary, output);
      }
    }
    syncFolder(dirname(resolve(output)));
  } catch (error) {
    removeQuietly(temporary);
    if (error instanceof FileError) throw error;
    throw new FileError(`cannot write ${name} (${reasonOf(error)})`);
  }
}

/** Refuses --in-place on a path that is a symbolic link, or a file with other hard links that would drift apart. */
export function checkInPlace(path: string, input: FileIdentity): void {
  const name = label(path);
  if (lstatSync(path).isSymbolicLink())
    throw new FileError(
      `${name} is a symbolic link: run --in-place on the file it points to (${label(realpathSync(path))})`,
    );
  if (input.nlink > 1)
    throw new FileError(
      `${name} has ${input.nlink - 1} other hard link(s): --in-place would leave them on the old version; use -o`,
    );
}

/**
 * Replaces `path` with the verified temporary file, keeping the previous version as `<path>.bak` (replacing an
 * older one). Refused when `path` changed since it was read. Returns whether an older .bak was replaced.
 */
export function commitInPlace(
  temporary: string,
  path: string,
  original: { readonly bytes: Uint8Array; readonly identity: FileIdentity },
): { replacedBackup: boolean } {
  const read = original.identity;
  const name = label(path);
  const backup = `${path}.bak`;
  let backupTemporary: string | undefined;
  try {
    const now = identityOf(lstatSync(path));
    if (!sameFile(now, read) || now.size !== read.size || now.mtimeMs !== read.mtimeMs)
      throw new FileError(`${name} changed while pmo was working: run the command again`);
    const old = lstatOrUndefined(backup);
    if (old?.isDirectory())
      throw new FileError(`${label(backup)} is a folder: move it away to keep a backup`);
    backupTemporary = join(dirname(path), `.${basename(path)}.pmo-${uniqueSuffix()}.bak`);
    try {
      linkSync(path, backupTemporary);
    } catch (error) {
      if (!LINKS_UNSUPPORTED.has(String((error as { code?: unknown }).code))) throw error;
      // No hard links here: the backup is a copy of the bytes read (the file is unchanged since, checked above).
      backupTemporary = writeTemporary(dirname(path), basename(path), original.bytes, read.mode);
    }
    renameSync(backupTemporary, backup);
    backupTemporary = undefined;
    renameSync(temporary, path);
    syncFolder(dirname(resolve(path)));
    return { replacedBackup: old !== undefined };
  } catch (error) {
    removeQuietly(temporary);
    if (backupTemporary !== undefined) removeQuietly(backupTemporary);
    if (error instanceof FileError) throw error;
    throw new FileError(`${name}: cannot replace the file (${reasonOf(error)}); it is unchanged`);
  }
}

const FORMAT_LABELS: Readonly<Record<WorkbookFormat, string>> = {
  xlsx: 'workbook',
  xlsm: 'macro-enabled workbook',
  xltx: 'template',
  xltm: 'macro-enabled template',
  xlam: 'add-in',
};

/**
 * Where the copy goes: `<book>-<suffix>.<ext>` beside the input by default (`book-dashboard.xlsx`), with the
 * extension the package's content type needs (Excel refuses a file whose extension does not match it); `-o`
 * must agree.
 */
export function outputPath(
  path: string,
  given: string | undefined,
  format: WorkbookFormat,
  suffix = 'dashboard',
): string | FileError {
  const stem = basename(path, extname(path));
  if (given === undefined) return join(dirname(path), `${stem}-${suffix}.${format}`);
  if (extname(given).toLowerCase() === `.${format}`) return given;
  return new FileError(
    `${sanitizeText(given)}: the copy of a ${FORMAT_LABELS[format]} must end in .${format} (Excel refuses a file whose extension does not match its content), e.g. -o ${sanitizeText(stem)}-${suffix}.${format}`,
  );
}
