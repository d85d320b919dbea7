// The catalog contract: every catalog function, called exactly as Excel calls it (through the built
// dist/excel/functions.js and functions.json in the custom-functions fake) and exactly as Sheets calls it (through
// the built dist/gsheets/Code.js in the Apps Script fake), with its minimum arguments, with optional arguments
// left empty, and with every optional argument given; under each reading the documentation leaves open. The two
// hosts must agree under DESIGN §10's comparison: numbers equal, an Excel date serial equal to the Sheets Date,
// an Excel error value equal to the Sheets text for the same cell (#DIV/0! ↔ "no capacity", #VALUE! ↔ its
// message), and an Excel 1×1 error result equal to a thrown Sheets error with the same message.

import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/functions/catalog';
import {
  type ExcelCustomFunctionsOptions,
  type ExcelShownCell,
  loadExcelCustomFunctions,
} from '../fakes/excel';
import type { AppsScriptOptions } from '../fakes/sheets';
import { isoIn, midnightIn } from '../fakes/time-zones';
import { d } from '../helpers';
import { CONTRACT, type ContractArg, type ContractCell, contractCalls, excelArg } from './contract-cases';
import { callSheets, LAZY_SCRIPTS, type SheetsResult } from './host-calls';

const TIME_ZONE = 'Pacific/Auckland';
const TOLERANCE = 1e-9;

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';
const isTagged = (cell: unknown): cell is { date: string } | { error: string } =>
  typeof cell === 'object' && cell !== null && !Array.isArray(cell);

/** Dates as Sheets holds them; blanks and error cells are turned into Sheets values by `callSheets`. */
function sheetsCell(cell: ContractCell): unknown {
  return isTagged(cell) && 'date' in cell ? midnightIn(cell.date, TIME_ZONE) : cell;
}

function sheetsArg(arg: ContractArg | undefined): unknown {
  if (arg === undefined) return undefined;
  return Array.isArray(arg)
    ? arg.map((row: ContractCell[]) => row.map(sheetsCell))
    : sheetsCell(arg as ContractCell);
}

/** The Excel cell a Sheets cell must equal, under DESIGN §10's comparison. */
function agrees(excel: ExcelShownCell, sheets: unknown): boolean {
  if (typeof excel === 'object') {
    if (excel.error === '#DIV/0!') return sheets === 'no capacity';
    return excel.error === '#VALUE!' && excel.message !== undefined && sheets === excel.message;
  }
  if (isDate(sheets)) return typeof excel === 'number' && excel === d(isoIn(sheets, TIME_ZONE));
  if (typeof excel === 'number' && typeof sheets === 'number')
    return Math.abs(excel - sheets) <= TOLERANCE * Math.max(1, Math.abs(excel));
  return excel === sheets;
}

function expectHostsAgree(excel: ExcelShownCell[][], sheets: SheetsResult, where: string): void {
  const only = excel.length === 1 && excel[0]?.length === 1 ? excel[0][0] : undefined;
  if (typeof only === 'object' && only !== null) {
    // A whole-function failure: Excel a 1×1 error value with the message, Sheets a thrown error with the same.
    expect(only.error, `${where}: Excel shows ${only.error}`).toBe('#VALUE!');
    expect(sheets, where).toEqual({ ok: false, message: only.message });
    return;
  }
  if (!sheets.ok) throw new Error(`${where}: Sheets threw "${sheets.message}" where Excel returned a table`);
  const grid = sheets.value as unknown[][];
  expect(Array.isArray(grid) && grid.every(Array.isArray), `${where}: Sheets returned a 2-D array`).toBe(
    true,
  );
  expect(
    grid.map((row) => row.length),
    `${where}: shape`,
  ).toEqual(excel.map((row) => row.length));
  for (const [r, row] of excel.entries()) {
    for (const [c, cell] of row.entries()) {
      const other = grid[r]?.[c];
      if (!agrees(cell, other))
        throw new Error(
          `${where}: cell [${r}][${c}] is ${JSON.stringify(cell)} in Excel, ${String(other)} in Sheets`,
        );
    }
  }
}

/**
 * The readings the documentation leaves open, paired so that each is run: an empty cell in a range ("" or null in
 * Excel), an error cell in a range (CustomFunctions.Error or Excel.ErrorCellValue), and an argument left empty
 * between commas in Sheets (absent as undefined, or "").
 */
const READINGS: readonly {
  readonly label: string;
  readonly excel: ExcelCustomFunctionsOptions;
  readonly sheets: Pick<AppsScriptOptions, 'emptyArgument'>;
}[] = [
  {
    label: 'blanks as "", errors as CustomFunctions.Error, empty Sheets arguments undefined',
    excel: { blankCell: '', errorCell: 'custom-functions-error' },
    sheets: { emptyArgument: 'undefined' },
  },
  {
    label: 'blanks as null, errors as Excel.ErrorCellValue, empty Sheets arguments ""',
    excel: { blankCell: null, errorCell: 'error-cell-value' },
    sheets: { emptyArgument: 'empty-string' },
  },
];

describe('the catalog contract', () => {
  it('has calls for every catalog function, and its full calls give every parameter', () => {
    expect(Object.keys(CONTRACT).sort()).toEqual(CATALOG.map((spec) => spec.name).sort());
    for (const spec of CATALOG) {
      const contract = CONTRACT[spec.name];
      expect(contract?.full, spec.name).toHaveLength(spec.params.length);
      expect(contract?.minimum, spec.name).toHaveLength(
        spec.params.filter((param) => !param.optional).length,
      );
    }
  });

  describe.each(READINGS)('reading $label', (reading) => {
    const excel = loadExcelCustomFunctions({ loadedScripts: LAZY_SCRIPTS, ...reading.excel });

    describe.each(CATALOG.map((spec) => [spec.name, spec.params.length] as const))(
      '%s',
      (name, parameterCount) => {
        const contract = CONTRACT[name];
        if (!contract) return;
        it.each(contractCalls(contract, parameterCount))(
          'gives the same cells in both hosts with $label',
          (call) => {
            const shown = excel.evaluate(name, call.args.map(excelArg));
            expect(excel.violations, `${name}: results Excel cannot show`).toEqual([]);
            const received = excel.calls.at(-1)?.received;
            expect(received, `${name} was called`).toHaveLength(parameterCount + 1);
            const message = JSON.stringify(shown);
            expect(message, `${name}: no argument-count error`).not.toMatch(/takes at most|Internal error/);
            expectHostsAgree(
              shown,
              callSheets(name, call.args.map(sheetsArg), TIME_ZONE, reading.sheets),
              `${name} (${call.label})`,
            );
          },
        );
      },
    );
  });
});
