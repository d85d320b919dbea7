// Discovery with the user's mapping on top (DESIGN §4): the mapping saved on the PMO Data sheet and the one given
// as options (options win) place their kinds exactly where they say, with the roles in the columns they say;
// discovery finds the rest, never in a mapped range, and never reads the PMO Data sheet as user data.

import { columnIndex, parseA1 } from '../a1';
import { type Cell, isBlank } from '../cells';
import { headerMatcher, headerRowIndex, type TableSpec } from '../table';
import { sheetPeriod } from '../utilization/period-sheets';
import type { LocatedTable, SheetView, WorkbookTables } from '../workbook';
import { type ClaimedTable, discoverTables } from './assign';
import { TABLE_KINDS, type TableKind } from './kinds';
import {
  locationProblems,
  type MappedTable,
  type MappingProblem,
  type MappingSource,
  mergeMappings,
  sheetNamed,
  specOf,
  type TableLocation,
  type TableMapping,
} from './mapping';
import { isAddinSheet, isPmoDataSheet, readMapping } from './pmo-data';
import { regionAt } from './regions';

type Grid = readonly (readonly Cell[])[];

/** How {@link findMappedTables} reads a workbook beyond its own sheets. */
export interface FindOptions {
  /** A mapping given by the user for this run (the CLI's --table and --column): it wins over the saved one. */
  readonly mapping?: TableMapping;
}

/** The header text that `spec`'s reader takes for column `key`: its label, else its first synonym that means it. */
function headerTextFor(spec: TableSpec, key: string): string {
  const match = headerMatcher(spec);
  const column = spec.columns.find((candidate) => candidate.key === key);
  const texts = column ? [column.label, ...column.synonyms] : [key];
  return texts.find((text) => match([text]).get(key) === 0) ?? key;
}

/**
 * The header row with each mapped role's label in its column (role → index in the row), and every other header
 * cell that would be read as a mapped role blanked, so that the reader finds each role exactly where it was put.
 */
function relabel(header: readonly Cell[], spec: TableSpec, roles: ReadonlyMap<string, number>): Cell[] {
  const match = headerMatcher(spec);
  const width = [...roles.values()].reduce((most, index) => Math.max(most, index + 1), header.length);
  const row = Array.from({ length: width }, (_, c): Cell => header[c] ?? null);
  const placed = new Set(roles.values());
  row.forEach((cell, c) => {
    if (!placed.has(c) && [...match([cell]).keys()].some((key) => roles.has(key))) row[c] = null;
  });
  for (const [role, index] of roles) row[index] = headerTextFor(spec, role);
  return row;
}

/** A header of several rows as one: each column's text from its lowest header row that is not blank there. */
function combinedHeader(rows: Grid): Cell[] {
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  return Array.from({ length: width }, (_, c) => {
    for (let r = rows.length - 1; r >= 0; r--) {
      const cell = rows[r]?.[c] ?? null;
      if (!isBlank(cell)) return cell;
    }
    return null;
  });
}

/** The mapped table as its reader should see it: the range's cells, rows above the column row blank, the header relabelled. */
function mappedTable(
  kind: TableKind,
  sheet: SheetView,
  at: TableLocation,
  columns: ReadonlyMap<string, number>,
  source: MappingSource,
): LocatedTable | undefined {
  const block = parseA1(at.range);
  if (!block) return undefined;
  const lastRow = Math.max(
    Math.min(block.lastRow, sheet.firstRow + sheet.rows.length - 1),
    block.firstRow + at.headerRows - 1,
  );
  const grid: Cell[][] = [];
  for (let row = block.firstRow; row <= lastRow; row++) {
    const cells = row >= sheet.firstRow ? (sheet.rows[row - sheet.firstRow] ?? []) : [];
    grid.push(cells.slice(block.firstColumn, block.lastColumn + 1));
  }
  const h = at.headerRows - 1;
  const roles = new Map([...columns].map(([role, index]) => [role, index - block.firstColumn]));
  const header = relabel(combinedHeader(grid.slice(0, h + 1)), specOf(kind), roles);
  const labelled = grid.map((cells, r) => (r < h ? [] : r === h ? header : cells));
  // A plan kept one sheet per period: a mapped month sheet is that month, and discovery joins the other months to it.
  const period = kind === 'assignments' ? sheetPeriod(sheet.name) : undefined;
  // Inside the range the same row rules as discovery's apply: notes, totals, continuation rows are not data.
  const region = regionAt(labelled, h, kind, period !== undefined);
  const notData = new Set(region?.skipped.map((skip) => skip.row));
  const end = region ? region.lastRow + 1 : labelled.length;
  const rows = labelled.slice(0, end).map((cells, r) => (notData.has(r) ? [] : cells));
  return {
    kind,
    sheet: sheet.name,
    grid: rows,
    firstRow: block.firstRow,
    foundBy: source,
    ...(period ? { period } : {}),
    ...(block.firstColumn === 0 ? {} : { firstColumn: block.firstColumn }),
    headerRows: Array.from({ length: at.headerRows }, (_, i) => block.firstRow + i),
    confidence: 1,
    ...(region
      ? {
          skipped: region.skipped.map((skip) => ({ row: block.firstRow + skip.row, reason: skip.reason })),
          dataRows: region.dataRows,
        }
      : {}),
  };
}

