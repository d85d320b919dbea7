// `npm run corpus`: measures table discovery against real public PMO workbooks. The workbooks stay out of the
// repository (their licences vary): they are fetched into .cache/corpus/, and test/corpus/labels.json holds, for
// each one, its source and the tables a person found in it. The runner reads each file with the CLI's reader,
// runs findTables (core/workbook.ts), and compares: kind and sheet, header row, data-row count, key columns, and
// tables claimed that are not labelled. The comparison (scoreFile, summarize) is pure and tested without the cache.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWorkbook } from '../cli/xlsx';
import { columnLetters } from '../core/a1';
import { readLocated } from '../core/dashboard/sources';
import { RICE_KEYS, WSJF_KEYS } from '../core/initiatives/table';
import type { FoundTable } from '../core/table';
import { findTables, type LocatedTable, type TableKind } from '../core/workbook';

/** A labelled table's kind: a PMO kind the toolkit reads, or `other` (PMO data it must not claim). */
export type LabelKind = TableKind | 'other';

/**
 * A labelled key column: a column letter ("C"), alternatives that are all right ("C|D"), a set of letters that
 * must be found exactly (initiatives' criteria), or null: the table has no such column and none may be claimed.
 */
export type LabelColumn = string | readonly string[] | null;

export interface LabelTable {
  readonly kind: LabelKind;
  readonly sheet: string;
  /** Sheet rows (1-based) of the header; the found header row must be one of them. */
  readonly headerRows: readonly number[];
  /** Data rows: one per record, without blank, total, note, footer or group rows. */
  readonly rows: number;
  readonly columns: Readonly<Record<string, LabelColumn>>;
  readonly note?: string;
}

export interface LabelFile {
  /** The file's name in .cache/corpus/. */
  readonly file: string;
  readonly source: {
    readonly repo: string;
    readonly path: string;
    readonly commit: string;
    readonly licence: string;
  };
  readonly tables: readonly LabelTable[];
  readonly note?: string;
}

/** One table discovery claimed, as read back with its kind's spec. */
export interface Observed {
  readonly kind: TableKind;
  readonly sheet: string;
  readonly foundBy: string;
  /** Sheet row of the header row; undefined when the kind's spec could not read the table (see `problem`). */
  readonly headerRow?: number;
  readonly rows?: number;
  /** Key columns found, by label key: a letter, or a list of letters for a set key (criteria). */
  readonly columns: Readonly<Record<string, string | readonly string[]>>;
  readonly problem?: string;
}

export interface TableScore {
  readonly label: LabelTable;
  readonly observed?: Observed;
  /** Found with the right kind on the right sheet. */
  readonly found: boolean;
  readonly headerRight: boolean;
  readonly rowsRight: boolean;
  /** Label keys whose column was not found right. */
  readonly wrongColumns: readonly string[];
  readonly fullyRight: boolean;
}

export interface FalseClaim {
  readonly observed: Observed;
  readonly reason: string;
}

export interface FileScore {
  readonly file: string;
  /** Failed to open: the reader's one-line message. */
  readonly error?: string;
  /** One per labelled table of a PMO kind (other tables are only checked for claims). */
  readonly tables: readonly TableScore[];
  readonly falseClaims: readonly FalseClaim[];
}

export interface CorpusSummary {
  readonly filesLabelled: number;
  readonly filesMissing: readonly string[];
  readonly filesFailed: readonly { readonly file: string; readonly message: string }[];
  readonly tablesLabelled: number;
  readonly foundRight: number;
  readonly fullyRight: number;
  readonly headerRight: number;
  readonly rowsRight: number;
  readonly columnsRight: number;
  readonly falseClaims: number;
  /** False claims on a table labelled `other`. */
  readonly otherClaimed: number;
  readonly otherLabelled: number;
}

