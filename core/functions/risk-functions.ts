// Catalog entries for risk (DESIGN §6): RISK_SCORE, RISK_LEVEL, HEATMAP, EXPOSURE, RISK_SUMMARY, SIMULATE_EXPOSURE.

import { type Cell, isBlank, type Parsed, parseNumberText } from '../cells';
import { isPmoError, type PmoError, pmoError, quote } from '../errors';
import { type GroupSummary, groupColumn, type LevelCounts, summarizeRegister } from '../risk/concentration';
import {
  decideChanceColumn,
  expectedMonetaryValue,
  readAmount,
  readChance,
  readRatingColumn,
} from '../risk/exposure';
import { DEFAULT_HEATMAP_SIZE, heatmapBin, heatmapTable, MAX_HEATMAP_SIZE } from '../risk/heatmap';
import {
  defaultBands,
  levelFromMatrix,
  levelOf,
  RISK_LEVELS,
  type RiskBands,
  type RiskMatrix,
  readBands,
  riskMatrixFromRows,
  riskScore,
} from '../risk/levels';
import { MAX_SEED } from '../risk/random';
import { prepareRiskRegister } from '../risk/register';
import {
  decideColumnScale,
  isRatingValue,
  type RatingCell,
  type RatingScale,
  ratingValueReader,
  settleScale,
} from '../risk/scales';
import {
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  MAX_ITERATIONS,
  MAX_RISK_DRAWS,
  type SimulatedRisk,
  simulateExposure,
} from '../risk/simulation';
import { alignColumns, columnResult, isNumberLike } from './columns';
import { formatCount } from './messages';
import { defineFunction, type FunctionSpec, type Grid, type OutCell, type OutGrid } from './types';

const PROBABILITY = {
  name: 'probability',
  kind: 'column',
  description:
    'Probability of each risk, one per row (header optional): 1–5, 0.4, "40%", or a label such as Likely, Rare or H.',
} as const;
const IMPACT = {
  name: 'impact',
  kind: 'column',
  description:
    'Impact of each risk, one per row (header optional): 1–5, 0.4, "40%", or a label such as Major, Minor or M.',
} as const;
const CHANCE = {
  name: 'probability',
  kind: 'column',
  description: 'Probability of each risk as a chance, one per row (header optional): 0.4 or "40%".',
} as const;

/** The ratings of a probability/impact pair, with the scale of each column settled. */
interface RatingPair {
  readonly header: boolean;
  /** Rows above the first data row in the ranges (1 when a header was given): for row numbers in messages. */
  readonly offset: number;
  readonly probability: readonly RatingCell[];
  readonly impact: readonly RatingCell[];
  readonly probabilityScale: RatingScale;
  readonly impactScale: RatingScale;
  /** Multiplied on different scales: each rating is read as its level 1–5 (DESIGN §10, mixed scales). */
  readonly mixed: boolean;
  /** A cell's value on its column's scale, read once per distinct cell (the reader shares equal cells). */
  readonly probabilityValue: (cell: RatingCell) => Parsed<number>;
  readonly impactValue: (cell: RatingCell) => Parsed<number>;
}

/** The blank rating, for a row past the end of a column. */
const BLANK_RATING: RatingCell = { kind: 'blank' };

/**
 * Reads probability and impact columns. On `multiply`, columns on different scales (probability in %, impact 1–5)
 * are mixed: each value becomes its level 1–5 (fractions by the heatmap's equal fifths), so the score is 1–25.
 */
function readRatingPair(
  fn: string,
  probabilityGrid: Grid,
  impactGrid: Grid,
  multiply: boolean,
): RatingPair | PmoError {
  const aligned = alignColumns(fn, [
    { name: 'probability', grid: probabilityGrid, isValue: isRatingValue },
    { name: 'impact', grid: impactGrid, isValue: isRatingValue },
  ]);
  if (isPmoError(aligned)) return aligned;
  const probabilityCells = readRatingColumn(aligned.columns[0] ?? []);
  const impactCells = readRatingColumn(aligned.columns[1] ?? []);
  const probabilityColumn = decideColumnScale(probabilityCells);
  const impactColumn = decideColumnScale(impactCells);
  const probabilityScale = settleScale(probabilityColumn, impactColumn);
  const impactScale = settleScale(impactColumn, probabilityColumn);
  return {
    header: aligned.header,
    offset: aligned.header ? 1 : 0,
    probability: probabilityCells,
    impact: impactCells,
    probabilityScale,
    impactScale,
    mixed: multiply && probabilityScale !== impactScale,
    probabilityValue: ratingValueReader(probabilityScale, probabilityColumn.threeLevel),
    impactValue: ratingValueReader(impactScale, impactColumn.threeLevel),
  };
}

