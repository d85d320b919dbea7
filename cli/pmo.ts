// The `pmo` command line: reads a user's .xlsx workbook (or a .csv file), finds its PMO tables and prints what
// the core computes (`pmo utilization book.xlsx`, `pmo inspect book.xlsx --json`). Thin adapter: file and argument handling here, every rule in core/.

import { realpathSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { sheetReference } from '../core/a1';
import { cellText, parseDateText } from '../core/cells';
import { buildDashboard } from '../core/dashboard/build';
import { DASHBOARD_MARKER } from '../core/dashboard/plan';
import { sourceOf, sourceText, tableRange } from '../core/dashboard/sources';
import { isoFromSerial, nextMonthStart, serialFromParts } from '../core/dates';
import type { TableMapping } from '../core/discovery/mapping';
import { inspectWorkbook } from '../core/inspect';
import {
  BASES,
  type Basis,
  overallocatedCells,
  PERIODS,
  type Period,
  type UtilizationGrid,
  utilizationGrid,
} from '../core/utilization';
import {
  FULL_TIME_NOTE,
  findTables,
  type LocatedTable,
  SHEET_NAMES,
  type TableKind,
  utilizationTablesOf,
} from '../core/workbook';
import { version } from '../package.json';
import { isEncryptedPackage, PASSWORD_PROTECTED } from './compound-file';
import { readCsvWorkbook } from './csv';
import { csvPackage } from './csv-package';
import { budgetCells, KIND_LABELS, summaryLines } from './dashboard-summary';
import { FileError, type FileIdentity, readInput } from './files';
import { renderHeatmap, renderIssues, sanitizeText } from './heatmap';
import { inspectJson, inspectText } from './inspect';
import { checkMapping, MAPPING_EXAMPLES, MAPPING_OPTIONS, mappingFromOptions } from './mapping-options';
import { copyTarget, saveCopy } from './save-copy';
import { saveInspectedMapping } from './save-mapping';
import { UsageError } from './usage';
import { type ReadLimits, readWorkbook, type Workbook } from './xlsx';
import { addDashboardWithHistory } from './xlsx-write';
import { looksLikeZip } from './zip';

/** Where the command writes: process.stdout / process.stderr, or fakes in tests. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Environment variables (NO_COLOR, FORCE_COLOR, TERM, COLUMNS); none when omitted. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** How much a workbook may inflate and hold (cli/zip.ts, cli/xlsx.ts); tests lower them to try bombs quickly. */
  readonly limits?: ReadLimits;
}

/** Exit codes: 0 done, 1 usage, file or data error (one line on stderr, never a stack trace). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;

/** Most data issues listed under the heatmap; the rest are counted. */
const MAX_ISSUES_SHOWN = 50;
const DEFAULT_COLUMNS = 120;