/** True when the observed column fits the label (see {@link LabelColumn}). */
export function columnRight(label: LabelColumn, observed: string | readonly string[] | undefined): boolean {
  if (label === null) return observed === undefined || (Array.isArray(observed) && observed.length === 0);
  if (typeof label === 'string') return typeof observed === 'string' && label.split('|').includes(observed);
  const found = typeof observed === 'string' ? [observed] : [...(observed ?? [])];
  return found.length === label.length && [...label].sort().join() === found.sort().join();
}

function scoreTable(label: LabelTable, observed: Observed | undefined): TableScore {
  if (!observed)
    return { label, found: false, headerRight: false, rowsRight: false, wrongColumns: [], fullyRight: false };
  const headerRight = observed.headerRow !== undefined && label.headerRows.includes(observed.headerRow);
  const rowsRight = observed.rows === label.rows;
  const wrongColumns =
    observed.problem === undefined
      ? Object.entries(label.columns)
          .filter(([key, column]) => !columnRight(column, observed.columns[key]))
          .map(([key]) => key)
      : Object.keys(label.columns);
  const fullyRight = headerRight && rowsRight && wrongColumns.length === 0;
  return { label, observed, found: true, headerRight, rowsRight, wrongColumns, fullyRight };
}

/** Why a claim matches no labelled PMO table on its sheet. */
function claimReason(labels: readonly LabelTable[], claim: Observed): string {
  const onSheet = labels.filter((label) => label.sheet === claim.sheet);
  const other = onSheet.find((label) => label.kind === 'other');
  const kinds = onSheet.filter((label) => label.kind !== 'other').map((label) => label.kind);
  if (kinds.length > 0) return `wrong kind: the sheet holds ${kinds.join(', ')}`;
  if (other) return `claims a table labelled other${other.note ? ` (${other.note})` : ''}`;
  return 'no table labelled on that sheet';
}

/**
 * Compares what discovery claimed in one workbook with its labels: each labelled PMO table is found when a
 * claim has its kind and sheet (then header row, data rows and key columns are compared); each claim that
 * matches no labelled PMO table is a false claim.
 */
export function scoreFile(
  file: string,
  labels: readonly LabelTable[],
  observed: readonly Observed[],
): FileScore {
  const used = new Set<Observed>();
  const tables = labels
    .filter((label) => label.kind !== 'other')
    .map((label) => {
      const match = observed.find(
        (claim) => !used.has(claim) && claim.kind === label.kind && claim.sheet === label.sheet,
      );
      if (match) used.add(match);
      return scoreTable(label, match);
    });
  const falseClaims = observed
    .filter((claim) => !used.has(claim))
    .map((claim) => ({ observed: claim, reason: claimReason(labels, claim) }));
  return { file, tables, falseClaims };
}

/** Totals over every file scored; `labels` gives the files labelled and the `other` tables. */
export function summarize(
  labels: readonly LabelFile[],
  scores: readonly FileScore[],
  missing: readonly string[],
): CorpusSummary {
  const tables = scores.flatMap((score) => score.tables);
  const claims = scores.flatMap((score) => score.falseClaims);
  const count = (test: (table: TableScore) => boolean) => tables.filter(test).length;
  return {
    filesLabelled: labels.length,
    filesMissing: missing,
    filesFailed: scores.flatMap((score) =>
      score.error === undefined ? [] : [{ file: score.file, message: score.error }],
    ),
    tablesLabelled: tables.length,
    foundRight: count((table) => table.found),
    fullyRight: count((table) => table.fullyRight),
    headerRight: count((table) => table.headerRight),
    rowsRight: count((table) => table.rowsRight),
    columnsRight: count((table) => table.found && table.wrongColumns.length === 0),
    falseClaims: claims.length,
    otherClaimed: claims.filter((claim) => claim.reason.startsWith('claims a table labelled other')).length,
    otherLabelled: labels.flatMap((file) => file.tables).filter((table) => table.kind === 'other').length,
  };
}

// ---- Reading what discovery finds today (the impure half) ----