type RatedRow = { kind: 'blank' } | { kind: 'rated'; probability: number; impact: number } | PmoError;

/** Row `index` of a pair: blank when both cells are blank, else both values or the first problem. */
function ratedRow(pair: RatingPair, index: number): RatedRow {
  const probabilityCell = pair.probability[index] ?? BLANK_RATING;
  const impactCell = pair.impact[index] ?? BLANK_RATING;
  if (probabilityCell.kind === 'blank' && impactCell.kind === 'blank') return { kind: 'blank' };
  const probability = pair.probabilityValue(probabilityCell);
  if (!probability.ok) return pmoError('value', `probability ${probability.problem}`);
  const impact = pair.impactValue(impactCell);
  if (!impact.ok) return pmoError('value', `impact ${impact.problem}`);
  return pair.mixed
    ? {
        kind: 'rated',
        probability: heatmapBin(probability.value, pair.probabilityScale, 5),
        impact: heatmapBin(impact.value, pair.impactScale, 5),
      }
    : { kind: 'rated', probability: probability.value, impact: impact.value };
}

function pairColumn(
  pair: RatingPair,
  label: string,
  compute: (probability: number, impact: number) => OutCell,
): OutGrid {
  const values: OutCell[] = pair.probability.map((_, index) => {
    const row = ratedRow(pair, index);
    if (isPmoError(row)) return row;
    return row.kind === 'blank' ? '' : compute(row.probability, row.impact);
  });
  return columnResult(pair.header, label, values);
}

export const RISK_SCORE = /* @__PURE__ */ defineFunction({
  name: 'RISK_SCORE',
  description:
    'Risk score per row: probability × impact (1–25 on 1–5 scales, 0–1 on fractions; on mixed scales each is its level 1–5).',
  returns:
    'One score per row (a Score header when the inputs had headers); a bad row is an error in its cell.',
  params: [PROBABILITY, IMPACT],
  run: ([probability, impact]) => {
    const pair = readRatingPair('RISK_SCORE', probability, impact, true);
    return isPmoError(pair) ? pair : pairColumn(pair, 'Score', riskScore);
  },
});

/** A square range of labels: an explicit colour map rather than bands. */
function isColourMap(grid: readonly (readonly Cell[])[]): boolean {
  return (
    grid.length >= 2 &&
    grid.every((row) => row.length === grid.length) &&
    grid.every((row) =>
      row.every((cell) => typeof cell === 'string' && !isBlank(cell) && parseNumberText(cell) === undefined),
    )
  );
}

export const RISK_LEVEL = /* @__PURE__ */ defineFunction({
  name: 'RISK_LEVEL',
  description:
    'Risk level per row: Low / Moderate / High / Extreme by score bands (5×5: 1–3, 4–6, 8–12, 15–25; fractions: <0.05, <0.15, <0.35, ≥0.35).',
  returns:
    'One level per row (a Level header when the inputs had headers); a bad row is an error in its cell.',
  params: [
    PROBABILITY,
    IMPACT,
    {
      name: 'bands',
      kind: 'table',
      optional: true,
      description:
        'Your bands: two columns (minimum score, label), e.g. 1 Low, 5 Medium, 10 High; or an N×N colour map of labels, most likely row on top.',
    },
  ],
  run: ([probability, impact, bandsGrid]) => {
    let matrix: RiskMatrix | undefined;
    let bands: RiskBands | undefined;
    if (bandsGrid && isColourMap(bandsGrid)) {
      const read = riskMatrixFromRows(bandsGrid, "RISK_LEVEL's");
      if (isPmoError(read)) return read;
      matrix = read;
    } else if (bandsGrid) {
      const read = readBands(bandsGrid, 'RISK_LEVEL');
      if (isPmoError(read)) return read;
      bands = read;
    }
    const pair = readRatingPair('RISK_LEVEL', probability, impact, matrix === undefined);
    if (isPmoError(pair)) return pair;
    if (matrix) {
      const map = matrix;
      return pairColumn(
        pair,
        'Level',
        (probability, impact) =>
          levelFromMatrix(
            map,
            heatmapBin(probability, pair.probabilityScale, map.size),
            heatmapBin(impact, pair.impactScale, map.size),
          ) ?? '',
      );
    }
    const scoreBands = bands ?? defaultBands(pair.mixed ? 'rating' : pair.probabilityScale);
    const lowest = scoreBands[0]?.minimumScore ?? 0;
    return pairColumn(pair, 'Level', (probability, impact) => {
      const score = riskScore(probability, impact);
      return (
        levelOf(score, scoreBands) ??
        pmoError('value', `score ${score} is below the lowest band, which starts at ${lowest}`)
      );
    });
  },
});

