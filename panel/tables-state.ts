// The Tables view's state without the DOM: what discovery found in the workbook for each kind of table (core's
// inspect report, the tables it was unsure of, the mapping saved on the PMO Data sheet), the user's edits to each
// kind (range, header rows, the column of each role, whether to keep it in the saved mapping), the message of every
// field that cannot be used (core's parse functions), and the mapping to save. The view is panel/sections/tables.ts.

import { columnIndex, columnLetters, parseA1, sheetReference } from '../core/a1';
import { cellText, isBlank } from '../core/cells';
import {
  locationProblems,
  type MappedTable,
  parseColumnLetters,
  parseLocation,
  sheetNamed,
  specOf,
  type TableLocation,
  type TableMapping,
} from '../core/discovery/mapping';
import { isPmoDataSheet, readMapping } from '../core/discovery/pmo-data';
import { type InspectedTable, inspectLocated, MIN_CONFIDENCE } from '../core/inspect';
import { findTables, type SheetView, TABLE_KINDS, type TableKind } from '../core/workbook';

/** The most columns a role's list offers (a range as wide as a sheet would make a list nobody can use). */
export const MAX_COLUMN_CHOICES = 200;

/**
 * What discovery (or the saved mapping) found for a kind, as `pmo inspect` reports it; `used` is false for a table
 * discovery was unsure of (confidence below 0.5): not used unless the user confirms it.
 */
export interface KindFound extends InspectedTable {
  readonly used: boolean;
}

/** The user's version of a kind's mapping, as typed. */
export interface KindDraft {
  /** "Sheet!A2:J12" ('' = none). */
  readonly rangeText: string;
  readonly headerRowsText: string;
  /** Role → column letters; a role without a column is absent. */
  readonly columns: Readonly<Record<string, string>>;
  /** Kept in the saved mapping when the workbook is saved (ticked for a saved kind, or once the user edits it). */
  readonly save: boolean;
}

/** Why a kind's fields cannot be saved, field by field (absent = fine). */
export interface KindProblems {
  readonly range?: string;
  readonly headerRows?: string;
  readonly columns: Readonly<Record<string, string>>;
}

/** One column a role can be read from: its letter and its header as written. */
export interface ColumnChoice {
  readonly letter: string;
  readonly header: string;
}

/** A role of a kind: its key (saved in the mapping) and its label. */
export interface RoleChoice {
  readonly role: string;
  readonly label: string;
  readonly required: boolean;
}

/** "D — Probability (%)"; a column without a header says so. */
export function choiceLabel(choice: ColumnChoice): string {
  return `${choice.letter} — ${choice.header === '' ? '(no header)' : choice.header}`;
}

/** How a kind was found, in one line: "Found by its headers, 85% sure." */
export function foundText(found: KindFound): string {
  if (found.foundBy === 'mapping') return 'From the mapping saved in this workbook.';
  const how = found.foundBy === 'headers' ? 'its headers' : `its ${found.foundBy}`;
  const sure = `Found by ${how}, ${Math.round(found.confidence * 100)}% sure`;
  return found.confidence < MIN_CONFIDENCE || !found.used
    ? `${sure}: not used unless you confirm it (tick "Save in workbook").`
    : `${sure}.`;
}

const letterColumns = (columns: InspectedTable['columns']): Record<string, string> =>
  Object.fromEntries(
    Object.entries(columns).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );

const draftOf = (
  table: KindFound | undefined,
  columns: Record<string, string>,
  save: boolean,
): KindDraft => ({
  rangeText: table ? sheetReference(table.sheet, table.range) : '',
  headerRowsText: String(table?.headerRows.length || 1),
  columns,
  save,
});

/**
 * The Tables view's state: one workbook read, the user's edits, the mapping to save. Members ending in "_" are
 * private to the bundle (the minifier renames them, scripts/build.ts).
 */
export class TablesState {
  /** The user's sheets (the PMO Data sheet left out). */
  sheets: readonly SheetView[] = [];
  found: Partial<Record<TableKind, KindFound>> = {};
  /** The mapping saved on the PMO Data sheet. */
  saved: TableMapping = {};
  /** The parts of the saved mapping that could not be used, one sentence each. */
  savedProblems: readonly string[] = [];
  drafts: Record<TableKind, KindDraft> = emptyDrafts();
  /** True once the user changed something since the workbook was read. */
  changed = false;

  /** Takes a workbook just read: what discovery finds (with the saved mapping on top), and a draft per kind. */
  load(sheets: readonly SheetView[]): void {
    const dataSheet = sheets.find(isPmoDataSheet);
    this.sheets = sheets.filter((sheet) => !isPmoDataSheet(sheet));
    this.saved = (dataSheet && readMapping(dataSheet)?.mapping) || {};
    const { tables, unsure, problems } = findTables(sheets);
    this.savedProblems = (problems ?? []).map((problem) => problem.message);
    this.found = {};
    this.drafts = emptyDrafts();
    for (const kind of TABLE_KINDS) {
      const located = tables[kind];
      if (!located) continue;
      // What `pmo inspect` reports for the table: its range, header rows, rows and the column of each role.
      const table = inspectLocated(located);
      this.found[kind] = { ...table, used: true };
      this.drafts[kind] = draftOf(
        this.found[kind],
        letterColumns(table.columns),
        this.saved[kind] !== undefined,
      );
    }
    for (const candidate of unsure ?? []) {
      const kind = candidate.kind;
      const current = this.found[kind];
      if (current?.used || (current && current.confidence >= candidate.confidence)) continue;
      const report = inspectLocated(candidate);
      this.found[kind] = { ...report, used: false };
      this.drafts[kind] = draftOf(this.found[kind], letterColumns(report.columns), false);
    }
    // A saved kind that could not be used keeps what the user saved, so that it can be corrected.
    for (const kind of TABLE_KINDS) {
      const saved = this.saved[kind];
      if (saved && this.found[kind]?.foundBy !== 'mapping')
        this.drafts[kind] = {
          rangeText: saved.at ? sheetReference(saved.at.sheet, saved.at.range) : '',
          headerRowsText: String(saved.at?.headerRows ?? 1),
          columns: { ...saved.columns },
          save: true,
        };
    }
    this.changed = false;
  }

