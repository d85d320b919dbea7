// Discovery over a workbook (DESIGN §4): candidate regions from every sheet and Excel table, scored per kind,
// then kinds assigned best score first so that one region is one kind. Names are evidence, not the rule.

import { parseA1 } from '../a1';
import type { Cell } from '../cells';
import { withMonthYears } from '../periods';
import { HEADER_SEARCH_ROWS, normalizeTableName } from '../table';
import { type SheetPeriod, sheetPeriod } from '../utilization/period-sheets';
import type { LocatedTable, SheetView, WorkbookTables } from '../workbook';
import { KIND_RULES, SHEET_NAMES, TABLE_KINDS, type TableKind } from './kinds';
import { joinPeriodSheets } from './period-sheets';
import { MAX_HEADER_ROWS, type Region, regionsOf } from './regions';
import type { CriteriaSettings, MatrixSettings } from './weights';

/** A matrix's settings without the rows they were read from (those are the sheet grid's, not the table's). */
const criteriaSettings = ({ names, weights, directions }: MatrixSettings): CriteriaSettings => ({
  names,
  ...(weights ? { weights } : {}),
  ...(directions ? { directions } : {}),
});

type Grid = readonly (readonly Cell[])[];

/** A sheet or Excel-table name that means a kind adds this much to a region's score. */
const SHEET_NAME_BONUS = 3;
const TABLE_NAME_BONUS = 2.5;
/** Breaks a tie between an Excel table and the sheet region of the same cells, smaller than any other difference. */
const EXCEL_TABLE_TIE = 1e-6;

/** Sheets named like these hold a legend, a scale or definitions: what looks like a table there is not data. */
const LEGEND_NAME =
  /legend|definition|glossary|instruction|guide|lookup|scale|(?:risk|probability|impact|heat)\s*matrix|readme|help|about/i;

/**
 * Sheets named like these are reports on data kept elsewhere ("Resource Load Summary", "Dashboard"), and a
 * people table with a utilization or over-allocation column is a utilization report: what looks like a table
 * there is used only for a kind no other table gives, and is never reported as a further table of its kind.
 */
const REPORT_NAME = /summary|dashboard|report|overview|pivot/i;
const REPORT_COLUMN = /utili[sz]|over[\s-]*allocat/i;
const PEOPLE_KINDS: ReadonlySet<TableKind> = new Set(['resources', 'assignments']);

const named = (name: string, kind: TableKind): boolean =>
  SHEET_NAMES[kind].some((candidate) => normalizeTableName(candidate) === normalizeTableName(name));

const specSize = (kind: TableKind): number =>
  KIND_RULES.find((rule) => rule.kind === kind)?.spec.columns.length ?? 0;

interface Candidate {
  readonly located: LocatedTable;
  readonly score: number;
  readonly sheetIndex: number;
  /** Sheet rows from the header's first row to the region's last row, and its sheet columns (one region is one kind). */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly weak: boolean;
  /** Read as a legend or a scale (by its cells or its sheet's name): never data, even when the sheet's name fits. */
  readonly legend: boolean;
  /** A report on data kept elsewhere (by its sheet's name or a utilization column): see {@link REPORT_NAME}. */
  readonly report: boolean;
}

/** Where a grid sits on its sheet: the sheet row of its first row and the sheet column of its first column. */
interface Origin {
  readonly sheet: SheetView;
  readonly sheetIndex: number;
  readonly row: number;
  readonly column: number;
  readonly table?: string;
  /** The period the sheet's name is ("Sep2019"): a plan kept one sheet per period. */
  readonly period?: SheetPeriod;
}

