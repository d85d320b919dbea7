import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../core/cells';
import { readLocated } from '../../../core/dashboard/sources';
import { RISK_REGISTER_TABLE } from '../../../core/risk/register';
import { findTable, type TableSpec, withinOneEdit } from '../../../core/table';
import { ASSIGNMENTS_TABLE, RESOURCES_TABLE, TIME_OFF_TABLE } from '../../../core/utilization';
import { findTables, type SheetView } from '../../../core/workbook';
import { SHAPES } from '../../../examples/make-shapes';

const shape = (name: string) => findTables(SHAPES[name] ?? []);
const sheetOf = (name: string, rows: Cell[][]): SheetView => ({ name, rows, firstRow: 1, tables: [] });

describe('discovery by content', () => {
  it('finds a risk register under a title block on a sheet named for issues, and ends it at the copyright line', () => {
    const { tables } = shape('titleBlockRisks');
    const risks = tables.risks;
    expect(risks?.sheet).toBe('Issue Register');
    expect(risks?.foundBy).toBe('headers');
    expect(risks?.headerRows).toEqual([12]);
    expect(risks?.dataRows).toBe(3);
    expect(risks?.grid[0]?.[2]).toBe('Likelihood (H/M/L)');
    expect(risks?.firstRow).toBe(12);
    expect(risks?.grid.length).toBe(4);
    expect(risks?.skipped).toEqual([{ row: 16, reason: 'footer: the table ends above it' }]);
    expect(tables.resources).toBeUndefined();
  });

  it('finds two tables side by side, each as its own region, with a typo in a header', () => {
    const { tables } = shape('sideBySide');
    expect(tables.resources?.firstColumn ?? 0).toBe(0);
    expect(tables.resources?.dataRows).toBe(3);
    expect(tables.resources?.grid[0]).toEqual(['Resoruce', 'Hours per week']);
    expect(tables.timeOff?.firstColumn).toBe(3);
    expect(tables.timeOff?.dataRows).toBe(2);
    expect(tables.timeOff?.grid[0]).toEqual(['Resource', 'Start', 'End']);
    const read = findTable(tables.resources?.grid ?? [], RESOURCES_TABLE, tables.resources?.firstRow);
    expect('columns' in read && read.columns.get('resource')).toBe(0);
  });

  it('finds stacked tables of two kinds on one sheet, the second starting at its own header', () => {
    const { tables } = shape('stacked');
    expect(tables.assignments?.headerRows).toEqual([1]);
    expect(tables.assignments?.dataRows).toBe(2);
    expect(tables.initiatives?.sheet).toBe('Portfolio 2026');
    expect(tables.initiatives?.headerRows).toEqual([6]);
    expect(tables.initiatives?.firstRow).toBe(6);
    expect(tables.initiatives?.dataRows).toBe(3);
  });

  it('combines a group header row with the header row below it, in a table starting at column B', () => {
    const risks = shape('groupHeader').tables.risks;
    expect(risks?.headerRows).toEqual([1, 2]);
    expect(risks?.firstColumn ?? 0).toBe(0);
    expect(risks?.dataRows).toBe(2);
  });

  it('reads headers merged across columns and a header row merged down, and ends the data at the total row', () => {
    const risks = shape('mergedHeaders').tables.risks;
    expect(risks?.headerRows).toEqual([1, 2]);
    expect(risks?.dataRows).toBe(2);
    expect(risks?.grid.length).toBe(5);
    expect(risks?.skipped).toEqual([{ row: 5, reason: 'a total row: the table ends here' }]);
  });

  it('leaves out template rows that hold only formula results (a Score of 0 and a Rank)', () => {
    const risks = shape('templateRows').tables.risks;
    expect(risks?.dataRows).toBe(2);
    expect(risks?.grid.length).toBe(3);
    expect(risks?.skipped?.map((skip) => skip.row)).toEqual([4, 5]);
  });

  it('reads one row per person and week ("Week Starting") as assignments, and ends them at the TOTALS row', () => {
    const { tables } = shape('weeklyRows');
    const assignments = tables.assignments;
    expect(assignments?.sheet).toBe('Weekly Allocation');
    expect(assignments?.dataRows).toBe(3);
    const read = findTable(assignments?.grid ?? [], ASSIGNMENTS_TABLE, assignments?.firstRow);
    if (!('columns' in read)) throw new Error(read.message);
    expect(Object.fromEntries(read.columns)).toMatchObject({ week: 0, resource: 2, hours: 4 });
    expect(read.columns.has('end')).toBe(false);
    expect(tables.timeOff).toBeUndefined();
  });

  it('starts a blank template named for its kind at its own header row, though the header lacks Impact', () => {
    const risks = shape('namedTemplate').tables.risks;
    expect(risks?.foundBy).toBe('sheet name');
    expect(risks?.confidence).toBe(0.5);
    expect(risks?.headerRows).toEqual([3]);
    expect(risks?.dataRows).toBe(0);
    const read = findTable(risks?.grid ?? [], RISK_REGISTER_TABLE, risks?.firstRow);
    if (!('columns' in read)) throw new Error(read.message);
    expect(Object.fromEntries(read.columns)).toMatchObject({ id: 0, title: 2, probability: 5, owner: 7 });
  });

  it('finds the capacity per person on a sprint sheet, its names under a blank header cell, below a sprint calendar', () => {
    const resources = shape('sprintCapacity').tables.resources;
    expect(resources?.headerRows).toEqual([5]);
    expect(resources?.dataRows).toBe(3);
    const read = findTable(resources?.grid ?? [], RESOURCES_TABLE, resources?.firstRow);
    if (!('columns' in read)) throw new Error(read.message);
    expect(Object.fromEntries(read.columns)).toEqual({
      resource: 0,
      workingDays: 1,
      periodHours: 3,
    });
    expect(read.rows.map((row) => row.cells[0])).toEqual(['Srikanth', 'Santhosh', 'Subha']);
  });

  it('takes no blank header cell as names when the cells under it hold numbers or codes', () => {
    const rows = (labels: Cell[]): Cell[][] => [
      [null, 'Total Working Days', 'Working Hours'],
      ...labels.map((label) => [label, 9, 72]),
    ];
    expect(findTables([sheetOf('Sprint', rows([1, 2, 3]))]).tables.resources).toBeUndefined();
    expect(findTables([sheetOf('Sprint', rows(['S-1', 'S-2', 'S-3']))]).tables.resources).toBeUndefined();
    expect(findTables([sheetOf('Sprint', rows(['Ana', 'Ben', 'Cleo']))]).tables.resources?.dataRows).toBe(3);
  });

  it('finds a time-phased plan (a column per month) as assignments, ending at its Total row', () => {
    const assignments = shape('timePhased').tables.assignments;
    expect(assignments?.sheet).toBe('Resource Plan 2026');
    expect(assignments?.headerRows).toEqual([3]);
    expect(assignments?.dataRows).toBe(3);
    const read = findTable(assignments?.grid ?? [], ASSIGNMENTS_TABLE, assignments?.firstRow);
    if (!('columns' in read)) throw new Error(read.message);
    expect(read.periods?.map((period) => period.column)).toEqual([2, 3, 4, 5]);
    expect(read.columns.get('resource')).toBe(0);
  });

  it('reads a plan of months alone with the year of its sheet name, and its reader sees the months dated', () => {
    const assignments = shape('monthsWithoutYear').tables.assignments;
    expect(assignments?.sheet).toBe('Plan 2026');
    expect(assignments?.grid[0]).toEqual(['Team member', 'Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026']);
    const read = findTable(assignments?.grid ?? [], ASSIGNMENTS_TABLE, assignments?.firstRow);
    if (!('columns' in read)) throw new Error(read.message);
    expect(read.periods?.length).toBe(4);
  });

  it('claims no time-phased plan in a leave tracker whose month headers stand over text and dates', () => {
    const { tables } = shape('leaveTracker');
    expect(tables.assignments).toBeUndefined();
  });

  it('finds a leave tracker as time off: the month row is a group row, the name header merged down over it', () => {
    const timeOff = shape('leaveTracker').tables.timeOff;
    expect(timeOff?.headerRows).toEqual([1, 2]);
    expect(timeOff?.dataRows).toBe(3);
    const read = findTable(timeOff?.grid ?? [], TIME_OFF_TABLE, timeOff?.firstRow);
    if (!('columns' in read)) throw new Error(read.message);
    expect(Object.fromEntries(read.columns)).toEqual({ resource: 1, start: 4, end: 5 });
  });

  it('reports a second table of a kind on another sheet as found, not used (the next sprint)', () => {
    const sprint = SHAPES.sprintCapacity?.[0];
    if (!sprint) throw new Error('no sprint shape');
    const { tables, also } = findTables([sprint, { ...sprint, name: 'CFA_Sprint-1' }]);
    expect(tables.resources?.sheet).toBe('CFA_Sprint-2');
    expect(also?.map((table) => [table.kind, table.sheet, table.headerRows, table.dataRows])).toEqual([
      ['resources', 'CFA_Sprint-1', [5], 3],
    ]);
  });

  it('reads a report (a summary sheet, a utilization column) only for a kind no other table gives', () => {
    const list: Cell[][] = [
      ['Resource Name', 'Hours per week'],
      ['Ana', 40],
      ['Ben', 35],
    ];
    const load: Cell[][] = [
      ['Resource Name', 'Availability (hrs/week)', 'Hours Assigned', '% Utilized', 'Over-Allocated?'],
      ['Ana', 40, 60, 1.5, 'Yes'],
      ['Ben', 35, 30, 0.86, 'No'],
    ];
    const plan: Cell[][] = [
      ['Resource', 'Project', 'Start', 'End', 'Hours per week'],
      ['Ana', 'Apollo', '2026-01-05', '2026-03-27', 20],
    ];
    // Listed first and scoring higher, the utilization report still loses to the plain list.
    const withList = findTables([sheetOf('Load', load), sheetOf('Resource List', list)]);
    expect(withList.tables.resources?.sheet).toBe('Resource List');
    expect(withList.also).toBeUndefined();
    expect(findTables([sheetOf('Load', load)]).tables.resources?.sheet).toBe('Load');
    const summary = findTables([sheetOf('Project Summary', plan), sheetOf('Bookings', plan)]);
    expect(summary.tables.assignments?.sheet).toBe('Bookings');
    expect(summary.also).toBeUndefined();
    expect(findTables([sheetOf('Project Summary', plan)]).tables.assignments?.sheet).toBe('Project Summary');
  });

  it('finds a blank template as a table with no data rows, not an error', () => {
    const resources = shape('blankTemplate').tables.resources;
    expect(resources?.headerRows).toEqual([1]);
    expect(resources?.dataRows).toBe(0);
    expect(resources?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('leaves out a row of instructions under the header', () => {
    const risks = shape('instructionRow').tables.risks;
    expect(risks?.dataRows).toBe(2);
    expect(risks?.skipped).toEqual([{ row: 2, reason: 'instructions under the header, not data' }]);
  });

  it('reads a risk spanning several rows as one risk (its continuation rows repeat only an owner)', () => {
    const risks = shape('continuationRows').tables.risks;
    expect(risks?.headerRows).toEqual([1, 2]);
    expect(risks?.dataRows).toBe(2);
    expect(risks?.skipped?.map((skip) => skip.row)).toEqual([4, 5, 7]);
    const read = findTable(risks?.grid ?? [], RISK_REGISTER_TABLE, risks?.firstRow);
    if (!('columns' in read)) throw new Error(read.message);
    expect(Object.fromEntries(read.columns)).toMatchObject({
      id: 0,
      title: 1,
      probability: 2,
      impact: 3,
      owner: 5,
    });
  });

  it('reads a task plan with an assignee and dates as assignments, not as time off', () => {
    const { tables } = shape('taskPlan');
    expect(tables.assignments?.sheet).toBe('Project Plan');
    expect(tables.assignments?.dataRows).toBe(3);
    expect(tables.timeOff).toBeUndefined();
  });

  it('reads "#" in a header as "No" ("Risk #" is the ID) and ends the risks at the total row', () => {
    const risks = shape('numberSigns').tables.risks;
    const read = findTable(risks?.grid ?? [], RISK_REGISTER_TABLE, risks?.firstRow);
    if (!('columns' in read)) throw new Error(read.message);
    expect(read.columns.get('id')).toBe(0);
    expect(read.columns.get('title')).toBe(1);
    expect(risks?.dataRows).toBe(2);
  });

  it('ends a register at the notes under it (a footnote, a company line), not at the last filled row', () => {
    const risks = shape('notesBelow').tables.risks;
    expect(risks?.dataRows).toBe(2);
    expect(risks?.grid.length).toBe(3);
    expect(risks?.skipped).toEqual([{ row: 5, reason: 'notes under the table: the table ends above them' }]);
  });

  it("reports a scoring matrix's criteria: its numeric columns other than the rank and the score", () => {
    const initiatives = shape('scoringMatrix').tables.initiatives;
    expect(initiatives?.criteria).toEqual([2, 3]);
    expect(shape('stacked').tables.initiatives?.criteria).toEqual([1, 2, 3, 4]);
  });

  it('reads the rating, not the prose, when two headers mean Impact', () => {
    const risks = shape('twoImpacts').tables.risks;
    const read = findTable(risks?.grid ?? [], RISK_REGISTER_TABLE, risks?.firstRow);
    if (!('columns' in read)) throw new Error(read.message);
    expect(read.columns.get('impact')).toBe(6);
    expect(read.columns.get('probability')).toBe(5);
  });

  it('keeps a holiday for everyone (dates, no resource) as time off, not as a template row', () => {
    const timeOff = shape('holidays').tables.timeOff;
    expect(timeOff?.dataRows).toBe(3);
    expect(timeOff?.skipped).toEqual([]);
  });

  it.each(['issueLog', 'sprintCalendar', 'legend', 'ratingScale', 'definitions'])(
    'claims no table in %s',
    (name) => {
      const found = shape(name);
      expect(found.tables).toEqual({});
      expect(found.missing).toHaveLength(5);
      for (const unsure of found.unsure ?? []) expect(unsure.confidence).toBeLessThan(0.5);
    },
  );
});

describe('every reader sees the table discovery found', () => {
  const found = Object.entries(SHAPES).flatMap(([name, sheets]) =>
    Object.values(findTables(sheets).tables).map((table) => [`${name} ${table.kind}`, table] as const),
  );

  it.each(found)("%s: the reader counts discovery's data rows and matches its header row", (_, table) => {
    // As the dashboard reads it: a sheet named for a month read as that month.
    const read = readLocated(table);
    if (!('columns' in read)) throw new Error(read.message);
    expect(read.rows.length).toBe(table.dataRows);
    expect(table.firstRow + read.headerIndex).toBe(table.headerRows?.at(-1));
  });
});

describe('discovery keeps', () => {
  it("an Excel table's name when the table covers the same cells as the sheet's region", () => {
    const rows = [
      ['Initiative', 'Business Value', 'Time Criticality', 'RR/OE', 'Job Size'],
      ['Portal', 8, 5, 3, 5],
      ['ERP', 5, 8, 2, 3],
    ];
    const { tables } = findTables([
      { name: 'Sheet3', firstRow: 1, rows, tables: [{ name: 'Table3', ref: 'A1:E3' }] },
    ]);
    expect(tables.initiatives?.table).toBe('Table3');
    expect(tables.initiatives?.foundBy).toBe('headers');
  });

  it('a data row under a header as data, never as a second header row (a typo-tolerant "Time Criticality 5")', () => {
    const { tables } = findTables([
      {
        name: 'Backlog',
        firstRow: 1,
        tables: [],
        rows: [
          ['ID', 'Initiative', 'Cost', 'Time Criticality', 'Job Size', '', 'Budget'],
          ['I-1', 'Portal', 300, 5, 5, null, 500],
          ['I-2', 'ERP', 200, 8, 8],
        ],
      },
    ]);
    expect(tables.initiatives?.headerRows).toEqual([1]);
    expect(tables.initiatives?.dataRows).toBe(2);
    expect(tables.initiatives?.grid[0]?.[6]).toBe('Budget');
  });

  it('a sheet named for a kind whose headers do not fit as that kind, at confidence 0.5, so its reader names the missing column', () => {
    const { tables } = findTables([
      {
        name: 'Risks',
        firstRow: 1,
        tables: [],
        rows: [
          ['Risk', 'Owner'],
          ['Outage', 'Ana'],
        ],
      },
    ]);
    expect(tables.risks?.foundBy).toBe('sheet name');
    expect(tables.risks?.confidence).toBe(0.5);
  });
});

describe('header typos', () => {
  it('accepts one edit in words of six letters or more', () => {
    expect(withinOneEdit('resoruce', 'resource')).toBe(true);
    expect(withinOneEdit('probabilty', 'probability')).toBe(true);
    expect(withinOneEdit('resources', 'resource')).toBe(true);
    expect(withinOneEdit('rsoruce', 'resource')).toBe(false);
  });
});

describe('units in headers', () => {
  const columnsOf = (headers: string[], spec: TableSpec) => {
    const read = findTable([headers, headers.map(() => 1)], spec);
    if (!('columns' in read)) throw new Error(read.message);
    return Object.fromEntries(read.columns);
  };

  it('never reads hours as a percentage, nor a percentage as hours', () => {
    // 48.5 available hours read as 48.5% availability would halve a person's capacity without a word.
    expect(columnsOf(['Name', 'Available (hrs)'], RESOURCES_TABLE)).toEqual({ resource: 0 });
    expect(columnsOf(['Name', 'Availability (%)'], RESOURCES_TABLE)).toEqual({
      resource: 0,
      availability: 1,
    });
    expect(columnsOf(['Resource', 'Start', 'End', 'Hours (%)'], ASSIGNMENTS_TABLE)).toEqual({
      resource: 0,
      start: 1,
      end: 2,
    });
  });

  it('reads an availability given in hours a week as the weekly capacity', () => {
    expect(columnsOf(['Resource Name', 'Availability (hrs/week)'], RESOURCES_TABLE)).toEqual({
      resource: 0,
      hoursPerWeek: 1,
    });
  });
});
