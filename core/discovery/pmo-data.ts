// The hidden "PMO Data" sheet the add-in owns (DESIGN §7): the marker in A1, then a "Table mapping" section —
// a small table Kind | Sheet | Range | Header rows | Role | Column that people can read and edit — and room
// for other sections (the dashboard's build history). Writing it as rows and reading it back; no host, no I/O.

import { type Cell, cellText, isBlank } from '../cells';
import { DASHBOARD_STYLES } from '../dashboard/layout';
import {
  chooseOwnedSheet,
  DASHBOARD_MARKER,
  type DashboardPlan,
  isUserText,
  ownedSheetName,
  type PlanCell,
  type PlanValue,
  PMO_DATA_MARKER,
} from '../dashboard/plan';
import { SCORES_MARKER } from '../initiatives/scores-sheet';
import { normalizeHeader } from '../table';
import type { SheetView } from '../workbook';
import { TABLE_KINDS, type TableKind } from './kinds';
import {
  type MappedTable,
  type MappingProblem,
  parseColumnLetters,
  parseKind,
  parseRange,
  parseRole,
  type TableLocation,
  type TableMapping,
} from './mapping';

/** Name of the sheet the add-in keeps its data in (another name when a user's sheet has this one). */
export const PMO_DATA_SHEET_NAME = 'PMO Data';

/** Text in A1 of the PMO Data sheet: a sheet is the add-in's own only when A1 holds exactly this text. */
export { PMO_DATA_MARKER };

/** Title of the mapping section (in column A) and its column headers. */
export const MAPPING_SECTION = 'Table mapping';
export const MAPPING_HEADERS = ['Kind', 'Sheet', 'Range', 'Header rows', 'Role', 'Column'] as const;

type Field = 'kind' | 'sheet' | 'range' | 'headerRows' | 'role' | 'column';
const FIELDS: readonly Field[] = ['kind', 'sheet', 'range', 'headerRows', 'role', 'column'];

/** True when a sheet is the add-in's PMO Data sheet: A1 holds exactly {@link PMO_DATA_MARKER}. */
export function isPmoDataSheet(sheet: SheetView): boolean {
  return sheet.firstRow === 1 && cellText(sheet.rows[0]?.[0] ?? null) === PMO_DATA_MARKER;
}

/** True when a sheet is one the add-in writes (its PMO Data, dashboard or scores): never read as the user's data. */
export function isAddinSheet(sheet: SheetView): boolean {
  const a1 = sheet.rows[0]?.[0];
  return isPmoDataSheet(sheet) || a1 === DASHBOARD_MARKER || a1 === SCORES_MARKER;
}

/** Name of the n-th PMO Data sheet: "PMO Data", then "PMO Data (2)"… */
export const pmoDataSheetName = (n: number): string => ownedSheetName(PMO_DATA_SHEET_NAME, n);

/** The sheet to write the PMO Data to: see {@link chooseOwnedSheet} (a user's "PMO Data" is never chosen). */
export function choosePmoDataSheet<T extends { readonly name: string }>(
  sheets: readonly T[],
  isOurs: (sheet: T) => boolean,
): { name: string; existing: T | undefined } {
  return chooseOwnedSheet(PMO_DATA_SHEET_NAME, sheets, isOurs);
}

/**
 * The mapping section as rows: its title, the header, then per kind (in the order resources, assignments,
 * timeOff, initiatives, risks) one row with its sheet, range and header rows when it has a location, and one
 * row per role (kind, role, column letter). Sheet names are user text (never read as formulas).
 * @example mappingRows({ risks: { at: { sheet: 'Log', range: 'A2:J12', headerRows: 1 }, columns: { probability: 'D' } } })
 */
export function mappingRows(mapping: TableMapping): PlanValue[][] {
  const rows: PlanValue[][] = [[MAPPING_SECTION], [...MAPPING_HEADERS]];
  for (const kind of TABLE_KINDS) {
    const mapped = mapping[kind];
    if (!mapped) continue;
    if (mapped.at) rows.push([kind, { userText: mapped.at.sheet }, mapped.at.range, mapped.at.headerRows]);
    for (const [role, letters] of Object.entries(mapped.columns))
      rows.push([kind, null, null, null, role, letters]);
  }
  return rows;
}

/** Title of the dashboard's build history section (core/dashboard/history.ts). */
export const HISTORY_SECTION = 'Build history';

/** Titles of the sections the add-in writes on the sheet: the mapping, and the dashboard's build history. */
const SECTION_TITLES = [MAPPING_SECTION, HISTORY_SECTION].map(normalizeHeader);
const isAddinTitle = (text: string): boolean => SECTION_TITLES.includes(normalizeHeader(text));

/**
 * A row that starts a section: one of the add-in's section titles; within the mapping also any row holding only a
 * text in column A that names no kind (a section of the user's own).
 */
