// Catalog entries for scoring initiatives (DESIGN §6): SCORE, WSJF and RICE. They read the host's ranges
// (headers, blanks, labels, money text) and hand clean numbers to core/prioritization/scoring.

import { type Cell, cellText, isBlank, readProbability } from '../cells';
import { isPmoError, type PmoError, pmoError, quote } from '../errors';
import {
  type Direction,
  parseConfidenceLabel,
  parseDirection,
  parseImpactLabel,
  type RatingRow,
  riceScore,
  SCORE_METHODS,
  scoreRatings,
  wsjfScore,
} from '../prioritization/scoring';
import {
  alignColumns,
  alignedRow,
  type ColumnInput,
  columnArg,
  columnResult,
  fieldNumber,
  isNumberLike,
  matrixArg,
} from './columns';
import { argumentMessages as say } from './messages';
import { defineFunction, type Grid, type OutCell } from './types';

/**
 * A list given as a row, a column, or a header row above a row of values (weights, directions); any other
 * block is an error naming the argument rather than a silent first column.
 */
export function listCells(
  fn: string,
  name: string,
  grid: Grid,
  isValue: (cell: Cell) => boolean,
): Cell[] | PmoError {
  if (grid.length === 2 && (grid[0]?.length ?? 0) > 1) {
    const [labels = [], cells = []] = grid;
    if (labels.every((cell) => isBlank(cell) || (typeof cell === 'string' && !isValue(cell))))
      return [...cells];
  }
  if (grid.length > 1 && grid.some((row) => row.length > 1)) return say.notOneColumn(fn, name);
  return [...columnArg(grid, isValue).cells];
}

const isDirectionCell = (cell: Cell): boolean =>
  typeof cell === 'string' && parseDirection(cell) !== undefined;

/** Refuses a ratings column of text (a name or category column selected by mistake). */
function textColumnError(
  rows: Grid,
  header: readonly Cell[] | undefined,
  criteria: number,
): PmoError | undefined {
  for (let c = 0; c < criteria; c++) {
    const cells = rows.map((row) => row[c] ?? null).filter((cell) => !isBlank(cell));
    if (cells.length > 0 && cells.every((cell) => typeof cell === 'string' && !isNumberLike(cell))) {
      const name = header ? ` (${quote(cellText(header[c] ?? null))})` : '';
      return pmoError(
        'value',
        `SCORE's ratings column ${c + 1}${name} holds text, not ratings: select only the criteria columns.`,
      );
    }
  }
  return undefined;
}

function readWeights(grid: Grid, criteria: number): number[] | PmoError {
  const cells = listCells('SCORE', 'weights', grid, isNumberLike);
  if (isPmoError(cells)) return cells;
  if (cells.length !== criteria)
    return pmoError(
      'value',
      `SCORE has ${criteria} rating column${criteria === 1 ? '' : 's'} but ${cells.length} weight${cells.length === 1 ? '' : 's'}; give one weight per criterion.`,
    );
  const weights: number[] = [];
  for (let c = 0; c < criteria; c++) {
    const weight = fieldNumber(cells[c] ?? null, `Weight ${c + 1}`);
    if (isPmoError(weight)) return pmoError('value', `SCORE: ${weight.message}.`);
    if (weight < 0) return pmoError('value', `SCORE: weight ${c + 1} is ${weight}; weights must be ≥ 0.`);
    weights.push(weight);
  }
  return weights;
}

function readDirections(grid: Grid | undefined, criteria: number): Direction[] | PmoError {
  const directions: Direction[] = new Array<Direction>(criteria).fill('max');
  if (grid === undefined) return directions;
  const cells = listCells('SCORE', 'directions', grid, isDirectionCell);
  if (isPmoError(cells)) return cells;
  if (cells.length !== criteria)
    return pmoError(
      'value',
      `SCORE has ${criteria} rating columns but ${cells.length} directions; give one per criterion (blank = max).`,
    );
  for (let c = 0; c < criteria; c++) {
    const cell = cells[c] ?? null;
    if (isBlank(cell)) continue;
    const direction = parseDirection(cellText(cell));
    if (!direction)
      return pmoError(
        'value',
        `SCORE's direction ${c + 1} ${quote(cellText(cell))} is not max (benefit, higher) or min (cost, lower).`,
      );
    directions[c] = direction;
  }
  return directions;
}

