// Reads a risk register (DESIGN §4, §6 RISK_SUMMARY): finds its columns by synonyms, decides each rating
// column's scale, and assesses every risk before and after response (inherent and residual).

import { type Cell, cellText, isBlank, MAX_MAGNITUDE, MIN_NORMAL, type Parsed } from '../cells';
import { isPmoError, type PmoError, pmoError } from '../errors';
import {
  cellAt,
  cellOf,
  type FoundTable,
  findTable,
  headerOf,
  normalizeHeader,
  type RowIssue,
  type TableRow,
} from '../table';
import { expectedMonetaryValue, pertMean, readAmount, readRatingColumn } from './exposure';
import { heatmapBin } from './heatmap';
import { defaultBands, levelOf, type RiskBands, riskScore } from './levels';
import type { MatrixLegend } from './matrix-legend';
import { RISK_REGISTER_TABLE } from './register-table';
import {
  type ColumnScale,
  decideColumnScale,
  type RatingCell,
  type RatingScale,
  ratingValueReader,
  settleScale,
} from './scales';

export { RISK_REGISTER_TABLE };

/** One risk's assessment before or after response. Missing values mean "not rated" / "no amount". */
export interface RiskAssessment {
  readonly probability: number | undefined;
  readonly impact: number | undefined;
  /** P × I on the register's scale, when both are rated. */
  readonly score: number | undefined;
  /** Level on the default bands of the scale (Low / Moderate / High / Extreme), when both are rated. */
  readonly level: string | undefined;
  /** Expected monetary value, when the probability is a chance and the risk has an amount. */
  readonly exposure: number | undefined;
}

/** One risk of the register. */
export interface RegisteredRisk {
  /** The row's number for messages (sheet row when known, else the row within the range). */
  readonly row: number;
  /** ID, else title, else `row N`: what the dashboard shows in a heatmap cell. */
  readonly id: string;
  readonly cells: readonly Cell[];
  readonly inherent: RiskAssessment;
  /** After response; equals `inherent` where the register leaves the residual cells blank. */
  readonly residual: RiskAssessment | undefined;
}

/** Why exposures are missing: no amount column, or probabilities that are ratings rather than chances. */
export type ExposureAvailability = 'available' | 'no-amount' | 'ratings';

/** A register read and assessed. */
export interface RiskRegister {
  readonly table: FoundTable;
  readonly risks: readonly RegisteredRisk[];
  /**
   * Scale of the scores (undefined when the register has no rating Impact column): on mixed scales (probability
   * in %, impact 1–5) the 1–5 scale of the levels both are read as (DESIGN §10).
   */
  readonly scale: RatingScale | undefined;
  /** Scale of the Probability column and of the Impact column (undefined without one), as written. */
  readonly probabilityScale: RatingScale;
  readonly impactScale: RatingScale | undefined;
  readonly exposure: ExposureAvailability;
  readonly hasResidual: boolean;
  /** The bands of the levels (undefined without rating scores): the default bands, or the workbook's own legend. */
  readonly bands: RiskBands | undefined;
  /** True when `bands` is the workbook's own legend (given to the reader and on the scores' scale). */
  readonly ownLegend: boolean;
  /** The workbook's own risk matrix when it levels the register (core/discovery/legend.ts); `bands` are its levels. */
  readonly matrix?: MatrixLegend;
}

const TOTAL_LABELS = new Set(['total', 'totals', 'grandtotal', 'sum']);
const AMOUNT_KEYS = ['cost', 'costLow', 'costHigh', 'exposure', 'residualCost'];

interface RatingColumn {
  readonly key: string;
  readonly cells: readonly RatingCell[];
  readonly scale: ColumnScale;
}

/** The rating columns the table has, read in one pass over its rows (not one pass per column), by key. */
function ratingColumns(table: FoundTable): Map<string, RatingColumn> {
  const keys = ['probability', 'impact', 'residualProbability', 'residualImpact'];
  const present = keys.flatMap((key) => {
    const index = table.columns.get(key);
    return index === undefined ? [] : [{ key, index, cells: [] as Cell[] }];
  });
  for (const row of table.rows) for (const column of present) column.cells.push(cellAt(row, column.index));
  return new Map(
    present.map(({ key, cells }) => {
      const read = readRatingColumn(cells);
      return [key, { key, cells: read, scale: decideColumnScale(read) }];
    }),
  );
}

/** An Impact column of plain amounts (a number above 5 or below 0, no labels) is a cost column in disguise. */
function isMonetary(column: RatingColumn): boolean {
  let money = false;
  for (const cell of column.cells) {
    if (cell.kind !== 'tokens') continue;
    for (const token of cell.tokens) {
      if (token.kind === 'label' || token.kind === 'percent') return false;
      if (token.value > 5 || token.value < 0) money = true;
    }
  }
  return money;
}

