// The Apps Script runtime around Code.js: a global scope holding the services of a fake spreadsheet, the script
// evaluated in it, cell-formula calls of the custom functions under Apps Script's documented rules, and the server
// half of google.script.run. Each rule is one named function below, citing the page that states it.
//
// Main sources:
// - "Custom Functions in Google Sheets" — https://developers.google.com/apps-script/guides/sheets/functions
// - "Quotas for Google Services" — https://developers.google.com/apps-script/guides/services/quotas
// - "HTML Service: Communicate with Server Functions" — https://developers.google.com/apps-script/guides/html/communication
// - "Class google.script.run (Client-side API)" — https://developers.google.com/apps-script/guides/html/reference/run

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Context, createContext, Script } from 'node:vm';
import type { WorkbookSeed } from '../workbook-seed';
import { SheetsHost, seedSpreadsheet } from './spreadsheet';

const CODE_PATH = join(import.meta.dirname, '../../../dist/gsheets/Code.js');

/** The built Code.js (dist/gsheets/Code.js, built by the vitest global setup). */
export function readBuiltCode(): string {
  return readFileSync(CODE_PATH, 'utf8');
}

const compiled = new Map<string, Script>();

/** Compiles `code` once: Apps Script evaluates the same text again and again, the fake need not re-parse it. */
function compile(code: string): Script {
  let script = compiled.get(code);
  if (!script) {
    script = new Script(code, { filename: 'Code.js' });
    compiled.set(code, script);
  }
  return script;
}

/**
 * Evaluates `code` in a fresh global scope holding `host`'s services and returns that scope. Loading must not
 * touch any service (DESIGN §3; Apps Script evaluates the whole script before every custom-function call and
 * before every google.script.run call, so a service call at load would run every time): any call throws.
 */
export function evaluateScript(host: SheetsHost, code: string = readBuiltCode()): Record<string, unknown> {
  const global: Record<string, unknown> = { ...host.services() };
  const context = createContext(global);
  const previous = host.mode;
  host.mode = 'loading';
  try {
    compile(code).runInContext(context);
  } finally {
    host.mode = previous;
  }
  return global;
}

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

// ---------------------------------------------------------------------------------------------------------------
// Custom functions

/** Custom functions guide, "Return values"/limits: a call "must return within 30 seconds". */
export const CUSTOM_FUNCTION_TIME_LIMIT_MS = 30_000;

/**
 * What the cell shows when the 30 seconds are exceeded. Custom functions guide: the call fails with "Exceeded
 * maximum execution time" (#ERROR! in the cell, that text as its note); quotas page: "Custom function runtime:
 * 30 sec / execution".
 */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

export interface AppsScriptOptions {
  readonly timeZone: string;
  readonly code?: string;
  readonly seed?: WorkbookSeed;
  /** Documentation-silent reading: what an argument left empty between two others (=F(A1,,B1)) arrives as. */
  readonly emptyArgument?: 'undefined' | 'empty-string';
}

export type CustomFunctionResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly shown: '#ERROR!'; readonly message: string };

export interface AppsScriptHost {
  readonly global: Record<string, unknown>;
  readonly serviceCalls: string[];
  readonly evaluations: number;
  callCustomFunction(name: string, args: readonly unknown[]): CustomFunctionResult;
}

/** The objects of the script's own realm, so that what it receives is its own Array and Date. */
interface Realm {
  readonly Array: ArrayConstructor;
  readonly Date: DateConstructor;
}

type Cell = string | number | boolean | Date;

function isCell(value: unknown): value is Cell {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (isDate(value) && !Number.isNaN(value.getTime()))
  );
}

function cellIn(realm: Realm, value: unknown, where: string): Cell {
  if (!isCell(value))
    throw new TypeError(
      `fake Apps Script: ${where} is ${String(value)}; a cell holds a number, text, a boolean, a Date or '' (blank)`,
    );
  return isDate(value) ? new realm.Date(value.getTime()) : value;
}

/**
 * Custom functions guide, "Arguments": "If you call your function with a reference to a range of cells as an
 * argument (like =DOUBLE(A1:B10)), the argument will be a two-dimensional array of the cells' values", while a
 * single cell's reference passes that cell's value — so a 1×1 range arrives as a plain value.
 * "Data types": dates arrive as JavaScript Date objects; an error cell arrives as its text ('#N/A').
 */
function rangeArgument(realm: Realm, value: readonly unknown[], position: number): unknown {
  const rows = value;
  if (
    rows.length === 0 ||
    !rows.every((row) => Array.isArray(row) && row.length === (rows[0] as unknown[]).length)
  )
    throw new TypeError(
      `fake Apps Script: argument ${position + 1} must be a rectangular 2-D array (a range)`,
    );
  const grid = rows as readonly (readonly unknown[])[];
  if ((grid[0]?.length ?? 0) === 0)
    throw new TypeError(`fake Apps Script: argument ${position + 1} has no columns`);
  if (grid.length === 1 && grid[0]?.length === 1)
    return cellIn(realm, grid[0][0], `argument ${position + 1}`);
  return realm.Array.from(grid, (row, r) =>
    realm.Array.from(row, (cell, c) => cellIn(realm, cell, `argument ${position + 1}[${r}][${c}]`)),
  );
}

