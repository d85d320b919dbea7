// The dashboard's build history: each build's headline figures, one row per build, in a "Build history" section of
// the hidden PMO Data sheet the add-in owns (DESIGN §7). The tiles show the change since the previous build and the
// trend section the last builds. Reading it back and writing it as rows; no host, no I/O.

import { type Cell, cellText } from '../cells';
import { HISTORY_SECTION, isPmoDataSheet, replaceSection, sectionOf } from '../discovery/pmo-data';
import { normalizeHeader } from '../table';
import type { SheetView } from '../workbook';
import type { PlanValue } from './plan';

export { HISTORY_SECTION };

/** How many builds the history keeps (the oldest go first): ten years of weekly builds. */
export const MAX_HISTORY = 520;

/** The headline figures of one build, as the history keeps them; a figure the build had no table for is absent. */
export interface HeadlineFigures {
  /** When the build ran, as the dashboard's footer says it ("2026-12-07 14:55"). */
  readonly builtAt: string;
  readonly averageUtilization?: number;
  readonly overallocatedResourceWeeks?: number;
  readonly initiatives?: number;
  readonly funded?: number;
  readonly fundedCost?: number;
  readonly budget?: number;
  readonly risks?: number;
  readonly totalExposure?: number;
}

type Figure = Exclude<keyof HeadlineFigures, 'builtAt'>;

/** The history's columns: each figure and its header on the sheet (read back by header, in any order). */
export const HISTORY_COLUMNS: readonly (readonly [Figure, string])[] = [
  ['averageUtilization', 'Average utilization'],
  ['overallocatedResourceWeeks', 'Overallocated resource-weeks'],
  ['initiatives', 'Initiatives'],
  ['funded', 'Funded'],
  ['fundedCost', 'Cost funded'],
  ['budget', 'Budget'],
  ['risks', 'Risks'],
  ['totalExposure', 'Total exposure'],
];
const BUILT_HEADER = 'Built';

/** A finite number in a history cell; anything else (blank, text, an error) is no figure. */
const figureOf = (cell: Cell | undefined): number | undefined =>
  typeof cell === 'number' && Number.isFinite(cell) ? cell : undefined;

/**
 * The builds recorded on a PMO Data sheet, oldest first; none when the sheet is not the add-in's or has no history.
 * Columns are found by their headers; a row without a build time is skipped (a user's note in the section).
 */
export function readHistory(sheet: SheetView | undefined): HeadlineFigures[] {
  if (!sheet || !isPmoDataSheet(sheet)) return [];
  const section = sectionOf(sheet.rows, HISTORY_SECTION);
  if (!section) return [];
  const header = (sheet.rows[section.title + 1] ?? []).map((cell) => normalizeHeader(cellText(cell)));
  const columnOf = (name: string) => header.indexOf(normalizeHeader(name));
  const built = columnOf(BUILT_HEADER);
  if (built < 0) return [];
  const columns = HISTORY_COLUMNS.map(([figure, name]) => [figure, columnOf(name)] as const);
  const history: HeadlineFigures[] = [];
  for (let r = section.title + 2; r < section.end; r++) {
    const row = sheet.rows[r] ?? [];
    const builtAt = cellText(row[built] ?? null).trim();
    if (builtAt === '') continue;
    const figures: Partial<Record<Figure, number>> = {};
    for (const [figure, column] of columns) {
      const value = column < 0 ? undefined : figureOf(row[column]);
      if (value !== undefined) figures[figure] = value;
    }
    history.push({ builtAt, ...figures });
  }
  return history;
}

/** The history section as rows: its title, the header, then one row per build (the time as text, never a date). */
export function historyRows(history: readonly HeadlineFigures[]): PlanValue[][] {
  return [
    [HISTORY_SECTION],
    [BUILT_HEADER, ...HISTORY_COLUMNS.map(([, name]) => name)],
    ...history.map((build) => [
      { userText: build.builtAt },
      ...HISTORY_COLUMNS.map(([figure]) => build[figure] ?? null),
    ]),
  ];
}

/**
 * The PMO Data sheet's rows after a build: `sheets`' PMO Data sheet (its mapping and anything else kept) with this
 * build appended to its history, the oldest dropped past {@link MAX_HISTORY}; a new sheet's rows when there is none.
 */
export function pmoDataRowsWithBuild(
  dataSheet: SheetView | undefined,
  history: readonly HeadlineFigures[],
): PlanValue[][] {
  return replaceSection(dataSheet, HISTORY_SECTION, historyRows(history.slice(-MAX_HISTORY)));
}
