// The fuzz suite's own judge: what it counts as a throw, an internal error, a non-finite number, a ragged result
// or an over-long cell, so that a clean summary means the hosts were clean, not that the checks were blind.

import { describe, expect, it } from 'vitest';
import { cellFindings, excelViolation, sheetsThrow } from './host-checks';

describe('the fuzz checks', () => {
  it('count a Sheets #ERROR! from a crash as a throw, and the function’s own message as a correct result', () => {
    expect(sheetsThrow('result.map is not a function')?.kind).toBe('throw');
    expect(sheetsThrow("Cannot read properties of undefined (reading 'length')")?.kind).toBe('throw');
    expect(sheetsThrow('Maximum call stack size exceeded')?.kind).toBe('throw');
    expect(sheetsThrow('Internal error in SCORE, please report it: boom')?.kind).toBe('internal error');
    expect(sheetsThrow('Exceeded maximum execution time')?.kind).toBe('over the deadline');
    expect(sheetsThrow('The Resources table has no Resource column; headers seen: "Who".')).toBeUndefined();
    expect(sheetsThrow(`headers seen: "${'x'.repeat(32_768)}"`)?.kind).toBe('cell over 32,767 characters');
  });

  it('sort the Sheets fake’s refusals of a result into non-finite, ragged and not-a-cell findings', () => {
    const refused = (what: string) =>
      sheetsThrow(`fake Apps Script: the function returned ${what}; the Custom functions guide (…)`)?.kind;
    expect(refused('NaN in row 2, column 1')).toBe('non-finite number');
    expect(refused('-Infinity in row 1, column 1')).toBe('non-finite number');
    expect(refused('rows of different lengths')).toBe('not rectangular');
    expect(refused('an invalid Date in row 1, column 2')).toBe('not a cell value');
  });

  it('sort the Excel fake’s violations, and rethrow anything else as a defect of the suite', () => {
    const violation = (what: string) =>
      excelViolation(new Error(`RICE returned what Excel cannot show: ${what}`));
    expect(violation('the number NaN').kind).toBe('non-finite number');
    expect(violation('rows of different lengths').kind).toBe('not rectangular');
    expect(violation('not a non-empty 2-D array: ').kind).toBe('not rectangular');
    expect(violation('threw TypeError: x is undefined').kind).toBe('throw');
    expect(violation('a cell holding undefined').kind).toBe('not a cell value');
    expect(() => excelViolation(new Error('Excel refuses =PMO.RICE: 5 arguments for 4 parameters.'))).toThrow(
      'Excel refuses',
    );
  });

  it('find NaN, Infinity, internal errors and over-long text in result cells, Excel error messages and date serials', () => {
    const kinds = (cells: unknown[]) => cellFindings('source', cells).map((finding) => finding.kind);
    expect(
      kinds([1, 'ok', true, { error: '#VALUE!', message: 'fine' }, { kind: 'date', serial: 45_000 }]),
    ).toEqual([]);
    expect(kinds([Number.NaN, Number.POSITIVE_INFINITY, { kind: 'date', serial: Number.NaN }])).toEqual([
      'non-finite number',
      'non-finite number',
      'non-finite number',
    ]);
    expect(kinds([{ error: '#VALUE!', message: 'Internal error in WSJF, please report it: x' }])).toEqual([
      'internal error',
    ]);
    expect(kinds(['y'.repeat(32_767), 'y'.repeat(32_768)])).toEqual(['cell over 32,767 characters']);
  });
});