/**
 * Custom functions guide, "Arguments": only the arguments the user typed are passed — omitted trailing arguments
 * are absent (arguments.length is the count typed). What an argument left empty between two others
 * (=F(A1,,B1)) arrives as is not documented: `emptyArgument` chooses the reading.
 */
function typedArguments(
  realm: Realm,
  args: readonly unknown[],
  emptyArgument: 'undefined' | 'empty-string',
): unknown[] {
  return args.map((arg, position) => {
    if (arg === undefined) return emptyArgument === 'empty-string' ? '' : undefined;
    if (Array.isArray(arg)) return rangeArgument(realm, arg, position);
    return cellIn(realm, arg, `argument ${position + 1}`);
  });
}

/** Custom functions guide: "throw" an error and the cell shows #ERROR! with the error's message as its note. */
function thrownResult(error: unknown): CustomFunctionResult {
  if (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
  )
    return timeLimitResult();
  const message =
    typeof error === 'object' && error !== null && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error);
  return { ok: false, shown: '#ERROR!', message };
}

/** Quotas page / Custom functions guide: a call longer than 30 seconds fails with "Exceeded maximum execution time". */
function timeLimitResult(): CustomFunctionResult {
  return { ok: false, shown: '#ERROR!', message: TIME_LIMIT_MESSAGE };
}

function rejected(reason: string): CustomFunctionResult {
  return {
    ok: false,
    shown: '#ERROR!',
    message: `fake Apps Script: ${reason}; the Custom functions guide ("Return values", "Data types") shows a number, text, a boolean, a Date or a two-dimensional array of them`,
  };
}

/**
 * Custom functions guide, "Return values": "Every custom function must return a value to display": a value shows
 * in the cell, "a two-dimensional array of values" overflows into adjacent cells; "Data types": numbers, strings,
 * booleans and Dates (a Date shows as a date). The guide names nothing else, so the fake rejects everything else —
 * undefined or null (no value to display), NaN and ±Infinity (not a number Sheets holds), a 1-D or ragged array,
 * an empty array, an object — as an #ERROR! whose message says what came back. Where the result goes (spilling
 * over non-empty cells) is not modelled: the call has no cell.
 */
function shownResult(value: unknown): CustomFunctionResult {
  const plain = (cell: unknown): Cell => (isDate(cell) ? new Date(cell.getTime()) : (cell as Cell));
  if (!Array.isArray(value)) {
    if (!isCell(value)) return rejected(`the function returned ${describe(value)}`);
    return { ok: true, value: plain(value) };
  }
  if (value.length === 0) return rejected('the function returned an empty array');
  if (!value.every((row) => Array.isArray(row)))
    return rejected('the function returned a one-dimensional array, not a two-dimensional one');
  const width = (value[0] as unknown[]).length;
  if (width === 0 || !value.every((row) => (row as unknown[]).length === width))
    return rejected('the function returned rows of different lengths');
  const grid: Cell[][] = [];
  for (const [r, row] of (value as unknown[][]).entries()) {
    const line: Cell[] = [];
    for (const [c, cell] of row.entries()) {
      if (!isCell(cell))
        return rejected(`the function returned ${describe(cell)} in row ${r + 1}, column ${c + 1}`);
      line.push(plain(cell));
    }
    grid.push(line);
  }
  return { ok: true, value: grid };
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return String(value);
  if (isDate(value)) return 'an invalid Date';
  return `a value of type ${typeof value}`;
}

/** How long a custom-function call may run (tests of the rule itself shorten it). */
export interface RuntimeLimits {
  readonly callTimeLimitMs: number;
}

/** loadAppsScript with explicit limits, and the spreadsheet behind it. */
export function createAppsScriptHost(
  options: AppsScriptOptions,
  limits: RuntimeLimits = { callTimeLimitMs: CUSTOM_FUNCTION_TIME_LIMIT_MS },
): AppsScriptHost & { readonly sheets: SheetsHost } {
  const sheets = new SheetsHost(options.timeZone);
  if (options.seed) seedSpreadsheet(sheets, options.seed);
  const code = options.code ?? readBuiltCode();
  const emptyArgument = options.emptyArgument ?? 'undefined';
  let global = evaluateScript(sheets, code);
  let evaluations = 1;
  return {
    sheets,
    serviceCalls: sheets.calls,
    get global() {
      return global;
    },
    get evaluations() {
      return evaluations;
    },
    callCustomFunction(name, args) {
      const functionName = name.startsWith('PMO_') ? name : `PMO_${name}`;
      // Custom functions guide, "Optimization": each call is a separate call to the Apps Script server, which
      // evaluates the whole script's top level again: a fresh global scope, nothing kept from an earlier call.
      global = evaluateScript(sheets, code);
      evaluations++;
      if (typeof global[functionName] !== 'function')
        throw new TypeError(`fake Apps Script: Code.js declares no top-level function ${functionName}`);
      const context = global as Context;
      const realm = new Script('({ Array, Date })').runInContext(context) as Realm;
      const passed = typedArguments(realm, args, emptyArgument);
      const slot = '__fakeCustomFunctionArguments';
      global[slot] = passed;
      // Custom functions guide, "Using Apps Script services": "Spreadsheet: Read only (can use most get*()
      // methods, but not set*())" — a change throws "You do not have permission to call X" (spreadsheet.ts).
      sheets.mode = 'custom-function';
      const started = performance.now();
      try {
        const value = new Script(`${functionName}.apply(undefined, ${slot})`).runInContext(context, {
          timeout: limits.callTimeLimitMs,
        });
        if (performance.now() - started > limits.callTimeLimitMs) return timeLimitResult();
        return shownResult(value);
      } catch (error) {
        return thrownResult(error);
      } finally {
        sheets.mode = 'script';
        delete global[slot];
      }
    },
  };
}

