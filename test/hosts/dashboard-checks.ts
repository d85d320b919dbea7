// Checks both host dashboard tests make the same way: the headline figures a host wrote against the core's
// summary of the same workbook.

import { expect } from 'vitest';
import type { DashboardSummary } from '../../core/dashboard/build';
import { FORMULA_LIKE_NAMES, pmoWorkbook } from '../fakes/workbook-seed';

/** A written cell as both host fakes report it. */
interface WrittenCell {
  readonly value?: unknown;
  readonly numberFormat?: string;
}

/**
 * The headline figures beside their labels equal the core's summary (`figure(label)` is the cell right of the
 * label in the host's sheet); the named budget is shown as given.
 */
export function expectHeadlineFigures(
  figure: (label: string | RegExp) => WrittenCell | undefined,
  summary: DashboardSummary,
  budget: number,
): void {
  expect(figure(/^Average utilization/)?.value).toBeCloseTo(summary.averageUtilization ?? Number.NaN, 12);
  expect(figure(/^Average utilization/)?.numberFormat).toBe('0%');
  expect(figure('Overallocated resource-weeks (above 100%)')?.value).toBe(summary.overallocatedResourceWeeks);
  expect(figure('Selected within budget')?.value).toBe(summary.selectedCount);
  expect(figure('Budget')?.value).toBe(budget);
  for (const level of ['Low', 'Moderate', 'High', 'Extreme'] as const)
    expect(figure(`  ${level}`)?.value).toBe(summary.risksByLevel?.[level]);
}

/** The seeded workbook's sheets after a build: the user's as they were, then the dashboard. */
export const SHEETS_AFTER_BUILD = [
  ...pmoWorkbook('2025-03-05', 0).sheets.map((sheet) => sheet.name),
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
