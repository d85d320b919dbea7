// The dashboard's print titles in the file the CLI writes (issue 15 item 6): the built-in defined name
// `_xlnm.Print_Titles` scoped to the dashboard, added or rewritten and nothing else of the workbook part changed.

import { describe, expect, it } from 'vitest';
import { applyEdits, firstElement } from '../../cli/ooxml';
import { printTitlesEdit } from '../../cli/print-titles';

const OPEN = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const SHEETS =
  '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="PMO Dashboard" sheetId="2" r:id="rId2"/></sheets>';
const TITLES = `<definedName name="_xlnm.Print_Titles" localSheetId="1">'PMO Dashboard'!$1:$2</definedName>`;

/** The workbook part after the edit that makes rows 1–`rows` of sheet `index` its print titles. */
function edited(xml: string, name = 'PMO Dashboard', index = 1, rows = 2): string {
  const sheets = firstElement(xml, 'sheets');
  if (!sheets) throw new Error('no sheets');
  const edit = printTitlesEdit(xml, sheets, name, index, rows);
  return edit ? applyEdits(xml, [edit]) : xml;
}

describe('the dashboard’s print titles', () => {
  it('creates the defined names where the sequence puts them: after the sheets, before calcPr', () => {
    expect(edited(`${OPEN}${SHEETS}<calcPr calcId="191029"/></workbook>`)).toBe(
      `${OPEN}${SHEETS}<definedNames>${TITLES}</definedNames><calcPr calcId="191029"/></workbook>`,
    );
    // With nothing after the sheet list, before the root's end tag; after external references, not before them.
    expect(edited(`${OPEN}${SHEETS}</workbook>`)).toBe(
      `${OPEN}${SHEETS}<definedNames>${TITLES}</definedNames></workbook>`,
    );
    const external = '<externalReferences><externalReference r:id="rId9"/></externalReferences>';
    expect(edited(`${OPEN}${SHEETS}${external}<extLst/></workbook>`)).toBe(
      `${OPEN}${SHEETS}${external}<definedNames>${TITLES}</definedNames><extLst/></workbook>`,
    );
  });

  it('appends to the user’s defined names and leaves each of them, and other sheets’ print titles, as written', () => {
    const names =
      '<definedName name="Budget">Data!$B$2</definedName>' +
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">Data!$1:$1</definedName>`;
    expect(edited(`${OPEN}${SHEETS}<definedNames>${names}</definedNames></workbook>`)).toBe(
      `${OPEN}${SHEETS}<definedNames>${names}${TITLES}</definedNames></workbook>`,
    );
  });

  it('rewrites the dashboard’s own print titles on a rebuild, and makes no edit when they already say so', () => {
    const old = `<definedName name="_xlnm.Print_Titles" localSheetId="1">'PMO Dashboard'!$1:$5</definedName>`;
    const budget = '<definedName name="Budget">Data!$B$2</definedName>';
    expect(edited(`${OPEN}${SHEETS}<definedNames>${old}${budget}</definedNames></workbook>`)).toBe(
      `${OPEN}${SHEETS}<definedNames>${TITLES}${budget}</definedNames></workbook>`,
    );
    const current = `${OPEN}${SHEETS}<definedNames>${TITLES}</definedNames></workbook>`;
    const sheets = firstElement(current, 'sheets');
    expect(sheets && printTitlesEdit(current, sheets, 'PMO Dashboard', 1, 2)).toBeUndefined();
  });

  it('quotes the sheet name, doubling an apostrophe, and escapes it for XML', () => {
    expect(edited(`${OPEN}${SHEETS}</workbook>`, "Bob's & Co", 1, 3)).toContain(
      `localSheetId="1">'Bob''s &amp; Co'!$1:$3</definedName>`,
    );
  });

  it('writes the workbook’s prefix on the elements it adds', () => {
    const prefixed =
      '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>';
    expect(edited(prefixed, 'A', 0, 2)).toContain(
      `</x:sheets><x:definedNames><x:definedName name="_xlnm.Print_Titles" localSheetId="0">'A'!$1:$2</x:definedName></x:definedNames></x:workbook>`,
    );
  });
});
