// The table mapping a user can correct (DESIGN §4: "a mapping the user saved in the workbook wins over
// discovery"): for each kind of table, where it is (sheet and A1 range) and which column holds which role.
// Parsing and checking its parts, one clear message per problem; no I/O, no host.

import { a1Address, columnIndex, parseA1, sheetOfReference } from '../a1';
import { normalizeHeader, type TableSpec } from '../table';
import type { SheetView } from '../workbook';
import { KIND_RULES, TABLE_KINDS, type TableKind } from './kinds';

/** Where a mapped table is: its sheet, its A1 block (header row first) and how many rows at its top are header. */
export interface TableLocation {
  readonly sheet: string;
  /** A1 block without the sheet, upper case: "A2:J12". */
  readonly range: string;
  /** Rows at the top of the range that make the header (a group row, then the column row): 1 or more. */
  readonly headerRows: number;
}

/** One kind's mapping: its location (absent when only columns are corrected) and role → column letter. */
export interface MappedTable {
  readonly at?: TableLocation;
  /** Role (a column key of the kind's TableSpec, e.g. `probability`) → column letter ("D"). */
  readonly columns: Readonly<Record<string, string>>;
}

/** The mapping of a workbook: per kind, where its table is and which column is which role. */
export type TableMapping = Readonly<Partial<Record<TableKind, MappedTable>>>;

/** Where a mapping came from: the workbook's PMO Data sheet, or the command line (--table, --column). */
export type MappingSource = 'mapping' | 'option';

/** Something wrong with a mapping: one sentence; `row` is the PMO Data sheet row when it came from there. */
export interface MappingProblem {
  readonly source: MappingSource;
  readonly message: string;
  readonly row?: number;
}

/** Excel's limits: the last column (XFD) and the last row. */
export const MAX_COLUMN_INDEX = 16_383;
export const MAX_ROW = 1_048_576;

/** The column spec of each kind. */
export function specOf(kind: TableKind): TableSpec {
  const rule = KIND_RULES.find((candidate) => candidate.kind === kind);
  if (!rule) throw new Error(`no rule for ${kind}`);
  return rule.spec;
}

/**
 * The kind a text names: a kind's key (`timeOff`) compared case-, space- and punctuation-insensitively ("Time
 * off" is timeOff), or the problem.
 * @example parseKind('Risks') // 'risks'
 */
export function parseKind(text: string): TableKind | { readonly problem: string } {
  const kind = TABLE_KINDS.find((candidate) => normalizeHeader(candidate) === normalizeHeader(text));
  if (kind) return kind;
  return {
    problem: `${JSON.stringify(text.trim())} is not a kind of table: use ${TABLE_KINDS.join(', ')}`,
  };
}

/**
 * The role (column key) a text names for `kind`: its key or its label (`hoursPerWeek`, "Hours per week"),
 * compared as headers are; else the problem, listing the kind's roles.
 */
export function parseRole(kind: TableKind, text: string): string | { readonly problem: string } {
  const wanted = normalizeHeader(text);
  const column = specOf(kind).columns.find(
    (candidate) => normalizeHeader(candidate.key) === wanted || normalizeHeader(candidate.label) === wanted,
  );
  if (column && wanted !== '') return column.key;
  const roles = specOf(kind).columns.map((candidate) => candidate.key);
  return { problem: `${JSON.stringify(text.trim())} is not a column of ${kind}: use ${roles.join(', ')}` };
}

/** Column letters (A to XFD, any case) in upper case, or the problem. */
export function parseColumnLetters(text: string): string | { readonly problem: string } {
  const letters = text.trim().toUpperCase();
  if (/^[A-Z]{1,3}$/.test(letters) && columnIndex(letters) <= MAX_COLUMN_INDEX) return letters;
  return { problem: `${JSON.stringify(text.trim())} is not a column: give its letters, e.g. D` };
}

/** An A1 block ("a2:j12", "$A$2:$J$12") as "A2:J12", or the problem; a sheet part is not allowed here. */
export function parseRange(text: string): string | { readonly problem: string } {
  const block = text.includes('!') ? undefined : parseA1(text);
  if (block && block.lastRow <= MAX_ROW && block.lastColumn <= MAX_COLUMN_INDEX && block.firstRow >= 1)
    return a1Address(block.firstRow, block.firstColumn, block.lastRow, block.lastColumn);
  return { problem: `${JSON.stringify(text.trim())} is not a range: write it as A2:J12` };
}

