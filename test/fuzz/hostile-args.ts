// Hostile argument lists for every catalog function, one generator per parameter kind. Ranges start from the
// catalog contract's well-formed tables (test/hosts/contract-cases.ts) and are mutated (hostile cells and headers,
// rows repeated, cut or made ragged), so most calls pass the argument checks and reach the kernels; the rest are
// wholly hostile (random grids, empty ranges, a single value where a range belongs).

import fc from 'fast-check';
import type { FunctionSpec, NumberParam, ParamSpec } from '../../core/functions/types';
import { d } from '../helpers';
import { CONTRACT, type ContractArg, type ContractCell } from '../hosts/contract-cases';
import {
  type FuzzArg,
  type FuzzCell,
  type FuzzGrid,
  hostileCell,
  hostileHeader,
  LONG_TEXT,
  PROTOTYPE_NAMES,
} from './hostile-cells';

function fuzzCell(cell: ContractCell): FuzzCell {
  if (cell === null || typeof cell !== 'object') return cell;
  return 'date' in cell ? { day: d(cell.date) } : { error: cell.error };
}

function fuzzArg(arg: ContractArg | undefined): FuzzArg {
  if (arg === undefined) return undefined;
  return Array.isArray(arg)
    ? (arg as readonly (readonly ContractCell[])[]).map((row) => row.map(fuzzCell))
    : fuzzCell(arg as ContractCell);
}

/**
 * The well-formed argument the contract gives parameter `index` of `spec`: from its minimum call for a required
 * parameter (some full calls carry a failing row on purpose), from its full call for an optional one.
 */
export function contractArgument(spec: FunctionSpec, index: number): FuzzArg {
  const contract = CONTRACT[spec.name];
  return fuzzArg(contract?.minimum[index] ?? contract?.full[index]);
}

/** `arbitrary` once in `n` draws, else undefined (fc.option's `freq` is the other way round: nil once in n). */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: n - 1 }, { arbitrary, weight: 1 });
}

/**
 * The shape of one call, shared by all its ranges so that parallel columns keep equal lengths: how many times the
 * data rows are repeated, how many are kept, and whether the call is calm (mostly the contract's arguments, damaged
 * in a few cells, so it reaches the kernel) or wild (any argument may be wholly hostile).
 */
interface CallShape {
  readonly wild: boolean;
  readonly repeat: number;
  readonly keepRows: number | undefined;
  /** Every one-column range given as one row instead. */
  readonly asRow: boolean;
  /** One hostile value written down a whole column of every range (the same name in each table, say). */
  readonly fill: readonly [number, FuzzCell] | undefined;
}

const callShape: fc.Arbitrary<CallShape> = fc.record({
  wild: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
  repeat: fc.oneof(
    { arbitrary: fc.constant(1), weight: 3 },
    { arbitrary: fc.integer({ min: 2, max: 30 }), weight: 1 },
  ),
  keepRows: sometimes(fc.nat(), 6),
  asRow: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
  fill: sometimes(fc.tuple(fc.nat({ max: 7 }), hostileCell), 4),
});

/** How one well-formed range is damaged. Indices are taken modulo the grid's size. */
interface GridMutation {
  readonly cells: readonly (readonly [number, number, FuzzCell])[];
  readonly header: readonly [number, FuzzCell] | undefined;
  readonly ragged: readonly [number, boolean] | undefined;
}

/** A wild call damages more cells, its headers and its row lengths more often than a calm one. */
function gridMutation(wild: boolean): fc.Arbitrary<GridMutation> {
  return fc.record({
    cells: fc.array(fc.tuple(fc.nat(), fc.nat(), hostileCell), { maxLength: wild ? 4 : 2 }),
    header: sometimes(fc.tuple(fc.nat(), hostileHeader), wild ? 3 : 10),
    ragged: sometimes(fc.tuple(fc.nat(), fc.boolean()), wild ? 4 : 8),
  });
}

/** `base` reshaped by the call and damaged by `mutation`; a one-column range may become one row (columns only). */
function mutate(base: FuzzGrid, shape: CallShape, mutation: GridMutation, isColumn: boolean): FuzzCell[][] {
  let rows = base.map((row) => [...row]);
  if (shape.keepRows !== undefined) rows = rows.slice(0, 1 + (shape.keepRows % rows.length));
  if (shape.repeat > 1) {
    const body = rows.slice(1);
    rows = [rows[0] ?? [], ...Array.from({ length: shape.repeat }, () => body.map((row) => [...row])).flat()];
  }
  if (shape.fill) {
    const [column, cell] = shape.fill;
    for (const row of rows.slice(1)) if (row.length > 0) row[column % row.length] = cell;
  }
  for (const [r, c, cell] of mutation.cells) {
    const row = rows[r % rows.length];
    if (row && row.length > 0) row[c % row.length] = cell;
  }
  const header = rows[0];
  if (mutation.header && header && header.length > 0)
    header[mutation.header[0] % header.length] = mutation.header[1];
  // A column made ragged is a block or loses a cell; only tables get ragged rows.
  if (mutation.ragged && !isColumn) {
    const row = rows[mutation.ragged[0] % rows.length];
    if (mutation.ragged[1]) row?.push('extra');
    else row?.pop();
  }
  if (isColumn && shape.asRow && rows.every((row) => row.length === 1))
    return [rows.map((row) => row[0] ?? null)];
  return rows;
}

