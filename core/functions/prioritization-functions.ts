// Catalog entries for portfolio prioritization (DESIGN §6): SCORE, WSJF, RICE, AHP_WEIGHTS, AHP_CR, SELECT, FRONTIER.
// They read the host's ranges (headers, blanks, labels, money text) and hand clean numbers to core/prioritization.

import { type Cell, cellText, isBlank, isCellError, readNumber, readProbability } from '../cells';
import { type PmoError, pmoError, quote } from '../errors';
import {
  ahpWeights,
  consistencyOf,
  customRandomIndexTable,
  RANDOM_INDEX_TABLES,
  type RandomIndexTable,
  randomIndexTableNamed,
  readPairwiseMatrix,
  SAATY_RI,
  WEIGHT_METHODS,
  type WeightMethod,
} from '../prioritization/ahp';
import {
  type Direction,
  parseConfidenceLabel,
  parseDirection,
  parseImpactLabel,
  type RatingRow,
  riceScore,
  SCORE_METHODS,
  type ScoreMethod,
  scoreRatings,
  wsjfScore,
} from '../prioritization/scoring';
import {
  efficientFrontier,
  formatAmount,
  type SelectionItem,
  selectPortfolio,
} from '../prioritization/selection';
import { choiceArg, scalarArg, tableArg } from './args';
import { type ColumnArg, columnResult, isNumberLike, matrixArg, vectorArg } from './columns';
import type { Arg, FunctionSpec, OutCell, OutGrid, ParamSpec } from './types';

type Grid = readonly (readonly Cell[])[];

/** A list given as a row, a column, or a header row above a row of values (weights, directions). */
function listArg(fn: string, name: string, arg: Arg, isValue: (cell: Cell) => boolean): Cell[] | PmoError {
  const grid = tableArg(arg);
  if (grid && grid.length === 2 && (grid[0]?.length ?? 0) > 1) {
    const [labels = [], cells = []] = grid;
    const labelRow = labels.every((cell) => isBlank(cell) || (typeof cell === 'string' && !isValue(cell)));
    if (labelRow) return [...cells];
  }
  const read = vectorArg(fn, name, arg, isValue);
  return 'kind' in read ? read : [...read.cells];
}

interface ColumnInput {
  readonly name: string;
  readonly arg: Arg;
  readonly isValue: (cell: Cell) => boolean;
}

/**
 * Reads parallel column arguments row by row (DESIGN §10). A header cell in any of them gives a header out;
 * a column one cell longer than a headed one whose first cell is text or blank loses that cell too. A single
 * cell is used for every row. Columns of different lengths are an error naming them.
 */
function alignedColumns(
  fn: string,
  inputs: readonly ColumnInput[],
): { header: boolean; rows: Cell[][] } | PmoError {
  const read: ColumnArg[] = [];
  for (const input of inputs) {
    if (input.arg === undefined) {
      read.push({ header: undefined, cells: [] });
      continue;
    }
    const column = vectorArg(fn, input.name, input.arg, input.isValue);
    if ('kind' in column) return column;
    read.push(column);
  }
  const headed = read.filter((column, i) => column.header !== undefined && inputs[i]?.arg !== undefined);
  const header = headed.length > 0;
  const length = header
    ? (headed[0]?.cells.length ?? 0)
    : Math.max(0, ...read.map((column) => (column.cells.length === 1 ? 0 : column.cells.length)));
  const columns = read.map((column, i) => {
    if (inputs[i]?.arg === undefined) return [] as Cell[];
    const first = column.cells[0] ?? null;
    if (
      header &&
      column.header === undefined &&
      column.cells.length === length + 1 &&
      (isBlank(first) || typeof first === 'string')
    )
      return column.cells.slice(1);
    return [...column.cells];
  });
  const rowCount = header ? length : Math.max(length, ...columns.map((cells) => cells.length));
  for (let i = 0; i < columns.length; i++) {
    const cells = columns[i] ?? [];
    if (inputs[i]?.arg === undefined || cells.length === rowCount || cells.length === 1) continue;
    const widest = columns.findIndex((other, j) => inputs[j]?.arg !== undefined && other.length === rowCount);
    return pmoError(
      'value',
      `${fn}'s ${inputs[i]?.name} has ${cells.length} rows but ${inputs[widest]?.name ?? 'another column'} has ${rowCount}; give ranges of the same size.`,
    );
  }
  const rows: Cell[][] = [];
  for (let r = 0; r < rowCount; r++)
    rows.push(
      columns.map((cells, i) =>
        inputs[i]?.arg === undefined ? null : ((cells.length === 1 ? cells[0] : cells[r]) ?? null),
      ),
    );
  return { header, rows };
}

