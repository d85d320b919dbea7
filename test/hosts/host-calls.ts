// Calling a catalog function as a formula in each host, through the built bundles and the host fakes, for the
// host tests (golden cases, bad input, risk, the catalog contract). Arguments are written once, as cells: a range
// is a 2-D array, a single value a scalar, an omitted argument `undefined` (or null at the top level), an error
// cell `{ error: '#N/A' }`, a date the serial in Excel and a Date in Sheets.

import { LAZY_FAMILIES } from '../../scripts/build';
import {
  type ExcelCustomFunctionsOptions,
  type ExcelFormulaArgument,
  type ExcelShownCell,
  loadExcelCustomFunctions,
} from '../fakes/excel';
import { type AppsScriptOptions, loadAppsScript } from '../fakes/sheets';

/** Every family script functions.js loads on a first call. */
export const LAZY_SCRIPTS: readonly string[] = LAZY_FAMILIES.map(({ script }) => script);

export type { ExcelShownCell };

const excelHosts = new Map<string, ReturnType<typeof loadExcelCustomFunctions>>();

/** What =PMO.<name>(args…) shows in Excel; throws if Excel could not show the result faithfully. */
export function callExcel(
  name: string,
  args: readonly unknown[],
  reading: ExcelCustomFunctionsOptions = {},
): ExcelShownCell[][] {
  const key = JSON.stringify(reading);
  let host = excelHosts.get(key);
  if (!host) {
    // The family scripts are on the page, as after the first call of one of their functions loaded them (the
    // first call itself is tested in lazy-functions.test.ts).
    host = loadExcelCustomFunctions({ loadedScripts: LAZY_SCRIPTS, ...reading });
    excelHosts.set(key, host);
  }
  const shown = host.evaluate(
    name,
    args.map((arg) => (arg === null ? undefined : (arg as ExcelFormulaArgument))),
  );
  const violations = host.violations.splice(0);
  if (violations.length > 0)
    throw new Error(`${name} returned what Excel cannot show: ${violations.join('; ')}`);
  return shown;
}

/** An Excel error cell as the tests write it: "#DIV/0!", or "#VALUE!: message" when Excel shows a message. */
export function excelErrorText(cell: ExcelShownCell | undefined): string | undefined {
  if (typeof cell !== 'object') return undefined;
  return cell.message === undefined ? cell.error : `${cell.error}: ${cell.message}`;
}

export type SheetsResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string };

function sheetsCell(cell: unknown): unknown {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object' && 'error' in cell) return (cell as { error: string }).error;
  return cell;
}

function sheetsArgument(arg: unknown): unknown {
  if (!Array.isArray(arg)) return arg === null || arg === undefined ? undefined : sheetsCell(arg);
  return arg.map((row: unknown[]) => row.map(sheetsCell));
}

/**
 * What =PMO_<name>(args…) gives in Sheets in `timeZone`, through the Apps Script fake: only the arguments typed
 * are passed (trailing omitted ones are absent), a 1×1 range arrives as its value, error cells as their text, and
 * a thrown error shows #ERROR! with its message.
 */
export function callSheets(
  name: string,
  args: readonly unknown[],
  timeZone = 'Europe/Zurich',
  reading: Pick<AppsScriptOptions, 'emptyArgument'> = {},
): SheetsResult {
  const passed = args.map(sheetsArgument);
  while (passed.length > 0 && passed[passed.length - 1] === undefined) passed.pop();
  const result = loadAppsScript({ timeZone, ...reading }).callCustomFunction(name, passed);
  return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.message };
}

/** The table Sheets returned, or a thrown test error naming Sheets' message. */
export function sheetsTable(result: SheetsResult): unknown[][] {
  if (!result.ok) throw new Error(`Sheets showed #ERROR!: ${result.message}`);
  return result.value as unknown[][];
}

/** What the implementation behind the last callExcel (under `reading`) received, the Invocation last. */
export function lastExcelArguments(
  reading: ExcelCustomFunctionsOptions = {},
): readonly unknown[] | undefined {
  return excelHosts.get(JSON.stringify(reading))?.calls.at(-1)?.received;
}
