// What discovery found in a workbook and why (`pmo inspect`, DESIGN §4): for each PMO table its sheet, range,
// header rows, data rows, the column each role was read from, how it was found and how sure that is, the rows
// that are not data, and the row issues the readers report. Pure: turns findTables' result into a report.

import { columnLetters } from './a1';
import { cellText } from './cells';
import { rankInitiatives } from './dashboard/initiatives';
import { placeOf, readLocated, type SkippedRow, TABLE_SPECS } from './dashboard/sources';
import { matrixOf } from './dashboard/weighted';
import { readWorkbookRegister } from './discovery/legend';
import type { FindOptions } from './discovery/mapped';
import type { MappingProblem } from './discovery/mapping';
import { isPmoDataSheet } from './discovery/pmo-data';
import { isPmoError } from './errors';
import {
  assignmentsUnderstood,
  initiativesUnderstood,
  risksUnderstood,
  type Understood,
} from './inspect-understood';
import { type FoundTable, periodHeader, type RowIssue } from './table';
import { buildUtilizationModel } from './utilization';
import {
  findTables,
  type LocatedTable,
  type SheetView,
  TABLE_KINDS,
  type TableKind,
  utilizationTablesOf,
} from './workbook';

/** Below this confidence a table is reported but not used unless a mapping says so. */
export const MIN_CONFIDENCE = 0.5;

/** How a table was found. */
export type FoundBy = 'sheet name' | 'table name' | 'headers' | 'mapping' | 'option';

export { type SkippedRow, TABLE_SPECS } from './dashboard/sources';

/** One table found, as `pmo inspect --json` prints it; a table used also says what was understood of it. */
export interface InspectedTable extends Understood {
  readonly kind: TableKind;
  readonly sheet: string;
  /** A1 range from the header's first row to the last data row, over the table's columns. */
  readonly range: string;
  /** Sheet rows that make the header (a group row above the column row, then the column row). */
  readonly headerRows: readonly number[];
  /** Data rows, including rows with an issue; skipped rows are not counted. */
  readonly rows: number;
  readonly foundBy: FoundBy;
  /** 0–1: how well the headers fit the kind (discovery's, see core/discovery/assign.ts). */
  readonly confidence: number;
  /** Role → column letter (`criteria`, when present, a list of letters). */
  readonly columns: Readonly<Record<string, string | readonly string[]>>;
  readonly skipped: readonly SkippedRow[];
  /** A plan kept one sheet per period: its sheets, in period order (`sheet` is the first). */
  readonly sheets?: readonly string[];
  /**
   * False for a table found but not used: a further table of a kind already found (the next sprint's sheet), or
   * one discovery was unsure of (confidence below 0.5). A mapping makes it the one used.
   */
  readonly used: boolean;
}

/** A row the readers could not use, located by sheet row and column letter. */
export interface InspectIssue {
  readonly sheet: string;
  /** Sheet row; the header row when the problem is the whole table. */
  readonly row: number;
  /** Column letter; "" when the problem is the whole table. */
  readonly column: string;
  readonly value: string;
  readonly problem: string;
}

export interface InspectReport {
  readonly file: string;
  readonly tables: readonly InspectedTable[];
  readonly issues: readonly InspectIssue[];
  /** The kinds looked for and not found, in the order resources, assignments, timeOff, initiatives, risks. */
  readonly notFound: readonly TableKind[];
}

/**
 * The columns that make each kind what it is, as groups: a group is matched when any one of its keys is.
 * Assignments need a load column of some kind; initiatives something to rank by; risks a consequence.
 */
export const KEY_COLUMNS: Readonly<Record<TableKind, readonly (readonly string[])[]>> = {
  resources: [['resource'], ['hoursPerWeek', 'hoursPerDay', 'fte', 'periodHours']],
  assignments: [
    ['resource'],
    ['start', 'week', 'periods'],
    ['end'],
    ['allocation', 'hoursPerWeek', 'hoursPerDay', 'hours'],
  ],
  timeOff: [['resource'], ['start'], ['end']],
  initiatives: [
    ['id', 'name'],
    ['score', 'businessValue', 'reach'],
    ['cost', 'jobSize', 'effort'],
  ],
  risks: [['id', 'title'], ['probability'], ['impact', 'cost', 'exposure']],
};

interface Inspected {
  readonly report: InspectedTable;
  readonly found: FoundTable | undefined;
  readonly firstColumn: number;
  /** Why the table cannot be read, when it cannot. */
  readonly error?: string;
}

