// Builds the host-neutral plan of the "PMO Dashboard" sheet from whichever PMO tables the workbook has:
// headline figures, the 12-week utilization heatmap, ranked initiatives with the selection within budget,
// the risk heatmap, top risks, risk concentration, the data issues, and where it all came from.

import type { Cell } from '../cells';
import { readWorkbookRegister } from '../discovery/legend';
import type { TableMapping } from '../discovery/mapping';
import { choosePmoDataSheet, isPmoDataSheet, PMO_DATA_SHEET_NAME, pmoDataPlan } from '../discovery/pmo-data';
import { isPmoError } from '../errors';
import type { Understood } from '../inspect-understood';
import { groupColumn } from '../risk/concentration';
import type { RiskRegister } from '../risk/register';
import { registerHeatmap } from '../risk/register-heatmap';
import { summarizeRisks } from '../risk/register-read';
import { hasColumn, headerOf, type RowIssue } from '../table';
import { periodTotals, type UtilizationGrid } from '../utilization';
import { bandOf, type UtilizationBand } from '../utilization/bands';
import {
  FULL_TIME_NOTE,
  findTables,
  KIND_LABELS,
  type SheetView,
  TABLE_KINDS,
  type TableKind,
} from '../workbook';
import { namedBudget } from './budget';
import { type TileContext, writeTiles, writeTrend } from './headline';
import { type HeadlineFigures, pmoDataRowsWithBuild, readHistory } from './history';
import { budgetFromLabel, type InitiativeRanking, rankInitiatives } from './initiatives';
import { cell, PERCENT, PlanWriter, SQUARE_ROW_POINTS, span, userText } from './layout';
import { columnMoney, type Money } from './money';
import {
  DASHBOARD_MARKER,
  DASHBOARD_SHEET_NAME,
  type DashboardPlan,
  type PlanCell,
  type PlanStyleName,
} from './plan';
import { bandsText, cellStyle, risksByLevel } from './risk-levels';
import { notUsedText, sourceOf, sourceText, type TableSource } from './sources';
import { writeTopRisks } from './top-risks';
import { matrixOf, weightsNote } from './weighted';
import { type HeatmapWindow, totals, utilizationOf, windowNote } from './window';

/** How many initiatives, best first, the initiatives chart shows. */
const CHARTED_INITIATIVES = 20;
/** Grid columns a data issue's problem spans. */
const ISSUE_PROBLEM_COLUMNS = 8;
/** The register's money columns, the one whose format the exposure takes first. */
const RISK_AMOUNT_KEYS = ['exposure', 'cost', 'costLow', 'costHigh', 'residualCost'];
/** Width (characters) of column A, which holds the longest headline label and the resource names. */
export const LABEL_COLUMN_WIDTH = 46;
/** How many data issues are listed on the sheet (the rest are counted). */
export const MAX_LISTED_ISSUES = 200;

export interface DashboardInput {
  /** The workbook's sheets (the dashboard's own sheet left out by the host). */
  readonly sheets: readonly SheetView[];
  /** Today as a day serial, in the workbook's time zone (the host's clock; the core has none). */
  readonly today: number;
  /** When the dashboard is built, as the footer shows it ("2026-11-27 14:55"). */
  readonly builtAt: string;
  /** The cells of the workbook's defined name "Budget" (read by `namedBudget`), when the host found one. */
  readonly budgetCells?: readonly (readonly Cell[])[];
  /** Name of the sheet to write (the host picks another when a user sheet has the default name). */
  readonly sheetName?: string;
  /** A table mapping given for this build (the CLI's --table/--column), over the one saved on PMO Data. */
  readonly mapping?: TableMapping;
}

/** A data issue as the dashboard lists it, with the sheet it is on. */
export interface DashboardIssue extends RowIssue {
  readonly sheet: string;
}

