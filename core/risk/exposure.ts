// Expected monetary value (DESIGN §6 EXPOSURE): probabilities read as chances, amounts read as money,
// exposure = P × cost with the sign the register wrote, and the PERT mean of a three-point cost.

import { type Cell, isBlank, isCellError, type Parsed, readNumber, TOO_LARGE } from '../cells';
import { quote } from '../errors';
import { decideColumnScale, type RatingCell, ratingValue, readRatingCell } from './scales';

/** How a column of probabilities reads as chances: fractions, or 1–5 ratings that cannot be a chance. */
export type ChanceColumn =
  | { readonly kind: 'chance' }
  | { readonly kind: 'ratings'; readonly example: string; readonly row: number };

/**
 * Decides whether a probability column holds chances (0.4, "40%", 0 and 1) or 1–5 ratings, which give no
 * expected value: a column on the 1–5 scale (DESIGN §10) with a label or an integer 2–5 holds ratings.
 * A column of only 0s and 1s holds chances; bare numbers such as 40 stay chances that fail row by row.
 * `row` in the answer counts from 1.
 */
export function decideChanceColumn(cells: readonly RatingCell[]): ChanceColumn {
  if (decideColumnScale(cells).kind !== 'rating') return { kind: 'chance' };
  const index = cells.findIndex(
    (cell) =>
      cell.kind === 'tokens' &&
      cell.tokens.some(
        (token) =>
          token.kind === 'label' ||
          (token.kind === 'number' && Number.isInteger(token.value) && token.value >= 2 && token.value <= 5),
      ),
  );
  const example = cells[index];
  if (example?.kind !== 'tokens') return { kind: 'chance' };
  return { kind: 'ratings', example: example.text, row: index + 1 };
}

/**
 * Reads a probability as a chance 0–1: 0.4, "40%", 1, or a range ("10%-20%", read as its higher end).
 * @example readChance(readRatingCell('40%')) // { ok: true, value: 0.4 }
 */
export function readChance(cell: RatingCell): Parsed<number> {
  if (cell.kind === 'bad' && cell.unknownText !== undefined) {
    return { ok: false, problem: `${quote(cell.unknownText)} is not a number such as 0.4 or 40%` };
  }
  return ratingValue(cell, 'fraction', false);
}

/**
 * Reads an amount of money: numbers and money text ("300,000 CHF", "$1.2M", "(1,500)" = −1,500).
 * Amounts beyond ±1e15 (cells.ts MAX_MAGNITUDE) are problems, so sums over any register stay finite. Problems are
 * phrased to follow the cell's role (`cost` + ` "abc" is not an amount`).
 */
export function readAmount(cell: Cell): Parsed<number> {
  if (isBlank(cell)) return { ok: false, problem: 'is blank' };
  if (isCellError(cell)) return { ok: false, problem: `is the error value ${cell.text}` };
  const number = readNumber(cell);
  if (number.ok) return number;
  const problem = number.problem === TOO_LARGE ? TOO_LARGE : 'not an amount';
  return { ok: false, problem: `${quote(String(cell))} is ${problem}` };
}

/**
 * Expected monetary value of one risk: probability × cost. The sign is the cost's: a register that writes
 * threats as positive costs gets positive exposures, and opportunities written as negative amounts
 * lower the total (a register in PMBOK's sign, threats negative, keeps that sign).
 * @example expectedMonetaryValue(0.4, 50_000) // 20,000
 */
export function expectedMonetaryValue(probability: number, cost: number): number {
  return probability * cost;
}

/**
 * The PERT mean of a three-point estimate: (low + 4·likely + high) ÷ 6.
 * @example pertMean(10, 20, 60) // 25
 */
export function pertMean(low: number, likely: number, high: number): number {
  return (low + 4 * likely + high) / 6;
}

/**
 * Reads every cell of a column once (shared by the column functions and the register). Registers repeat a
 * few texts ("Likely", "40%") and numbers (1–5) thousands of times, so each distinct value is parsed once per
 * column, and equal cells share one RatingCell (callers may remember what they derive from it by object).
 */
export function readRatingColumn(cells: readonly Cell[]): RatingCell[] {
  const byValue = new Map<Cell, RatingCell>();
  return cells.map((cell) => {
    let read = byValue.get(cell);
    if (read === undefined) {
      read = readRatingCell(cell);
      byValue.set(cell, read);
    }
    return read;
  });
}