function isSectionTitle(row: readonly Cell[], inMapping: boolean): boolean {
  const [first, ...rest] = row;
  if (isBlank(first ?? null) || !rest.every(isBlank)) return false;
  const text = cellText(first ?? null);
  return isAddinTitle(text) || (inMapping && typeof parseKind(text) !== 'string');
}

/**
 * Where the section titled `title` is: the row of its title and the row after its last row (grid rows). It ends at
 * the first blank row or the next section's title.
 */
export function sectionOf(
  rows: readonly (readonly Cell[])[],
  title: string,
): { title: number; end: number } | undefined {
  const wanted = normalizeHeader(title);
  const at = rows.findIndex((row, r) => r > 0 && normalizeHeader(cellText(row[0] ?? null)) === wanted);
  if (at < 0) return undefined;
  const inMapping = wanted === normalizeHeader(MAPPING_SECTION);
  let end = at + 2;
  while (
    end < rows.length &&
    !(rows[end] ?? []).every(isBlank) &&
    !isSectionTitle(rows[end] ?? [], inMapping)
  )
    end++;
  return { title: at, end: Math.min(end, rows.length) };
}

/** The rows of `existing` (an add-in PMO Data sheet) below A1 outside the section titled `title`, as plan values. */
function rowsOutside(
  existing: SheetView | undefined,
  title: string,
): { before: PlanValue[][]; after: PlanValue[][] } {
  const before: PlanValue[][] = [];
  const after: PlanValue[][] = [];
  if (!existing || !isPmoDataSheet(existing)) return { before, after };
  const section = sectionOf(existing.rows, title);
  existing.rows.forEach((row, r) => {
    if (r === 0) return;
    if (!section || r < section.title) before.push(row.map(keptValue));
    else if (r >= section.end) after.push(row.map(keptValue));
  });
  const trim = (rows: PlanValue[][]) => {
    while (rows.length > 0 && (rows[0] ?? []).every((value) => value === null)) rows.shift();
    while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((value) => value === null)) rows.pop();
  };
  trim(before);
  trim(after);
  return { before, after };
}

/**
 * The PMO Data sheet's rows from A1: the marker, a blank row, the mapping section, and then the other sections of
 * `existing` (an earlier PMO Data sheet: its build history…) as they were.
 */
export function pmoDataRows(mapping: TableMapping, existing?: SheetView): PlanValue[][] {
  const { before, after } = rowsOutside(existing, MAPPING_SECTION);
  const other = [...before, ...(before.length > 0 && after.length > 0 ? [[]] : []), ...after];
  return [[PMO_DATA_MARKER], [], ...mappingRows(mapping), ...(other.length > 0 ? [[], ...other] : [])];
}

/**
 * The PMO Data sheet's rows with the section titled `title` replaced by `section` where it was (appended after a
 * blank row when it was not), every other row of `existing` kept; a new sheet's rows when there is none.
 */
export function replaceSection(
  existing: SheetView | undefined,
  title: string,
  section: readonly PlanValue[][],
): PlanValue[][] {
  const { before, after } = rowsOutside(existing, title);
  return [
    [PMO_DATA_MARKER],
    [],
    ...(before.length > 0 ? [...before, []] : []),
    ...section,
    ...(after.length > 0 ? [[], ...after] : []),
  ];
}