/**
 * A located table as `pmo inspect` reports it. A plan kept one sheet per period is one table: its first sheet's
 * place and columns, the data rows of every sheet, and the rows that are not data named by their sheet.
 */
function inspectTable(table: LocatedTable): Inspected {
  const sheets = table.sheets ?? [];
  const first = inspectSheetTable(table);
  if (sheets.length < 2) return first;
  // The table is its first sheet (core/discovery/period-sheets.ts): each further sheet is read once more.
  const parts = [first.report, ...sheets.slice(1).map((sheet) => inspectSheetTable(sheet).report)];
  const report: InspectedTable = {
    ...first.report,
    sheets: parts.map((part) => part.sheet),
    rows: parts.reduce((sum, part) => sum + part.rows, 0),
    skipped: parts.flatMap((part) => part.skipped.map((skip) => ({ ...skip, sheet: part.sheet }))),
  };
  return { ...first, report };
}

function inspectSheetTable(table: LocatedTable): Inspected {
  const spec = TABLE_SPECS[table.kind];
  const read = readLocated(table);
  const found = isPmoError(read) ? undefined : read;
  const { firstColumn, headerRows, skipped, dataRows, range } = placeOf(table, found);
  const columns: Record<string, string | readonly string[]> = {};
  for (const column of spec.columns) {
    const index = found?.columns.get(column.key);
    if (index !== undefined) columns[column.key] = columnLetters(firstColumn + index);
  }
  // A time-phased plan's periods, first to last column ("C:N").
  const periods = found?.periods ?? [];
  const [first, last] = [periods[0], periods[periods.length - 1]];
  if (first && last)
    columns.periods = `${columnLetters(firstColumn + first.column)}:${columnLetters(firstColumn + last.column)}`;
  if (table.criteria && table.criteria.length > 0)
    columns.criteria = table.criteria.map((index) => columnLetters(firstColumn + index));
  const report: InspectedTable = {
    kind: table.kind,
    sheet: table.sheet,
    range,
    headerRows: [...headerRows],
    rows: dataRows.length,
    foundBy: table.foundBy as FoundBy,
    confidence: table.confidence,
    columns,
    skipped: [...skipped],
    used: true,
  };
  return { report, found, firstColumn, ...(isPmoError(read) ? { error: read.message } : {}) };
}

/**
 * One located table as `pmo inspect` reports it (sheet, range, header rows, data rows, foundBy, confidence, the
 * column of each role), as not used: a further table of a kind (`findTables(…).also`) or one discovery was unsure
 * of (`findTables(…).unsure`).
 */
export function inspectLocated(table: LocatedTable): InspectedTable {
  return { ...inspectTable(table).report, used: false };
}

/** The column letter of an issue's column (its header as written, else the spec's label); "" when unknown. */
function letterOf(inspected: Inspected, header: string): string {
  const { found, firstColumn } = inspected;
  if (!found || header === '') return '';
  let index = found.headers.indexOf(header);
  // A period cell's issue names its period (a date header by its ISO date).
  if (index < 0)
    index = found.periods?.find((period) => periodHeader(found, period) === header)?.column ?? -1;
  if (index < 0) {
    const key = found.spec.columns.find((column) => column.label === header)?.key;
    index = key === undefined ? -1 : (found.columns.get(key) ?? -1);
  }
  return index < 0 ? '' : columnLetters(firstColumn + index);
}

const KIND_OF_TABLE_NAME: Readonly<Record<string, TableKind>> = Object.fromEntries(
  TABLE_KINDS.map((kind) => [TABLE_SPECS[kind].name.toLowerCase(), kind]),
);

/** A message about the whole table (or one the reader words itself, "Risks row 7, Impact: …") as an issue. */
function tableIssue(inspected: Inspected, message: string): InspectIssue {
  const { report } = inspected;
  const located = /^\S+ row (\d+), ([^:]+): (.*)$/su.exec(message);
  if (located) {
    const [, row, header, problem] = located as unknown as [string, string, string, string];
    const column = letterOf(inspected, header);
    const cells = inspected.found?.rows.find((candidate) => candidate.number === Number(row))?.cells;
    const columnIndex = inspected.found?.headers.indexOf(header) ?? -1;
    const value = cells && columnIndex >= 0 ? cellText(cells[columnIndex] ?? null) : '';
    return { sheet: report.sheet, row: Number(row), column, value, problem: problem.replace(/\.$/, '') };
  }
  return { sheet: report.sheet, row: report.headerRows.at(-1) ?? 0, column: '', value: '', problem: message };
}