function candidateOf(grid: Grid, origin: Origin, region: Region, regions: readonly Region[]): Candidate {
  const { hit } = region;
  const bands = new Set(regions.map((other) => other.hit.left)).size;
  const above = regions.some(
    (other) => other.hit.left === hit.left && other.hit.row < (hit.headerRows[0] ?? hit.row),
  );
  const top =
    origin.table === undefined && (above || hit.row >= HEADER_SEARCH_ROWS) ? (hit.headerRows[0] ?? 0) : 0;
  const [left, right] = bands > 1 ? [hit.left, hit.right] : [0, Number.MAX_SAFE_INTEGER];
  const cut = readingRows(grid, region, top);
  const cells = bands > 1 ? cut.map((row) => row.slice(left, right + 1)) : cut;
  const byName =
    origin.table === undefined ? named(origin.sheet.name, hit.kind) : named(origin.table, hit.kind);
  const legend = region.legend || LEGEND_NAME.test(origin.sheet.name);
  const weak = hit.weak || legend;
  const report =
    REPORT_NAME.test(origin.sheet.name) ||
    (PEOPLE_KINDS.has(hit.kind) &&
      region.header.some((cell) => typeof cell === 'string' && REPORT_COLUMN.test(cell)));
  const confidence = weak ? 0.3 : Math.min(1, 0.6 + 0.05 * hit.columns.size + (byName ? 0.2 : 0));
  const firstColumn = origin.column + (bands > 1 ? left : 0);
  const located: LocatedTable = {
    kind: hit.kind,
    sheet: origin.sheet.name,
    ...(origin.table === undefined ? {} : { table: origin.table }),
    grid: cells,
    firstRow: origin.row + top,
    foundBy: byName ? (origin.table === undefined ? 'sheet name' : 'table name') : 'headers',
    ...(firstColumn === 0 ? {} : { firstColumn }),
    headerRows: hit.headerRows.map((row) => origin.row + row),
    confidence,
    skipped: region.skipped.map((skip) => ({ row: origin.row + skip.row, reason: skip.reason })),
    dataRows: region.dataRows,
    ...(region.criteria ? { criteria: region.criteria.map((c) => c - (bands > 1 ? left : 0)) } : {}),
    ...(region.matrix ? { matrix: criteriaSettings(region.matrix) } : {}),
    ...(hit.sheetPeriod && origin.period ? { period: origin.period } : {}),
  };
  const bonus = byName ? (origin.table === undefined ? SHEET_NAME_BONUS : TABLE_NAME_BONUS) : 0;
  return {
    located,
    // On a tie the smaller spec fits more tightly (Resource, Start, End is time off, not assignments), and an
    // Excel table wins over the same cells read from the sheet (its name is the user's name for them).
    score:
      hit.columns.size +
      hit.share +
      bonus -
      specSize(hit.kind) / 1000 +
      (origin.table === undefined ? 0 : EXCEL_TABLE_TIE),
    sheetIndex: origin.sheetIndex,
    top: origin.row + (hit.headerRows[0] ?? hit.row),
    bottom: origin.row + Math.max(hit.row, region.lastRow),
    left: origin.column + hit.left,
    right: origin.column + hit.right,
    weak,
    legend,
    report,
  };
}

/**
 * The region's rows (from grid row `top`) as the kind's reader should see them: the header row as discovery read it (group text
 * combined in), and the rows discovery found are not data (totals, template, label and continuation rows) blank,
 * so that every reader counts the rows discovery counts and row numbers stay the sheet's.
 */
function readingRows(grid: Grid, region: Region, top: number): Grid {
  const blank = new Set(region.skipped.map((skip) => skip.row));
  return grid
    .slice(top, region.lastRow + 1)
    .map((row, i) => (top + i === region.hit.row ? region.header : blank.has(top + i) ? [] : row));
}

function candidatesIn(grid: Grid, origin: Origin): Candidate[] {
  const regions = regionsOf(grid, origin.period !== undefined);
  return regions.map((region) => candidateOf(grid, origin, region, regions));
}

/** The cells of an Excel table's area ("B3:H40") and where they sit, or undefined when its reference cannot be read. */
function tableGrid(sheet: SheetView, ref: string): { grid: Grid; row: number; column: number } | undefined {
  const area = parseA1(ref);
  if (!area) return undefined;
  const row = Math.max(area.firstRow, sheet.firstRow);
  const grid = sheet.rows
    .slice(row - sheet.firstRow, area.lastRow - sheet.firstRow + 1)
    .map((cells) => cells.slice(area.firstColumn, area.lastColumn + 1));
  return { grid, row, column: area.firstColumn };
}

function allCandidates(sheets: readonly SheetView[]): Candidate[] {
  return sheets.flatMap((sheet, sheetIndex) => {
    const period = sheetPeriod(sheet.name);
    return candidatesOfSheet(sheet, sheetIndex, period ? { period } : {});
  });
}

function candidatesOfSheet(
  sheet: SheetView,
  sheetIndex: number,
  period: { period?: SheetPeriod },
): Candidate[] {
  return [
    // A plan's months without their year take it from a title above, else from the sheet's name ("Plan 2026").
    ...candidatesIn(withMonthYears(sheet.rows, MAX_HEADER_ROWS, sheet.name), {
      sheet,
      sheetIndex,
      row: sheet.firstRow,
      column: 0,
      ...period,
    }),
    ...sheet.tables.flatMap((table) => {
      const area = tableGrid(sheet, table.ref);
      return area
        ? candidatesIn(withMonthYears(area.grid, MAX_HEADER_ROWS, sheet.name), {
            sheet,
            sheetIndex,
            row: area.row,
            column: area.column,
            table: table.name,
            ...period,
          })
        : [];
    }),
  ];
}

/** Two regions share cells: the same sheet, rows and columns that meet (a group row is no header of its own). */
const overlaps = (a: Candidate, b: Candidate): boolean =>
  a.sheetIndex === b.sheetIndex &&
  a.top <= b.bottom &&
  b.top <= a.bottom &&
  a.left <= b.right &&
  b.left <= a.right;