const anyValue = (cell: Cell): boolean => !isBlank(cell);

/** Reads a number for a named field of a row; a problem sentence ("job size is blank") when it cannot. */
function fieldNumber(cell: Cell, field: string): number | PmoError {
  if (isBlank(cell)) return pmoError('value', `${field} is blank`);
  if (isCellError(cell)) return pmoError('value', `${field} is the error ${cell.text}`);
  const parsed = readNumber(cell);
  return parsed.ok ? parsed.value : pmoError('value', `${field} ${quote(cellText(cell))} is not a number`);
}

const isError = (value: unknown): value is PmoError =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'error';

// ---------------------------------------------------------------- SCORE

const METHOD_ALIASES: Record<string, ScoreMethod> = {
  average: 'weighted',
  weightedaverage: 'weighted',
  mean: 'weighted',
  weightedsum: 'sum',
  total: 'sum',
  'min-max': 'minmax',
  normalised: 'minmax',
  normalized: 'minmax',
};

const isDirectionCell = (cell: Cell): boolean =>
  typeof cell === 'string' && parseDirection(cell) !== undefined;

export const SCORE: FunctionSpec = {
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
      kind: 'scalar',
      optional: true,
      description: '"weighted" (default), "sum" or "minmax".',
    },
  ],
  run: ([ratingsArg, weightsArg, directionsArg, methodArg]) => {
    const method = choiceArg('SCORE', 'method', methodArg, SCORE_METHODS, 'weighted', METHOD_ALIASES);
    if (typeof method !== 'string') return method;
    const { header, rows } = matrixArg(ratingsArg, isNumberLike);
    const criteria = Math.max(0, ...rows.map((row) => row.length));
    if (rows.length === 0 || criteria === 0)
      return pmoError('value', 'SCORE needs ratings: at least one row.');
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
    const weightCells = listArg('SCORE', 'weights', weightsArg, isNumberLike);
    if ('kind' in weightCells) return weightCells;
    if (weightCells.length !== criteria)
      return pmoError(
        'value',
        `SCORE has ${criteria} rating column${criteria === 1 ? '' : 's'} but ${weightCells.length} weight${weightCells.length === 1 ? '' : 's'}; give one weight per criterion.`,
      );
    const weights: number[] = [];
    for (let c = 0; c < criteria; c++) {
      const weight = fieldNumber(weightCells[c] ?? null, `Weight ${c + 1}`);
      if (isError(weight)) return pmoError('value', `SCORE: ${weight.message}.`);
      if (weight < 0) return pmoError('value', `SCORE: weight ${c + 1} is ${weight}; weights must be ≥ 0.`);
      weights.push(weight);
    }
    const directions: Direction[] = new Array<Direction>(criteria).fill('max');
    if (directionsArg !== undefined) {
      const cells = listArg('SCORE', 'directions', directionsArg, isDirectionCell);
      if ('kind' in cells) return cells;
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
    }
    const columnName = (c: number) =>
      header && !isBlank(header[c] ?? null) ? cellText(header[c] ?? null) : `rating ${c + 1}`;
    const problems: (PmoError | undefined)[] = [];
    const ratings: RatingRow[] = rows.map((row, r) => {
      if (row.every((cell) => isBlank(cell))) return undefined;
      const values: number[] = [];
      for (let c = 0; c < criteria; c++) {
        const value = fieldNumber(row[c] ?? null, columnName(c));
        if (isError(value)) {
          problems[r] = value;
          return undefined;
        }
        values.push(value);
      }
      return values;
    });
    const scores = scoreRatings(ratings, weights, directions, method);
    if ('kind' in scores) return pmoError('value', `SCORE: ${scores.message}`);
    const out: OutCell[] = scores.map((score, r) => problems[r] ?? score ?? '');
    return columnResult(header ? 'Score' : undefined, 'Score', out);
  },
};

