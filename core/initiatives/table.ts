// What an initiatives table is, once for every reader (the dashboard, the scoring panel, the Excel bridge and
// the Sheets server): its columns and their synonyms, the sheet and Excel-table names that mean it, how its
// header row is found among the first rows, and which rows are totals rather than initiatives.

import { type Cell, cellText } from '../cells';
import { isPmoError } from '../errors';
import { columnSpec as col, findTable, normalizeHeader, normalizeTableName, type TableSpec } from '../table';

/** The Initiatives table's columns: ID, name, an existing score, cost, and the WSJF and RICE inputs. */
export const INITIATIVES_TABLE: TableSpec = {
  name: 'Initiatives',
  columns: [
    col('id', 'ID', ['ID', 'Initiative ID', 'Project ID', 'Ref', 'Key', 'No', '#']),
    col('name', 'Initiative', [
      'Initiative',
      'Name',
      'Project',
      'Project Name',
      'Title',
      'Epic',
      'Feature',
      'Idea',
    ]),
    col('score', 'Score', ['Score', 'Priority Score', 'Weighted Score', 'Total Score']),
    col('cost', 'Cost', [
      'Cost',
      'Budget',
      'Estimated Cost',
      'Investment',
      'Capex',
      'Cost (CHF)',
      'Cost ($)',
    ]),
    col('businessValue', 'Business Value', [
      'Business Value',
      'User-Business Value',
      'User Business Value',
      'BV',
    ]),
    col('timeCriticality', 'Time Criticality', ['Time Criticality', 'TC']),
    col('riskReduction', 'RR/OE', [
      'RR/OE',
      'RR|OE',
      'Risk Reduction/Opportunity Enablement',
      'Risk Reduction & Opportunity Enablement',
      'Risk Reduction and/or Opportunity Enablement',
      'Risk Reduction',
      'Opportunity Enablement',
      'RROE',
    ]),
    col('jobSize', 'Job Size', ['Job Size', 'Size', 'Job Duration']),
    col('reach', 'Reach', ['Reach', 'Reach per quarter', 'Reach per month']),
    col('impact', 'Impact', ['Impact']),
    col('confidence', 'Confidence', ['Confidence']),
    col('effort', 'Effort', ['Effort', 'Effort (person-months)', 'Person-months']),
  ],
};

/** The keys of the WSJF inputs (business value, time criticality, risk reduction | opportunity enablement, job size). */
export const WSJF_KEYS = ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize'] as const;
/** The keys of the RICE inputs (reach, impact, confidence, effort). */
export const RICE_KEYS = ['reach', 'impact', 'confidence', 'effort'] as const;

/** Sheet and Excel-table names that mean an initiatives table, best first. */
export const INITIATIVES_NAMES: readonly string[] = ['Initiatives', 'Projects', 'Portfolio', 'Backlog'];

/**
 * True when a sheet or Excel table is named like an initiatives table (case-, space- and punctuation-insensitive,
 * tbl/Table prefix allowed): "tblProjects", "Backlog ".
 */
export function isInitiativesName(name: string): boolean {
  const wanted = normalizeTableName(name);
  return INITIATIVES_NAMES.some((candidate) => normalizeTableName(candidate) === wanted);
}

/**
 * The Initiatives columns a header row matches, by key → index in the row (blank cells match nothing).
 * @example initiativeColumnsOf(['Name', 'Cost', 'Owner']) // Map { name → 0, cost → 1 }
 */
export function initiativeColumnsOf(headers: readonly Cell[]): Map<string, number> {
  const cells: Cell[] = headers.map((value) =>
    value === null || (typeof value === 'string' && value.trim() === '') ? null : value,
  );
  while (cells.length < 2) cells.push(null);
  const found = findTable([cells], INITIATIVES_TABLE);
  return isPmoError(found) ? new Map() : new Map(found.columns);
}

/**
 * The header row of an initiatives table in a grid (core's header detection, DESIGN §4): the index of the row
 * among the first ten that matches the most Initiatives columns (the first on a tie), else of the first
 * non-blank row; -1 for a blank grid.
 */
export function initiativesHeaderIndex(grid: readonly (readonly Cell[])[]): number {
  const found = findTable(grid, INITIATIVES_TABLE);
  if (!isPmoError(found)) return found.headerIndex;
  return grid.findIndex((row) => row.some((value) => cellText(value) !== ''));
}

/** Labels of a total row in the name or ID column (normalised: lower case, letters and digits only). */
const TOTAL_LABELS = new Set(['total', 'totals', 'grandtotal', 'subtotal', 'sum', 'portfoliototal']);

/** True when a name or ID cell marks a total row ("Total", "Grand total"): such a row is not an initiative. */
export function isTotalLabel(cell: Cell): boolean {
  return TOTAL_LABELS.has(normalizeHeader(cellText(cell)));
}
