// Adds the dashboard plan to an existing .xlsx package as one more worksheet, surgically (DESIGN §7): every
// part it does not need to change is copied as stored (the same compressed bytes), and the few parts it must
// change — workbook, its relationships, content types, styles — get string-level insertions only.

import { deflateSync, inflateSync } from 'fflate';
import { columnLetters } from '../core/a1';
import {
  chooseDashboardSheet,
  DASHBOARD_MARKER,
  type DashboardPlan,
  isDateValue,
  isUserText,
  looksLikeFormula,
  type PlanCell,
  type PlanChart,
  type PlanStyle,
  type PlanValue,
} from '../core/dashboard/plan';
import {
  attributesOf,
  decodeCellText,
  folderOf,
  isDateFormatCode,
  MAX_PART_BYTES,
  PREFIX,
  readWorkbook,
  relsPathOf,
  resolveTarget,
  type WorkbookError,
} from './xlsx';

/** The workbook with its dashboard: the new file's bytes, the sheet written, and whether it replaced one. */
export interface DashboardWritten {
  readonly bytes: Uint8Array;
  readonly sheetName: string;
  /** True when an earlier dashboard sheet (A1 holds the marker) was rebuilt in place. */
  readonly replaced: boolean;
}

/** Excel's longest cell text. */
export const MAX_CELL_TEXT = 32_767;

const workbookError = (message: string): WorkbookError => ({ kind: 'workbook-error', message });

/** A package this module cannot edit; the message is one line for the user. */
class PackageError extends Error {}

const damaged = (reason: string): PackageError =>
  new PackageError(`the file is damaged or not an .xlsx workbook (${reason})`);

// ------------------------------------------------------------------------------------------------
// The zip container. Unchanged entries are copied raw (local header, data and descriptor as stored), so
// their bytes — compressed and decompressed — stay identical and nothing is recompressed (a 5 MB workbook
// recompressed by fflate takes more than the whole 2 s budget).

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const UTF8_NAME_FLAG = 0x0800;
const STORED = 0;
const DEFLATED = 8;
const MAX_UINT32 = 0xffffffff;
const MAX_UINT16 = 0xffff;

interface ZipEntry {
  readonly name: string;
  readonly nameBytes: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  /** The central directory record as stored. */
  readonly record: Uint8Array;
  /** Where in `record` the zip64 extra field holds the local header offset, or -1 (offset in the fixed field). */
  readonly zip64OffsetAt: number;
  /** End of this entry's local bytes (header, data, descriptor): the next entry's offset or the directory. */
  chunkEnd: number;
}

interface ZipArchive {
  readonly entries: readonly ZipEntry[];
  readonly comment: Uint8Array;
  /** True when the archive has a zip64 end of directory, or a record keeps a size or offset in zip64 form. */
  readonly zip64: boolean;
}

const latin1 = new TextDecoder('latin1');
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** The zip's central directory; a record pointing outside the file is damage, not a crash. */
function readZip(bytes: Uint8Array): ZipArchive {
  try {
    return readDirectory(bytes);
  } catch (error) {
    if (error instanceof RangeError) throw damaged('bad zip directory');
    throw error;
  }
}

function readDirectory(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - MAX_UINT16); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged('no zip directory');
  let count = view.getUint16(end + 10, true);
  let directoryOffset = view.getUint32(end + 16, true);
  const commentLength = view.getUint16(end + 20, true);
  const comment = bytes.subarray(end + 22, Math.min(bytes.length, end + 22 + commentLength));
  const locator = end - 20;
  let zip64 = locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR;
  if (zip64 || count === MAX_UINT16 || directoryOffset === MAX_UINT32) {
    if (!zip64) throw damaged('bad zip64 directory');
    const zip64End = Number(view.getBigUint64(locator + 8, true));
    if (zip64End + 56 > bytes.length || view.getUint32(zip64End, true) !== ZIP64_END_OF_DIRECTORY)
      throw damaged('bad zip64 directory');
    count = Number(view.getBigUint64(zip64End + 32, true));
    directoryOffset = Number(view.getBigUint64(zip64End + 48, true));
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER)
      throw damaged('bad zip directory entry');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const recordLength = 46 + nameLength + extraLength + view.getUint16(at + 32, true);
    if (at + recordLength > bytes.length) throw damaged('bad zip directory entry');
    let size = view.getUint32(at + 24, true);
    let compressedSize = view.getUint32(at + 20, true);
    let localOffset = view.getUint32(at + 42, true);
    let zip64OffsetAt = -1;
    if (size === MAX_UINT32 || compressedSize === MAX_UINT32 || localOffset === MAX_UINT32) zip64 = true;
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 1) {
        let field = extra + 4;
        if (size === MAX_UINT32) {
          size = Number(view.getBigUint64(field, true));
          field += 8;
        }
        if (compressedSize === MAX_UINT32) {
          compressedSize = Number(view.getBigUint64(field, true));
          field += 8;
        }
        if (localOffset === MAX_UINT32) {
          localOffset = Number(view.getBigUint64(field, true));
          zip64OffsetAt = field - at;
        }
      }
      extra += 4 + length;
    }
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = (flags & UTF8_NAME_FLAG ? new TextDecoder() : latin1).decode(nameBytes);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_HEADER)
      throw damaged(`bad zip entry ${name}`);
    entries.push({
      name,
      nameBytes,
      flags,
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      compressedSize,
      size,
      localOffset,
      record: bytes.subarray(at, at + recordLength),
      zip64OffsetAt,
      chunkEnd: directoryOffset,
    });
    at += recordLength;
  }
  const offsets = [...new Set(entries.map((entry) => entry.localOffset))].sort((a, b) => a - b);
  for (const entry of entries) {
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((offsets[middle] ?? 0) <= entry.localOffset) low = middle + 1;
      else high = middle;
    }
    entry.chunkEnd = Math.min(offsets[low] ?? directoryOffset, directoryOffset);
  }
  return { entries, comment, zip64 };
}