// ---------------------------------------------------------------- WSJF

const columnParam = (name: string, description: string): ParamSpec => ({ name, kind: 'table', description });

export const WSJF: FunctionSpec = {
  name: 'WSJF',
  description:
    'Weighted Shortest Job First (SAFe): (business value + time criticality + risk reduction|opportunity enablement) ÷ job size per row.',
  returns:
    'One WSJF per row (a header cell WSJF when the inputs had headers); job size ≤ 0 or blank → an error in that row.',
  params: [
    columnParam('business_value', 'User-business value per row (a column, optional header).'),
    columnParam('time_criticality', 'Time criticality per row.'),
    columnParam('risk_reduction', 'Risk reduction | opportunity enablement per row.'),
    columnParam('job_size', 'Job size (or duration) per row; must be > 0.'),
  ],
  run: ([business, time, risk, size]) => {
    const aligned = alignedColumns('WSJF', [
      { name: 'business_value', arg: business, isValue: isNumberLike },
      { name: 'time_criticality', arg: time, isValue: isNumberLike },
      { name: 'risk_reduction', arg: risk, isValue: isNumberLike },
      { name: 'job_size', arg: size, isValue: isNumberLike },
    ]);
    if ('kind' in aligned) return aligned;
    const out = aligned.rows.map((row): OutCell => {
      if (row.every((cell) => isBlank(cell))) return '';
      const [bv, tc, rr, js] = row;
      const jobCell = js ?? null;
      if (isBlank(jobCell)) return pmoError('value', 'job size is blank');
      const parts = [
        fieldNumber(bv ?? null, 'business value'),
        fieldNumber(tc ?? null, 'time criticality'),
        fieldNumber(rr ?? null, 'risk reduction'),
        fieldNumber(jobCell, 'job size'),
      ];
      const problem = parts.find(isError);
      if (problem) return problem;
      const [businessValue = 0, timeCriticality = 0, riskReduction = 0, jobSize = 0] = parts as number[];
      return wsjfScore({ businessValue, timeCriticality, riskReduction, jobSize });
    });
    return columnResult(aligned.header ? 'WSJF' : undefined, 'WSJF', out);
  },
};

// ---------------------------------------------------------------- RICE

const isImpactCell = (cell: Cell) =>
  isNumberLike(cell) || (typeof cell === 'string' && parseImpactLabel(cell) !== undefined);
const isConfidenceCell = (cell: Cell) =>
  isNumberLike(cell) || (typeof cell === 'string' && parseConfidenceLabel(cell) !== undefined);

