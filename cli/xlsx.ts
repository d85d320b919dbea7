// Reads an .xlsx workbook's values for the core: finds the workbook part through the package's
// relationships, reads its sheets as grids of core Cells (cli/worksheet-read.ts), their Excel tables and the
// defined names, and words why a file that is not a readable .xlsx cannot be read.

import type { Cell } from '../core/cells';
import type { CellFormat, ExcelTable } from '../core/workbook';
import { compoundFileMessage, isCompoundFile } from './compound-file';
import {
  attributesOf,
  decodeXml,
  findElements,
  firstElementOrRest,
  folderOf,
  innerOf,
  Package,
  type Relationship,
  readDateStyles,
  readFormatCodes,
  readRelationships,
  readWorkbookPart,
  relsPathOf,
  resolveTarget,
  type SheetEntry,
  workbookPathOf,
  workbookTargetOf,
} from './ooxml';
import { readSharedStrings } from './shared-strings';
import { CellBudget, parseWorksheet, type SheetContext } from './worksheet-read';
import { DEFAULT_LIMITS, type InflateLimits, looksLikeZip, PackageError, readZip } from './zip';

/** One worksheet. `rows[0]` is sheet row `firstRow`; `rows[r][0]` is column A. Blank cells are null. */
export interface Sheet {
  readonly name: string;
  /** True when the sheet is hidden or very hidden in Excel. */
  readonly hidden: boolean;
  /**
   * The used rows, from the first row holding a value to the last, from column A to the last column holding a
   * value. Rows are padded to a common width unless that would allocate far more cells than the sheet holds
   * (a few values spread over a huge area); then each row ends at its last value. A missing cell is blank.
   */
  readonly rows: readonly (readonly Cell[])[];
  /** Sheet row number of `rows[0]` (1 when the sheet is empty). */
  readonly firstRow: number;
  /** Merged areas as written ("A1:C1"). The grid keeps the stored values: only the top-left cell has one. */
  readonly merges: readonly string[];
  /** Excel tables (list objects) on the sheet: their name and area, header row included ("A1:F20"). */
  readonly tables: readonly ExcelTable[];
  /** The number formats of its first formatted numbers (absent when it has none): see {@link SheetView}. */
  readonly numberFormats?: readonly CellFormat[];
}

/** A defined name such as `Budget` → `Initiatives!$T$2`; `sheet` is set for names scoped to one sheet. */
export interface DefinedName {
  readonly name: string;
  readonly ref: string;
  readonly sheet?: string;
}

export interface Workbook {
  readonly kind: 'workbook';
  /** Worksheets in workbook order (chart sheets are left out). */
  readonly sheets: readonly Sheet[];
  readonly names: readonly DefinedName[];
  /** True when the file used the 1904 date system; date cells were shifted to 1900-system serials. */
  readonly date1904: boolean;
  /** The kind of package, from the workbook part's content type: its file extension must match it. */
  readonly format: WorkbookFormat;
}

/** Workbook, macro-enabled workbook, template, macro-enabled template, add-in: the extension each needs. */
export type WorkbookFormat = 'xlsx' | 'xlsm' | 'xltx' | 'xltm' | 'xlam';

const FORMAT_OF_CONTENT_TYPE: Readonly<Record<string, WorkbookFormat>> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.ms-excel.sheet.macroenabled.main+xml': 'xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': 'xltx',
  'application/vnd.ms-excel.template.macroenabled.main+xml': 'xltm',
  'application/vnd.ms-excel.addin.macroenabled.main+xml': 'xlam',
};

/** The package's format, from the content type `[Content_Types].xml` gives the workbook part (xlsx if none). */
function formatOf(zip: Package, workbookPath: string): WorkbookFormat {
  const xml = zip.text('[Content_Types].xml') ?? '';
  const partName = `/${workbookPath}`.toLowerCase();
  for (const element of findElements(xml, 'Override')) {
    const attributes = attributesOf(element.attributes);
    if ((attributes.get('PartName') ?? '').toLowerCase() !== partName) continue;
    return FORMAT_OF_CONTENT_TYPE[(attributes.get('ContentType') ?? '').trim().toLowerCase()] ?? 'xlsx';
  }
  return 'xlsx';
}