function scaleName(scale: RatingScale): string {
  return scale === 'rating' ? 'the 1–5 scale' : 'fractions (0–1)';
}

function rowProblem(table: FoundTable, row: TableRow, key: string, problem: string): PmoError {
  return pmoError(
    'value',
    `${table.spec.name} row ${row.number}, ${headerOf(table, key)}: ${problem.trim()}.`,
  );
}

/** A total row's name ends in l, s or m (total, totals, grand total, sum): the only names worth normalising. */
const MAYBE_TOTAL = /[lsm][^a-z0-9]*$/i;

/**
 * The test for rows that are risks: not a Total row, and with a rating, an amount, or (no rating) an ID or title.
 * Made once per table: the columns it looks at are found once, not per row.
 */
function riskRowTest(table: FoundTable): (row: TableRow) => boolean {
  const keys = ['probability', 'impact', 'residualProbability', 'residualImpact', ...AMOUNT_KEYS];
  const valued = keys.flatMap((key) => table.columns.get(key) ?? []);
  const idIndex = table.columns.get('id');
  const titleIndex = table.columns.get('title');
  return (row) => {
    const id = cellAt(row, idIndex);
    const title = cellAt(row, titleIndex);
    const text = cellText(isBlank(id) ? title : id);
    if (MAYBE_TOTAL.test(text) && TOTAL_LABELS.has(normalizeHeader(text))) return false;
    for (const index of valued) if (!isBlank(row.cells[index] ?? null)) return true;
    return idIndex !== undefined ? !isBlank(id) : !isBlank(title);
  };
}

interface Reader {
  readonly table: FoundTable;
  /** Reads rating column `key` at data index `index` on `scale`; undefined = blank. */
  rating(
    column: RatingColumn | undefined,
    index: number,
    scale: RatingScale,
    threeLevel: boolean,
  ): number | undefined | PmoError;
  amount(key: string, row: TableRow): number | undefined | PmoError;
}

/**
 * Reads the register's cells. An unreadable cell is an error for the whole register, or, when `issues` is given
 * (the dashboard), an issue naming its row and column while the cell is read as blank (the risk unrated).
 */
function makeReader(table: FoundTable, issues: RowIssue[] | undefined): Reader {
  const problem = (row: TableRow, key: string, text: string): PmoError | undefined => {
    if (!issues) return rowProblem(table, row, key, text);
    issues.push({
      table: table.spec.name,
      row: row.number,
      column: headerOf(table, key),
      value: cellText(cellOf(table, row, key)),
      problem: `${text.trim()}: read as blank`,
    });
    return undefined;
  };
  // A register reads each column on one scale: one remembering reader per column.
  const readers = new Map<RatingColumn, (cell: RatingCell) => Parsed<number>>();
  return {
    table,
    rating(column, index, scale, threeLevel) {
      if (!column) return undefined;
      const cell = column.cells[index];
      const row = table.rows[index];
      if (!cell || !row || cell.kind === 'blank') return undefined;
      let read = readers.get(column);
      if (!read) {
        read = ratingValueReader(scale, threeLevel);
        readers.set(column, read);
      }
      const value = read(cell);
      return value.ok ? value.value : problem(row, column.key, value.problem);
    },
    amount(key, row) {
      const index = table.columns.get(key);
      if (index === undefined) return undefined;
      const cell = cellAt(row, index);
      // Most amounts are plain numbers: those in range need no parse and no result object.
      if (typeof cell === 'number' && Math.abs(cell) <= MAX_MAGNITUDE && Math.abs(cell) >= MIN_NORMAL)
        return cell;
      if (isBlank(cell)) return undefined;
      const value = readAmount(cell);
      return value.ok ? value.value : problem(row, key, value.problem);
    },
  };
}

/** The row's cost: Cost (PERT mean when Cost Low and Cost High are given too), else a monetary Impact. */
function rowCost(reader: Reader, row: TableRow, costKey: string | undefined): number | undefined | PmoError {
  if (!costKey) return undefined;
  const likely = reader.amount(costKey, row);
  if (likely === undefined || isPmoError(likely)) return likely;
  const low = reader.amount('costLow', row);
  if (isPmoError(low)) return low;
  const high = reader.amount('costHigh', row);
  if (isPmoError(high)) return high;
  if (low === undefined && high === undefined) return likely;
  const lowCost = low ?? likely;
  const highCost = high ?? likely;
  if (lowCost > likely || likely > highCost) {
    return rowProblem(
      reader.table,
      row,
      costKey,
      `the three-point cost must have low ≤ likely ≤ high, got ${lowCost}, ${likely}, ${highCost}`,
    );
  }
  return pertMean(lowCost, likely, highCost);
}

