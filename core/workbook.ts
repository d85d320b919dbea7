// Finds the PMO tables in a workbook (Resources, Assignments, Time off, Initiatives, Risks) by sheet name,
// Excel table name or headers. Host-neutral: the CLI, Excel and Sheets hand it their sheets as cell grids.

import { parseA1 } from './a1';
import type { Cell } from './cells';
import { INITIATIVES_NAMES } from './initiatives/table';
import { findTable, normalizeTableName, type TableSpec } from './table';
import { ASSIGNMENTS_TABLE, RESOURCES_TABLE, TIME_OFF_TABLE, type UtilizationTables } from './utilization';

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
}

/** The kinds of table the toolkit reads from a workbook. */
export type TableKind = 'resources' | 'assignments' | 'timeOff' | 'initiatives' | 'risks';

export const TABLE_KINDS: readonly TableKind[] = [
  'resources',
  'assignments',
  'timeOff',
  'initiatives',
  'risks',
];

/** Sheet names that mean each kind, best first (compared case-, space- and punctuation-insensitively). */
export const SHEET_NAMES: Readonly<Record<TableKind, readonly string[]>> = {
  resources: ['Resources', 'Team', 'People', 'Staff'],
  assignments: ['Assignments', 'Allocations', 'Plan', 'Resource Plan'],
  timeOff: ['Time Off', 'Holidays', 'Leave', 'Absences'],
  initiatives: INITIATIVES_NAMES,
  risks: ['Risks', 'Risk Register', 'Risk Log'],
};

/** The column specs the core has so far; kinds without one are found by sheet name only. */
const SPECS: Partial<Record<TableKind, TableSpec>> = {
  resources: RESOURCES_TABLE,
  assignments: ASSIGNMENTS_TABLE,
  timeOff: TIME_OFF_TABLE,
};

/** A sheet found by headers must match at least this many known columns (one "Owner" column is not a table). */
const MIN_HEADER_MATCHES = 2;

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
  readonly foundBy: 'sheet name' | 'table name' | 'headers';
}

export interface WorkbookTables {
  readonly tables: Partial<Record<TableKind, LocatedTable>>;
  /** Kinds no table was found for, in {@link TABLE_KINDS} order. */
  readonly missing: readonly TableKind[];
}

const normalizeName = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** A place a table may be: a whole sheet, or one Excel table on it. */
interface Candidate {
  readonly sheetIndex: number;
  readonly grid: readonly (readonly Cell[])[];
  readonly firstRow: number;
  readonly table?: string;
}

const sheetCandidate = (sheet: SheetView, sheetIndex: number): Candidate => ({
  sheetIndex,
  grid: sheet.rows,
  firstRow: sheet.firstRow,
});

/** The cells of an Excel table's area ("B3:H40"), or undefined when its reference cannot be read. */
function tableCandidate(sheet: SheetView, sheetIndex: number, table: ExcelTable): Candidate | undefined {
  const area = parseA1(table.ref);
  if (!area) return undefined;
  const top = area.firstRow;
  const bottom = area.lastRow;
  const left = area.firstColumn;
  const right = area.lastColumn;
  const firstRow = Math.max(top, sheet.firstRow);
  const grid = sheet.rows
    .slice(firstRow - sheet.firstRow, bottom - sheet.firstRow + 1)
    .map((row) => row.slice(left, right + 1));
  return { sheetIndex, grid, firstRow, table: table.name };
}

/** How well `spec` fits a candidate's headers; undefined when its table cannot be read there. */
interface HeaderFit {
  /** Known columns matched. */
  readonly matches: number;
  /** Share of the header row's non-blank cells that matched (1 = every header is known). */
  readonly share: number;
  /** Columns the spec has: on a tie, the smaller spec fits more tightly. */
  readonly specColumns: number;
}

function headerFit(candidate: Candidate, spec: TableSpec): HeaderFit | undefined {
  const found = findTable(candidate.grid, spec, candidate.firstRow);
  if ('kind' in found) return undefined;
  const headers = found.headers.filter((header) => header !== '').length;
  return {
    matches: found.columns.size,
    share: headers === 0 ? 0 : found.columns.size / headers,
    specColumns: spec.columns.length,
  };
}

/** True when fit `a` is better than `b`: more matched columns, then a larger share of headers, then a smaller spec. */
function betterFit(a: HeaderFit, b: HeaderFit | undefined): boolean {
  if (!b) return true;
  if (a.matches !== b.matches) return a.matches > b.matches;
  if (a.share !== b.share) return a.share > b.share;
  return a.specColumns < b.specColumns;
}