/** A file that cannot be read as a workbook, with a one-line message for the user. */
export interface WorkbookError {
  readonly kind: 'workbook-error';
  readonly message: string;
}

const workbookError = (message: string): WorkbookError => ({ kind: 'workbook-error', message });

export { isDateFormatCode } from './ooxml';
export { MAX_CELLS } from './worksheet-read';
export { type InflateLimits, MAX_PART_BYTES, MAX_TOTAL_BYTES } from './zip';

/** How much a workbook may inflate (cli/zip.ts) and how many values (cells, distinct texts) it may hold. */
export interface ReadLimits extends InflateLimits {
  /** Default {@link MAX_CELLS}. */
  readonly cells?: number;
}

const utf8 = new TextDecoder('utf-8');

// ------------------------------------------------------------------------------------------------
// Not-an-xlsx detection

/** Why bytes that are not a zip package cannot be read: legacy .xls, password-protected, CSV, HTML… */
function notZipMessage(bytes: Uint8Array): string {
  if (isCompoundFile(bytes)) return compoundFileMessage(bytes);
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return 'not an .xlsx workbook (the file is not a zip package)';
  const text = utf8
    .decode(head)
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<?xml') && text.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return 'Excel 2003 XML spreadsheets are not supported: save as .xlsx';
  }
  if (text.startsWith('<'))
    return 'this is an HTML or XML file, not an .xlsx workbook: open it in Excel and save as .xlsx';
  return 'CSV and text files are not supported: open the file in Excel and save it as .xlsx';
}

/** Why a zip package without a workbook part cannot be read. */
function notWorkbookMessage(zip: Package): string {
  if (zip.names().some((name) => name.toLowerCase().endsWith('workbook.bin')))
    return '.xlsb (binary) workbooks are not supported: save as .xlsx';
  if (zip.has('content.xml') && zip.has('mimetype'))
    return 'OpenDocument spreadsheets (.ods) are not supported: save as .xlsx';
  if (zip.names().some((name) => name.toLowerCase().startsWith('word/')))
    return 'this is a Word document, not an Excel workbook (it has no xl/workbook.xml)';
  if (zip.names().some((name) => name.toLowerCase().startsWith('ppt/')))
    return 'this is a PowerPoint file, not an Excel workbook (it has no xl/workbook.xml)';
  return 'not an Excel workbook (the zip package has no xl/workbook.xml; is it a Word, PowerPoint or other zip file?)';
}

/**
 * True when `xml` is a workbook part: its root element is `<workbook>` (any prefix). A Word document or a
 * presentation is a zip package whose main part, found through the same relationship, has another root.
 */
export function isWorkbookXml(xml: string): boolean {
  const root =
    /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(
      xml.replace(/^\ufeff/, ''),
    );
  return root?.[2] === 'workbook';
}

// ------------------------------------------------------------------------------------------------
// The workbook

/**
 * Reads an .xlsx file. Strings (shared, inline, rich text, formula results), numbers, booleans and error
 * values are read; dates stay serial numbers (1904-system files are shifted to the 1900 system). Formulas
 * give their cached result. Never throws: anything that is not a readable .xlsx is a {@link WorkbookError}.
 */
export function readWorkbook(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
): Workbook | WorkbookError {
  if (bytes.length === 0) return workbookError('the file is empty');
  if (!looksLikeZip(bytes)) return workbookError(notZipMessage(bytes));
  try {
    return readPackage(new Package(bytes, readZip(bytes), 'read', limits), new CellBudget(limits.cells));
  } catch (error) {
    if (error instanceof PackageError) return workbookError(error.message);
    if (error instanceof RangeError) return workbookError('the workbook is too large to read');
    const reason = error instanceof Error ? error.message : String(error);
    return workbookError(`the file is damaged or not an .xlsx workbook (${reason})`);
  }
}

