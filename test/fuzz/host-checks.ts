// One fuzz call through one host, and what went wrong with it: the built Excel bundle in the custom-functions fake,
// the built Code.js in the Apps Script fake, or the catalog sources through `invoke`. A finding is one broken
// promise of the contract (DESIGN §10): a throw, an internal error, a non-finite number, a ragged result, a cell
// longer than a spreadsheet holds, a call over the deadline, a changed input, the finite guard needed.

import { isDeepStrictEqual } from 'node:util';
import { isPmoError } from '../../core/errors';
import { invoke } from '../../core/functions/invoke';
import { type FunctionSpec, isRangeParam, type OutGrid } from '../../core/functions/types';
import { type ExcelCustomFunctionsOptions, FakeCustomFunctionsError } from '../fakes/excel';
import { type AppsScriptOptions, TIME_LIMIT_MESSAGE } from '../fakes/sheets';
import { callExcel, callSheets, lastExcelArguments } from '../hosts/host-calls';
import type { FuzzArg, FuzzCell, FuzzGrid } from './hostile-cells';

export type Host = 'Excel' | 'Sheets' | 'source';
export const FINDING_KINDS = [
  'throw',
  'internal error',
  'non-finite number',
  'not rectangular',
  'not a cell value',
  'cell over 32,767 characters',
  'over the deadline',
  'input changed',
  'finite guard fired',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  readonly host: Host;
  readonly kind: FindingKind;
  readonly detail: string;
}

export interface CallOutcome {
  readonly findings: readonly Finding[];
  /** CPU time of the call in this process, in milliseconds (see `timed`). */
  readonly ms: number;
  /** True when the function returned a table rather than one whole-function error (the call reached the kernel). */
  readonly table: boolean;
}

/** Per-call deadline, in CPU milliseconds: far above any healthy call, far below Sheets' 30 s limit. */
export const DEADLINE_MS = 10_000;
/** The most characters a cell holds (Excel's limit; Sheets holds 50,000). */
export const MAX_CELL_TEXT = 32_767;

/** The two readings the documentation leaves open (see test/hosts/contract.test.ts), by index. */
const EXCEL_READINGS: readonly ExcelCustomFunctionsOptions[] = [
  { blankCell: '', errorCell: 'custom-functions-error' },
  { blankCell: null, errorCell: 'error-cell-value' },
];
const SHEETS_READINGS: readonly Pick<AppsScriptOptions, 'emptyArgument'>[] = [
  { emptyArgument: 'undefined' },
  { emptyArgument: 'empty-string' },
];
/** Sheets runs in UTC so that a date cell is a Date at UTC midnight of its serial. */
const SHEETS_TIME_ZONE = 'UTC';
const DAY_MS = 86_400_000;
const EPOCH_SERIAL = 25_569;

const isGrid = (arg: FuzzArg): arg is FuzzGrid => Array.isArray(arg);

function mapArg(arg: FuzzArg, cell: (value: FuzzCell) => unknown): unknown {
  if (arg === undefined) return undefined;
  return isGrid(arg) ? arg.map((row) => row.map(cell)) : cell(arg);
}

const excelCell = (cell: FuzzCell): unknown =>
  typeof cell === 'object' && cell !== null ? ('day' in cell ? cell.day : { error: cell.error }) : cell;

/** Sheets only passes rectangular, non-empty ranges: a ragged one is padded with blanks, an empty one is one blank. */
function sheetsArg(arg: FuzzArg): unknown {
  const cell = (value: FuzzCell): unknown =>
    typeof value === 'object' && value !== null && 'day' in value
      ? new Date((value.day - EPOCH_SERIAL) * DAY_MS)
      : value;
  if (!isGrid(arg)) return mapArg(arg, cell);
  const width = Math.max(0, ...arg.map((row) => row.length));
  if (width === 0) return [[null]];
  return arg.map((row) => Array.from({ length: width }, (_, c) => cell(row[c] ?? null)));
}

/** What the source run passes `invoke`: Excel's shapes, with error cells as their text. */
function sourceArg(arg: FuzzArg): unknown {
  return mapArg(arg, (cell) =>
    typeof cell === 'object' && cell !== null ? ('day' in cell ? cell.day : cell.error) : cell,
  );
}

