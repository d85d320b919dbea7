// Candidate tables on one sheet (DESIGN §4): the sheet is split at blank columns into bands, each band is
// searched for header rows (anywhere in its first MAX_HEADER_ROWS rows), and each header row starts a region
// that ends at the next header row, a footer, or the last row that holds data.

import { type Cell, cellText, isBlank, parseNumberText } from '../cells';
import { RICE_KEYS, WSJF_KEYS } from '../initiatives/table';
import { headerPeriod, periodColumns } from '../periods';
import { isLegendRow } from '../risk/legend';
import { sheetPeriodLoad } from '../utilization/period-sheets';
import { KIND_RULES, type KindRule, type TableKind } from './kinds';
import { bandCells, columnRuns, isInstructionRow, width } from './region-rows';
import { isSettingsRow, type MatrixSettings, matrixSettings } from './weights';

/** Header rows are searched in this many rows of a sheet (bounded work on very long sheets). */
export const MAX_HEADER_ROWS = 200;

/** A header row without a kind's key columns is still reported (as unsure) from this many known columns. */
const WEAK_MATCHES = 3;

type Grid = readonly (readonly Cell[])[];

/** A header row that is evidence for one kind. Rows and columns are indexes into the sheet's grid. */
export interface HeaderHit {
  readonly kind: TableKind;
  readonly row: number;
  /** First and last grid column of the band the header is in. */
  readonly left: number;
  readonly right: number;
  /** Matched column key → grid column. */
  readonly columns: ReadonlyMap<string, number>;
  /** Share of the header row's non-blank cells that matched. */
  readonly share: number;
  /** Grid rows making the header (a group row above, then the header row). */
  readonly headerRows: readonly number[];
  /** Some of the kind's columns but not its key ones: reported as unsure, never claimed. */
  readonly weak: boolean;
  /** A plan kept one sheet per period: the sheet's name is the period of its load column (`periods`). */
  readonly sheetPeriod?: boolean;
}

/** A candidate region: its header hit, its last grid row, its data-row count and rows left out. */
export interface Region {
  readonly hit: HeaderHit;
  readonly lastRow: number;
  readonly dataRows: number;
  readonly skipped: readonly { readonly row: number; readonly reason: string }[];
  /** The rows are rating levels (High, Medium, Low, …): a legend or scale, not data. */
  readonly legend: boolean;
  /**
   * The header row as the kind's reader should see it (the whole grid row): a group row's text combined into
   * the cells under it where that is what names the column ("Cost" over "Low"), each other cell as written.
   */
  readonly header: readonly Cell[];
  /** An initiatives table's criteria: grid columns of its rating inputs. */
  readonly criteria?: readonly number[];
  /** An initiatives table's criteria names, and its weights and directions when the matrix keeps them. */
  readonly matrix?: MatrixSettings;
}

/** True when a legend starts at grid row `r`, or right under a title there: two level rows (see core/risk/legend.ts). */
const legendUnder = (grid: Grid, r: number): boolean =>
  (isLegendRow(grid[r]) && isLegendRow(grid[r + 1])) ||
  (isLegendRow(grid[r + 1]) && isLegendRow(grid[r + 2]));

/** A row starting like this ends the table (it is not kept in the region). */
const FOOTER =
  /^\s*(?:©|\(c\)|copyright|notes?\b|sources?\b|references?\b|footnotes?\b|disclaimer|prepared by\b|last updated\b|\(\*+\)|\*+\s)/i;
/** A note below a table is a sentence: a cell of at least this many characters. */
const NOTE_LENGTH = 25;
/** Tables at least this wide have data rows that fill more than the two cells of a note. */
const NOTE_TABLE_WIDTH = 4;

/**
 * Where the notes under a wide table start: after a blank row, rows of at most two cells, one of them a sentence
 * or a footer mark ("(*) For risk 15 …", "ETM Consultancy Pty Ltd"), with no fuller row after them. `end` if none.
 */
