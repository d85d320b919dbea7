import { describe, expect, it } from 'vitest';
import { INSPECT_JSON_SCHEMA } from '../../../cli/inspect';
import { isoFromSerial } from '../../../core/dates';
import { inspectWorkbook } from '../../../core/inspect';
import { buildUtilizationModel, utilizationGrid } from '../../../core/utilization';
import { sheetPeriod } from '../../../core/utilization/period-sheets';
import { findTables, type SheetView, utilizationTablesOf } from '../../../core/workbook';
import { SHAPES } from '../../../examples/make-shapes';
import { schemaErrors } from '../../cli/json-schema';

const shape = (name: string): readonly SheetView[] => SHAPES[name] ?? [];

const span = (name: string) => {
  const period = sheetPeriod(name);
  return period && [isoFromSerial(period.start), isoFromSerial(period.end)];
};

/** Utilization per person and period, in whole percent, of the tables found in `sheets`. */
function percents(sheets: readonly SheetView[], period: 'week' | 'month') {
  const tables = utilizationTablesOf(findTables(sheets).tables);
  if (!tables) throw new Error('no assignments');
  const grid = utilizationGrid(tables, { period });
  if ('kind' in grid) throw new Error(grid.message);
  const periods = grid.periodStarts.length;
  return Object.fromEntries(
    grid.resources.map((resource, r) => [
      resource.name,
      grid.periodStarts.map((_, p) =>
        Math.round(
          (100 * (grid.loadHours[r * periods + p] ?? 0)) / (grid.capacityHours[r * periods + p] ?? 1),
        ),
      ),
    ]),
  );
}

describe('a sheet named for a period', () => {
  it('is that month, ISO week or quarter, however the name writes it', () => {
    expect(span('Sep2019')).toEqual(['2019-09-01', '2019-09-30']);
    expect(span('Jan 2026')).toEqual(['2026-01-01', '2026-01-31']);
    expect(span('Feb-26')).toEqual(['2026-02-01', '2026-02-28']);
    expect(span('2026-03')).toEqual(['2026-03-01', '2026-03-31']);
    expect(span('2026-W02')).toEqual(['2026-01-05', '2026-01-11']);
    expect(span('Q2 2026')).toEqual(['2026-04-01', '2026-06-30']);
    expect(span('Sept_2025')).toEqual(['2025-09-01', '2025-09-30']);
  });

  it('is no period when the name is a year, a word, a day or a sheet number', () => {
    for (const name of ['Plan 2026', 'Sheet1', 'Marketing 2026', '2026-03-02', 'Resources', 'FY2026', 'Mar'])
      expect(sheetPeriod(name), name).toBeUndefined();
  });
});

