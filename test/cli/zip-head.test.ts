// Reading no more of a part than a question needs: a worksheet's head, where its sheet views come before its cells.

import { deflateRawSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { entryData, entryHead, PackageError, readZip } from '../../cli/zip';
import { buildZip } from './zip-corpus';

/** A worksheet of `rows` rows whose head is `views` (sheet views, or nothing). */
function worksheet(rows: number, views = ''): string {
  const cells = Array.from(
    { length: rows },
    (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${(r * 7919) % 104_729}</v></c></row>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet>${views}<sheetData>${cells}</sheetData></worksheet>`;
}

const sheetEntry = (bytes: Uint8Array) => {
  const entry = readZip(bytes).entries.find((candidate) => candidate.name === 'xl/worksheets/sheet1.xml');
  if (!entry) throw new Error('no sheet1.xml');
  return entry;
};

describe('entryHead', () => {
  const views = '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>';
  const xml = worksheet(60_000, views);
  const bytes = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: strToU8(xml) }]);

  it('inflates a large sheet only as far as its cells begin', () => {
    const head = Buffer.from(entryHead(bytes, sheetEntry(bytes), 'sheetData')).toString('utf8');
    expect(xml.length).toBeGreaterThan(2_000_000);
    expect(head.length).toBeLessThan(xml.length / 10);
    expect(xml.startsWith(head)).toBe(true);
    expect(head).toContain('tabSelected="1"');
    expect(head).toContain('<sheetData>');
  });

  it('gives the whole part when the marker is not in it, as entryData does', () => {
    const entry = sheetEntry(bytes);
    expect(
      Buffer.from(entryHead(bytes, entry, 'mergeCells')).equals(Buffer.from(entryData(bytes, entry))),
    ).toBe(true);
  });

  it('reads a stored part as it is, and reports a damaged one as entryData does', () => {
    const stored = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: strToU8(xml), method: 0 }]);
    expect(Buffer.from(entryHead(stored, sheetEntry(stored), 'sheetData')).toString('utf8')).toBe(xml);
    const garbage = new Uint8Array(deflateRawSync(strToU8(xml)).length).fill(0xff);
    const damaged = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: strToU8(xml), stored: garbage }]);
    expect(() => entryHead(damaged, sheetEntry(damaged), 'sheetData')).toThrow(PackageError);
  });
});