/** The figures the dashboard shows, for the CLI summary and for tests. */
export interface DashboardSummary {
  readonly tablesFound: readonly TableSource[];
  readonly tablesMissing: readonly TableKind[];
  /** Further tables of a kind found and not used (the next sprint's sheet): named so the user can map one. */
  readonly tablesNotUsed: readonly TableSource[];
  readonly resources: number | undefined;
  /** Σ load ÷ Σ capacity over the heatmap weeks. */
  readonly averageUtilization: number | undefined;
  readonly overallocatedResourceWeeks: number | undefined;
  readonly heatmapStart: number;
  /**
   * Which 12 weeks the heatmap and the headline utilization cover: from the current week when the plan reaches
   * today, else the plan's last 12 weeks (a plan wholly in the past) or its first 12 (wholly in the future).
   */
  readonly window: HeatmapWindow;
  /** The plan's first and last booked day (ISO), when it books anything. */
  readonly booked?: Understood;
  readonly initiatives: number | undefined;
  readonly rankingMethod: string | undefined;
  readonly selectedCount: number | undefined;
  readonly selectedCost: number | undefined;
  readonly budget: number | undefined;
  readonly risks: number | undefined;
  /** Risks per level of the register's bands (the workbook's own legend, else the default), highest first. */
  readonly risksByLevel: Readonly<Record<string, number>> | undefined;
  readonly totalExposure: number | undefined;
  readonly issues: readonly DashboardIssue[];
  /** The builds recorded on the PMO Data sheet, oldest first, this one last. */
  readonly history?: readonly HeadlineFigures[];
}

export interface Dashboard {
  readonly plan: DashboardPlan;
  readonly summary: DashboardSummary;
  /** The PMO Data sheet with this build added to its history: the hosts write it (hidden) with the dashboard. */
  readonly pmoData: DashboardPlan;
}

const BAND_STYLE: Readonly<Record<UtilizationBand, PlanStyleName | undefined>> = {
  under: 'band-under',
  ok: 'band-ok',
  over: 'band-over',
  critical: 'band-critical',
  'no-capacity': 'band-no-capacity',
  none: undefined,
};

/**
 * Risks the register lists without a rating: they count as risks but sit in no level and no heatmap cell, so the
 * dashboard says which rows they are rather than letting the levels add up to less than the total unexplained.
 * A register without an Impact column (probability × cost) needs only a probability.
 */
function unratedRisks(register: RiskRegister): RowIssue[] {
  const { table } = register;
  const needed = hasColumn(table, 'impact') ? ['probability', 'impact'] : ['probability'];
  const issues: RowIssue[] = [];
  for (const risk of register.risks) {
    const missing = needed.filter((key) => risk.inherent[key as 'probability' | 'impact'] === undefined);
    const first = missing[0];
    if (first === undefined) continue;
    const what = missing.map((key) => headerOf(table, key)).join(' and no ');
    issues.push({
      table: 'Risks',
      row: risk.row,
      column: headerOf(table, first),
      value: '',
      problem: `not rated (no ${what}): counted as a risk, in no level and no heatmap cell`,
    });
  }
  return issues;
}

/** A problem with a whole table (no row, no column): why it could not be read. */
function wholeTableIssue(sheet: string, table: string, problem: string): DashboardIssue {
  return { sheet, table, row: 0, column: '', value: '', problem };
}

/**
 * Builds the dashboard plan and its summary. Works with whichever tables exist and says which were missing.
 * Every figure comes from the same core functions as the cell functions (UTILIZATION, WSJF/RICE, SELECT,
 * RISK_SUMMARY…), so the sheet and the formulas agree.
 */
