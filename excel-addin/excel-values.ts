// Turns catalog results into what Excel's custom-functions runtime expects: numbers, text, booleans and
// CustomFunctions.Error values, per cell or for the whole result. No business rule lives here.

import { type ErrorCode, isPmoError, type PmoError } from '../core/errors';
import { invoke, UTC_DATES } from '../core/functions/invoke';
import type { FunctionSpec, OutCell, OutGrid } from '../core/functions/types';

/** The slice of the `CustomFunctions` global this adapter uses (a fake in tests, the runtime in Excel). */
export interface CustomFunctionsApi {
  readonly Error: new (code: never, message?: string) => unknown;
  readonly ErrorCode: {
    readonly invalidValue: unknown;
    readonly notAvailable: unknown;
    readonly divisionByZero: unknown;
  };
  associate(id: string, implementation: (...args: unknown[]) => unknown): void;
}

function excelError(api: CustomFunctionsApi, error: PmoError): unknown {
  const codes: Record<ErrorCode, unknown> = {
    value: api.ErrorCode.invalidValue,
    'not-available': api.ErrorCode.notAvailable,
    'no-capacity': api.ErrorCode.divisionByZero,
  };
  return new api.Error(codes[error.code] as never, error.message);
}

function excelCell(api: CustomFunctionsApi, cell: OutCell): unknown {
  if (typeof cell !== 'object') return cell;
  if (isPmoError(cell)) return excelError(api, cell);
  return cell.serial;
}

/** Renders a result for Excel: a 2-D array; a whole-function failure is a 1×1 array holding the error value. */
export function toExcelResult(api: CustomFunctionsApi, result: OutGrid | PmoError): unknown[][] {
  if (isPmoError(result)) return [[excelError(api, result)]];
  return result.map((row) => row.map((cell) => excelCell(api, cell)));
}

/**
 * The arguments Excel passed for the declared parameters. Excel passes one argument per declared parameter (`null`
 * for an omitted optional one), then an Invocation object, always, even when the function declares no parameter
 * ("Custom functions parameter options", sections *Optional parameters* and *Invocation parameter*,
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options). The invocation is
 * not a user argument: handing it to `invoke` would count one argument too many.
 */
export function declaredArguments(spec: FunctionSpec, excelArgs: readonly unknown[]): readonly unknown[] {
  return excelArgs.slice(0, spec.params.length);
}

/** Calls one catalog function with the arguments Excel passes it: the declared ones, then the Invocation. */
export function callForExcel(
  api: CustomFunctionsApi,
  spec: FunctionSpec,
  excelArgs: readonly unknown[],
): unknown[][] {
  return toExcelResult(api, invoke(spec, declaredArguments(spec, excelArgs), UTC_DATES));
}

/** Registers every catalog function with `CustomFunctions.associate` under its id (the NAME in PMO.NAME). */
export function registerCustomFunctions(api: CustomFunctionsApi, catalog: readonly FunctionSpec[]): void {
  for (const spec of catalog) {
    api.associate(spec.name, (...excelArgs: unknown[]) => callForExcel(api, spec, excelArgs));
  }
}