/** The decompressed bytes of one entry (fflate inflates). */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.size > MAX_PART_BYTES)
    throw new PackageError(
      `the part ${entry.name} is larger than ${MAX_PART_BYTES / 1024 / 1024} MB: too large to read`,
    );
  if (entry.flags & 1) throw damaged(`${entry.name} is encrypted`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start =
    entry.localOffset +
    30 +
    view.getUint16(entry.localOffset + 26, true) +
    view.getUint16(entry.localOffset + 28, true);
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > bytes.length) throw damaged(`${entry.name} is cut short`);
  if (entry.method === STORED) return raw;
  if (entry.method === DEFLATED) return inflateSync(raw);
  throw damaged(`${entry.name} uses zip compression method ${entry.method}`);
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = (CRC_TABLE[(crc ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** A part written anew: its name, content, and the zip fields kept from the entry it replaces. */
interface WrittenPart {
  readonly nameBytes: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly versionMadeBy: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  readonly data: Uint8Array;
}

type OutputEntry = { readonly copy: ZipEntry } | { readonly write: WrittenPart; readonly stored: Uint8Array };

/**
 * Writes the zip. A zip64 input gets a zip64 end of directory too: readers such as fflate only look at the
 * zip64 fields of the copied records when there is one.
 */
function writeZip(
  source: Uint8Array,
  entries: readonly OutputEntry[],
  comment: Uint8Array,
  zip64: boolean,
): Uint8Array {
  let localSize = 0;
  let directorySize = 0;
  for (const entry of entries) {
    if ('copy' in entry) {
      localSize += entry.copy.chunkEnd - entry.copy.localOffset;
      directorySize += entry.copy.record.length;
    } else {
      localSize += 30 + entry.write.nameBytes.length + entry.stored.length;
      directorySize += 46 + entry.write.nameBytes.length;
    }
  }
  const total = localSize + directorySize + (zip64 ? 56 + 20 : 0) + 22 + comment.length;
  if (localSize + directorySize > MAX_UINT32 || entries.length >= MAX_UINT16)
    throw new PackageError('the workbook is too large to write (over 4 GB or 65,535 parts)');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const entry of entries) {
    offsets.push(at);
    if ('copy' in entry) {
      out.set(source.subarray(entry.copy.localOffset, entry.copy.chunkEnd), at);
      at += entry.copy.chunkEnd - entry.copy.localOffset;
      continue;
    }
    const part = entry.write;
    view.setUint32(at, LOCAL_HEADER, true);
    view.setUint16(at + 4, part.method === STORED ? 10 : 20, true);
    view.setUint16(at + 6, part.flags, true);
    view.setUint16(at + 8, part.method, true);
    view.setUint16(at + 10, part.time, true);
    view.setUint16(at + 12, part.date, true);
    view.setUint32(at + 14, crc32(part.data), true);
    view.setUint32(at + 18, entry.stored.length, true);
    view.setUint32(at + 22, part.data.length, true);
    view.setUint16(at + 26, part.nameBytes.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(part.nameBytes, at + 30);
    out.set(entry.stored, at + 30 + part.nameBytes.length);
    at += 30 + part.nameBytes.length + entry.stored.length;
  }
  const directoryStart = at;
  entries.forEach((entry, index) => {
    const offset = offsets[index] ?? 0;
    if ('copy' in entry) {
      out.set(entry.copy.record, at);
      if (entry.copy.zip64OffsetAt >= 0)
        view.setBigUint64(at + entry.copy.zip64OffsetAt, BigInt(offset), true);
      else view.setUint32(at + 42, offset, true);
      at += entry.copy.record.length;
      return;
    }
    const part = entry.write;
    const local = new DataView(out.buffer, offset);
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, part.versionMadeBy, true);
    for (let i = 4; i < 26; i++) out[at + 2 + i] = out[offset + i] ?? 0;
    view.setUint16(at + 28, local.getUint16(26, true), true);
    view.setUint16(at + 30, 0, true);
    view.setUint16(at + 32, 0, true);
    view.setUint16(at + 34, 0, true);
    view.setUint16(at + 36, part.internalAttributes, true);
    view.setUint32(at + 38, part.externalAttributes, true);
    view.setUint32(at + 42, offset, true);
    out.set(part.nameBytes, at + 46);
    at += 46 + part.nameBytes.length;
  });
  const directoryLength = at - directoryStart;
  if (zip64) {
    const zip64End = at;
    view.setUint32(at, ZIP64_END_OF_DIRECTORY, true);
    view.setBigUint64(at + 4, 44n, true);
    view.setUint16(at + 12, 45, true);
    view.setUint16(at + 14, 45, true);
    view.setBigUint64(at + 24, BigInt(entries.length), true);
    view.setBigUint64(at + 32, BigInt(entries.length), true);
    view.setBigUint64(at + 40, BigInt(directoryLength), true);
    view.setBigUint64(at + 48, BigInt(directoryStart), true);
    at += 56;
    view.setUint32(at, ZIP64_LOCATOR, true);
    view.setBigUint64(at + 8, BigInt(zip64End), true);
    view.setUint32(at + 16, 1, true);
    at += 20;
  }
  view.setUint32(at, END_OF_DIRECTORY, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, directoryLength, true);
  view.setUint32(at + 16, directoryStart, true);
  view.setUint16(at + 20, comment.length, true);
  out.set(comment, at + 22);
  return out;
}

// ------------------------------------------------------------------------------------------------
// XML text

/** Characters XML 1.0 does not allow. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const XML_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NOT_XML_CHAR = new RegExp(`${XML_FORBIDDEN.source}|${UNPAIRED_SURROGATE.source}`, 'g');
/** Characters cell text stores as `_xHHHH_`: those XML cannot hold, and CR (which XML reads as LF). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const NOT_CELL_CHAR = /[\0-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]/g;
const XML_SPECIAL = /[&<>"\t\n\r]/g;
const XML_SPECIAL_TEXT: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text for an attribute value (quoted with ") or element content: characters XML cannot hold are left out. */
function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(XML_SPECIAL, (char) => XML_SPECIAL_TEXT[char] ?? char);
}

/**
 * Cell text as OOXML stores it: at most {@link MAX_CELL_TEXT} characters; control characters XML cannot hold
 * (and CR, which XML would turn into LF) as `_xHHHH_`; a literal `_xHHHH_` protected as `_x005F_xHHHH_`;
 * unpaired surrogates as U+FFFD; & < > as entities.
 */
export function escapeCellText(text: string): string {
  let limited = text;
  if (limited.length > MAX_CELL_TEXT) {
    const cut = /[\uD800-\uDBFF]/.test(limited[MAX_CELL_TEXT - 2] ?? '')
      ? MAX_CELL_TEXT - 2
      : MAX_CELL_TEXT - 1;
    limited = `${limited.slice(0, cut)}…`;
  }
  return limited
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(UNPAIRED_SURROGATE, '\uFFFD')
    .replace(NOT_CELL_CHAR, (char) => `_x${hex4(char.charCodeAt(0))}_`)
    .replace(/[&<>]/g, (char) => XML_SPECIAL_TEXT[char] ?? char);
}

const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');

/** One element found in XML text: where it starts and ends, its tag's attribute text and its inner XML. */
interface Found {
  readonly start: number;
  readonly end: number;
  readonly prefix: string;
  readonly attributes: string;
  /** Offset of the inner XML (= end for a self-closing element) and of the close tag. */
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly selfClosing: boolean;
}

/** Elements `<name …/>` or `<name …>…</name>` (any prefix) in xml[from, to), in order, not nested in themselves. */
function findElements(xml: string, name: string, from = 0, to = xml.length, limit = Infinity): Found[] {
  const found: Found[] = [];
  const open = new RegExp(`<(${PREFIX})${name}(?=[\\s/>])([^>]*)>`, 'g');
  open.lastIndex = from;
  for (
    let match = open.exec(xml);
    match && match.index < to && found.length < limit;
    match = open.exec(xml)
  ) {
    const prefix = match[1] ?? '';
    const attributes = match[2] ?? '';
    const innerStart = open.lastIndex;
    if (attributes.endsWith('/')) {
      found.push({
        start: match.index,
        end: innerStart,
        prefix,
        attributes: attributes.slice(0, -1),
        innerStart,
        innerEnd: innerStart,
        selfClosing: true,
      });
      continue;
    }
    const closeTag = `</${prefix}${name}>`;
    const close = xml.indexOf(closeTag, innerStart);
    if (close < 0 || close >= to) break;
    found.push({
      start: match.index,
      end: close + closeTag.length,
      prefix,
      attributes,
      innerStart,
      innerEnd: close,
      selfClosing: false,
    });
    open.lastIndex = close + closeTag.length;
  }
  return found;
}

const firstElement = (xml: string, name: string, from = 0, to = xml.length): Found | undefined =>
  findElements(xml, name, from, to, 1)[0];

/** Text edits on one string: replace [start, end) with text. Edits must not overlap. */
function applyEdits(text: string, edits: readonly { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + text.slice(at);
}

/** Inserts `content` as the last children of an element (turning `<x/>` into `<x>…</x>`). */
function appendChildrenEdit(element: Found, name: string, content: string) {
  return element.selfClosing
    ? {
        start: element.start,
        end: element.end,
        text: `<${element.prefix}${name}${element.attributes}>${content}</${element.prefix}${name}>`,
      }
    : { start: element.innerEnd, end: element.innerEnd, text: content };
}

/** Decodes a part that must be edited; it has to be UTF-8 (a byte-order mark is kept as U+FEFF). */
function partText(name: string, data: Uint8Array): string {
  try {
    return utf8Strict.decode(data);
  } catch {
    throw damaged(`${name} is not UTF-8 text`);
  }
}

// ------------------------------------------------------------------------------------------------
// Package paths and relationships

/** The relative target from the part `from` to the part `to` ("../drawings/drawing1.xml"). */
function relativeTarget(from: string, to: string): string {
  const fromFolders = folderOf(from).split('/').filter(Boolean);
  const toParts = to.split('/');
  let common = 0;
  while (
    common < fromFolders.length &&
    common < toParts.length - 1 &&
    fromFolders[common] === toParts[common]
  )
    common++;
  return [...fromFolders.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Resolved part name, or undefined for an external target. */
  readonly target: string | undefined;
  readonly element: Found;
}

function readRelationships(xml: string | undefined, ownerPath: string): Relationship[] {
  if (xml === undefined) return [];
  return findElements(xml, 'Relationship').map((element) => {
    const attributes = attributesOf(element.attributes);
    const target = attributes.get('Target');
    const external = attributes.get('TargetMode') === 'External';
    return {
      id: attributes.get('Id') ?? '',
      type: attributes.get('Type') ?? '',
      target: external || target === undefined ? undefined : resolveTarget(folderOf(ownerPath), target),
      element,
    };
  });
}

const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The namespaces of the workbook's conformance class (transitional, or strict as Excel writes it). */
interface Namespaces {
  readonly main: string;
  readonly relationships: string;
  readonly drawing: string;
  readonly chart: string;
  readonly spreadsheetDrawing: string;
}

const TRANSITIONAL: Namespaces = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  drawing: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  spreadsheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};

const STRICT: Namespaces = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  relationships: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  drawing: 'http://purl.oclc.org/ooxml/drawingml/main',
  chart: 'http://purl.oclc.org/ooxml/drawingml/chart',
  spreadsheetDrawing: 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing',
};

const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

/** The package being edited: entries by lower-case name (part names are case-insensitive), decoded lazily. */
class PackageParts {
  private readonly byLowerName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();

  constructor(
    private readonly bytes: Uint8Array,
    readonly archive: ZipArchive,
  ) {
    for (const entry of archive.entries) {
      const key = entry.name.replace(/\\/g, '/').toLowerCase();
      if (!this.byLowerName.has(key)) this.byLowerName.set(key, entry);
    }
  }

  entry(path: string): ZipEntry | undefined {
    return this.byLowerName.get(path.toLowerCase());
  }

  has(path: string): boolean {
    return this.byLowerName.has(path.toLowerCase());
  }

  /** The part's text, or undefined when the package has no such part. */
  text(path: string): string | undefined {
    const entry = this.entry(path);
    if (entry === undefined) return undefined;
    let text = this.texts.get(entry.name);
    if (text === undefined) {
      text = partText(entry.name, entryData(this.bytes, entry));
      this.texts.set(entry.name, text);
    }
    return text;
  }

  /** Part names (as stored, slashes normalised) of every entry. */
  names(): string[] {
    return this.archive.entries.map((entry) => entry.name.replace(/\\/g, '/'));
  }
}

// ------------------------------------------------------------------------------------------------
// Recognising the add-in's own sheet: A1 holds exactly the marker

/** Text of a shared string item or inline string: its `<t>` runs joined, phonetic runs left out. */
function richText(inner: string): string {
  const xml = inner.includes('rPh')
    ? inner.replace(new RegExp(`<(${PREFIX})rPh\\b[\\s\\S]*?</\\1rPh>`, 'g'), '')
    : inner;
  return decodeCellText(
    findElements(xml, 't')
      .map((element) => xml.slice(element.innerStart, element.innerEnd))
      .join(''),
  );
}

/** The n-th (0-based) shared string, scanning only as far as it. */
function sharedString(xml: string, index: number): string | undefined {
  const open = new RegExp(`<(${PREFIX})si(?=[\\s/>])([^>]*)>`, 'g');
  let seen = 0;
  for (let match = open.exec(xml); match; match = open.exec(xml)) {
    if ((match[2] ?? '').endsWith('/')) {
      if (seen++ === index) return '';
      continue;
    }
    const closeTag = `</${match[1] ?? ''}si>`;
    const close = xml.indexOf(closeTag, open.lastIndex);
    if (close < 0) return undefined;
    if (seen++ === index) return richText(xml.slice(open.lastIndex, close));
    open.lastIndex = close + closeTag.length;
  }
  return undefined;
}

/** The text in A1 of a worksheet, or undefined when A1 is blank or not text. */
function textInA1(sheetXml: string, sharedStrings: () => string | undefined): string | undefined {
  const sheetData = firstElement(sheetXml, 'sheetData');
  if (!sheetData || sheetData.selfClosing) return undefined;
  const row = firstElement(sheetXml, 'row', sheetData.innerStart, sheetData.innerEnd);
  if (!row || row.selfClosing) return undefined;
  const rowNumber = attributesOf(row.attributes).get('r');
  if (rowNumber !== undefined && rowNumber !== '1') return undefined;
  const cell = firstElement(sheetXml, 'c', row.innerStart, row.innerEnd);
  if (!cell || cell.selfClosing) return undefined;
  const attributes = attributesOf(cell.attributes);
  const reference = attributes.get('r');
  if (reference !== undefined && reference.toUpperCase() !== 'A1') return undefined;
  const type = attributes.get('t');
  if (type === 'inlineStr') {
    const inline = firstElement(sheetXml, 'is', cell.innerStart, cell.innerEnd);
    return inline ? richText(sheetXml.slice(inline.innerStart, inline.innerEnd)) : undefined;
  }
  const value = firstElement(sheetXml, 'v', cell.innerStart, cell.innerEnd);
  const raw = value ? sheetXml.slice(value.innerStart, value.innerEnd) : undefined;
  if (raw === undefined) return undefined;
  if (type === 'str') return decodeCellText(raw);
  if (type !== 's') return undefined;
  const xml = sharedStrings();
  const index = Number(raw.trim());
  return xml === undefined || !Number.isInteger(index) ? undefined : sharedString(xml, index);
}

// ------------------------------------------------------------------------------------------------
// Styles: new fonts, fills, number formats and cell formats are appended; existing entries keep their index

/** Number formats every Excel has, independent of the locale (dates are not: 14–22 follow regional settings). */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  '@': 49,
};