function notesStart(grid: Grid, hit: HeaderHit, end: number): number {
  if (hit.right - hit.left + 1 < NOTE_TABLE_WIDTH) return end;
  const filledIn = (r: number) =>
    (grid[r] ?? []).slice(hit.left, hit.right + 1).filter((cell) => !isBlank(cell));
  let start = end;
  for (let r = end - 1; r > hit.row + 1; r--) {
    const filled = filledIn(r);
    if (filled.length === 0) continue;
    const note =
      filled.length <= 2 &&
      filled.some(
        (cell) => typeof cell === 'string' && (cell.trim().length >= NOTE_LENGTH || FOOTER.test(cell)),
      );
    const thin = filled.length <= 2;
    if (!thin) break;
    if (note && filledIn(r - 1).length === 0) start = r;
  }
  return start;
}
/** A total row ends the data; it stays in the region so that readers report it ("a total row: not ranked"). */
const TOTAL = /^\s*(?:grand\s+)?(?:totals?|sum)\b/i;
/** The header hits of one band, every kind whose evidence a row meets. */
function hitsIn(grid: Grid, left: number, right: number, periodSheet: boolean): HeaderHit[] {
  const hits: HeaderHit[] = [];
  const rows = Math.min(grid.length, MAX_HEADER_ROWS);
  for (let r = 0; r < rows; r++) {
    const band = (grid[r] ?? []).slice(left, right + 1);
    const texts = band.filter((cell) => typeof cell === 'string' && cell.trim() !== '').length;
    // A time-phased plan's header may be one text over date cells ("Name", 2025-03-03, 2025-03-10, …).
    if (texts < 2 && (texts < 1 || periodColumns(band).length === 0)) continue;
    // Distinct headers: a group of columns repeated per month (Leave Type, From, To) counts once.
    const filled = new Set(
      band.filter((cell) => !isBlank(cell)).map((cell) => cellText(cell).trim().toLowerCase()),
    ).size;
    const above = (grid[r - 1] ?? []).slice(left, right + 1);
    const groupRow = groupRowAbove(grid, r, left, right);
    for (const rule of KIND_RULES) {
      const own = withLoadPeriods(grid, r, left, rule.match(band));
      const periodOfSheet = periodSheet ? withSheetPeriod(own, rule) : own;
      const sheetPeriod = periodOfSheet !== own;
      const plain = withRowLabels(grid, r, left, band, periodOfSheet, rule, sheetPeriod);
      if (plain.size === 0) continue;
      // A row that is a header of this kind by itself is not a group row over the next one.
      const group = groupRow && !rule.enough(rule.match(above));
      const matched = group ? new Map([...rule.match(combineWithGroup(above, band)), ...plain]) : plain;
      const share = Math.min(1, matched.size / filled);
      const weak = !rule.enough(matched) || share < rule.minShare;
      if (weak && matched.size < WEAK_MATCHES) continue;
      const columns = new Map([...matched].map(([key, c]) => [key, c + left]));
      hits.push({
        kind: rule.kind,
        row: r,
        left,
        right,
        columns,
        share,
        headerRows: group ? [r - 1, r] : [r],
        weak,
        ...(sheetPeriod ? { sheetPeriod } : {}),
      });
    }
  }
  return hits;
}

/** Period columns are judged on this many rows under the header. */
const PERIOD_SAMPLE = 20;

/**
 * The matched columns without `periods` when the cells under the period headers are not loads: a leave tracker
 * with a month per group of Leave Type / From / To holds text and dates there, a time-phased plan numbers.
 */
function withLoadPeriods(
  grid: Grid,
  r: number,
  left: number,
  matched: ReadonlyMap<string, number>,
): ReadonlyMap<string, number> {
  if (!matched.has('periods')) return matched;
  const header = (grid[r] ?? []).slice(left);
  const columns = periodColumns(header).map((period) => left + period.column);
  let loads = 0;
  let others = 0;
  for (const row of grid.slice(r + 1, r + 1 + PERIOD_SAMPLE)) {
    for (const c of columns) {
      const cell = row[c] ?? null;
      if (isBlank(cell)) continue;
      if (typeof cell === 'number' || (typeof cell === 'string' && parseNumberText(cell) !== undefined))
        loads++;
      else others++;
    }
  }
  if (loads > others) return matched;
  return new Map([...matched].filter(([key]) => key !== 'periods'));
}

/**
 * On a sheet named for a period (one sheet per month), an assignments header without Start, End or period columns
 * gets its load column as the plan's one period column (`periods`): the sheet's name says when the load falls.
 */
