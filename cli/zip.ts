// The zip container of an .xlsx package: the one place entries are read (central directory, inflate) and
// written. Unchanged entries are copied raw (local header, data and descriptor as stored), so their bytes —
// compressed and decompressed, CRC and sizes — stay identical and nothing is recompressed.

import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** Largest single part (uncompressed) the reader accepts: about what one JavaScript string can hold. */
export const MAX_PART_BYTES = 500 * 1024 * 1024;

/**
 * Most bytes all the parts of one package may inflate to, together. A part's text is held as a string (up to
 * two bytes a character) next to its inflated bytes, so 1 GiB keeps one read to a few GB of memory, while the
 * largest sheets Excel writes in practice (a million rows of a dozen columns, a few hundred MB of XML) fit.
 */
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

/**
 * The largest output chunk an entry is inflated into: its declared size when smaller, so a part is one chunk (a
 * size declared larger than the part really is costs at most this much memory up front).
 */
const ONE_CHUNK = 64 * 1024 * 1024;

/** How much a package may inflate: per part and in total ({@link MAX_PART_BYTES}, {@link MAX_TOTAL_BYTES}). */
export interface InflateLimits {
  readonly partBytes: number;
  readonly totalBytes: number;
}

export const DEFAULT_LIMITS: InflateLimits = { partBytes: MAX_PART_BYTES, totalBytes: MAX_TOTAL_BYTES };

/** A size for a message: whole MB from 10 MB, one decimal from 1 MB, KB below. */
function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (mb >= 10) return `${Math.round(mb)} MB`;
  return mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** What is left of a package's {@link InflateLimits} as its parts are inflated. */
export class InflateBudget {
  private spent = 0;

  constructor(readonly limits: InflateLimits = DEFAULT_LIMITS) {}

  /**
   * Refuses a package whose entries declare more than the total before any is inflated (inflating stops at
   * the declared size, so what they declare bounds what they can take).
   */
  checkDeclared(entries: readonly ZipEntry[]): void {
    let declared = 0;
    for (const entry of entries) declared += entry.size;
    if (declared > this.limits.totalBytes)
      throw new PackageError(
        `the parts inflate to more than ${megabytes(this.limits.totalBytes)} in total (${megabytes(declared)} declared): too large to read`,
      );
  }

  /** Reserves an entry's declared size, or refuses the part (too large) or the package (too much in total). */
  take(entry: ZipEntry): void {
    if (entry.size > this.limits.partBytes)
      throw new PackageError(
        `the part ${entry.name} is larger than ${megabytes(this.limits.partBytes)}: too large to read`,
      );
    if (this.spent + entry.size > this.limits.totalBytes)
      throw new PackageError(
        `the parts inflate to more than ${megabytes(this.limits.totalBytes)} in total (at ${entry.name}): too large to read`,
      );
    this.spent += entry.size;
  }
}

/** A package that cannot be read or edited; the message is one line for the user. */
export class PackageError extends Error {}

/** A {@link PackageError} for a damaged file, worded as the reader and the writer word it. */
export const damaged = (reason: string): PackageError =>
  new PackageError(`the file is damaged or not an .xlsx workbook (${reason})`);

/** True when the bytes start as a zip file does (a local header, or the end of an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6)
  );
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const UTF8_NAME_FLAG = 0x0800;
const ENCRYPTED_FLAG = 0x0001;
const DESCRIPTOR_FLAG = 0x0008;
const STORED = 0;
const DEFLATED = 8;
const MAX_UINT32 = 0xffffffff;
const MAX_UINT16 = 0xffff;

/** One entry of the central directory, with where its stored bytes are. */
export interface ZipEntry {
  readonly name: string;
  readonly nameBytes: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  /** Where the entry's stored data starts (past the local header, its name and extra field). */
  readonly dataStart: number;
  /** The central directory record as stored. */
  readonly record: Uint8Array;
  /** Where in `record` the zip64 extra field holds the local header offset, or -1 (offset in the fixed field). */
  readonly zip64OffsetAt: number;
  /** End of this entry's local bytes (header, data, descriptor): the next entry's offset or the directory. */
  chunkEnd: number;
}

export interface ZipArchive {
  readonly entries: readonly ZipEntry[];
  readonly comment: Uint8Array;
  /** True when the archive has a zip64 end of directory, or a record keeps a size or offset in zip64 form. */
  readonly zip64: boolean;
}