/** The collections of a stylesheet, in schema order, with the element each holds. */
const STYLE_COLLECTIONS = [
  ['numFmts', 'numFmt'],
  ['fonts', 'font'],
  ['fills', 'fill'],
  ['borders', 'border'],
  ['cellStyleXfs', 'xf'],
  ['cellXfs', 'xf'],
  ['cellStyles', 'cellStyle'],
  ['dxfs', 'dxf'],
  ['tableStyles', 'tableStyle'],
  ['colors', ''],
  ['extLst', ''],
] as const;

type CollectionName = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellStyleXfs' | 'cellXfs';

interface Collection {
  readonly element: Found | undefined;
  /** Existing child elements as written (their index is what cells refer to), or the defaults of a missing one. */
  readonly items: readonly string[];
  readonly added: string[];
}

/** How one plan cell is formatted. */
interface CellFormat {
  /** The plan style's name, which identifies `style` within one plan. */
  readonly styleName: string | undefined;
  readonly style: PlanStyle | undefined;
  readonly numberFormat: string | undefined;
  readonly quotePrefix: boolean;
}

class StyleSheet {
  private readonly collections = new Map<CollectionName, Collection>();
  private readonly prefix: string;
  private readonly defaultFont: string;
  private readonly numFmtIds = new Map<string, number>();
  private readonly redefinedBuiltins = new Set<number>();
  private nextNumFmtId = 164;
  private readonly xfCache = new Map<string, number>();

  private readonly xml: string;

