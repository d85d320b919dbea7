// Builds the files of the damaged-file corpus in memory: a minimal workbook whose every byte is written here, a
// zip writer that can make any header lie, and a runner for `main` with fake streams. No binary fixtures: each
// damaged file is the minimal workbook with one named defect.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { type CliIo, main } from '../../cli/pmo';
import type { ReadLimits } from '../../cli/xlsx';

/** One zip entry; `local` / `central` override header fields (the rest are computed from `data`). */
export interface CorpusEntry {
  readonly name: string;
  readonly data: Uint8Array;
  readonly method?: 0 | 8;
  readonly flags?: number;
  readonly local?: Partial<HeaderFields>;
  readonly central?: Partial<HeaderFields>;
  /** The stored bytes instead of the compressed `data` (e.g. a deflate stream holding more than declared). */
  readonly stored?: Uint8Array;
}

interface HeaderFields {
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
}

const encoder = new TextEncoder();
export const text = (value: string): Uint8Array => encoder.encode(value);

/** A zip archive of `entries`, in order, with a central directory that may disagree with the local headers. */
export function buildZip(entries: readonly CorpusEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const records: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const stored = entry.stored ?? (method === 8 ? deflateRawSync(entry.data) : entry.data);
    const actual: HeaderFields = {
      crc: crc32(entry.data),
      compressedSize: stored.length,
      size: entry.data.length,
    };
    const local = { ...actual, ...entry.local };
    const central = { ...actual, ...entry.central };
    const name = text(entry.name);
    const header = new DataView(new ArrayBuffer(30));
    header.setUint32(0, 0x04034b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, entry.flags ?? 0, true);
    header.setUint16(8, method, true);
    header.setUint16(12, 0x21, true);
    header.setUint32(14, local.crc, true);
    header.setUint32(18, local.compressedSize, true);
    header.setUint32(22, local.size, true);
    header.setUint16(26, name.length, true);
    const record = new DataView(new ArrayBuffer(46));
    record.setUint32(0, 0x02014b50, true);
    record.setUint16(4, 20, true);
    record.setUint16(6, 20, true);
    record.setUint16(8, entry.flags ?? 0, true);
    record.setUint16(10, method, true);
    record.setUint16(14, 0x21, true);
    record.setUint32(16, central.crc, true);
    record.setUint32(20, central.compressedSize, true);
    record.setUint32(24, central.size, true);
    record.setUint16(28, name.length, true);
    record.setUint32(42, offset, true);
    chunks.push(new Uint8Array(header.buffer), name, stored);
    records.push(new Uint8Array(record.buffer), name);
    offset += 30 + name.length + stored.length;
  }
  const directorySize = records.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...chunks, ...records, new Uint8Array(end.buffer)]);
}

export const CONTENT_TYPE = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  xltx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
} as const;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const cell = (ref: string, value: string | number): string =>
  typeof value === 'number'
    ? `<c r="${ref}"><v>${value}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

/** A fake VBA project: only its bytes matter (copied raw), so they are a recognisable pattern. */
export const VBA_PROJECT = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7 + 3) % 251);

/**
 * The entries of a minimal workbook: one Resources sheet (Ana, 40 h a week), written as Excel writes it; with
 * `macros`, a vbaProject.bin part and its relationship as Excel's .xlsm has them.
 */
export function workbookEntries(
  options: { type?: string; macros?: boolean; sheetRows?: number } = {},
): CorpusEntry[] {
  const type = options.type ?? CONTENT_TYPE.xlsx;
  const macros = options.macros ?? false;
  const rows = [
    `<row r="1">${cell('A1', 'Resource')}${cell('B1', 'Hours per week')}</row>`,
    `<row r="2">${cell('A2', 'Ana')}${cell('B2', 40)}</row>`,
  ];
  for (let r = 3; r < 3 + (options.sheetRows ?? 0); r++)
    rows.push(`<row r="${r}">${cell(`A${r}`, `Person ${r}`)}${cell(`B${r}`, 40)}</row>`);
  const entries: CorpusEntry[] = [
    {
      name: '[Content_Types].xml',
      data: text(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
          `<Default Extension="xml" ContentType="application/xml"/>` +
          (macros ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '') +
          `<Override PartName="/xl/workbook.xml" ContentType="${type}"/>` +
          `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: text(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Resources" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
          (macros
            ? '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
            : '') +
          '</Relationships>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: text(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`,
      ),
    },
  ];
  if (macros) entries.push({ name: 'xl/vbaProject.bin', data: VBA_PROJECT, method: 0 });
  return entries;
}

/** The minimal workbook with `change` applied to the entry named `name`. */
export function withEntry(
  name: string,
  change: (entry: CorpusEntry) => CorpusEntry,
  entries = workbookEntries(),
): Uint8Array {
  if (!entries.some((entry) => entry.name === name)) throw new Error(`no entry ${name}`);
  return buildZip(entries.map((entry) => (entry.name === name ? change(entry) : entry)));
}

export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pmo` through `main` with fake streams (no terminal, no environment). */
export async function runPmo(argv: readonly string[], limits?: ReadLimits): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: {},
    ...(limits ? { limits } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
