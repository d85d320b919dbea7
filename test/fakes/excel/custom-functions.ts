// A fake of Excel's custom-functions runtime, written from Microsoft's documentation: it loads the built
// dist/excel/functions.js headless, reads dist/excel/functions.json as Excel does, and evaluates a formula
// =PMO.NAME(...) by calling the associated function with exactly the arguments Excel passes (one per declared
// parameter, null for an omitted optional one, then the Invocation object), then shows the result as Excel would
// (errors by code, messages only where Excel shows them). Every rule is one named function citing its page.
// Where the documentation is silent, the reading is an option so that tests can run both.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { pageScripts } from './page-scripts';

const DIST = join(import.meta.dirname, '../../../dist/excel');

// The pages cited below, by the short names the comments use:
// PARAMETER_OPTIONS  "Custom functions parameter options",
//                    https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options
// ERRORS_PAGE        "Handle and return errors from your custom function",
//                    https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors
// JSON_PAGE          "Manually create JSON metadata for custom functions",
//                    https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json

/**
 * `CustomFunctions.ErrorCode`: the enum's values are the error texts Excel shows
 * (@types/custom-functions-runtime, `enum ErrorCode`; "CustomFunctions.ErrorCode enum",
 * https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.errorcode).
 */
export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export type ExcelErrorText = (typeof ERROR_CODES)[keyof typeof ERROR_CODES] | '#CALC!' | '#SPILL!';

/**
 * `CustomFunctions.Error` (CustomFunctionsRuntime 1.2): a code and an optional message. The class page says custom
 * messages "are only available with certain error codes" and the errors page names them: #VALUE! and #N/A
 * ("CustomFunctions.Error class", https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.error).
 */
export class FakeCustomFunctionsError {
  readonly code: string;
  readonly message: string | undefined;
  constructor(code: string, message?: string) {
    if (!Object.values(ERROR_CODES).includes(code as never))
      throw new TypeError(`CustomFunctions.Error: ${String(code)} is not a CustomFunctions.ErrorCode`);
    this.code = code;
    this.message = message;
  }
}

/** A worksheet cell as a formula argument sees it: a value, or an error cell such as `{ error: '#N/A' }`. */
export type ExcelCell = number | string | boolean | null | { readonly error: ExcelErrorText };

/**
 * One argument as typed in the formula: a range (rows of cells), a single value, or `undefined` when the user left
 * it out. Dates are serial numbers, as Excel stores them.
 */
export type ExcelFormulaArgument = readonly (readonly ExcelCell[])[] | ExcelCell | undefined;

/** What one result cell shows: a value, or an error code with the message Excel shows beside it (if any). */
export type ExcelShownCell =
  | number
  | string
  | boolean
  | { readonly error: ExcelErrorText | string; readonly message?: string };

export interface ExcelCustomFunctionsOptions {
  /**
   * How an empty cell inside a range arrives. Office.js reads empty cells as "" (`Range.values`), and DESIGN §3
   * says so; the custom-functions pages do not say, so tests run both readings.
   */
  readonly blankCell?: '' | null;
  /**
   * How an error cell arrives when `allowErrorForDataTypeAny` is set. The errors page says the function "can
   * evaluate even if the input range contains an error" but not in what form: as a `CustomFunctions.Error`, or as
   * an `Excel.ErrorCellValue` (`{ type: "Error", basicValue: "#N/A", errorType }`, the data-types form).
   */
  readonly errorCell?: 'custom-functions-error' | 'error-cell-value';
  /** functions.js and functions.json to load; default: the built ones in dist/excel. */
  readonly code?: string;
  readonly metadata?: ExcelFunctionsMetadata;
  /** More globals for the script's scope (the fake's own tests use it to steer a tiny functions.js). */
  readonly globals?: Readonly<Record<string, unknown>>;
  /**
   * Family scripts (dist/excel/risk-functions.js…) already on the page, as after an earlier call of one of their
   * functions loaded them: their functions then answer at once. Default none: the first call loads the script and
   * answers with a Promise (`evaluate` shows #BUSY!, `evaluateSettled` waits).
   */
  readonly loadedScripts?: readonly string[];
  /** Family scripts the page cannot fetch (a dropped connection): adding them to the page fires `error`. */
  readonly unreachableScripts?: readonly string[];
}

