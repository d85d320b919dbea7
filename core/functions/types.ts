// The shapes shared by the function catalog, its invoke step and the host adapters.

import type { Cell } from '../cells';
import type { PmoError } from '../errors';

/** How a parameter arrives: a range with a header row, or one value. */
export type ParamKind = 'table' | 'scalar';

export interface ParamSpec {
  /** snake_case name shown in the hosts' formula help. */
  readonly name: string;
  readonly description: string;
  readonly kind: ParamKind;
  readonly optional?: boolean;
}

/** A date in a result: adapters show it as a real date (Excel serial, Sheets Date). */
export interface DateOut {
  readonly kind: 'date';
  readonly serial: number;
}

/** One cell of a result. `''` is a blank cell; an error is a per-cell error value. */
export type OutCell = number | string | boolean | DateOut | PmoError;

export type OutGrid = OutCell[][];

/** Normalised arguments: tables as cell grids, scalars as one cell, omitted as undefined. */
export type Arg = readonly (readonly Cell[])[] | Cell | undefined;

/** One spreadsheet function: its contract and its implementation, held by reference. */
export interface FunctionSpec {
  /** Upper-case name without prefix: Excel `PMO.NAME`, Sheets `PMO_NAME`. */
  readonly name: string;
  readonly description: string;
  readonly params: readonly ParamSpec[];
  /** What the result looks like, for the help text. */
  readonly returns: string;
  readonly run: (args: readonly Arg[]) => OutGrid | PmoError;
}

/** Builds a {@link DateOut}. */
export function dateOut(serial: number): DateOut {
  return { kind: 'date', serial };
}
