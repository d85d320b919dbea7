// The dashboard's headline: five tiles across the top (utilization, over-allocation, funding, risks, exposure), each a
// big number, a label, a line of detail and the change since the previous build; and the trend of the last builds,
// read from the build history on the PMO Data sheet (history.ts).

import { isoFromSerial } from '../dates';
import type { HeadlineFigures } from './history';
import { cell, PERCENT, type PlanWriter, span, userText } from './layout';
import { type Money, PLAIN_MONEY } from './money';
import type { PlanCell, PlanStyleName } from './plan';
import { HEATMAP_WEEKS } from './window';

/** Grid columns of each tile after the first, which is column A (the names column, the widest). */
const TILE_COLUMNS = 3;
/** Height in points of the tiles' big numbers. */
const TILE_FIGURE_POINTS = 34;
/** How many builds, latest last, the trend shows. */
export const TREND_BUILDS = 12;
/** Characters of detail a tile of three grid columns shows in full. */
const TILE_DETAIL_CHARACTERS = 32;

/** What a tile's change means: up is worse (over-allocation, risks, exposure), or neither (utilization, funding). */
type Direction = 'up-is-worse' | 'neutral';
type Unit = 'share' | 'count' | 'money';

/** What the tiles say besides the figures themselves. */
export interface TileContext {
  /** First day of the weeks the utilization covers (a day serial). */
  readonly windowStart: number;
  /** Risks per level, highest first. */
  readonly levels: readonly { readonly level: string; readonly count: number }[];
  /** Why a figure is missing, by figure: "no Risks table". */
  readonly missing: Partial<Record<keyof HeadlineFigures, string>>;
  /** How money shows: the initiatives' costs and the budget, and the risks' exposure. */
  readonly money: { readonly cost: Money; readonly exposure: Money };
}

interface Tile {
  readonly label: string;
  readonly figure: PlanCell;
  readonly detail: string;
  readonly change: { readonly text: string; readonly style: PlanStyleName };
}

/** The displayed value of a figure, for the change: a share in whole percent, the rest rounded to units. */
const shown = (value: number, unit: Unit): number =>
  unit === 'share' ? Math.round(value * 100) : Math.round(value);

/** "since 2026-12-01", or the time alone when the previous build was the same day. */
function sinceText(now: HeadlineFigures, previous: HeadlineFigures): string {
  const day = (builtAt: string) => builtAt.slice(0, 10);
  const sameDay = day(now.builtAt) === day(previous.builtAt) && previous.builtAt.length > 10;
  return `since ${sameDay ? previous.builtAt.slice(11) : day(previous.builtAt)}`;
}

/** The change of one figure since the previous build, worded and coloured. */
export function changeOf(
  figure: Exclude<keyof HeadlineFigures, 'builtAt'>,
  now: HeadlineFigures,
  previous: HeadlineFigures | undefined,
  unit: Unit,
  direction: Direction,
  money: Money = PLAIN_MONEY,
): Tile['change'] {
  if (!previous) return { text: 'first build', style: 'tile-change' };
  const value = now[figure];
  const before = previous[figure];
  const since = sinceText(now, previous);
  if (value === undefined) return { text: '', style: 'tile-change' };
  if (before === undefined) return { text: `new ${since}`, style: 'tile-change' };
  const delta = shown(value, unit) - shown(before, unit);
  if (delta === 0) return { text: `no change ${since}`, style: 'tile-change' };
  const size =
    unit === 'share'
      ? `${Math.abs(delta)} pts`
      : unit === 'money'
        ? money.text(Math.abs(delta))
        : Math.abs(delta).toLocaleString('en-US');
  const style: PlanStyleName =
    direction === 'neutral' ? 'tile-change' : delta > 0 ? 'tile-worse' : 'tile-better';
  return { text: `${delta > 0 ? '▲' : '▼'} ${size} ${since}`, style };
}

/** Levels, highest first, as many as fit a tile's line: "3 Extreme · 5 High". */
function levelsText(levels: TileContext['levels']): string {
  let text = '';
  for (const { level, count } of levels) {
    const next = `${text}${text ? ' · ' : ''}${count} ${level}`;
    if (text && next.length > TILE_DETAIL_CHARACTERS) break;
    text = next;
  }
  return text;
}

