// RISK_SUMMARY tallies a register straight from its rows (summarizeRegister, no risk object per row); the dashboard
// summarises the risks it has read (summarizeRisks). Both must give the same summary on any register.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../core/cells';
import { isPmoError } from '../../../core/errors';
import { summarizeRegister } from '../../../core/risk/concentration';
import { prepareRiskRegister } from '../../../core/risk/register';
import { readRiskRegister, summarizeRisks } from '../../../core/risk/register-read';

const HEADER = ['ID', 'Owner', 'Probability', 'Impact', 'Cost', 'Residual Probability', 'Residual Impact'];

/** Mostly readable cells of one scale, now and then a blank, and rarely a cell that stops the register. */
const rated = (readable: readonly Cell[]) =>
  fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom(...readable) },
    { weight: 3, arbitrary: fc.constantFrom<Cell>('', null) },
    { weight: 1, arbitrary: fc.constantFrom<Cell>('often', { kind: 'cell-error', text: '#N/A' }) },
  );
const FRACTIONS: readonly Cell[] = ['40%', 0.2, 0.65, '90%', 1, '5%'];
const RATINGS: readonly Cell[] = ['Likely', 'Rare', 3, 5, 'Almost certain', 2];
const cost = fc.constantFrom<Cell>(50_000, '120,000 CHF', '', null, -20_000, 0, '$1.2M');
const owner = fc.constantFrom<Cell>('Ana', 'ana ', 'ANA', 'Ben', '', null, 7, 'Chloé');
const rowsOn = (readable: readonly Cell[]) =>
  fc.array(
    fc.tuple(
      fc.integer({ min: 1, max: 999 }),
      owner,
      rated(readable),
      rated(readable),
      cost,
      rated(readable),
      rated(readable),
    ),
    { maxLength: 30 },
  );
const rows = fc.oneof(rowsOn(FRACTIONS), rowsOn(RATINGS));

/** The outcome of each path: the summary, or the error's message. */
function bothPaths(grid: Cell[][], groupIndex: number | undefined): [unknown, unknown] {
  const read = readRiskRegister(grid);
  const objects = isPmoError(read) ? read.message : summarizeRisks(read, groupIndex);
  const prepared = prepareRiskRegister(grid);
  if (isPmoError(prepared)) return [objects, prepared.message];
  const scanned = summarizeRegister(prepared, groupIndex);
  return [objects, isPmoError(scanned) ? scanned.message : scanned];
}

describe('summarizeRegister', () => {
  it('gives the summary summarizeRisks gives from the read register, or the same error', () => {
    fc.assert(
      fc.property(rows, fc.boolean(), (register, grouped) => {
        const grid: Cell[][] = [HEADER, ...register.map(([id, ...rest]) => [`R${id}`, ...rest])];
        const [objects, scanned] = bothPaths(grid, grouped ? 1 : undefined);
        expect(scanned).toEqual(objects);
      }),
      { numRuns: 400 },
    );
  });

  it('groups case- and space-insensitively under the first spelling, keeps blank owners as (blank), and counts each risk once in Total', () => {
    const grid: Cell[][] = [
      HEADER,
      ['R1', 'Ana', '40%', 0.4, 100_000, '', ''],
      ['R2', 'ana ', '20%', 0.8, 50_000, '10%', ''],
      ['R3', '', '60%', 0.1, 10_000, '', ''],
      ['R4', 'Ben', '', '', 80_000, '', ''],
    ];
    const [objects, scanned] = bothPaths(grid, 1);
    expect(scanned).toEqual(objects);
    const summary = scanned as ReturnType<typeof summarizeRisks>;
    expect(summary.groups.map((group) => [group.label, group.count])).toEqual([
      ['Ana', 2],
      ['(blank)', 1],
      ['Ben', 1],
    ]);
    expect(summary.total.count).toBe(4);
    expect(summary.total.inherent.exposure).toBeCloseTo(0.4 * 100_000 + 0.2 * 50_000 + 0.6 * 10_000, 6);
    // R2's residual probability 10% replaces its 20%; the others keep their inherent exposure.
    expect(summary.total.residual?.exposure).toBeCloseTo(0.4 * 100_000 + 0.1 * 50_000 + 0.6 * 10_000, 6);
    expect(summary.total.inherent.unrated).toBe(1);
  });
});