/**
 * A kind's table found by its sheet or Excel-table name (its headers are not evidence enough): reported at 0.5.
 * Where the named sheet has a header row of the kind (a blank template without an Impact column), the table
 * starts there; else it is the whole sheet.
 */
function byNameOnly(
  sheets: readonly SheetView[],
  kind: TableKind,
  used: ReadonlySet<number>,
  candidates: readonly Candidate[],
): LocatedTable | undefined {
  for (const wanted of SHEET_NAMES[kind]) {
    const index = sheets.findIndex(
      (s, i) => !used.has(i) && normalizeTableName(s.name) === normalizeTableName(wanted),
    );
    const sheet = sheets[index];
    const header = candidates.find(
      (c) =>
        c.sheetIndex === index &&
        c.located.kind === kind &&
        c.located.table === undefined &&
        c.located.foundBy === 'sheet name' &&
        !c.legend,
    );
    if (header) return { ...header.located, confidence: 0.5 };
    if (sheet)
      return {
        kind,
        sheet: sheet.name,
        grid: sheet.rows,
        firstRow: sheet.firstRow,
        foundBy: 'sheet name',
        confidence: 0.5,
      };
  }
  for (const wanted of SHEET_NAMES[kind]) {
    for (const [i, sheet] of sheets.entries()) {
      const table = sheet.tables.find((t) => normalizeTableName(t.name) === normalizeTableName(wanted));
      const area = table && !used.has(i) ? tableGrid(sheet, table.ref) : undefined;
      if (table && area) {
        const firstColumn = area.column === 0 ? {} : { firstColumn: area.column };
        return {
          kind,
          sheet: sheet.name,
          table: table.name,
          grid: area.grid,
          firstRow: area.row,
          foundBy: 'table name',
          confidence: 0.5,
          ...firstColumn,
        };
      }
    }
  }
  return undefined;
}

/** A table the user mapped (core/discovery/mapped.ts), with its sheet's index and its sheet rows and columns. */
export interface ClaimedTable {
  readonly located: LocatedTable;
  readonly sheetIndex: number;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * Finds every kind's table: see {@link findTables}. `claimed` tables are taken as they are: their kinds are
 * not looked for, and no region that shares their cells is used.
 */
export function discoverTables(
  sheets: readonly SheetView[],
  claimed: readonly ClaimedTable[] = [],
): WorkbookTables {
  // Reports come after every other table: a kind is read from a report only when nothing else gives it.
  const candidates = allCandidates(sheets).sort(
    (a, b) => Number(a.report) - Number(b.report) || b.score - a.score,
  );
  const chosen = new Map<TableKind, LocatedTable>(
    claimed.map((claim) => [claim.located.kind, claim.located]),
  );
  const taken: Candidate[] = claimed.map((claim) => ({
    ...claim,
    score: Number.POSITIVE_INFINITY,
    weak: false,
    legend: false,
    report: false,
  }));
  for (const candidate of candidates) {
    if (candidate.weak || chosen.has(candidate.located.kind) || taken.some((t) => overlaps(t, candidate)))
      continue;
    chosen.set(candidate.located.kind, candidate.located);
    taken.push(candidate);
  }
  const usedSheets = new Set(taken.map((candidate) => candidate.sheetIndex));
  const byNameSheets = new Set<string>();
  for (const kind of TABLE_KINDS) {
    if (chosen.has(kind)) continue;
    const found = byNameOnly(sheets, kind, usedSheets, candidates);
    if (!found) continue;
    chosen.set(kind, found);
    byNameSheets.add(found.sheet);
    usedSheets.add(sheets.findIndex((sheet) => sheet.name === found.sheet));
  }
  // Another table of a kind already found (the next sprint's capacity sheet): reported, not used. A sheet whose
  // table was found by its name only holds no other.
  const also: LocatedTable[] = [];
  for (const candidate of candidates) {
    if (
      candidate.weak ||
      candidate.report ||
      byNameSheets.has(candidate.located.sheet) ||
      taken.some((t) => overlaps(t, candidate))
    )
      continue;
    also.push(candidate.located);
    taken.push(candidate);
  }
  const unsure: LocatedTable[] = [];
  for (const candidate of candidates) {
    if (!candidate.weak || taken.some((t) => overlaps(t, candidate))) continue;
    if (
      unsure.some(
        (u) => u.sheet === candidate.located.sheet && u.headerRows?.[0] === candidate.located.headerRows?.[0],
      )
    )
      continue;
    unsure.push(candidate.located);
  }
  const tables: Partial<Record<TableKind, LocatedTable>> = {};
  for (const kind of TABLE_KINDS) {
    const found = chosen.get(kind);
    if (found) tables[kind] = found;
  }
  return joinPeriodSheets({
    tables,
    missing: TABLE_KINDS.filter((kind) => !chosen.has(kind)),
    ...(also.length > 0 ? { also } : {}),
    unsure,
  });
}
