// The one seeded random generator of the core: xoshiro128** seeded by splitmix32, with normal and Gamma
// draws built only from +, −, ×, ÷ and √ (correctly rounded everywhere), so every host gives the same stream.

/** A seeded stream of random numbers. The same seed gives the same stream in every JavaScript engine. */
export interface RandomSource {
  /** A uniform draw strictly between 0 and 1 (32 bits of resolution). */
  uniform(): number;
  /** A standard normal draw (Marsaglia's polar method). */
  normal(): number;
  /** A Gamma(shape, 1) draw for shape ≥ 1 (Marsaglia–Tsang). */
  gamma(shape: number): number;
}

/** Largest seed accepted: seeds are 32-bit unsigned integers. */
export const MAX_SEED = 4_294_967_295;

const TWO_TO_MINUS_32 = 2 ** -32;

/** splitmix32: spreads a 32-bit seed into well-mixed state words. */
function splitmix32(state: number): { next: number; value: number } {
  const next = (state + 0x9e3779b9) | 0;
  let t = next ^ (next >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  t ^= t >>> 15;
  return { next, value: t >>> 0 };
}

const LN2_HIGH = 0.6931471803691238;
const LN2_LOW = 1.9082149292705877e-10;
const SQRT2 = Math.SQRT2;
// The bits of a double, through two views of one buffer; HIGH is the index of the word with the sign and the
// exponent, which depends on the platform's byte order.
const bitsDouble = new Float64Array(1);
const bitsWords = new Uint32Array(bitsDouble.buffer);
const HIGH = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;
/**
 * 2^−e for e = −1022 … 1023 at index e + 1022, each made by exact doublings and halvings of 1: multiplying a normal
 * number by one of them is exact, so it rescales the mantissa without writing its bits.
 */
const POWERS_OF_TWO = (() => {
  const powers = new Float64Array(2046);
  let up = 1;
  let down = 1;
  for (let e = 0; e <= 1023; e++) {
    powers[e + 1022] = down;
    if (e <= 1022) powers[1022 - e] = up;
    up *= 2;
    down /= 2;
  }
  return powers;
})();

/**
 * Natural logarithm of a positive finite number using only +, −, ×, ÷ and the exponent bits, so that it
 * gives the same double in every engine (Math.log is only "implementation-approximated" by ECMAScript).
 * Accurate to a few units in the last place. Non-positive input is a programming error (returns -Infinity
 * or NaN like Math.log would; callers never pass it).
 * @example portableLog(Math.E) // ≈ 1
 */
export function portableLog(x: number): number {
  if (!(x > 0) || x === Number.POSITIVE_INFINITY) return Math.log(x);
  let exponent = 0;
  let value = x;
  if (value < 2.2250738585072014e-308) {
    value *= 2 ** 54;
    exponent -= 54;
  }
  bitsDouble[0] = value;
  const binary = (((bitsWords[HIGH] ?? 0) >>> 20) & 0x7ff) - 1023;
  exponent += binary;
  // value × 2^−binary, in [1, 2): the mantissa (exact, as the factor is a power of two).
  let mantissa = value * (POWERS_OF_TWO[binary + 1022] ?? 1);
  if (mantissa > SQRT2) {
    mantissa /= 2;
    exponent += 1;
  }
  const f = (mantissa - 1) / (mantissa + 1);
  const s = f * f;
  // 2·atanh(f) = 2f·(1 + s/3 + s²/5 + …); |f| ≤ 0.1716 so eleven terms reach double precision.
  const series =
    1 +
    s *
      (1 / 3 +
        s *
          (1 / 5 +
            s *
              (1 / 7 +
                s *
                  (1 / 9 +
                    s *
                      (1 / 11 + s * (1 / 13 + s * (1 / 15 + s * (1 / 17 + s * (1 / 19 + s * (1 / 21))))))))));
  return exponent * LN2_HIGH + (exponent * LN2_LOW + 2 * f * series);
}

/**
 * Creates the core's seeded generator: xoshiro128** (Blackman & Vigna) with its four state words taken
 * from splitmix32 of `seed` (any integer; it is reduced to 32 bits).
 * @example createRandom(1).uniform() // the same number on every host
 */
export function createRandom(seed: number): RandomSource {
  let mix = seed | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const step = splitmix32(mix);
    mix = step.next;
    words.push(step.value);
  }
  let s0 = words[0] ?? 0;
  let s1 = words[1] ?? 0;
  let s2 = words[2] ?? 0;
  let s3 = words[3] ?? 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  let spareNormal = 0;
  let hasSpare = false;

  const nextWord = (): number => {
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  };

  const uniform = (): number => (nextWord() + 0.5) * TWO_TO_MINUS_32;

  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spareNormal;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * portableLog(s)) / s);
    spareNormal = v * factor;
    hasSpare = true;
    return u * factor;
  };

  const gamma = (shape: number): number => {
    if (!(shape >= 1)) throw new Error(`gamma shape must be at least 1, got ${shape}`);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (portableLog(u) < 0.5 * x2 + d * (1 - v + portableLog(v))) return d * v;
    }
  };

  return { uniform, normal, gamma };
}