function withSheetPeriod(matched: ReadonlyMap<string, number>, rule: KindRule): ReadonlyMap<string, number> {
  if (rule.kind !== 'assignments' || ['start', 'end', 'week', 'periods'].some((key) => matched.has(key)))
    return matched;
  const load = sheetPeriodLoad(matched);
  return load === undefined ? matched : new Map([...matched, ['periods', load.column]]);
}

/** Row labels are judged on this many rows under the header. */
const ROW_LABEL_SAMPLE = 5;

/**
 * The kind's columns in a header row, with its row labels: a people table (resources, or a time-phased plan) whose
 * names sit under a blank header cell (a sprint capacity sheet: "", "Total Working Days", "Working Hours", …) has its
 * Resource column there, when that cell is just left of the first header text and the rows under it hold names
 * (text, not numbers). On a sheet that is one period of a plan (`sheetPeriod`), the names may sit under the first
 * header text itself when it names no column of the kind (a team sheet headed "Architect").
 */
function withRowLabels(
  grid: Grid,
  r: number,
  left: number,
  band: readonly Cell[],
  matched: ReadonlyMap<string, number>,
  rule: KindRule,
  sheetPeriod: boolean,
): ReadonlyMap<string, number> {
  const people = rule.kind === 'resources' || (rule.kind === 'assignments' && matched.has('periods'));
  if (!people || matched.has('resource')) return matched;
  const first = band.findIndex((cell) => !isBlank(cell));
  const named = new Set(matched.values());
  const columns = sheetPeriod && !named.has(first) ? [first - 1, first] : [first - 1];
  for (const c of columns) {
    if (c < 0) continue;
    const below = grid.slice(r + 1, r + 1 + ROW_LABEL_SAMPLE).map((row) => row[left + c] ?? null);
    const names = below.filter((cell) => typeof cell === 'string' && cell.trim() !== '' && !/\d/.test(cell));
    if (names.length >= 2 && names.length >= below.filter((cell) => !isBlank(cell)).length)
      return new Map([...matched, ['resource', c]]);
  }
  return matched;
}

/**
 * A group row combined with the header row below it: a group text carries right over the blanks of its merged
 * cells and prefixes each header under it ("Cost" over "Low" = "Cost Low"); where the header row is blank,
 * the text above is the header (a column header merged down over two rows).
 */
function combineWithGroup(above: readonly Cell[], header: readonly Cell[]): Cell[] {
  let carried = '';
  return header.map((cell, c) => {
    const top = above[c] ?? null;
    if (!isBlank(top)) carried = cellText(top);
    if (isBlank(cell)) return isBlank(top) ? null : cellText(top);
    return carried === '' ? cell : `${carried} ${cellText(cell)}`;
  });
}

/**
 * True when the row above a header is a group header: two or more texts (no "Label:" cells) and, besides them,
 * only period headers (a leave tracker's month over each Leave Type / From / To group), one of them over blanks
 * to its right (merged across columns) or over a blank header cell (merged down).
 */
function groupRowAbove(grid: Grid, r: number, left: number, right: number): boolean {
  const above = (grid[r - 1] ?? []).slice(left, right + 1);
  const header = (grid[r] ?? []).slice(left, right + 1);
  const texts = above.filter((cell) => typeof cell === 'string' && cell.trim() !== '');
  const others = above.filter(
    (cell) => !isBlank(cell) && typeof cell !== 'string' && headerPeriod(cell) === undefined,
  ).length;
  if (texts.length < 2 || others > 0 || texts.some((cell) => cellText(cell).trim().endsWith(':')))
    return false;
  return above.some(
    (cell, c) =>
      !isBlank(cell) &&
      (isBlank(header[c] ?? null) || (c + 1 < above.length && isBlank(above[c + 1] ?? null))),
  );
}

type Band = { left: number; right: number; hits: HeaderHit[] };

const strong = (hits: readonly HeaderHit[]): boolean => hits.some((hit) => !hit.weak);

/** True when `band` has text on a row where `hits` has its header or the row above (the header goes on across the gap). */
const headerGoesOn = (grid: Grid, band: Band, hits: readonly HeaderHit[]): boolean =>
  hits.some((hit) =>
    [hit.row - 1, hit.row].some((r) =>
      (grid[r] ?? []).slice(band.left, band.right + 1).some((cell) => !isBlank(cell)),
    ),
  );

/**
 * The bands of a sheet: runs of used columns. A run with no header hit of its own is joined to the band on its
 * left (a blank spacer column inside a table does not split it), and so is a run whose header row goes on from
 * a band without a table of its own (a header merged across columns leaves blank columns); two tables side by
 * side stay apart.
 */