/** Loads Code.js as Apps Script does for custom functions (see AppsScriptHost). */
export function loadAppsScript(options: AppsScriptOptions): AppsScriptHost {
  return createAppsScriptHost(options);
}

// ---------------------------------------------------------------------------------------------------------------
// google.script.run, server side

/** What a google.script.run call brings back to the page: the JSON of the result, or the exception's message. */
export type ServerAnswer =
  | { readonly ok: true; readonly json: string | undefined }
  | { readonly ok: false; readonly message: string };

/**
 * Runs top-level function `name` for google.script.run. "HTML Service: Communicate with Server Functions":
 * server functions are top-level; "private functions" — names ending in an underscore — cannot be called from
 * the page; "Legal parameters and return values are JavaScript primitives like a Number, Boolean, String, or null,
 * as well as JavaScript objects and arrays that are composed of primitives, objects and arrays" — so arguments
 * arrive as JSON, and the result travels as JSON with a Date turned into null (DESIGN §7b). A thrown exception
 * reaches the page's failure handler with its message. Each call evaluates Code.js anew (fresh global scope).
 */
export function callServerFunction(
  host: SheetsHost,
  code: string,
  name: string,
  argsJson: string,
): ServerAnswer {
  if (name.endsWith('_')) return { ok: false, message: `Script function not found: ${name}` };
  const global = evaluateScript(host, code);
  const fn = global[name];
  if (typeof fn !== 'function') return { ok: false, message: `Script function not found: ${name}` };
  try {
    const args = JSON.parse(argsJson) as unknown[];
    const result = (fn as (...values: unknown[]) => unknown)(...args);
    const json = JSON.stringify(
      result,
      function (this: Record<string, unknown>, key: string, value: unknown) {
        return isDate(this[key]) ? null : value;
      },
    );
    return { ok: true, json };
  } catch (error) {
    const message =
      typeof error === 'object' && error !== null && 'message' in error
        ? String((error as { message: unknown }).message)
        : String(error);
    return { ok: false, message };
  }
}

/** The names google.script.run offers the page: the script's top-level functions not ending in "_". */
export function serverFunctionNames(global: Record<string, unknown>): string[] {
  return Object.keys(global).filter((name) => typeof global[name] === 'function' && !name.endsWith('_'));
}

// ---------------------------------------------------------------------------------------------------------------
// A spreadsheet with its bound script, for menus, triggers and the sidebar

export interface SpreadsheetScriptOptions {
  readonly timeZone: string;
  /** Code.js text; default: read dist/gsheets/Code.js. */
  readonly code?: string;
  readonly seed?: WorkbookSeed;
  /** Sheets given as values (row-major; '' = blank; Dates as stored dates), after the seed's. */
  readonly sheets?: readonly { readonly name: string; readonly values: readonly (readonly unknown[])[] }[];
  /** The active sheet's name (default: the first sheet). */
  readonly active?: string;
}

/** A spreadsheet, its bound Code.js (evaluated once here, anew for every server call) and google.script.run. */
export interface SpreadsheetScript {
  readonly host: SheetsHost;
  readonly code: string;
  /** The global scope of the first evaluation: the top-level functions of Code.js. */
  readonly global: Record<string, unknown>;
  /** Calls a server function as google.script.run does (see callServerFunction). */
  callServer(name: string, argsJson: string): ServerAnswer;
}

export function loadSpreadsheetScript(options: SpreadsheetScriptOptions): SpreadsheetScript {
  const host = new SheetsHost(options.timeZone);
  if (options.seed) seedSpreadsheet(host, options.seed);
  for (const { name, values } of options.sheets ?? []) host.addSheet(name, values);
  if (options.active !== undefined) {
    const active = host.spreadsheet.sheet(options.active);
    if (!active) throw new Error(`fake Sheets: no sheet ${options.active} to activate`);
    host.spreadsheet.activeSheet = active;
  }
  const code = options.code ?? readBuiltCode();
  const global = evaluateScript(host, code);
  return {
    host,
    code,
    global,
    callServer: (name, argsJson) => callServerFunction(host, code, name, argsJson),
  };
}
