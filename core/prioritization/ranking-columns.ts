// The columns of the user's initiatives table as the ranking maps them: every column except the ones the
// add-in wrote, the ones the Initiatives rule recognises (core/initiatives/table.ts), and each new criterion's
// starting direction. Pure: no DOM, no host.

import { columnLetters } from '../a1';
import { type Cell, cellText, isBlank, readNumber } from '../cells';
import { normalizeCell, UTC_DATES } from '../functions/invoke';
import type { CellValue, SheetTable } from '../initiatives/sheet-table';
import { initiativeColumnsOf } from '../initiatives/table';
import type { OwnedColumn } from '../initiatives/write-plan';

/** A column of the user's table the panel can map. */
export interface TableColumn {
  /** Index within the table (0 = its first column). */
  readonly index: number;
  readonly header: string;
  /** What the mapping controls show: the header, or "Column F" for a blank one. */
  readonly label: string;
}

/**
 * The user's columns: every table column except the ones the add-in wrote (Score, Rank, Selected), in table
 * order. A blank header is shown as its column letter.
 */
export function userColumns(table: SheetTable, owned: readonly OwnedColumn[]): TableColumn[] {
  return table.headers
    .map((header, index) => ({
      index,
      header,
      label: header === '' ? `Column ${columnLetters(table.firstColumn + index)}` : header,
    }))
    .filter(
      (column) =>
        !owned.some(
          (entry) =>
            entry.column === table.firstColumn + column.index &&
            entry.header.trim().toLowerCase() === column.header.trim().toLowerCase(),
        ),
    );
}

/** The columns core's Initiatives table recognises by their headers (name, cost, ID, WSJF and RICE inputs). */
export function recognisedColumns(columns: readonly TableColumn[]): Map<string, TableColumn> {
  const byKey = new Map<string, TableColumn>();
  for (const [key, position] of initiativeColumnsOf(columns.map((column) => column.header))) {
    const column = columns[position];
    if (column) byKey.set(key, column);
  }
  return byKey;
}

const COST_LIKE = /cost|effort|risk|size|complexity|duration|price|capex|opex|budget|time to/i;

/** The direction a new criterion starts with: less is better for cost-, effort-, risk- and size-like headers. */
export function defaultDirection(header: string): 'max' | 'min' {
  return COST_LIKE.test(header) ? 'min' : 'max';
}

/** The column headed `header` ('' = none). */
export function findColumn(columns: readonly TableColumn[], header: string): TableColumn | undefined {
  return header === '' ? undefined : columns.find((column) => column.header === header);
}

/** A table cell as the catalog functions read it (dates stay serial numbers). */
export const toCell = (value: CellValue | undefined): Cell => normalizeCell(value ?? null, UTC_DATES);

/** How many of a text column's values the reason quotes. */
const QUOTED_VALUES = 2;

/**
 * Why a column cannot rate the initiatives, or undefined when it can: SCORE reads numbers, percentages and numeric
 * text ("8", "60%", "CHF 120,000"), so a column is offered as a criterion when at least half its non-blank cells read
 * as numbers (a stray "TBD" is then that row's issue). A column of words ("Finance", "High") or an empty one is not.
 * @example criterionProblem(table, sponsor) // 'text, not numbers ("Anna Keller", "Tom Frei", …)'
 */
export function criterionProblem(table: SheetTable, column: TableColumn): string | undefined {
  const cells = table.rows.map((row) => toCell(row[column.index])).filter((cell) => !isBlank(cell));
  if (cells.length === 0) return 'no values';
  const words = cells.filter((cell) => !readNumber(cell).ok);
  if (words.length * 2 <= cells.length) return undefined;
  // As the sheet shows them: TRUE and FALSE in capitals.
  const shown = (cell: Cell) =>
    typeof cell === 'boolean' ? String(cell).toUpperCase() : cellText(cell).trim();
  const quoted = [...new Set(words.map((cell) => JSON.stringify(shown(cell))))];
  const examples = quoted.slice(0, QUOTED_VALUES).join(', ') + (quoted.length > QUOTED_VALUES ? ', …' : '');
  return words.length === cells.length
    ? `text, not numbers (${examples})`
    : `mostly text: ${words.length} of ${cells.length} values are not numbers (${examples})`;
}
