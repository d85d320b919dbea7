// The shared-string table of a workbook (xl/sharedStrings.xml): every text cell of type "s" holds an index into
// it. Read item by item, without building a list of elements first: a small part of tiny texts holds millions.

import { decodeCellText, PREFIX, richText } from './ooxml';

/**
 * Each shared string item's inner XML in order (`<si/>` gives ''), until `visit` returns true; an item without
 * its close tag ends the list.
 */
function eachSharedString(xml: string, visit: (inner: string) => boolean): void {
  const open = new RegExp(`<(${PREFIX})si(?=[\\s/>])([^>]*)>`, 'g');
  for (let match = open.exec(xml); match; match = open.exec(xml)) {
    let inner = '';
    if (!(match[2] ?? '').endsWith('/')) {
      const closeTag = `</${match[1] ?? ''}si>`;
      const close = xml.indexOf(closeTag, open.lastIndex);
      if (close < 0) return;
      inner = xml.slice(open.lastIndex, close);
      open.lastIndex = close + closeTag.length;
    }
    if (visit(inner)) return;
  }
}

/** The text of the usual item, one plain `<t>` element and nothing else; undefined for any other (runs, attributes). */
const plainItem = (inner: string): string | undefined =>
  inner.startsWith('<t>') && inner.indexOf('<', 3) === inner.length - 4 && inner.endsWith('</t>')
    ? decodeCellText(inner.slice(3, -4))
    : undefined;

/**
 * Every shared string, in order. `take` is called before each is read: it throws to refuse a table that holds
 * more than the reader's limit (cli/worksheet-read.ts {@link CellBudget}).
 */
export function readSharedStrings(xml: string, take: () => void = () => {}): string[] {
  const strings: string[] = [];
  eachSharedString(xml, (inner) => {
    take();
    strings.push(plainItem(inner) ?? richText(inner));
    return false;
  });
  return strings;
}

/** The n-th (0-based) shared string, scanning only as far as it. */
export function sharedString(xml: string, index: number): string | undefined {
  let seen = 0;
  let found: string | undefined;
  eachSharedString(xml, (inner) => {
    if (seen++ !== index) return false;
    found = richText(inner);
    return true;
  });
  return found;
}
