import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../core/cells';
import {
  decideColumnScale,
  FIVE_LEVEL_LABELS,
  isRatingValue,
  type RatingScale,
  ratingValue,
  readRatingCell,
  settleScale,
  THREE_LEVEL_LABELS,
} from '../../../core/risk/scales';

/** Reads a whole column the way the functions do: decide the scale once, then each cell on it. */
function readColumn(cells: Cell[], partner?: Cell[]): (number | string)[] {
  const parsed = cells.map(readRatingCell);
  const column = decideColumnScale(parsed);
  const scale = settleScale(column, partner ? decideColumnScale(partner.map(readRatingCell)) : undefined);
  return parsed.map((cell) => {
    const value = ratingValue(cell, scale, column.threeLevel);
    return value.ok ? value.value : value.problem;
  });
}

function valueOn(cell: Cell, scale: RatingScale, threeLevel = false): number | string {
  const value = ratingValue(readRatingCell(cell), scale, threeLevel);
  return value.ok ? value.value : value.problem;
}

describe('rating labels', () => {
  it('maps the generic five-level ladder Very Low … Very High to 1 … 5', () => {
    expect(readColumn(['Very Low', 'Low', 'Medium', 'Moderate', 'High', 'Very High'])).toEqual([
      1, 2, 3, 3, 4, 5,
    ]);
  });

  it('maps the likelihood ladder Rare … Almost certain to 1 … 5 (NPSA 2008 likelihood descriptors)', () => {
    expect(readColumn(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'])).toEqual([1, 2, 3, 4, 5]);
  });

  it('maps the consequence ladder Insignificant … Catastrophic (and Negligible, Severe) to 1 … 5', () => {
    expect(readColumn(['Insignificant', 'Minor', 'Moderate', 'Major', 'Catastrophic'])).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(readColumn(['Negligible', 'Severe'])).toEqual([1, 5]);
  });

  it('reads labels whatever their case, inner hyphens and stray spaces', () => {
    expect(readColumn(['  ALMOST   CERTAIN ', 'very-high', 'rare.', 'Very_Low'])).toEqual([5, 5, 1, 1]);
  });

  it('maps a column of only High / Medium / Low to 5 / 3 / 1 (a three-level register)', () => {
    expect(readColumn(['High', 'Medium', 'Low', 'high ', ' low'])).toEqual([5, 3, 1, 5, 1]);
  });

  it('maps a column of only H / M / L, with stray spaces such as "L  ", to 5 / 3 / 1', () => {
    expect(readColumn(['H', 'M', 'L  ', ' h'])).toEqual([5, 3, 1, 5]);
  });

  it('keeps the five-level meaning of Low and High when the column also holds other labels', () => {
    expect(readColumn(['Low', 'High', 'Very High'])).toEqual([2, 4, 5]);
    expect(readColumn(['L', 'H', 'VH'])).toEqual([2, 4, 5]);
  });

  it('lists every label of the three-level table in the five-level table too', () => {
    expect(THREE_LEVEL_LABELS.size).toBe(8);
    for (const label of THREE_LEVEL_LABELS.keys()) expect(FIVE_LEVEL_LABELS.get(label)).toBeDefined();
  });
});

describe('rating cells', () => {
  it('reads integers 1–5, fractions and percentages', () => {
    expect(valueOn(3, 'rating')).toBe(3);
    expect(valueOn('4', 'rating')).toBe(4);
    expect(valueOn(0.4, 'fraction')).toBe(0.4);
    expect(valueOn('40%', 'fraction')).toBe(0.4);
    expect(valueOn(' 5 % ', 'fraction')).toBe(0.05);
  });

  it('reads a range such as "M - H" as its higher end, on the scale of its column', () => {
    expect(readColumn(['M - H', 'L-M', 'Low to Medium', 'H'])).toEqual([5, 3, 3, 5]);
    expect(readColumn(['M - H', 'Very Low'])).toEqual([4, 1]);
    expect(valueOn('2-3', 'rating')).toBe(3);
    expect(valueOn('10%–20%', 'fraction')).toBe(0.2);
    expect(valueOn('Unlikely / Possible', 'rating')).toBe(3);
  });

  it('reads a numbered label such as "3 - Possible" or "Likely (4)" by its number', () => {
    expect(valueOn('3 - Possible', 'rating')).toBe(3);
    expect(valueOn('1 - Low', 'rating')).toBe(1);
    expect(valueOn('Likely (4)', 'rating')).toBe(4);
    expect(valueOn('2. Minor', 'rating')).toBe(2);
  });

  it('reads a rating followed by its reason after a comma, colon, semicolon or bracket, and no other prose', () => {
    expect(valueOn('Low, as everyone has the same vision going into the project', 'rating')).toBe(2);
    expect(valueOn('High (see note 3)', 'rating')).toBe(4);
    expect(valueOn('Likely: the vendor is late twice a year', 'rating')).toBe(4);
    expect(valueOn('3; depends on the budget', 'rating')).toBe(3);
    expect(valueOn('40%, from the sponsor', 'fraction')).toBe(0.4);
    expect(valueOn('Medium at the beginning, gets higher with time', 'rating')).toMatch(
      /^"Medium at the beginning, gets higher .*" is not a known rating/,
    );
    expect(valueOn('no configuration testing', 'rating')).toMatch(/is not a known rating/);
  });

  it('names the cell when text is not a known rating', () => {
    expect(valueOn('Sometimes', 'rating')).toBe(
      '"Sometimes" is not a known rating (use 1–5, 0.4, 40% or a label such as Low, Likely or Major)',
    );
    expect(valueOn('M - Sometimes', 'rating')).toMatch(/^"M - Sometimes" is not a known rating/);
  });

  it('names the cell when a number is off the 1–5 scale or above 1 among fractions', () => {
    expect(valueOn(7, 'rating')).toBe('"7" is not on the 1–5 scale');
    expect(valueOn(2.5, 'rating')).toBe('"2.5" is not on the 1–5 scale');
    expect(valueOn(0, 'rating')).toBe('"0" is not on the 1–5 scale');
    expect(valueOn(3, 'fraction')).toBe(
      '"3" is above 1 in a column of fractions (write 40% for a percentage)',
    );
    expect(valueOn('140%', 'fraction')).toBe('"140%" is above 100%');
    expect(valueOn(-0.2, 'fraction')).toBe('"-0.2" is below 0');
  });

  it('refuses a label in a column of fractions rather than inventing a fraction for it', () => {
    expect(valueOn('High', 'fraction')).toBe(
      '"High" is a label but the column holds fractions (0–1); write 0.4 or 40%',
    );
  });

  it('says blank, TRUE/FALSE and host error values are not ratings', () => {
    expect(valueOn(null, 'rating')).toBe('is blank');
    expect(valueOn('   ', 'rating')).toBe('is blank');
    expect(valueOn(true, 'rating')).toBe('TRUE is not a rating');
    expect(valueOn({ kind: 'cell-error', text: '#N/A' }, 'rating')).toBe('is the error value #N/A');
  });

  it('tells a header cell from data: labels and numbers are values, header words are not', () => {
    expect(isRatingValue('Likely')).toBe(true);
    expect(isRatingValue('M - H')).toBe(true);
    expect(isRatingValue(0.3)).toBe(true);
    for (const header of [
      'Probability',
      'Likelihood',
      'Impact',
      'Severity',
      'Consequence',
      'P',
      'I',
      'Score',
    ]) {
      expect(isRatingValue(header)).toBe(false);
    }
  });
});

describe('the scale decision of a column (DESIGN §10)', () => {
  const decide = (cells: Cell[]) => decideColumnScale(cells.map(readRatingCell));

  it('puts a column of integers 1–5 on the 1–5 scale', () => {
    expect(decide([1, 3, 5, 2])).toEqual({ kind: 'rating', threeLevel: false });
  });

  it('puts a column with a percentage or a number strictly between 0 and 1 on fractions, 0 and 1 included', () => {
    expect(decide([0.4, 1, 0])).toEqual({ kind: 'fraction', threeLevel: false });
    expect(decide(['40%', 1])).toEqual({ kind: 'fraction', threeLevel: false });
    expect(readColumn([0.4, 1, 0])).toEqual([0.4, 1, 0]);
  });

  it('puts a column of labels on the 1–5 scale, three-level when the labels are only H / M / L', () => {
    expect(decide(['Rare', 'Likely'])).toEqual({ kind: 'rating', threeLevel: false });
    expect(decide(['H', 'M', 'L'])).toEqual({ kind: 'rating', threeLevel: true });
  });

  it('leaves a column of only 1s to its partner column, and the 1–5 scale when both are so', () => {
    expect(decide([1, 1, null])).toEqual({ kind: 'either', threeLevel: false });
    expect(readColumn([1, 1], [0.5, 0.2])).toEqual([1, 1]);
    expect(settleScale(decide([1, 1]), decide([0.5]))).toBe('fraction');
    expect(settleScale(decide([1, 1]), decide([1]))).toBe('rating');
  });

  it('keeps fractions when a column mixes fractions with ratings, and reports the ratings row by row', () => {
    expect(readColumn([0.4, 3, 'High'])).toEqual([
      0.4,
      '"3" is above 1 in a column of fractions (write 40% for a percentage)',
      '"High" is a label but the column holds fractions (0–1); write 0.4 or 40%',
    ]);
  });

  it('decides the same scale whatever the order of the cells', () => {
    const cell = fc.oneof(
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom(0.1, 0.5, '40%', 'High', 'M', 'Likely', 'L  ', 'M - H', null, 'junk'),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), (cells) => {
        expect(decide([...cells].reverse())).toEqual(decide(cells));
      }),
    );
  });

  it('gives every rating on the 1–5 scale a value in 1..5 and every fraction a value in 0..1', () => {
    const cell = fc.oneof(
      fc.integer({ min: -2, max: 8 }),
      fc.double({ min: -1, max: 2, noNaN: true }),
      fc.constantFrom(...FIVE_LEVEL_LABELS.keys(), 'M - H', '30%', '150%', 'x', null),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 10 }), (cells) => {
        const parsed = cells.map(readRatingCell);
        const column = decideColumnScale(parsed);
        const scale = settleScale(column, undefined);
        for (const one of parsed) {
          const value = ratingValue(one, scale, column.threeLevel);
          if (!value.ok) continue;
          if (scale === 'rating') expect([1, 2, 3, 4, 5]).toContain(value.value);
          else expect(value.value >= 0 && value.value <= 1).toBe(true);
        }
      }),
    );
  });
});