function bands(grid: Grid, periodSheet: boolean): Band[] {
  const result: Band[] = [];
  for (const run of columnRuns(grid)) {
    const hits = hitsIn(grid, run.left, run.right, periodSheet);
    const last = result[result.length - 1];
    if (last && (hits.length === 0 || (!strong(last.hits) && headerGoesOn(grid, last, hits)))) {
      last.right = run.right;
      last.hits = hitsIn(grid, last.left, last.right, periodSheet);
    } else result.push({ left: run.left, right: run.right, hits });
  }
  return result;
}

const firstText = (row: readonly Cell[], left: number, right: number): string => {
  for (let c = left; c <= right; c++) if (!isBlank(row[c] ?? null)) return cellText(row[c] ?? null);
  return '';
};

/** The region a header hit starts: up to the next header row in its band, cut at a footer, template rows dropped. */
function regionOf(grid: Grid, hit: HeaderHit, nextHeader: number, rule: KindRule): Region {
  const skipped: { row: number; reason: string }[] = [];
  const dateColumns = ['start', 'end'].flatMap((key) => hit.columns.get(key) ?? []);
  // One period's sheet of a plan: a row is data when it books that period (a name alone is a label row).
  const keyColumns = (hit.sheetPeriod ? ['periods'] : rule.dataKeys).flatMap((key) => {
    const c = hit.columns.get(key);
    return c === undefined ? [] : [c];
  });
  let lastRow = hit.row;
  let dataRows = 0;
  let pending: { row: number; reason: string }[] = [];
  let firstRow = true;
  const sample: number[] = [];
  const notes = notesStart(grid, hit, nextHeader);
  if (notes < nextHeader)
    skipped.push({ row: notes, reason: 'notes under the table: the table ends above them' });
  let afterBlank = false;
  for (let r = hit.row + 1; r < notes; r++) {
    const row = grid[r] ?? [];
    const { filled, template } = bandCells(row, hit.left, hit.right);
    if (filled === 0) {
      afterBlank = true;
      continue;
    }
    // A register's legend under it, after a gap ("High | 16–25", with or without a title): the register ends above.
    if (rule.kind === 'risks' && afterBlank && legendUnder(grid, r)) {
      skipped.push({ row: r, reason: 'a legend under the register: the table ends above it' });
      break;
    }
    afterBlank = false;
    if (firstRow) {
      firstRow = false;
      if (isInstructionRow(row.slice(hit.left, hit.right + 1))) {
        skipped.push({ row: r, reason: 'instructions under the header, not data' });
        lastRow = r;
        continue;
      }
    }
    const first = firstText(row, hit.left, hit.right);
    // Settings rows sit between the header and the first initiative; later, "Goal tracker" is an initiative.
    if (
      rule.kind === 'initiatives' &&
      dataRows === 0 &&
      isSettingsRow(first, row.slice(hit.left, hit.right + 1))
    ) {
      skipped.push({ row: r, reason: "the criteria's weights or directions, not an initiative" });
      lastRow = r;
      continue;
    }
    if (FOOTER.test(first)) {
      skipped.push({ row: r, reason: 'footer: the table ends above it' });
      break;
    }
    if (TOTAL.test(first)) {
      for (const row of pending) skipped.push(row);
      skipped.push({ row: r, reason: 'a total row: the table ends here' });
      pending = [];
      lastRow = r;
      break;
    }
    // A date is a number too: a row with a start or end date (a public holiday for everyone) is data, not a template.
    if (template && dateColumns.every((c) => isBlank(row[c] ?? null))) {
      pending.push({ row: r, reason: 'a template row: formula results only, no data' });
      continue;
    }
    if (keyColumns.every((c) => isBlank(row[c] ?? null))) {
      for (const row of pending) skipped.push(row);
      skipped.push({
        row: r,
        reason: hit.sheetPeriod
          ? "nothing in the load column: a label row, or no one booked in the sheet's period"
          : 'nothing in the key columns: a label or continuation row',
      });
      pending = [];
      lastRow = r;
      continue;
    }
    for (const row of pending) skipped.push(row);
    pending = [];
    dataRows++;
    if (sample.length < CRITERIA_SAMPLE) sample.push(r);
    lastRow = r;
  }
  for (const row of pending) skipped.push(row);
  skipped.sort((a, b) => a.row - b.row);
  const header = ratedColumnsOnly(grid, hit, rule, headerOf(grid, hit, rule), sample);
  const criteria = rule.kind === 'initiatives' ? criteriaOf(grid, hit, header, sample) : undefined;
  const top = hit.headerRows[0] ?? hit.row;
  return {
    hit,
    lastRow,
    dataRows,
    skipped,
    legend: isLegend(grid, hit, lastRow),
    header,
    ...(criteria
      ? { criteria, matrix: matrixSettings(grid, hit, top, hit.row, sample[0] ?? lastRow + 1, criteria) }
      : {}),
  };
}