function impactOf(cell: Cell): number | PmoError {
  if (typeof cell === 'string') {
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

export const RICE: FunctionSpec = {
  name: 'RICE',
  description:
    'RICE score (Intercom): reach × impact × confidence ÷ effort per row; impact 3/2/1/0.5/0.25 or massive/high/medium/low/minimal; confidence 0.8 or 80%.',
  returns:
    'One RICE score per row (a header cell RICE when the inputs had headers); blank or zero effort → an error in that row.',
  params: [
    columnParam('reach', 'People or events per period, per row.'),
    columnParam('impact', 'Impact: 3, 2, 1, 0.5, 0.25 or massive, high, medium, low, minimal.'),
    columnParam('confidence', 'Confidence: 0.8, 80 or "80%" (or high 100%, medium 80%, low 50%).'),
    columnParam('effort', 'Effort in person-months; must be > 0.'),
  ],
  run: ([reachArg, impactArg, confidenceArg, effortArg]) => {
    const aligned = alignedColumns('RICE', [
      { name: 'reach', arg: reachArg, isValue: isNumberLike },
      { name: 'impact', arg: impactArg, isValue: isImpactCell },
      { name: 'confidence', arg: confidenceArg, isValue: isConfidenceCell },
      { name: 'effort', arg: effortArg, isValue: isNumberLike },
    ]);
    if ('kind' in aligned) return aligned;
    const out = aligned.rows.map((row): OutCell => {
      if (row.every((cell) => isBlank(cell))) return '';
      const [reachCell = null, impactCell = null, confidenceCell = null, effortCell = null] = row;
      if (isBlank(effortCell)) return pmoError('value', 'effort is blank');
      const parts = [
        fieldNumber(reachCell, 'reach'),
        impactOf(impactCell),
        confidenceOf(confidenceCell),
        fieldNumber(effortCell, 'effort'),
      ];
      const problem = parts.find(isError);
      if (problem) return problem;
      const [reach = 0, impact = 0, confidenceRatio = 0, effort = 0] = parts as number[];
      return riceScore({ reach, impact, confidenceRatio, effort });
    });
    return columnResult(aligned.header ? 'RICE' : undefined, 'RICE', out);
  },
};

// ---------------------------------------------------------------- AHP

const WEIGHT_METHOD_ALIASES: Record<string, WeightMethod> = {
  eigenvector: 'eigen',
  principal: 'eigen',
  ev: 'eigen',
  geometricmean: 'geometric',
  'geometric-mean': 'geometric',
  gm: 'geometric',
  rgm: 'geometric',
};

export const AHP_WEIGHTS: FunctionSpec = {
  name: 'AHP_WEIGHTS',
  description:
    'AHP priority weights (summing to 1) from a pairwise comparison matrix: principal eigenvector (default) or row geometric mean. Accepts "1/3" text and an upper-triangle-only matrix.',
  returns:
    'The weights as a column, one per matrix row (a header cell Weight when the matrix had a header row).',
  params: [
    {
      name: 'matrix',
      kind: 'table',
      description:
        'Square pairwise matrix (a_ij = how much more row i matters than column j); labels optional.',
    },
    {
      name: 'method',
      kind: 'scalar',
      optional: true,
      description: '"eigen" (default, principal eigenvector) or "geometric" (row geometric mean).',
    },
  ],
  run: ([matrixArg, methodArg]) => {
    const method = choiceArg(
      'AHP_WEIGHTS',
      'method',
      methodArg,
      WEIGHT_METHODS,
      'eigen',
      WEIGHT_METHOD_ALIASES,
    );
    if (typeof method !== 'string') return method;
    const read = readPairwiseMatrix(tableArg(matrixArg) ?? []);
    if ('kind' in read) return pmoError('value', `AHP_WEIGHTS: ${read.message}`);
    return columnResult(read.hadHeaderRow ? 'Weight' : undefined, 'Weight', ahpWeights(read.matrix, method));
  },
};

/** Reads `ri_table`: a table name, a list of RI for n = 1, 2, 3…, or a range of (n, RI) pairs. */
function riTableArg(arg: Arg): RandomIndexTable | PmoError {
  const grid: Grid | undefined = tableArg(arg);
  if (!grid) return SAATY_RI;
  const names = RANDOM_INDEX_TABLES.map((table) => `"${table.name}"`).join(', ');
  const cells = grid.flat().filter((cell) => !isBlank(cell));
  if (cells.length === 1 && typeof cells[0] === 'string' && !isNumberLike(cells[0])) {
    const named = randomIndexTableNamed(cells[0]);
    return named ?? pmoError('value', `AHP_CR's ri_table ${quote(cells[0])} is not one of ${names}.`);
  }
  const values = new Map<number, number>();
  const width = Math.max(0, ...grid.map((row) => row.length));
  const readRi = (cell: Cell, where: string): number | PmoError => {
    const parsed = readNumber(cell);
    return parsed.ok && parsed.value >= 0
      ? parsed.value
      : pmoError(
          'value',
          `AHP_CR's ri_table has ${quote(cellText(cell))} ${where}; RI values are numbers ≥ 0.`,
        );
  };
  if (width === 2 && grid.length >= 2) {
    for (const row of grid) {
      const [nCell = null, riCell = null] = row;
      if (isBlank(nCell) && isBlank(riCell)) continue;
      if (!isNumberLike(nCell) && typeof nCell === 'string') continue;
      const size = readNumber(nCell);
      if (!size.ok || !Number.isInteger(size.value) || size.value < 1)
        return pmoError(
          'value',
          `AHP_CR's ri_table has n = ${quote(cellText(nCell))}; n must be a whole number ≥ 1.`,
        );
      if (isBlank(riCell)) continue;
      const ri = readRi(riCell, `for n = ${size.value}`);
      if (isError(ri)) return ri;
      values.set(size.value, ri);
    }
    return customRandomIndexTable(values);
  }
  const list = listArg('AHP_CR', 'ri_table', arg, isNumberLike);
  if ('kind' in list)
    return pmoError(
      'value',
      "AHP_CR's ri_table must be a table name, a list of RI for n = 1, 2, 3… or a two-column range of n, RI.",
    );
  for (let i = 0; i < list.length; i++) {
    const cell = list[i] ?? null;
    if (isBlank(cell)) continue;
    const ri = readRi(cell, `for n = ${i + 1}`);
    if (isError(ri)) return ri;
    values.set(i + 1, ri);
  }
  return customRandomIndexTable(values);
}

export const AHP_CR: FunctionSpec = {
  name: 'AHP_CR',
  description:
    "AHP consistency ratio CR = CI ÷ RI with CI = (λmax − n) ÷ (n − 1); Saaty's classic RI table by default; CR ≤ 0.10 is acceptable.",
  returns: 'The consistency ratio (one number).',
  params: [
    {
      name: 'matrix',
      kind: 'table',
      description: 'Square pairwise matrix, as for AHP_WEIGHTS.',
    },
    {
      name: 'ri_table',
      kind: 'table',
      optional: true,
      description:
        'Random index: a list for n = 1, 2, 3…, a range of (n, RI), or "saaty" (default), "saaty-2005", "donegan-dodd", "alonso-lamata".',
    },
  ],
  run: ([matrixArg, riArg]) => {
    const table = riTableArg(riArg);
    if ('kind' in table) return table;
    const read = readPairwiseMatrix(tableArg(matrixArg) ?? []);
    if ('kind' in read) return pmoError('value', `AHP_CR: ${read.message}`);
    const consistency = consistencyOf(read.matrix, table);
    if ('kind' in consistency) return pmoError('value', `AHP_CR: ${consistency.message}`);
    return [[consistency.consistencyRatio]];
  },
};

// ---------------------------------------------------------------- SELECT and FRONTIER

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'x', '1', 'must', 'required', 'mandatory']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '-']);

