// The one magnitude rule of the number readers (README "Errors and data issues"): a number beyond ±1e15 is a
// problem that says so, a denormal reads as 0, and nothing else changes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flushDenormal, MAX_MAGNITUDE, readNumber, readRatio, TOO_LARGE } from '../../core/cells';

const MIN_NORMAL = 2.2250738585072014e-308;

describe('the magnitude rule of readNumber', () => {
  it('reads ±1e15 and refuses anything beyond it, typed or as text', () => {
    expect(readNumber(1e15)).toEqual({ ok: true, value: 1e15 });
    expect(readNumber('-1,000,000,000,000,000')).toEqual({ ok: true, value: -1e15 });
    expect(readNumber(1e15 + 1)).toEqual({ ok: false, problem: TOO_LARGE });
    expect(readNumber('CHF 2e15')).toEqual({ ok: false, problem: TOO_LARGE });
    expect(readNumber('$2,000,000,000M')).toEqual({ ok: false, problem: TOO_LARGE });
    expect(readNumber(-1e308)).toEqual({ ok: false, problem: TOO_LARGE });
  });

  it('reads a denormal as 0 and keeps the smallest normal number', () => {
    for (const denormal of [5e-324, -5e-324, 1e-310, '5e-324', '1e-320%'])
      expect(readNumber(denormal), String(denormal)).toEqual({ ok: true, value: 0 });
    expect(readNumber(MIN_NORMAL)).toEqual({ ok: true, value: MIN_NORMAL });
    expect(readRatio(1e-306, false)).toEqual({ ok: true, value: 0 });
  });

  it('gives, for any double, either that double (a denormal as 0) within ±1e15 or the problem TOO_LARGE', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const read = readNumber(x);
        if (Math.abs(x) > MAX_MAGNITUDE) expect(read).toEqual({ ok: false, problem: TOO_LARGE });
        else expect(read).toEqual({ ok: true, value: flushDenormal(x) });
        if (read.ok && read.value !== 0) expect(Math.abs(read.value)).toBeGreaterThanOrEqual(MIN_NORMAL);
      }),
    );
  });
});