/** Columns a register rates: when two headers name one, the one holding ratings is it. */
const RATED_KEYS = ['probability', 'impact'];

/**
 * The header with each rated column named once: where two headers mean Impact (a text "Impact" describing the
 * consequence next to an "Impact risk rating" of numbers), the one whose data are mostly numbers keeps its name and
 * the other is left unnamed for the reader (its cells are prose, not a rating).
 */
function ratedColumnsOnly(
  grid: Grid,
  hit: HeaderHit,
  rule: KindRule,
  header: readonly Cell[],
  rows: readonly number[],
): readonly Cell[] {
  if (rule.kind !== 'risks' || rows.length === 0) return header;
  let result = header;
  for (const key of RATED_KEYS) {
    const columns: number[] = [];
    for (let c = hit.left; c <= hit.right; c++)
      if (rule.match([header[c] ?? null]).get(key) === 0) columns.push(c);
    if (columns.length < 2) continue;
    const numbers = columns.map((c) => rows.filter((r) => typeof grid[r]?.[c] === 'number').length);
    const best = numbers.reduce((most, count) => Math.max(most, count), 0);
    if (best * 2 < rows.length) continue;
    const keep = columns[numbers.indexOf(best)];
    result = result.map((cell, c) => (columns.includes(c) && c !== keep ? null : cell));
  }
  return result;
}

/** Criteria are judged on this many data rows. */
const CRITERIA_SAMPLE = 200;
/** The rating inputs of the WSJF and RICE methods: when a matrix has one whole set, they are its criteria. */
const METHOD_SETS: readonly (readonly string[])[] = [WSJF_KEYS, RICE_KEYS];
/** Columns of a scoring matrix that are results or labels, never criteria. */
const NOT_A_CRITERION = /^(?:rank|ranking|priority|no|number|total|sum|order|score|result)$/;

/**
 * An initiatives table's criteria (grid columns): its WSJF or RICE inputs when it has all of them, else every other column
 * whose data are mostly numbers (a weighted-scoring matrix: "ROI", "Difficulty", "1 - Low | 5 - High"), leaving out
 * the ID, the name, the score, a budget cost and results such as a Rank.
 */
function criteriaOf(grid: Grid, hit: HeaderHit, header: readonly Cell[], rows: readonly number[]): number[] {
  // A whole WSJF or RICE set is the criteria; an Effort column alone is one criterion among the others.
  const method = METHOD_SETS.find((keys) => keys.every((key) => hit.columns.has(key)))?.flatMap((key) => {
    const c = hit.columns.get(key);
    return c === undefined ? [] : [c];
  });
  if (method) return method.sort((a, b) => a - b);
  const taken = new Set(['id', 'name', 'score', 'cost'].flatMap((key) => hit.columns.get(key) ?? []));
  const criteria: number[] = [];
  for (let c = hit.left; c <= hit.right; c++) {
    if (
      taken.has(c) ||
      NOT_A_CRITERION.test(
        cellText(header[c] ?? null)
          .toLowerCase()
          .replace(/[^a-z]/g, ''),
      )
    )
      continue;
    const filled = rows.map((r) => grid[r]?.[c] ?? null).filter((cell) => !isBlank(cell));
    const numbers = filled.filter((cell) => typeof cell === 'number').length;
    if (numbers > 0 && numbers * 2 >= filled.length) criteria.push(c);
  }
  return criteria;
}

/**
 * The header row a reader matches: where a cell names no column by itself but the group text over it does
 * ("Person" over a blank, "Cost" over "Low"), the combined text; every other cell as written.
 */
