// Plans where the scoring results go beside an initiatives table (DESIGN §7b): right of the user's columns,
// never over a user's cell, reusing the columns the add-in wrote before, and stopping when the table changed
// since it was read. Shared by the Excel bridge and the Sheets server. Pure: no DOM, no host API.

import { a1Address, columnLetters } from '../a1';
import {
  type CellValue,
  cellAt,
  headerText,
  isBlankValue,
  type SheetBlock,
  type SheetError,
  sheetError,
  tableFingerprint,
} from './sheet-table';

/** A column the add-in wrote before: where, and under which header (kept in the saved settings). */
export interface OwnedColumn {
  /** 0-based sheet column index. */
  readonly column: number;
  readonly header: string;
}

/** One result column: a header and one value per data row (rows firstRow…lastRow of the request). */
export interface OutputColumn {
  readonly header: string;
  readonly values: readonly CellValue[];
  /** Number format for the numbers in the column ("0.00"); null leaves the host's default. Text is always "@". */
  readonly numberFormat: string | null;
}

/** What to do when a header to write already names a column the add-in did not create. */
export type ConflictChoice = 'ask' | 'overwrite' | 'new-columns';

/** A request to write result columns right of the user's table. */
export interface WriteRequest {
  readonly sheet: string;
  readonly headerRow: number;
  /** Last sheet row to write (the table's last data row). */
  readonly lastRow: number;
  /** 0-based sheet columns of the user's table: its first and last user column (add-in columns excluded). */
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** The user's header texts firstColumn…lastColumn as read: the write stops if the sheet changed since. */
  readonly headers: readonly string[];
  /**
   * A fingerprint of the user's cells (rows firstRow…lastRow, columns firstColumn…lastColumn) as read
   * (core/initiatives/sheet-table.ts `tableFingerprint`): if the rows were sorted or edited since, results would land on the
   * wrong rows, so the write stops.
   */
  readonly fingerprint: string;
  readonly columns: readonly OutputColumn[];
  /** Columns the add-in created on this sheet before (from the settings); a same-named one is reused. */
  readonly owned: readonly OwnedColumn[];
  readonly onConflict: ConflictChoice;
  /**
   * Sheet row of the first data row: headerRow + 1 (the default) unless a matrix keeps its weights or direction rows
   * between them, which get nothing written. The columns' values are for rows firstRow…lastRow.
   */
  readonly firstRow?: number;
  /**
   * The initiatives' names (the name column's header and one value per row firstRow…lastRow): the add-in's own sheet
   * lists them beside the results when the columns right of the table are taken.
   */
  readonly label?: OutputColumn;
  /** The add-in's own sheet this table's results went to before (from the settings): written there again. */
  readonly scoresSheet?: string;
}

/** The table changed since it was read (headers, rows sorted or edited): nothing was written. */
export interface WriteStale {
  readonly kind: 'stale';
  readonly reason: string;
}

/** The columns right of the table are not blank: the results go to the add-in's own sheet (the reason says why). */
export interface WriteElsewhere {
  readonly kind: 'elsewhere';
  readonly reason: string;
}

/** One column of a write plan: where it goes and what it holds (header cell first). */
export interface PlannedColumn {
  /** 0-based sheet column index. */
  readonly column: number;
  readonly header: string;
  /** Header, then one value per row firstRow…lastRow. */
  readonly values: readonly CellValue[];
  /** Number format per cell (header first): "@" for text, the column's format for the rest, null = leave. */
  readonly formats: readonly (string | null)[];
}

export interface WritePlan {
  readonly kind: 'plan';
  readonly columns: readonly PlannedColumn[];
  /**
   * The rows every column is written to, as runs of sheet rows (the header's run first): headerRow…lastRow but the
   * rows between the header and the request's `firstRow`, which get nothing written. values and formats follow the
   * runs: the header's first, then the next run's rows.
   */
  readonly runs: readonly { readonly first: number; readonly count: number }[];
}

