// What `pmo inspect` says it understood (core/inspect-understood.ts): the legend as a workbook writes it, and the
// risks per level with Unrated only when some risks have no rating.

import { describe, expect, it } from 'vitest';
import { isPmoError } from '../../core/errors';
import { risksUnderstood } from '../../core/inspect-understood';
import { legendOf } from '../../core/risk/legend';
import { DEFAULT_RATING_BANDS } from '../../core/risk/levels';
import { readRiskRegister } from '../../core/risk/register-read';

describe('legendOf', () => {
  it('writes the default 5×5 bands as a register does: Low 1–3, Moderate 4–6, High 8–12, Extreme 15–25', () => {
    expect(legendOf(DEFAULT_RATING_BANDS, 'rating')).toEqual([
      { level: 'Extreme', from: 15, to: 25 },
      { level: 'High', from: 8, to: 12 },
      { level: 'Moderate', from: 4, to: 6 },
      { level: 'Low', from: 1, to: 3 },
    ]);
  });

  it('runs a band on fractions to the next minimum, the top one to 1', () => {
    const bands = [
      { minimumScore: 0, label: 'Green' },
      { minimumScore: 0.2, label: 'Red' },
    ];
    expect(legendOf(bands, 'fraction')).toEqual([
      { level: 'Red', from: 0.2, to: 1 },
      { level: 'Green', from: 0, to: 0.2 },
    ]);
  });
});

describe('risksUnderstood', () => {
  const read = (rows: (string | number | null)[][]) => {
    const register = readRiskRegister(rows, 1, []);
    if (isPmoError(register)) throw new Error(register.message);
    return risksUnderstood(register);
  };

  it('counts every level, even at 0, and adds Unrated only when a risk has no rating', () => {
    const header = ['ID', 'Risk', 'Probability', 'Impact'];
    expect(read([header, ['R1', 'Vendor late', 4, 5], ['R2', 'Key person leaves', 2, 2]]).levels).toEqual({
      Extreme: 1,
      High: 0,
      Moderate: 1,
      Low: 0,
    });
    expect(read([header, ['R1', 'Vendor late', 4, 5], ['R2', 'Scope creep', null, 3]]).levels).toEqual({
      Extreme: 1,
      High: 0,
      Moderate: 0,
      Low: 0,
      Unrated: 1,
    });
  });

  it('gives the exposure to the cent when impact is money, and no legend without a rating', () => {
    const understood = read([
      ['ID', 'Risk', 'Probability', 'Cost'],
      ['R1', 'Vendor late', '10%', 1000.333],
      ['R2', 'Audit', '50%', 200],
    ]);
    expect(understood.exposure).toBe(200.03);
    expect(understood.legend).toBeUndefined();
  });
});
