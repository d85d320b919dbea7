// The dashboard's title rows repeat on every printed page (issue 15 item 6). A sheet's print titles are not in the
// sheet part: they are the built-in defined name `_xlnm.Print_Titles` scoped to the sheet (`localSheetId`, its
// 0-based place in the sheet list), ECMA-376 Part 1 §18.2.6 (definedName) and §18.2.5 (definedNames). Only that
// one name is added or rewritten; every other defined name stays as written.

import {
  appendChildrenEdit,
  attributesOf,
  escapeXml,
  type Found,
  findElements,
  firstElement,
  innerOf,
  type TextEdit,
} from './ooxml';

const PRINT_TITLES = '_xlnm.Print_Titles';

/**
 * The workbook's children that come after `definedNames` (CT_Workbook's sequence: … sheets, functionGroups,
 * externalReferences, definedNames, calcPr, oleSize, …): a new `definedNames` goes before the first of them.
 */
const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** A sheet name as a reference writes it: quoted, an apostrophe doubled (`'PMO Dashboard'`). */
const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/**
 * The edit of the workbook part (whose `<sheets>` is `sheetsElement`) that makes rows 1 to `rows` of sheet
 * `sheetIndex` its print titles: the sheet's own `_xlnm.Print_Titles` rewritten when it has one, else added to the
 * defined names, which are created in their place in the sequence when the workbook has none. Undefined when the
 * name already says so.
 */
export function printTitlesEdit(
  xml: string,
  sheetsElement: Found,
  sheetName: string,
  sheetIndex: number,
  rows: number,
): TextEdit | undefined {
  const p = sheetsElement.prefix;
  const reference = `${quotedSheet(sheetName)}!$1:$${rows}`;
  const element = `<${p}definedName name="${PRINT_TITLES}" localSheetId="${sheetIndex}">${escapeXml(reference)}</${p}definedName>`;
  const list = firstElement(xml, 'definedNames', sheetsElement.end);
  if (list) {
    const own = list.selfClosing
      ? undefined
      : findElements(xml, 'definedName', list.innerStart, list.innerEnd).find((name) => {
          const attributes = attributesOf(name.attributes);
          return (
            attributes.get('name') === PRINT_TITLES && Number(attributes.get('localSheetId')) === sheetIndex
          );
        });
    if (!own) return appendChildrenEdit(list, 'definedNames', element);
    if (innerOf(xml, own).trim() === escapeXml(reference)) return undefined;
    return { start: own.start, end: own.end, text: element };
  }
  const wrapped = `<${p}definedNames>${element}</${p}definedNames>`;
  const next = AFTER_DEFINED_NAMES.map((name) => firstElement(xml, name, sheetsElement.end))
    .filter((found): found is Found => found !== undefined)
    .reduce<Found | undefined>(
      (first, found) => (first && first.start < found.start ? first : found),
      undefined,
    );
  if (next) return { start: next.start, end: next.start, text: wrapped };
  const root = new RegExp(`</${p}workbook\\s*>`).exec(xml.slice(sheetsElement.end));
  const at = root ? sheetsElement.end + root.index : xml.length;
  return { start: at, end: at, text: wrapped };
}