/** The last column a sheet has (Excel's XFD; a Google sheet can grow to more), 0-based. */
const LAST_COLUMN = 16_383;

const sameHeader = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** True for "Score (PMO)" or "Score (PMO 2)" given "Score": a result header renamed beside a user's column. */
function isRenamed(written: string, header: string): boolean {
  const lower = written.trim().toLowerCase();
  const stem = `${header.trim().toLowerCase()} (pmo`;
  return lower.startsWith(stem) && /^(?: \d+)?\)$/.test(lower.slice(stem.length));
}

/** A header not yet used on the row: "Score (PMO)", then "Score (PMO 2)"… */
function freshHeader(header: string, taken: (text: string) => boolean): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${header} (PMO)` : `${header} (PMO ${n})`;
    if (!taken(candidate)) return candidate;
  }
}

function plannedColumn(column: number, header: string, output: OutputColumn): PlannedColumn {
  const formats: (string | null)[] = ['@'];
  for (const value of output.values)
    formats.push(typeof value === 'string' && value !== '' ? '@' : output.numberFormat);
  return { column, header, values: [header, ...output.values], formats };
}

/**
 * Plans a write (DESIGN §7b): result columns go right of the user's table, never over a user's cell.
 * - The user's headers and cells must still read as they did (else 'stale': sorted or edited rows would get
 *   another row's results).
 * - A header the add-in wrote before, still at its column, is written again in place.
 * - A header that names a column the add-in did not create is a conflict: with `onConflict` 'ask' the plan
 *   stops and lists them; 'overwrite' writes into that column; 'new-columns' writes "Score (PMO)" beside.
 * - The other columns go side by side right after the table and the add-in's columns, when those columns are blank
 *   from the header row to the last row; else the plan is 'elsewhere' (a note, a Budget cell or a table beside it is
 *   never overwritten or skipped over: the results go to the add-in's own sheet).
 * @param area the cells of rows headerRow…lastRow as read just before writing (any columns; outside = blank).
 */
export function planWrite(
  request: WriteRequest,
  area: SheetBlock,
): WritePlan | WriteElsewhere | { kind: 'conflict'; headers: string[] } | WriteStale | SheetError {
  const { headerRow, lastRow, firstColumn, lastColumn } = request;
  const firstRow = request.firstRow ?? headerRow + 1;
  if (lastRow < firstRow) return sheetError('The table has no rows to write results for.');
  for (const output of request.columns)
    if (output.values.length !== lastRow - firstRow + 1)
      return sheetError(
        `Internal error: column ${output.header} has ${output.values.length} values for ${lastRow - firstRow + 1} rows.`,
      );
  for (let c = firstColumn; c <= lastColumn; c++) {
    const now = headerText(cellAt(area, headerRow, c));
    const then = request.headers[c - firstColumn] ?? '';
    if (now !== then)
      return { kind: 'stale', reason: `column ${columnLetters(c)} was headed "${then}" and is now "${now}"` };
  }
  const rowsNow: CellValue[][] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const row: CellValue[] = [];
    for (let c = firstColumn; c <= lastColumn; c++) row.push(cellAt(area, r, c));
    rowsNow.push(row);
  }
  if (tableFingerprint(rowsNow, lastColumn - firstColumn + 1) !== request.fingerprint)
    return { kind: 'stale', reason: 'its rows were sorted, added or edited' };
  const areaEnd = area.firstColumn + area.values.reduce((most, row) => Math.max(most, row.length), 0) - 1;
  const scanEnd = Math.max(areaEnd, lastColumn);
  const headerAt = (c: number) => headerText(cellAt(area, headerRow, c));
  const owned = request.owned.filter(
    (entry) => entry.column > lastColumn && sameHeader(headerAt(entry.column), entry.header),
  );
  const isOwned = (c: number) => owned.some((entry) => entry.column === c);
  const taken = new Set<number>();
  const targets: { output: OutputColumn; header: string; column: number | undefined }[] = [];
  const conflicts: string[] = [];
  for (const output of request.columns) {
    let column: number | undefined;
    let header = output.header;
    const same: number[] = [];
    for (let c = Math.min(firstColumn, area.firstColumn); c <= scanEnd; c++)
      if (sameHeader(headerAt(c), header)) same.push(c);
    // The add-in's own column for this result: same header, or the "Score (PMO)" it was renamed to once.
    const mine = owned.find(
      (entry) =>
        !taken.has(entry.column) && (sameHeader(entry.header, header) || isRenamed(entry.header, header)),
    );
    const users = same.filter((c) => !isOwned(c));
    if (mine !== undefined) {
      column = mine.column;
      header = headerAt(mine.column);
    } else if (users.length > 0) {
      if (request.onConflict === 'ask') conflicts.push(header);
      else if (request.onConflict === 'overwrite') column = users[0];
      else
        header = freshHeader(header, (text) => {
          for (let c = Math.min(firstColumn, area.firstColumn); c <= scanEnd; c++)
            if (sameHeader(headerAt(c), text)) return true;
          return targets.some((target) => sameHeader(target.header, text));
        });
    }
    if (column !== undefined) taken.add(column);
    targets.push({ output, header, column });
  }
  if (conflicts.length > 0) return { kind: 'conflict', headers: conflicts };
  const columnIsBlank = (c: number) => {
    for (let r = headerRow; r <= lastRow; r++) if (!isBlankValue(cellAt(area, r, c))) return false;
    return true;
  };
  // The new columns go side by side right after the table and the add-in's own columns, never skipping a column and
  // never over a user's cell: when those columns are not blank (a note, a Budget cell, a table beside it), the results
  // go to a sheet of the add-in's own instead (core/initiatives/scores-sheet.ts).
  const fresh = targets.filter((target) => target.column === undefined).length;
  let next = owned.reduce((most, entry) => Math.max(most, entry.column + 1), lastColumn + 1);
  if (fresh > 0) {
    if (next + fresh - 1 > LAST_COLUMN)
      return { kind: 'elsewhere', reason: "the table reaches the sheet's last column" };
    for (let c = next; c < next + fresh; c++)
      if (taken.has(c) || !columnIsBlank(c))
        return { kind: 'elsewhere', reason: `column ${columnLetters(c)} right of the table is not blank` };
  }
  const columns: PlannedColumn[] = [];
  for (const target of targets) {
    let column = target.column;
    if (column === undefined) {
      column = next++;
      taken.add(column);
    }
    columns.push(plannedColumn(column, target.header, target.output));
  }
  const runs =
    firstRow > headerRow + 1
      ? [
          { first: headerRow, count: 1 },
          { first: firstRow, count: lastRow - firstRow + 1 },
        ]
      : [{ first: headerRow, count: lastRow - headerRow + 1 }];
  return { kind: 'plan', columns, runs };
}

/** The A1 address(es) of a plan's columns, merged where they are adjacent ("J3:L12"). */
export function planAddress(plan: WritePlan, headerRow: number, lastRow: number): string {
  const sorted = [...plan.columns].map((column) => column.column).sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const current = sorted[i] as number;
    const following = sorted[i + 1];
    if (following === current + 1) continue;
    parts.push(a1Address(headerRow, start ?? current, lastRow, current));
    start = following;
  }
  return parts.join(', ');
}

/** Where each planned column went, for the settings: the add-in's own columns from now on. */
export function ownedColumnsOf(plan: WritePlan): OwnedColumn[] {
  return plan.columns.map((column) => ({ column: column.column, header: column.header }));
}

/** The plan's runs of rows, each with where its cells start in every column's values and formats. */
export function runSlices(plan: WritePlan): { first: number; count: number; from: number }[] {
  let from = 0;
  return plan.runs.map((run) => {
    const slice = { ...run, from };
    from += run.count;
    return slice;
  });
}