interface ParameterMetadata {
  readonly name: string;
  readonly type?: string;
  readonly dimensionality?: 'scalar' | 'matrix';
  readonly optional?: boolean;
  readonly repeating?: boolean;
}

interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly ParameterMetadata[];
  readonly result: { readonly dimensionality?: 'scalar' | 'matrix'; readonly type?: string };
}

export interface ExcelFunctionsMetadata {
  readonly allowErrorForDataTypeAny?: boolean;
  readonly functions: readonly FunctionMetadata[];
}

export interface ExcelCallRecord {
  readonly id: string;
  /** Exactly what the implementation received, Invocation included. */
  readonly received: readonly unknown[];
}

export interface ExcelCustomFunctionsHost {
  readonly metadata: ExcelFunctionsMetadata;
  /** Ids registered with `CustomFunctions.associate`, in order. */
  readonly associated: readonly string[];
  /** Every call made to an implementation. */
  readonly calls: ExcelCallRecord[];
  /**
   * Evaluates `=PMO.<id>(args…)` in a cell and returns what the cells show. Throws (a test failure, not a host
   * result) when Excel would refuse to enter the formula: an unknown function or a wrong argument count.
   */
  evaluate(id: string, args: readonly ExcelFormulaArgument[]): ExcelShownCell[][];
  /**
   * The same, then what the cells show once a returned Promise has settled: Excel shows #BUSY! while it waits, then
   * the value ("#BUSY!", the custom function has not returned yet).
   */
  evaluateSettled(id: string, args: readonly ExcelFormulaArgument[]): Promise<ExcelShownCell[][]>;
  /** What the implementation returned on the last call, before Excel showed it. */
  readonly lastReturned: unknown;
  /** The scripts functions.js added to the page, in order. */
  readonly requestedScripts: readonly string[];
}

function isErrorCell(cell: unknown): cell is { readonly error: ExcelErrorText } {
  return typeof cell === 'object' && cell !== null && 'error' in cell;
}

function isRange(arg: ExcelFormulaArgument): arg is readonly (readonly ExcelCell[])[] {
  return Array.isArray(arg);
}

/**
 * Excel checks the argument count when the formula is entered: between the required count and the declared count
 * (optional parameters "appear in brackets", PARAMETER_OPTIONS, *Optional parameters*). A formula outside that
 * range is never calculated, so the fake refuses it as a test error.
 */
function checkArgumentCount(fn: FunctionMetadata, args: readonly ExcelFormulaArgument[]): void {
  const required = fn.parameters.filter((param) => !param.optional && !param.repeating).length;
  let typed = args.length;
  while (typed > 0 && args[typed - 1] === undefined) typed--;
  if (typed > fn.parameters.length)
    throw new Error(
      `Excel refuses =PMO.${fn.id}: ${typed} arguments for ${fn.parameters.length} parameters.`,
    );
  for (let i = 0; i < required; i++)
    if (args[i] === undefined)
      throw new Error(
        `Excel refuses =PMO.${fn.id}: the required argument ${fn.parameters[i]?.name} is missing.`,
      );
}

/**
 * The error cells of the arguments. Without `allowErrorForDataTypeAny` Excel does not call the function when an
 * argument holds an error: the formula shows that error (JSON_PAGE, *allowErrorForDataTypeAny*: "allows a custom
 * function to process errors as input values", default false; ERRORS_PAGE, *Errors as custom function inputs*).
 */
function firstErrorCell(args: readonly ExcelFormulaArgument[]): ExcelErrorText | undefined {
  for (const arg of args) {
    if (isErrorCell(arg)) return arg.error;
    if (isRange(arg)) for (const row of arg) for (const cell of row) if (isErrorCell(cell)) return cell.error;
  }
  return undefined;
}

/**
 * One argument as Excel passes it: a `matrix` parameter receives a 2-D array (a single value becomes 1×1, "Excel
 * will pass a range of cell data as a two-dimensional array", PARAMETER_OPTIONS, *Range parameters*); a `scalar`
 * parameter receives a value (a 1×1 range gives its cell); an omitted optional parameter receives `null` ("When no
 * value is specified for an optional parameter, Excel assigns it the value null", *Optional parameters*).
 */