/** A risk's assessment as a scan writes it: one object per scan, rewritten for each risk. */
type Assessing = { -readonly [K in keyof RiskAssessment]: RiskAssessment[K] };

const unassessed = (): Assessing => ({
  probability: undefined,
  impact: undefined,
  score: undefined,
  level: undefined,
  exposure: undefined,
});

/** Writes one assessment into `into` (no object per risk: a register has tens of thousands). */
function assess(
  into: Assessing,
  scales: Scales,
  probability: number | undefined,
  impact: number | undefined,
  chance: number | undefined,
  cost: number | undefined,
): Assessing {
  const { scale, mixed } = scales;
  const rated = scale !== undefined && probability !== undefined && impact !== undefined;
  // Mixed scales: each rating is its level 1–5 (fractions by the heatmap's equal fifths) before P × I.
  const level = (value: number, of: RatingScale) => (mixed ? heatmapBin(value, of, 5) : value);
  const score = rated
    ? riskScore(level(probability, scales.probability), level(impact, scales.impact ?? 'rating'))
    : undefined;
  into.probability = probability;
  into.impact = impact;
  into.score = score;
  into.level = score !== undefined && scales.bands ? levelOf(score, scales.bands) : undefined;
  into.exposure =
    chance !== undefined && cost !== undefined ? expectedMonetaryValue(chance, cost) : undefined;
  return into;
}

/** The scale of the scores and of each column, and whether they differ (mixed scales). */
interface Scales {
  readonly scale: RatingScale | undefined;
  readonly probability: RatingScale;
  readonly impact: RatingScale | undefined;
  readonly mixed: boolean;
  /** The bands of the levels: the workbook's own legend when it is on the scores' scale, else the default. */
  readonly bands: RiskBands | undefined;
}

/** The error for a Residual Probability or Impact column on another scale than its inherent column, if any. */
function residualScaleMismatch(
  residualProbability: RatingColumn | undefined,
  probabilityScale: RatingScale,
  residualImpact: RatingColumn | undefined,
  impactScale: RatingScale | undefined,
): PmoError | undefined {
  for (const [residual, inherentScale, name] of [
    [residualProbability, probabilityScale, 'Probability'],
    [residualImpact, impactScale, 'Impact'],
  ] as const) {
    if (
      residual &&
      inherentScale &&
      settleScale(residual.scale, { kind: inherentScale, threeLevel: false }) !== inherentScale
    ) {
      return pmoError(
        'value',
        `The Risks table rates Residual ${name} on ${scaleName(settleScale(residual.scale, undefined))} but ${name} on ` +
          `${scaleName(inherentScale)}; put both on the same scale.`,
      );
    }
  }
  return undefined;
}

/**
 * Visits one risk of a scan. `inherent` and `residual` are rewritten for the next risk: copy what you keep.
 * `residual` is `inherent` itself where the register leaves the residual cells blank, undefined without residual columns.
 */
export type RiskVisitor = (
  row: TableRow,
  inherent: RiskAssessment,
  residual: RiskAssessment | undefined,
) => void;

/** The workbook's own risk legend, when it levels the register: its bands, on the scale of its scores. */
export interface RegisterLegend {
  readonly bands: RiskBands;
  readonly scale: RatingScale;
}

/** A register whose table, columns and scales are found, ready to assess its risks row by row. */
export interface PreparedRegister {
  readonly register: Omit<RiskRegister, 'risks'>;
  /**
   * Assesses each risk in row order and visits it, without an object per risk (RISK_SUMMARY tallies 50,000 risks
   * so). An unreadable cell stops the scan with its error, unless the register was prepared with `issues`.
   */
  scan(visit: RiskVisitor): PmoError | undefined;
}

/**
 * Finds a risk register's table and decides its scales (see {@link readRiskRegister}), before any row is assessed.
 * @param firstRowNumber sheet row of the grid's first row, for messages (1 when unknown).
 * @param issues given: an unreadable rating or amount is listed here and read as blank, not an error for the whole register.
 */
