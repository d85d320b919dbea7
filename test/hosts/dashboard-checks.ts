// Checks both host dashboard tests make the same way: the headline figures a host wrote against the core's
// summary of the same workbook, and one workbook whose tables are found by content in both hosts.

import { expect } from 'vitest';
import type { Cell } from '../../core/cells';
import { buildDashboard, type Dashboard, type DashboardSummary } from '../../core/dashboard/build';
import { storedValue } from '../../core/dashboard/plan';
import type { CellFormat, SheetView } from '../../core/workbook';
import {
  EURO_AFTER,
  EURO_BEFORE,
  FORMULA_LIKE_NAMES,
  pmoWorkbook,
  type SeedValue,
  serialOf,
  type WorkbookSeed,
} from '../fakes/workbook-seed';

/** A written cell as both host fakes report it. */
interface WrittenCell {
  readonly value?: unknown;
  readonly numberFormat?: string;
}

/**
 * The headline tiles equal the core's summary: each tile's big number is the cell under its label (`values` is the
 * host's sheet as a grid from A1, `cellAt` its cell at a 0-based row and column); the named budget is shown as given.
 */
export function expectHeadlineTiles(
  values: readonly (readonly unknown[])[],
  cellAt: (row: number, column: number) => WrittenCell | undefined,
  summary: DashboardSummary,
  budget: number,
): void {
  const under = (label: string, below: number) => {
    const row = values.findIndex((line) => line.includes(label));
    if (row < 0) throw new Error(`no tile ${label}`);
    return cellAt(row + below, values[row]?.indexOf(label) ?? -1);
  };
  const figure = (label: string) => under(label, 1);
  const detail = (label: string) => under(label, 2);
  const amount = (value: number | undefined) => Math.round(value ?? Number.NaN).toLocaleString('en-US');
  expect(figure('UTILIZATION')?.value).toBeCloseTo(summary.averageUtilization ?? Number.NaN, 12);
  expect(figure('UTILIZATION')?.numberFormat).toBe('0%');
  expect(figure('OVER-ALLOCATED')?.value).toBe(summary.overallocatedResourceWeeks);
  expect(figure('FUNDED')?.value).toBe(`${summary.selectedCount} of ${summary.initiatives}`);
  // The seed's costs are in euros, the sign before the amount (EURO_BEFORE), its exposure's after (EURO_AFTER).
  expect(detail('FUNDED')?.value).toBe(`cost € ${amount(summary.selectedCost)} of € ${amount(budget)}`);
  expect(figure('RISKS')?.value).toBe(summary.risks);
  const [top, count] = Object.entries(summary.risksByLevel ?? {})[0] ?? [];
  expect(detail('RISKS')?.value).toMatch(new RegExp(`^${count} ${top}\\b`));
  expect(figure('EXPOSURE')?.value).toBeCloseTo(summary.totalExposure ?? Number.NaN, 6);
  expect(figure('EXPOSURE')?.numberFormat).toBe(EURO_AFTER.replace('.00', ''));
  // The money cells take the source column's own format: the initiatives' costs, the top risks' exposure.
  const below = (header: string, table: string) => {
    const row = values.findIndex((line) => line[0] === table);
    return cellAt(row + 1, values[row]?.indexOf(header) ?? -1);
  };
  expect(below('Cost', 'Initiative')?.numberFormat).toBe(EURO_BEFORE);
  expect(below('Exposure', 'Risk')?.numberFormat).toBe(EURO_AFTER);
}

/**
 * After `builds` builds of the same workbook: the PMO Data sheet (`data`, a grid from A1) holds one history row per
 * build, and the dashboard (`dashboard`) shows each tile's change since the previous build — none, the same day.
 */
export function expectHistoryOf(
  data: readonly (readonly unknown[])[],
  dashboard: readonly (readonly unknown[])[],
  builds: number,
): void {
  const title = data.findIndex((row) => row[0] === 'Build history');
  expect(data[title + 1]?.[0]).toBe('Built');
  const rows = data.slice(title + 2).filter((row) => row[0] !== '' && row[0] !== null);
  expect(rows).toHaveLength(builds);
  const label = dashboard.findIndex((row) => row.includes('RISKS'));
  const column = dashboard[label]?.indexOf('RISKS') ?? -1;
  expect(dashboard[label + 3]?.[column]).toMatch(/^no change since \d\d:\d\d$/);
  expect(
    dashboard.filter((row) => row[0] === `Trend over the last ${Math.min(builds, 12)} builds`),
  ).toHaveLength(1);
}

