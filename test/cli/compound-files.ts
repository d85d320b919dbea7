// Builds OLE compound files (MS-CFB) for the bad-file tests: the container Office uses for a password-protected
// .xlsx (streams EncryptionInfo and EncryptedPackage), a legacy .xls (stream Workbook) or .doc (WordDocument).
// Only what a reader of the directory needs is real; no binary fixtures.

/** Marks in the FAT and the header: end of a chain, a free sector, a FAT or DIFAT sector, no entry. */
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;
const DIFAT_SECTOR = 0xfffffffc;
const NO_ENTRY = 0xffffffff;
/** FAT sector numbers the header holds; more go in DIFAT sectors. */
const HEADER_DIFAT = 109;
const ENTRY = 128;
const STORAGE_ROOT = 5;
const STREAM = 2;
const STORAGE = 1;

/** One entry of the root storage: a stream `bytes` long (its content zeros), or an empty storage. */
export interface CompoundStream {
  readonly name: string;
  readonly bytes?: number;
  readonly storage?: boolean;
}

/**
 * A compound file whose root storage holds these streams: version 3 (512-byte sectors) or 4 (4,096). The layout
 * is header, DIFAT sectors (when the FAT needs more than the header's 109 places), FAT sectors, the streams'
 * data, then the directory — last, as in a large file, where it lies past the first megabyte when a stream is
 * that large. Simplifications a directory reader does not see: stream contents are zeros; a stream under 4,096
 * bytes is given regular sectors instead of the mini stream; the directory's tree is a right-leaning list (each
 * entry's right sibling is the next) rather than a balanced red-black tree.
 */
export function compoundFile(streams: readonly CompoundStream[], sectorBytes: 512 | 4096 = 512): Uint8Array {
  const perSector = sectorBytes / 4;
  const dataSectors = streams.map((stream) => Math.ceil((stream.bytes ?? 0) / sectorBytes));
  const directorySectors = Math.ceil(((streams.length + 1) * ENTRY) / sectorBytes);
  const used = dataSectors.reduce((sum, n) => sum + n, 0) + directorySectors;
  let fatSectors = 1;
  let difatSectors = 0;
  for (;;) {
    difatSectors = Math.max(0, Math.ceil((fatSectors - HEADER_DIFAT) / (perSector - 1)));
    if (fatSectors * perSector >= difatSectors + fatSectors + used) break;
    fatSectors++;
  }
  const sectors = difatSectors + fatSectors + used;
  const bytes = new Uint8Array(sectorBytes * (1 + sectors));
  const view = new DataView(bytes.buffer);
  const sectorAt = (n: number): number => sectorBytes * (n + 1);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x3e, true);
  view.setUint16(26, sectorBytes === 512 ? 3 : 4, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, sectorBytes === 512 ? 9 : 12, true);
  view.setUint16(32, 6, true);
  if (sectorBytes === 4096) view.setUint32(40, directorySectors, true);
  view.setUint32(44, fatSectors, true);
  view.setUint32(48, sectors - directorySectors, true);
  view.setUint32(56, 4096, true);
  view.setUint32(60, END_OF_CHAIN, true);
  view.setUint32(68, difatSectors > 0 ? 0 : END_OF_CHAIN, true);
  view.setUint32(72, difatSectors, true);
  const fatSector = (i: number): number => (i < fatSectors ? difatSectors + i : FREE);
  for (let i = 0; i < HEADER_DIFAT; i++) view.setUint32(76 + 4 * i, fatSector(i), true);
  for (let d = 0; d < difatSectors; d++) {
    for (let i = 0; i < perSector - 1; i++)
      view.setUint32(sectorAt(d) + 4 * i, fatSector(HEADER_DIFAT + d * (perSector - 1) + i), true);
    view.setUint32(sectorAt(d) + sectorBytes - 4, d + 1 < difatSectors ? d + 1 : END_OF_CHAIN, true);
  }

  const fat = new Uint32Array(fatSectors * perSector).fill(FREE);
  fat.fill(DIFAT_SECTOR, 0, difatSectors);
  fat.fill(FAT_SECTOR, difatSectors, difatSectors + fatSectors);
  const chain = (first: number, count: number): void => {
    for (let n = first; n < first + count; n++) fat[n] = n === first + count - 1 ? END_OF_CHAIN : n + 1;
  };
  let next = difatSectors + fatSectors;
  const starts = dataSectors.map((count) => {
    const start = count === 0 ? END_OF_CHAIN : next;
    chain(next, count);
    next += count;
    return start;
  });
  chain(next, directorySectors);
  for (let i = 0; i < fat.length; i++)
    view.setUint32(
      sectorAt(difatSectors + Math.floor(i / perSector)) + 4 * (i % perSector),
      fat[i] ?? FREE,
      true,
    );

  const directory = sectorAt(next);
  const writeEntry = (index: number, name: string, type: number, fields: Record<string, number>): void => {
    const at = directory + index * ENTRY;
    for (let i = 0; i < name.length; i++) view.setUint16(at + 2 * i, name.charCodeAt(i), true);
    view.setUint16(at + 64, 2 * (name.length + 1), true);
    bytes[at + 66] = type;
    bytes[at + 67] = 1; // black
    view.setUint32(at + 68, fields.left ?? NO_ENTRY, true);
    view.setUint32(at + 72, fields.right ?? NO_ENTRY, true);
    view.setUint32(at + 76, fields.child ?? NO_ENTRY, true);
    view.setUint32(at + 116, fields.start ?? END_OF_CHAIN, true);
    view.setUint32(at + 120, fields.size ?? 0, true);
  };
  writeEntry(0, 'Root Entry', STORAGE_ROOT, streams.length > 0 ? { child: 1 } : {});
  streams.forEach((stream, i) => {
    const right = i + 1 < streams.length ? { right: i + 2 } : {};
    const type = stream.storage ? STORAGE : STREAM;
    writeEntry(i + 1, stream.name, type, {
      ...right,
      start: starts[i] ?? END_OF_CHAIN,
      size: stream.bytes ?? 0,
    });
  });
  return bytes;
}

/** The entries of a password-protected .xlsx as Office saves it, its encrypted package `packageBytes` long. */
export const encryptedWorkbook = (packageBytes = 8192, sectorBytes: 512 | 4096 = 512): Uint8Array =>
  compoundFile(
    [
      { name: '\u0006DataSpaces', storage: true },
      { name: 'EncryptionInfo', bytes: 1024 },
      { name: 'EncryptedPackage', bytes: packageBytes },
    ],
    sectorBytes,
  );
