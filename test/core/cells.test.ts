import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Cell,
  columnHoldsFractions,
  parseDateText,
  parseGeneralNumberText,
  parseNumberText,
  readDate,
  readFlag,
  readNumber,
  readProbability,
  readRatio,
} from '../../core/cells';
import { d } from '../helpers';

describe('parseNumberText', () => {
  it.each([
    ['42', 42],
    [' 1,250.50 ', 1250.5],
    ["1'250.50", 1250.5],
    ['1.250,50', 1250.5],
    ['12,5', 12.5],
    ['300,000 CHF', 300000],
    ['CHF 1,200,000', 1200000],
    ['$1.2M', 1200000],
    ['$450k', 450000],
    ['€ 2.5 bn', 2.5e9],
    ['(1,500)', -1500],
    ['(30,000) CHF', -30000],
    ['CHF (30,000)', -30000],
    ['(CHF 30,000)', -30000],
    ['-$20', -20],
    ['60%', 0.6],
    ['12.5 %', 0.125],
  ])('reads %j as %d', (text, expected) => {
    expect(parseNumberText(text)?.value).toBeCloseTo(expected, 9);
  });

  it.each(['', 'forty', '1.2.3', 'n/a', '12 apples', '--5', 'Infinity', 'NaN', '1e999'])(
    'rejects %j',
    (text) => {
      expect(parseNumberText(text)).toBeUndefined();
    },
  );
});

describe('parseNumberText on plain money', () => {
  // The fast path for whole digits with thousands commas and a currency after them must read every text as the
  // general reading does, including the near misses it leaves to it (decimals, groups of two, spaces, signs).
  const pieces = fc.constantFrom(
    '1',
    '12',
    '123',
    '1234',
    ',',
    ',000',
    ',12',
    '.',
    '.5',
    '0',
    ' ',
    ' CHF',
    'CHF',
    ' $',
    '$',
    '€',
    ' eur',
    'k',
    '%',
    '-',
    '(',
    ')',
    "'",
    '\u00a0',
    '999999999999999',
    '9',
  );
  // Text shaped like money, so that the fast path and its near misses come up often.
  const money = fc.tuple(
    fc.constantFrom('1', '12', '123', '999', '0'),
    fc.array(fc.constantFrom(',000', ',123', ',999', ',12', ',1234', '000'), { maxLength: 5 }),
    fc.constantFrom('', ' CHF', 'CHF', ' $', '€', ' usd', '  CHF', '.50', ' %'),
  );
  const text = fc.oneof(
    fc.array(pieces, { minLength: 1, maxLength: 7 }).map((parts) => parts.join('')),
    money.map(([head, groups, tail]) => `${head}${groups.join('')}${tail}`),
  );

  it('gives what the general reading gives, for any text built from digits, separators and currencies', () => {
    fc.assert(
      fc.property(text, (raw) => {
        expect(parseNumberText(raw)).toEqual(parseGeneralNumberText(raw));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['300,000 CHF', 300_000],
    ['1,250 $', 1250],
    ['42', 42],
    ['999,999,999,999,999', 999_999_999_999_999],
  ])('reads %j as %d on the fast path', (raw, value) => {
    expect(parseNumberText(raw)).toEqual({ value, percent: false });
  });
});

describe('an empty host cell', () => {
  // Both hosts pass "" for an empty cell, and invoke keeps it as the blank string it is: every reader must answer
  // for it exactly as for a blank (null), "blank" included, never "not a number".
  it('reads as blank in every cell reader', () => {
    expect(readNumber('')).toEqual(readNumber(null));
    expect(readDate('')).toEqual(readDate(null));
    expect(readRatio('', true)).toEqual(readRatio(null, true));
    expect(readProbability('')).toEqual(readProbability(null));
    expect(readNumber('')).toEqual({ ok: false, problem: 'blank' });
  });
});

describe('readNumber', () => {
  it('gives problems, not NaN, for blanks, booleans, error cells and words', () => {
    expect(readNumber(null)).toEqual({ ok: false, problem: 'blank' });
    expect(readNumber(true).ok).toBe(false);
    expect(readNumber({ kind: 'cell-error', text: '#N/A' })).toEqual({
      ok: false,
      problem: 'error value #N/A in the cell',
    });
    expect(readNumber('lots').ok).toBe(false);
    expect(readNumber(Number.NaN).ok).toBe(false);
  });
});

describe('ratios and the allocation column rule', () => {
  it('reads percent text as a percentage whatever the column holds', () => {
    expect(readRatio('60%', true)).toEqual({ ok: true, value: 0.6 });
    expect(readRatio('60%', false)).toEqual({ ok: true, value: 0.6 });
  });

  it('reads plain numbers as fractions when every plain number in the column is at most 2', () => {
    const column = (...cells: Cell[]) => cells.map((cell) => ['label', cell]);
    expect(columnHoldsFractions(column(0.5, 1.2, '60%', null), 1)).toBe(true);
    expect(columnHoldsFractions(column(0.5, 60, '60%'), 1)).toBe(false);
    expect(columnHoldsFractions(column(60, 0.5), 1, 1)).toBe(true);
    expect(readRatio(1.2, true)).toEqual({ ok: true, value: 1.2 });
    expect(readRatio(60, false)).toEqual({ ok: true, value: 0.6 });
  });

  it('reads probabilities given as 0.4, 40 and "40%" the same', () => {
    for (const cell of [0.4, 40, '40%', '0.4'])
      expect(readProbability(cell)).toEqual({ ok: true, value: 0.4 });
    expect(readProbability(140).ok).toBe(false);
  });
});

describe('dates from cells', () => {
  it.each([
    ['2025-03-01', '2025-03-01'],
    ['2025-03-01T00:00:00', '2025-03-01'],
    ['1-Oct-21', '2021-10-01'],
    ['01 Oct 2021', '2021-10-01'],
    ['Oct 1, 2021', '2021-10-01'],
    ['01.10.2021', '2021-10-01'],
    ['3/1/2025', '2025-03-01'],
    ['25/12/2025', '2025-12-25'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDateText(text)).toBe(d(iso));
  });

  it('rejects impossible dates and words', () => {
    expect(parseDateText('2025-02-30')).toBeUndefined();
    expect(parseDateText('soon')).toBeUndefined();
    expect(readDate(5).ok).toBe(false);
    expect(readDate(d('2025-03-01') + 0.75)).toEqual({ ok: true, value: d('2025-03-01') });
  });
});

describe('readFlag', () => {
  it('treats No, FALSE, N and 0 as false and anything else, blank included, as true', () => {
    for (const cell of ['No', 'FALSE', ' n ', '0', false, 0]) expect(readFlag(cell)).toBe(false);
    for (const cell of ['Yes', 'TRUE', null, 1, true]) expect(readFlag(cell)).toBe(true);
  });
});
