// The shapes shared by the function catalog, its invoke step and the host adapters. Each parameter declares
// its kind, default and bounds; `invoke` converts every argument once, before any function runs, so a
// function's `run` receives clean, typed values (HyperFormula's way: parameters as data).

import type { Cell } from '../cells';
import type { PmoError } from '../errors';

/** A range as cells: rows of normalised cells. */
export type Grid = readonly (readonly Cell[])[];

interface ParamBase {
  /** snake_case name shown in the hosts' formula help. */
  readonly name: string;
  readonly description: string;
  readonly optional?: boolean;
}

/** A range with its header row (a table), or any block of cells the function reads itself (a matrix, bands). */
export interface TableParam extends ParamBase {
  readonly kind: 'table';
}

/** One column or one row of cells, header cell optional; a block of several rows and columns is refused. */
export interface ColumnParam extends ParamBase {
  readonly kind: 'column';
}

/** A number (numeric and money text accepted) within optional bounds. */
export interface NumberParam extends ParamBase {
  readonly kind: 'number';
  readonly default?: number;
  readonly min?: number;
  readonly max?: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
}

/** A ratio: 1.2, "120%", or a bare number above 10 read as a percentage (120 = 1.2). */
export interface RatioParam extends ParamBase {
  readonly kind: 'ratio';
  readonly default: number;
}

/** A day: a date cell, a serial or date text such as "2025-03-01"; the value is its day serial. */
export interface DateParam extends ParamBase {
  readonly kind: 'date';
}

/** One of a closed set of words (case and spaces ignored), with aliases. */
export interface ChoiceParam<V extends string = string> extends ParamBase {
  readonly kind: 'choice';
  readonly values: readonly V[];
  readonly aliases?: Readonly<Record<string, V>>;
  readonly default: V;
}

/** Free text, such as a column name. */
export interface TextParam extends ParamBase {
  readonly kind: 'text';
}

export type ParamSpec =
  | TableParam
  | ColumnParam
  | NumberParam
  | RatioParam
  | DateParam
  | ChoiceParam
  | TextParam;

/** How a parameter arrives from a host: a range (2-D) or one value. Excel's metadata and the JSDoc follow it. */
export function isRangeParam(param: ParamSpec): boolean {
  return param.kind === 'table' || param.kind === 'column';
}

type ValueOf<P> =
  P extends ChoiceParam<infer V>
    ? V
    : P extends TableParam | ColumnParam
      ? Grid
      : P extends NumberParam | RatioParam | DateParam
        ? number
        : P extends TextParam
          ? string
          : never;

/** An optional parameter without a default may be undefined; with a default it never is. */
type ArgValue<P> = P extends { readonly optional: true }
  ? P extends { readonly default: unknown }
    ? ValueOf<P>
    : ValueOf<P> | undefined
  : ValueOf<P>;

/** The converted arguments `run` receives, one per parameter, typed by each parameter's kind. */
export type ArgsOf<Ps extends readonly ParamSpec[]> = { readonly [K in keyof Ps]: ArgValue<Ps[K]> };

/** A date in a result: adapters show it as a real date (Excel serial, Sheets Date). */
export interface DateOut {
  readonly kind: 'date';
  readonly serial: number;
}

/** One cell of a result. `''` is a blank cell; an error is a per-cell error value. */
export type OutCell = number | string | boolean | DateOut | PmoError;

export type OutGrid = OutCell[][];

/** One spreadsheet function: its contract and its implementation, held by reference. */
export interface FunctionSpec {
  /** Upper-case name without prefix: Excel `PMO.NAME`, Sheets `PMO_NAME`. */
  readonly name: string;
  readonly description: string;
  readonly params: readonly ParamSpec[];
  /** What the result looks like, for the help text. */
  readonly returns: string;
  /** Called by `invoke` only, with one converted value per parameter. */
  readonly run: (args: readonly unknown[]) => OutGrid | PmoError;
}

/**
 * Declares a catalog function. `run` receives its arguments already converted and checked, typed from the
 * parameter list (a choice as one of its words, a number within its bounds, a default where one is declared).
 * Call sites mark the call `/* @__PURE__ *\/` so that a bundle drops the entries it does not use.
 */
export function defineFunction<const Ps extends readonly ParamSpec[]>(spec: {
  readonly name: string;
  readonly description: string;
  readonly returns: string;
  readonly params: Ps;
  readonly run: (args: ArgsOf<Ps>) => OutGrid | PmoError;
}): FunctionSpec {
  return spec as unknown as FunctionSpec;
}

/** Builds a {@link DateOut}. */
export function dateOut(serial: number): DateOut {
  return { kind: 'date', serial };
}