function excelArgument(
  param: ParameterMetadata,
  arg: ExcelFormulaArgument,
  cell: (value: ExcelCell) => unknown,
  id: string,
): unknown {
  if (arg === undefined) return null;
  if (param.dimensionality === 'matrix') {
    const rows = isRange(arg) ? arg : [[arg]];
    return rows.map((row) => row.map(cell));
  }
  if (isRange(arg)) {
    if (arg.length === 1 && arg[0]?.length === 1) return cell(arg[0][0] ?? null);
    // Excel "lifts" a scalar function over a range (one call per cell); our catalog never relies on it.
    throw new Error(`the fake does not model a range given to the scalar parameter ${param.name} of ${id}`);
  }
  return cell(arg);
}

/**
 * The Invocation object Excel appends after the declared arguments, always ("Every custom function is
 * automatically passed an invocation argument as the last argument ... Even if you declare no parameters",
 * PARAMETER_OPTIONS, *Invocation parameter*; "CustomFunctions.Invocation interface",
 * https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.invocation): `address` and
 * `parameterAddresses` are undefined unless the metadata requests them.
 */
function invocationFor(fn: FunctionMetadata): object {
  return {
    functionName: fn.name,
    address: undefined,
    parameterAddresses: undefined,
    isInValuePreview: false,
  };
}

/** How Excel shows an error value: its code, and its message only for #VALUE! and #N/A (ERRORS_PAGE). */
function shownError(error: FakeCustomFunctionsError): ExcelShownCell {
  const withMessage = error.code === ERROR_CODES.invalidValue || error.code === ERROR_CODES.notAvailable;
  return withMessage && error.message !== undefined
    ? { error: error.code, message: error.message }
    : { error: error.code };
}

/**
 * How Excel shows what a `matrix` function returned: a rectangular 2-D array of numbers, text, booleans and
 * `CustomFunctions.Error` values ("Returns the #NUM! error as part of a 2-dimensional array", the Error class page).
 * Anything else is a defect of the add-in, never a value a user would trust: NaN and ±Infinity show #NUM!, a
 * ragged or empty array #VALUE!, and `violations` says what was wrong so a test can fail on it.
 */
function showMatrix(returned: unknown, violations: string[]): ExcelShownCell[][] {
  if (!Array.isArray(returned) || returned.length === 0 || !returned.every(Array.isArray)) {
    violations.push(`not a non-empty 2-D array: ${String(returned)}`);
    return [[{ error: ERROR_CODES.invalidValue }]];
  }
  const width = (returned[0] as unknown[]).length;
  if (width === 0 || returned.some((row: unknown[]) => row.length !== width)) {
    violations.push('rows of different lengths');
    return [[{ error: ERROR_CODES.invalidValue }]];
  }
  return returned.map((row: unknown[]) =>
    row.map((cell): ExcelShownCell => {
      if (cell instanceof FakeCustomFunctionsError) return shownError(cell);
      if (typeof cell === 'number') {
        if (Number.isFinite(cell)) return cell;
        violations.push(`the number ${cell}`);
        return { error: ERROR_CODES.invalidNumber };
      }
      if (typeof cell === 'string' || typeof cell === 'boolean') return cell;
      violations.push(`a cell holding ${String(cell)}`);
      return { error: ERROR_CODES.invalidValue };
    }),
  );
}