/**
 * Runs `call` and measures the CPU time this process spent on it. CPU time, not the wall clock: the suite shares
 * its machine with other test files and jobs, and a deadline on wall time would fail whenever the machine is busy.
 */
function timed<T>(call: () => T): { value: T; ms: number } {
  const started = process.cpuUsage();
  const value = call();
  const spent = process.cpuUsage(started);
  return { value, ms: (spent.user + spent.system) / 1000 };
}

/** Findings about result cells, whatever the host: numbers finite, text within a cell's limit, no internal error. */
export function cellFindings(host: Host, cells: readonly unknown[]): Finding[] {
  const findings: Finding[] = [];
  for (const cell of cells) {
    const text =
      typeof cell === 'string'
        ? cell
        : typeof cell === 'object' && cell !== null && 'message' in cell
          ? String((cell as { message?: unknown }).message ?? '')
          : '';
    const serial =
      typeof cell === 'object' && cell !== null ? (cell as { serial?: unknown }).serial : undefined;
    const number = typeof cell === 'number' ? cell : typeof serial === 'number' ? serial : 0;
    if (!Number.isFinite(number)) findings.push({ host, kind: 'non-finite number', detail: String(number) });
    if (text.includes('Internal error')) findings.push({ host, kind: 'internal error', detail: text });
    if (text.length > MAX_CELL_TEXT)
      findings.push({ host, kind: 'cell over 32,767 characters', detail: `${text.length} characters` });
  }
  return findings;
}

function rectangular(grid: readonly (readonly unknown[])[]): boolean {
  const width = grid[0]?.length ?? 0;
  return width > 0 && grid.every((row) => row.length === width);
}

function deadline(host: Host, ms: number): Finding[] {
  return ms > DEADLINE_MS ? [{ host, kind: 'over the deadline', detail: `${Math.round(ms)} ms of CPU` }] : [];
}

/** What the Excel fake hands the implementation for `args` (see excelArgument and cellValue there). */
function expectedExcelArguments(spec: FunctionSpec, args: readonly FuzzArg[], reading: number): unknown[] {
  const options = EXCEL_READINGS[reading] ?? {};
  const cell = (value: FuzzCell): unknown => {
    const shown = excelCell(value);
    if (shown === null || shown === '') return options.blankCell;
    if (typeof shown !== 'object') return shown;
    const code = (shown as { error: string }).error;
    return options.errorCell === 'error-cell-value'
      ? { type: 'Error', basicType: 'Error', basicValue: code }
      : new FakeCustomFunctionsError(code);
  };
  return spec.params.map((param, i) => {
    const arg = args[i];
    if (arg === undefined) return null;
    if (isRangeParam(param)) return isGrid(arg) ? arg.map((row) => row.map(cell)) : [[cell(arg)]];
    return cell(isGrid(arg) ? (arg[0]?.[0] ?? null) : arg);
  });
}

/** Sorts a message of callExcel (the fake's violations) into a finding; anything else is a defect of the suite. */
export function excelViolation(error: unknown): Finding {
  const message = error instanceof Error ? error.message : String(error);
  const kind: FindingKind | undefined = /the number/.test(message)
    ? 'non-finite number'
    : /rows of different lengths|not a non-empty 2-D array/.test(message)
      ? 'not rectangular'
      : /: threw /.test(message)
        ? 'throw'
        : /a cell holding/.test(message)
          ? 'not a cell value'
          : undefined;
  if (!kind) throw error;
  return { host: 'Excel', kind, detail: message.replace(/^.*?cannot show: /, '') };
}

/** One call through the built Excel bundle. */
export function excelOutcome(spec: FunctionSpec, args: readonly FuzzArg[], reading: number): CallOutcome {
  const options = EXCEL_READINGS[reading] ?? {};
  const { value, ms } = timed(() => {
    try {
      return callExcel(
        spec.name,
        args.map((arg) => mapArg(arg, excelCell)),
        options,
      );
    } catch (error) {
      return excelViolation(error);
    }
  });
  const findings = deadline('Excel', ms);
  if (!Array.isArray(value)) return { findings: [...findings, value], ms, table: false };
  findings.push(...cellFindings('Excel', value.flat()));
  if (!rectangular(value)) findings.push({ host: 'Excel', kind: 'not rectangular', detail: 'ragged rows' });
  const received = lastExcelArguments(options)?.slice(0, spec.params.length);
  if (!isDeepStrictEqual(received, expectedExcelArguments(spec, args, reading)))
    findings.push({
      host: 'Excel',
      kind: 'input changed',
      detail: 'the arguments Excel passed were modified',
    });
  const only = value.length === 1 && value[0]?.length === 1 ? value[0][0] : undefined;
  return { findings, ms, table: typeof only !== 'object' };
}

