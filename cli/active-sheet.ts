// The file `pmo dashboard` writes opens on the dashboard (issue 15 item 6): the workbook view's active tab is the
// dashboard's, and the sheet that was the active one is no longer selected. Removing `tabSelected` from a user
// sheet's view is the one edit of a user sheet's part DESIGN §7 allows: without it Excel opens that sheet grouped
// with the dashboard, and an edit would then go to both.

import {
  appendChildrenEdit,
  applyEdits,
  attributesOf,
  type Found,
  firstElement,
  type TextEdit,
} from './ooxml';

/** The first workbook view, when the workbook part has one before its sheet list. */
function workbookView(xml: string, sheetsElement: Found): Found | undefined {
  const bookViews = firstElement(xml, 'bookViews', 0, sheetsElement.start);
  return bookViews && !bookViews.selfClosing
    ? firstElement(xml, 'workbookView', bookViews.innerStart, bookViews.innerEnd)
    : undefined;
}

/** The workbook's active tab as its view says (0-based, in the sheet list; 0 when it says nothing). */
export function activeTabOf(xml: string, sheetsElement: Found): number {
  const view = workbookView(xml, sheetsElement);
  const tab = Number(view ? attributesOf(view.attributes).get('activeTab') : undefined);
  return Number.isInteger(tab) && tab >= 0 ? tab : 0;
}

const startTag = (xml: string, element: Found) =>
  xml.slice(element.start, element.selfClosing ? element.end : element.innerStart);

/**
 * The edit of the workbook part that makes sheet `index` (0-based, in the sheet list) the active tab: its first
 * workbook view's `activeTab` set (or added), or a view added before the sheet list when the workbook has none.
 */
export function activeTabEdit(xml: string, sheetsElement: Found, index: number): TextEdit | undefined {
  const view = workbookView(xml, sheetsElement);
  const p = sheetsElement.prefix;
  if (!view) {
    const bookViews = firstElement(xml, 'bookViews', 0, sheetsElement.start);
    const element = `<${p}workbookView activeTab="${index}"/>`;
    return bookViews
      ? appendChildrenEdit(bookViews, 'bookViews', element)
      : {
          start: sheetsElement.start,
          end: sheetsElement.start,
          text: `<${p}bookViews>${element}</${p}bookViews>`,
        };
  }
  const written = attributesOf(view.attributes).get('activeTab');
  if (written !== undefined && Number(written) === index) return undefined;
  const tag = startTag(xml, view);
  const set = /\sactiveTab\s*=\s*["'][^"']*["']/.test(tag)
    ? tag.replace(/(\sactiveTab\s*=\s*)["'][^"']*["']/, `$1"${index}"`)
    : tag.replace(/\s*(\/?>)$/, ` activeTab="${index}"$1`);
  return { start: view.start, end: view.start + tag.length, text: set };
}

/** A sheet part without `tabSelected` on its sheet views (nothing else changed), or undefined when none has it. */
export function withoutTabSelected(xml: string): string | undefined {
  const views = firstElement(xml, 'sheetViews');
  if (!views || views.selfClosing) return undefined;
  const edits: TextEdit[] = [];
  for (let at = views.innerStart; ; ) {
    const view = firstElement(xml, 'sheetView', at, views.innerEnd);
    if (!view) break;
    const tag = startTag(xml, view);
    const plain = tag.replace(/\s+tabSelected\s*=\s*["'](?:1|true)["']/, '');
    if (plain !== tag) edits.push({ start: view.start, end: view.start + tag.length, text: plain });
    at = view.end;
  }
  return edits.length > 0 ? applyEdits(xml, edits) : undefined;
}