describe('a plan kept one sheet per month', () => {
  const sheets = shape('sheetPerMonth');

  it('is one assignments table over its month sheets, in month order, with nothing left over as not used', () => {
    const found = findTables(sheets);
    const assignments = found.tables.assignments;
    expect(assignments?.sheet).toBe('Jan2026');
    expect(assignments?.sheets?.map((table) => table.sheet)).toEqual(['Jan2026', 'Feb2026', 'Mar2026']);
    expect(assignments?.sheets?.map((table) => isoFromSerial(table.period?.start ?? 0))).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    expect(found.also).toBeUndefined();
    // The people are under the title "Architect", named for the reader.
    expect(assignments?.grid[0]?.[0]).toBe('Resource');
  });

  it("reads each person's share of each month from the month's load column, a continuation row adding to the person above", () => {
    expect(percents(sheets, 'month')).toEqual({
      Ana: [100, 120, 50],
      Ben: [50, 0, 0],
      Cleo: [100, 100, 100],
    });
  });

  it('names the month sheet and the row of an unreadable share, and leaves the label rows out as not data', () => {
    const tables = utilizationTablesOf(findTables(sheets).tables);
    const model = tables && buildUtilizationModel(tables);
    if (!model || 'kind' in model) throw new Error('no model');
    expect(model.resources.map((resource) => resource.name)).toEqual(['Ana', 'Ben', 'Cleo']);
    expect(model.issues).toEqual([
      {
        table: 'Assignments',
        sheet: 'Feb2026',
        row: 3,
        column: 'Total Alloc. %',
        value: 'half',
        problem: expect.stringMatching(/cell left out$/),
      },
    ]);
  });

  it('is reported by pmo inspect as one table with its sheets, its rows and skipped rows counted over them all', () => {
    const report = inspectWorkbook('months.xlsx', sheets);
    expect(schemaErrors(report, INSPECT_JSON_SCHEMA)).toEqual([]);
    const [table] = report.tables;
    expect(report.tables).toHaveLength(1);
    expect(table).toMatchObject({
      kind: 'assignments',
      sheet: 'Jan2026',
      sheets: ['Jan2026', 'Feb2026', 'Mar2026'],
      rows: 10,
      columns: { resource: 'A', allocation: 'B', periods: 'B:B' },
      people: 3,
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(table?.skipped.map((skip) => [skip.sheet, skip.row])).toEqual([
      ['Jan2026', 4],
      ['Feb2026', 4],
    ]);
    expect(report.issues).toEqual([
      {
        sheet: 'Feb2026',
        row: 3,
        column: 'B',
        value: 'half',
        problem: expect.stringMatching(/cell left out$/),
      },
    ]);
  });

  it('reads one month sheet alone as that month', () => {
    const [january] = sheets;
    if (!january) throw new Error('missing sheet');
    const assignments = findTables([january]).tables.assignments;
    expect(assignments?.sheets).toBeUndefined();
    expect(percents([january], 'month')).toEqual({ Ana: [100], Ben: [50], Cleo: [100] });
  });

  it('keeps a month sheet with other columns apart (found, not used)', () => {
    const [january, february] = sheets;
    if (!january || !february) throw new Error('missing sheets');
    const hours: SheetView = {
      ...february,
      rows: [
        ['Architect', 'Hours', 'Project'],
        ...february.rows.slice(1).map((row) => [row[0] ?? null, 80, row[2] ?? null]),
      ],
    };
    // The hours sheet names more columns (a Project too): it is the table, January another, not used.
    const found = findTables([january, hours]);
    expect(found.tables.assignments?.sheet).toBe('Feb2026');
    expect(found.tables.assignments?.sheets).toBeUndefined();
    expect(found.also?.map((table) => table.sheet)).toEqual(['Jan2026']);
  });

  it('reads one sheet per period: a second sheet for a month already read is found, not used', () => {
    const [january, february] = sheets;
    if (!january || !february) throw new Error('missing sheets');
    const found = findTables([january, february, { ...january, name: 'Jan 2026' }]);
    expect(found.tables.assignments?.sheets?.map((table) => table.sheet)).toEqual(['Jan2026', 'Feb2026']);
    expect(found.also?.map((table) => table.sheet)).toEqual(['Jan 2026']);
  });

  it('keeps a month sheet the user mapped as that month, the other months joined to it', () => {
    const at = { sheet: 'Feb2026', range: 'A1:G5', headerRows: 1 };
    const mapping = { assignments: { at, columns: { resource: 'A', allocation: 'B' } } };
    const found = findTables(sheets, { mapping });
    expect(found.tables.assignments?.foundBy).toBe('option');
    expect(found.tables.assignments?.sheets?.map((table) => table.sheet)).toEqual([
      'Jan2026',
      'Feb2026',
      'Mar2026',
    ]);
    const tables = utilizationTablesOf(found.tables);
    const grid = tables && utilizationGrid(tables, { period: 'month' });
    if (!grid || 'kind' in grid) throw new Error('no grid');
    expect(
      Array.from(grid.loadHours, (hours, i) => Math.round((100 * hours) / (grid.capacityHours[i] ?? 1))),
    ).toEqual([100, 120, 50, 50, 0, 0, 100, 100, 100]);
  });

  it('needs the sheet name: the same table on a sheet named for no period has no dates and is no plan', () => {
    const [january] = sheets;
    if (!january) throw new Error('missing sheet');
    expect(findTables([{ ...january, name: 'Team' }]).tables.assignments).toBeUndefined();
  });
});

describe('a plan kept one sheet per ISO week', () => {
  it("spreads each sheet's hours over its week's working days", () => {
    expect(percents(shape('sheetPerWeek'), 'week')).toEqual({ Ana: [125, 100], Ben: [40, 100] });
  });
});
