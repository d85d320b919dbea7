// A workbook's own risk legend (issue 14 item 2): level names with score ranges, as registers write them — a block
// of rows ("High | 16–25", "Medium | 9-15", "Low | 1 to 8", ">= 16"), one row of cells ("Low (1-4)", "Medium (5-9)",
// …), or a lower-bound column under a "Minimum score" header. Read into score bands (DESIGN §10) that then replace
// the default bands for the register. Pure: reads cells.

import { type Cell, cellText } from '../cells';
import type { RiskBands } from './levels';
import type { RatingScale } from './scales';

/** A legend: its bands and the scale of scores they are written on (1–25, or fractions/percentages). */
export interface RiskLegend {
  readonly bands: RiskBands;
  readonly scale: RatingScale;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
/** "16–25", "16 - 25", "1 to 8", "0% – 5%". */
const BETWEEN = new RegExp(String.raw`^${NUMBER}\s*(%?)\s*(?:–|—|-|to)\s*${NUMBER}\s*(%?)$`, 'i');
/** ">= 16", "≥ 16", "16+", "16 and above". */
const AT_LEAST = new RegExp(
  String.raw`^(?:(?:>=|≥|=>)\s*${NUMBER}\s*(%?)|${NUMBER}\s*(%?)\s*(?:\+|and above|or more|and over))$`,
  'i',
);
/** "<= 8", "≤ 8", "up to 8". */
const AT_MOST = new RegExp(String.raw`^(?:<=|≤|=<|up to)\s*${NUMBER}\s*(%?)$`, 'i');
/** "Low (1-4)", "Low: 1–4", "Low = 1 to 4". */
const NAMED = /^([A-Za-z][A-Za-z /-]{0,24}?)\s*(?:\(|:|=)\s*([^()]+?)\s*\)?$/;
/** A level's name: a word or two, no digits. */
const LEVEL_NAME = /^[A-Za-z][A-Za-z /-]{0,24}$/;
/** Words above a block that make it a probability or impact definition, not a score legend. */
const NOT_SCORES = /probab|likelihood|impact|consequence|severity|frequency/i;
/** A lower-bound column's header. */
const LOWER_BOUND = /\b(?:min(?:imum)?|from|lower|threshold)\b|≥|>=/i;
/** Rows above a block searched for its header and title. */
const ABOVE = 3;

/** One range as written: from (undefined = the scale's lowest), to (undefined = open), and whether in %. */
interface Range {
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly percent: boolean;
}

/** Reads a score range as legends write it, or undefined. */
export function parseScoreRange(text: string): Range | undefined {
  const t = text.trim().replace(/^\(|\)$/g, '');
  const between = BETWEEN.exec(t);
  if (between) {
    const from = Number(between[1]);
    const to = Number(between[3]);
    return to >= from ? { from, to, percent: between[2] === '%' || between[4] === '%' } : undefined;
  }
  const atLeast = AT_LEAST.exec(t);
  if (atLeast)
    return {
      from: Number(atLeast[1] ?? atLeast[3]),
      to: undefined,
      percent: (atLeast[2] ?? atLeast[4]) === '%',
    };
  const atMost = AT_MOST.exec(t);
  if (atMost) return { from: undefined, to: Number(atMost[1]), percent: atMost[2] === '%' };
  return undefined;
}

interface Entry {
  readonly label: string;
  readonly range: Range;
}

/** Bands from entries, or undefined when they do not make a legend (fewer than two levels, overlaps, off-scale). */
function bandsOf(entries: readonly Entry[]): RiskLegend | undefined {
  if (entries.length < 2) return undefined;
  const labels = new Set(entries.map((entry) => entry.label.toLowerCase()));
  if (labels.size !== entries.length) return undefined;
  const percent = entries.some((entry) => entry.range.percent);
  const values = entries.flatMap((entry) => [entry.range.from ?? 0, entry.range.to ?? 0]);
  const top = values.reduce((most, value) => Math.max(most, value), 0);
  const scale: RatingScale = percent || top <= 1 ? 'fraction' : 'rating';
  if (scale === 'rating' && top > 25) return undefined;
  const lowest = scale === 'rating' ? 1 : 0;
  const toScore = (value: number) => (percent ? value / 100 : value);
  const bands = entries
    .map((entry) => ({ minimumScore: toScore(entry.range.from ?? lowest), label: entry.label }))
    .sort((a, b) => a.minimumScore - b.minimumScore);
  if (bands.some((band, i) => i > 0 && band.minimumScore === bands[i - 1]?.minimumScore)) return undefined;
  return { bands, scale };
}

const text = (cell: Cell | undefined): string => (typeof cell === 'string' ? cell.trim() : '');

/** True when the rows just above `r` hold a probability or impact title or header (a definitions table). */
function definitionsAbove(grid: readonly (readonly Cell[])[], r: number): boolean {
  for (let above = Math.max(0, r - ABOVE); above < r; above++)
    if ((grid[above] ?? []).some((cell) => NOT_SCORES.test(text(cell)))) return true;
  return false;
}

/** True when a row is one level of a legend: a score range with a level name left of it ("High | 16–25"). */
export function isLegendRow(row: readonly Cell[] | undefined): boolean {
  return row !== undefined && entryInRow(row) !== undefined;
}

/** A level name and a range in one row: the range cell, and the nearest level-like text left of it. */
function entryInRow(row: readonly Cell[]): Entry | undefined {
  for (let c = 1; c < row.length; c++) {
    const range = parseScoreRange(cellText(row[c] ?? null));
    if (!range) continue;
    for (let l = c - 1; l >= 0; l--) {
      const label = text(row[l]);
      if (label === '') continue;
      return LEVEL_NAME.test(label) ? { label, range } : undefined;
    }
  }
  return undefined;
}

/** Level names with a lower-bound number under a header such as "Level | Minimum score". */
function lowerBoundBlock(grid: readonly (readonly Cell[])[], r: number): Entry[] {
  const header = grid[r] ?? [];
  const bound = header.findIndex((cell) => LOWER_BOUND.test(text(cell)));
  if (bound < 0) return [];
  const entries: Entry[] = [];
  for (let row = r + 1; row < grid.length; row++) {
    const cells = grid[row] ?? [];
    const value = cells[bound];
    const label = cells.map(text).find((cell, c) => c !== bound && LEVEL_NAME.test(cell));
    if (typeof value !== 'number' || !label) break;
    entries.push({ label, range: { from: value, to: undefined, percent: false } });
  }
  return entries;
}

/**
 * The first legend in `grid`'s rows `from`…`to` outside rows `skip` (the register itself): a block of two or more rows each with a
 * level and a range, a row of two or more "Level (range)" cells, or level names under a lower-bound header. A
 * block under a probability or impact title is a definitions table (read elsewhere), not a legend.
 */
export function findLegend(
  grid: readonly (readonly Cell[])[],
  skip: (row: number) => boolean = () => false,
  from = 0,
  to: number = grid.length,
): RiskLegend | undefined {
  for (let r = from; r < Math.min(to, grid.length); r++) {
    if (skip(r)) continue;
    const row = grid[r] ?? [];
    const named = row.flatMap((cell): Entry[] => {
      const match = NAMED.exec(text(cell));
      const range = match ? parseScoreRange(match[2] ?? '') : undefined;
      return match && range ? [{ label: (match[1] ?? '').trim(), range }] : [];
    });
    const fromRow = named.length >= 2 && !definitionsAbove(grid, r) ? bandsOf(named) : undefined;
    if (fromRow) return fromRow;
    const entries: Entry[] = [];
    for (let next = r; next < grid.length && !skip(next); next++) {
      const entry = entryInRow(grid[next] ?? []);
      if (!entry) break;
      entries.push(entry);
    }
    const block = entries.length >= 2 && !definitionsAbove(grid, r) ? bandsOf(entries) : undefined;
    if (block) return block;
    if (entries.length >= 2) r += entries.length - 1;
    const bounds = lowerBoundBlock(grid, r);
    const lower = bounds.length >= 2 && !definitionsAbove(grid, r) ? bandsOf(bounds) : undefined;
    if (lower) return lower;
  }
  return undefined;
}

/** One level of a legend: scores from `from` to `to` (inclusive on 1–25 scores, `to` exclusive on fractions). */
export interface LegendBand {
  readonly level: string;
  readonly from: number;
  readonly to: number;
}

/** Scores a 5×5 register can have: every product of two levels 1–5. */
const RATING_SCORES = [...new Set([1, 2, 3, 4, 5].flatMap((p) => [1, 2, 3, 4, 5].map((i) => p * i)))].sort(
  (a, b) => a - b,
);

/**
 * Bands as a legend is written, highest level first: on 1–25 each band runs to the highest score a register can have below the next
 * band ("Moderate 4–6"), the top one to 25; on fractions each runs to the next band's minimum, the top one to 1.
 */
export function legendOf(bands: RiskBands, scale: RatingScale): LegendBand[] {
  const legend = bands.map((band, i) => {
    const next = bands[i + 1]?.minimumScore;
    if (scale !== 'rating') return { level: band.label, from: band.minimumScore, to: next ?? 1 };
    const below =
      next === undefined ? 25 : (RATING_SCORES.filter((score) => score < next).at(-1) ?? next - 1);
    return { level: band.label, from: band.minimumScore, to: below };
  });
  // Highest level first, as a legend is read.
  return legend.reverse();
}

/** Risks per level of the register's bands, highest level first (every level, even at 0), and the unrated. */
export function countByLevel(register: {
  readonly bands: RiskBands | undefined;
  readonly risks: readonly { readonly inherent: { readonly level: string | undefined } }[];
}): {
  readonly levels: readonly { readonly level: string; readonly count: number }[];
  readonly unrated: number;
} {
  const counts = new Map((register.bands ?? []).map((band) => [band.label, 0]));
  let unrated = 0;
  for (const risk of register.risks) {
    const level = risk.inherent.level;
    const count = level === undefined ? undefined : counts.get(level);
    if (level === undefined || count === undefined) unrated++;
    else counts.set(level, count + 1);
  }
  const levels = [...counts].map(([level, count]) => ({ level, count })).reverse();
  return { levels, unrated };
}
