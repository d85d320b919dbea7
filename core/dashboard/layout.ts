// A small writer that lays sections of the dashboard out top to bottom into a plan grid, so each section
// only says what it shows. Keeps merges, widths and charts in step with the rows it writes.

import { fitCellText } from '../cells';
import {
  DASHBOARD_SHEET_NAME,
  type DashboardPlan,
  type PlanCell,
  type PlanChart,
  type PlanStyle,
  type PlanStyleName,
  type PlanValue,
} from './plan';

/** The look of each named style (Excel-like conditional-format colours, readable in both hosts). */
export const DASHBOARD_STYLES: Readonly<Record<PlanStyleName, PlanStyle>> = {
  title: { bold: true, fontSize: 16, fontColor: '#1F3864' },
  subtitle: { italic: true, fontColor: '#595959' },
  section: { bold: true, fontSize: 12, fontColor: '#FFFFFF', fill: '#1F3864' },
  header: { bold: true, fill: '#D9E1F2', fontColor: '#1F3864', middle: true },
  label: { fontColor: '#262626' },
  figure: { bold: true, fontSize: 12, align: 'right' },
  'tile-label': { bold: true, fontColor: '#595959', fill: '#F2F2F2', align: 'center' },
  'tile-figure': {
    bold: true,
    fontSize: 22,
    fontColor: '#1F3864',
    fill: '#F2F2F2',
    align: 'center',
    middle: true,
  },
  'tile-detail': { fontColor: '#404040', fill: '#F2F2F2', align: 'center' },
  'tile-change': { italic: true, fontColor: '#7F7F7F', fill: '#F2F2F2', align: 'center' },
  'tile-better': { bold: true, fontColor: '#006100', fill: '#F2F2F2', align: 'center' },
  'tile-worse': { bold: true, fontColor: '#9C0006', fill: '#F2F2F2', align: 'center' },
  note: { italic: true, fontColor: '#7F7F7F' },
  footer: { italic: true, fontColor: '#7F7F7F' },
  'band-under': { fill: '#DDEBF7', fontColor: '#1F4E78', align: 'right' },
  'band-ok': { fill: '#C6EFCE', fontColor: '#006100', align: 'right' },
  'band-over': { fill: '#FFEB9C', fontColor: '#9C5700', align: 'right' },
  'band-critical': { fill: '#FFC7CE', fontColor: '#9C0006', bold: true, align: 'right' },
  'band-no-capacity': { fill: '#D9D9D9', fontColor: '#404040', align: 'center' },
  'risk-low': { middle: true, fill: '#C6EFCE', fontColor: '#006100', align: 'center' },
  'risk-moderate': { middle: true, fill: '#FFEB9C', fontColor: '#9C5700', align: 'center' },
  'risk-high': { middle: true, fill: '#F8CBAD', fontColor: '#843C0C', align: 'center' },
  'risk-extreme': { middle: true, fill: '#FFC7CE', fontColor: '#9C0006', bold: true, align: 'center' },
  selected: { fill: '#C6EFCE', fontColor: '#006100', bold: true, align: 'center' },
  'not-selected': { fontColor: '#7F7F7F', align: 'center' },
  issue: { fontColor: '#9C0006' },
};

/** Number formats of money and of shares on the dashboard. */
export const MONEY = '#,##0';
export const PERCENT = '0%';

/** Money as the dashboard words it in text: whole units, thousands separated ("3,575,000"), as {@link MONEY} shows it. */
export const formatMoney = (amount: number): string => Math.round(amount).toLocaleString('en-US');

/**
 * Width (characters) of every column but A: the dashboard is a grid of equal columns right of the names, so the
 * heatmap's weeks are equal and narrow, and content wider than one column spans several ({@link span}).
 */
export const GRID_COLUMN_WIDTH = 10;

/**
 * What a column width in characters is on screen: 7 pixels per character of the default font, the padding included
 * (Excel's and LibreOffice's reading of a width written in the file; Sheets is given these pixels, Office.js
 * 0.75 points per pixel).
 */
export const PIXELS_PER_CHARACTER = 7;
export const POINTS_PER_PIXEL = 0.75;
/** A column width in characters as Office.js points (RangeFormat.columnWidth). */
export const POINTS_PER_CHARACTER = PIXELS_PER_CHARACTER * POINTS_PER_PIXEL;
/** The height in points of a row as tall as a grid column is wide: its grid cells are square (the risk matrix). */
export const SQUARE_ROW_POINTS = GRID_COLUMN_WIDTH * PIXELS_PER_CHARACTER * POINTS_PER_PIXEL;
/** The tallest row a plan may ask for, in points: Excel's limit (409). */
export const MAX_ROW_POINTS = 409;

