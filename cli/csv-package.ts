// A .csv file's one sheet as a minimal .xlsx package, so that `pmo dashboard book.csv` can write
// `book-dashboard.xlsx`: the data sheet (numbers as numbers, text as inline strings) beside the dashboard sheet.

import { escapeCellText, escapeXml, XML_DECLARATION } from './ooxml';
import { cellAddress } from './write-sheet';
import type { Sheet } from './xlsx';
import { writePackage } from './zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const OFFICE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

function sheetXml(sheet: Sheet): string {
  const rows = sheet.rows.map((cells, r) => {
    const row = sheet.firstRow + r;
    const xml = cells.map((cell, c) => {
      const ref = cellAddress(row - 1, c);
      if (typeof cell === 'number' && Number.isFinite(cell)) return `<c r="${ref}"><v>${cell}</v></c>`;
      if (typeof cell === 'string' && cell !== '')
        return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeCellText(cell)}</t></is></c>`;
      return '';
    });
    return `<row r="${row}">${xml.join('')}</row>`;
  });
  return `${XML_DECLARATION}<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** The CSV workbook's sheet as the bytes of a one-sheet .xlsx workbook. */
export function csvPackage(sheets: readonly Sheet[]): Uint8Array {
  const sheet = sheets[0] ?? { name: 'Sheet1', hidden: false, rows: [], firstRow: 1, merges: [], tables: [] };
  const encoder = new TextEncoder();
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
        `<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELATIONSHIPS}"><sheets>` +
        `<sheet name="${escapeXml(sheet.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
        `<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${OFFICE_RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      `${XML_DECLARATION}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    ],
    ['xl/worksheets/sheet1.xml', sheetXml(sheet)],
  ];
  const written = new Map(parts.map(([path, text]) => [path, encoder.encode(text)]));
  return writePackage(
    new Uint8Array(0),
    { entries: [], comment: new Uint8Array(0), zip64: false },
    written,
    new Set(),
    undefined,
  );
}