/** Label key → the spec keys that mean it, best first (the first found is the column). */
const KEYS: Readonly<Record<TableKind, Readonly<Record<string, readonly string[]>>>> = {
  resources: {
    resource: ['resource'],
    hours: ['hoursPerWeek', 'hoursPerDay', 'fte', 'availability', 'periodHours'],
  },
  assignments: {
    resource: ['resource'],
    start: ['start', 'week'],
    end: ['end'],
    load: ['hoursPerWeek', 'hoursPerDay', 'allocation', 'hours'],
  },
  timeOff: { resource: ['resource'], start: ['start'], end: ['end'], hours: ['hours'] },
  initiatives: { id: ['id'], name: ['name'], cost: ['cost'], score: ['score'] },
  risks: {
    id: ['id'],
    title: ['title'],
    probability: ['probability'],
    impact: ['impact'],
    owner: ['owner'],
    cost: ['cost'],
  },
};

/** The initiatives' rating inputs, reported together as the set key `criteria`. */
const CRITERIA_KEYS: readonly string[] = [...WSJF_KEYS, ...RICE_KEYS];

function columnsOf(
  kind: TableKind,
  found: FoundTable,
  offset: number,
  criteria: readonly number[] | undefined,
): Record<string, string | string[]> {
  const letter = (specKey: string) => {
    const index = found.columns.get(specKey);
    return index === undefined ? undefined : columnLetters(index + offset);
  };
  const columns: Record<string, string | string[]> = {};
  for (const [key, specKeys] of Object.entries(KEYS[kind])) {
    const first = specKeys.map(letter).find((value) => value !== undefined);
    if (first !== undefined) columns[key] = first;
  }
  if (kind === 'initiatives')
    columns.criteria = criteria
      ? criteria.map((index) => columnLetters(index + offset))
      : CRITERIA_KEYS.map(letter).filter((value): value is string => value !== undefined);
  return columns;
}

/** Reads one claimed table back with its kind's spec, as the dashboard would. */
export function observe(table: LocatedTable): Observed {
  const base = { kind: table.kind, sheet: table.sheet, foundBy: table.foundBy };
  // Discovery and the mapping give every table not in column A its sheet column (an Excel table's included).
  const offset = table.firstColumn ?? 0;
  const found = readLocated(table);
  if ('kind' in found) return { ...base, columns: {}, problem: found.message };
  return {
    ...base,
    headerRow: table.firstRow + found.headerIndex,
    rows: found.rows.length,
    columns: columnsOf(table.kind, found, offset, table.criteria),
  };
}

/** Reads a workbook's bytes and scores today's discovery against its labels. */
export function scoreWorkbook(label: LabelFile, bytes: Uint8Array): FileScore {
  const workbook = readWorkbook(bytes);
  if (workbook.kind !== 'workbook')
    return { ...scoreFile(label.file, label.tables, []), error: workbook.message };
  // What `pmo inspect` reports as found: the tables used and the further tables of a kind (not the unsure ones).
  const { tables, also } = findTables(workbook.sheets);
  // A plan kept one sheet per period is one table found on each of its sheets.
  const observed = [...Object.values(tables), ...(also ?? [])].flatMap((table) =>
    table ? (table.sheets ?? [table]).map(observe) : [],
  );
  return scoreFile(label.file, label.tables, observed);
}

// ---- Report ----

const mark = (right: boolean) => (right ? 'ok' : 'NO');

const lettersText = (value: LabelColumn | string | readonly string[] | undefined): string =>
  value === undefined || value === null ? 'none' : typeof value === 'string' ? value : `[${value.join(',')}]`;

/** "title: E, labelled C" for one wrong key column. */
const wrongColumn =
  (table: TableScore) =>
  (key: string): string =>
    `${key}: ${lettersText(table.observed?.columns[key])}, labelled ${lettersText(table.label.columns[key])}`;

