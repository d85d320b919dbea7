// Reads a risk register (DESIGN §4, §6 RISK_SUMMARY): finds its columns by synonyms, decides each rating
// column's scale, and assesses every risk before and after response (inherent and residual).

import { type Cell, cellText, isBlank, type Parsed } from '../cells';
import { isPmoError, type PmoError, pmoError } from '../errors';
import {
  type ColumnSpec,
  cellOf,
  type FoundTable,
  findTable,
  headerOf,
  normalizeHeader,
  type RowIssue,
  type TableRow,
  type TableSpec,
} from '../table';
import { expectedMonetaryValue, pertMean, readAmount, readRatingColumn } from './exposure';
import { heatmapBin } from './heatmap';
import { defaultBands, levelOf, type RiskBands, riskScore } from './levels';
import type { MatrixLegend } from './matrix-legend';
import {
  type ColumnScale,
  decideColumnScale,
  type RatingCell,
  type RatingScale,
  ratingValueReader,
  settleScale,
} from './scales';

const col = (key: string, label: string, synonyms: string[], required = false): ColumnSpec =>
  required ? { key, label, synonyms, required } : { key, label, synonyms };

/** The risk register: one row per risk. Only Probability is required; Impact or a cost must exist too. */
export const RISK_REGISTER_TABLE: TableSpec = {
  name: 'Risks',
  columns: [
    col('id', 'ID', [
      'ID',
      'Risk ID',
      'Ref',
      'Reference',
      'Risk Ref',
      'No',
      'Number',
      'Risk No',
      'Risk Number',
    ]),
    col('title', 'Risk', [
      'Risk',
      'Title',
      'Risk Title',
      'Risk Name',
      'Description',
      'Risk Description',
      'Risk Description/Impact',
      'Name',
      'Summary',
      'Risk Event',
      'Event',
      'Risk Statement',
      'Threat Event',
      'Threat',
      'Risk Details',
      'Identified Risk',
      'Possible Risk',
      'Possible Risks',
      'List of Possible Risks',
    ]),
    col('category', 'Category', [
      'Category',
      'Risk Category',
      'Type',
      'Risk Type',
      'Area',
      'Theme',
      'Source',
    ]),
    col('owner', 'Owner', [
      'Owner',
      'Risk Owner',
      'Assigned To',
      'Responsible',
      'Accountable',
      'Action Owner',
      'Person Responsible',
      'Responsible Person',
      'Responsibility',
      'Owned By',
    ]),
    col('project', 'Project', [
      'Project',
      'Project Name',
      'Programme',
      'Program',
      'Initiative',
      'Workstream',
    ]),
    col(
      'probability',
      'Probability',
      [
        'Probability',
        'Likelihood',
        'P',
        'Prob',
        'Probability %',
        'Likelihood Score',
        'Probability Score',
        'Inherent Probability',
        'Inherent Likelihood',
        'Pre-mitigation Probability',
        'Chance',
        'Frequency',
        'Probability Rating',
        'Probability Risk Rating',
        'Likelihood Rating',
      ],
      true,
    ),
    col('impact', 'Impact', [
      'Impact',
      'Severity',
      'Consequence',
      'I',
      'Impact Score',
      'Consequence Score',
      'Severity Score',
      'Inherent Impact',
      'Inherent Consequence',
      'Pre-mitigation Impact',
      'Impact Rating',
      'Impact Risk Rating',
      'Severity Rating',
    ]),
    col('cost', 'Cost', [
      'Cost',
      'Impact (monetary)',
      'Monetary Impact',
      'Cost Impact',
      'Financial Impact',
      'Impact (cost)',
      'Cost Likely',
      'Likely Cost',
      'Most Likely Cost',
      'Cost (most likely)',
      'Cost Estimate',
      'Amount',
    ]),
    col('costLow', 'Cost Low', [
      'Cost Low',
      'Low Cost',
      'Minimum Cost',
      'Cost Min',
      'Optimistic Cost',
      'Best Case Cost',
    ]),
    col('costHigh', 'Cost High', [
      'Cost High',
      'High Cost',
      'Maximum Cost',
      'Cost Max',
      'Pessimistic Cost',
      'Worst Case Cost',
    ]),
    col('exposure', 'Exposure', [
      'Exposure',
      'EMV',
      'Expected Monetary Value',
      'Risk Exposure',
      'Expected Value',
      'Expected Loss',
    ]),
    col('residualProbability', 'Residual Probability', [
      'Residual Probability',
      'Residual Likelihood',
      'Probability (residual)',
      'Likelihood (residual)',
      'Post-mitigation Probability',
      'Post-response Probability',
      'Target Probability',
      'Target Likelihood',
      'Residual P',
    ]),
    col('residualImpact', 'Residual Impact', [
      'Residual Impact',
      'Residual Severity',
      'Residual Consequence',
      'Impact (residual)',
      'Post-mitigation Impact',
      'Post-response Impact',
      'Target Impact',
      'Target Consequence',
      'Residual I',
    ]),
    col('residualCost', 'Residual Cost', ['Residual Cost', 'Residual Cost Impact', 'Post-mitigation Cost']),
  ],
};

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

