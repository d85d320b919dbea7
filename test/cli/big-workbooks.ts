// Builds the large workbooks of the bad-file tests in memory (issue 13): many sheets, a tall sheet, a sheet whose
// declared used range lies, a sheet of more cells than the reader takes. Written as Excel writes them (shared
// strings, numbers in <v>, one part per sheet) with the zip writer of zip-corpus.ts; no binary fixtures.

import { deflateRawSync } from 'node:zlib';
import { buildZip, type CorpusEntry, text } from './zip-corpus';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** One worksheet: its name, the XML inside `<sheetData>` and, optionally, what its `<dimension ref>` claims. */
export interface SheetSpec {
  readonly name: string;
  readonly rowsXml: string;
  readonly dimension?: string;
}

/** The column letters of a 0-based column index (0 → A, 16383 → XFD). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Writes rows of cells as `<row>` XML: a number as `<v>`, a string as a shared string (its index in `strings`,
 * added when new), null as no cell.
 */
export class RowWriter {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  row(rowNumber: number, cells: readonly (string | number | null)[]): string {
    let xml = `<row r="${rowNumber}">`;
    cells.forEach((value, column) => {
      if (value === null) return;
      const ref = `${columnLetters(column)}${rowNumber}`;
      if (typeof value === 'number') {
        xml += `<c r="${ref}"><v>${value}</v></c>`;
        return;
      }
      let at = this.index.get(value);
      if (at === undefined) {
        at = this.strings.length;
        this.strings.push(value);
        this.index.set(value, at);
      }
      xml += `<c r="${ref}" t="s"><v>${at}</v></c>`;
    });
    return `${xml}</row>`;
  }
}

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A part entry; a large part is deflated at level 1, which keeps building a sheet of a million rows quick. */
function part(name: string, data: Uint8Array): CorpusEntry {
  return data.length < 1 << 20 ? { name, data } : { name, data, stored: deflateRawSync(data, { level: 1 }) };
}

