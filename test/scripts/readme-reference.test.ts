// The README's function reference is rendered from the catalog, and the README holds exactly that rendering.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/functions/catalog';
import {
  callShape,
  currentReference,
  type DocumentedFunction,
  type FunctionFamily,
  headingAnchor,
  README_PATH,
  REFERENCE_END,
  REFERENCE_START,
  renderFunctionReference,
  replaceReference,
  writeReadmeReference,
} from '../../scripts/readme-reference';

const reference = renderFunctionReference();

/** One function's entry: from its `#### NAME` heading to the next heading or the end marker. */
function entryOf(block: string, name: string): string {
  const start = block.indexOf(`\n#### ${name}\n`);
  expect(start, `no entry for ${name}`).toBeGreaterThanOrEqual(0);
  const rest = block.slice(start + 1);
  const next = rest.slice(1).search(/\n#{3,4} |\n<!-- generated/);
  return next < 0 ? rest : rest.slice(0, next + 1);
}

/** The cells of a Markdown table row, split on `|` that is not escaped. */
function tableCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** Every heading's anchor as GitHub assigns them: repeated anchors get -1, -2… in document order. */
function headingAnchors(markdown: string): { anchor: string; heading: string }[] {
  const seen = new Map<string, number>();
  const anchors: { anchor: string; heading: string }[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const match = inFence ? null : /^#{1,6} (.+)$/.exec(line);
    if (!match?.[1]) continue;
    const base = headingAnchor(match[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.push({ anchor: count === 0 ? base : `${base}-${count}`, heading: line });
  }
  return anchors;
}

const everything: FunctionFamily = {
  heading: 'Test functions',
  guide: { text: 'Guide', anchor: 'guide' },
  includes: () => true,
};

function fake(overrides: Partial<DocumentedFunction>): DocumentedFunction {
  return { name: 'FAKE', description: 'Does a thing.', params: [], returns: 'A number.', ...overrides };
}

describe('README.md', () => {
  it('holds the function reference the catalog renders (run `npm run docs` when this fails)', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(
      currentReference(readme),
      "README.md's function reference differs from core/functions/catalog.ts: run `npm run docs` and commit README.md (do not edit the block by hand)",
    ).toBe(reference);
  });

  it('links only to headings that exist, and each function name leads to its own entry', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    const anchors = headingAnchors(readme);
    const known = new Set(anchors.map((each) => each.anchor));
    const links = [...reference.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1] ?? '');
    expect(links.length).toBeGreaterThan(CATALOG.length);
    for (const link of links) expect(known, `a link to #${link}`).toContain(link);
    for (const spec of CATALOG)
      expect(anchors.find((each) => each.anchor === headingAnchor(spec.name))?.heading).toBe(
        `#### ${spec.name}`,
      );
  });
});

