// Converts one single-value argument by its parameter's kind (number, ratio, date, choice, text), with the
// bounds and choices the catalog declares. Used by `invoke` only, before any function runs.

import {
  type Cell,
  cellText,
  flushDenormal,
  isCellError,
  MAX_MAGNITUDE,
  parseDateText,
  parseNumberText,
  readNumber,
  TOO_LARGE,
} from '../cells';
import { MAX_DATE_SERIAL, MIN_DATE_SERIAL } from '../dates';
import type { PmoError } from '../errors';
import { argumentMessages as say } from './messages';
import type { ChoiceParam, NumberParam, ParamSpec } from './types';

/** Choice words without case and spaces: "Weekly " → "weekly". */
function choiceKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

const choiceMaps = new WeakMap<ChoiceParam, ReadonlyMap<string, string>>();

/** The lookup of a choice parameter (its values and aliases), built once per parameter. */
function choiceMap(param: ChoiceParam): ReadonlyMap<string, string> {
  let map = choiceMaps.get(param);
  if (!map) {
    const entries = new Map<string, string>();
    for (const value of param.values) entries.set(choiceKey(value), value);
    for (const [alias, value] of Object.entries(param.aliases ?? {})) entries.set(choiceKey(alias), value);
    map = entries;
    choiceMaps.set(param, map);
  }
  return map;
}

/** A number within the parameter's bounds; anything else says what is allowed ("a whole number from 2 to 20"). */
function numberArg(fn: string, param: NumberParam, cell: Cell): number | PmoError {
  const parsed = readNumber(cell);
  const { min, max, integer } = param;
  if (!parsed.ok && parsed.problem === TOO_LARGE && (min === undefined || max === undefined))
    return say.tooLarge(fn, param.name, cellText(cell));
  const value = parsed.ok ? parsed.value : Number.NaN;
  const allowed =
    parsed.ok &&
    (!integer || Number.isInteger(value)) &&
    (min === undefined || value >= min) &&
    (max === undefined || value <= max);
  return allowed ? value : say.outOfBounds(fn, param.name, cellText(cell), param);
}

function ratioArg(fn: string, name: string, cell: Cell): number | PmoError {
  const parsed =
    typeof cell === 'number'
      ? { value: cell, percent: false }
      : typeof cell === 'string'
        ? parseNumberText(cell)
        : undefined;
  if (!parsed || parsed.value < 0) return say.notARatio(fn, name, cellText(cell));
  if (parsed.value > MAX_MAGNITUDE) return say.tooLarge(fn, name, cellText(cell));
  return flushDenormal(parsed.percent || parsed.value <= 10 ? parsed.value : parsed.value / 100);
}

function dateArg(fn: string, name: string, cell: Cell): number | PmoError {
  if (typeof cell === 'number' && cell >= MIN_DATE_SERIAL && cell <= MAX_DATE_SERIAL) return Math.floor(cell);
  if (typeof cell === 'string') {
    const serial = parseDateText(cell);
    if (serial !== undefined) return serial;
  }
  return say.notADate(fn, name, cellText(cell));
}

/**
 * Converts a non-blank single-value cell for `param` (a scalar kind). An error cell is an error naming the
 * argument; a value outside the declared choices or bounds is an error that names what is allowed.
 */
export function convertScalar(fn: string, param: ParamSpec, cell: Cell): unknown {
  if (isCellError(cell)) return say.errorValue(fn, param.name, cell.text);
  switch (param.kind) {
    case 'number':
      return numberArg(fn, param, cell);
    case 'ratio':
      return ratioArg(fn, param.name, cell);
    case 'date':
      return dateArg(fn, param.name, cell);
    case 'choice': {
      const found = choiceMap(param).get(choiceKey(cellText(cell)));
      return found ?? say.notOneOf(fn, param.name, cellText(cell), param.values);
    }
    case 'text':
      return cellText(cell);
    default:
      return cell;
  }
}

/** The value of an omitted optional argument: its declared default, else undefined. */
export function defaultOf(param: ParamSpec): unknown {
  return 'default' in param ? param.default : undefined;
}