/** A kept cell as a plan value: text stays text, an error as its text. */
function keptValue(cell: Cell): PlanValue {
  if (typeof cell === 'string') return { userText: cell };
  if (cell === null || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  return cellText(cell);
}

/** The PMO Data sheet as a plan the renderers write: the marker as a note, the section title and header styled. */
export function pmoDataPlan(sheetName: string, rows: readonly (readonly PlanValue[])[]): DashboardPlan {
  const titles = new Set(
    rows.flatMap((row, r) => {
      const first = row[0] ?? null;
      const text = typeof first === 'string' ? first : isUserText(first) ? first.userText : '';
      return r > 0 && row.slice(1).every((value) => value === null) && isAddinTitle(text) ? [r] : [];
    }),
  );
  const cells = rows.map((row, r): PlanCell[] =>
    row.map((value) => {
      if (r === 0) return { value, style: 'note' };
      if (titles.has(r)) return { value, style: 'subtitle' };
      if (titles.has(r - 1)) return { value, style: 'header' };
      return typeof value === 'object' && value !== null ? { value, numberFormat: '@' } : { value };
    }),
  );
  // Kept sections (the build history) may be wider than the mapping: the plan is as wide as its widest row.
  const width = rows.reduce<number>((widest, row) => Math.max(widest, row.length), MAPPING_HEADERS.length);
  return {
    sheetName,
    width,
    cells,
    styles: DASHBOARD_STYLES,
    merges: [],
    columnWidths: [17, 28, 14, 12, 20, 10, 10, 12, 12],
    charts: [],
    frozenRows: 0,
  };
}

/**
 * The PMO Data sheet to write `mapping` to in a workbook, as a plan: the add-in's own PMO Data sheet (A1 holds the
 * marker) rewritten with its other sections kept, else a new "PMO Data" (or "PMO Data (2)" when a user's sheet has
 * that name); a marked sheet the user renamed keeps its name. The hosts render it like the dashboard (user text as text) and hide the sheet.
 */
export function planPmoData(sheets: readonly SheetView[], mapping: TableMapping): DashboardPlan {
  // The sheet discovery reads the mapping from (the first with the marker, whatever it is called now) is the one kept.
  const own = sheets.find(isPmoDataSheet);
  const { name, existing } = own
    ? { name: own.name, existing: own }
    : choosePmoDataSheet(sheets, isPmoDataSheet);
  return pmoDataPlan(name, pmoDataRows(mapping, existing));
}

/** A cell of a mapping row as text: a string as written (sheet names may have spaces), anything else as text. */
const textOf = (cell: Cell | undefined): string => (typeof cell === 'string' ? cell : cellText(cell ?? null));

/**
 * Column (within the sheet) of each field, from the header row (-1: the field has no column); the default layout
 * when the row names none of them.
 */
function fieldColumns(header: readonly Cell[]): Record<Field, number> {
  const columns = {} as Record<Field, number>;
  FIELDS.forEach((field, i) => {
    const wanted = normalizeHeader(MAPPING_HEADERS[i] ?? '');
    columns[field] = header.findIndex((cell) => normalizeHeader(cellText(cell)) === wanted);
  });
  if (FIELDS.every((field) => columns[field] < 0))
    FIELDS.forEach((field, i) => {
      columns[field] = i;
    });
  return columns;
}

interface Building {
  at?: TableLocation;
  atRow?: number;
  columns: Record<string, string>;
  roleRows: Record<string, number>;
}

/** Reads one mapping row into `building`, or says what is wrong with it. */
function readRow(
  cells: Readonly<Record<Field, string>>,
  row: number,
  building: Partial<Record<TableKind, Building>>,
): string | undefined {
  const kind = parseKind(cells.kind);
  if (typeof kind !== 'string') return kind.problem;
  const entry = building[kind] ?? { columns: {}, roleRows: {} };
  building[kind] = entry;
  if (cells.sheet.trim() !== '' || cells.range.trim() !== '') {
    const range = parseRange(cells.range);
    if (typeof range !== 'string') return `${kind}: ${range.problem}`;
    if (cells.sheet.trim() === '') return `${kind}: which sheet is ${range} on? The Sheet cell is blank`;
    const headerRows = cells.headerRows.trim() === '' ? 1 : Number(cells.headerRows);
    if (!Number.isInteger(headerRows) || headerRows < 1)
      return `${kind}: header rows ${JSON.stringify(cells.headerRows)} is not a whole number of rows`;
    if (entry.at) return `${kind} is mapped twice (rows ${entry.atRow} and ${row}): the first is used`;
    entry.at = { sheet: cells.sheet, range, headerRows };
    entry.atRow = row;
  }
  if (cells.role.trim() === '' && cells.column.trim() === '') return undefined;
  const role = parseRole(kind, cells.role);
  if (typeof role !== 'string') return role.problem;
  const letters = parseColumnLetters(cells.column);
  if (typeof letters !== 'string') return `${kind}.${role}: ${letters.problem}`;
  if (entry.columns[role] !== undefined)
    return `${kind}.${role} is mapped twice (rows ${entry.roleRows[role]} and ${row}): the first is used`;
  entry.columns[role] = letters;
  entry.roleRows[role] = row;
  return undefined;
}

/**
 * The mapping saved on a PMO Data sheet, with a problem (and its sheet row) for every row that cannot be read;
 * undefined when the sheet is not the add-in's (no marker in A1: a user's own sheet, ignored). Columns are
 * found by their headers, so reordered columns still read; the section ends at the first blank row.
 */
export function readMapping(
  sheet: SheetView,
): { readonly mapping: TableMapping; readonly problems: readonly MappingProblem[] } | undefined {
  if (!isPmoDataSheet(sheet)) return undefined;
  const section = sectionOf(sheet.rows, MAPPING_SECTION);
  if (!section) return { mapping: {}, problems: [] };
  const columns = fieldColumns(sheet.rows[section.title + 1] ?? []);
  const building: Partial<Record<TableKind, Building>> = {};
  const problems: MappingProblem[] = [];
  for (let r = section.title + 2; r < section.end; r++) {
    const row = sheet.rows[r] ?? [];
    const cells = Object.fromEntries(FIELDS.map((field) => [field, textOf(row[columns[field]])])) as Record<
      Field,
      string
    >;
    const problem = readRow(cells, sheet.firstRow + r, building);
    if (problem !== undefined)
      problems.push({ source: 'mapping', row: sheet.firstRow + r, message: problem });
  }
  const mapping: Partial<Record<TableKind, MappedTable>> = {};
  for (const kind of TABLE_KINDS) {
    const entry = building[kind];
    if (entry) mapping[kind] = { ...(entry.at ? { at: entry.at } : {}), columns: entry.columns };
  }
  return { mapping, problems };
}