export function buildDashboard(input: DashboardInput): Dashboard {
  const { tables, missing, problems, also } = findTables(
    input.sheets,
    input.mapping ? { mapping: input.mapping } : {},
  );
  const sheetOf = (kind: TableKind) => tables[kind]?.sheet ?? '';
  const utilization = utilizationOf(tables, input.today);
  const heatmapStart = utilization.start;

  const initiativesTable = tables.initiatives;
  const budget =
    namedBudget(input.budgetCells) ?? (initiativesTable ? budgetFromLabel(initiativesTable.grid) : undefined);
  const ranking: InitiativeRanking | undefined = initiativesTable
    ? rankInitiatives(initiativesTable.grid, initiativesTable.firstRow, budget, matrixOf(initiativesTable))
    : undefined;

  const {
    register,
    error: riskError,
    issues: riskIssues = [],
  } = tables.risks ? readWorkbookRegister(input.sheets, tables.risks) : {};
  const riskTotal = register ? summarizeRisks(register) : undefined;
  // Money in the workbook's own currency: the cost column's format, and the register's amounts'.
  const cost = columnMoney(input.sheets, initiativesTable, ranking?.table, ['cost']);
  const exposure = columnMoney(input.sheets, tables.risks, register?.table, RISK_AMOUNT_KEYS);

  // A saved mapping the dashboard could not use is said where the user will look, not only by `pmo inspect`.
  const mappingSheet = input.sheets.find(isPmoDataSheet)?.name ?? PMO_DATA_SHEET_NAME;
  const issues: DashboardIssue[] = (problems ?? []).map((problem) => ({
    ...wholeTableIssue(problem.source === 'mapping' ? mappingSheet : '', 'Table mapping', problem.message),
    row: problem.row ?? 0,
    problem: `${problem.message}: discovery decided instead`,
  }));
  const addIssues = (kind: TableKind, list: readonly RowIssue[]) => {
    for (const issue of list) {
      const fromKind =
        TABLE_KINDS.find((k) => KIND_LABELS[k].toLowerCase() === issue.table.toLowerCase()) ?? kind;
      issues.push({ ...issue, sheet: issue.sheet ?? sheetOf(fromKind) });
    }
  };
  addIssues('assignments', utilization.issues);
  if (utilization.error)
    issues.push(wholeTableIssue(sheetOf('assignments'), 'Assignments', utilization.error));
  if (ranking) addIssues('initiatives', ranking.issues);
  if (riskError) issues.push(wholeTableIssue(sheetOf('risks'), 'Risks', riskError));
  if (register) {
    addIssues('risks', riskIssues);
    const unreadable = new Set(riskIssues.map((issue) => issue.row));
    for (const issue of unratedRisks(register))
      if (!unreadable.has(issue.row)) issues.push({ ...issue, sheet: sheetOf('risks') });
  }

  const gridTotals = utilization.grid ? totals(utilization.grid) : undefined;
  const summary: DashboardSummary = {
    tablesFound: TABLE_KINDS.flatMap((kind) => {
      const table = tables[kind];
      return table ? [sourceOf(table)] : [];
    }),
    tablesMissing: missing,
    tablesNotUsed: (also ?? []).map(sourceOf),
    resources: utilization.grid?.resources.length,
    averageUtilization:
      gridTotals && gridTotals.capacity > 0 ? gridTotals.load / gridTotals.capacity : undefined,
    overallocatedResourceWeeks: gridTotals?.over,
    heatmapStart,
    window: utilization.window,
    ...(utilization.booked?.from ? { booked: utilization.booked } : {}),
    initiatives: ranking?.count,
    rankingMethod: ranking?.method,
    selectedCount: ranking?.selection?.count,
    selectedCost: ranking?.selection?.cost,
    budget,
    risks: register?.risks.length,
    risksByLevel: register?.bands ? risksByLevel(register) : undefined,
    totalExposure: riskTotal?.total.inherent.exposure,
    issues,
  };

  // This build's headline figures, beside the previous build's, from the history on the PMO Data sheet.
  const dataSheet = input.sheets.find(isPmoDataSheet);
  const earlier = readHistory(dataSheet);
  const now = headlineFigures(summary, input.builtAt);
  const history = [...earlier, now];

  const out = new PlanWriter();
  out.line(DASHBOARD_MARKER, 'title');
  out.line(builtFromText(input, summary), 'subtitle');
  out.blank();
  writeTiles(out, now, earlier[earlier.length - 1], {
    windowStart: heatmapStart,
    levels: Object.entries(summary.risksByLevel ?? {}).map(([level, count]) => ({ level, count })),
    missing: missingFigures(summary, ranking),
    money: { cost, exposure },
  });
  if (utilization.grid) writeUtilization(out, utilization.grid, !tables.resources, windowNote(summary));
  if (ranking) writeInitiatives(out, ranking, cost);
  if (register) writeRisks(out, register, exposure);
  writeTrend(out, history, exposure);
  writeIssues(out, issues);
  out.blank();
  out.line(
    `Built ${input.builtAt} by the PMO Toolkit. Rebuilding replaces this sheet only; your own sheets are never changed. ` +
      'Utilization = Σ load ÷ Σ capacity; see the README for every definition.',
    'footer',
  );
  out.widenNames(LABEL_COLUMN_WIDTH);
  const dataName = dataSheet?.name ?? choosePmoDataSheet(input.sheets, isPmoDataSheet).name;
  return {
    plan: out.finish(input.sheetName ?? DASHBOARD_SHEET_NAME),
    summary: { ...summary, history },
    pmoData: pmoDataPlan(dataName, pmoDataRowsWithBuild(dataSheet, history)),
  };
}

