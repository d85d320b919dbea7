// The shared-string table is read item by item; the usual item (one plain <t>) skips the search for runs. Every item
// must read as the general reading (richText) reads it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { richText } from '../../cli/ooxml';
import { readSharedStrings } from '../../cli/shared-strings';

const table = (items: readonly string[]) =>
  `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items
    .map((inner) => `<si>${inner}</si>`)
    .join('')}</sst>`;

describe('readSharedStrings', () => {
  const items = [
    '<t>Ana Keller</t>',
    '<t></t>',
    '<t>R&amp;D &lt;core&gt;</t>',
    '<t>Line_x000D_break</t>',
    '<t xml:space="preserve"> padded </t>',
    '<r><t>Bold</t></r><r><rPr><i/></rPr><t> and italic</t></r>',
    '<t>東京</t><rPh sb="0" eb="2"><t>とうきょう</t></rPh>',
    '<t/>',
  ];

  it('reads plain, escaped, spaced, rich and phonetic items as richText does', () => {
    expect(readSharedStrings(table(items))).toEqual(items.map((inner) => richText(inner)));
    expect(readSharedStrings(table(items))).toEqual([
      'Ana Keller',
      '',
      'R&D <core>',
      'Line\rbreak',
      ' padded ',
      'Bold and italic',
      '東京',
      '',
    ]);
  });

  it("gives richText's reading for any text in a plain <t>", () => {
    const text = fc
      .string({ maxLength: 12 })
      .map((raw) => raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 10 }), (texts) => {
        const inner = texts.map((t) => `<t>${t}</t>`);
        expect(readSharedStrings(table(inner))).toEqual(inner.map((item) => richText(item)));
      }),
      { numRuns: 300 },
    );
  });
});
