// The one step between a host and the catalog: arity, omitted arguments and defaults, blanks, host error
// values, dates, a single cell given where a range is expected, and each argument converted by its declared
// kind. It never throws: every failure is a PmoError value.

import { type Cell, fitCellText, MAX_CELL_TEXT } from '../cells';
import { serialFromUtcDate } from '../dates';
import { isPmoError, type PmoError, pmoError } from '../errors';
import { convertScalar, defaultOf } from './args';
import { argumentMessages as say } from './messages';
import {
  type FunctionSpec,
  type Grid,
  isRangeParam,
  type OutCell,
  type OutGrid,
  type ParamSpec,
} from './types';

export { fitCellText, MAX_CELL_TEXT };

/** What a host adapter tells `invoke` about its values. */
export interface HostEnvironment {
  /** Day serial of a `Date` cell. Sheets passes midnight in the spreadsheet's time zone; xlsx readers UTC. */
  readonly dateToSerial: (date: Date) => number;
}

export const UTC_DATES: HostEnvironment = { dateToSerial: serialFromUtcDate };

const ERROR_TEXT =
  /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Normalises one host cell value into a core {@link Cell}. */
export function normalizeCell(value: unknown, env: HostEnvironment): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : { kind: 'cell-error', text: '#NUM!' };
  if (typeof value === 'string') {
    if (value.length > 0 && value[0] === '#' && ERROR_TEXT.test(value))
      return { kind: 'cell-error', text: value };
    return value === '' ? null : value;
  }
  if (typeof value === 'boolean') return value;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const date = value as Date;
    return Number.isNaN(date.getTime()) ? null : env.dateToSerial(date);
  }
  if (typeof value === 'object') {
    // An error cell reaching an Excel custom function: a CustomFunctions.Error-like object whose `code` is the
    // error text ("#N/A"), or an Excel.ErrorCellValue whose `basicValue` is. The docs do not say which.
    const error = value as { code?: unknown; errorCode?: unknown; basicValue?: unknown };
    const code = error.code ?? error.errorCode ?? error.basicValue;
    if (typeof code === 'string')
      return { kind: 'cell-error', text: code.startsWith('#') ? code : `#${code}` };
  }
  return { kind: 'cell-error', text: '#VALUE!' };
}

/**
 * True for a host value that the core reads as it is ('#…' may be an error: normalised). An empty string stays one:
 * every reader takes it as blank (isBlank), as it always took a cell of spaces, and both hosts pass "" for empty
 * cells, so keeping it saves copying nearly every row of a real range.
 */
const isCoreCell = (value: unknown): boolean =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : typeof value === 'string'
      ? value[0] !== '#'
      : value === null || typeof value === 'boolean';

/**
 * A host range as a core grid. A row whose cells are all already core cells is used as it is (the grid is read
 * only), so typed columns cost one check per cell and no allocation; other rows are copied cell by cell.
 */
export function normalizeTable(value: unknown, env: HostEnvironment): Grid {
  if (!Array.isArray(value)) return [[normalizeCell(value, env)]];
  // A range holds 100,000 rows, and this is one pass over every cell (DESIGN §9): a plain loop per row.
  return value.map((row: unknown) =>
    Array.isArray(row)
      ? allCoreCells(row)
        ? row
        : row.map((cell) => normalizeCell(cell, env))
      : [normalizeCell(row, env)],
  );
}

function allCoreCells(row: readonly unknown[]): boolean {
  for (let c = 0; c < row.length; c++) if (!isCoreCell(row[c])) return false;
  return true;
}

function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** True when a grid is a block: more than one row and more than one column. */
function isBlock(grid: Grid): boolean {
  return grid.length > 1 && grid.some((row) => row.length > 1);
}

/** Converts one host argument for `param`: a grid for a range kind, a checked value for a scalar kind. */
function convertArgument(
  spec: FunctionSpec,
  param: ParamSpec,
  value: unknown,
  env: HostEnvironment,
): unknown {
  if (isRangeParam(param)) {
    if (isOmitted(value)) return param.optional ? undefined : say.missingTable(spec.name, param.name);
    const grid = normalizeTable(value, env);
    return param.kind === 'column' && isBlock(grid) ? say.notOneColumn(spec.name, param.name) : grid;
  }
  if (Array.isArray(value) && (value.length > 1 || (Array.isArray(value[0]) && value[0].length > 1)))
    return say.notSingleValue(spec.name, param.name);
  const scalar = Array.isArray(value) ? (Array.isArray(value[0]) ? value[0][0] : value[0]) : value;
  const cell = isOmitted(scalar) ? null : normalizeCell(scalar, env);
  if (cell === null) return param.optional ? defaultOf(param) : say.missing(spec.name, param.name);
  return convertScalar(spec.name, param, cell);
}

/** Called by the last guard for each number it had to fix; tests set it to prove no kernel relies on the guard. */
let nonFiniteReporter: ((name: string, row: number, column: number, value: number) => void) | undefined;

/**
 * A test hook: while `reporter` is set, the last guard still fixes a NaN or an Infinity in a result cell and also
 * reports it (function, 0-based row and column, the number). `undefined` turns reporting off.
 */
export function setNonFiniteReporter(
  reporter: ((name: string, row: number, column: number, value: number) => void) | undefined,
): void {
  nonFiniteReporter = reporter;
}

function fitError(error: PmoError): PmoError {
  return error.message.length > MAX_CELL_TEXT ? pmoError(error.code, fitCellText(error.message)) : error;
}

/**
 * The last guard of the contract "never NaN, never Infinity, no cell over 32,767 characters": a number a
 * function could not hold becomes an error value in its cell that says so, and a longer text (a name, a
 * message) is cut with a note. Kernels check their own magnitudes; this guard only catches what they missed.
 */
function fitCells(name: string, result: OutGrid | PmoError): OutGrid | PmoError {
  if (isPmoError(result)) return fitError(result);
  // Index loops: a spilled grid holds 100,000 cells, and an entry pair per cell is garbage to collect.
  for (let r = 0; r < result.length; r++) {
    const row = result[r] as OutCell[];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'number') {
        if (Number.isFinite(cell)) continue;
        nonFiniteReporter?.(name, r, c, cell);
        row[c] = pmoError('value', `${name}: the result is beyond what a number can hold (inputs too large)`);
      } else if (typeof cell === 'string') row[c] = fitCellText(cell);
      else if (isPmoError(cell)) row[c] = fitError(cell);
    }
  }
  return result;
}

/**
 * Calls `spec` with host-shaped arguments and returns its result grid or a typed error. Never throws.
 * Every argument is converted by its parameter's kind before `run`; the first bad one is the result.
 * Omitted optional arguments may be null (Excel), undefined (Sheets) or "" (an empty cell reference).
 */
export function invoke(
  spec: FunctionSpec,
  hostArgs: readonly unknown[],
  env: HostEnvironment = UTC_DATES,
): OutGrid | PmoError {
  try {
    let argCount = hostArgs.length;
    while (argCount > 0 && hostArgs[argCount - 1] === undefined) argCount--;
    if (argCount > spec.params.length) return say.tooMany(spec.name, spec.params.length, argCount);
    const args: unknown[] = [];
    for (const [i, param] of spec.params.entries()) {
      const converted = convertArgument(spec, param, hostArgs[i], env);
      if (isPmoError(converted)) return converted;
      args.push(converted);
    }
    return fitCells(spec.name, spec.run(args));
  } catch (error) {
    return pmoError(
      'value',
      `Internal error in ${spec.name}, please report it: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