/** Loads functions.js in a fresh global scope with no DOM, as the shared runtime's headless start does. */
export function loadExcelCustomFunctions(
  options: ExcelCustomFunctionsOptions = {},
): ExcelCustomFunctionsHost & {
  /** What went wrong in results Excel could not show faithfully (must stay empty). */
  readonly violations: string[];
} {
  const metadata: ExcelFunctionsMetadata =
    options.metadata ?? JSON.parse(readFileSync(join(DIST, 'functions.json'), 'utf8'));
  const code = options.code ?? readFileSync(join(DIST, 'functions.js'), 'utf8');
  const blank = options.blankCell === undefined ? '' : options.blankCell;
  const errorReading = options.errorCell ?? 'custom-functions-error';
  const implementations = new Map<string, (...args: unknown[]) => unknown>();
  const associated: string[] = [];
  const calls: ExcelCallRecord[] = [];
  const violations: string[] = [];
  let lastReturned: unknown;

  const CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode: ERROR_CODES,
    /**
     * Associates an id of functions.json with its implementation; the id must be in the metadata ("Make sure
     * there is an association, otherwise the function won't be registered", JSON_PAGE).
     */
    associate(id: string, implementation: (...args: unknown[]) => unknown) {
      if (!metadata.functions.some((fn) => fn.id === id))
        throw new Error(`CustomFunctions.associate: ${id} is not in functions.json`);
      if (implementations.has(id)) throw new Error(`CustomFunctions.associate: ${id} associated twice`);
      if (typeof implementation !== 'function') throw new TypeError(`${id}: not a function`);
      implementations.set(id, implementation);
      associated.push(id);
    },
  };
  const scope = createContext({ ...options.globals, CustomFunctions });
  runInContext(code, scope);
  // The page's document is there only after functions.js has run: a functions.js that touched the DOM while it
  // loads (DESIGN §3: it must not, so it can load headless) fails here.
  const page = pageScripts(DIST, (script) => runInContext(script, scope), options.unreachableScripts);
  scope.document = page.document;
  for (const script of options.loadedScripts ?? [])
    runInContext(readFileSync(join(DIST, script), 'utf8'), scope);

  const cellValue = (value: ExcelCell): unknown => {
    if (value === null || value === '') return blank;
    if (isErrorCell(value))
      return errorReading === 'custom-functions-error'
        ? new FakeCustomFunctionsError(value.error)
        : { type: 'Error', basicType: 'Error', basicValue: value.error };
    return value;
  };

  return {
    metadata,
    associated,
    calls,
    violations,
    get lastReturned() {
      return lastReturned;
    },
    requestedScripts: page.requested,
    evaluate(id, args) {
      const shown = call(id, args);
      return 'pending' in shown ? [[{ error: '#BUSY!' }]] : shown.cells;
    },
    async evaluateSettled(id, args) {
      const shown = call(id, args);
      if (!('pending' in shown)) return shown.cells;
      try {
        lastReturned = await shown.pending;
      } catch (rejected) {
        // A rejected Promise shows #VALUE!, as a thrown error does (ERRORS_PAGE, *Use try...catch*).
        violations.push(`rejected with ${String(rejected)}`);
        return [[{ error: ERROR_CODES.invalidValue }]];
      }
      return shownResult(
        metadata.functions.find((candidate) => candidate.id === id),
        lastReturned,
      );
    },
  };

  function shownResult(fn: FunctionMetadata | undefined, returned: unknown): ExcelShownCell[][] {
    if (fn?.result.dimensionality !== 'matrix') {
      violations.push('the fake models matrix results only');
      return [[{ error: ERROR_CODES.invalidValue }]];
    }
    return showMatrix(returned, violations);
  }

  function call(
    id: string,
    args: readonly ExcelFormulaArgument[],
  ): { cells: ExcelShownCell[][] } | { pending: Promise<unknown> } {
    const fn = metadata.functions.find((candidate) => candidate.id === id);
    const implementation = implementations.get(id);
    if (!fn || !implementation) return { cells: [[{ error: ERROR_CODES.invalidName }]] };
    checkArgumentCount(fn, args);
    const blocked = metadata.allowErrorForDataTypeAny === true ? undefined : firstErrorCell(args);
    if (blocked) return { cells: [[{ error: blocked }]] };
    const received = [
      ...fn.parameters.map((param, i) => excelArgument(param, args[i], cellValue, id)),
      invocationFor(fn),
    ];
    calls.push({ id, received });
    try {
      lastReturned = implementation(...received);
    } catch (thrown) {
      // A thrown CustomFunctions.Error shows its code; anything else shows #VALUE! (ERRORS_PAGE, *Use try...catch*).
      lastReturned = thrown;
      if (thrown instanceof FakeCustomFunctionsError) return { cells: [[shownError(thrown)]] };
      violations.push(`threw ${String(thrown)}`);
      return { cells: [[{ error: ERROR_CODES.invalidValue }]] };
    }
    if (typeof (lastReturned as { then?: unknown } | null)?.then === 'function')
      return { pending: lastReturned as Promise<unknown> };
    return { cells: shownResult(fn, lastReturned) };
  }
}