export const HEATMAP = /* @__PURE__ */ defineFunction({
  name: 'HEATMAP',
  description: 'Number of risks in each cell of a probability × impact grid (default 5×5).',
  returns:
    '(size + 1) × (size + 1): impact 1..size across the top, probability size..1 down the side (most likely on top), counts inside.',
  params: [
    PROBABILITY,
    IMPACT,
    {
      name: 'size',
      kind: 'number',
      optional: true,
      default: DEFAULT_HEATMAP_SIZE,
      min: 2,
      max: MAX_HEATMAP_SIZE,
      integer: true,
      description: `Cells per side, 2 to ${MAX_HEATMAP_SIZE} (default 5). Fractions are split into equal bins (0–20%, 20–40%… on 5).`,
    },
  ],
  run: ([probability, impact, size]) => {
    const pair = readRatingPair('HEATMAP', probability, impact, false);
    if (isPmoError(pair)) return pair;
    // Counted straight into the grid: no point or ID per risk (the dashboard's heatmap keeps those).
    const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    let firstProblem: string | undefined;
    let problems = 0;
    for (let index = 0; index < pair.probability.length; index++) {
      const row = ratedRow(pair, index);
      if (isPmoError(row)) {
        problems += 1;
        firstProblem ??= `row ${index + 1 + pair.offset}: ${row.message}`;
      } else if (row.kind === 'rated') {
        const cells = counts[heatmapBin(row.probability, pair.probabilityScale, size) - 1];
        const i = heatmapBin(row.impact, pair.impactScale, size) - 1;
        if (cells) cells[i] = (cells[i] ?? 0) + 1;
      }
    }
    if (firstProblem !== undefined) {
      const more =
        problems > 2
          ? `; ${formatCount(problems - 1)} more rows cannot be placed either`
          : problems === 2
            ? '; 1 more row cannot be placed either'
            : '';
      return pmoError('value', `HEATMAP cannot place ${firstProblem}${more}.`);
    }
    return heatmapTable({ size, counts });
  },
});

/** Reads a probability column as chances; a column of 1–5 ratings is an error naming an example. */
function chanceColumn(fn: string, cells: readonly Cell[], header: boolean): RatingCell[] | PmoError {
  const ratings = readRatingColumn(cells);
  const decision = decideChanceColumn(ratings);
  if (decision.kind === 'ratings') {
    const row = decision.row + (header ? 1 : 0);
    return pmoError(
      'value',
      `${fn} needs probabilities such as 0.4 or 40%, but probability holds 1–5 ratings (${quote(decision.example)} in row ${row}).`,
    );
  }
  return ratings;
}

export const EXPOSURE = /* @__PURE__ */ defineFunction({
  name: 'EXPOSURE',
  description:
    'Expected monetary value per row: probability × cost. Money text is read ("300,000 CHF", "$1.2M"); the sign of the cost is kept.',
  returns:
    'One exposure per row (an Exposure header when the inputs had headers); a bad row is an error in its cell.',
  params: [
    CHANCE,
    {
      name: 'impact',
      kind: 'column',
      description:
        'Cost if the risk occurs, one per row: 50000, "300,000 CHF", "$1.2M"; negative for an opportunity (or for threats, if your register writes them so).',
    },
  ],
  run: ([probability, impact]) => {
    const aligned = alignColumns('EXPOSURE', [
      { name: 'probability', grid: probability, isValue: isRatingValue },
      { name: 'impact', grid: impact, isValue: isNumberLike },
    ]);
    if (isPmoError(aligned)) return aligned;
    const [chanceCells = [], costCells = []] = aligned.columns;
    const chances = chanceColumn('EXPOSURE', chanceCells, aligned.header);
    if (isPmoError(chances)) return chances;
    const values: OutCell[] = chances.map((chanceCell, index) => {
      const costCell = costCells[index] ?? null;
      if (chanceCell.kind === 'blank' && isBlank(costCell)) return '';
      const chance = readChance(chanceCell);
      if (!chance.ok) return pmoError('value', `probability ${chance.problem}`);
      const cost = readAmount(costCell);
      if (!cost.ok) return pmoError('value', `impact ${cost.problem}`);
      return expectedMonetaryValue(chance.value, cost.value);
    });
    return columnResult(aligned.header, 'Exposure', values);
  },
});