/** A workbook (.xlsx bytes) of these worksheets, in order, with the shared strings `rows` collected. */
export function workbookOf(sheets: readonly SheetSpec[], rows: RowWriter): Uint8Array {
  const parts = sheets.map((sheet) =>
    text(
      `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
        (sheet.dimension ? `<dimension ref="${sheet.dimension}"/>` : '') +
        `<sheetData>${sheet.rowsXml}</sheetData></worksheet>`,
    ),
  );
  return packageOf(
    parts,
    sheets.map((sheet) => sheet.name),
    rows.strings,
  );
}

/** The package of a workbook: the sheets' parts (their XML bytes) with these names, and the shared strings. */
function packageOf(
  sheetParts: readonly Uint8Array[],
  names: readonly string[],
  strings: readonly string[],
): Uint8Array {
  const overrides = names
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${WORKSHEET_TYPE}"/>`)
    .join('');
  const sharedStrings =
    `${DECLARATION}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((value) => `<si><t>${escapeXml(value)}</t></si>`).join('') +
    '</sst>';
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: text(
        `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
          `${overrides}</Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        `${DECLARATION}<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: text(
        `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
          names
            .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
            .join('') +
          '</sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(
        `${DECLARATION}<Relationships xmlns="${PACKAGE_REL}">` +
          names
            .map(
              (_, i) =>
                `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
            )
            .join('') +
          `<Relationship Id="rId${names.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
          '</Relationships>',
      ),
    },
    part('xl/sharedStrings.xml', text(sharedStrings)),
    ...sheetParts.map((data, i) => part(`xl/worksheets/sheet${i + 1}.xml`, data)),
  ]);
}

export const RISK_HEADERS = ['Risk ID', 'Risk', 'Probability', 'Impact', 'Owner'] as const;
const OWNERS = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eve'];

/** The rows of a risk register from sheet row 1: the headers, then `count` risks rated 1–5. */
export function riskRows(rows: RowWriter, count: number): string {
  const xml = [rows.row(1, RISK_HEADERS)];
  for (let i = 1; i <= count; i++)
    xml.push(
      rows.row(i + 1, [
        `R-${String(i).padStart(7, '0')}`,
        `Risk number ${i}`,
        (i % 5) + 1,
        ((i * 3) % 5) + 1,
        OWNERS[i % OWNERS.length] ?? 'Ana',
      ]),
    );
  return xml.join('');
}

/** Where {@link manySheetsWorkbook} puts its PMO tables among the sheets (1-based sheet numbers). */
export const MANY_SHEETS_TABLES = { resources: 58, risks: 137, assignments: 163 } as const;

/** 2027-01-04 (a Monday) as an Excel serial. */
const JANUARY_4_2027 = 46391;

/** The rows of the PMO table {@link manySheetsWorkbook} puts on sheet `n`, if any. */
function tableRows(rows: RowWriter, n: number): string | undefined {
  const table = (cells: readonly (readonly (string | number)[])[]) =>
    cells.map((row, r) => rows.row(r + 1, row)).join('');
  if (n === MANY_SHEETS_TABLES.risks) return riskRows(rows, 6);
  if (n === MANY_SHEETS_TABLES.resources)
    return table([['Resource', 'Hours per week'], ...OWNERS.map((name) => [name, 40])]);
  if (n === MANY_SHEETS_TABLES.assignments)
    return table([
      ['Resource', 'Project', 'Start', 'End', 'Hours per week'],
      ...OWNERS.map((name, i) => [
        name,
        `Project ${i + 1}`,
        JANUARY_4_2027,
        JANUARY_4_2027 + 25,
        20 + 10 * i,
      ]),
    ]);
  return undefined;
}

/**
 * `count` sheets named Sheet1…SheetN, each a note list of a header and four rows, except those of
 * {@link MANY_SHEETS_TABLES}: a resources table, a risk register and an assignments table, found by their headers.
 */
export function manySheetsWorkbook(count: number): Uint8Array {
  const rows = new RowWriter();
  const sheets: SheetSpec[] = [];
  for (let n = 1; n <= count; n++) {
    let xml = tableRows(rows, n);
    if (xml === undefined) {
      xml = rows.row(1, ['Item', 'Note', 'Amount']);
      for (let r = 2; r <= 5; r++) xml += rows.row(r, [`Item ${n}.${r}`, `Note on sheet ${n}`, n * 10 + r]);
    }
    sheets.push({ name: `Sheet${n}`, rowsXml: xml });
  }
  return workbookOf(sheets, rows);
}

/** One sheet "Risks" holding a risk register of `risks` rows (a million make a 186 MB sheet part). */
export function tallRiskWorkbook(risks: number): Uint8Array {
  const rows = new RowWriter();
  return workbookOf([{ name: 'Risks', rowsXml: riskRows(rows, risks), dimension: `A1:E${risks + 1}` }], rows);
}

/**
 * One sheet "Risks": a risk register's header row (and `columns - 5` extra headers), then `rows` identical rows
 * of `columns` numbers written without cell references, which Excel allows: the part is one row's bytes
 * repeated, so 1,048,576 rows of 21 columns (22 million cells, 400 MB of XML) take seconds to build.
 */
export function uniformRiskWorkbook(rows: number, columns: number): Uint8Array {
  const extra = Array.from({ length: columns - RISK_HEADERS.length }, (_, i) => i);
  const strings = new RowWriter();
  const head = text(
    `${DECLARATION}<worksheet xmlns="${MAIN}"><sheetData>` +
      strings.row(1, [...RISK_HEADERS, ...extra.map((i) => `Extra ${i + 1}`)]),
  );
  const values = [7, 12, 3, 4, 5, ...extra.map((i) => i + 0.25)];
  const row = text(`<row>${values.map((value) => `<c><v>${value}</v></c>`).join('')}</row>`);
  const tail = text('</sheetData></worksheet>');
  const data = new Uint8Array(head.length + rows * row.length + tail.length);
  data.set(head);
  for (let r = 0; r < rows; r++) data.set(row, head.length + r * row.length);
  data.set(tail, head.length + rows * row.length);
  return packageOf([data], ['Risks'], strings.strings);
}

/**
 * A risk register of five rows on a sheet whose `<dimension>` claims the whole grid (A1:XFD1048576), with one
 * stray value in the last cell Excel has (XFD1048576): the used range really is the whole sheet, the data tiny.
 */
export function lyingDimensionWorkbook(): Uint8Array {
  const rows = new RowWriter();
  const stray = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>';
  return workbookOf(
    [{ name: 'Risks', rowsXml: riskRows(rows, 5) + stray, dimension: 'A1:XFD1048576' }],
    rows,
  );
}