const isFlagCell = (cell: Cell): boolean =>
  typeof cell === 'boolean' ||
  cell === 0 ||
  cell === 1 ||
  (typeof cell === 'string' &&
    (TRUE_WORDS.has(cell.trim().toLowerCase()) || FALSE_WORDS.has(cell.trim().toLowerCase())));

const isRequiresCell = (cell: Cell): boolean =>
  typeof cell === 'number' || (typeof cell === 'string' && /^\s*\d+(\s*[,;\s]\s*\d+)*\s*$/.test(cell));

/** The initiatives of SELECT/FRONTIER, with list positions (1-based) and which rows were blank. */
interface Portfolio {
  readonly header: boolean;
  readonly items: SelectionItem[];
  /** Item index per list row, or -1 for a blank row. */
  readonly itemOfRow: number[];
}

function readPortfolio(fn: string, args: readonly Arg[]): Portfolio | PmoError {
  const [costsArg, valuesArg, mustArg, groupsArg, requiresArg] = args;
  const aligned = alignedColumns(fn, [
    { name: 'costs', arg: costsArg, isValue: isNumberLike },
    { name: 'values', arg: valuesArg, isValue: isNumberLike },
    { name: 'must', arg: mustArg, isValue: isFlagCell },
    { name: 'groups', arg: groupsArg, isValue: anyValue },
    { name: 'requires', arg: requiresArg, isValue: isRequiresCell },
  ]);
  if ('kind' in aligned) return aligned;
  const itemOfRow: number[] = [];
  const drafts: {
    cost: number;
    value: number;
    must: boolean;
    group: string | undefined;
    requires: number[];
  }[] = [];
  for (let r = 0; r < aligned.rows.length; r++) {
    const [costCell = null, valueCell = null, mustCell = null, groupCell = null, requiresCell = null] =
      aligned.rows[r] ?? [];
    const position = r + 1;
    if ([costCell, valueCell, mustCell, requiresCell].every((cell) => isBlank(cell)) && isBlank(groupCell)) {
      itemOfRow.push(-1);
      continue;
    }
    const cost = fieldNumber(costCell, 'cost');
    if (isError(cost))
      return pmoError(
        'value',
        `${fn}: the ${cost.message} for initiative ${position}; every initiative needs a cost.`,
      );
    if (cost < 0)
      return pmoError(
        'value',
        `${fn}: initiative ${position} has cost ${formatAmount(cost)}; costs must be ≥ 0 (enter a saving as value).`,
      );
    const value = fieldNumber(valueCell, 'value');
    if (isError(value))
      return pmoError(
        'value',
        `${fn}: the ${value.message} for initiative ${position}; every initiative needs a value.`,
      );
    let must = false;
    if (!isBlank(mustCell)) {
      const word =
        typeof mustCell === 'string' ? mustCell.trim().toLowerCase() : String(mustCell).toLowerCase();
      if (mustCell === true || TRUE_WORDS.has(word)) must = true;
      else if (!(mustCell === false || FALSE_WORDS.has(word)))
        return pmoError(
          'value',
          `${fn}: must for initiative ${position} is ${quote(cellText(mustCell))}; use TRUE/FALSE (or yes/no).`,
        );
    }
    const requires: number[] = [];
    if (!isBlank(requiresCell)) {
      if (!isRequiresCell(requiresCell))
        return pmoError(
          'value',
          `${fn}: requires for initiative ${position} is ${quote(cellText(requiresCell))}; give list positions such as 3 or "2, 5".`,
        );
      for (const part of cellText(requiresCell).split(/[,;\s]+/)) {
        if (part === '') continue;
        const target = Number(part);
        if (!Number.isInteger(target) || target < 1 || target > aligned.rows.length)
          return pmoError(
            'value',
            `${fn}: initiative ${position} requires ${part}, but positions run from 1 to ${aligned.rows.length}.`,
          );
        if (target === position) return pmoError('value', `${fn}: initiative ${position} requires itself.`);
        requires.push(target - 1);
      }
    }
    itemOfRow.push(drafts.length);
    drafts.push({ cost, value, must, group: isBlank(groupCell) ? undefined : cellText(groupCell), requires });
  }
  const items: SelectionItem[] = [];
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index] as (typeof drafts)[number];
    const requires: number[] = [];
    for (const row of draft.requires) {
      const target = itemOfRow[row] ?? -1;
      if (target < 0) {
        const position = itemOfRow.indexOf(index) + 1;
        return pmoError(
          'value',
          `${fn}: initiative ${position} requires initiative ${row + 1}, which is blank.`,
        );
      }
      requires.push(target);
    }
    items.push({ cost: draft.cost, value: draft.value, must: draft.must, group: draft.group, requires });
  }
  if (items.length === 0)
    return pmoError('not-available', `${fn}: there are no initiatives (every row is blank).`);
  return { header: aligned.header, items, itemOfRow };
}

