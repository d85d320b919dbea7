// Keeps the catalog's help text out of the bundles that never show it. The catalog (core/functions) holds each
// function's and parameter's description once; the build turns them into functions.json, the Apps Script JSDoc
// and the README (and the task pane's function list, written into taskpane.html), so at run time neither Code.js
// nor functions.js needs any of it. Dropping it saves about 10 KiB of every call's evaluation in Apps Script.

import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

/** The catalog's entry modules, whose `description` and `returns` texts are help text. */
const CATALOG_ENTRIES = /core[\\/]functions[\\/][a-z-]+-functions\.ts$/;

/**
 * `source` without its help texts: every function's and parameter's `description` and every `returns` property is
 * taken out, with its comma (no code reads them at run time; an empty string per parameter still cost 1 KiB).
 * Names, kinds, defaults and code are untouched.
 */
export function withoutHelpText(source: string): string {
  const file = ts.createSourceFile('entry.ts', source, ts.ScriptTarget.Latest, true);
  const spans: { start: number; end: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
      const name = node.name.getText();
      if (name === 'returns' || name === 'description') {
        const comma = /^\s*,/.exec(source.slice(node.getEnd()));
        spans.push({ start: node.getStart(), end: node.getEnd() + (comma?.[0].length ?? 0) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let text = source;
  for (const { start, end } of spans.sort((a, b) => b.start - a.start))
    text = `${text.slice(0, start)}${text.slice(end)}`;
  return text;
}

/** An esbuild plugin that loads the catalog's entry modules without their help text. */
export function helpTextOut(): Plugin {
  return {
    name: 'pmo-help-text-out',
    setup(build) {
      // Files only: a module a family script takes from functions.js (scripts/shared-core.ts) is not loaded here.
      build.onLoad({ filter: CATALOG_ENTRIES, namespace: 'file' }, (args) => ({
        contents: withoutHelpText(readFileSync(args.path, 'utf8')),
        loader: 'ts',
      }));
    },
  };
}