export function prepareRiskRegister(
  grid: readonly (readonly Cell[])[],
  firstRowNumber = 1,
  issues?: RowIssue[],
  legend?: RegisterLegend,
): PreparedRegister | PmoError {
  const table = findTable(grid, RISK_REGISTER_TABLE, firstRowNumber);
  if (isPmoError(table)) return table;
  const rated = ratingColumns(table);
  const probabilityColumn = rated.get('probability') as RatingColumn;
  let impactColumn = rated.get('impact');
  let costKey: string | undefined = table.columns.has('cost') ? 'cost' : undefined;
  if (impactColumn && isMonetary(impactColumn)) {
    if (!costKey) costKey = 'impact';
    impactColumn = undefined;
  }
  if (!impactColumn && !costKey && !table.columns.has('exposure')) {
    const seen = table.headers.filter((header) => header !== '');
    return pmoError(
      'value',
      `The Risks table has no Impact or Cost column; headers seen: ${seen.map((header) => `"${header}"`).join(', ')}.`,
    );
  }
  const partner: ColumnScale | undefined = impactColumn?.scale ?? { kind: 'fraction', threeLevel: false };
  const probabilityScale = settleScale(probabilityColumn.scale, partner);
  const impactScale = impactColumn ? settleScale(impactColumn.scale, probabilityColumn.scale) : undefined;
  const mixed = impactScale !== undefined && impactScale !== probabilityScale;
  const scale = impactScale ? (mixed ? 'rating' : probabilityScale) : undefined;
  const bands = scale && (legend?.scale === scale ? legend.bands : defaultBands(scale));
  const scales: Scales = { scale, probability: probabilityScale, impact: impactScale, mixed, bands };
  const hasAmount = costKey !== undefined || table.columns.has('exposure');
  const exposure: ExposureAvailability = !hasAmount
    ? 'no-amount'
    : probabilityScale === 'fraction'
      ? 'available'
      : 'ratings';

  const residualProbability = rated.get('residualProbability');
  const residualImpact = impactColumn ? rated.get('residualImpact') : undefined;
  const hasResidual =
    residualProbability !== undefined || residualImpact !== undefined || table.columns.has('residualCost');
  const mismatch = residualScaleMismatch(residualProbability, probabilityScale, residualImpact, impactScale);
  if (mismatch) return mismatch;
  const register = {
    table,
    scale,
    probabilityScale,
    impactScale,
    exposure,
    hasResidual,
    bands,
    ownLegend: bands !== undefined && bands === legend?.bands,
  };
  const columns = {
    probability: probabilityColumn,
    impact: impactColumn,
    residualProbability,
    residualImpact,
  };
  return { register, scan: (visit) => scanRisks(register, scales, columns, costKey, issues, visit) };
}

/** The rating columns a scan reads (undefined: the register has no such column). */
interface ScanColumns {
  readonly probability: RatingColumn;
  readonly impact: RatingColumn | undefined;
  readonly residualProbability: RatingColumn | undefined;
  readonly residualImpact: RatingColumn | undefined;
}

/** Assesses each risk row of a prepared register and visits it; the first unreadable cell's error, if any. */
function scanRisks(
  register: PreparedRegister['register'],
  scales: Scales,
  columns: ScanColumns,
  costKey: string | undefined,
  issues: RowIssue[] | undefined,
  visit: RiskVisitor,
): PmoError | undefined {
  const { table, exposure, hasResidual } = register;
  const { probability: probabilityScale, impact: impactScale } = scales;
  const reader = makeReader(table, issues);
  const isRiskRow = riskRowTest(table);
  const inherent = unassessed();
  const after = unassessed();
  const rating = (column: RatingColumn | undefined, index: number, scale: RatingScale) =>
    reader.rating(column, index, scale, column?.scale.threeLevel ?? false);
  for (const [index, row] of table.rows.entries()) {
    if (!isRiskRow(row)) continue;
    const probability = rating(columns.probability, index, probabilityScale);
    if (isPmoError(probability)) return probability;
    const impact = impactScale ? rating(columns.impact, index, impactScale) : undefined;
    if (isPmoError(impact)) return impact;
    const chance = exposure === 'available' ? probability : undefined;
    const cost = rowCost(reader, row, costKey);
    if (isPmoError(cost)) return cost;
    assess(inherent, scales, probability, impact, chance, cost);
    if (!costKey && exposure === 'available') {
      const given = reader.amount('exposure', row);
      if (isPmoError(given)) return given;
      inherent.exposure = given;
    }
    let residual: Assessing | undefined;
    if (hasResidual) {
      const afterProbability = rating(columns.residualProbability, index, probabilityScale);
      if (isPmoError(afterProbability)) return afterProbability;
      const afterImpact = impactScale ? rating(columns.residualImpact, index, impactScale) : undefined;
      if (isPmoError(afterImpact)) return afterImpact;
      const afterCost = reader.amount('residualCost', row);
      if (isPmoError(afterCost)) return afterCost;
      if (afterProbability === undefined && afterImpact === undefined && afterCost === undefined) {
        residual = inherent;
      } else {
        // With only an Exposure column, the cost it implies is exposure ÷ probability.
        const impliedCost =
          inherent.exposure !== undefined && chance !== undefined && chance > 0
            ? inherent.exposure / chance
            : undefined;
        const afterChance = exposure === 'available' ? (afterProbability ?? probability) : undefined;
        residual = assess(
          after,
          scales,
          afterProbability ?? probability,
          afterImpact ?? impact,
          afterChance,
          afterCost ?? cost ?? impliedCost,
        );
      }
    }
    visit(row, inherent, residual);
  }
  return undefined;
}
