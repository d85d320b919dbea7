// Size limits a newcomer can read within: no source file over 600 lines, no function over 120 lines (counted
// from its first to its last line, nested functions included in their parent). Tests and generated files are
// not held to them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FILES, parse, ROOT } from './sources';

const MAX_FILE_LINES = 600;
const MAX_FUNCTION_LINES = 120;

/** Functions longer than the limit in `file`, with their first line and length. */
function longFunctions(file: string): string[] {
  const source = parse(file);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = (node as { name?: ts.Node }).name?.getText(source) ?? '(anonymous)';
      if (last - first + 1 > MAX_FUNCTION_LINES)
        found.push(`${file}:${first + 1} ${name} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function longFiles(): string[] {
  return FILES.map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length }))
    .filter(({ lines }) => lines > MAX_FILE_LINES)
    .map(({ file, lines }) => `${file} (${lines} lines)`);
}

describe('source sizes', () => {
  const offenders = [...longFiles(), ...FILES.flatMap(longFunctions)];

  it(`keeps every source file within ${MAX_FILE_LINES} lines and every function within ${MAX_FUNCTION_LINES}`, () => {
    expect(offenders).toEqual([]);
  });
});
