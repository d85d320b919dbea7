// Definitions for a register's labels (issue 14 item 3): a table that maps probability or impact labels to numbers
// ("Probability Label | Probability value for EV": "75% to 100%" → 0.87; "Rating | Impact Score": "Major" → 4) is
// found on any sheet and used to read those labels in the register. Pure: reads cells.

import { type Cell, cellText, isBlank } from '../cells';
import { RISK_REGISTER_TABLE } from '../risk/register';
import { findTable } from '../table';
import type { LocatedTable, SheetView } from '../workbook';
import { isAddinSheet } from './pmo-data';

/** Label → number, for the register's probability and impact columns (keys as {@link labelKey} makes them). */
export interface LabelDefinitions {
  readonly probability: ReadonlyMap<string, number>;
  readonly impact: ReadonlyMap<string, number>;
}

const PROBABILITY = /probab|likelihood/i;
const IMPACT = /impact|consequence|severity/i;
/** A value column's header: the number a label stands for. */
const VALUE_HEADER = /value|score|rating|%|\bev\b|number|numeric|weight/i;
/** A label column's header. */
const LABEL_HEADER =
  /label|rating|level|name|description|category|probab|likelihood|impact|consequence|severity/i;
/** A label column's header that says it holds the labels themselves. */
const LABEL_NAME = /label|rating|level|name/i;
/** A label is short: a longer text is a description. */
const MAX_LABEL = 40;
/** Rows searched for a definitions table, from the top of each sheet. */
const SCAN_ROWS = 200;
/** Rows above a header searched for the table's title. */
const TITLE_ROWS = 3;

/** How a label is compared: trimmed, lower case, inner spaces collapsed. */
export const labelKey = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

const textOf = (cell: Cell | undefined): string => (typeof cell === 'string' ? cell.trim() : '');

/** The kind of a definitions table from its headers, then its title rows and its sheet's name. */
function kindOf(label: string, value: string, context: () => string): keyof LabelDefinitions | undefined {
  for (const text of [value, label]) {
    const probability = PROBABILITY.test(text);
    const impact = IMPACT.test(text);
    if (probability !== impact) return probability ? 'probability' : 'impact';
  }
  const text = context();
  const probability = PROBABILITY.test(text);
  return probability === IMPACT.test(text) ? undefined : probability ? 'probability' : 'impact';
}

/** The labels and numbers under header row `r` in columns `l` (labels) and `v` (numbers): two or more, else none. */
function entriesUnder(
  grid: readonly (readonly Cell[])[],
  r: number,
  l: number,
  v: number,
): Map<string, number> {
  const entries = new Map<string, number>();
  for (let row = r + 1; row < grid.length; row++) {
    const label = textOf(grid[row]?.[l]);
    const value = grid[row]?.[v];
    if (label === '' || label.length > MAX_LABEL || typeof value !== 'number' || !Number.isFinite(value))
      break;
    entries.set(labelKey(label), value);
  }
  return entries.size >= 2 ? entries : new Map();
}

/** The definitions tables of one sheet, the first of each kind. */
function definitionsIn(
  sheet: SheetView,
  found: { probability?: Map<string, number>; impact?: Map<string, number> },
) {
  const grid = sheet.rows;
  // A definitions table sits near the top of its sheet: bounded work on long data sheets.
  for (let r = 0; r < Math.min(grid.length, SCAN_ROWS); r++) {
    const header = grid[r] ?? [];
    // The title rows above, read only for a header that has a value column and a label column.
    const context = () =>
      [
        sheet.name,
        ...grid.slice(Math.max(0, r - TITLE_ROWS), r).flatMap((row) => row.map((cell) => textOf(cell))),
      ].join(' ');
    for (let v = 1; v < header.length; v++) {
      const valueHeader = textOf(header[v]);
      if (!VALUE_HEADER.test(valueHeader)) continue;
      // The label column: on the left, one headed Label, Rating, Level or Name first ("Rating" before "Qualitative
      // impact", a description), else the nearest whose header names probability or impact.
      const left = Array.from({ length: v }, (_, i) => v - 1 - i).filter(
        (l) => !isBlank(header[l] ?? null) && LABEL_HEADER.test(textOf(header[l])),
      );
      const l = left.find((c) => LABEL_NAME.test(textOf(header[c]))) ?? left[0];
      if (l === undefined) continue;
      const kind = kindOf(textOf(header[l]), valueHeader, context);
      if (!kind || found[kind]) continue;
      const entries = entriesUnder(grid, r, l, v);
      if (entries.size > 0) found[kind] = entries;
    }
  }
}

/** The workbook's definitions of probability and impact labels, from every sheet but the add-in's own. */
export function workbookDefinitions(sheets: readonly SheetView[]): LabelDefinitions {
  const found: { probability?: Map<string, number>; impact?: Map<string, number> } = {};
  for (const sheet of sheets) {
    if (isAddinSheet(sheet)) continue;
    definitionsIn(sheet, found);
  }
  return { probability: found.probability ?? new Map(), impact: found.impact ?? new Map() };
}

/**
 * The register's cells with its probability and impact labels read by the workbook's definitions: a label the
 * definitions give is replaced by its number; every other cell is as written (the reader's own rules apply to it).
 */
export function withDefinitions(risks: LocatedTable, definitions: LabelDefinitions): LocatedTable {
  if (definitions.probability.size === 0 && definitions.impact.size === 0) return risks;
  const table = findTable(risks.grid, RISK_REGISTER_TABLE, risks.firstRow);
  if ('kind' in table) return risks;
  const columns: [number, ReadonlyMap<string, number>][] = [];
  for (const [keys, map] of [
    [['probability', 'residualProbability'], definitions.probability],
    [['impact', 'residualImpact'], definitions.impact],
  ] as const)
    for (const key of keys) {
      const c = table.columns.get(key);
      if (c !== undefined && map.size > 0) columns.push([c, map]);
    }
  if (columns.length === 0) return risks;
  const headerRow = table.headerIndex;
  const grid = risks.grid.map((row, r) => {
    if (r <= headerRow) return row;
    let copy: Cell[] | undefined;
    for (const [c, map] of columns) {
      const cell = row[c];
      const value = typeof cell === 'string' ? map.get(labelKey(cellText(cell))) : undefined;
      if (value === undefined) continue;
      copy ??= [...row];
      copy[c] = value;
    }
    return copy ?? row;
  });
  return { ...risks, grid };
}
