// The dashboard's worksheet XML: cells as inline strings, numbers, booleans and date serials, with their
// formats from the stylesheet, column widths, frozen rows, merges and the drawing that holds the charts.

import { columnLetters } from '../core/a1';
import { MAX_ROW_POINTS } from '../core/dashboard/layout';
import {
  type DashboardPlan,
  isDateValue,
  isUserText,
  looksLikeFormula,
  type PlanCell,
  type PlanValue,
} from '../core/dashboard/plan';
import { escapeCellText, isDateFormatCode, type Namespaces, XML_DECLARATION } from './ooxml';
import { formatNumber, type StyleSheet } from './write-styles';

/** Days between the 1900 and 1904 date systems. */
export const DATE_1904_OFFSET = 1462;
export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
const MAX_COLUMN_WIDTH = 255;
const DEFAULT_FONT_SIZE = 11;

/** Column letters of a 0-based column index (0 → A, 26 → AA). */
export const cellAddress = (row: number, column: number): string => `${columnLetters(column)}${row + 1}`;

/** The text of a plan value that is text (user text or a plain string). */
export function textOf(value: PlanValue): string | undefined {
  if (typeof value === 'string') return value;
  return isUserText(value) ? value.userText : undefined;
}

export function isDateCode(code: string | undefined): boolean {
  return code !== undefined && isDateFormatCode(code);
}

export interface SheetOptions {
  readonly plan: DashboardPlan;
  readonly styles: StyleSheet;
  readonly namespaces: Namespaces;
  readonly date1904: boolean;
  /** Relationship id of the drawing holding the charts, when there are charts. */
  readonly drawingId: string | undefined;
  readonly tabSelected: boolean;
}

function cellXml(cell: PlanCell, row: number, column: number, options: SheetOptions): string {
  const { value } = cell;
  const text = textOf(value);
  const date = isDateValue(value);
  const style = cell.style === undefined ? undefined : options.plan.styles[cell.style];
  const numberFormat = date && !isDateCode(cell.numberFormat) ? DEFAULT_DATE_FORMAT : cell.numberFormat;
  const xf = options.styles.cellXf({
    styleName: cell.style,
    style,
    numberFormat,
    quotePrefix: text !== undefined && looksLikeFormula(text),
  });
  const s = xf === 0 ? '' : ` s="${xf}"`;
  const r = cellAddress(row, column);
  if (text !== undefined && text !== '')
    return `<c r="${r}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeCellText(text)}</t></is></c>`;
  if (typeof value === 'number' || date) {
    const number = date ? value.date - (options.date1904 ? DATE_1904_OFFSET : 0) : (value as number);
    return Number.isFinite(number)
      ? `<c r="${r}"${s}><v>${formatNumber(number)}</v></c>`
      : `<c r="${r}"${s} t="e"><v>#NUM!</v></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${r}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return s === '' ? '' : `<c r="${r}"${s}/>`;
}

/** Merged areas that are inside the sheet, larger than one cell and not overlapping an earlier one. */
function validMerges(plan: DashboardPlan): DashboardPlan['merges'] {
  const kept: DashboardPlan['merges'][number][] = [];
  for (const merge of plan.merges) {
    const valid =
      [merge.row, merge.column, merge.rows, merge.columns].every(Number.isInteger) &&
      merge.row >= 0 &&
      merge.column >= 0 &&
      merge.rows >= 1 &&
      merge.columns >= 1 &&
      merge.rows * merge.columns > 1;
    const overlaps = kept.some(
      (other) =>
        merge.row < other.row + other.rows &&
        other.row < merge.row + merge.rows &&
        merge.column < other.column + other.columns &&
        other.column < merge.column + merge.columns,
    );
    if (valid && !overlaps) kept.push(merge);
  }
  return kept;
}

export function worksheetXml(options: SheetOptions): string {
  const { plan, namespaces } = options;
  const rows: string[] = [];
  let lastColumn = Math.max(0, plan.width - 1);
  const heights = new Map(
    (plan.rowHeights ?? [])
      .filter(({ points }) => Number.isFinite(points) && points > 0)
      .map(({ row, points }) => [row, Math.min(points, MAX_ROW_POINTS)]),
  );
  plan.cells.forEach((cells, row) => {
    let content = '';
    let fontSize = DEFAULT_FONT_SIZE;
    cells.forEach((cell, column) => {
      const xml = cellXml(cell, row, column, options);
      if (xml === '') return;
      content += xml;
      lastColumn = Math.max(lastColumn, column);
      const size = cell.style === undefined ? undefined : plan.styles[cell.style]?.fontSize;
      if (size !== undefined && size > fontSize) fontSize = size;
    });
    const points = Math.max(
      heights.get(row) ?? 0,
      fontSize > DEFAULT_FONT_SIZE ? Math.ceil(fontSize * 1.4) : 0,
    );
    const height = points > 0 ? ` ht="${formatNumber(points)}" customHeight="1"` : '';
    if (content !== '' || height !== '') rows.push(`<row r="${row + 1}"${height}>${content}</row>`);
  });
  const lastRow = Math.max(0, plan.cells.length - 1);
  const frozen = Number.isInteger(plan.frozenRows) && plan.frozenRows > 0 ? plan.frozenRows : 0;
  const selected = options.tabSelected ? ' tabSelected="1"' : '';
  const view =
    frozen > 0
      ? `<sheetView${selected} workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView>`
      : `<sheetView${selected} workbookViewId="0"/>`;
  const columns = plan.columnWidths
    .map((width, column) =>
      Number.isFinite(width) && width > 0
        ? `<col min="${column + 1}" max="${column + 1}" width="${formatNumber(Math.min(width, MAX_COLUMN_WIDTH))}" customWidth="1"/>`
        : '',
    )
    .join('');
  const merges = validMerges(plan).map(
    (merge) =>
      `<mergeCell ref="${cellAddress(merge.row, merge.column)}:${cellAddress(merge.row + merge.rows - 1, merge.column + merge.columns - 1)}"/>`,
  );
  return (
    `${XML_DECLARATION}<worksheet xmlns="${namespaces.main}" xmlns:r="${namespaces.relationships}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${cellAddress(lastRow, lastColumn)}"/>` +
    `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `${columns === '' ? '' : `<cols>${columns}</cols>`}` +
    `<sheetData>${rows.join('')}</sheetData>` +
    `${merges.length === 0 ? '' : `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `${options.drawingId === undefined ? '' : `<drawing r:id="${options.drawingId}"/>`}</worksheet>`
  );
}