const latin1 = new TextDecoder('latin1');
const utf8Names = new TextDecoder();
const utf8Encoder = new TextEncoder();

/** The zip's central directory; a record pointing outside the file is damage, not a crash. */
export function readZip(bytes: Uint8Array): ZipArchive {
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
    const name = (flags & UTF8_NAME_FLAG ? utf8Names : latin1).decode(nameBytes);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_HEADER)
      throw damaged(`bad zip entry ${name}`);
    const crc = view.getUint32(at + 16, true);
    const entry = {
      name,
      nameBytes,
      flags,
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc,
      compressedSize,
      size,
      localOffset,
      dataStart:
        localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true),
      record: bytes.subarray(at, at + recordLength),
      zip64OffsetAt,
      chunkEnd: directoryOffset,
    };
    checkLocalHeader(view, entry);
    entries.push(entry);
    at += recordLength;
  }
  checkEntries(entries, directoryOffset);
  return { entries, comment, zip64 };
}

/**
 * Refuses an entry whose local header disagrees with its directory record (the sizes and CRC that a reader
 * trusting either would use), or that is encrypted. With a data descriptor (flag bit 3) the local fields may be
 * zero; in zip64 form they are 0xFFFFFFFF: then only the directory's are used.
 */
function checkLocalHeader(view: DataView, entry: ZipEntry): void {
  const at = entry.localOffset;
  const localFlags = view.getUint16(at + 6, true);
  if ((entry.flags | localFlags) & ENCRYPTED_FLAG)
    throw damaged(`${entry.name} is encrypted: save the workbook without a password`);
  const fields: readonly [number, number][] = [
    [view.getUint32(at + 14, true), entry.crc],
    [view.getUint32(at + 18, true), entry.compressedSize],
    [view.getUint32(at + 22, true), entry.size],
  ];
  const deferred = (localFlags & DESCRIPTOR_FLAG) !== 0;
  for (const [local, central] of fields) {
    if (local === central || local === MAX_UINT32 || (deferred && local === 0)) continue;
    throw damaged(`${entry.name} has different sizes or CRC in its local header and the zip directory`);
  }
  if (view.getUint16(at + 8, true) !== entry.method)
    throw damaged(
      `${entry.name} has different compression methods in its local header and the zip directory`,
    );
}

/**
 * Sets each entry's `chunkEnd` (the next entry's offset, or the directory) and refuses what a zip written by
 * Excel never holds: two entries under one part name (compared as Excel compares them, case-insensitively),
 * two entries sharing their bytes, or an entry whose data runs past the next entry or the end of the file.
 */
function checkEntries(entries: ZipEntry[], directoryOffset: number): void {
  const names = new Set<string>();
  for (const entry of entries) {
    const key = partKey(entry.name);
    if (names.has(key)) throw damaged(`two entries are named ${entry.name}`);
    names.add(key);
  }
  const offsets = [...new Set(entries.map((entry) => entry.localOffset))].sort((a, b) => a - b);
  if (offsets.length < entries.length) throw damaged('two entries share the same bytes');
  for (const entry of entries) {
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((offsets[middle] ?? 0) <= entry.localOffset) low = middle + 1;
      else high = middle;
    }
    entry.chunkEnd = Math.min(offsets[low] ?? directoryOffset, directoryOffset);
    if (entry.dataStart + entry.compressedSize > entry.chunkEnd)
      throw damaged(
        entry.dataStart + entry.compressedSize > directoryOffset
          ? `${entry.name} runs past the end of the file`
          : `${entry.name} overlaps the next entry`,
      );
  }
}

/**
 * The decompressed bytes of one entry, checked against its declared size and CRC-32. The size is taken from
 * `budget` first (a part over its limit is refused before inflating), and inflating stops at the declared size:
 * a part that holds more — a zip bomb — is stopped while inflating, not after.
 */
/**
 * The entries whose data passed the checks, per package bytes: the reader and the writer of one run open the same
 * bytes, so a part the reader inflated and checked is not inflated again only to check it (a 5.8 MB workbook's
 * sheets take 150–250 ms to inflate on the 2-core reference machine).
 */
const checkedEntries = new WeakMap<Uint8Array, Set<number>>();