export const SCORE = /* @__PURE__ */ defineFunction({
  name: 'SCORE',
  description:
    'Weighted score per initiative from its criterion ratings: weighted (Σw·x ÷ Σw), sum (Σw·x) or minmax (each criterion rescaled 0–1); min criteria count against.',
  returns: 'One score per row of ratings (a header cell Score when the ratings had a header row).',
  params: [
    {
      name: 'ratings',
      kind: 'table',
      description: 'Ratings: one row per initiative, one column per criterion (an optional header row).',
    },
    {
      name: 'weights',
      kind: 'table',
      description: 'One weight per criterion, as a row or a column; any non-negative numbers.',
    },
    {
      name: 'directions',
      kind: 'table',
      optional: true,
      description: 'Per criterion: max (default; benefit, higher) or min (cost, lower).',
    },
    {
      name: 'method',
      kind: 'choice',
      optional: true,
      values: SCORE_METHODS,
      default: 'weighted',
      aliases: {
        average: 'weighted',
        weightedaverage: 'weighted',
        mean: 'weighted',
        weightedsum: 'sum',
        total: 'sum',
        'min-max': 'minmax',
        normalised: 'minmax',
        normalized: 'minmax',
      },
      description: '"weighted" (default), "sum" or "minmax".',
    },
  ],
  run: ([ratingsGrid, weightsGrid, directionsGrid, method]) => {
    const { header, rows } = matrixArg(ratingsGrid, isNumberLike);
    const criteria = rows.reduce((most, row) => Math.max(most, row.length), 0);
    if (rows.length === 0 || criteria === 0)
      return pmoError('value', 'SCORE needs ratings: at least one row.');
    const textColumn = textColumnError(rows, header, criteria);
    if (textColumn) return textColumn;
    const weights = readWeights(weightsGrid, criteria);
    if (isPmoError(weights)) return weights;
    const directions = readDirections(directionsGrid, criteria);
    if (isPmoError(directions)) return directions;
    const columnName = (c: number) =>
      header && !isBlank(header[c] ?? null) ? cellText(header[c] ?? null) : `rating ${c + 1}`;
    const problems: (PmoError | undefined)[] = [];
    const ratings: RatingRow[] = rows.map((row, r) => {
      if (row.every((cell) => isBlank(cell))) return undefined;
      const values: number[] = [];
      for (let c = 0; c < criteria; c++) {
        const value = fieldNumber(row[c] ?? null, columnName(c));
        if (isPmoError(value)) {
          problems[r] = value;
          return undefined;
        }
        values.push(value);
      }
      return values;
    });
    const scores = scoreRatings(ratings, weights, directions, method);
    if ('kind' in scores) return pmoError('value', `SCORE: ${scores.message}`);
    const out: OutCell[] = scores.map((score, r) =>
      score === undefined || Number.isFinite(score)
        ? (problems[r] ?? score ?? '')
        : pmoError('value', 'the score is too large to hold: give smaller ratings or weights'),
    );
    return columnResult(header !== undefined, 'Score', out);
  },
});

/** A column of a per-row score: how to read its cells, and the name used when a blank one stops the row. */
interface ScoreColumn extends ColumnInput {
  readonly read: (cell: Cell) => number | PmoError;
  /** When set, a blank cell in this column is that row's error ("job size is blank"). */
  readonly blank?: string;
}

/** A column of numbers; its cells are named in messages by the parameter's words ("job size is blank"). */
function numberColumn(name: string, grid: Grid): ScoreColumn {
  const field = name.replace(/_/g, ' ');
  return { name, grid, isValue: isNumberLike, read: (cell) => fieldNumber(cell, field) };
}

/**
 * One score per row of aligned columns (WSJF, RICE): a blank row stays blank, a blank required cell or an
 * unreadable one is that row's error, and a header in gives the header `fn` out.
 */
function perRowScore(fn: string, columns: readonly ScoreColumn[], score: (values: number[]) => OutCell) {
  const aligned = alignColumns(fn, columns);
  if (isPmoError(aligned)) return aligned;
  const out = Array.from({ length: aligned.rowCount }, (_, r): OutCell => {
    const row = alignedRow(aligned, r);
    if (row.every((cell) => isBlank(cell))) return '';
    const required = columns.findIndex((column, i) => column.blank !== undefined && isBlank(row[i] ?? null));
    if (required >= 0) return pmoError('value', `${columns[required]?.blank} is blank`);
    const values: number[] = [];
    for (const [i, column] of columns.entries()) {
      const value = column.read(row[i] ?? null);
      if (isPmoError(value)) return value;
      values.push(value);
    }
    return score(values);
  });
  return columnResult(aligned.header, fn, out);
}