function tableLine(table: TableScore): string {
  const { label, observed } = table;
  const where = `${label.kind} @ "${label.sheet}"`;
  if (!observed) return `  MISSED  ${where} (header ${label.headerRows.join('+')}, ${label.rows} rows)`;
  const got = observed.problem
    ? `unreadable: ${observed.problem}`
    : `header ${mark(table.headerRight)} (${observed.headerRow} vs ${label.headerRows.join('+')}), rows ${mark(
        table.rowsRight,
      )} (${observed.rows} vs ${label.rows}), columns ${
        table.wrongColumns.length === 0
          ? 'ok'
          : `NO (${table.wrongColumns.map(wrongColumn(table)).join('; ')})`
      }`;
  return `  ${table.fullyRight ? 'RIGHT ' : 'FOUND '}  ${where} by ${observed.foundBy}: ${got}`;
}

export function fileReport(score: FileScore): string[] {
  if (score.error !== undefined)
    return [`${score.file}: FAILED TO OPEN: ${score.error}`, ...score.tables.map(tableLine)];
  const lines = [`${score.file}`, ...score.tables.map(tableLine)];
  for (const claim of score.falseClaims)
    lines.push(
      `  FALSE   ${claim.observed.kind} @ "${claim.observed.sheet}" by ${claim.observed.foundBy}: ${claim.reason}`,
    );
  if (score.tables.length === 0 && score.falseClaims.length === 0)
    lines.push('  (no PMO table labelled, none claimed)');
  return lines;
}

const share = (part: number, whole: number) => (whole === 0 ? '-' : `${Math.round((part / whole) * 100)}%`);

export function summaryReport(summary: CorpusSummary): string[] {
  const of = (n: number) => `${n} of ${summary.tablesLabelled} (${share(n, summary.tablesLabelled)})`;
  return [
    `Files labelled: ${summary.filesLabelled}, missing: ${summary.filesMissing.length}, failed to open: ${summary.filesFailed.length}`,
    `PMO tables labelled: ${summary.tablesLabelled} (plus ${summary.otherLabelled} labelled other)`,
    `Found right (kind + sheet): ${of(summary.foundRight)}`,
    `  header row right: ${of(summary.headerRight)}; data rows right: ${of(summary.rowsRight)}; key columns right: ${of(summary.columnsRight)}`,
    `Fully right (also header row, rows, key columns): ${of(summary.fullyRight)}`,
    `False claims: ${summary.falseClaims} (of which on tables labelled other: ${summary.otherClaimed})`,
    ...summary.filesFailed.map((failed) => `Failed to open: ${failed.file}: ${failed.message}`),
  ];
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const LABELS_PATH = join(ROOT, 'test', 'corpus', 'labels.json');
export const CACHE_DIR = join(ROOT, '.cache', 'corpus');

function main(args: readonly string[]): void {
  const labels = JSON.parse(readFileSync(LABELS_PATH, 'utf8')) as LabelFile[];
  const cache = process.env.PMO_CORPUS_DIR ?? CACHE_DIR;
  const present = labels.filter((label) => existsSync(join(cache, label.file)));
  const missing = labels.filter((label) => !present.includes(label));
  const scores = present.map((label) =>
    scoreWorkbook(label, new Uint8Array(readFileSync(join(cache, label.file)))),
  );
  const summary = summarize(
    labels,
    scores,
    missing.map((label) => label.file),
  );
  if (args.includes('--json')) {
    console.log(JSON.stringify({ summary, files: scores }, null, 2));
    return;
  }
  if (missing.length > 0) {
    console.log(
      `MISSING ${missing.length} of ${labels.length} files in ${cache}; fetch each from its repository`,
    );
    console.log(
      '(git clone https://github.com/<repo> r && git -C r show <commit>:"<path>" > <cache>/<file>):',
    );
    for (const { file, source } of missing)
      console.log(
        `  ${file}: github.com/${source.repo} at ${source.commit}, path "${source.path}" (licence ${source.licence})`,
      );
    console.log('');
  }
  for (const score of scores) console.log(fileReport(score).join('\n'));
  console.log('');
  console.log(summaryReport(summary).join('\n'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2));