const HELP = `pmo ${version}: PMO toolkit for .xlsx workbooks

Usage:
  pmo dashboard <book.xlsx> [options]     the workbook with a "PMO Dashboard" sheet added, as a copy
  pmo utilization <book.xlsx> [options]   utilization heatmap (resources × weeks) and the data issues
  pmo inspect <book.xlsx> [--json]        which PMO tables were found, where, with which columns, and why
                                          (--save -o out.xlsx: keep that mapping in the copy's PMO Data sheet)
  pmo --help                              this help
  pmo --version                           the version

Options for dashboard:
  -o, --output <file>  where to write the copy (default: <book>-dashboard.xlsx beside it); never the input,
                       never through a link. The extension must be the workbook's: an .xlsm (macros kept)
                       gives an .xlsm, a template (.xltx, .xltm) a template
  --force              replace an existing output file (a link is still refused)
  --in-place           update the workbook itself: the new version is verified first, the previous one kept
                       as <book>.xlsx.bak (an older .bak is replaced); not with -o
  --today <date>       the day the 12-week heatmap starts from (default: today), e.g. 2026-11-27

Options for inspect:
  --json            the report as JSON (its JSON Schema is in the README)
  --save            write the mapping of the tables found into the hidden sheet "PMO Data" of a copy
                    (-o <file>, default <book>-mapping.xlsx; --force; or --in-place, as for dashboard)

Options for every command, to say where a table is when discovery is wrong or unsure (repeatable; they win
over the mapping saved in the workbook's PMO Data sheet, which wins over discovery):
  --table <kind>="<Sheet>!<range>"   e.g. --table risks="Risk Register!A2:J12" (header row first)
  --column <kind>.<role>=<letter>    e.g. --column risks.probability=D (roles: pmo inspect --json columns)
  kinds: resources, assignments, timeOff, initiatives, risks

Options for utilization:
  --from <date>     first day of the horizon (default: the earliest assignment start), e.g. 2026-12-01
  --to <date>       last day of the horizon (default: the latest assignment end), e.g. 2027-03-31
  --period <p>      week (default), month or day
  --basis <b>       all (default), confirmed, weighted (tentative × probability) or billable
  --no-color        plain text; also when NO_COLOR is set or the output is not a terminal
  --color           colours even when the output is not a terminal (e.g. for less -R)

The workbook needs an Assignments sheet (or Allocations, Plan, Resource Plan; a list of bookings or a plan with
a column per week or month); a Resources sheet (or Team, People, Staff) gives each person's capacity (without
it, everyone named is one full-time person, 40 h a week) and a Time Off sheet (or Holidays, Leave, Absences) is
optional. Excel tables with those names are found too, and sheets with other names by their column headers.

A .csv file (comma, semicolon or tab; UTF-8) is read as a workbook of one sheet named after the file;
its dashboard is a new .xlsx holding that sheet.
Refused with one line and exit code 1: .xls/.xlsb/.ods files, Word or PowerPoint files, password-protected
or damaged workbooks (bad CRC or sizes, duplicate or overlapping entries), workbooks with no worksheet, parts
over 500 MB or over 1 GiB in total, more than 20 million values (cells with a value and distinct texts).
Exit codes: 0 done (inspect: also when it found no PMO table), 1 a usage, file or data error, or a
dashboard with no PMO table to build from.
`;

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** The subcommands. */
const COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['dashboard', dashboardCommand],
  ['inspect', inspectCommand],
  ['utilization', utilizationCommand],
  ['utilisation', utilizationCommand],
]);

/**
 * Runs the `pmo` command with `argv` (the arguments after the program name) and returns the exit code.
 * Never throws: every failure is one line on stderr and exit code 1.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      (first === undefined ? io.stderr : io.stdout).write(HELP);
      return first === undefined ? EXIT_FAILURE : EXIT_OK;
    }
    if (first === '--version' || first === '-v' || first === '-V') {
      io.stdout.write(`${version}\n`);
      return EXIT_OK;
    }
    const command = COMMANDS.get(first);
    if (!command)
      throw new UsageError(`unknown command ${JSON.stringify(sanitizeText(first))}: see pmo --help`);
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`pmo: ${error.message}\n`);
    } else {
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr.write(`pmo: internal error, please report it: ${sanitizeText(reason)}\n`);
    }
    return EXIT_FAILURE;
  }
}

// ------------------------------------------------------------------------------------------------
// Arguments

type OptionKind = 'value' | 'flag';

interface ParsedArguments {
  readonly positionals: readonly string[];
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  /** Every value of each option, in order (`--table` and `--column` may be given more than once). */
  readonly lists: ReadonlyMap<string, readonly string[]>;
}

const EXAMPLES: Readonly<Record<string, string>> = {
  from: '2026-12-01',
  to: '2027-03-31',
  today: '2026-11-27',
  output: 'book-dashboard.xlsx',
  period: 'week',
  basis: 'confirmed',
  ...MAPPING_EXAMPLES,
};

/** Short forms: `-h` for every command, `-o` where the command has `--output`. */
const SHORT_NAMES: Readonly<Record<string, string>> = { help: 'h', output: 'o' };

/**
 * Reads `--name value`, `--name=value`, `--flag` and the short forms with `node:util`'s parseArgs; `--` ends
 * the options. Unknown options, flags given a value and options missing theirs are usage errors, reported
 * in argument order.
 */