function readPackage(zip: Package, cells: CellBudget): Workbook | WorkbookError {
  const workbookPath = workbookPathOf(zip);
  const workbookName = zip.entry(workbookPath)?.name;
  const workbookXml = workbookName?.toLowerCase().endsWith('.xml') ? zip.text(workbookPath) : undefined;
  if (workbookXml === undefined || !isWorkbookXml(workbookXml)) return workbookError(notWorkbookMessage(zip));
  const workbook = readWorkbookPart(workbookPath, workbookXml, zip.text(relsPathOf(workbookPath)));
  const partOfType = (kind: string, fallback: string): string =>
    workbookTargetOf(workbook, kind) ?? resolveTarget(folderOf(workbookPath), fallback);
  const sharedStringsXml = zip.text(partOfType('sharedStrings', 'sharedStrings.xml'), false);
  const stylesXml = zip.text(partOfType('styles', 'styles.xml'));
  const context: SheetContext = {
    sharedStrings:
      sharedStringsXml === undefined ? [] : readSharedStrings(sharedStringsXml, () => cells.take()),
    dateStyles: workbook.date1904 ? readDateStyles(stylesXml) : [],
    formatCodes: readFormatCodes(stylesXml),
    date1904: workbook.date1904,
    cells,
  };
  const sheets: Sheet[] = [];
  for (const entry of workbook.sheets) {
    const sheet = readSheet(zip, entry, context);
    if (sheet) sheets.push(sheet);
  }
  return {
    kind: 'workbook',
    sheets,
    names: readDefinedNames(workbook.xml, workbook.sheets),
    date1904: workbook.date1904,
    format: formatOf(zip, workbookPath),
  };
}

/** One worksheet (a blank one when its part is missing); undefined for a chart or dialog sheet. */
function readSheet(zip: Package, entry: SheetEntry, context: SheetContext): Sheet | undefined {
  const relationship = entry.relationship?.target === undefined ? undefined : entry.relationship;
  if (relationship && !relationship.type.endsWith('/worksheet')) return undefined;
  const target = relationship?.target;
  // Not kept once parsed: with several large sheets, each one's text would stay in memory to the end.
  const xml = target === undefined ? undefined : zip.text(target, false);
  context.cells.place = `sheet "${entry.name}"`;
  const parsed = xml === undefined ? { rows: [], firstRow: 1, merges: [] } : parseWorksheet(xml, context);
  const tables = target === undefined || xml === undefined ? [] : readTables(zip, target);
  return { name: entry.name, hidden: entry.hidden, ...parsed, tables };
}

/** The Excel tables a worksheet's relationships name: their display name and area. */
function readTables(zip: Package, sheetPath: string): ExcelTable[] {
  return readRelationships(zip.text(relsPathOf(sheetPath)), sheetPath)
    .filter((relationship: Relationship) => relationship.type.endsWith('/table'))
    .flatMap((relationship) => {
      const xml = relationship.target === undefined ? undefined : zip.text(relationship.target);
      if (xml === undefined) return [];
      const table = firstElementOrRest(xml, 'table');
      const attributes = attributesOf(table?.attributes ?? '');
      const name = attributes.get('displayName') ?? attributes.get('name');
      const ref = attributes.get('ref');
      return name === undefined || ref === undefined ? [] : [{ name, ref }];
    });
}

/** The workbook's defined names; a name scoped to one sheet carries that sheet's name. */
function readDefinedNames(workbookXml: string, sheets: readonly SheetEntry[]): DefinedName[] {
  const list = firstElementOrRest(workbookXml, 'definedNames');
  const inner = list ? innerOf(workbookXml, list) : '';
  return findElements(inner, 'definedName').map((element) => {
    const attributes = attributesOf(element.attributes);
    const local = attributes.get('localSheetId');
    const scope = local === undefined ? undefined : sheets[Number(local)]?.name;
    const name = { name: attributes.get('name') ?? '', ref: decodeXml(innerOf(inner, element)).trim() };
    return scope === undefined ? name : { ...name, sheet: scope };
  });
}

export type { ExcelTable, LocatedTable, TableKind, WorkbookTables } from '../core/workbook';