/** A message Sheets shows with #ERROR! that comes from a crash rather than from the function's own checks. */
const CRASH =
  /is not a function|Cannot (?:read|set) propert|is not iterable|is not defined|Maximum call stack|Invalid (?:array|string) length|out of memory|is not a constructor|undefined|TypeError|RangeError/;

export function sheetsThrow(message: string): Finding | undefined {
  if (message === TIME_LIMIT_MESSAGE) return { host: 'Sheets', kind: 'over the deadline', detail: message };
  if (message.includes('Internal error')) return { host: 'Sheets', kind: 'internal error', detail: message };
  if (message.startsWith('fake Apps Script:')) {
    const kind: FindingKind = /returned (?:-?Infinity|NaN)/.test(message)
      ? 'non-finite number'
      : /different lengths|one-dimensional|empty array/.test(message)
        ? 'not rectangular'
        : 'not a cell value';
    return { host: 'Sheets', kind, detail: message.replace(/; the Custom functions guide.*$/, '') };
  }
  if (message.length > MAX_CELL_TEXT)
    return {
      host: 'Sheets',
      kind: 'cell over 32,767 characters',
      detail: `a ${message.length}-character message`,
    };
  return CRASH.test(message) ? { host: 'Sheets', kind: 'throw', detail: message } : undefined;
}

/** One call through the built Code.js; a thrown error with the function's own message is a correct result. */
export function sheetsOutcome(spec: FunctionSpec, args: readonly FuzzArg[], reading: number): CallOutcome {
  const { value, ms } = timed(() =>
    callSheets(spec.name, args.map(sheetsArg), SHEETS_TIME_ZONE, SHEETS_READINGS[reading] ?? {}),
  );
  const findings = deadline('Sheets', ms);
  if (!value.ok) {
    const finding = sheetsThrow(value.message);
    return { findings: finding ? [...findings, finding] : findings, ms, table: false };
  }
  const grid = Array.isArray(value.value) ? (value.value as unknown[][]) : [[value.value]];
  findings.push(...cellFindings('Sheets', grid.flat()));
  if (!rectangular(grid)) findings.push({ host: 'Sheets', kind: 'not rectangular', detail: 'ragged rows' });
  return { findings, ms, table: true };
}

/** What the finite guard of `invoke` reports while a source call runs (set by the guard test). */
export interface GuardLog {
  readonly fired: string[];
}

/**
 * One call through the sources: `invoke` with the catalog spec, its `run` wrapped to prove it leaves its converted
 * arguments as it found them. `guard.fired` collects what the finite guard reported during the call.
 */
export function sourceOutcome(spec: FunctionSpec, args: readonly FuzzArg[], guard: GuardLog): CallOutcome {
  const findings: Finding[] = [];
  const watched: FunctionSpec = {
    ...spec,
    run: (converted) => {
      const before = structuredClone(converted);
      const result = spec.run(converted);
      if (!isDeepStrictEqual(converted, before))
        findings.push({
          host: 'source',
          kind: 'input changed',
          detail: 'run changed its converted arguments',
        });
      return result;
    },
  };
  const firedBefore = guard.fired.length;
  const { value, ms } = timed(() => invoke(watched, args.map(sourceArg)));
  findings.push(...deadline('source', ms));
  for (const fired of guard.fired.slice(firedBefore))
    findings.push({ host: 'source', kind: 'finite guard fired', detail: fired });
  if (isPmoError(value)) {
    findings.push(...cellFindings('source', [value]));
    return { findings, ms, table: false };
  }
  const grid: OutGrid = value;
  findings.push(...cellFindings('source', grid.flat()));
  if (!rectangular(grid)) findings.push({ host: 'source', kind: 'not rectangular', detail: 'ragged rows' });
  return { findings, ms, table: true };
}
