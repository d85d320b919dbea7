// The add-in's own sheet for a table's scores (DESIGN §7b, issue 16.4): when the columns right of the initiatives
// table are not blank, Score, Rank and Selected go to a "PMO Scores" sheet instead of skipping over the user's cells.
// It lists the table's initiatives best first, each with its sheet row, so nothing is lost in the move. Shared by the
// Excel bridge and the Sheets server. Pure: no DOM, no host API.

import { a1Address } from '../a1';
import { chooseOwnedSheet } from '../dashboard/plan';
import { type CellValue, isBlankValue } from './sheet-table';
import type { OutputColumn, PlannedColumn, WritePlan, WriteRequest } from './write-plan';

/** The add-in's scores sheets are "PMO Scores", "PMO Scores (2)"… */
export const SCORES_SHEET_STEM = 'PMO Scores';

/** A1 of a scores sheet: how the add-in knows the sheet is its own before clearing it. */
export const SCORES_MARKER = 'PMO Scores · written by the PMO Toolkit scoring panel';

/** The sheet row of the ranking's header (rows 1–2 say what the sheet is; row 3 is blank). */
export const SCORES_HEADER_ROW = 4;

export interface ScoresSheetPlan {
  /** Columns A… of rows 1–2 (the marker and what the sheet holds) and of the ranking from row 4. */
  readonly plan: WritePlan;
  /** The ranking's cells, header included ("A4:E11"), for the status line. */
  readonly address: string;
  /** Each column's width in characters (the names' column fits the longest name, up to 40). */
  readonly columnWidths: readonly number[];
}

/**
 * Plans the scores sheet for a write request: A1 the marker, A2 what the sheet holds, then from row 4 a header
 * ("Row", the name column's header, Score, Rank, Selected) and one row per initiative: ranked rows by rank (ties in
 * table order), then the unranked ones (with the reason in Score) in table order. Blank table rows are left out.
 */
export function planScoresSheet(request: WriteRequest): ScoresSheetPlan {
  const firstRow = request.firstRow ?? request.headerRow + 1;
  const rows = Array.from({ length: request.lastRow - firstRow + 1 }, (_, i) => i);
  const outputs: OutputColumn[] = [
    { header: 'Row', values: rows.map((i) => firstRow + i), numberFormat: '0' },
    ...(request.label ? [request.label] : []),
    ...request.columns,
  ];
  const results = request.columns;
  const rankColumn = results.find((column) => column.header === 'Rank');
  const kept = rows.filter(
    (i) =>
      !results.every((column) => isBlankValue(column.values[i])) || !isBlankValue(request.label?.values[i]),
  );
  const rankOf = (i: number) => {
    const rank = rankColumn?.values[i];
    return typeof rank === 'number' ? rank : Number.POSITIVE_INFINITY;
  };
  const order = kept.sort((a, b) => rankOf(a) - rankOf(b) || a - b);
  const note = `Scores of the initiatives on sheet ${request.sheet}, rows ${firstRow}–${request.lastRow}, best first (Row is their row there). They are here because the columns right of that table are not blank. The panel rewrites this sheet each time you write: keep your own notes on another sheet.`;
  const columns: PlannedColumn[] = outputs.map((output, c) => {
    const values: CellValue[] = [c === 0 ? SCORES_MARKER : null, c === 0 ? note : null, output.header];
    const formats: (string | null)[] = ['@', '@', '@'];
    for (const i of order) {
      const value = output.values[i] ?? null;
      values.push(value);
      formats.push(typeof value === 'string' && value !== '' ? '@' : output.numberFormat);
    }
    return { column: c, header: output.header, values, formats };
  });
  const lastRow = SCORES_HEADER_ROW + order.length;
  return {
    plan: {
      kind: 'plan',
      columns,
      runs: [
        { first: 1, count: 2 },
        { first: SCORES_HEADER_ROW, count: order.length + 1 },
      ],
    },
    address: a1Address(SCORES_HEADER_ROW, 0, lastRow, columns.length - 1),
    columnWidths: columns.map((column) =>
      Math.min(
        40,
        column.values
          .slice(3)
          .reduce(
            (most: number, value) =>
              Math.max(most, typeof value === 'number' ? 10 : String(value ?? '').length + 2),
            column.header.length + 2,
          ),
      ),
    ),
  };
}

/** True for a sheet name that may be a scores sheet ("PMO Scores", "PMO Scores (2)"…): the ones a bridge looks at. */
export function mayBeScoresSheet(name: string): boolean {
  return name.toLowerCase().startsWith(SCORES_SHEET_STEM.toLowerCase());
}

/**
 * The sheet to write a table's scores to: the one recorded for it (`recorded`, from the settings) when it still exists
 * and A1 holds the marker, else the first "PMO Scores", "PMO Scores (2)"… that does not exist. A user's sheet, or
 * the scores sheet of another table, is never chosen.
 * @returns the name to write and, when rewriting, the existing sheet to clear first.
 */
export function chooseScoresSheet<T extends { readonly name: string }>(
  sheets: readonly T[],
  recorded: string | undefined,
  isMarked: (sheet: T) => boolean,
): { name: string; existing: T | undefined } {
  const mine = recorded?.toLowerCase();
  return chooseOwnedSheet(
    SCORES_SHEET_STEM,
    sheets,
    (sheet) => sheet.name.toLowerCase() === mine && isMarked(sheet),
  );
}

/**
 * What a bridge reports after writing the scores sheet (the panel's WriteDone): where, and why there.
 * @param reason why the columns right of the table could not be used; undefined when the sheet was rewritten as before.
 */
export function scoresWriteDone(sheet: string, scores: ScoresSheetPlan, reason: string | undefined) {
  return {
    kind: 'written' as const,
    sheet,
    address: scores.address,
    columns: [],
    elsewhere: reason ?? 'where they went before',
  };
}