/** The seeded workbook's sheets after a build: the user's as they were, the hidden PMO Data, then the dashboard. */
export const SHEETS_AFTER_BUILD = [
  ...pmoWorkbook('2025-03-05', 0).sheets.map((sheet) => sheet.name),
  'PMO Data',
  'PMO Dashboard',
];

/** Every formula-like name of the seed is on the dashboard as text (format "@"), and no cell holds a formula. */
export function expectNamesWrittenAsText(
  cells: readonly (readonly [unknown, WrittenCell & { readonly formula?: unknown }])[],
): void {
  for (const name of FORMULA_LIKE_NAMES) {
    const named = cells.filter(([, cell]) => cell.value === name);
    expect(named.length, name).toBeGreaterThan(0);
    for (const [, cell] of named) expect(cell).toMatchObject({ value: name, numberFormat: '@' });
  }
  expect(cells.filter(([, cell]) => cell.formula !== undefined)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------
// Discovery by content in both hosts (issue 13): a workbook where no sheet and no Excel table is named for its
// kind. Each host's build must find what the core finds in the same cells, and say on the sheet where.

/** Today for the workbook below (its bookings run around it). */
export const NEUTRAL_TODAY = '2025-03-05';
/** The footer under the risk register: the data ends above it. */
export const NEUTRAL_FOOTER = '© 2024 Contoso PMO. All rights reserved.';

/**
 * "Sheet1": a title block ("Project Name:", "Date:"), a risk register whose header is on row 5, four risks and a
 * copyright footer right under them. "Sheet2": a resource list (Name, Hours per week) in A:B and, after a blank
 * column, the assignments in D:H. "Sheet3": nothing in row 1 and column A (Excel's used range starts at B2), a
 * title, then the initiatives in B4:G9 — in Excel an Excel table called "Table3". No time-off table anywhere.
 */
export function neutralNamesWorkbook(): WorkbookSeed {
  const day = (iso: string) => ({ date: iso });
  return {
    sheets: [
      {
        name: 'Sheet1',
        rows: [
          ['Project Name:', 'Apollo'],
          ['Date:', day('2025-03-01')],
          [],
          ['Risk register'],
          ['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Risk Owner'],
          ['R-01', 'Vendor delivers late', 4, 3, 'Ana'],
          ['R-02', 'Key engineer leaves', 2, 5, 'Ben'],
          ['R-03', 'Scope creep', 5, 4, 'Chloé'],
          ['R-04', 'Licence cost rises', 3, 2, 'Ana'],
          [NEUTRAL_FOOTER],
        ],
      },
      {
        name: 'Sheet2',
        rows: [
          ['Name', 'Hours per week', null, 'Resource', 'Project', 'Start', 'End', 'Hours per week'],
          ['Ana', 40, null, 'Ana', 'Apollo', day('2025-03-03'), day('2025-04-25'), 30],
          ['Ben', 32, null, 'Ben', 'Apollo', day('2025-03-10'), day('2025-05-30'), 40],
          ['Chloé', 40, null, 'Chloé', 'Hermes', day('2025-02-17'), day('2025-03-28'), 20],
          [null, null, null, 'Ana', 'Hermes', day('2025-03-17'), day('2025-04-11'), 16],
          [null, null, null, 'Chloé', 'Zeus', day('2025-03-24'), day('2025-06-27'), 24],
        ],
      },
      {
        name: 'Sheet3',
        rows: [
          [],
          [null, 'Portfolio FY2025'],
          [],
          [null, 'Initiative', 'Business Value', 'Time Criticality', 'RR/OE', 'Job Size', 'Cost'],
          [null, 'Customer portal', 8, 5, 3, 5, 120000],
          [null, 'Data platform', 13, 8, 5, 8, 90000],
          [null, 'ERP upgrade', 20, 13, 8, 13, 200000],
          [null, 'Mobile app', 5, 3, 2, 3, 60000],
          [null, 'Self-service BI', 8, 8, 5, 5, 150000],
        ],
      },
    ],
    names: {},
    excelTables: [{ name: 'Table3', sheet: 'Sheet3', ref: 'B4:G9' }],
  };
}

/** What both hosts must find, and where: each kind on its sheet, over the cells it was read from. */
export const NEUTRAL_FOUND = [
  { kind: 'resources', sheet: 'Sheet2', range: 'A1:B4' },
  { kind: 'assignments', sheet: 'Sheet2', range: 'D1:H6' },
  { kind: 'initiatives', sheet: 'Sheet3', range: 'B4:G9' },
  // From the header on row 5 (under the title block) to the last risk; the footer on row 10 is left out.
  { kind: 'risks', sheet: 'Sheet1', range: 'A5:E9' },
];

/** The line under the dashboard's title: what it was built from and what it could not find. */
export const NEUTRAL_BUILT_FROM =
  'Built 2025-03-05 09:30 from Resources (Sheet2!A1:B4), Assignments (Sheet2!D1:H6), Initiatives (Sheet3!B4:G9), Risks (Sheet1!A5:E9); not found: Time off.';

/** A seed value as the core reads it: dates as day serials. */
function coreCell(value: SeedValue): Cell {
  if (value === null || typeof value !== 'object') return value;
  return 'number' in value ? value.number : serialOf(value.date);
}

/** The number formats the seed gives its amounts, as a host reads them from the top of a sheet. */
function seedFormats(rows: readonly (readonly SeedValue[])[]): CellFormat[] {
  return rows.flatMap((row, r) =>
    row.flatMap((value, column) =>
      value !== null && typeof value === 'object' && 'number' in value
        ? [{ row: r + 1, column, code: value.format }]
        : [],
    ),
  );
}

/**
 * The seed's sheets as the core's SheetViews, read straight from the seed (not through a host): from A1, the
 * Excel tables on their sheets when `withExcelTables`.
 */
export function seedSheetViews(seed: WorkbookSeed, withExcelTables: boolean): SheetView[] {
  return seed.sheets.map(({ name, rows }) => ({
    name,
    rows: rows.map((row) => row.map(coreCell)),
    numberFormats: seedFormats(rows),
    firstRow: 1,
    tables: withExcelTables
      ? (seed.excelTables ?? [])
          .filter((table) => table.sheet === name)
          .map(({ name, ref }) => ({ name, ref }))
      : [],
  }));
}

/** The dashboard the core builds from the seed's cells at 09:30 on NEUTRAL_TODAY. */
export function coreDashboardOf(seed: WorkbookSeed, withExcelTables: boolean): Dashboard {
  return buildDashboard({
    sheets: seedSheetViews(seed, withExcelTables),
    today: serialOf(NEUTRAL_TODAY),
    builtAt: `${NEUTRAL_TODAY} 09:30`,
  });
}

/**
 * A host's build of the workbook above equals the core's: the same summary (every figure, the tables found and
 * where, the kinds missing, the issues), every cell of the plan on the host's sheet (`shown(row, column)` is
 * the host's cell read back as a core Cell), the footer read as no risk, and the sources named on the sheet.
 */
export function expectNeutralDashboard(
  summary: DashboardSummary,
  core: Dashboard,
  shown: (row: number, column: number) => Cell,
): void {
  expect(summary).toEqual(core.summary);
  expect(summary.tablesFound).toEqual(NEUTRAL_FOUND);
  expect(summary.tablesMissing).toEqual(['timeOff']);
  expect(summary.resources).toBe(3);
  expect(summary.initiatives).toBe(5);
  expect(summary.rankingMethod).toBe('WSJF');
  // Four risks, not five: the footer under them is where the register ends, neither a risk nor an issue.
  expect(summary.risks).toBe(4);
  expect(summary.risksByLevel).toEqual({ Low: 0, Moderate: 1, High: 2, Extreme: 1 });
  expect(summary.issues).toEqual([]);

  core.plan.cells.forEach((row, r) => {
    for (let c = 0; c < core.plan.width; c++) {
      const stored = storedValue(row[c]?.value ?? null);
      const where = `dashboard cell ${r + 1}:${c + 1}`;
      const got = shown(r, c);
      // An empty text (an initiative without an ID) reads back as a blank cell in both hosts.
      if (stored.kind === 'blank' || stored.value === '') expect(got, where).toBeNull();
      else if (typeof stored.value === 'number') expect(got, where).toBeCloseTo(stored.value, 12);
      else expect(got, where).toBe(stored.value);
    }
  });
  expect(shown(1, 0)).toBe(NEUTRAL_BUILT_FROM);
}
