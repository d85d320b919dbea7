// Checks a rewritten workbook before it replaces the original (`pmo dashboard --in-place`): it must reopen with
// the project's reader, every entry the dashboard writer does not own must be stored byte for byte as in the
// original, and every sheet but the dashboard must read back with the same values.

import { type InflateLimits, readWorkbook, type Sheet, type Workbook } from './xlsx';
import { partKey, readZip, type ZipEntry } from './zip';

/** What a reader sees of a sheet: compared between the original and the new version. */
const sheetImage = (sheet: Sheet): string =>
  JSON.stringify([sheet.name, sheet.hidden, sheet.firstRow, sheet.rows, sheet.merges, sheet.tables]);

/** The entry's stored bytes (local header, data, descriptor) and its directory fields but the offset. */
function storedImage(bytes: Uint8Array, entry: ZipEntry): readonly [Uint8Array, Uint8Array] {
  return [bytes.subarray(entry.localOffset, entry.chunkEnd), entry.record.subarray(0, 42)];
}

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && Buffer.compare(a, b) === 0;

/**
 * Why `written` must not replace `original`, or undefined when it may. `changed` lists the parts the writer
 * wrote or dropped (lower-case names); `ownSheets` are the add-in's sheets it added or rebuilt (the dashboard, and
 * the PMO Data sheet holding its history), every other sheet must read the same.
 */
export function whyNotACopy(
  original: { readonly bytes: Uint8Array; readonly workbook: Workbook },
  written: Uint8Array,
  changed: ReadonlySet<string>,
  ownSheets: string | readonly string[],
  limits?: InflateLimits,
): string | undefined {
  const reopened = readWorkbook(written, limits);
  if (reopened.kind === 'workbook-error') return `the new version does not reopen (${reopened.message})`;
  const before = readZip(original.bytes);
  const after = new Map(readZip(written).entries.map((entry) => [partKey(entry.name), entry]));
  for (const entry of before.entries) {
    const key = partKey(entry.name);
    if (changed.has(key)) continue;
    const copy = after.get(key);
    if (copy === undefined) return `the part ${entry.name} is missing from the new version`;
    const [data, fields] = storedImage(original.bytes, entry);
    const [copyData, copyFields] = storedImage(written, copy);
    if (!equalBytes(data, copyData) || !equalBytes(fields.subarray(4), copyFields.subarray(4)))
      return `the part ${entry.name} is not byte-identical in the new version`;
  }
  const own = new Set(typeof ownSheets === 'string' ? [ownSheets] : ownSheets);
  const userSheets = (workbook: Workbook) => workbook.sheets.filter((sheet) => !own.has(sheet.name));
  const was = userSheets(original.workbook);
  const now = userSheets(reopened).map(sheetImage);
  if (was.length !== now.length) return 'the new version has a different number of sheets';
  const differs = was.find((sheet, index) => sheetImage(sheet) !== now[index]);
  if (differs !== undefined)
    return `the sheet ${JSON.stringify(differs.name)} reads differently in the new version`;
  // A name scoped to one of the add-in's sheets (the dashboard's print titles) is the add-in's own.
  const userNames = (workbook: Workbook) =>
    JSON.stringify(workbook.names.filter((name) => name.sheet === undefined || !own.has(name.sheet)));
  if (userNames(original.workbook) !== userNames(reopened))
    return 'the defined names read differently in the new version';
  return undefined;
}
