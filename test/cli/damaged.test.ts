// The corpus of damaged files (issue 12): each is the minimal workbook of zip-corpus.ts with one named defect,
// built here. `pmo dashboard` must refuse each with exit code 1 and one line on stderr, write no output and
// leave the input's bytes as they were.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReadLimits } from '../../cli/xlsx';
import { MAX_TOTAL_BYTES } from '../../cli/zip';
import { checkedRun, refusal } from './checked-run';
import { buildZip, type CorpusEntry, runPmo, text, withEntry, workbookEntries } from './zip-corpus';

const folder = mkdtempSync(join(tmpdir(), 'pmo-damaged-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const SHEET = 'xl/worksheets/sheet1.xml';
const DAMAGED = 'pmo: {file}: the file is damaged or not an .xlsx workbook';

/** Writes `bytes` as `<name>.xlsx`, runs `pmo dashboard` on it and checks what every refusal must hold. */
async function refuse(name: string, bytes: Uint8Array, limits?: ReadLimits): Promise<string> {
  const input = join(folder, `${name}.xlsx`);
  writeFileSync(input, bytes);
  return refusal(await checkedRun('dashboard', input, limits), input);
}

describe('the corpus of damaged files', () => {
  it('the minimal workbook itself is accepted (the corpus differs from it by one defect each)', async () => {
    const input = join(folder, 'sound.xlsx');
    writeFileSync(input, buildZip(workbookEntries()));
    const result = await runPmo(['dashboard', input, '--today', '2026-11-30']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(join(folder, 'sound-dashboard.xlsx'))).toBe(true);
  });

  it('a truncated file', async () => {
    const whole = buildZip(workbookEntries());
    expect(await refuse('truncated', whole.subarray(0, Math.floor(whole.length * 0.6)))).toBe(
      `${DAMAGED} (no zip directory)`,
    );
  });

  it('an entry overlapping the next one', async () => {
    const entries = workbookEntries();
    const bytes = buildZip(
      entries.map((entry, index) =>
        index === 1 ? { ...entry, local: { compressedSize: 200 }, central: { compressedSize: 200 } } : entry,
      ),
    );
    expect(await refuse('overlap', bytes)).toBe(`${DAMAGED} (_rels/.rels overlaps the next entry)`);
  });

  it('an entry that declares fewer bytes than its deflate stream holds (was silently truncated)', async () => {
    const bytes = withEntry(SHEET, (entry) => ({
      ...entry,
      local: { size: entry.data.length - 40 },
      central: { size: entry.data.length - 40 },
    }));
    const size = workbookEntries().find((entry) => entry.name === SHEET)?.data.length ?? 0;
    expect(await refuse('short-size', bytes)).toBe(
      `${DAMAGED} (${SHEET} holds more than the ${size - 40} bytes its directory declares)`,
    );
  });

  it('a stored entry whose declared size cuts its data short fails the CRC-32 check', async () => {
    const bytes = withEntry(SHEET, (entry) => ({
      ...entry,
      method: 0,
      central: { size: entry.data.length - 10, compressedSize: entry.data.length - 10 },
      local: { size: entry.data.length - 10, compressedSize: entry.data.length - 10 },
    }));
    expect(await refuse('stored-short', bytes)).toBe(`${DAMAGED} (${SHEET} fails its CRC-32 check)`);
  });

  it('a bad CRC-32, deflated and stored', async () => {
    const flip = (entry: CorpusEntry): CorpusEntry => ({
      ...entry,
      local: { crc: 0x12345678 },
      central: { crc: 0x12345678 },
    });
    expect(await refuse('bad-crc', withEntry(SHEET, flip))).toBe(
      `${DAMAGED} (${SHEET} fails its CRC-32 check)`,
    );
    const stored = withEntry(SHEET, (entry) => flip({ ...entry, method: 0 }));
    expect(await refuse('bad-crc-stored', stored)).toBe(`${DAMAGED} (${SHEET} fails its CRC-32 check)`);
  });

  it('a bad CRC-32 in a part the writer only copies (vbaProject.bin) is refused too', async () => {
    const entries = workbookEntries({ macros: true });
    const bytes = withEntry(
      'xl/vbaProject.bin',
      (entry) => ({ ...entry, local: { crc: 1 }, central: { crc: 1 } }),
      entries,
    );
    expect(await refuse('bad-crc-copied', bytes)).toBe(
      `${DAMAGED} (xl/vbaProject.bin fails its CRC-32 check)`,
    );
  });

  it('pmo utilization refuses the same damage with the same line', async () => {
    const input = join(folder, 'bad-crc-utilization.xlsx');
    writeFileSync(
      input,
      withEntry(SHEET, (entry) => ({ ...entry, local: { crc: 7 }, central: { crc: 7 } })),
    );
    const result = await runPmo(['utilization', input]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${DAMAGED.replace('{file}', input)} (${SHEET} fails its CRC-32 check)\n`);
  });

  it('sizes that differ between the local header and the zip directory', async () => {
    const bytes = withEntry(SHEET, (entry) => ({ ...entry, local: { size: entry.data.length + 1000 } }));
    expect(await refuse('lying-sizes', bytes)).toBe(
      `${DAMAGED} (${SHEET} has different sizes or CRC in its local header and the zip directory)`,
    );
  });

  it('two xl/workbook.xml entries, also when the names differ only in case', async () => {
    const entries = workbookEntries();
    const workbook = entries.find((entry) => entry.name === 'xl/workbook.xml');
    if (!workbook) throw new Error('no workbook entry');
    expect(await refuse('duplicate', buildZip([...entries, workbook]))).toBe(
      `${DAMAGED} (two entries are named xl/workbook.xml)`,
    );
    expect(
      await refuse('duplicate-case', buildZip([...entries, { ...workbook, name: 'XL/Workbook.xml' }])),
    ).toBe(`${DAMAGED} (two entries are named XL/Workbook.xml)`);
  });

  it('an entry whose data runs past the end of the file', async () => {
    const entries = workbookEntries();
    const last = entries.length - 1;
    const bytes = buildZip(
      entries.map((entry, index) =>
        index === last
          ? { ...entry, local: { compressedSize: 1 << 20 }, central: { compressedSize: 1 << 20 } }
          : entry,
      ),
    );
    expect(await refuse('past-end', bytes)).toBe(`${DAMAGED} (${SHEET} runs past the end of the file)`);
  });

  it('an encrypted entry (flag bit 0)', async () => {
    expect(
      await refuse(
        'encrypted',
        withEntry(SHEET, (entry) => ({ ...entry, flags: 1 })),
      ),
    ).toBe(`${DAMAGED} (${SHEET} is encrypted: save the workbook without a password)`);
  });

  it('a bomb by ratio is stopped while inflating, at the size its entry declares', async () => {
    // 16 MB of zeros deflate to 16 KB; the entry declares the sheet's real size. Inflating stops one byte past
    // it (the message says "holds more", not how much: the rest was never inflated).
    const bomb = deflateRawSync(new Uint8Array(16 * 1024 * 1024));
    const bytes = withEntry(SHEET, (entry) => ({ ...entry, stored: bomb, local: {}, central: {} }));
    const size = workbookEntries().find((entry) => entry.name === SHEET)?.data.length ?? 0;
    expect(await refuse('bomb-ratio', bytes)).toBe(
      `${DAMAGED} (${SHEET} holds more than the ${size} bytes its directory declares)`,
    );
  });

  it('a part that declares more than the per-part limit is refused before inflating', async () => {
    const part = new Uint8Array(300 * 1024);
    const entries = [...workbookEntries(), { name: 'xl/media/big.bin', data: part }];
    expect(await refuse('bomb-part', buildZip(entries), { partBytes: 256 * 1024, totalBytes: 1 << 20 })).toBe(
      'pmo: {file}: the part xl/media/big.bin is larger than 256 KB: too large to read',
    );
  });

  it('five parts of 480 MB declared in a small file: refused on the total before inflating any', async () => {
    // The case: the 500 MB limit is per part, so five of 480 MB passed one by one. Here the sizes are
    // declared (the data is tiny and never inflated): the total is checked first, with the real limits.
    const lie = 480 * 1024 * 1024;
    const entries = [
      ...workbookEntries(),
      ...[1, 2, 3, 4, 5].map((n) => ({
        name: `xl/worksheets/big${n}.xml`,
        data: text('<worksheet/>'),
        local: { size: lie },
        central: { size: lie },
      })),
    ];
    const message = await refuse('bomb-total-declared', buildZip(entries));
    expect(message).toBe(
      `pmo: {file}: the parts inflate to more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB in total (2400 MB declared): too large to read`,
    );
  });

  it('many parts each under the part limit but over the total budget (lowered for the test)', async () => {
    const part = new Uint8Array(200 * 1024);
    const entries = [
      ...workbookEntries(),
      ...[1, 2, 3, 4, 5, 6].map((n) => ({ name: `xl/media/image${n}.bin`, data: part })),
    ];
    const limits = { partBytes: 256 * 1024, totalBytes: 1024 * 1024 };
    expect(await refuse('bomb-total', buildZip(entries), limits)).toBe(
      'pmo: {file}: the parts inflate to more than 1.0 MB in total (1.2 MB declared): too large to read',
    );
  });
});