  constructor(xml: string) {
    const root = firstElement(xml, 'styleSheet');
    if (!root) throw damaged('the styles part has no stylesheet');
    this.xml = root.selfClosing ? applyEdits(xml, [appendChildrenEdit(root, 'styleSheet', '')]) : xml;
    this.prefix = root.prefix;
    const defaults = defaultStyles(this.prefix);
    for (const [name, child] of STYLE_COLLECTIONS) {
      if (!isEditedCollection(name)) continue;
      const element = firstElement(this.xml, name);
      // A missing collection is created with the entries Excel expects at index 0 (and 1 for fills).
      const items = element
        ? findElements(this.xml, child, element.innerStart, element.innerEnd).map((item) =>
            this.xml.slice(item.start, item.end),
          )
        : defaults[name];
      this.collections.set(name, { element, items, added: [] });
    }
    for (const item of this.collection('numFmts').items) {
      const attributes = attributesOf(item.slice(0, item.indexOf('>')));
      const id = Number(attributes.get('numFmtId'));
      if (!Number.isInteger(id)) continue;
      const code = attributes.get('formatCode') ?? '';
      if (!this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
      if (id < 164) this.redefinedBuiltins.add(id);
      this.nextNumFmtId = Math.max(this.nextNumFmtId, id + 1);
    }
    this.defaultFont = this.collection('fonts').items[0] ?? '';
  }

  private collection(name: CollectionName): Collection {
    const collection = this.collections.get(name);
    if (!collection) throw new Error(`unknown style collection ${name}`);
    return collection;
  }

  /** Index of an element in a collection: an identical existing one, else appended. */
  private indexOf(name: CollectionName, element: string): number {
    const collection = this.collection(name);
    const existing = collection.items.indexOf(element);
    if (existing >= 0) return existing;
    const added = collection.added.indexOf(element);
    if (added >= 0) return collection.items.length + added;
    collection.added.push(element);
    return collection.items.length + collection.added.length - 1;
  }

  private numFmtId(code: string | undefined): number {
    if (code === undefined || code === '' || code === 'General') return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined && !this.redefinedBuiltins.has(builtin)) return builtin;
    const existing = this.numFmtIds.get(code);
    if (existing !== undefined) return existing;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.collection('numFmts').added.push(
      `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    return id;
  }

  private fontId(style: PlanStyle): number {
    if (!style.bold && !style.italic && style.fontSize === undefined && argb(style.fontColor) === undefined)
      return 0;
    const p = this.prefix;
    const from = (name: string): string | undefined => {
      const match = new RegExp(`<${PREFIX}${name}\\s+val\\s*=\\s*"([^"]*)"`).exec(this.defaultFont);
      return match?.[1];
    };
    const size = style.fontSize ?? Number(from('sz') ?? 11);
    const color = argb(style.fontColor);
    const family = from('family');
    const charset = from('charset');
    const scheme = from('scheme');
    const font =
      `<${p}font>${style.bold ? `<${p}b/>` : ''}${style.italic ? `<${p}i/>` : ''}` +
      `<${p}sz val="${formatNumber(size)}"/>${color ? `<${p}color rgb="${color}"/>` : ''}` +
      `<${p}name val="${from('name') ?? 'Calibri'}"/>${family ? `<${p}family val="${family}"/>` : ''}` +
      `${charset ? `<${p}charset val="${charset}"/>` : ''}${scheme ? `<${p}scheme val="${scheme}"/>` : ''}</${p}font>`;
    return this.indexOf('fonts', font);
  }

  private fillId(style: PlanStyle): number {
    const color = argb(style.fill);
    if (color === undefined) return 0;
    const p = this.prefix;
    return this.indexOf(
      'fills',
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${color}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  /** The cellXfs index for a cell format (0 when it needs nothing beyond the workbook's default). */
  cellXf(format: CellFormat): number {
    const key = `${format.styleName ?? ''}\u0000${format.numberFormat ?? ''}\u0000${format.quotePrefix}`;
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const style = format.style ?? {};
    const numFmt = this.numFmtId(format.numberFormat);
    const font = this.fontId(style);
    const fill = this.fillId(style);
    const p = this.prefix;
    let index = 0;
    if (numFmt !== 0 || font !== 0 || fill !== 0 || style.align !== undefined || format.quotePrefix) {
      const attributes =
        `numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"` +
        `${numFmt !== 0 ? ' applyNumberFormat="1"' : ''}${font !== 0 ? ' applyFont="1"' : ''}` +
        `${fill !== 0 ? ' applyFill="1"' : ''}${style.align !== undefined ? ' applyAlignment="1"' : ''}` +
        `${format.quotePrefix ? ' quotePrefix="1"' : ''}`;
      index = this.indexOf(
        'cellXfs',
        style.align === undefined
          ? `<${p}xf ${attributes}/>`
          : `<${p}xf ${attributes}><${p}alignment horizontal="${style.align}"/></${p}xf>`,
      );
    }
    this.xfCache.set(key, index);
    return index;
  }

  /** True when nothing was added. */
  get unchanged(): boolean {
    return [...this.collections.values()].every((collection) => collection.added.length === 0);
  }

  /** The stylesheet with the additions: collections grown in place, missing ones created in schema order. */
  toXml(): string {
    const p = this.prefix;
    const createMissing = this.collection('cellXfs').added.length > 0;
    const edits: { start: number; end: number; text: string }[] = [];
    const root = firstElement(this.xml, 'styleSheet');
    if (!root) throw damaged('the styles part has no stylesheet');
    STYLE_COLLECTIONS.forEach(([name], order) => {
      if (!isEditedCollection(name)) return;
      const { element, items, added } = this.collection(name);
      if (element) {
        if (added.length === 0) return;
        const count = items.length + added.length;
        const attributes = element.attributes.replace(/\bcount\s*=\s*("[^"]*"|'[^']*')/, `count="${count}"`);
        if (element.selfClosing) {
          edits.push({
            start: element.start,
            end: element.end,
            text: `<${element.prefix}${name}${attributes}>${added.join('')}</${element.prefix}${name}>`,
          });
        } else {
          edits.push({
            start: element.start,
            end: element.innerStart,
            text: `<${element.prefix}${name}${attributes}>`,
          });
          edits.push({ start: element.innerEnd, end: element.innerEnd, text: added.join('') });
        }
        return;
      }
      const all = [...items, ...added];
      if (added.length === 0 && !(createMissing && all.length > 0)) return;
      let position = root.innerEnd;
      for (const [later] of STYLE_COLLECTIONS.slice(order + 1)) {
        const found = firstElement(this.xml, later, root.innerStart, root.innerEnd);
        if (found) {
          position = found.start;
          break;
        }
      }
      edits.push({
        start: position,
        end: position,
        text: `<${p}${name} count="${all.length}">${all.join('')}</${p}${name}>`,
      });
    });
    return applyEdits(this.xml, edits);
  }
}

const isEditedCollection = (name: string): name is CollectionName =>
  name === 'numFmts' ||
  name === 'fonts' ||
  name === 'fills' ||
  name === 'borders' ||
  name === 'cellStyleXfs' ||
  name === 'cellXfs';

/** What a stylesheet must hold at the start of each collection, for collections a workbook lacks. */
function defaultStyles(p: string): Record<CollectionName, readonly string[]> {
  return {
    numFmts: [],
    fonts: [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`],
    fills: [
      `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
      `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
    ],
    borders: [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`],
    cellStyleXfs: [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
    cellXfs: [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
  };
}

/** '#RRGGBB' → 'FFRRGGBB'; undefined for anything else. */
function argb(color: string | undefined): string | undefined {
  return color !== undefined && /^#[0-9A-Fa-f]{6}$/.test(color)
    ? `FF${color.slice(1).toUpperCase()}`
    : undefined;
}

// ------------------------------------------------------------------------------------------------
// The worksheet

/** Days between the 1900 and 1904 date systems. */
const DATE_1904_OFFSET = 1462;
const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
const MAX_COLUMN_WIDTH = 255;
const DEFAULT_FONT_SIZE = 11;

/** Column letters of a 0-based column index (0 → A, 26 → AA). */
const cellAddress = (row: number, column: number): string => `${columnLetters(column)}${row + 1}`;

/** A number as xsd:double text ("-0" as "0"). */
function formatNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/** The text of a plan value that is text (user text or a plain string). */
function textOf(value: PlanValue): string | undefined {
  if (typeof value === 'string') return value;
  return isUserText(value) ? value.userText : undefined;
}

function isDateCode(code: string | undefined): boolean {
  return code !== undefined && isDateFormatCode(code);
}

interface SheetOptions {
  readonly plan: DashboardPlan;
  readonly styles: StyleSheet;
  readonly namespaces: Namespaces;
  readonly date1904: boolean;
  /** Relationship id of the drawing holding the charts, when there are charts. */
  readonly drawingId: string | undefined;
  readonly tabSelected: boolean;
}

function cellXml(cell: PlanCell, row: number, column: number, options: SheetOptions): string {
  const { value } = cell;
  const text = textOf(value);
  const date = isDateValue(value);
  const style = cell.style === undefined ? undefined : options.plan.styles[cell.style];
  const numberFormat = date && !isDateCode(cell.numberFormat) ? DEFAULT_DATE_FORMAT : cell.numberFormat;
  const xf = options.styles.cellXf({
    styleName: cell.style,
    style,
    numberFormat,
    quotePrefix: text !== undefined && looksLikeFormula(text),
  });
  const s = xf === 0 ? '' : ` s="${xf}"`;
  const r = cellAddress(row, column);
  if (text !== undefined && text !== '')
    return `<c r="${r}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeCellText(text)}</t></is></c>`;
  if (typeof value === 'number' || date) {
    const number = date ? value.date - (options.date1904 ? DATE_1904_OFFSET : 0) : (value as number);
    return Number.isFinite(number)
      ? `<c r="${r}"${s}><v>${formatNumber(number)}</v></c>`
      : `<c r="${r}"${s} t="e"><v>#NUM!</v></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${r}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return s === '' ? '' : `<c r="${r}"${s}/>`;
}

/** Merged areas that are inside the sheet, larger than one cell and not overlapping an earlier one. */
function validMerges(plan: DashboardPlan): DashboardPlan['merges'] {
  const kept: DashboardPlan['merges'][number][] = [];
  for (const merge of plan.merges) {
    const valid =
      [merge.row, merge.column, merge.rows, merge.columns].every(Number.isInteger) &&
      merge.row >= 0 &&
      merge.column >= 0 &&
      merge.rows >= 1 &&
      merge.columns >= 1 &&
      merge.rows * merge.columns > 1;
    const overlaps = kept.some(
      (other) =>
        merge.row < other.row + other.rows &&
        other.row < merge.row + merge.rows &&
        merge.column < other.column + other.columns &&
        other.column < merge.column + merge.columns,
    );
    if (valid && !overlaps) kept.push(merge);
  }
  return kept;
}

function worksheetXml(options: SheetOptions): string {
  const { plan, namespaces } = options;
  const rows: string[] = [];
  let lastColumn = Math.max(0, plan.width - 1);
  plan.cells.forEach((cells, row) => {
    let content = '';
    let fontSize = DEFAULT_FONT_SIZE;
    cells.forEach((cell, column) => {
      const xml = cellXml(cell, row, column, options);
      if (xml === '') return;
      content += xml;
      lastColumn = Math.max(lastColumn, column);
      const size = cell.style === undefined ? undefined : plan.styles[cell.style]?.fontSize;
      if (size !== undefined && size > fontSize) fontSize = size;
    });
    const height = fontSize > DEFAULT_FONT_SIZE ? ` ht="${Math.ceil(fontSize * 1.4)}" customHeight="1"` : '';
    if (content !== '' || height !== '') rows.push(`<row r="${row + 1}"${height}>${content}</row>`);
  });
  const lastRow = Math.max(0, plan.cells.length - 1);
  const frozen = Number.isInteger(plan.frozenRows) && plan.frozenRows > 0 ? plan.frozenRows : 0;
  const selected = options.tabSelected ? ' tabSelected="1"' : '';
  const view =
    frozen > 0
      ? `<sheetView${selected} workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView>`
      : `<sheetView${selected} workbookViewId="0"/>`;
  const columns = plan.columnWidths
    .map((width, column) =>
      Number.isFinite(width) && width > 0
        ? `<col min="${column + 1}" max="${column + 1}" width="${formatNumber(Math.min(width, MAX_COLUMN_WIDTH))}" customWidth="1"/>`
        : '',
    )
    .join('');
  const merges = validMerges(plan).map(
    (merge) =>
      `<mergeCell ref="${cellAddress(merge.row, merge.column)}:${cellAddress(merge.row + merge.rows - 1, merge.column + merge.columns - 1)}"/>`,
  );
  return (
    `${XML_DECLARATION}<worksheet xmlns="${namespaces.main}" xmlns:r="${namespaces.relationships}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${cellAddress(lastRow, lastColumn)}"/>` +
    `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `${columns === '' ? '' : `<cols>${columns}</cols>`}` +
    `<sheetData>${rows.join('')}</sheetData>` +
    `${merges.length === 0 ? '' : `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `${options.drawingId === undefined ? '' : `<drawing r:id="${options.drawingId}"/>`}</worksheet>`
  );
}

// ------------------------------------------------------------------------------------------------
// Charts: one drawing holding every chart; each chart a clustered column/bar or a line chart over the sheet

/** A sheet name quoted for a formula: 'PMO Dashboard' (apostrophes doubled). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const absoluteAddress = (row: number, column: number): string => `$${columnLetters(column)}$${row + 1}`;

function isValidChart(chart: PlanChart): boolean {
  const { categories, anchor } = chart;
  const indexes = [
    categories.column,
    categories.firstRow,
    categories.lastRow,
    anchor.row,
    anchor.column,
    ...chart.series.flatMap((series) => [series.column, series.nameRow]),
  ];
  return (
    indexes.every((index) => Number.isInteger(index) && index >= 0) &&
    categories.firstRow <= categories.lastRow &&
    chart.series.length > 0 &&
    anchor.rows > 0 &&
    anchor.columns > 0
  );
}

function chartXml(chart: PlanChart, sheetName: string, options: SheetOptions): string {
  const { plan, namespaces } = options;
  const sheet = quoteSheetName(sheetName);
  const { categories } = chart;
  const rows: number[] = [];
  for (let row = categories.firstRow; row <= categories.lastRow; row++) rows.push(row);
  const cellAt = (row: number, column: number): PlanCell | undefined => plan.cells[row]?.[column];
  const numberAt = (row: number, column: number): number | undefined => {
    const value = cellAt(row, column)?.value ?? null;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (isDateValue(value)) return value.date - (options.date1904 ? DATE_1904_OFFSET : 0);
    return undefined;
  };
  const range = (column: number) =>
    `${sheet}!${absoluteAddress(categories.firstRow, column)}:${absoluteAddress(categories.lastRow, column)}`;
  const count = `<c:ptCount val="${rows.length}"/>`;
  const categoryValues = rows.map((row) => cellAt(row, categories.column)?.value ?? null);
  const numericCategories =
    categoryValues.some((value) => value !== null) &&
    categoryValues.every((value) => value === null || typeof value === 'number' || isDateValue(value));
  const firstCategory = cellAt(categories.firstRow, categories.column);
  const categoryFormat = categoryValues.some((value) => isDateValue(value))
    ? isDateCode(firstCategory?.numberFormat)
      ? (firstCategory?.numberFormat ?? DEFAULT_DATE_FORMAT)
      : DEFAULT_DATE_FORMAT
    : (firstCategory?.numberFormat ?? 'General');
  const categoryCache = numericCategories
    ? `<c:numRef><c:f>${escapeXml(range(categories.column))}</c:f><c:numCache><c:formatCode>${escapeXml(categoryFormat)}</c:formatCode>${count}${rows
        .map((row, index) => {
          const number = numberAt(row, categories.column);
          return number === undefined ? '' : `<c:pt idx="${index}"><c:v>${formatNumber(number)}</c:v></c:pt>`;
        })
        .join('')}</c:numCache></c:numRef>`
    : `<c:strRef><c:f>${escapeXml(range(categories.column))}</c:f><c:strCache>${count}${categoryValues
        .map((value, index) => {
          const text = textOf(value) ?? (typeof value === 'number' ? formatNumber(value) : undefined);
          return text === undefined ? '' : `<c:pt idx="${index}"><c:v>${escapeXml(text)}</c:v></c:pt>`;
        })
        .join('')}</c:strCache></c:strRef>`;
  const series = chart.series
    .map((serie, index) => {
      const nameValue = cellAt(serie.nameRow, serie.column)?.value ?? null;
      const name = textOf(nameValue) ?? (typeof nameValue === 'number' ? formatNumber(nameValue) : '');
      const valueFormat = cellAt(categories.firstRow, serie.column)?.numberFormat ?? 'General';
      const points = rows
        .map((row, point) => {
          const number = numberAt(row, serie.column);
          return number === undefined ? '' : `<c:pt idx="${point}"><c:v>${formatNumber(number)}</c:v></c:pt>`;
        })
        .join('');
      const tx = `<c:tx><c:strRef><c:f>${escapeXml(`${sheet}!${absoluteAddress(serie.nameRow, serie.column)}`)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`;
      const values = `<c:val><c:numRef><c:f>${escapeXml(range(serie.column))}</c:f><c:numCache><c:formatCode>${escapeXml(valueFormat)}</c:formatCode>${count}${points}</c:numCache></c:numRef></c:val>`;
      return chart.kind === 'line'
        ? `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${tx}<c:marker><c:symbol val="circle"/></c:marker><c:cat>${categoryCache}</c:cat>${values}<c:smooth val="0"/></c:ser>`
        : `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${tx}<c:invertIfNegative val="0"/><c:cat>${categoryCache}</c:cat>${values}</c:ser>`;
    })
    .join('');
  const axes = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const plot =
    chart.kind === 'line'
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
      : `<c:barChart><c:barDir val="${chart.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  const horizontal = chart.kind === 'bar';
  const common = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  return (
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${namespaces.chart}" xmlns:a="${namespaces.drawing}" xmlns:r="${namespaces.relationships}">` +
    `${options.date1904 ? '<c:date1904 val="1"/>' : ''}<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>` +
    `<c:numFmt formatCode="${escapeXml(categoryFormat)}" sourceLinked="1"/>${common}<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/>${common}<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(
  charts: readonly PlanChart[],
  chartIds: readonly string[],
  namespaces: Namespaces,
): string {
  const anchors = charts
    .map((chart, index) => {
      const { anchor } = chart;
      const corner = (row: number, column: number) =>
        `<xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${corner(anchor.row, anchor.column)}</xdr:from>` +
        `<xdr:to>${corner(anchor.row + anchor.rows, anchor.column + anchor.columns)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(`Chart ${index + 1}`)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${namespaces.chart}"><c:chart xmlns:c="${namespaces.chart}" r:id="${chartIds[index] ?? ''}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join('');
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${namespaces.spreadsheetDrawing}" xmlns:a="${namespaces.drawing}" xmlns:r="${namespaces.relationships}">${anchors}</xdr:wsDr>`;
}

function relationshipsXml(relationships: readonly { id: string; type: string; target: string }[]): string {
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${relationships
    .map(
      (relationship) =>
        `<Relationship Id="${relationship.id}" Type="${escapeXml(relationship.type)}" Target="${escapeXml(relationship.target)}"/>`,
    )
    .join('')}</Relationships>`;
}

interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relationship: Relationship | undefined;
}

// ------------------------------------------------------------------------------------------------
// Putting it together

/**
 * Adds the dashboard plan as a worksheet of an existing .xlsx workbook and returns the new file. Parts it does
 * not change are copied byte-for-byte as stored (same compression, same order); `xl/workbook.xml`, its
 * relationships, `[Content_Types].xml` and `xl/styles.xml` only gain entries (a sheet, a relationship, content
 * type overrides, appended fonts/fills/number formats/cell formats with their counts updated); the sheet,
 * drawing and chart parts are new, numbered past existing ones. A style entry identical to an existing one is
 * reused, so rebuilding does not grow the stylesheet.
 *
 * The sheet is chosen as the Excel and Sheets hosts choose it (core `chooseDashboardSheet`; `plan.sheetName`
 * is not used): `PMO Dashboard` when absent or the add-in's own — its A1 holds exactly {@link DASHBOARD_MARKER}
 * — else the first `PMO Dashboard (2)`, `(3)`… that is absent or the add-in's own. An add-in sheet is rebuilt
 * in place (same entry, same name, same part) and its old drawing, chart and other parts only it reached are
 * dropped; a user's sheet of that name is never touched. Names compare case-insensitively, as Excel does.
 * When the calculation chain lists cells of the rebuilt sheet, the chain is dropped (Excel rebuilds it).
 * Text is written as inline strings, never as formulas; dates as serial numbers with the cell's date format
 * (yyyy-mm-dd when it has none), shifted for 1904-system workbooks. Never throws: a file that is not an editable .xlsx gives a one-line
 * {@link WorkbookError}, worded as {@link readWorkbook} words it.
 *
 * @example
 * const result = addDashboardSheet(readFileSync('book.xlsx'), plan);
 * if ('bytes' in result) writeFileSync('book.xlsx', result.bytes);
 */
export function addDashboardSheet(bytes: Uint8Array, plan: DashboardPlan): DashboardWritten | WorkbookError {
  const isZip =
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6);
  if (!isZip) return unreadable(bytes);
  try {
    return addToPackage(bytes, plan);
  } catch (error) {
    if (error instanceof PackageError) return workbookError(error.message);
    if (error instanceof RangeError) return workbookError('the workbook is too large to write');
    const reason = error instanceof Error ? error.message : String(error);
    return workbookError(`the file is damaged or not an .xlsx workbook (${reason})`);
  }
}

/** Why a file cannot be read, worded by the reader (fast for these files: it stops at the same point). */
function unreadable(bytes: Uint8Array): WorkbookError {
  const read = readWorkbook(bytes);
  return read.kind === 'workbook-error'
    ? read
    : workbookError('the file is damaged or not an .xlsx workbook');
}

function addToPackage(bytes: Uint8Array, plan: DashboardPlan): DashboardWritten | WorkbookError {
  const archive = readZip(bytes);
  const parts = new PackageParts(bytes, archive);
  const officeDocument = readRelationships(parts.text('_rels/.rels'), '').find(
    (relationship) => relationship.type.endsWith('/officeDocument') && relationship.target !== undefined,
  );
  const workbookPath =
    officeDocument?.target !== undefined && parts.has(officeDocument.target)
      ? officeDocument.target
      : 'xl/workbook.xml';
  const workbookXml = parts.text(workbookPath);
  if (workbookXml === undefined || !workbookPath.toLowerCase().endsWith('.xml')) return unreadable(bytes);
  const contentTypesXml = parts.text('[Content_Types].xml');
  if (contentTypesXml === undefined) throw damaged('no [Content_Types].xml');
  const workbookFolder = folderOf(workbookPath);
  const workbookRelsPath = relsPathOf(workbookPath);
  const workbookRelsXml =
    parts.text(workbookRelsPath) ?? `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"/>`;
  const workbookRelationships = readRelationships(workbookRelsXml, workbookPath);
  const relationshipById = new Map(
    workbookRelationships.map((relationship) => [relationship.id, relationship]),
  );

  const strict = workbookXml.includes(STRICT.main) || /\bconformance\s*=\s*["']strict["']/.test(workbookXml);
  const namespaces = strict ? STRICT : TRANSITIONAL;
  const knownType = workbookRelationships.find((relationship) =>
    /\/(worksheet|styles|sharedStrings|theme)$/.test(relationship.type),
  )?.type;
  const typeBase = knownType ? knownType.slice(0, knownType.lastIndexOf('/')) : `${namespaces.relationships}`;
  const relationshipType = (kind: string) => `${typeBase}/${kind}`;

  const sheetsElement = firstElement(workbookXml, 'sheets');
  if (!sheetsElement) throw damaged(`${workbookPath} has no sheet list`);
  const sheets: SheetEntry[] = findElements(
    workbookXml,
    'sheet',
    sheetsElement.innerStart,
    sheetsElement.innerEnd,
  ).map((element) => {
    const attributes = attributesOf(element.attributes);
    let id: string | undefined;
    for (const [name, value] of attributes) if (name.endsWith(':id')) id = value;
    return {
      name: attributes.get('name') ?? '',
      sheetId: Number(attributes.get('sheetId')),
      relationship: id === undefined ? undefined : relationshipById.get(id),
    };
  });
  const workbookPr = firstElement(workbookXml, 'workbookPr');
  const date1904Attribute = workbookPr ? attributesOf(workbookPr.attributes).get('date1904') : undefined;
  const date1904 = date1904Attribute === '1' || date1904Attribute === 'true';

  // The sheet to write, chosen as the hosts choose it: "PMO Dashboard" when absent or the add-in's own (A1
  // holds the marker), else the first "PMO Dashboard (n)" that is absent or the add-in's own.
  const sharedStringsPath = workbookRelationships.find((relationship) =>
    relationship.type.endsWith('/sharedStrings'),
  )?.target;
  const sharedStrings = () => (sharedStringsPath === undefined ? undefined : parts.text(sharedStringsPath));
  const isOurs = (sheet: SheetEntry): boolean => {
    const target = sheet.relationship?.target;
    return (
      target !== undefined &&
      sheet.relationship?.type.endsWith('/worksheet') === true &&
      parts.has(target) &&
      textInA1(parts.text(target) ?? '', sharedStrings) === DASHBOARD_MARKER
    );
  };
  const choice = chooseDashboardSheet(sheets, isOurs);
  const sheetName = choice.name;
  const ownedPart = choice.existing?.relationship?.target;
  const owned =
    choice.existing && ownedPart !== undefined ? { sheet: choice.existing, part: ownedPart } : undefined;

  // Parts that go: the old dashboard's drawing, charts and whatever else only its relationships reach.
  const removed = new Set<string>();
  const allRels = parts.names().filter((name) => name.toLowerCase().endsWith('.rels'));
  let dropCalcChain = false;
  if (owned) {
    const pending = [relsPathOf(owned.part)];
    while (pending.length > 0) {
      const relsPath = pending.pop() ?? '';
      if (!parts.has(relsPath) || removed.has(relsPath.toLowerCase())) continue;
      removed.add(relsPath.toLowerCase());
      for (const relationship of readRelationships(
        parts.text(relsPath),
        relsPath.replace(/_rels\/([^/]*)\.rels$/, '$1'),
      )) {
        const target = relationship.target;
        if (target === undefined || !parts.has(target) || removed.has(target.toLowerCase())) continue;
        if (target.toLowerCase() === owned.part.toLowerCase()) continue;
        removed.add(target.toLowerCase());
        pending.push(relsPathOf(target));
      }
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const relsPath of allRels) {
        if (removed.has(relsPath.toLowerCase())) continue;
        const owner = relsPath.replace(/_rels\/([^/]*)\.rels$/, '$1');
        for (const relationship of readRelationships(parts.text(relsPath), owner)) {
          const target = relationship.target?.toLowerCase();
          if (target === undefined || !removed.has(target)) continue;
          removed.delete(target);
          removed.delete(relsPathOf(target));
          changed = true;
        }
      }
    }
    dropCalcChain = calcChainMentions(parts, workbookRelationships, owned.sheet.sheetId);
  }

  // Part names for the new parts, past every name still in use.
  const inUse = new Set(
    parts
      .names()
      .map((name) => name.toLowerCase())
      .filter((name) => !removed.has(name)),
  );
  const freePart = (folder: string, stem: string): string => {
    for (let n = 1; ; n++) {
      const path = `${workbookFolder}${folder}/${stem}${n}.xml`;
      if (!inUse.has(path.toLowerCase()) && !inUse.has(relsPathOf(path).toLowerCase())) {
        inUse.add(path.toLowerCase());
        return path;
      }
    }
  };
  const sheetPart = owned?.part ?? freePart('worksheets', 'sheet');
  const charts = plan.charts.filter(isValidChart);
  const drawingPart = charts.length > 0 ? freePart('drawings', 'drawing') : undefined;
  const chartParts = charts.map(() => freePart('charts', 'chart'));

  // Styles: the workbook's own stylesheet, grown; a minimal one when it has none.
  const stylesRelationship = workbookRelationships.find((relationship) =>
    relationship.type.endsWith('/styles'),
  );
  const existingStylesPath =
    stylesRelationship?.target !== undefined && parts.has(stylesRelationship.target)
      ? stylesRelationship.target
      : undefined;
  const stylesPath = existingStylesPath ?? freeName(inUse, `${workbookFolder}styles`, '.xml');
  const styles = new StyleSheet(
    (existingStylesPath === undefined ? undefined : parts.text(existingStylesPath)) ??
      `${XML_DECLARATION}<styleSheet xmlns="${namespaces.main}"></styleSheet>`,
  );

  const tabSelected =
    owned !== undefined &&
    /<(?:[\w.-]+:)?sheetView\b[^>]*\btabSelected\s*=\s*["'](?:1|true)["']/.test(parts.text(owned.part) ?? '');
  const options: SheetOptions = {
    plan,
    styles,
    namespaces,
    date1904,
    drawingId: drawingPart === undefined ? undefined : 'rId1',
    tabSelected,
  };
  const written = new Map<string, Uint8Array>();
  const write = (path: string, text: string) => written.set(path, utf8Encoder.encode(text));
  const newContentTypes = new Map<string, string>();
  write(sheetPart, worksheetXml(options));
  newContentTypes.set(sheetPart, CONTENT_TYPES.worksheet);
  if (drawingPart !== undefined) {
    write(
      relsPathOf(sheetPart),
      relationshipsXml([
        { id: 'rId1', type: relationshipType('drawing'), target: relativeTarget(sheetPart, drawingPart) },
      ]),
    );
    const chartIds = chartParts.map((_, index) => `rId${index + 1}`);
    write(drawingPart, drawingXml(charts, chartIds, namespaces));
    newContentTypes.set(drawingPart, CONTENT_TYPES.drawing);
    write(
      relsPathOf(drawingPart),
      relationshipsXml(
        chartParts.map((chartPart, index) => ({
          id: chartIds[index] ?? '',
          type: relationshipType('chart'),
          target: relativeTarget(drawingPart, chartPart),
        })),
      ),
    );
    charts.forEach((chart, index) => {
      const chartPart = chartParts[index] ?? '';
      write(chartPart, chartXml(chart, sheetName, options));
      newContentTypes.set(chartPart, CONTENT_TYPES.chart);
    });
  }
  if (!styles.unchanged || existingStylesPath === undefined) {
    write(stylesPath, styles.toXml());
    if (existingStylesPath === undefined) newContentTypes.set(stylesPath, CONTENT_TYPES.styles);
  }

  // Workbook and its relationships: one more sheet (or none, when the dashboard is rebuilt in place).
  const newRelationships: string[] = [];
  const droppedRelationships: Found[] = [];
  const usedIds = new Set(workbookRelationships.map((relationship) => relationship.id));
  const freeId = (): string => {
    let n = usedIds.size + 1;
    while (usedIds.has(`rId${n}`)) n++;
    usedIds.add(`rId${n}`);
    return `rId${n}`;
  };
  if (!owned) {
    const id = freeId();
    newRelationships.push(
      `<Relationship Id="${id}" Type="${escapeXml(relationshipType('worksheet'))}" Target="${escapeXml(relativeTarget(workbookPath, sheetPart))}"/>`,
    );
    const sheetId =
      Math.max(0, ...sheets.map((sheet) => (Number.isFinite(sheet.sheetId) ? sheet.sheetId : 0))) + 1;
    const rPrefix = new RegExp(
      `xmlns:([\\w.-]+)\\s*=\\s*["']${namespaces.relationships.replace(/[.]/g, '\\.')}["']`,
    ).exec(workbookXml.slice(0, sheetsElement.start))?.[1];
    const idAttribute = rPrefix
      ? `${rPrefix}:id="${id}"`
      : `r:id="${id}" xmlns:r="${namespaces.relationships}"`;
    const sheetElement = `<${sheetsElement.prefix}sheet name="${escapeXml(sheetName)}" sheetId="${sheetId}" ${idAttribute}/>`;
    write(workbookPath, applyEdits(workbookXml, [appendChildrenEdit(sheetsElement, 'sheets', sheetElement)]));
  }
  if (existingStylesPath === undefined) {
    newRelationships.push(
      `<Relationship Id="${freeId()}" Type="${escapeXml(relationshipType('styles'))}" Target="${escapeXml(relativeTarget(workbookPath, stylesPath))}"/>`,
    );
  }
  if (dropCalcChain) {
    for (const relationship of workbookRelationships) {
      if (!relationship.type.endsWith('/calcChain') || relationship.target === undefined) continue;
      droppedRelationships.push(relationship.element);
      removed.add(relationship.target.toLowerCase());
    }
  }
  if (newRelationships.length > 0 || droppedRelationships.length > 0) {
    const root = firstElement(workbookRelsXml, 'Relationships');
    if (!root) throw damaged(`${workbookRelsPath} has no relationships`);
    write(
      parts.entry(workbookRelsPath)?.name ?? workbookRelsPath,
      applyEdits(workbookRelsXml, [
        ...droppedRelationships.map((element) => ({ start: element.start, end: element.end, text: '' })),
        ...(newRelationships.length > 0
          ? [appendChildrenEdit(root, 'Relationships', newRelationships.join(''))]
          : []),
      ]),
    );
  }

  // Content types: overrides for the new parts, none left for parts that went.
  const finalParts = new Set([...written.keys()].map((path) => path.toLowerCase()));
  const typesRoot = firstElement(contentTypesXml, 'Types');
  if (!typesRoot) throw damaged('[Content_Types].xml has no Types element');
  const typeEdits: { start: number; end: number; text: string }[] = [];
  const declared = new Set<string>();
  for (const element of findElements(contentTypesXml, 'Override', typesRoot.innerStart, typesRoot.innerEnd)) {
    const attributes = attributesOf(element.attributes);
    const part = (attributes.get('PartName') ?? '').replace(/^\//, '').toLowerCase();
    const wanted = [...newContentTypes].find(([path]) => path.toLowerCase() === part)?.[1];
    if (
      (removed.has(part) && !finalParts.has(part)) ||
      (wanted !== undefined && attributes.get('ContentType') !== wanted)
    )
      typeEdits.push({ start: element.start, end: element.end, text: '' });
    else declared.add(part);
  }
  const p = typesRoot.prefix;
  let additions = [...newContentTypes]
    .filter(([path]) => !declared.has(path.toLowerCase()))
    .map(([path, type]) => `<${p}Override PartName="/${escapeXml(path)}" ContentType="${type}"/>`)
    .join('');
  const hasRelsDefault = findElements(
    contentTypesXml,
    'Default',
    typesRoot.innerStart,
    typesRoot.innerEnd,
  ).some((element) => (attributesOf(element.attributes).get('Extension') ?? '').toLowerCase() === 'rels');
  if (!hasRelsDefault && [...written.keys()].some((path) => path.endsWith('.rels')))
    additions = `<${p}Default Extension="rels" ContentType="${CONTENT_TYPES.relationships}"/>${additions}`;
  if (additions !== '') typeEdits.push(appendChildrenEdit(typesRoot, 'Types', additions));
  if (typeEdits.length > 0)
    write(
      parts.entry('[Content_Types].xml')?.name ?? '[Content_Types].xml',
      applyEdits(contentTypesXml, typeEdits),
    );

  return {
    bytes: assemble(bytes, archive, written, removed, parts.entry(workbookPath)),
    sheetName,
    replaced: owned !== undefined,
  };
}

/** A part name `stem.xml`, `stem2.xml`… not in use. */
function freeName(inUse: Set<string>, stem: string, extension: string): string {
  for (let n = 1; ; n++) {
    const path = `${stem}${n === 1 ? '' : n}${extension}`;
    if (!inUse.has(path.toLowerCase())) {
      inUse.add(path.toLowerCase());
      return path;
    }
  }
}

/** True when the calculation chain lists a cell of the sheet with this id (its formulas would go stale). */
function calcChainMentions(
  parts: PackageParts,
  relationships: readonly Relationship[],
  sheetId: number,
): boolean {
  const path = relationships.find((relationship) => relationship.type.endsWith('/calcChain'))?.target;
  const xml = path === undefined ? undefined : parts.text(path);
  if (xml === undefined) return false;
  let current = Number.NaN;
  const cell = new RegExp(`<${PREFIX}c\\b([^>]*)>`, 'g');
  for (let match = cell.exec(xml); match; match = cell.exec(xml)) {
    const id = /\bi\s*=\s*["'](\d+)["']/.exec(match[1] ?? '');
    if (id) current = Number(id[1]);
    if (current === sheetId) return true;
  }
  return false;
}

/** The output zip: original entries in order (copied raw, rewritten, or left out), then the new parts. */
function assemble(
  bytes: Uint8Array,
  archive: ZipArchive,
  written: ReadonlyMap<string, Uint8Array>,
  removed: ReadonlySet<string>,
  workbookEntry: ZipEntry | undefined,
): Uint8Array {
  const pending = new Map([...written].map(([path, data]) => [path.toLowerCase(), { path, data }]));
  const time = workbookEntry?.time ?? 0;
  const date = workbookEntry?.date ?? 0x21;
  const output: OutputEntry[] = [];
  const compress = (part: WrittenPart): OutputEntry => ({
    write: part,
    stored: part.method === STORED ? part.data : deflateSync(part.data, { level: 6 }),
  });
  for (const entry of archive.entries) {
    const key = entry.name.replace(/\\/g, '/').toLowerCase();
    const replacement = pending.get(key);
    if (replacement) {
      pending.delete(key);
      output.push(
        compress({
          nameBytes: entry.nameBytes,
          flags: entry.flags & UTF8_NAME_FLAG,
          method: entry.method === STORED ? STORED : DEFLATED,
          time: entry.time,
          date: entry.date,
          versionMadeBy: new DataView(entry.record.buffer, entry.record.byteOffset).getUint16(4, true),
          internalAttributes: new DataView(entry.record.buffer, entry.record.byteOffset).getUint16(36, true),
          externalAttributes: new DataView(entry.record.buffer, entry.record.byteOffset).getUint32(38, true),
          data: replacement.data,
        }),
      );
    } else if (!removed.has(key)) {
      output.push({ copy: entry });
    }
  }
  for (const { path, data } of pending.values()) {
    const nameBytes = utf8Encoder.encode(path);
    output.push(
      compress({
        nameBytes,
        flags: nameBytes.length === path.length ? 0 : UTF8_NAME_FLAG,
        method: DEFLATED,
        time,
        date,
        versionMadeBy: 20,
        internalAttributes: 0,
        externalAttributes: 0,
        data,
      }),
    );
  }
  return writeZip(bytes, output, archive.comment, archive.zip64);
}
