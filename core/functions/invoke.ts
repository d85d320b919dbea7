// The one step between a host and the catalog: arity, omitted arguments, blanks, host error values, dates,
// and a single cell given where a range is expected. It never throws: every failure is a PmoError value.

import type { Cell } from '../cells';
import { serialFromUtcDate } from '../dates';
import { type PmoError, pmoError } from '../errors';
import type { Arg, FunctionSpec, OutGrid } from './types';

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

function normalizeTable(value: unknown, env: HostEnvironment): readonly (readonly Cell[])[] {
  if (!Array.isArray(value)) return [[normalizeCell(value, env)]];
  return value.map((row) =>
    Array.isArray(row) ? row.map((cell) => normalizeCell(cell, env)) : [normalizeCell(row, env)],
  );
}

function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * Calls `spec` with host-shaped arguments and returns its result grid or a typed error. Never throws.
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
    if (argCount > spec.params.length) {
      return pmoError(
        'value',
        `${spec.name} takes at most ${spec.params.length} arguments; it was given ${argCount}.`,
      );
    }
    const args: Arg[] = [];
    for (let i = 0; i < spec.params.length; i++) {
      const param = spec.params[i];
      if (!param) continue;
      const value = hostArgs[i];
      if (param.kind === 'table') {
        if (isOmitted(value)) {
          if (!param.optional)
            return pmoError(
              'value',
              `${spec.name} needs ${param.name}: a range that includes its header row.`,
            );
          args.push(undefined);
          continue;
        }
        args.push(normalizeTable(value, env));
        continue;
      }
      const scalar = Array.isArray(value) ? (Array.isArray(value[0]) ? value[0][0] : value[0]) : value;
      if (Array.isArray(value) && (value.length > 1 || (Array.isArray(value[0]) && value[0].length > 1))) {
        return pmoError('value', `${spec.name}'s ${param.name} must be a single value, not a range.`);
      }
      if (isOmitted(scalar)) {
        if (!param.optional) return pmoError('value', `${spec.name} needs ${param.name}.`);
        args.push(undefined);
        continue;
      }
      args.push(normalizeCell(scalar, env));
    }
    return spec.run(args);
  } catch (error) {
    return pmoError(
      'value',
      `Internal error in ${spec.name}, please report it: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