/** Grid row of a discovered table's header: the one discovery read, else the one its reader finds. */
function headerIndexOf(located: LocatedTable, spec: TableSpec): number {
  const last = located.headerRows?.at(-1);
  return last === undefined ? headerRowIndex(located.grid, spec) : last - located.firstRow;
}

/** A discovered table with the columns the user corrected; a column outside it is a problem. */
function correctedTable(
  located: LocatedTable,
  mapped: MappedTable,
  source: (role: string) => MappingSource,
  problems: MappingProblem[],
): LocatedTable {
  const spec = specOf(located.kind);
  const first = located.firstColumn ?? 0;
  const width = located.grid.reduce((most, row) => Math.max(most, row.length), 0);
  const roles = new Map<string, number>();
  for (const [role, letters] of Object.entries(mapped.columns)) {
    const index = columnIndex(letters) - first;
    if (index >= 0 && index < width) roles.set(role, index);
    else
      problems.push({
        source: source(role),
        message: `${located.kind}.${role}: column ${letters} is outside the ${located.kind} table found on sheet ${JSON.stringify(located.sheet)}; give the table's range too`,
      });
  }
  const h = headerIndexOf(located, spec);
  const grid = located.grid.map((row, r) => (r === h ? relabel(row, spec, roles) : row));
  return { ...located, grid, foundBy: source(''), confidence: 1 };
}

/**
 * Finds each kind's table (see `findTables`): the PMO Data sheet (A1 holds its marker) is read for the saved
 * mapping and is never a candidate, nor are the add-in's dashboard and scores sheets; each mapped kind is taken exactly at its range (foundBy `mapping`, or `option`
 * when an option gave or changed it; confidence 1); discovery finds the other kinds outside the mapped ranges;
 * columns mapped without a range correct the table discovery finds. A mapping that cannot be used (a sheet not in
 * the workbook, a column outside the range) is left out and reported in `problems`, and discovery decides.
 */
export function findMappedTables(sheets: readonly SheetView[], options: FindOptions = {}): WorkbookTables {
  // The add-in's own sheets (PMO Data, a dashboard, a scores sheet) are never read as the user's tables.
  const userSheets = sheets.filter((sheet) => !isAddinSheet(sheet));
  const dataSheet = sheets.find(isPmoDataSheet);
  const saved = dataSheet ? readMapping(dataSheet) : undefined;
  const problems: MappingProblem[] = [...(saved?.problems ?? [])];
  const given = options.mapping ?? {};
  const merged = mergeMappings(saved?.mapping ?? {}, given);
  const claims: ClaimedTable[] = [];
  const corrections: [TableKind, MappedTable, (role: string) => MappingSource][] = [];
  for (const kind of TABLE_KINDS) {
    const entry = merged[kind];
    if (!entry) continue;
    const { mapped, source } = entry;
    const roleSource = (role: string): MappingSource =>
      given[kind]?.at !== undefined ||
      (role === '' ? source === 'option' : role in (given[kind]?.columns ?? {}))
        ? 'option'
        : 'mapping';
    const checked = locationProblems(kind, mapped, userSheets);
    const atSource: MappingSource = given[kind]?.at ? 'option' : 'mapping';
    for (const message of checked.table) problems.push({ source: atSource, message });
    for (const [role, message] of checked.columns) problems.push({ source: roleSource(role), message });
    const usable = Object.entries(mapped.columns).filter(([role]) => !checked.columns.has(role));
    if (mapped.at && checked.table.length === 0) {
      const sheet = sheetNamed(userSheets, mapped.at.sheet);
      const block = parseA1(mapped.at.range);
      const columns = new Map(usable.map(([role, letters]) => [role, columnIndex(letters)]));
      const located = sheet && mappedTable(kind, sheet, mapped.at, columns, source);
      if (sheet && block && located)
        claims.push({
          located,
          sheetIndex: userSheets.indexOf(sheet),
          top: block.firstRow,
          bottom: block.lastRow,
          left: block.firstColumn,
          right: block.lastColumn,
        });
    } else if (!mapped.at && usable.length > 0)
      corrections.push([kind, { columns: Object.fromEntries(usable) }, roleSource]);
  }
  const discovered = discoverTables(userSheets, claims);
  const tables = { ...discovered.tables };
  for (const [kind, mapped, source] of corrections) {
    const located = tables[kind];
    if (located) tables[kind] = correctedTable(located, mapped, source, problems);
    else
      problems.push({
        source: source(''),
        message: `${kind}: no ${kind} table was found to put its columns in: give its range too, e.g. ${kind}="Sheet!A2:J12"`,
      });
  }
  return { ...discovered, tables, ...(problems.length > 0 ? { problems } : {}) };
}