function parseArguments(
  args: readonly string[],
  known: Readonly<Record<string, OptionKind>>,
): ParsedArguments {
  const options: ParseArgsConfig['options'] = {};
  for (const [name, kind] of Object.entries(known)) {
    const short = SHORT_NAMES[name];
    options[name] = { type: kind === 'value' ? 'string' : 'boolean', ...(short ? { short } : {}) };
  }
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const flags = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const kind = known[token.name];
    const isShort = !token.rawName.startsWith('--');
    // A short option stands alone (`-o out.xlsx`): `-ofile`, `-o=file` and groups such as `-hx` are unknown.
    const raw = isShort ? (args[token.index] ?? token.rawName) : token.rawName;
    if (kind === undefined || raw !== token.rawName)
      throw new UsageError(`unknown option ${sanitizeText(raw)}: see pmo --help`);
    if (kind === 'flag') {
      if (token.inlineValue) throw new UsageError(`${token.rawName} takes no value`);
      flags.add(token.name);
      continue;
    }
    const value = token.value;
    if (isShort && (value === undefined || value === ''))
      throw new UsageError(`${raw} needs a file name, e.g. ${raw} ${EXAMPLES[token.name] ?? '…'}`);
    if (!isShort && (value === undefined || value === '' || (!token.inlineValue && value.startsWith('--'))))
      throw new UsageError(
        `--${token.name} needs a value, e.g. --${token.name} ${EXAMPLES[token.name] ?? '…'}`,
      );
    if (value === undefined) continue;
    values.set(token.name, value);
    lists.set(token.name, [...(lists.get(token.name) ?? []), value]);
  }
  return { positionals, values, flags, lists };
}

function dateOption(parsed: ParsedArguments, name: string): number | undefined {
  const text = parsed.values.get(name);
  if (text === undefined) return undefined;
  const serial = parseDateText(text);
  if (serial === undefined)
    throw new UsageError(
      `--${name} ${JSON.stringify(sanitizeText(text))} is not a date: use YYYY-MM-DD, e.g. --${name} ${EXAMPLES[name]}`,
    );
  return serial;
}

function choiceOption<T extends string>(
  parsed: ParsedArguments,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const text = parsed.values.get(name);
  if (text === undefined) return fallback;
  const found = choices.find((choice) => choice === text.trim().toLowerCase());
  if (found === undefined)
    throw new UsageError(
      `--${name} ${JSON.stringify(sanitizeText(text))} is not one of ${choices.join(', ')}`,
    );
  return found;
}

/** Colour only for a terminal, unless --no-color or NO_COLOR (https://no-color.org) says no, or FORCE_COLOR yes. */
function wantsColor(parsed: ParsedArguments, io: CliIo): boolean {
  const env = io.env ?? {};
  if (parsed.flags.has('no-color')) return false;
  if (parsed.flags.has('color')) return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && !['0', 'false'].includes(env.FORCE_COLOR)) return true;
  if (env.TERM === 'dumb') return false;
  return io.stdout.isTTY === true;
}