/**
 * Finds each kind of table: by sheet name first (Resources/Team/People/Staff, …), then by Excel table name
 * (`Assignments`, `tblAssignments`), else by headers. A sheet found by headers is one that no name claimed,
 * whose headers fit this kind better than any other kind (so an Assignments sheet is never taken for time
 * off), with at least two known columns (a lone "Owner" column is not a resources table); among several, the
 * one matching the most columns (then the larger share of its headers, then the first). A table found by
 * name whose headers do not fit is replaced by a sheet whose headers do, if there is one. Initiatives and
 * risks are found by name only (the core has no column specs for them yet).
 */
export function findTables(sheets: readonly SheetView[]): WorkbookTables {
  const claimedSheets = new Set<number>();
  const claimedTables = new Set<string>();
  const chosen = new Map<TableKind, { candidate: Candidate; foundBy: LocatedTable['foundBy'] }>();
  const needsHeaders = new Set<TableKind>();
  for (const kind of TABLE_KINDS) {
    const wanted = SHEET_NAMES[kind].map(normalizeName);
    for (const name of wanted) {
      const index = sheets.findIndex(
        (sheet, i) => !claimedSheets.has(i) && normalizeName(sheet.name) === name,
      );
      const sheet = sheets[index];
      if (!sheet) continue;
      claimedSheets.add(index);
      chosen.set(kind, { candidate: sheetCandidate(sheet, index), foundBy: 'sheet name' });
      break;
    }
    for (const name of chosen.has(kind) ? [] : wanted) {
      const found = sheets.flatMap((sheet, index) =>
        sheet.tables
          .filter((table) => !claimedTables.has(table.name) && normalizeTableName(table.name) === name)
          .map((table) => tableCandidate(sheet, index, table)),
      )[0];
      if (!found) continue;
      claimedSheets.add(found.sheetIndex);
      claimedTables.add(found.table ?? '');
      chosen.set(kind, { candidate: found, foundBy: 'table name' });
      break;
    }
    const spec = SPECS[kind];
    const named = chosen.get(kind);
    if (spec && (!named || headerFit(named.candidate, spec) === undefined)) needsHeaders.add(kind);
  }
  if (needsHeaders.size > 0) {
    const best = new Map<TableKind, { candidate: Candidate; fit: HeaderFit }>();
    sheets.forEach((sheet, index) => {
      if (claimedSheets.has(index)) return;
      const candidate = sheetCandidate(sheet, index);
      let sheetKind: TableKind | undefined;
      let sheetFit: HeaderFit | undefined;
      for (const kind of TABLE_KINDS) {
        const spec = SPECS[kind];
        const fit = spec ? headerFit(candidate, spec) : undefined;
        if (!fit || fit.matches < MIN_HEADER_MATCHES || !betterFit(fit, sheetFit)) continue;
        sheetKind = kind;
        sheetFit = fit;
      }
      if (sheetKind === undefined || sheetFit === undefined || !needsHeaders.has(sheetKind)) return;
      if (betterFit(sheetFit, best.get(sheetKind)?.fit)) best.set(sheetKind, { candidate, fit: sheetFit });
    });
    for (const [kind, { candidate }] of best) chosen.set(kind, { candidate, foundBy: 'headers' });
  }
  const tables: Partial<Record<TableKind, LocatedTable>> = {};
  const missing: TableKind[] = [];
  for (const kind of TABLE_KINDS) {
    const found = chosen.get(kind);
    const sheet = found === undefined ? undefined : sheets[found.candidate.sheetIndex];
    if (!found || !sheet) {
      missing.push(kind);
      continue;
    }
    const { grid, firstRow, table } = found.candidate;
    tables[kind] = {
      kind,
      sheet: sheet.name,
      ...(table === undefined ? {} : { table }),
      grid,
      firstRow,
      foundBy: found.foundBy,
    };
  }
  return { tables, missing };
}

/** The utilization tables found in a workbook, with their sheet rows; undefined without Resources and Assignments. */
export function utilizationTablesOf(tables: WorkbookTables['tables']): UtilizationTables | undefined {
  const { resources, assignments, timeOff } = tables;
  if (!resources || !assignments) return undefined;
  return {
    resources: resources.grid,
    assignments: assignments.grid,
    ...(timeOff ? { timeOff: timeOff.grid } : {}),
    firstRows: {
      resources: resources.firstRow,
      assignments: assignments.firstRow,
      ...(timeOff ? { timeOff: timeOff.firstRow } : {}),
    },
  };
}