export const WSJF = /* @__PURE__ */ defineFunction({
  name: 'WSJF',
  description:
    'Weighted Shortest Job First (SAFe): (business value + time criticality + risk reduction|opportunity enablement) ÷ job size per row.',
  returns:
    'One WSJF per row (a header cell WSJF when the inputs had headers); job size ≤ 0 or blank → an error in that row.',
  params: [
    {
      name: 'business_value',
      kind: 'column',
      description: 'User-business value per row (a column, optional header).',
    },
    { name: 'time_criticality', kind: 'column', description: 'Time criticality per row.' },
    {
      name: 'risk_reduction',
      kind: 'column',
      description: 'Risk reduction | opportunity enablement per row.',
    },
    { name: 'job_size', kind: 'column', description: 'Job size (or duration) per row; must be > 0.' },
  ],
  run: ([business, time, risk, size]) =>
    perRowScore(
      'WSJF',
      [
        numberColumn('business_value', business),
        numberColumn('time_criticality', time),
        numberColumn('risk_reduction', risk),
        { ...numberColumn('job_size', size), blank: 'job size' },
      ],
      ([businessValue = 0, timeCriticality = 0, riskReduction = 0, jobSize = 0]) =>
        wsjfScore({ businessValue, timeCriticality, riskReduction, jobSize }),
    ),
});

const isImpactCell = (cell: Cell) =>
  isNumberLike(cell) || (typeof cell === 'string' && parseImpactLabel(cell) !== undefined);
const isConfidenceCell = (cell: Cell) =>
  isNumberLike(cell) || (typeof cell === 'string' && parseConfidenceLabel(cell) !== undefined);

function impactOf(cell: Cell): number | PmoError {
  if (typeof cell === 'string' && !isBlank(cell)) {
    const label = parseImpactLabel(cell);
    if (label !== undefined) return label;
    if (!isNumberLike(cell))
      return pmoError(
        'value',
        `impact ${quote(cellText(cell))} is not a number or massive/high/medium/low/minimal`,
      );
  }
  return fieldNumber(cell, 'impact');
}

function confidenceOf(cell: Cell): number | PmoError {
  if (isBlank(cell)) return pmoError('value', 'confidence is blank');
  if (typeof cell === 'string') {
    const label = parseConfidenceLabel(cell);
    if (label !== undefined) return label;
  }
  const parsed = readProbability(cell);
  return parsed.ok
    ? parsed.value
    : pmoError(
        'value',
        `confidence ${quote(cellText(cell))} is not a percentage such as 80% (or high/medium/low)`,
      );
}

export const RICE = /* @__PURE__ */ defineFunction({
  name: 'RICE',
  description:
    'RICE score (Intercom): reach × impact × confidence ÷ effort per row; impact 3/2/1/0.5/0.25 or massive/high/medium/low/minimal; confidence 0.8 or 80%.',
  returns:
    'One RICE score per row (a header cell RICE when the inputs had headers); blank or zero effort → an error in that row.',
  params: [
    { name: 'reach', kind: 'column', description: 'People or events per period, per row.' },
    {
      name: 'impact',
      kind: 'column',
      description: 'Impact: 3, 2, 1, 0.5, 0.25 or massive, high, medium, low, minimal.',
    },
    {
      name: 'confidence',
      kind: 'column',
      description: 'Confidence: 0.8, 80 or "80%" (or high 100%, medium 80%, low 50%).',
    },
    { name: 'effort', kind: 'column', description: 'Effort in person-months; must be > 0.' },
  ],
  run: ([reach, impact, confidence, effort]) =>
    perRowScore(
      'RICE',
      [
        numberColumn('reach', reach),
        { name: 'impact', grid: impact, isValue: isImpactCell, read: impactOf },
        { name: 'confidence', grid: confidence, isValue: isConfidenceCell, read: confidenceOf },
        { ...numberColumn('effort', effort), blank: 'effort' },
      ],
      ([reachValue = 0, impactValue = 0, confidenceRatio = 0, effortValue = 0]) =>
        riceScore({ reach: reachValue, impact: impactValue, confidenceRatio, effort: effortValue }),
    ),
});