/** What the readers the functions and the dashboard use make of the tables: their row issues, and what was understood. */
function readTables(
  sheets: readonly SheetView[],
  tables: Partial<Record<TableKind, LocatedTable>>,
  inspected: Partial<Record<TableKind, Inspected>>,
): { issues: InspectIssue[]; understood: Partial<Record<TableKind, Understood>> } {
  const issues: InspectIssue[] = [];
  const understood: Partial<Record<TableKind, Understood>> = {};
  const addRowIssues = (fallback: TableKind, list: readonly RowIssue[]) => {
    for (const issue of list) {
      const kind = KIND_OF_TABLE_NAME[issue.table.toLowerCase()] ?? fallback;
      const table = inspected[kind] ?? inspected[fallback];
      if (!table) continue;
      const sheet = issue.sheet ?? table.report.sheet;
      if (table.report.skipped.some((entry) => entry.row === issue.row && (entry.sheet ?? sheet) === sheet))
        continue;
      const column = letterOf(table, issue.column);
      issues.push({ sheet, row: issue.row, column, ...pick(issue) });
    }
  };
  for (const kind of TABLE_KINDS) {
    const table = inspected[kind];
    if (table?.error !== undefined) issues.push(tableIssue(table, table.error));
  }
  // As the dashboard: without a Resources table each person is one full-time person.
  const utilization = utilizationTablesOf(tables);
  if (utilization && inspected.assignments?.found && (!tables.resources || inspected.resources?.found)) {
    const model = buildUtilizationModel(utilization);
    if (isPmoError(model)) issues.push(tableIssue(inspected.assignments, model.message));
    else {
      addRowIssues('assignments', model.issues);
      understood.assignments = assignmentsUnderstood(model);
    }
  }
  const initiatives = tables.initiatives;
  if (initiatives && inspected.initiatives?.found) {
    const ranking = rankInitiatives(initiatives.grid, initiatives.firstRow, undefined, matrixOf(initiatives));
    if (ranking) {
      addRowIssues('initiatives', ranking.issues);
      understood.initiatives = initiativesUnderstood(ranking);
    }
  }
  const risks = tables.risks;
  if (risks && inspected.risks?.found) {
    // As the dashboard: with the workbook's definitions and legend, an unreadable rating an issue of its row.
    const read = readWorkbookRegister(sheets, risks);
    if (read.error !== undefined) issues.push(tableIssue(inspected.risks, read.error));
    addRowIssues('risks', read.issues);
    if (read.register) understood.risks = risksUnderstood(read.register);
  }
  return { issues, understood };
}

const pick = (issue: RowIssue) => ({ value: issue.value, problem: issue.problem });

/** The parts of the mapping that could not be used: on the PMO Data sheet's row (options: no sheet, row 0). */
function mappingIssues(sheets: readonly SheetView[], problems: readonly MappingProblem[]): InspectIssue[] {
  const dataSheet = sheets.find(isPmoDataSheet)?.name ?? '';
  return problems.map((problem) => ({
    sheet: problem.source === 'mapping' ? dataSheet : '',
    row: problem.row ?? 0,
    column: '',
    value: '',
    problem: problem.message,
  }));
}

/**
 * What discovery finds in `sheets` and why: one entry per table used (in the order resources, assignments,
 * time off, initiatives, risks), then the tables found and not used (further tables of a kind, then the unsure), the row issues the readers report (first, the parts of a saved or given
 * mapping that could not be used), and the kinds not found.
 * @param file the file name shown in the report
 * @param options a mapping given for this run (the CLI's --table and --column), over the one saved in the workbook
 */
export function inspectWorkbook(
  file: string,
  sheets: readonly SheetView[],
  options?: FindOptions,
): InspectReport {
  const { tables, missing, problems, also, unsure } = findTables(sheets, options);
  const inspected: Partial<Record<TableKind, Inspected>> = {};
  for (const kind of TABLE_KINDS) {
    const table = tables[kind];
    if (table) inspected[kind] = inspectTable(table);
  }
  const { issues, understood } = readTables(sheets, tables, inspected);
  return {
    file,
    tables: [
      ...TABLE_KINDS.flatMap((kind) => {
        const report = inspected[kind]?.report;
        return report ? [{ ...report, ...understood[kind] }] : [];
      }),
      ...[...(also ?? []), ...(unsure ?? [])].map(inspectLocated),
    ],
    issues: [...mappingIssues(sheets, problems ?? []), ...issues],
    notFound: [...missing],
  };
}