function terminalColumns(io: CliIo): number {
  if (io.stdout.isTTY === true && io.stdout.columns !== undefined && io.stdout.columns > 0)
    return io.stdout.columns;
  const fromEnv = Number(io.env?.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_COLUMNS;
}

// ------------------------------------------------------------------------------------------------
// Files

/** An opened workbook, with the way to report a problem with it (one line on stderr, exit code 1). */
interface OpenedWorkbook {
  readonly bytes: Uint8Array;
  /** The file the bytes were read from (device and inode), to tell it from the output. */
  readonly identity: FileIdentity;
  readonly workbook: Workbook;
  readonly fail: (message: string) => number;
}

/**
 * Reads `path` as an .xlsx workbook; on failure writes the one-line reason and returns the exit code. The
 * `--table`/`--column` mapping must fit the workbook (else a usage error).
 */
function openWorkbook(path: string, io: CliIo, mapping: TableMapping): OpenedWorkbook | number {
  const fileLabel = sanitizeText(path);
  const fail = (message: string): number => {
    io.stderr.write(`pmo: ${fileLabel}: ${message}\n`);
    return EXIT_FAILURE;
  };
  const input = readInput(path);
  if (typeof input === 'string') return fail(input);
  const extension = extname(path).toLowerCase();
  if (extension === '.xls' && !looksLikeZip(input.bytes))
    return fail(
      isEncryptedPackage(input.bytes) ? PASSWORD_PROTECTED : '.xls files are not supported: save as .xlsx',
    );
  const workbook =
    extension === '.csv'
      ? readCsvWorkbook(input.bytes, basename(path, extname(path)), io.limits?.cells)
      : readWorkbook(input.bytes, io.limits);
  if (workbook.kind === 'workbook-error') return fail(sanitizeText(workbook.message));
  if (workbook.sheets.length === 0)
    return fail('the workbook has no worksheets (chart sheets hold no tables)');
  checkMapping(workbook.sheets, mapping);
  return { ...input, workbook, fail };
}

function missingTableMessage(kind: TableKind, column: string): string {
  const [preferred, ...others] = SHEET_NAMES[kind];
  return `no ${KIND_LABELS[kind]} table found: name a sheet ${preferred} (or ${others.join(', ')}) or give its table a ${column} header`;
}

/** "Resources (Team!A1:C5)", as the dashboard names its sources, with the Excel table and how it was found. */
function describeTable(table: LocatedTable): string {
  if ((table.sheets?.length ?? 0) > 1) return sanitizeText(sourceText(sourceOf(table)));
  const cells = sanitizeText(sheetReference(table.sheet, tableRange(table)));
  const where = table.table === undefined ? cells : `table "${sanitizeText(table.table)}", ${cells}`;
  const how = { headers: ', found by its headers', mapping: ', as mapped in PMO Data', option: ', as given' };
  return `${KIND_LABELS[table.kind]} (${where}${how[table.foundBy as keyof typeof how] ?? ''})`;
}

// ------------------------------------------------------------------------------------------------
// pmo utilization

const PERIOD_NOUNS: Readonly<Record<Period, readonly [string, string]>> = {
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  day: ['day', 'days'],
};

function lastDayOf(periodStart: number, period: Period): number {
  if (period === 'week') return periodStart + 6;
  if (period === 'month') return nextMonthStart(periodStart) - 1;
  return periodStart;
}

/** Resource-periods strictly above 100% (or with load and no capacity), per resource name. */
function overallocations(grid: UtilizationGrid): { total: number; byResource: [string, number][] } {
  const cells = overallocatedCells(grid);
  const counts = new Map<number, number>();
  for (const { resource } of cells) counts.set(resource, (counts.get(resource) ?? 0) + 1);
  const byResource = [...counts].map(([r, count]): [string, number] => [
    grid.resources[r]?.name ?? '',
    count,
  ]);
  return { total: cells.length, byResource };
}

/**
 * A command's options and its one workbook; undefined once `--help` has printed the help.
 * @param usage the command's usage line, for the message when the workbook is missing
 */
function commandLine(
  args: readonly string[],
  known: Readonly<Record<string, OptionKind>>,
  usage: string,
  io: CliIo,
): { parsed: ParsedArguments; path: string; mapping: TableMapping } | undefined {
  const parsed = parseArguments(args, { ...known, ...MAPPING_OPTIONS, help: 'flag' });
  if (parsed.flags.has('help')) {
    io.stdout.write(HELP);
    return undefined;
  }
  const [path, ...extra] = parsed.positionals;
  if (path === undefined) throw new UsageError(`which workbook? usage: ${usage}`);
  if (extra.length > 0)
    throw new UsageError(
      `one workbook at a time (unexpected ${JSON.stringify(sanitizeText(extra[0] ?? ''))})`,
    );
  const mapping = mappingFromOptions(parsed.lists.get('table') ?? [], parsed.lists.get('column') ?? []);
  return { parsed, path, mapping };
}

async function utilizationCommand(args: readonly string[], io: CliIo): Promise<number> {
  const command = commandLine(
    args,
    { from: 'value', to: 'value', period: 'value', basis: 'value', 'no-color': 'flag', color: 'flag' },
    'pmo utilization <book.xlsx> [--from 2026-12-01] [--to 2027-03-31]',
    io,
  );
  if (!command) return EXIT_OK;
  const { parsed, path, mapping } = command;
  const start = dateOption(parsed, 'from');
  const end = dateOption(parsed, 'to');
  if (start !== undefined && end !== undefined && end < start) {
    throw new UsageError(`--to ${isoFromSerial(end)} is before --from ${isoFromSerial(start)}`);
  }
  const period = choiceOption(parsed, 'period', PERIODS, 'week');
  const basis = choiceOption<Basis>(parsed, 'basis', BASES, 'all');
  const opened = openWorkbook(path, io, mapping);
  if (typeof opened === 'number') return opened;
  const { workbook, fail } = opened;
  const { tables } = findTables(workbook.sheets, { mapping });
  const { resources, assignments, timeOff } = tables;
  const utilizationTables = utilizationTablesOf(tables);
  if (!assignments || !utilizationTables)
    return fail(missingTableMessage('assignments', 'Resource, Start, End'));
  const grid = utilizationGrid(utilizationTables, { basis, period, start, end });
  if ('kind' in grid) return fail(sanitizeText(grid.message));

  const [singular, plural] = PERIOD_NOUNS[period];
  const count = grid.periodStarts.length;
  const firstDay = grid.periodStarts[0] ?? 0;
  const lastDay = lastDayOf(grid.periodStarts[count - 1] ?? firstDay, period);
  const used = [...(resources ? [resources] : []), assignments, ...(timeOff ? [timeOff] : [])].map(
    describeTable,
  );
  const out: string[] = [
    `${sanitizeText(basename(path))}: utilization by ${singular}, ${isoFromSerial(firstDay)} to ${isoFromSerial(lastDay)} ` +
      `(${count} ${count === 1 ? singular : plural}), basis ${basis}`,
    `Tables: ${used.join(', ')}${timeOff ? '' : '; no Time off table (no holidays or leave counted)'}`,
    ...(resources ? [] : [FULL_TIME_NOTE]),
    '',
    renderHeatmap(grid, { color: wantsColor(parsed, io), columns: terminalColumns(io) }),
    '',
  ];
  const over = overallocations(grid);
  if (over.total === 0) {
    out.push(`Overallocated resource-${plural}: none (nobody above 100%).`);
  } else {
    const named = over.byResource.slice(0, 8).map(([name, n]) => `${sanitizeText(name)} ${n}`);
    const more = over.byResource.length > 8 ? `, and ${over.byResource.length - 8} more` : '';
    out.push(
      `Overallocated resource-${plural} (above 100%): ${over.total}, across ${over.byResource.length} resources: ${named.join(', ')}${more}.`,
    );
  }
  out.push('');
  if (grid.issues.length === 0) {
    out.push('No data issues.');
  } else {
    out.push(
      `Data issues: ${grid.issues.length} ${grid.issues.length === 1 ? 'row' : 'rows'} left out of the calculation`,
    );
    out.push(renderIssues(grid.issues, MAX_ISSUES_SHOWN));
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT_OK;
}

// ------------------------------------------------------------------------------------------------
// pmo inspect

/** -o, --force and --in-place, as every command that writes a copy takes them. */
const WRITE_OPTIONS = { output: 'value', force: 'flag', 'in-place': 'flag' } as const;

function writeOptions(parsed: ParsedArguments) {
  const inPlace = parsed.flags.has('in-place');
  if (inPlace && parsed.values.has('output'))
    throw new UsageError('--in-place writes the workbook itself: give either --in-place or -o, not both');
  return { output: parsed.values.get('output'), inPlace, force: parsed.flags.has('force') };
}

/**
 * Prints what discovery found and why; exit code 0 even when it found no PMO table (the report says so). With
 * --save, first writes that mapping into the PMO Data sheet of a copy (or of the workbook, --in-place).
 */
async function inspectCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = { json: 'flag', save: 'flag', ...WRITE_OPTIONS } as const;
  const command = commandLine(args, options, 'pmo inspect <book.xlsx> [--json]', io);
  if (!command) return EXIT_OK;
  const { parsed, path, mapping } = command;
  const save = parsed.flags.has('save');
  const written = writeOptions(parsed);
  if (!save && (written.inPlace || written.force || written.output !== undefined))
    throw new UsageError(
      '-o, --force and --in-place go with --save: pmo inspect book.xlsx --save -o out.xlsx',
    );
  const opened = openWorkbook(path, io, mapping);
  if (typeof opened === 'number') return opened;
  const report = inspectWorkbook(basename(path), opened.workbook.sheets, { mapping });
  const json = parsed.flags.has('json');
  const saved = save
    ? saveInspectedMapping(opened, report, { path, ...written, limits: io.limits })
    : undefined;
  if (saved && 'error' in saved) {
    io.stderr.write(`pmo: ${saved.error}\n`);
    return EXIT_FAILURE;
  }
  io.stdout.write(json ? inspectJson(report) : inspectText(report));
  if (saved) (json ? io.stderr : io.stdout).write(`${saved.lines.join('\n')}\n`);
  return EXIT_OK;
}

// ------------------------------------------------------------------------------------------------
// pmo dashboard

function localDateSerial(now: Date): number {
  return serialFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function localStamp(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${isoFromSerial(localDateSerial(now))} ${two(now.getHours())}:${two(now.getMinutes())}`;
}

async function dashboardCommand(args: readonly string[], io: CliIo): Promise<number> {
  const command = commandLine(
    args,
    { today: 'value', ...WRITE_OPTIONS },
    'pmo dashboard <book.xlsx> [-o out.xlsx | --in-place]',
    io,
  );
  if (!command) return EXIT_OK;
  const { parsed, path, mapping } = command;
  const written = writeOptions(parsed);
  const inPlace = written.inPlace;
  const now = new Date();
  const today = dateOption(parsed, 'today') ?? localDateSerial(now);
  const opened = openWorkbook(path, io, mapping);
  if (typeof opened === 'number') return opened;
  const { bytes, workbook, fail } = opened;
  if (workbook.format === 'xlam') return fail('Excel add-ins (.xlam) are not supported: give a workbook');
  const csv = extname(path).toLowerCase() === '.csv';
  if (csv && inPlace)
    return fail('a .csv file cannot hold the dashboard sheet: write a copy (-o book-dashboard.xlsx) instead');
  try {
    const target = copyTarget(path, opened, written, 'dashboard');
    const userSheets = workbook.sheets.filter(
      (sheet) => cellText(sheet.rows[0]?.[0] ?? null) !== DASHBOARD_MARKER || sheet.firstRow !== 1,
    );
    const budget = budgetCells(workbook);
    const { plan, summary, pmoData } = buildDashboard({
      sheets: userSheets,
      today,
      builtAt: localStamp(now),
      ...(budget && { budgetCells: budget }),
      mapping,
    });
    if (summary.tablesFound.length === 0)
      return fail(
        'no PMO tables found (Resources, Assignments, Time off, Initiatives, Risks): nothing to build a dashboard from; pmo inspect shows what was seen',
      );
    const input = csv ? csvPackage(workbook.sheets) : bytes;
    const sheet = addDashboardWithHistory(input, plan, pmoData, io.limits);
    if ('kind' in sheet) return fail(sheet.message);
    const done = saveCopy(opened, sheet, target, io.limits);
    const unchanged = inPlace ? '' : '; the input file is unchanged';
    io.stdout.write(
      [
        `${sanitizeText(basename(path))}: ${sheet.replaced ? 'rebuilt' : 'added'} the sheet "${sanitizeText(sheet.sheetName)}"${unchanged}.`,
        ...summaryLines(summary),
        done,
        '',
      ].join('\n'),
    );
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    io.stderr.write(`pmo: ${error.message}\n`);
    return EXIT_FAILURE;
  }
}

// ------------------------------------------------------------------------------------------------
// Entry point: run only when executed directly (also as the esbuild bundle behind an npm bin symlink).

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  });
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
}