/** The list position (1-based) of each item, for core messages. */
function positionsOf(portfolio: Portfolio): number[] {
  const positions: number[] = [];
  portfolio.itemOfRow.forEach((item, row) => {
    if (item >= 0) positions[item] = row + 1;
  });
  return positions;
}

const prefixed = (fn: string, error: PmoError): PmoError => pmoError(error.code, `${fn}: ${error.message}`);

export const SELECT: FunctionSpec = {
  name: 'SELECT',
  description:
    'The exact value-maximising set of initiatives within the budget (not greedy), with must-fund items, mutually exclusive groups and requirements.',
  returns:
    'TRUE/FALSE per initiative (a header cell Selected when the inputs had headers); ties go to the lower total cost, then to earlier rows.',
  params: [
    columnParam('costs', 'Cost per initiative (numbers or money text such as "CHF 1,200,000"); ≥ 0.'),
    columnParam(
      'values',
      'Value per initiative (score, NPV…); items with value ≤ 0 are never picked for themselves.',
    ),
    { name: 'budget', kind: 'scalar', description: 'The budget (number or money text).' },
    {
      name: 'must',
      kind: 'table',
      optional: true,
      description: 'TRUE to force an initiative in (with what it requires); blank/FALSE otherwise.',
    },
    {
      name: 'groups',
      kind: 'table',
      optional: true,
      description: 'Mutually exclusive group label per initiative: at most one per label; blank = none.',
    },
    {
      name: 'requires',
      kind: 'table',
      optional: true,
      description:
        'Positions (1, 2, 3… in the list) of the initiatives each one requires, e.g. 3 or "2, 5"; blank = none.',
    },
  ],
  run: ([costs, values, budgetArg, must, groups, requires]) => {
    const budgetCell = scalarArg(budgetArg) ?? null;
    const budget = fieldNumber(budgetCell, 'the budget');
    if (isError(budget)) return pmoError('value', `SELECT: ${budget.message}.`);
    if (budget < 0)
      return pmoError('value', `SELECT: the budget is ${formatAmount(budget)}; it must be ≥ 0.`);
    const portfolio = readPortfolio('SELECT', [costs, values, must, groups, requires]);
    if ('kind' in portfolio) return portfolio;
    const selection = selectPortfolio(
      { items: portfolio.items, budget },
      { positions: positionsOf(portfolio) },
    );
    if ('kind' in selection) return prefixed('SELECT', selection);
    const out = portfolio.itemOfRow.map(
      (item): OutCell => (item < 0 ? '' : (selection.selected[item] ?? false)),
    );
    return columnResult(portfolio.header ? 'Selected' : undefined, 'Selected', out);
  },
};