/** True when {@link entryData} already checked this entry of these very bytes. */
export function wasChecked(bytes: Uint8Array, entry: ZipEntry): boolean {
  return checkedEntries.get(bytes)?.has(entry.localOffset) ?? false;
}

/** Records that the entry whose local header is at `localOffset` of `bytes` holds data that passed the checks. */
function markChecked(bytes: Uint8Array, localOffset: number): void {
  let checked = checkedEntries.get(bytes);
  if (!checked) {
    checked = new Set();
    checkedEntries.set(bytes, checked);
  }
  checked.add(localOffset);
}

export function entryData(bytes: Uint8Array, entry: ZipEntry, budget = new InflateBudget()): Uint8Array {
  budget.take(entry);
  const raw = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let data: Uint8Array;
  if (entry.method === STORED) data = raw;
  else if (entry.method === DEFLATED) data = inflate(raw, entry);
  else throw damaged(`${entry.name} uses zip compression method ${entry.method}`);
  if (data.length !== entry.size)
    throw damaged(`${entry.name} holds ${data.length} bytes, not the ${entry.size} its directory declares`);
  if (crc32(data) !== entry.crc) throw damaged(`${entry.name} fails its CRC-32 check`);
  markChecked(bytes, entry.localOffset);
  return data;
}

/**
 * The beginning of an entry's data: inflated only until `marker` (ASCII) appears in it, else the whole data. Not
 * checked against the entry's size and CRC-32: for a question about a part's head, where a part the caller then edits
 * is read whole by {@link entryData}. A 32 MB worksheet's head (the sheet views before its cells) is its first kilobytes.
 */
export function entryHead(bytes: Uint8Array, entry: ZipEntry, marker: string): Uint8Array {
  const raw = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method !== DEFLATED) return entry.method === STORED ? raw : entryData(bytes, entry);
  const needle = Buffer.from(marker, 'latin1');
  for (let length = 16_384; ; length *= 4) {
    const input = raw.subarray(0, length);
    let head: Buffer;
    try {
      // A sync flush at the end of the input gives what it holds so far without asking for the rest.
      head = inflateRawSync(input, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: entry.size + 1 });
    } catch {
      return entryData(bytes, entry);
    }
    if (head.includes(needle) || input.length === raw.length) return head;
  }
}

function inflate(raw: Uint8Array, entry: ZipEntry): Uint8Array {
  try {
    // One byte more than declared, so that a part holding more than it declares is told from one that fits; and
    // that much room in one output chunk (up to ONE_CHUNK), so a 32 MB sheet is not gathered from 2,000 chunks of
    // 16 KiB (25 → 16 ms).
    const room = entry.size + 1;
    return inflateRawSync(raw, { maxOutputLength: room, chunkSize: Math.max(64, Math.min(room, ONE_CHUNK)) });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE')
      throw damaged(`${entry.name} holds more than the ${entry.size} bytes its directory declares`);
    throw damaged(
      `${entry.name} cannot be inflated: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
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
    // A part written here, or copied as it was from a part already checked, is known good in the new bytes too: the
    // next writer of the same run (the dashboard after the PMO Data sheet) does not inflate it again to check it.
    if (!('copy' in entry) || wasChecked(source, entry.copy)) markChecked(out, at);
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
/** The key a part is known by: its name with forward slashes, lower-case (part names are case-insensitive). */
export const partKey = (name: string): string => name.replace(/\\/g, '/').toLowerCase();

/**
 * The output zip: the source's entries in order — copied raw, rewritten with the data in `written` (same name,
 * flags, times and attributes; deflated unless stored), or left out when their key is in `removed` — then the
 * remaining `written` parts as new deflated entries dated like `template`.
 */
export function writePackage(
  bytes: Uint8Array,
  archive: ZipArchive,
  written: ReadonlyMap<string, Uint8Array>,
  removed: ReadonlySet<string>,
  template: ZipEntry | undefined,
): Uint8Array {
  const pending = new Map([...written].map(([path, data]) => [path.toLowerCase(), { path, data }]));
  const time = template?.time ?? 0;
  const date = template?.date ?? 0x21;
  const output: OutputEntry[] = [];
  const compress = (part: WrittenPart): OutputEntry => ({
    write: part,
    stored: part.method === STORED ? part.data : deflateRawSync(part.data, { level: 6 }),
  });
  for (const entry of archive.entries) {
    const key = partKey(entry.name);
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
