// The command line's table mapping (`--table kind="Sheet!A2:J12"`, `--column kind.role=D`, both repeatable) for
// every command that reads a workbook: parsed into core's TableMapping, and checked against the workbook once it
// is read. A bad value is a usage error that says which option and why.

import {
  parseColumnLetters,
  parseKind,
  parseLocation,
  parseRole,
  type TableLocation,
  type TableMapping,
} from '../core/discovery/mapping';
import { findTables, type SheetView, type TableKind } from '../core/workbook';
import { sanitizeText } from './heatmap';
import { UsageError } from './usage';

/** The options, for each command's option list (`value` options that may be given more than once). */
export const MAPPING_OPTIONS = { table: 'value', column: 'value' } as const;

/** What each option looks like, for "needs a value" messages. */
export const MAPPING_EXAMPLES: Readonly<Record<keyof typeof MAPPING_OPTIONS, string>> = {
  table: 'risks="Risk Register!A2:J12"',
  column: 'risks.probability=D',
};

const quoted = (text: string): string => JSON.stringify(sanitizeText(text));

/** `kind=rest` split at the first `=`; a usage error naming the option's form when there is none. */
function split(option: 'table' | 'column', value: string): [string, string] {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1)
    throw new UsageError(
      `--${option} ${quoted(value)}: write it as ${option === 'table' ? 'kind="Sheet!A2:J12"' : 'kind.role=D'}, e.g. --${option} ${MAPPING_EXAMPLES[option]}`,
    );
  return [value.slice(0, at), value.slice(at + 1)];
}

function kindOf(option: 'table' | 'column', value: string, text: string): TableKind {
  const kind = parseKind(text);
  if (typeof kind !== 'string')
    throw new UsageError(`--${option} ${quoted(value)}: ${sanitizeText(kind.problem)}`);
  return kind;
}

/**
 * The mapping that `--table` and `--column` values give (in the order given; a later value for the same kind or
 * role is a usage error, not a silent override).
 * @example mappingFromOptions(['risks=Risk Register!A2:J12'], ['risks.probability=D'])
 */
export function mappingFromOptions(tables: readonly string[], columns: readonly string[]): TableMapping {
  const mapping: Partial<Record<TableKind, { at?: TableLocation; columns: Record<string, string> }>> = {};
  const entry = (kind: TableKind) => {
    const found = mapping[kind] ?? { columns: {} };
    mapping[kind] = found;
    return found;
  };
  for (const value of tables) {
    const [kindText, where] = split('table', value);
    const kind = kindOf('table', value, kindText);
    const location = parseLocation(where);
    if ('problem' in location)
      throw new UsageError(`--table ${quoted(value)}: ${sanitizeText(location.problem)}`);
    const target = entry(kind);
    if (target.at) throw new UsageError(`--table ${kind} is given twice: give each kind's range once`);
    target.at = location;
  }
  for (const value of columns) {
    const [name, lettersText] = split('column', value);
    const dot = name.indexOf('.');
    if (dot <= 0)
      throw new UsageError(
        `--column ${quoted(value)}: write it as kind.role=D, e.g. --column ${MAPPING_EXAMPLES.column}`,
      );
    const kind = kindOf('column', value, name.slice(0, dot));
    const role = parseRole(kind, name.slice(dot + 1));
    if (typeof role !== 'string')
      throw new UsageError(`--column ${quoted(value)}: ${sanitizeText(role.problem)}`);
    const letters = parseColumnLetters(lettersText);
    if (typeof letters !== 'string')
      throw new UsageError(`--column ${quoted(value)}: ${sanitizeText(letters.problem)}`);
    const target = entry(kind);
    if (target.columns[role] !== undefined)
      throw new UsageError(`--column ${kind}.${role} is given twice: give each role's column once`);
    target.columns[role] = letters;
  }
  return mapping;
}

/**
 * Checks the options' mapping against the workbook: a usage error for the first part it cannot take (a sheet
 * that is not there, a column outside the range, columns for a table that was not found).
 */
export function checkMapping(sheets: readonly SheetView[], mapping: TableMapping): void {
  if (Object.keys(mapping).length === 0) return;
  const problem = findTables(sheets, { mapping }).problems?.find((found) => found.source === 'option');
  if (problem) throw new UsageError(sanitizeText(problem.message));
}
