// Per-row errors of the risk functions through the BUILT bundles: Excel gets a #VALUE! error value with the
// reason as its message in that cell, Sheets the reason as text; every other row still computes.

import { describe, expect, it } from 'vitest';
import {
  callExcel as excelCall,
  excelErrorText,
  callSheets as sheetsCall,
  sheetsTable,
} from '../../hosts/host-calls';

function callExcel(name: string, ...args: unknown[]): unknown[][] {
  return excelCall(name, args);
}

function callSheets(name: string, ...args: unknown[]): unknown[][] {
  return sheetsTable(sheetsCall(name, args));
}

/** Excel's cells with error values shown as "#VALUE!: message", to compare with the expected column. */
function excelView(grid: unknown[][]): unknown[] {
  return grid.map(([cell]) => excelErrorText(cell as never) ?? cell);
}

const SOMETIMES =
  'probability "Sometimes" is not a known rating (use 1–5, 0.4, 40% or a label such as Low, Likely or Major)';

describe('risk functions in both built hosts', () => {
  it('RISK_SCORE puts a bad row’s reason in its own cell and scores the others', () => {
    const probability = [['Likelihood'], ['Rare'], ['Sometimes'], ['Likely'], [7]];
    const impact = [['Consequence'], ['Catastrophic'], ['Major'], ['Minor'], [2]];
    expect(excelView(callExcel('RISK_SCORE', probability, impact))).toEqual([
      'Score',
      5,
      `#VALUE!: ${SOMETIMES}`,
      8,
      '#VALUE!: probability "7" is not on the 1–5 scale',
    ]);
    expect(callSheets('RISK_SCORE', probability, impact).map(([cell]) => cell)).toEqual([
      'Score',
      5,
      SOMETIMES,
      8,
      'probability "7" is not on the 1–5 scale',
    ]);
  });

  it('EXPOSURE puts unreadable probabilities and amounts in their own cells', () => {
    const probability = [['Probability'], ['40%'], ['TBD'], [1], [0.5]];
    const impact = [['Cost'], ['300,000 CHF'], [5000], ['abc'], ['']];
    expect(excelView(callExcel('EXPOSURE', probability, impact))).toEqual([
      'Exposure',
      120_000,
      '#VALUE!: probability "TBD" is not a number such as 0.4 or 40%',
      '#VALUE!: impact "abc" is not an amount',
      '#VALUE!: impact is blank',
    ]);
    expect(callSheets('EXPOSURE', probability, impact).map(([cell]) => cell)).toEqual([
      'Exposure',
      120_000,
      'probability "TBD" is not a number such as 0.4 or 40%',
      'impact "abc" is not an amount',
      'impact is blank',
    ]);
  });

  it('RISK_LEVEL says when a score is below the lowest of the user’s bands', () => {
    const bands = [
      [5, 'Amber'],
      [10, 'Red'],
    ];
    expect(excelView(callExcel('RISK_LEVEL', [[1], [3]], [[2], [4]], bands))).toEqual([
      '#VALUE!: score 2 is below the lowest band, which starts at 5',
      'Red',
    ]);
    expect(callSheets('RISK_LEVEL', [[1], [3]], [[2], [4]], bands).map(([cell]) => cell)).toEqual([
      'score 2 is below the lowest band, which starts at 5',
      'Red',
    ]);
  });

  it('gives the same SIMULATE_EXPOSURE table in both hosts for the same seed, and another for another seed', () => {
    const args = [[['40%'], ['10%']], [[100], [1000]], [[200], [2000]], [[400], [5000]], 2000, 7];
    const fromExcel = callExcel('SIMULATE_EXPOSURE', ...args);
    expect(callSheets('SIMULATE_EXPOSURE', ...args)).toEqual(fromExcel);
    expect(callSheets('SIMULATE_EXPOSURE', ...args.slice(0, 5), 8)).not.toEqual(fromExcel);
    expect(callSheets('SIMULATE_EXPOSURE', ...args.slice(0, 4))).toEqual(
      callExcel('SIMULATE_EXPOSURE', ...args.slice(0, 4), null, 1),
    );
  });
});
