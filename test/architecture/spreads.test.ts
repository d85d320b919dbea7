// No spread of a computed array into a call's arguments where the array can be as long as the user's range:
// every argument takes a stack slot, so Math.max(...rows.map(f)) or list.push(...cells) throws "Maximum call
// stack size exceeded" at about 125,000 elements (issue 12: SCORE, FRONTIER and AHP failed at 130k rows). A
// loop or reduce does the same in constant stack. Spreading an array literal (`push(...[a, b])`) is allowed.

import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FILES, parse } from './sources';

/** The layers shipped to users; `scripts/` only runs at build time on the catalog. */
const SHIPPED = ['core/', 'cli/', 'panel/', 'excel-addin/', 'gsheets/'];

/** Calls that take their arguments one by one onto the stack. */
const CALLEES =
  /^(Math\.(max|min|hypot)|String\.(fromCharCode|fromCodePoint)|.+\.(push|unshift|splice|apply|call|concat))$/;

/** `file:line callee(...expr)` for each spread of a non-literal into one of {@link CALLEES}. */
function spreadCalls(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && CALLEES.test(node.expression.getText(source))) {
      for (const arg of node.arguments) {
        if (!ts.isSpreadElement(arg) || ts.isArrayLiteralExpression(arg.expression)) continue;
        const line = source.getLineAndCharacterOfPosition(arg.getStart()).line + 1;
        found.push(
          `${source.fileName}:${line} ${node.expression.getText(source)}(...${arg.expression.getText(source)})`,
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const snippet = (code: string) =>
  spreadCalls(ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.Latest, true));

describe('spread arguments', () => {
  it('finds a spread of a computed array into Math.max, push and apply, and allows array literals', () => {
    expect(snippet('const w = Math.max(0, ...rows.map((r) => r.length));')).toEqual([
      'snippet.ts:1 Math.max(...rows.map((r) => r.length))',
    ]);
    expect(snippet('out.push(...cells); f.apply(null, ...args);')).toHaveLength(2);
    expect(snippet('out.push(...[a, b]); const all = [...rows, ...more]; f(...args);')).toEqual([]);
  });

  it('spreads no computed array into Math.max/min, push, apply or fromCharCode in shipped sources', () => {
    const shipped = FILES.filter((file) => SHIPPED.some((layer) => file.startsWith(layer)));
    expect(shipped.length).toBeGreaterThan(50);
    expect(shipped.flatMap((file) => spreadCalls(parse(file)))).toEqual([]);
  });
});