export const FRONTIER: FunctionSpec = {
  name: 'FRONTIER',
  description:
    'Efficient frontier: the optimal portfolio value at evenly spaced budgets from the cheapest initiative to the total cost.',
  returns:
    'Header Budget, Value, Cost, Count, then one row per budget: the optimal value, that set’s cost and its size.',
  params: [
    columnParam('costs', 'Cost per initiative (numbers or money text); ≥ 0.'),
    columnParam('values', 'Value per initiative.'),
    {
      name: 'points',
      kind: 'scalar',
      optional: true,
      description: 'How many budgets (default 10, from 2 to 1,000).',
    },
  ],
  run: ([costs, values, pointsArg]) => {
    const pointsCell = scalarArg(pointsArg);
    let points = 10;
    if (pointsCell !== undefined && pointsCell !== null) {
      const parsed = readNumber(pointsCell);
      if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 2 || parsed.value > 1000)
        return pmoError(
          'value',
          `FRONTIER's points ${quote(cellText(pointsCell))} must be a whole number from 2 to 1,000.`,
        );
      points = parsed.value;
    }
    const portfolio = readPortfolio('FRONTIER', [costs, values]);
    if ('kind' in portfolio) return portfolio;
    const frontier = efficientFrontier(portfolio.items, points, { positions: positionsOf(portfolio) });
    if ('kind' in frontier) return prefixed('FRONTIER', frontier);
    const rows: OutGrid = [['Budget', 'Value', 'Cost', 'Count']];
    for (const point of frontier) {
      const optimum = point.optimum;
      if ('kind' in optimum) {
        const error = prefixed('FRONTIER', optimum);
        rows.push([point.budget, error, error, error]);
      } else rows.push([point.budget, optimum.value, optimum.cost, optimum.count]);
    }
    return rows;
  },
};

export const PRIORITIZATION_FUNCTIONS: readonly FunctionSpec[] = [
  SCORE,
  WSJF,
  RICE,
  AHP_WEIGHTS,
  AHP_CR,
  SELECT,
  FRONTIER,
];