describe('renderFunctionReference', () => {
  it('shows every catalog function once in the summary and once as an entry, in catalog order', () => {
    const entries = [...reference.matchAll(/^#### (\S+)$/gm)].map((match) => match[1]);
    expect(entries).toEqual(CATALOG.map((spec) => spec.name));
    for (const spec of CATALOG) {
      const summaryRows = reference.split('\n').filter((line) => line.startsWith(`| [${spec.name}](#`));
      expect(summaryRows, spec.name).toHaveLength(1);
      expect(entryOf(reference, spec.name)).toContain(`\`${callShape(spec, 'excel')}\``);
      expect(entryOf(reference, spec.name)).toContain(`\`${callShape(spec, 'sheets')}\``);
    }
  });

  it('shows every parameter with its description, in its own entry or the entry it says has the same arguments', () => {
    for (const spec of CATALOG) {
      let entry = entryOf(reference, spec.name);
      const twin = /Arguments: the same as \[(\w+)\]/.exec(entry)?.[1];
      if (twin) entry = entryOf(reference, twin);
      for (const param of spec.params) {
        const row = entry.split('\n').find((line) => line.startsWith(`| \`${param.name}\` |`));
        expect(row, `${spec.name} ${param.name}`).toBeDefined();
        expect(tableCells(row ?? '')).toEqual([
          `\`${param.name}\``,
          param.optional ? 'optional' : 'required',
          expect.stringContaining(param.description.slice(0, 12)),
        ]);
      }
    }
  });

  it('brackets exactly the optional parameters in both call shapes', () => {
    const spec = fake({
      params: [
        { name: 'a', description: 'required' },
        { name: 'b', description: 'optional', optional: true },
        { name: 'c', description: 'explicitly required', optional: false },
      ],
    });
    expect(callShape(spec, 'excel')).toBe('=PMO.FAKE(a, [b], c)');
    expect(callShape(spec, 'sheets')).toBe('=PMO_FAKE(a, [b], c)');
    for (const catalogSpec of CATALOG) {
      const bracketed = [...callShape(catalogSpec, 'excel').matchAll(/\[(\w+)\]/g)].map((match) => match[1]);
      expect(bracketed).toEqual(
        catalogSpec.params.filter((param) => param.optional).map((param) => param.name),
      );
    }
  });

  it('escapes | in descriptions so each table row keeps its three cells', () => {
    const block = renderFunctionReference(
      [
        fake({
          description: 'Risk reduction|opportunity enablement.',
          params: [{ name: 'rr', description: 'Risk reduction | opportunity enablement per row.' }],
        }),
      ],
      [everything],
    );
    const summaryRow = block.split('\n').find((line) => line.startsWith('| [FAKE]')) ?? '';
    expect(summaryRow).toContain('Risk reduction\\|opportunity enablement.');
    expect(tableCells(summaryRow)).toHaveLength(3);
    const paramRow = block.split('\n').find((line) => line.startsWith('| `rr`')) ?? '';
    expect(paramRow).toContain('Risk reduction \\| opportunity enablement per row.');
    expect(tableCells(paramRow)).toHaveLength(3);
  });

  it('keeps catalog text on one line and escapes what Markdown would act on, outside tables too', () => {
    const block = renderFunctionReference(
      [
        fake({
          description: 'Counts <b>all</b> or *\n  everyone, below <0.05.',
          returns: 'Σ load ÷ Σ capacity',
        }),
      ],
      [everything],
    );
    expect(entryOf(block, 'FAKE')).toContain('Counts \\<b>all\\</b> or \\* everyone, below <0.05.');
    expect(entryOf(block, 'FAKE')).toContain('Returns: Σ load ÷ Σ capacity');
  });

  it('refers a function with the same arguments as an earlier one to that entry instead of repeating them', () => {
    const params = [{ name: 'table', description: 'A table.' }];
    const block = renderFunctionReference(
      [fake({ name: 'FIRST', params }), fake({ name: 'SECOND', params: [...params] })],
      [everything],
    );
    expect(entryOf(block, 'FIRST')).toContain('| `table` | required | A table. |');
    expect(entryOf(block, 'SECOND')).toContain('Arguments: the same as [FIRST](#first).');
    expect(entryOf(block, 'SECOND')).not.toContain('| `table`');
  });

  it('groups functions under their family headings and refuses a function in no family', () => {
    const even: FunctionFamily = { ...everything, heading: 'Even', includes: (name) => name.endsWith('2') };
    const odd: FunctionFamily = { ...everything, heading: 'Odd', includes: (name) => name.endsWith('1') };
    const block = renderFunctionReference([fake({ name: 'F1' }), fake({ name: 'F2' })], [even, odd]);
    expect(block.indexOf('### Even')).toBeLessThan(block.indexOf('#### F2'));
    expect(block.indexOf('### Odd')).toBeLessThan(block.indexOf('#### F1'));
    expect(block.indexOf('#### F2')).toBeLessThan(block.indexOf('### Odd'));
    expect(() => renderFunctionReference([fake({ name: 'F3' })], [even, odd])).toThrow(
      /F3 belongs to no family/,
    );
  });
});

describe('replaceReference and writeReadmeReference', () => {
  it('replace only the text between the markers and leave the rest of the README as it was', () => {
    const readme = `# Title\n\nBefore.\n\n${REFERENCE_START}\nold\n${REFERENCE_END}\n\nAfter.\n`;
    expect(replaceReference(readme, `${REFERENCE_START}\nnew\n${REFERENCE_END}`)).toBe(
      `# Title\n\nBefore.\n\n${REFERENCE_START}\nnew\n${REFERENCE_END}\n\nAfter.\n`,
    );
  });

  it('refuse a README without exactly one start marker followed by an end marker', () => {
    expect(() => currentReference('# No markers\n')).toThrow(/exactly one/);
    expect(() => currentReference(`${REFERENCE_END}\n${REFERENCE_START}\n`)).toThrow(/exactly one/);
    expect(() => currentReference(`${REFERENCE_START}\n${REFERENCE_START}\n${REFERENCE_END}\n`)).toThrow(
      /exactly one/,
    );
  });

  it('write a stale README once and report that a fresh one needs no change', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pmo-readme-')), 'README.md');
    writeFileSync(path, `# Title\n\n${REFERENCE_START}\nstale\n${REFERENCE_END}\n\nAfter.\n`);
    expect(writeReadmeReference(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(`# Title\n\n${reference}\n\nAfter.\n`);
    expect(writeReadmeReference(path)).toBe(false);
  });
});