/** This build's headline figures, as the history keeps them. */
function headlineFigures(summary: DashboardSummary, builtAt: string): HeadlineFigures {
  const figures: Record<string, number | undefined> = {
    averageUtilization: summary.averageUtilization,
    overallocatedResourceWeeks: summary.overallocatedResourceWeeks,
    initiatives: summary.initiatives,
    funded: summary.selectedCount,
    fundedCost: summary.selectedCost,
    budget: summary.budget,
    risks: summary.risks,
    totalExposure: summary.totalExposure,
  };
  return {
    builtAt,
    ...Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== undefined)),
  };
}

/** Why a headline figure is missing, in the words its tile shows. */
function missingFigures(
  summary: DashboardSummary,
  ranking: InitiativeRanking | undefined,
): TileContext['missing'] {
  const noPlan = summary.resources === undefined ? 'no Resources/Assignments table' : undefined;
  return {
    averageUtilization: noPlan ?? 'no capacity in these weeks',
    overallocatedResourceWeeks: noPlan ?? 'no capacity in these weeks',
    initiatives: 'no Initiatives table',
    funded: ranking?.selectionNote ?? 'no budget: none funded',
    risks: 'no Risks table',
    totalExposure: summary.risks === undefined ? 'no Risks table' : 'no probabilities as chances with costs',
  };
}

function builtFromText(input: DashboardInput, summary: DashboardSummary): string {
  const found = summary.tablesFound.map(sourceText).join(', ');
  const missing = summary.tablesMissing.map((kind) => KIND_LABELS[kind]).join(', ');
  return `Built ${input.builtAt} from ${found || 'no PMO tables'}${missing ? `; not found: ${missing}` : ''}${notUsedText(summary.tablesNotUsed)}.`;
}

function writeUtilization(out: PlanWriter, grid: UtilizationGrid, fullTime: boolean, outside?: string) {
  const weeks = grid.periodStarts.length;
  out.section(`Utilization by week (load ÷ capacity), ${weeks} weeks`, weeks + 1);
  out.row([
    cell('Resource', 'header'),
    ...grid.periodStarts.map((start) => cell({ date: start }, 'header', 'dd mmm')),
  ]);
  const cellFor = (load: number, capacity: number): PlanCell => {
    const band = bandOf(load, capacity);
    if (band === 'none') return cell(null);
    if (band === 'no-capacity') return cell('no capacity', 'band-no-capacity');
    return cell(load / capacity, BAND_STYLE[band], PERCENT);
  };
  grid.resources.forEach((resource, r) => {
    const cells: PlanCell[] = [userText(resource.name)];
    for (let p = 0; p < weeks; p++)
      cells.push(cellFor(grid.loadHours[r * weeks + p] ?? 0, grid.capacityHours[r * weeks + p] ?? 0));
    out.row(cells);
    out.widenNames(resource.name.length + 2);
  });
  const totalsRow: PlanCell[] = [cell('Total', 'header')];
  const totals = periodTotals(grid);
  for (let p = 0; p < weeks; p++)
    totalsRow.push(cellFor(totals.loadHours[p] ?? 0, totals.capacityHours[p] ?? 0));
  out.row(totalsRow);
  out.line(
    'Bands: under < 70% · ok 70–100% · over > 100% · critical > 120% · grey = load with no capacity.',
    'note',
  );
  if (outside) out.line(outside, 'note');
  if (fullTime) out.line(FULL_TIME_NOTE, 'note');
  out.blank();
}

