// Renders a utilization grid as terminal text (resources × periods, coloured by band, with a Total row and a
// legend) and the data issues as a plain table. Pure: strings in, strings out; user text is made inert.

import { isoFromSerial, partsFromSerial } from '../core/dates';
import type { RowIssue } from '../core/table';
import { periodTotals, type UtilizationGrid } from '../core/utilization';
import {
  bandOf,
  DEFAULT_BANDS,
  type UtilizationBand,
  type UtilizationBands,
} from '../core/utilization/bands';

export interface HeatmapOptions {
  /** ANSI colours on (background by band). False gives plain text without any escape code. */
  readonly color: boolean;
  /** Terminal width in characters; periods that do not fit are cut (default 120). */
  readonly columns?: number;
  /** Show at most this many periods — weeks by default — (default: as many as fit in `columns`). */
  readonly maxWeeks?: number;
  /** Widest resource-name column (default 24). */
  readonly nameWidth?: number;
  readonly bands?: UtilizationBands;
}

/** Characters of one value cell; a space separates cells. */
const CELL_WIDTH = 5;
const DEFAULT_COLUMNS = 120;
const DEFAULT_NAME_WIDTH = 24;
const MIN_PERIODS_SHOWN = 4;

const RESET = '\x1b[0m';
/** Background (and readable foreground) per band, from the 16 standard colours every terminal has. */
const BAND_STYLE: Readonly<Record<UtilizationBand, string>> = {
  under: '\x1b[44;97m',
  ok: '\x1b[42;30m',
  over: '\x1b[43;30m',
  critical: '\x1b[41;97m',
  'no-capacity': '\x1b[100;97m',
  none: '',
};

// C0 and C1 controls, DEL, and the Unicode bidirectional overrides that can reorder what a terminal shows.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes user text safe and one-line for a terminal: tabs and line breaks become spaces, other control
 * characters (ESC included, so no escape sequence survives) become a visible `\xNN` / `\u{…}` escape.
 */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE, (char) => {
    if (char === '\t' || char === '\n' || char === '\r') return ' ';
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** Width of text in terminal columns, counting code points (combining marks as zero). */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) if (!/\p{M}/u.test(char)) width++;
  return width;
}

/** Pads or truncates (with …) to exactly `width` columns. */
export function fitText(text: string, width: number): string {
  const length = displayWidth(text);
  if (length <= width) return text + ' '.repeat(width - length);
  const chars = [...text];
  let kept = '';
  let used = 0;
  for (const char of chars) {
    const w = /\p{M}/u.test(char) ? 0 : 1;
    if (used + w > width - 1) break;
    kept += char;
    used += w;
  }
  return `${kept}…${' '.repeat(Math.max(0, width - 1 - used))}`;
}

/** Shortens text to at most `max` columns, ending with … when cut. */
export function shorten(text: string, max: number): string {
  return displayWidth(text) <= max ? text : fitText(text, max).trimEnd();
}

/** The text of one heatmap cell: whole percent, `n/c` for load without capacity, `–` for neither. */
export function cellLabel(loadHours: number, capacityHours: number): string {
  if (capacityHours <= 0) return loadHours > 0 ? 'n/c' : '–';
  const percent = Math.round((loadHours / capacityHours) * 100);
  return percent > 99_999 ? '>9999' : String(percent);
}

function paint(text: string, band: UtilizationBand, color: boolean): string {
  const style = BAND_STYLE[band];
  return color && style !== '' ? `${style}${text}${RESET}` : text;
}

function periodLabel(serial: number, period: UtilizationGrid['period']): string {
  const iso = isoFromSerial(serial);
  if (period === 'month')
    return (
      ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
        partsFromSerial(serial).month - 1
      ] ?? iso
    );
  return iso.slice(5);
}

const PERIOD_NOUN = { week: 'weeks', month: 'months', day: 'days' } as const;

const percentText = (ratio: number): string => `${Math.round(ratio * 100)}%`;

/** The legend: each band with its thresholds, drawn in its colour. */
export function renderLegend(color: boolean, bands: UtilizationBands = DEFAULT_BANDS): string {
  const items: [UtilizationBand, string, string][] = [
    ['under', String(Math.max(0, Math.round(bands.ok * 100) - 10)), `under < ${percentText(bands.ok)}`],
    ['ok', String(Math.round(bands.over * 100)), `ok ${percentText(bands.ok)}–${percentText(bands.over)}`],
    ['over', String(Math.round(bands.over * 100) + 5), `over > ${percentText(bands.over)}`],
    ['critical', String(Math.round(bands.critical * 100) + 10), `critical > ${percentText(bands.critical)}`],
    ['no-capacity', 'n/c', 'load but no capacity'],
  ];
  const samples = items.map(
    ([band, sample, text]) => `${paint(sample.padStart(CELL_WIDTH), band, color)} ${text}`,
  );
  return `Legend:${samples.join(' ')}  – no load, no capacity`;
}