function headerOf(grid: Grid, hit: HeaderHit, rule: KindRule): readonly Cell[] {
  const row = rowLabelsNamed(grid[hit.row] ?? [], hit, rule);
  if (hit.headerRows.length < 2) return row;
  const combined = combineWithGroup(grid[hit.row - 1] ?? [], row);
  return combined.map((cell, c) => {
    if (c < hit.left || c > hit.right) return row[c] ?? null;
    const plain = row[c] ?? null;
    if (rule.match([plain]).size > 0 || rule.match([cell]).size === 0) return plain;
    return cell;
  });
}

/** The header row with a row-label column named for the reader, its header blank or a title (see {@link withRowLabels}). */
function rowLabelsNamed(row: readonly Cell[], hit: HeaderHit, rule: KindRule): readonly Cell[] {
  const c = hit.columns.get('resource');
  const cell = row[c ?? -1] ?? null;
  if (c === undefined || !(isBlank(cell) || (hit.sheetPeriod && !rule.match([cell]).has('resource'))))
    return row;
  const label = rule.spec.columns.find((column) => column.key === 'resource')?.label ?? 'Resource';
  return Array.from({ length: Math.max(row.length, c + 1) }, (_, i) => (i === c ? label : (row[i] ?? null)));
}

/** Labels of rating levels: a table whose first column holds only these is a legend or a scale. */
const RATING_LABEL =
  /^(?:very\s+)?(?:high|medium|med|low)$|^(?:critical|major|moderate|minor|severe|significant|negligible|insignificant|catastrophic|rare|unlikely|possible|likely|almost\s+certain|certain|[hml])$/i;

/** A legend has at most this many rows (one per level). */
const LEGEND_ROWS = 7;

function isLegend(grid: Grid, hit: HeaderHit, lastRow: number): boolean {
  const labels: Cell[] = [];
  for (let r = hit.row + 1; r <= lastRow; r++) {
    const cell = grid[r]?.[hit.left] ?? null;
    if (!isBlank(cell)) labels.push(cell);
  }
  return (
    labels.length >= 2 &&
    labels.length <= LEGEND_ROWS &&
    labels.every((cell) => RATING_LABEL.test(cellText(cell).trim()))
  );
}

/**
 * The rows of a table whose header row the user gave (a mapped range): the same rules as for a discovered region
 * (instructions, continuation, label, template and total rows, notes and footers are not data), over the whole grid.
 * @param headerRow grid row of the column header row
 * @param periodSheet the table's sheet is named for a period (a month's sheet: its load column is that month's)
 */
export function regionAt(
  grid: Grid,
  headerRow: number,
  kind: TableKind,
  periodSheet = false,
): Region | undefined {
  const rule = KIND_RULES.find((candidate) => candidate.kind === kind);
  if (!rule) return undefined;
  const own = rule.match(grid[headerRow] ?? []);
  const columns = periodSheet ? withSheetPeriod(own, rule) : own;
  const hit: HeaderHit = {
    kind,
    row: headerRow,
    left: 0,
    right: Math.max(0, width(grid) - 1),
    columns,
    share: 1,
    headerRows: [headerRow],
    weak: false,
    ...(columns !== own ? { sheetPeriod: true } : {}),
  };
  return regionOf(grid, hit, grid.length, rule);
}

/**
 * Every candidate region of a sheet's grid, for every kind whose evidence a header row meets. On a sheet named for a
 * period (`periodSheet`: "Sep2019", one sheet per month), an assignments header without dates is that period's plan.
 */
export function regionsOf(grid: Grid, periodSheet = false): Region[] {
  const regions: Region[] = [];
  for (const band of bands(grid, periodSheet)) {
    const headerRows = [...new Set(band.hits.map((hit) => hit.row))].sort((a, b) => a - b);
    for (const hit of band.hits) {
      const next = headerRows.find((row) => row > hit.row);
      const rule = KIND_RULES.find((candidate) => candidate.kind === hit.kind);
      if (!rule) continue;
      const end = next === undefined ? grid.length : (hitsStart(band.hits, next) ?? next);
      regions.push(regionOf(grid, hit, end, rule));
    }
  }
  return regions;
}

/** The first row of the header that starts at `row` (its group row, when it has one). */
const hitsStart = (hits: readonly HeaderHit[], row: number): number | undefined =>
  hits.find((hit) => hit.row === row)?.headerRows[0];