function writeInitiatives(out: PlanWriter, ranking: InitiativeRanking, money: Money) {
  const withSelection = ranking.selection !== undefined;
  // The names in column A, the grid's wide one; the cost over two grid columns.
  const header = [
    'Initiative',
    'Rank',
    'ID',
    ranking.method ?? 'Score',
    'Cost',
    ...(withSelection ? ['Funded'] : []),
  ];
  const width = header.length + 1;
  out.section(`Initiatives ranked by ${ranking.method ?? '—'}`, width);
  if (!ranking.method) {
    out.line(
      'The Initiatives table has no Score column and no complete WSJF or RICE inputs to rank by.',
      'note',
    );
    out.blank();
    return;
  }
  out.row(header.map((text) => (text === 'Cost' ? span(cell(text, 'header'), 2) : cell(text, 'header'))));
  const firstRow = out.nextRow;
  for (const initiative of ranking.ranked) {
    out.row([
      userText(initiative.name),
      cell(initiative.rank, undefined, '0'),
      userText(initiative.id),
      cell(initiative.score, undefined, '0.00'),
      span(initiative.cost === undefined ? cell(null) : cell(initiative.cost, undefined, money.format), 2),
      ...(withSelection ? [initiative.selected ? cell('Yes', 'selected') : cell('No', 'not-selected')] : []),
    ]);
    out.widenNames(initiative.name.length + 2);
  }
  const lastRow = out.nextRow - 1;
  if (ranking.weighted) out.line(weightsNote(ranking.method, ranking.weighted), 'note');
  if (ranking.selection) {
    // In plain words first; how it was chosen, and what the simpler rule would lose, in a note of its own.
    const { count, value, cost } = ranking.selection;
    const method = ranking.method;
    out.line(
      `Funded: the ${count} ${count === 1 ? 'initiative' : 'initiatives'} with the highest total ${method} whose costs fit the budget${ranking.budget === undefined ? '' : ` of ${money.text(ranking.budget)}`} (they cost ${money.text(cost)}).`,
      'note',
    );
    const greedyValue = ranking.greedy?.value;
    out.line(
      `Method: the exact best set, as SELECT finds it (total ${method} ${value.toFixed(2)})` +
        (greedyValue === undefined
          ? '.'
          : Math.abs(value - greedyValue) < 5e-3
            ? `; funding down the list by ${method} ÷ cost would fund as much.`
            : `; funding down the list by ${method} ÷ cost would reach ${greedyValue.toFixed(2)}, ${(value - greedyValue).toFixed(2)} less.`),
      'note',
    );
  } else if (ranking.selectionNote) {
    out.line(ranking.selectionNote, 'note');
  }
  // The chart shows the best CHARTED_INITIATIVES, each bar labelled: a row and a half of height per bar.
  const charted = Math.min(ranking.ranked.length, CHARTED_INITIATIVES);
  if (charted > 0) {
    out.chart({
      kind: 'bar',
      title: `${charted < ranking.ranked.length ? `Top ${charted} initiatives` : 'Initiatives'} by ${ranking.method}`,
      categories: { column: 0, firstRow, lastRow: Math.min(lastRow, firstRow + charted - 1) },
      series: [{ column: 3, nameRow: firstRow - 1 }],
      anchor: {
        row: firstRow - 2,
        column: width + 1,
        rows: Math.max(12, Math.ceil(charted * 1.5) + 4),
        columns: 7,
      },
    });
  }
  out.blank();
}