/**
 * Renders `grid` as a heatmap: a year line and period labels (MM-DD of each Monday, month names, or days),
 * one row per resource and a Total row (Σ load ÷ Σ capacity, never the average of percentages), each value
 * a whole percent right-aligned and coloured by band, then the legend. Periods that do not fit are cut,
 * with a note saying how many and how to see them.
 */
export function renderHeatmap(grid: UtilizationGrid, options: HeatmapOptions): string {
  const bands = options.bands ?? DEFAULT_BANDS;
  const periodCount = grid.periodStarts.length;
  const names = grid.resources.map((resource) => sanitizeText(resource.name));
  const longestName = names.reduce(
    (longest, name) => Math.max(longest, displayWidth(name)),
    'Resource'.length,
  );
  const nameWidth = Math.min(options.nameWidth ?? DEFAULT_NAME_WIDTH, longestName);
  const fitting = Math.max(
    MIN_PERIODS_SHOWN,
    Math.floor(((options.columns ?? DEFAULT_COLUMNS) - nameWidth) / (CELL_WIDTH + 1)),
  );
  const shown = Math.min(periodCount, options.maxWeeks ?? fitting);

  const yearCells: string[] = [];
  let lastYear = -1;
  for (let p = 0; p < shown; p++) {
    const year = partsFromSerial(grid.periodStarts[p] ?? 0).year;
    yearCells.push(year !== lastYear ? String(year).padStart(CELL_WIDTH) : ' '.repeat(CELL_WIDTH));
    lastYear = year;
  }
  const lines: string[] = [
    `${' '.repeat(nameWidth)} ${yearCells.join(' ')}`.trimEnd(),
    `${fitText('Resource', nameWidth)} ${grid.periodStarts
      .slice(0, shown)
      .map((start) => periodLabel(start, grid.period).padStart(CELL_WIDTH))
      .join(' ')}`,
  ];

  const row = (label: string, load: (p: number) => number, capacity: (p: number) => number): string => {
    const cells: string[] = [];
    for (let p = 0; p < shown; p++) {
      cells.push(
        paint(
          cellLabel(load(p), capacity(p)).padStart(CELL_WIDTH),
          bandOf(load(p), capacity(p), bands),
          options.color,
        ),
      );
    }
    return `${fitText(label, nameWidth)} ${cells.join(' ')}`;
  };
  names.forEach((name, r) => {
    const base = r * periodCount;
    lines.push(
      row(
        name,
        (p) => grid.loadHours[base + p] ?? 0,
        (p) => grid.capacityHours[base + p] ?? 0,
      ),
    );
  });
  const totals = periodTotals(grid);
  lines.push(
    row(
      'Total',
      (p) => totals.loadHours[p] ?? 0,
      (p) => totals.capacityHours[p] ?? 0,
    ),
  );
  lines.push('');
  lines.push(renderLegend(options.color, bands));
  if (shown < periodCount) {
    const noun = PERIOD_NOUN[grid.period];
    const firstHidden = isoFromSerial(grid.periodStarts[shown] ?? 0);
    const lastHidden = isoFromSerial(grid.periodStarts[periodCount - 1] ?? 0);
    lines.push(
      `Showing the first ${shown} of ${periodCount} ${noun}: ${periodCount - shown} more (${firstHidden} to ${lastHidden}) are cut; ` +
        `pick the ${noun} with --from/--to (e.g. --from ${firstHidden}) or widen the terminal.`,
    );
  }
  return lines.join('\n');
}

const ISSUE_HEADERS = ['Table', 'Row', 'Column', 'Value', 'Problem'] as const;
const MAX_VALUE_WIDTH = 30;
const MAX_COLUMN_WIDTH = 24;

/**
 * Renders row issues as a plain text table (Table, Row, Column, Value, Problem). User text is sanitised and
 * values shortened. With more than `maxRows` issues, the rest are counted in a last line.
 */
export function renderIssues(issues: readonly RowIssue[], maxRows = Number.POSITIVE_INFINITY): string {
  if (issues.length === 0) return 'No data issues.';
  const shown = issues.slice(0, maxRows);
  const rows = shown.map((issue) => [
    shorten(sanitizeText(issue.table), MAX_COLUMN_WIDTH),
    String(issue.row),
    shorten(sanitizeText(issue.column), MAX_COLUMN_WIDTH),
    shorten(sanitizeText(issue.value), MAX_VALUE_WIDTH),
    sanitizeText(issue.problem),
  ]);
  const widths = ISSUE_HEADERS.map((header, c) =>
    rows.reduce((most, cells) => Math.max(most, displayWidth(cells[c] ?? '')), header.length),
  );
  const format = (cells: readonly string[]): string =>
    cells
      .map((cell, c) =>
        c === cells.length - 1
          ? cell
          : c === 1
            ? cell.padStart(widths[c] ?? 0)
            : fitText(cell, widths[c] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const lines = [
    format(ISSUE_HEADERS),
    format(widths.map((width) => '-'.repeat(width))),
    ...rows.map(format),
  ];
  if (issues.length > shown.length)
    lines.push(`… and ${issues.length - shown.length} more issues not shown.`);
  return lines.join('\n');
}