/**
 * A sheet-qualified range ("Risk Register!A2:J12", "'Q1 ''26'!B3:H40") as a location with one header row, or
 * the problem.
 */
export function parseLocation(text: string): TableLocation | { readonly problem: string } {
  const sheet = sheetOfReference(text);
  const bang = text.lastIndexOf('!');
  const range = bang >= 0 ? parseRange(text.slice(bang + 1)) : undefined;
  if (sheet === undefined || sheet.trim() === '' || range === undefined || typeof range !== 'string')
    return {
      problem: `${JSON.stringify(text.trim())} is not a sheet and range: write it as "Risk Register!A2:J12"`,
    };
  return { sheet, range, headerRows: 1 };
}

/** The sheet of the workbook a mapping names: the same name, else the one that differs only in case (as Excel compares). */
export function sheetNamed(sheets: readonly SheetView[], name: string): SheetView | undefined {
  return (
    sheets.find((sheet) => sheet.name === name) ??
    sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase())
  );
}

/**
 * What is wrong with one kind's mapping in this workbook, one message per problem: a sheet that is not in the
 * workbook, more header rows than the range has, a column outside the range or given two roles. Kinds and roles are checked when
 * read ({@link parseKind}, {@link parseRole}).
 */
export function locationProblems(
  kind: TableKind,
  mapped: MappedTable,
  sheets: readonly SheetView[],
): { readonly table: string[]; readonly columns: Map<string, string> } {
  const table: string[] = [];
  const columns = new Map<string, string>();
  const roleOf = new Map<string, string>();
  for (const [role, letters] of Object.entries(mapped.columns)) {
    const other = roleOf.get(letters);
    if (other !== undefined)
      columns.set(role, `${kind}.${role}: column ${letters} is already ${kind}.${other}`);
    else roleOf.set(letters, role);
  }
  const { at } = mapped;
  if (!at) return { table, columns };
  const block = parseA1(at.range);
  if (!sheetNamed(sheets, at.sheet)) {
    const names = sheets.map((sheet) => JSON.stringify(sheet.name)).join(', ');
    table.push(`${kind}: the workbook has no sheet ${JSON.stringify(at.sheet)} (its sheets: ${names})`);
  }
  if (!block) table.push(`${kind}: ${JSON.stringify(at.range)} is not a range: write it as A2:J12`);
  else {
    if (
      !Number.isInteger(at.headerRows) ||
      at.headerRows < 1 ||
      at.headerRows > block.lastRow - block.firstRow + 1
    )
      table.push(`${kind}: ${at.headerRows} header rows do not fit in the range ${at.range}`);
    for (const [role, letters] of Object.entries(mapped.columns)) {
      const index = columnIndex(letters);
      if ((index < block.firstColumn || index > block.lastColumn) && !columns.has(role))
        columns.set(role, `${kind}.${role}: column ${letters} is outside the range ${at.range}`);
    }
  }
  return { table, columns };
}

/**
 * The saved mapping with the command line's on top (options win): per kind, a location given as an option
 * replaces the saved one (and its columns, unless it is the same place); columns given as options replace the
 * saved columns of the same role. Each kind says where its mapping came from (`option` when an option touched it).
 */
export function mergeMappings(
  saved: TableMapping,
  options: TableMapping,
): Partial<Record<TableKind, { readonly mapped: MappedTable; readonly source: MappingSource }>> {
  const merged: Partial<Record<TableKind, { mapped: MappedTable; source: MappingSource }>> = {};
  for (const kind of TABLE_KINDS) {
    const fromFile = saved[kind];
    const fromOption = options[kind];
    if (!fromOption) {
      if (fromFile) merged[kind] = { mapped: fromFile, source: 'mapping' };
      continue;
    }
    const samePlace =
      fromOption.at === undefined ||
      (fromFile?.at !== undefined &&
        fromFile.at.sheet === fromOption.at.sheet &&
        fromFile.at.range === fromOption.at.range);
    const at = fromOption.at ?? fromFile?.at;
    merged[kind] = {
      mapped: {
        ...(at ? { at } : {}),
        columns: { ...(samePlace ? fromFile?.columns : {}), ...fromOption.columns },
      },
      source: 'option',
    };
  }
  return merged;
}