/** A cell written across `columns` columns of the grid (merged), for content wider than one. */
export interface SpannedCell {
  readonly spanned: PlanCell;
  readonly columns: number;
}

/** `content` across `columns` columns of the grid. */
export const span = (content: PlanCell, columns: number): SpannedCell => ({ spanned: content, columns });

/** Builds a {@link DashboardPlan} row by row. */
export class PlanWriter {
  private readonly rows: PlanCell[][] = [];
  private readonly merges: { row: number; column: number; rows: number; columns: number }[] = [];
  private readonly charts: PlanChart[] = [];
  private readonly heights = new Map<number, number>();
  private namesWidth = GRID_COLUMN_WIDTH;
  private width = 1;
  /** The row under the lowest chart placed so far. */
  private chartsEnd = 0;

  /** Index of the next row to be written. */
  get nextRow(): number {
    return this.rows.length;
  }

  /** Appends one row of cells (a spanned cell merged over its columns, its style carried over them); returns its index. */
  row(cells: readonly (PlanCell | SpannedCell)[]): number {
    const index = this.rows.length;
    const written: PlanCell[] = [];
    for (const item of cells) {
      if (!('spanned' in item)) {
        written.push(item);
        continue;
      }
      if (item.columns > 1)
        this.merges.push({ row: index, column: written.length, rows: 1, columns: item.columns });
      written.push(item.spanned);
      for (let i = 1; i < item.columns; i++) written.push(cell(null, item.spanned.style));
    }
    this.rows.push(written);
    this.width = Math.max(this.width, written.length);
    return index;
  }

  /** Appends a row holding one value in column A. */
  line(value: PlanValue, style?: PlanStyleName, numberFormat?: string): number {
    return this.row([cell(value, style, numberFormat)]);
  }

  blank(): void {
    this.rows.push([]);
  }

  /**
   * A section title across `columns` columns. A section starts below every chart placed so far: a chart sits beside
   * its own table, and no later section's cells go under it.
   */
  section(title: string, columns: number): number {
    while (this.rows.length < this.chartsEnd) this.blank();
    const index = this.row([
      cell(title, 'section'),
      ...Array.from({ length: Math.max(0, columns - 1) }, () => cell(null, 'section')),
    ]);
    if (columns > 1) this.merges.push({ row: index, column: 0, rows: 1, columns });
    return index;
  }

  /** Sets the minimum width (characters) of column A, the names; every other column is {@link GRID_COLUMN_WIDTH}. */
  widenNames(characters: number): void {
    this.namesWidth = Math.max(this.namesWidth, Math.min(60, characters));
  }

  /** Sets the height in points of a row already written (the tallest asked for wins). */
  height(row: number, points: number): void {
    this.heights.set(row, Math.max(points, this.heights.get(row) ?? 0));
  }

  chart(chart: PlanChart): void {
    this.charts.push(chart);
    this.chartsEnd = Math.max(this.chartsEnd, chart.anchor.row + chart.anchor.rows);
    this.width = Math.max(this.width, chart.anchor.column + chart.anchor.columns);
  }

  /** The plan: `frozenRows` title rows frozen, and repeated on every printed page. */
  finish(sheetName = DASHBOARD_SHEET_NAME, frozenRows = 2): DashboardPlan {
    const columnWidths = Array.from({ length: this.width }, (_, i) =>
      i === 0 ? this.namesWidth : GRID_COLUMN_WIDTH,
    );
    return {
      sheetName,
      width: this.width,
      cells: this.rows,
      styles: DASHBOARD_STYLES,
      merges: this.merges,
      columnWidths,
      charts: this.charts,
      frozenRows,
      rowHeights: [...this.heights].sort(([a], [b]) => a - b).map(([row, points]) => ({ row, points })),
      print: { titleRows: frozenRows },
    };
  }
}

/** A plan cell; omits undefined properties (exactOptionalPropertyTypes). */
export function cell(value: PlanValue, style?: PlanStyleName, numberFormat?: string): PlanCell {
  return { value, ...(style ? { style } : {}), ...(numberFormat ? { numberFormat } : {}) };
}

/** User text (a name from the user's cells): written as text by every renderer. */
export function userText(text: string, style?: PlanStyleName): PlanCell {
  return cell({ userText: fitCellText(text) }, style, '@');
}