  /** The roles of a kind, in its spec's order. */
  roles(kind: TableKind): RoleChoice[] {
    return specOf(kind).columns.map((column) => ({
      role: column.key,
      label: column.label,
      required: column.required === true,
    }));
  }

  private edit_(kind: TableKind, change: Partial<KindDraft>): void {
    this.drafts[kind] = { ...this.drafts[kind], save: true, ...change };
    this.changed = true;
  }

  /** Sets a kind's range as typed ("Risks!A2:J12"); the kind is then kept in the saved mapping. */
  setRange(kind: TableKind, text: string): void {
    this.edit_(kind, { rangeText: text });
  }

  setHeaderRows(kind: TableKind, text: string): void {
    this.edit_(kind, { headerRowsText: text });
  }

  /** Puts `role` in column `letters` ('' = no column). */
  setColumn(kind: TableKind, role: string, letters: string): void {
    const columns = { ...this.drafts[kind].columns };
    if (letters.trim() === '') delete columns[role];
    else columns[role] = letters.trim().toUpperCase();
    this.edit_(kind, { columns });
  }

  /** Keeps a kind in the saved mapping, or leaves it out (a saved kind is then forgotten: discovery decides). */
  setSave(kind: TableKind, save: boolean): void {
    this.drafts[kind] = { ...this.drafts[kind], save };
    this.changed = true;
  }

  /** The location a kind's fields give, or the problems with them. */
  private location_(kind: TableKind): TableLocation | KindProblems {
    const draft = this.drafts[kind];
    const text = draft.rangeText.trim();
    if (text === '')
      return {
        range: 'Give its sheet and range, e.g. Sheet1!A2:J12',
        columns: {},
      };
    const parsed = parseLocation(text);
    if ('problem' in parsed) return { range: parsed.problem, columns: {} };
    const block = parseA1(parsed.range);
    const headerRows = Number(draft.headerRowsText.trim());
    const rowCount = block ? block.lastRow - block.firstRow + 1 : 0;
    if (!Number.isInteger(headerRows) || headerRows < 1 || headerRows > rowCount)
      return { headerRows: `Give a whole number of header rows from 1 to ${rowCount}`, columns: {} };
    return { ...parsed, headerRows };
  }

  /** What is wrong with a kind's fields (nothing for a kind left out of the mapping). */
  problems(kind: TableKind): KindProblems {
    const draft = this.drafts[kind];
    if (!draft.save) return { columns: {} };
    const columns: Record<string, string> = {};
    for (const [role, letters] of Object.entries(draft.columns)) {
      const parsed = parseColumnLetters(letters);
      if (typeof parsed !== 'string') columns[role] = parsed.problem;
    }
    const at = this.location_(kind);
    if (!('sheet' in at)) return { ...at, columns };
    const checked = locationProblems(kind, { at, columns: draft.columns }, this.sheets);
    const range = checked.table[0];
    for (const [role, message] of checked.columns) columns[role] ??= message;
    return { ...(range === undefined ? {} : { range }), columns };
  }

  /**
   * The columns a kind's roles can be read from: each column of its range (as typed, when it is a range of a sheet
   * of the workbook) with its header — the text of its lowest header row that is not blank there.
   */
  columnChoices(kind: TableKind): ColumnChoice[] {
    const at = this.location_(kind);
    if (!('sheet' in at)) return [];
    const sheet = sheetNamed(this.sheets, at.sheet);
    const block = parseA1(at.range);
    if (!sheet || !block) return [];
    const last = Math.min(block.lastColumn, block.firstColumn + MAX_COLUMN_CHOICES - 1);
    const choices: ColumnChoice[] = [];
    for (let column = block.firstColumn; column <= last; column++) {
      let header = '';
      for (let row = block.firstRow + at.headerRows - 1; row >= block.firstRow && header === ''; row--) {
        const cell = sheet.rows[row - sheet.firstRow]?.[column] ?? null;
        if (!isBlank(cell)) header = cellText(cell);
      }
      choices.push({ letter: columnLetters(column), header });
    }
    return choices;
  }

  /** The mapping the Save button writes: every kind ticked to be saved; or the kinds whose fields need fixing. */
  mappingToSave(): { readonly mapping: TableMapping } | { readonly invalid: readonly TableKind[] } {
    const mapping: Partial<Record<TableKind, MappedTable>> = {};
    const invalid: TableKind[] = [];
    for (const kind of TABLE_KINDS) {
      const draft = this.drafts[kind];
      if (!draft.save) continue;
      const at = this.location_(kind);
      const problems = this.problems(kind);
      if (!('sheet' in at) || problems.range || problems.headerRows || Object.keys(problems.columns).length) {
        invalid.push(kind);
        continue;
      }
      const columns = Object.fromEntries(
        Object.entries(draft.columns).sort(
          ([, a], [, b]) => columnIndex(a.toUpperCase()) - columnIndex(b.toUpperCase()),
        ),
      );
      mapping[kind] = { at, columns };
    }
    return invalid.length > 0 ? { invalid } : { mapping };
  }
}

function emptyDrafts(): Record<TableKind, KindDraft> {
  return Object.fromEntries(TABLE_KINDS.map((kind) => [kind, draftOf(undefined, {}, false)])) as Record<
    TableKind,
    KindDraft
  >;
}