function levelCells(counts: LevelCounts): OutCell[] {
  return [...RISK_LEVELS.map((level) => counts.counts[level]), counts.unrated];
}

export const RISK_SUMMARY = /* @__PURE__ */ defineFunction({
  name: 'RISK_SUMMARY',
  description:
    'Reads a risk register and returns, per group or for the whole portfolio: count, count per level, total exposure and share of the exposure.',
  returns:
    'Header row (group, Count, Low, Moderate, High, Extreme, Unrated, Exposure, Share, then Residual columns when the register has them), one row per group by exposure, a Total row.',
  params: [
    {
      name: 'risks',
      kind: 'table',
      description:
        'Risk register with its header row: Probability, and Impact and/or Cost; optional ID, Category, Owner, Project, Cost Low/High, Residual Probability/Impact.',
    },
    {
      name: 'group_by',
      kind: 'text',
      optional: true,
      description:
        'Column to group by, e.g. "Category", "Owner" or "Project" (default: the whole portfolio).',
    },
  ],
  run: ([risks, groupBy]) => {
    const prepared = prepareRiskRegister(risks);
    if (isPmoError(prepared)) return prepared;
    const { register } = prepared;
    let groupIndex: number | undefined;
    if (groupBy !== undefined) {
      const found = groupColumn(register, groupBy);
      if (isPmoError(found)) return found;
      groupIndex = found;
    }
    const summary = summarizeRegister(prepared, groupIndex);
    if (isPmoError(summary)) return summary;
    const exposureCell = (exposure: number | undefined): OutCell => {
      if (register.exposure === 'no-amount') return '';
      if (register.exposure === 'ratings') {
        return pmoError('value', 'exposure needs probabilities such as 0.4 or 40%, not 1–5 ratings');
      }
      return exposure ?? '';
    };
    const shareCell = (share: number | undefined, whole: number | undefined): OutCell => {
      if (register.exposure !== 'available') return exposureCell(undefined);
      if (share !== undefined) return share;
      return pmoError(
        'not-available',
        whole === 0
          ? "the portfolio's total exposure is 0, so it has no shares"
          : "the portfolio's total exposure is too near 0 for shares of it to be numbers",
      );
    };
    const header: OutCell[] = [
      summary.groupHeader ?? 'Group',
      'Count',
      ...RISK_LEVELS,
      'Unrated',
      'Exposure',
      'Share',
    ];
    if (register.hasResidual) {
      const residual = [
        ...RISK_LEVELS.map((level) => `Residual ${level}`),
        'Residual Unrated',
        'Residual Exposure',
        'Residual Share',
      ];
      for (const label of residual) header.push(label);
    }
    const row = (group: GroupSummary): OutCell[] => {
      const cells: OutCell[] = [
        group.label,
        group.count,
        ...levelCells(group.inherent),
        exposureCell(group.inherent.exposure),
        shareCell(group.share, summary.total.inherent.exposure),
      ];
      if (group.residual) {
        const residual = [
          ...levelCells(group.residual),
          exposureCell(group.residual.exposure),
          shareCell(group.residualShare, summary.total.residual?.exposure),
        ];
        for (const cell of residual) cells.push(cell);
      }
      return cells;
    };
    return [header, ...summary.groups.map(row), row(summary.total)];
  },
});

const SIMULATION_LABELS = ['Mean', 'P50', 'P80', 'P90', 'P95', 'Contingency'] as const;