function tilesOf(now: HeadlineFigures, previous: HeadlineFigures | undefined, context: TileContext): Tile[] {
  const none = cell('—', 'tile-figure');
  const missing = (figure: keyof HeadlineFigures) => context.missing[figure] ?? '';
  const figure = (value: number | undefined, format: string): PlanCell =>
    value === undefined ? none : cell(value, 'tile-figure', format);
  const funded =
    now.funded !== undefined && now.initiatives !== undefined
      ? cell(`${now.funded} of ${now.initiatives}`, 'tile-figure')
      : figure(now.initiatives, '0');
  return [
    {
      label: 'Utilization',
      figure: figure(now.averageUtilization, PERCENT),
      detail:
        now.averageUtilization === undefined
          ? missing('averageUtilization')
          : `average, ${HEATMAP_WEEKS} weeks from ${isoFromSerial(context.windowStart)}`,
      change: changeOf('averageUtilization', now, previous, 'share', 'neutral'),
    },
    {
      label: 'Over-allocated',
      figure: figure(now.overallocatedResourceWeeks, '0'),
      detail:
        now.overallocatedResourceWeeks === undefined
          ? missing('overallocatedResourceWeeks')
          : 'resource-weeks above 100%',
      change: changeOf('overallocatedResourceWeeks', now, previous, 'count', 'up-is-worse'),
    },
    {
      label: 'Funded',
      figure: funded,
      detail:
        now.fundedCost !== undefined && now.budget !== undefined
          ? `cost ${context.money.cost.text(now.fundedCost)} of ${context.money.cost.text(now.budget)}`
          : now.initiatives === undefined
            ? missing('initiatives')
            : missing('funded'),
      change: changeOf(
        now.funded === undefined ? 'initiatives' : 'funded',
        now,
        previous,
        'count',
        'neutral',
      ),
    },
    {
      label: 'Risks',
      figure: figure(now.risks, '0'),
      detail: now.risks === undefined ? missing('risks') : levelsText(context.levels),
      change: changeOf('risks', now, previous, 'count', 'up-is-worse'),
    },
    {
      label: 'Exposure',
      figure: figure(now.totalExposure, context.money.exposure.wholeFormat),
      detail: now.totalExposure === undefined ? missing('totalExposure') : 'Σ probability × cost',
      change: changeOf('totalExposure', now, previous, 'money', 'up-is-worse', context.money.exposure),
    },
  ];
}

/**
 * The headline tiles: a row of labels, a row of big numbers, a row of detail and a row of changes since the
 * previous build, the first tile in column A and the others over three grid columns each; then the legend.
 */
export function writeTiles(
  out: PlanWriter,
  now: HeadlineFigures,
  previous: HeadlineFigures | undefined,
  context: TileContext,
): void {
  const tiles = tilesOf(now, previous, context);
  const across = (content: (tile: Tile) => PlanCell) =>
    tiles.map((tile, t) => (t === 0 ? content(tile) : span(content(tile), TILE_COLUMNS)));
  out.section('Headline figures', 1 + (tiles.length - 1) * TILE_COLUMNS);
  out.row(across((tile) => cell(tile.label.toUpperCase(), 'tile-label')));
  out.height(out.row(across((tile) => tile.figure)), TILE_FIGURE_POINTS);
  out.row(across((tile) => cell(tile.detail, 'tile-detail')));
  out.row(across((tile) => cell(tile.change.text, tile.change.style)));
  out.line(
    previous
      ? `▲ ▼ change since the build of ${previous.builtAt}: red is worse, green better, grey neither. Every build's figures are kept on the hidden sheet PMO Data.`
      : 'Changes show from the next build: every build keeps its figures on the hidden sheet PMO Data.',
    'note',
  );
  out.blank();
}

/**
 * The trend of the last {@link TREND_BUILDS} builds (latest last): a table of the headline figures and a line chart
 * of the average utilization beside it. Nothing before the second build (the tiles' note says changes show then).
 */
export function writeTrend(out: PlanWriter, history: readonly HeadlineFigures[], money: Money): void {
  if (history.length < 2) return;
  const builds = history.slice(-TREND_BUILDS);
  out.section(`Trend over the last ${builds.length} builds`, 8);
  out.row([
    cell('Build', 'header'),
    cell('Utilization', 'header'),
    span(cell('Over-allocated', 'header'), 2),
    cell('Funded', 'header'),
    cell('Risks', 'header'),
    span(cell('Exposure', 'header'), 2),
  ]);
  const firstRow = out.nextRow;
  const number = (value: number | undefined, format: string) =>
    value === undefined ? cell(null) : cell(value, undefined, format);
  for (const build of builds)
    out.row([
      userText(build.builtAt),
      number(build.averageUtilization, PERCENT),
      span(number(build.overallocatedResourceWeeks, '0'), 2),
      number(build.funded, '0'),
      number(build.risks, '0'),
      span(number(build.totalExposure, money.format), 2),
    ]);
  if (builds.some((build) => build.averageUtilization !== undefined))
    out.chart({
      kind: 'line',
      title: 'Average utilization by build',
      categories: { column: 0, firstRow, lastRow: out.nextRow - 1 },
      series: [{ column: 1, nameRow: firstRow - 1 }],
      anchor: { row: firstRow - 1, column: 9, rows: Math.max(8, builds.length + 2), columns: 4 },
    });
  out.blank();
}
