// The project's own TypeScript sources, listed and parsed once for the architecture tests.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SOURCE_FOLDERS = ['core', 'cli', 'panel', 'excel-addin', 'gsheets', 'scripts'] as const;

function sourceFiles(folder: string): string[] {
  const path = join(ROOT, folder);
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    if (statSync(full).isDirectory()) return sourceFiles(relative(ROOT, full));
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [relative(ROOT, full)] : [];
  });
}

/** Every .ts source file of the layers, as repository paths. */
export const FILES = SOURCE_FOLDERS.flatMap((folder) => sourceFiles(folder));

export function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
}