function ratingColumn(table: FoundTable, key: string): RatingColumn | undefined {
  if (!table.columns.has(key)) return undefined;
  const cells = readRatingColumn(table.rows.map((row) => cellOf(table, row, key)));
  return { key, cells, scale: decideColumnScale(cells) };
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
  const hasId = table.columns.has('id');
  return (row) => {
    const id = cellOf(table, row, 'id');
    const title = cellOf(table, row, 'title');
    const text = cellText(isBlank(id) ? title : id);
    if (MAYBE_TOTAL.test(text) && TOTAL_LABELS.has(normalizeHeader(text))) return false;
    if (valued.some((index) => !isBlank(row.cells[index] ?? null))) return true;
    return hasId ? !isBlank(id) : !isBlank(title);
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
      if (!table.columns.has(key)) return undefined;
      const cell = cellOf(table, row, key);
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

function assess(
  scales: Scales,
  probability: number | undefined,
  impact: number | undefined,
  chance: number | undefined,
  cost: number | undefined,
): RiskAssessment {
  const { scale, mixed } = scales;
  const rated = scale !== undefined && probability !== undefined && impact !== undefined;
  // Mixed scales: each rating is its level 1–5 (fractions by the heatmap's equal fifths) before P × I.
  const level = (value: number, of: RatingScale) => (mixed ? heatmapBin(value, of, 5) : value);
  const score = rated
    ? riskScore(level(probability, scales.probability), level(impact, scales.impact ?? 'rating'))
    : undefined;
  return {
    probability,
    impact,
    score,
    level: score !== undefined && scales.bands ? levelOf(score, scales.bands) : undefined,
    exposure: chance !== undefined && cost !== undefined ? expectedMonetaryValue(chance, cost) : undefined,
  };
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

/** A risk's name in results: its ID, else its title, else its row. */
function riskId(table: FoundTable, row: TableRow): string {
  const idCell = cellOf(table, row, 'id');
  const titleCell = cellOf(table, row, 'title');
  return !isBlank(idCell)
    ? cellText(idCell)
    : !isBlank(titleCell)
      ? cellText(titleCell)
      : `row ${row.number}`;
}

/**
 * Reads and assesses a risk register (a range that includes its header row, under any title rows).
 * - Probability and Impact scales are decided per column (DESIGN §10); with a fraction column and a 1–5
 *   column (mixed scales) each value is scored as its level 1–5, fractions by the heatmap's equal fifths. An
 *   Impact column of plain amounts (numbers above 5, no labels) is read as the cost.
 * - Exposure = P × cost when P is a chance; cost = Cost, or the PERT mean (low + 4·likely + high) ÷ 6 when
 *   Cost Low and Cost High are given; without a cost column an Exposure column is taken as it is.
 * - Residual Probability / Impact / Cost cells left blank take the inherent value (no response yet).
 * - Blank ratings leave a risk unrated; an unreadable cell is an error naming its row and column. Rows
 *   named Total, continuation rows (no ID, title, rating or amount) and blank rows are not risks.
 * @param firstRowNumber sheet row of the grid's first row, for messages (1 when unknown).
 * @param issues given: an unreadable rating or amount is listed here and read as blank, not an error for the whole register.
 */
export function readRiskRegister(
  grid: readonly (readonly Cell[])[],
  firstRowNumber = 1,
  issues?: RowIssue[],
  legend?: { readonly bands: RiskBands; readonly scale: RatingScale },
): RiskRegister | PmoError {
  const table = findTable(grid, RISK_REGISTER_TABLE, firstRowNumber);
  if (isPmoError(table)) return table;
  const probabilityColumn = ratingColumn(table, 'probability') as RatingColumn;
  let impactColumn = ratingColumn(table, 'impact');
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

  const residualProbability = ratingColumn(table, 'residualProbability');
  const residualImpact = impactColumn ? ratingColumn(table, 'residualImpact') : undefined;
  const hasResidual =
    residualProbability !== undefined || residualImpact !== undefined || table.columns.has('residualCost');
  const mismatch = residualScaleMismatch(residualProbability, probabilityScale, residualImpact, impactScale);
  if (mismatch) return mismatch;

  const reader = makeReader(table, issues);
  const isRiskRow = riskRowTest(table);
  const risks: RegisteredRisk[] = [];
  for (const [index, row] of table.rows.entries()) {
    if (!isRiskRow(row)) continue;
    const probability = reader.rating(
      probabilityColumn,
      index,
      probabilityScale,
      probabilityColumn.scale.threeLevel,
    );
    if (isPmoError(probability)) return probability;
    const impact = impactScale
      ? reader.rating(impactColumn, index, impactScale, impactColumn?.scale.threeLevel ?? false)
      : undefined;
    if (isPmoError(impact)) return impact;
    const chance = exposure === 'available' ? probability : undefined;
    const cost = rowCost(reader, row, costKey);
    if (isPmoError(cost)) return cost;
    let inherent = assess(scales, probability, impact, chance, cost);
    if (!costKey && exposure === 'available') {
      const given = reader.amount('exposure', row);
      if (isPmoError(given)) return given;
      inherent = { ...inherent, exposure: given };
    }
    let residual: RiskAssessment | undefined;
    if (hasResidual) {
      const afterProbability = reader.rating(
        residualProbability,
        index,
        probabilityScale,
        residualProbability?.scale.threeLevel ?? false,
      );
      if (isPmoError(afterProbability)) return afterProbability;
      const afterImpact = impactScale
        ? reader.rating(residualImpact, index, impactScale, residualImpact?.scale.threeLevel ?? false)
        : undefined;
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
          scales,
          afterProbability ?? probability,
          afterImpact ?? impact,
          afterChance,
          afterCost ?? cost ?? impliedCost,
        );
      }
    }
    risks.push({ row: row.number, id: riskId(table, row), cells: row.cells, inherent, residual });
  }
  return {
    table,
    risks,
    scale,
    probabilityScale,
    impactScale,
    exposure,
    hasResidual,
    bands,
    ownLegend: bands !== undefined && bands === legend?.bands,
  };
}