/** The risks of SIMULATE_EXPOSURE's aligned columns; the first unusable row is an error naming it. */
function simulatedRisks(
  fn: string,
  columns: readonly (readonly Cell[])[],
  chances: readonly RatingCell[],
  offset: number,
): SimulatedRisk[] | PmoError {
  const risks: SimulatedRisk[] = [];
  const [, lows = [], likelys = [], highs = []] = columns;
  for (const [index, chanceCell] of chances.entries()) {
    const lowCell = lows[index] ?? null;
    const likelyCell = likelys[index] ?? null;
    const highCell = highs[index] ?? null;
    if (chanceCell.kind === 'blank' && isBlank(lowCell) && isBlank(likelyCell) && isBlank(highCell)) continue;
    const where = `${fn} cannot use row ${index + 1 + offset}:`;
    const chance = readChance(chanceCell);
    if (!chance.ok) return pmoError('value', `${where} probability ${chance.problem}.`);
    const likely = readAmount(likelyCell);
    if (!likely.ok) return pmoError('value', `${where} likely ${likely.problem}.`);
    const low = isBlank(lowCell) ? likely : readAmount(lowCell);
    if (!low.ok) return pmoError('value', `${where} low ${low.problem}.`);
    const high = isBlank(highCell) ? likely : readAmount(highCell);
    if (!high.ok) return pmoError('value', `${where} high ${high.problem}.`);
    if (low.value > likely.value)
      return pmoError('value', `${where} low ${low.value} is above likely ${likely.value}.`);
    if (likely.value > high.value)
      return pmoError('value', `${where} likely ${likely.value} is above high ${high.value}.`);
    risks.push({ probability: chance.value, low: low.value, likely: likely.value, high: high.value });
  }
  return risks;
}

export const SIMULATE_EXPOSURE = /* @__PURE__ */ defineFunction({
  name: 'SIMULATE_EXPOSURE',
  description:
    'Monte Carlo of total exposure: each risk occurs with its probability and costs a PERT(low, likely, high) draw. Same seed, same table.',
  returns: 'Two columns: Mean, P50, P80, P90, P95, Contingency (P95 − P50) and their values.',
  params: [
    CHANCE,
    { name: 'low', kind: 'column', description: 'Lowest cost of each risk if it occurs (blank = likely).' },
    { name: 'likely', kind: 'column', description: 'Most likely cost of each risk if it occurs.' },
    { name: 'high', kind: 'column', description: 'Highest cost of each risk if it occurs (blank = likely).' },
    {
      name: 'iterations',
      kind: 'number',
      optional: true,
      default: DEFAULT_ITERATIONS,
      min: 1,
      max: MAX_ITERATIONS,
      integer: true,
      description: `Simulated portfolios, 1 to ${formatCount(MAX_ITERATIONS)} (default ${formatCount(DEFAULT_ITERATIONS)}).`,
    },
    {
      name: 'seed',
      kind: 'number',
      optional: true,
      default: DEFAULT_SEED,
      min: 0,
      max: MAX_SEED,
      integer: true,
      description: `Seed of the random generator, a whole number 0 to ${MAX_SEED} (default ${DEFAULT_SEED}).`,
    },
  ],
  run: ([probability, low, likely, high, iterations, seed]) => {
    const fn = 'SIMULATE_EXPOSURE';
    const aligned = alignColumns(fn, [
      { name: 'probability', grid: probability, isValue: isRatingValue },
      { name: 'low', grid: low, isValue: isNumberLike },
      { name: 'likely', grid: likely, isValue: isNumberLike },
      { name: 'high', grid: high, isValue: isNumberLike },
    ]);
    if (isPmoError(aligned)) return aligned;
    const chances = chanceColumn(fn, aligned.columns[0] ?? [], aligned.header);
    if (isPmoError(chances)) return chances;
    const risks = simulatedRisks(fn, aligned.columns, chances, aligned.header ? 1 : 0);
    if (isPmoError(risks)) return risks;
    if (risks.length === 0)
      return pmoError('not-available', `${fn} has no risk to simulate: every row is blank.`);
    if (iterations * risks.length > MAX_RISK_DRAWS) {
      return pmoError(
        'value',
        `${fn} would make ${formatCount(iterations * risks.length)} draws (iterations × risks); ` +
          `the most is ${formatCount(MAX_RISK_DRAWS)}, so lower iterations.`,
      );
    }
    const result = simulateExposure(risks, { iterations, seed });
    const values = [result.mean, result.p50, result.p80, result.p90, result.p95, result.contingency];
    return SIMULATION_LABELS.map((label, index) => [label, values[index] ?? 0]);
  },
});

export const RISK_FUNCTIONS: readonly FunctionSpec[] = [
  RISK_SCORE,
  RISK_LEVEL,
  HEATMAP,
  EXPOSURE,
  RISK_SUMMARY,
  SIMULATE_EXPOSURE,
];