/** A small grid of hostile cells, rectangular (a column when `width` is 1). */
function randomGrid(maxWidth: number): fc.Arbitrary<FuzzCell[][]> {
  return fc
    .integer({ min: 1, max: maxWidth })
    .chain((width) =>
      fc.array(fc.array(hostileCell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
    );
}

/** A single value as an argument: a blank is passed as a blank 1×1 range, the way a user passes an empty cell. */
function asArgument(cell: FuzzCell, inRange: boolean): FuzzArg {
  return inRange || cell === null ? [[cell]] : cell;
}

function rangeArgument(param: ParamSpec, base: FuzzArg, shape: CallShape): fc.Arbitrary<FuzzArg> {
  const isColumn = param.kind === 'column';
  const choices: fc.WeightedArbitrary<FuzzArg>[] = [];
  if (Array.isArray(base))
    choices.push({
      arbitrary: gridMutation(shape.wild).map((m) => mutate(base as FuzzGrid, shape, m, isColumn)),
      weight: shape.wild ? 12 : 60,
    });
  choices.push(
    { arbitrary: randomGrid(isColumn ? 1 : 5), weight: 3 },
    { arbitrary: fc.constantFrom<FuzzArg>([], [[]]), weight: 1 },
    { arbitrary: hostileCell.map((cell) => asArgument(cell, false)), weight: 1 },
  );
  return fc.oneof(...choices);
}
function numberValues(param: NumberParam): FuzzCell[] {
  const values: FuzzCell[] = [];
  for (const bound of [param.min, param.max])
    if (bound !== undefined) values.push(bound, bound - 1, bound + 1, bound + 0.5, String(bound));
  return values;
}

/** Values aimed at one scalar kind: its bounds, its choice words in odd spellings, its date edges. */
function kindValues(param: ParamSpec): FuzzCell[] {
  switch (param.kind) {
    case 'number':
      return [...numberValues(param), 1e6, 1e15, 1e308];
    case 'ratio':
      return ['120%', '1e308%', 10, 10.000001, 11, 1e308, -0, '0%', '-5%', 5e-324];
    case 'date':
      return [{ day: 61 }, { day: 2958465 }, { day: 2958466 }, '9999-12-31', '10000-01-01', '1900-02-29', 0];
    case 'choice':
      return [
        ...param.values.map((value) => ` ${value.toUpperCase()} `),
        ...Object.keys(param.aliases ?? {}),
        ...PROTOTYPE_NAMES,
      ];
    case 'text':
      return [...PROTOTYPE_NAMES, LONG_TEXT, 'Category', 'ID', 'Risk'];
    default:
      return [];
  }
}

function scalarArgument(param: ParamSpec, base: FuzzArg, shape: CallShape): fc.Arbitrary<FuzzArg> {
  const cells: fc.WeightedArbitrary<FuzzCell>[] = [];
  if (base !== undefined && !Array.isArray(base))
    cells.push({ arbitrary: fc.constant(base as FuzzCell), weight: shape.wild ? 4 : 40 });
  const aimed = kindValues(param);
  if (aimed.length > 0) cells.push({ arbitrary: fc.constantFrom(...aimed), weight: 3 });
  cells.push({ arbitrary: hostileCell, weight: 3 });
  return fc.tuple(fc.oneof(...cells), fc.boolean()).map(([cell, inRange]) => asArgument(cell, inRange));
}

function argumentFor(
  spec: FunctionSpec,
  param: ParamSpec,
  index: number,
  shape: CallShape,
): fc.Arbitrary<FuzzArg> {
  const base = contractArgument(spec, index);
  const given =
    param.kind === 'table' || param.kind === 'column'
      ? rangeArgument(param, base, shape)
      : scalarArgument(param, base, shape);
  return param.optional ? fc.option(given, { nil: undefined, freq: 4 }) : given;
}

/** One call of `spec`: an argument per parameter (an optional one sometimes left out), and a host reading (0 or 1). */
export interface FuzzCall {
  readonly args: readonly FuzzArg[];
  readonly reading: number;
}

/** Hostile calls of `spec`; required arguments are never left out (the hosts refuse such a formula). */
export function callArbitrary(spec: FunctionSpec): fc.Arbitrary<FuzzCall> {
  const args = callShape.chain((shape) =>
    fc.tuple(...spec.params.map((param, index) => argumentFor(spec, param, index, shape))),
  );
  return fc.record({ args, reading: fc.integer({ min: 0, max: 1 }) });
}
