// Words a user types are looked up in Maps, never in plain objects: the names of Object.prototype's properties
// ("constructor", "__proto__", "toString"…) are plain unknown words in every word table of the core.

import { describe, expect, it } from 'vitest';
import { parseDateText, parseNumberText } from '../../core/cells';
import { randomIndexTableNamed } from '../../core/prioritization/ahp';
import { parseConfidenceLabel, parseDirection, parseImpactLabel } from '../../core/prioritization/scoring';
import { readRatingCell } from '../../core/risk/scales';

/** Every name Object.prototype holds, as typed and in lower case (the tables compare lower case). */
const WORDS = Object.getOwnPropertyNames(Object.prototype).flatMap((name) => [name, name.toLowerCase()]);

describe('prototype names in the word tables', () => {
  it('holds the twelve names a plain object inherits', () => {
    expect(WORDS).toContain('constructor');
    expect(WORDS).toContain('__proto__');
    expect(WORDS).toContain('hasOwnProperty');
    expect(WORDS.length).toBe(24);
  });

  it('reads none of them as a direction, an impact, a confidence or a random-index table', () => {
    for (const word of WORDS) {
      expect(parseDirection(word), word).toBeUndefined();
      expect(parseImpactLabel(word), word).toBeUndefined();
      expect(parseImpactLabel(`${word} impact`), word).toBeUndefined();
      expect(parseConfidenceLabel(word), word).toBeUndefined();
      expect(randomIndexTableNamed(word), word).toBeUndefined();
    }
  });

  it('reads none of them as a rating, and says so the way it says it of any unknown word', () => {
    for (const word of WORDS) {
      expect(readRatingCell(word), word).toEqual({
        kind: 'bad',
        problem: `"${word}" is not a known rating (use 1–5, 0.4, 40% or a label such as Low, Likely or Major)`,
        unknownText: word,
      });
      expect(readRatingCell(`Low - ${word}`).kind, word).toBe('bad');
    }
  });

  it('reads none of them as a month of a date or a multiplier of an amount', () => {
    for (const word of WORDS) {
      expect(parseDateText(`1 ${word} 2025`), word).toBeUndefined();
      expect(parseDateText(`${word} 1, 2025`), word).toBeUndefined();
      expect(parseNumberText(`3${word}`), word).toBeUndefined();
    }
    expect(parseDateText('1 Mar 2025')).toBe(45717);
    expect(parseNumberText('3k')?.value).toBe(3000);
  });
});
