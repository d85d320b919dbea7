// Scoring methods, the stable ranking, WSJF and RICE, checked against SAFe's and Intercom's published examples.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPmoError } from '../../../core/errors';
import { rankScores } from '../../../core/prioritization/ranks';
import {
  type Direction,
  parseConfidenceLabel,
  parseDirection,
  parseImpactLabel,
  rankOrder,
  riceScore,
  type ScoreMethod,
  scoreRatings,
  wsjfScore,
} from '../../../core/prioritization/scoring';

const TOLERANCE = 1e-12;

function scores(
  ratings: number[][],
  weights: number[],
  directions: Direction[],
  method: ScoreMethod,
): (number | undefined)[] {
  const result = scoreRatings(ratings, weights, directions, method);
  if (isPmoError(result)) throw new Error(result.message);
  return result;
}

describe('scoreRatings', () => {
  const ratings = [
    [8, 3, 100],
    [6, 1, 50],
    [9, 5, 200],
  ];
  const directions: Direction[] = ['max', 'min', 'min'];

  it('weighted divides Σ w·x by Σ w and reflects a min criterion within its observed range (x′ = max + min − x)', () => {
    const [first, second, third] = scores(ratings, [5, 2, 3], directions, 'weighted');
    // Risk range 1…5 and cost range 50…200: row 1 has risk′ 3 and cost′ 150.
    expect(first).toBeCloseTo((5 * 8 + 2 * 3 + 3 * 150) / 10, 12);
    expect(second).toBeCloseTo((5 * 6 + 2 * 5 + 3 * 200) / 10, 12);
    expect(third).toBeCloseTo((5 * 9 + 2 * 1 + 3 * 50) / 10, 12);
  });

  it('sum is Σ w·x′ without dividing, as most templates do', () => {
    const [first] = scores(ratings, [5, 2, 3], directions, 'sum');
    expect(first).toBeCloseTo(5 * 8 + 2 * 3 + 3 * 150, 12);
  });

  it('minmax rescales each criterion to 0–1 and inverts min criteria, so cost-like criteria count against', () => {
    const [first, second, third] = scores(ratings, [1, 1, 2], directions, 'minmax');
    expect(first).toBeCloseTo(((8 - 6) / 3 + (5 - 3) / 4 + (2 * (200 - 100)) / 150) / 4, 12);
    expect(second).toBeCloseTo((0 + 1 + 2 * 1) / 4, 12);
    expect(third).toBeCloseTo((1 + 0 + 0) / 4, 12);
  });

  it('gives u = 1 to every row on a constant criterion in minmax', () => {
    expect(
      scores(
        [
          [4, 7],
          [9, 7],
        ],
        [1, 1],
        ['max', 'min'],
        'minmax',
      ),
    ).toEqual([0.5, 1]);
  });

  it('leaves undefined rows unscored and out of the observed range', () => {
    const result = scores([[1], undefined as unknown as number[], [3]], [1], ['min'], 'weighted');
    expect(result).toEqual([3, undefined, 1]);
  });

  it('accepts any non-negative weights but rejects negative weights and all-zero weights', () => {
    expect(scores([[2, 4]], [0, 7], ['max', 'max'], 'weighted')).toEqual([4]);
    const negative = scoreRatings([[2, 4]], [1, -1], ['max', 'max'], 'weighted');
    expect(isPmoError(negative) && negative.message).toBe('Weight 2 is -1; weights must be numbers ≥ 0.');
    const zero = scoreRatings([[2, 4]], [0, 0], ['max', 'max'], 'weighted');
    expect(isPmoError(zero) && zero.message).toBe('All weights are 0: at least one weight must be above 0.');
  });

  it('reads directions max/benefit/higher and min/cost/lower in any case, and nothing else', () => {
    expect(['Max', ' benefit ', 'HIGHER'].map(parseDirection)).toEqual(['max', 'max', 'max']);
    expect(['min', 'Cost', 'lower '].map(parseDirection)).toEqual(['min', 'min', 'min']);
    expect(parseDirection('sideways')).toBeUndefined();
  });

  const methods: ScoreMethod[] = ['weighted', 'sum', 'minmax'];
  const problem = fc
    .record({ rows: fc.integer({ min: 1, max: 8 }), criteria: fc.integer({ min: 1, max: 5 }) })
    .chain(({ rows, criteria }) =>
      fc.record({
        ratings: fc.array(
          fc.array(fc.integer({ min: 0, max: 10 }), { minLength: criteria, maxLength: criteria }),
          {
            minLength: rows,
            maxLength: rows,
          },
        ),
        weights: fc
          .array(fc.integer({ min: 0, max: 100 }), { minLength: criteria, maxLength: criteria })
          .filter((weights) => weights.some((weight) => weight > 0)),
        directions: fc.array(fc.constantFrom<Direction>('max', 'min'), {
          minLength: criteria,
          maxLength: criteria,
        }),
        method: fc.constantFrom(...methods),
      }),
    );

  it('leaves the ranking unchanged when every weight is multiplied by the same factor', () => {
    fc.assert(
      fc.property(problem, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (input, factor) => {
        const before = rankOrder(scores(input.ratings, input.weights, input.directions, input.method));
        const scaled = input.weights.map((weight) => weight * factor);
        const after = rankOrder(scores(input.ratings, scaled, input.directions, input.method));
        expect(after).toEqual(before);
      }),
    );
  });

  it('never lowers an initiative’s score when one of its benefit ratings improves', () => {
    fc.assert(
      fc.property(
        problem,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        (input, rowSeed, columnSeed, step) => {
          const row = rowSeed % input.ratings.length;
          const benefit = input.directions
            .map((direction, c) => (direction === 'max' ? c : -1))
            .filter((c) => c >= 0);
          if (benefit.length === 0) return;
          const column = benefit[columnSeed % benefit.length] as number;
          const before = scores(input.ratings, input.weights, input.directions, input.method)[row] ?? 0;
          const improved = input.ratings.map((ratings) => [...ratings]);
          (improved[row] as number[])[column] = ((improved[row] as number[])[column] ?? 0) + step;
          const after = scores(improved, input.weights, input.directions, input.method)[row] ?? 0;
          expect(after).toBeGreaterThanOrEqual(before - TOLERANCE * Math.max(1, Math.abs(before)));
        },
      ),
    );
  });

  it('ranks every scored row exactly once (a permutation of 1…n)', () => {
    fc.assert(
      fc.property(problem, (input) => {
        const ranks = rankScores(scores(input.ratings, input.weights, input.directions, input.method));
        expect([...ranks].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(input.ratings.map((_, i) => i + 1));
      }),
    );
  });
});

describe('rankScores', () => {
  it('gives rank 1 to the best score and keeps input order between ties', () => {
    expect(rankScores([2, 5, 2, 7])).toEqual([3, 2, 4, 1]);
  });

  it('treats scores equal to 12 significant digits as ties, so floating-point noise cannot reorder them', () => {
    expect(rankScores([0.1 + 0.2, 0.3])).toEqual([1, 2]);
  });

  it('leaves rows without a score unranked', () => {
    expect(rankScores([undefined, 4, undefined, 9])).toEqual([undefined, 2, undefined, 1]);
    expect(rankOrder([undefined, 4, undefined, 9])).toEqual([3, 1]);
  });
});

describe('wsjfScore', () => {
  // The worked table in Scaled Agile's "Prioritisation Framework: WSJF" spreadsheet template
  // (© Scaled Agile, Inc.; Google Sheets copy found via the pages corpus): Job size, User-business value,
  // Time criticality, RR|OE, CoD and the WSJF score, which the template prints rounded UP to 2 decimals
  // (16/13 = 1.2308 shows as 1.24; 12/13 = 0.923 as 0.93).
  const SAFE_TEMPLATE: [string, number, number, number, number, number, number][] = [
    ['Funky ferret', 5, 8, 5, 13, 26, 5.2],
    ['Fancy falcon', 5, 8, 5, 8, 21, 4.2],
    ['Grumpy gazelle', 8, 13, 5, 8, 26, 3.25],
    ['Cheeky chicken', 5, 5, 3, 8, 16, 3.2],
    ['Worried wolf', 5, 8, 1, 5, 14, 2.8],
    ['Excited eagle', 8, 13, 3, 8, 24, 3],
    ['Funny frog', 5, 5, 1, 5, 11, 2.2],
    ['Powerful piglet', 5, 5, 1, 5, 11, 2.2],
    ['Hilarious hound', 13, 8, 5, 8, 21, 1.62],
    ['Happy hamster', 13, 5, 3, 8, 16, 1.24],
    ['Panicky pigeon', 13, 5, 3, 8, 16, 1.24],
    ['Clumsy camel', 13, 8, 1, 3, 12, 0.93],
  ];

  it.each(SAFE_TEMPLATE)(
    'reproduces the SAFe template row %s (job %i, value %i + %i + %i = CoD %i) to its printed 2 decimals',
    (_name, jobSize, businessValue, timeCriticality, riskReduction, costOfDelay, printed) => {
      expect(businessValue + timeCriticality + riskReduction).toBe(costOfDelay);
      const score = wsjfScore({ businessValue, timeCriticality, riskReduction, jobSize });
      if (isPmoError(score)) throw new Error(score.message);
      expect(score).toBeCloseTo(costOfDelay / jobSize, 12);
      expect(Math.ceil(score * 100 - 1e-9) / 100).toBeCloseTo(printed, 12);
    },
  );

  it('is an error value "job size must be > 0" for a zero or negative job size', () => {
    for (const jobSize of [0, -3]) {
      const score = wsjfScore({ businessValue: 8, timeCriticality: 5, riskReduction: 13, jobSize });
      expect(isPmoError(score) && score.message).toBe('job size must be > 0');
    }
  });
});

describe('riceScore', () => {
  // Sean McBride, "RICE: Simple prioritization for product managers", Intercom blog (2016): Project 1 reach
  // 450/quarter, impact 3, confidence 100%, effort 2; Project 2 reach 2,000, impact 1, 80%, effort 4;
  // Project 3 reach 800, impact 2, 50%, effort 1.
  it.each([
    ['Project 1', 450, 3, 1, 2, 675],
    ['Project 2', 2000, 1, 0.8, 4, 400],
    ['Project 3', 800, 2, 0.5, 1, 800],
  ])(
    'scores Intercom’s %s as reach × impact × confidence ÷ effort = %s',
    (_name, reach, impact, confidence, effort, expected) => {
      expect(riceScore({ reach, impact, confidenceRatio: confidence, effort })).toBeCloseTo(expected, 10);
    },
  );

  it('maps Intercom’s impact words massive/high/medium/low/minimal to 3/2/1/0.5/0.25', () => {
    expect(['Massive', 'high', ' Medium ', 'LOW', 'minimal', 'high impact'].map(parseImpactLabel)).toEqual([
      3, 2, 1, 0.5, 0.25, 2,
    ]);
    expect(parseImpactLabel('huge')).toBeUndefined();
  });

  it('maps Intercom’s confidence words high/medium/low to 100%/80%/50%', () => {
    expect(['High', 'medium confidence', 'low'].map(parseConfidenceLabel)).toEqual([1, 0.8, 0.5]);
  });

  it('is an error value for zero effort, negative reach and confidence above 100%', () => {
    const base = { reach: 100, impact: 1, confidenceRatio: 0.8, effort: 1 };
    const messages = [
      riceScore({ ...base, effort: 0 }),
      riceScore({ ...base, reach: -1 }),
      riceScore({ ...base, confidenceRatio: 1.2 }),
    ].map((result) => (isPmoError(result) ? result.message : result));
    expect(messages).toEqual([
      'effort must be > 0',
      'reach must be ≥ 0',
      'confidence must be between 0% and 100%',
    ]);
  });
});
