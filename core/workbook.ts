// Finds the PMO tables in a workbook (Resources, Assignments, Time off, Initiatives, Risks) by sheet name,
// Excel table name or headers. Host-neutral: the CLI, Excel and Sheets hand it their sheets as cell grids.

import type { CellFormat } from './cell-formats';
import type { Cell } from './cells';
import type { TableKind } from './discovery/kinds';
import { type FindOptions, findMappedTables } from './discovery/mapped';
import type { MappingProblem } from './discovery/mapping';
import type { CriteriaSettings } from './discovery/weights';
import { isPmoError, pmoError } from './errors';
import type { UtilizationTables } from './utilization';
import { readPeriodSheet, type SheetPeriod } from './utilization/period-sheets';

/** An Excel table (Insert › Table) such as `Assignments` covering `B3:H40`. */
export interface ExcelTable {
  readonly name: string;
  readonly ref: string;
}

/** One sheet as a host hands it over: `rows[0]` is sheet row `firstRow`, `rows[r][0]` is column A. */
export interface SheetView {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  readonly firstRow: number;
  /** Excel tables on the sheet (none in Sheets). */
  readonly tables: readonly ExcelTable[];
  /**
   * Number formats of some cells near the top of the sheet, those other than General (enough to tell a money
   * column's currency; hosts that do not read formats leave it out).
   */
  readonly numberFormats?: readonly CellFormat[];
}

export { type CellFormat, cellFormats, FORMAT_WINDOW } from './cell-formats';
export { KIND_LABELS, SHEET_NAMES, TABLE_KINDS, type TableKind } from './discovery/kinds';

/** Where one kind of table was found. */
export interface LocatedTable {
  readonly kind: TableKind;
  readonly sheet: string;
  /** The Excel table's name, when the table was found as an Excel table (list object). */
  readonly table?: string;
  /** The cells: the whole sheet's used range, or the Excel table's area. */
  readonly grid: readonly (readonly Cell[])[];
  /** Sheet row number of `grid[0]`. */
  readonly firstRow: number;
  /** `mapping`: the PMO Data sheet's saved mapping placed it; `option`: the user's options (CLI --table/--column). */
  readonly foundBy: 'sheet name' | 'table name' | 'headers' | 'mapping' | 'option';
  /** 0-based sheet column of `grid[0][0]` (absent = 0). */
  readonly firstColumn?: number;
  /** Sheet rows making the header (a group row above the column header row, then that row). */
  readonly headerRows?: readonly number[];
  /** How sure discovery is, 0–1; a table below 0.5 is listed in `unsure`, never used. */
  readonly confidence: number;
  /** Rows of the region that are not data: template rows, label rows, a footer. */
  readonly skipped?: readonly { readonly row: number; readonly reason: string }[];
  /** Data rows (rows with something in the kind's key columns). */
  readonly dataRows?: number;
  /** An initiatives table's criteria: its rating inputs, as 0-based columns of `grid`. */
  readonly criteria?: readonly number[];
  /**
   * The criteria's names (one per `criteria` entry), and the weights and directions the matrix keeps in rows of
   * its own ("Weighting (1-10): 8 5 6 …", "lower is better"), when it has them.
   */
  readonly matrix?: CriteriaSettings;
  /**
   * A plan kept one sheet per period: the period this sheet's name is ("Sep2019" → September 2019), in which the
   * load column's loads fall (the sheet has no Start and End).
   */
  readonly period?: SheetPeriod;
  /**
   * Such a plan over several sheets ("Sep2019", "Oct2019", …, the same columns on each): every sheet's table, in
   * period order, this one first. Read together as one assignments table.
   */
  readonly sheets?: readonly LocatedTable[];
}

export interface WorkbookTables {
  readonly tables: Partial<Record<TableKind, LocatedTable>>;
  /** Kinds no table was found for, in {@link TABLE_KINDS} order. */
  readonly missing: readonly TableKind[];
  /**
   * Further tables of a kind already in `tables` (the next sprint's capacity sheet, a second register), found
   * with the same evidence: reported by `pmo inspect` and named by the dashboard, not used (a mapping picks one).
   */
  readonly also?: readonly LocatedTable[];
  /** Regions that look like a kind but without enough evidence (confidence below 0.5): reported, not used. */
  readonly unsure?: readonly LocatedTable[];
  /** Parts of the saved or given mapping that could not be used (left to discovery), one sentence each. */
  readonly problems?: readonly MappingProblem[];
}

/**
 * The utilization tables found in a workbook, with their sheet rows; undefined without Assignments. Without
 * Resources, each person the assignments name is one full-time person (DESIGN §6; the dashboard says so).
 */
export function utilizationTablesOf(tables: WorkbookTables['tables']): UtilizationTables | undefined {
  const { resources, assignments, timeOff } = tables;
  if (!assignments) return undefined;
  // Each sheet of a plan kept one sheet per period, read with its load column as that period's.
  const periodSheets = (assignments.sheets ?? [assignments]).flatMap(({ sheet, grid, firstRow, period }) => {
    if (!period) return [];
    const table = readPeriodSheet(grid, firstRow, period);
    return [
      { sheet, table: isPmoError(table) ? pmoError(table.code, `Sheet ${sheet}: ${table.message}`) : table },
    ];
  });
  return {
    ...(resources ? { resources: resources.grid } : {}),
    assignments: assignments.grid,
    ...(periodSheets.length > 0 ? { assignmentSheets: periodSheets } : {}),
    ...(timeOff ? { timeOff: timeOff.grid } : {}),
    firstRows: {
      ...(resources ? { resources: resources.firstRow } : {}),
      assignments: assignments.firstRow,
      ...(timeOff ? { timeOff: timeOff.firstRow } : {}),
    },
  };
}

/** What the dashboard and the CLI say when capacity comes from no Resources table. */
export const FULL_TIME_NOTE =
  'No Resources table: each person the assignments name counts as one full-time person (40 h a week).';

/**
 * Finds each kind of table in a workbook by content (DESIGN §4): every sheet (and every Excel table) is
 * searched for header rows anywhere in its first rows; each region a header starts is scored against each
 * kind's columns, a sheet or Excel-table name that means the kind adds to the score, and kinds are assigned
 * best score first so that one region is one kind. A kind is claimed only with its key columns (risks need a
 * probability and an impact or cost; resources a resource and a capacity column; …). A sheet named for a
 * kind whose headers do not fit is still that kind's table (confidence 0.5), so its reader names the missing
 * column. Regions with some of a kind's columns but not its key ones are listed in `unsure`, never used.
 *
 * A mapping wins over discovery (core/discovery/mapped.ts): the one saved on the hidden PMO Data sheet (A1 holds
 * its marker; that sheet is never read as user data) and, above it, `options.mapping` (the CLI's --table and
 * --column). A mapped kind is taken exactly at its range, with its roles in the columns mapped, confidence 1.
 */
export function findTables(sheets: readonly SheetView[], options?: FindOptions): WorkbookTables {
  return findMappedTables(sheets, options);
}
