// OLE compound files (MS-CFB: the container of legacy .xls, .doc and .ppt files, and of a password-protected
// .xlsx, which Office saves as a compound file holding the `EncryptionInfo` and `EncryptedPackage` streams).
// Only the directory's entry names are read, to tell the user which one a file is; no stream is read.

/** The first eight bytes of every compound file. */
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEADER_BYTES = 512;
/** FAT sector numbers kept in the header itself; more are in a chain of DIFAT sectors. */
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_BYTES = 128;
/** Sector numbers above this are markers (end of chain, free, FAT or DIFAT sector), not sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa;

/** True when the bytes start with the compound file signature. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((byte, i) => bytes[i] === byte);
}

const utf16 = new TextDecoder('utf-16le');

/**
 * The names of the entries in a compound file's directory (storages and streams, in directory order), or
 * undefined when the bytes are not a compound file or its directory cannot be followed (cut short, a sector
 * outside the file, a chain that loops). Reads the header, the FAT sectors it lists (and the DIFAT chain for
 * more), then follows the directory's sector chain through the FAT; every step is bounded by the file's size.
 */
export function compoundFileNames(bytes: Uint8Array): string[] | undefined {
  if (!isCompoundFile(bytes) || bytes.length < HEADER_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorBytes = 1 << shift;
  const sectors = Math.ceil(bytes.length / sectorBytes);
  /** Where sector `n` starts, or -1 when it is not (wholly) inside the file. */
  const offsetOf = (n: number): number => {
    const at = (n + 1) * sectorBytes;
    return n <= MAX_REGULAR_SECTOR && at + sectorBytes <= bytes.length ? at : -1;
  };
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) {
    const sector = view.getUint32(76 + 4 * i, true);
    if (sector <= MAX_REGULAR_SECTOR) fatSectors.push(sector);
  }
  const perSector = sectorBytes / 4;
  let difat = view.getUint32(68, true);
  for (let steps = 0; difat <= MAX_REGULAR_SECTOR; steps++) {
    const at = offsetOf(difat);
    if (at < 0 || steps > sectors) return undefined;
    for (let i = 0; i < perSector - 1; i++) {
      const sector = view.getUint32(at + 4 * i, true);
      if (sector <= MAX_REGULAR_SECTOR) fatSectors.push(sector);
    }
    difat = view.getUint32(at + sectorBytes - 4, true);
  }
  const nextSector = (n: number): number => {
    const fat = offsetOf(fatSectors[Math.floor(n / perSector)] ?? MAX_REGULAR_SECTOR + 1);
    return fat < 0 ? MAX_REGULAR_SECTOR + 1 : view.getUint32(fat + 4 * (n % perSector), true);
  };
  const names: string[] = [];
  let sector = view.getUint32(48, true);
  for (let steps = 0; sector <= MAX_REGULAR_SECTOR; steps++) {
    const at = offsetOf(sector);
    if (at < 0 || steps > sectors) return undefined;
    for (let entry = at; entry < at + sectorBytes; entry += DIRECTORY_ENTRY_BYTES) {
      const nameBytes = view.getUint16(entry + 64, true);
      const type = bytes[entry + 66];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.push(utf16.decode(bytes.subarray(entry, entry + nameBytes - 2)));
    }
    sector = nextSector(sector);
  }
  return names;
}

/**
 * True when the compound file holds a stream of this name: in its directory, or, when the directory cannot be
 * followed, anywhere in its bytes as UTF-16LE (how the directory stores names).
 */
function holds(bytes: Uint8Array, names: readonly string[] | undefined, name: string): boolean {
  if (names) return names.some((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

/** True for an Office file saved with a password: a compound file holding EncryptionInfo or EncryptedPackage. */
export function isEncryptedPackage(bytes: Uint8Array): boolean {
  if (!isCompoundFile(bytes)) return false;
  const names = compoundFileNames(bytes);
  return holds(bytes, names, 'EncryptionInfo') || holds(bytes, names, 'EncryptedPackage');
}

export const PASSWORD_PROTECTED =
  'the workbook is password-protected: open it in Excel, remove the password ' +
  '(File › Info › Protect Workbook › Encrypt with Password, clear it), save, and run again';

/** Why a compound file cannot be read: a password-protected workbook, an old Word or PowerPoint file, or an .xls. */
export function compoundFileMessage(bytes: Uint8Array): string {
  const names = compoundFileNames(bytes);
  if (holds(bytes, names, 'EncryptionInfo') || holds(bytes, names, 'EncryptedPackage'))
    return PASSWORD_PROTECTED;
  if (names && holds(bytes, names, 'WordDocument'))
    return 'this is a Word document (.doc), not an Excel workbook';
  if (names && holds(bytes, names, 'PowerPoint Document'))
    return 'this is a PowerPoint file (.ppt), not an Excel workbook';
  return '.xls files are not supported: save as .xlsx';
}