function writeRisks(out: PlanWriter, register: RiskRegister, money: Money) {
  const heatmap = registerHeatmap(register);
  const size = heatmap.size;
  out.section('Risk heatmap: number of risks by probability (rows) and impact (columns)', size + 1);
  out.row([cell('P \\ I', 'header'), ...Array.from({ length: size }, (_, i) => cell(i + 1, 'header', '0'))]);
  for (let p = size; p >= 1; p--) {
    const cells: PlanCell[] = [cell(p, 'header', '0')];
    for (let i = 1; i <= size; i++) {
      const count = heatmap.counts[p - 1]?.[i - 1] ?? 0;
      cells.push(cell(count === 0 ? null : count, cellStyle(register, p, i, size), '0'));
    }
    // As tall as a grid column is wide: the matrix's cells are square.
    out.height(out.row(cells), SQUARE_ROW_POINTS);
  }
  const bands = `${register.ownLegend ? "the workbook's own legend" : 'the default bands'}: ${bandsText(register)}`;
  const matrix = register.matrix;
  out.line(
    matrix
      ? `Levels and colours: the workbook's own risk matrix (${matrix.levels.join(', ')}), the level of each risk the matrix cell of its likelihood and impact.`
      : register.scale === 'fraction'
        ? `Rows and columns are 20% bands (1 = 0–20% … 5 = 80–100%); colours: the level of P × I on ${bands}.`
        : `${register.probabilityScale === register.impactScale ? '' : 'Probability and impact are on different scales: each is read as its level 1–5 (a % by 20% bands: 1 = 0–20% … 5 = 80–100%). '}Colours: the level of the cell (score P × I on ${bands}).`,
    'note',
  );
  out.blank();

  writeTopRisks(out, register, money);

  const category = groupColumn(register, 'Category');
  if (!isPmoError(category)) {
    const byCategory = summarizeRisks(register, category);
    out.section(`Risk concentration by ${byCategory.groupHeader ?? 'category'}`, 5);
    out.row([
      cell(byCategory.groupHeader ?? 'Category', 'header'),
      cell('Risks', 'header'),
      span(cell('Exposure', 'header'), 2),
      cell('Share', 'header'),
    ]);
    const firstRow = out.nextRow;
    for (const group of byCategory.groups) {
      out.row([
        userText(group.label),
        cell(group.count, undefined, '0'),
        span(cell(group.inherent.exposure ?? null, undefined, money.format), 2),
        cell(group.share ?? null, undefined, PERCENT),
      ]);
      out.widenNames(group.label.length + 2);
    }
    const lastRow = out.nextRow - 1;
    if (byCategory.groups.some((group) => group.inherent.exposure !== undefined)) {
      out.chart({
        kind: 'column',
        title: `Exposure by ${byCategory.groupHeader ?? 'category'}`,
        categories: { column: 0, firstRow, lastRow },
        series: [{ column: 2, nameRow: firstRow - 1 }],
        anchor: { row: firstRow - 2, column: 6, rows: 12, columns: 7 },
      });
    }
    out.blank();
  }
}

function writeIssues(out: PlanWriter, issues: readonly DashboardIssue[]) {
  out.section(
    `Data issues: ${issues.length === 0 ? 'none' : `${issues.length} rows left out`}`,
    4 + ISSUE_PROBLEM_COLUMNS + 3,
  );
  if (issues.length === 0) {
    out.line('Every row of the tables found was used.', 'note');
    return;
  }
  // The sheet in column A; the column's header over two grid columns, the value over three, the problem over eight.
  out.row([
    cell('Sheet', 'header'),
    cell('Row', 'header'),
    span(cell('Column', 'header'), 2),
    span(cell('Value', 'header'), 3),
    span(cell('Problem', 'header'), ISSUE_PROBLEM_COLUMNS),
  ]);
  for (const issue of issues.slice(0, MAX_LISTED_ISSUES)) {
    out.row([
      userText(issue.sheet),
      cell(issue.row || null, undefined, '0'),
      span(userText(issue.column), 2),
      span(userText(issue.value), 3),
      span(cell(issue.problem, 'issue'), ISSUE_PROBLEM_COLUMNS),
    ]);
    out.widenNames(issue.sheet.length + 2);
  }
  if (issues.length > MAX_LISTED_ISSUES)
    out.line(
      `… and ${issues.length - MAX_LISTED_ISSUES} more (see ISSUES in a cell for all of them).`,
      'note',
    );
}
