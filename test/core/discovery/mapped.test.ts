import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../core/cells';
import { buildDashboard } from '../../../core/dashboard/build';
import { isUserText } from '../../../core/dashboard/plan';
import type { TableMapping } from '../../../core/discovery/mapping';
import { PMO_DATA_MARKER, pmoDataRows } from '../../../core/discovery/pmo-data';
import { isPmoError } from '../../../core/errors';
import { inspectWorkbook } from '../../../core/inspect';
import { readRiskRegister } from '../../../core/risk/register-read';
import { findTable } from '../../../core/table';
import { RESOURCES_TABLE } from '../../../core/utilization';
import { findTables, type SheetView } from '../../../core/workbook';

const sheet = (name: string, rows: readonly (readonly Cell[])[], firstRow = 1): SheetView => ({
  name,
  rows,
  firstRow,
  tables: [],
});

/** A PMO Data sheet holding `mapping`, as a host reads it back. */
const pmoData = (mapping: TableMapping, name = 'PMO Data'): SheetView =>
  sheet(
    name,
    pmoDataRows(mapping).map((row) =>
      row.map((value) => (isUserText(value) ? value.userText : (value as Cell))),
    ),
  );

/** A risk log whose headers discovery does not know: "Odds" and "Damage" mean nothing to it. */
const LOG = sheet(
  'Log',
  [
    ['Project Phoenix: things that could go wrong'],
    [],
    ['Ref', 'What', 'Odds', 'Damage', 'Who'],
    ['R1', 'Vendor late', 4, 3, 'Ana'],
    ['R2', 'Key person leaves', 2, 5, 'Ben'],
    ['R3', 'Scope creep', 3, 3, 'Ana'],
  ],
  2,
);

const LOG_MAPPING: TableMapping = {
  risks: {
    at: { sheet: 'Log', range: 'A4:E7', headerRows: 1 },
    columns: { id: 'A', title: 'B', probability: 'C', impact: 'D', owner: 'E' },
  },
};

const RESOURCES = sheet('Team', [
  ['Resource', 'Hours per week'],
  ['Ana', 40],
  ['Ben', 32],
]);

describe('findTables with a mapping saved on the PMO Data sheet', () => {
  it('misses the risk log without the mapping', () => {
    expect(findTables([RESOURCES, LOG]).tables.risks).toBeUndefined();
  });

  it('takes a mapped kind exactly at its range, found by mapping with confidence 1, readable by its reader', () => {
    const { tables, missing, problems } = findTables([RESOURCES, LOG, pmoData(LOG_MAPPING)]);
    const risks = tables.risks;
    expect(problems).toBeUndefined();
    expect(risks).toMatchObject({
      kind: 'risks',
      sheet: 'Log',
      firstRow: 4,
      foundBy: 'mapping',
      confidence: 1,
      headerRows: [4],
    });
    expect(risks?.grid[0]).toEqual(['ID', 'Risk', 'Probability', 'Impact', 'Owner']);
    expect(missing).not.toContain('risks');
    const register = readRiskRegister(risks?.grid ?? [], risks?.firstRow ?? 1);
    expect(isPmoError(register)).toBe(false);
    if (!isPmoError(register)) expect(register.risks.map((risk) => risk.row)).toEqual([5, 6, 7]);
    expect(tables.resources?.foundBy).toBe('sheet name');
  });

  it("applies discovery's row rules inside a mapped range: a total row and a footer are not risks", () => {
    const log = sheet('Log', [...LOG.rows, ['Total', null, null, null, null], ['© 2026 Phoenix Ltd']], 2);
    const mapping: TableMapping = {
      risks: {
        at: { sheet: 'Log', range: 'A4:E9', headerRows: 1 },
        columns: LOG_MAPPING.risks?.columns ?? {},
      },
    };
    const risks = findTables([log, pmoData(mapping)]).tables.risks;
    expect(risks?.dataRows).toBe(3);
    expect(risks?.skipped).toEqual([{ row: 8, reason: 'a total row: the table ends here' }]);
    const register = readRiskRegister(risks?.grid ?? [], risks?.firstRow);
    if (isPmoError(register)) throw new Error(register.message);
    expect(register.risks.map((risk) => risk.id)).toEqual(['R1', 'R2', 'R3']);
  });

  it('never reads the PMO Data sheet as user data, even when it holds something table-like', () => {
    const data = pmoData({});
    const withTable = sheet('PMO Data', [...data.rows, [], ['Resource', 'Hours per week'], ['Zoe', 40]]);
    const { tables } = findTables([LOG, withTable]);
    expect(tables.resources).toBeUndefined();
  });

  it('reads a "PMO Data" sheet without the marker as the user\'s own sheet', () => {
    const userData = sheet('PMO Data', [['My notes'], ['Resource', 'Hours per week'], ['Zoe', 40]]);
    const { tables } = findTables([userData]);
    expect(tables.resources?.sheet).toBe('PMO Data');
  });

  it('combines a group row over the column row when the mapping says the header has two rows', () => {
    const grouped = sheet('Plan', [
      ['', 'Dates', ''],
      ['Person', 'From', 'To'],
      ['Ana', '2026-01-05', '2026-01-09'],
    ]);
    const mapping: TableMapping = {
      timeOff: { at: { sheet: 'Plan', range: 'A1:C3', headerRows: 2 }, columns: { resource: 'A' } },
    };
    const { tables } = findTables([grouped, pmoData(mapping)]);
    expect(tables.timeOff?.headerRows).toEqual([1, 2]);
    expect(tables.timeOff?.grid).toEqual([
      [],
      ['Resource', 'From', 'To'],
      ['Ana', '2026-01-05', '2026-01-09'],
    ]);
  });

  it('does not use a region that shares cells with a mapped range for another kind', () => {
    const plan = sheet('Plan', [
      ['Resource', 'Start', 'End', 'Hours per week'],
      ['Ana', '2026-01-05', '2026-01-09', 20],
    ]);
    expect(findTables([plan]).tables.assignments?.sheet).toBe('Plan');
    const mapping: TableMapping = {
      timeOff: { at: { sheet: 'Plan', range: 'A1:C2', headerRows: 1 }, columns: {} },
    };
    const { tables, missing } = findTables([plan, pmoData(mapping)]);
    expect(tables.timeOff?.foundBy).toBe('mapping');
    expect(tables.assignments).toBeUndefined();
    expect(missing).toContain('assignments');
  });

  it('reports a saved mapping it cannot use and lets discovery decide', () => {
    const mapping: TableMapping = {
      resources: { at: { sheet: 'Gone', range: 'A1:B3', headerRows: 1 }, columns: {} },
    };
    const { tables, problems } = findTables([RESOURCES, pmoData(mapping)]);
    expect(tables.resources?.foundBy).toBe('sheet name');
    expect(problems).toEqual([
      { source: 'mapping', message: 'resources: the workbook has no sheet "Gone" (its sheets: "Team")' },
    ]);
    // The dashboard says so among its data issues, on the PMO Data sheet, not only pmo inspect.
    const { summary } = buildDashboard({
      sheets: [RESOURCES, pmoData(mapping)],
      today: 46_000,
      builtAt: 'now',
    });
    expect(summary.issues).toContainEqual({
      sheet: 'PMO Data',
      table: 'Table mapping',
      row: 0,
      column: '',
      value: '',
      problem: 'resources: the workbook has no sheet "Gone" (its sheets: "Team"): discovery decided instead',
    });
  });
});

describe('findTables with options (the CLI --table and --column)', () => {
  it('lets an option win over the saved mapping, found by option', () => {
    const moved = sheet('Log2', LOG.rows, LOG.firstRow);
    const option: TableMapping = {
      risks: {
        at: { sheet: 'Log2', range: 'A4:E7', headerRows: 1 },
        columns: { id: 'A', probability: 'C', impact: 'D' },
      },
    };
    const { tables } = findTables([LOG, moved, pmoData(LOG_MAPPING)], { mapping: option });
    expect(tables.risks).toMatchObject({ sheet: 'Log2', foundBy: 'option', confidence: 1 });
  });

  it('corrects one column of a saved mapping and keeps the others', () => {
    const option: TableMapping = { risks: { columns: { impact: 'C', probability: 'D' } } };
    const { tables } = findTables([LOG, pmoData(LOG_MAPPING)], { mapping: option });
    expect(tables.risks?.grid[0]).toEqual(['ID', 'Risk', 'Impact', 'Probability', 'Owner']);
    expect(tables.risks?.foundBy).toBe('option');
  });

  it('corrects the column of the table discovery found when no range is given', () => {
    const team = sheet('Team', [
      ['Resource', 'Hours per week', 'Contract hours'],
      ['Ana', 40, 32],
    ]);
    const option: TableMapping = { resources: { columns: { hoursPerWeek: 'C' } } };
    const { tables } = findTables([team], { mapping: option });
    const read = findTable(tables.resources?.grid ?? [], RESOURCES_TABLE, tables.resources?.firstRow);
    expect(!isPmoError(read) && read.columns.get('hoursPerWeek')).toBe(2);
    expect(tables.resources).toMatchObject({ foundBy: 'option', confidence: 1 });
  });

  it('says when there is no discovered table to correct, or the column is not in it', () => {
    const none = findTables([RESOURCES], { mapping: { risks: { columns: { probability: 'C' } } } });
    expect(none.problems).toEqual([
      {
        source: 'option',
        message:
          'risks: no risks table was found to put its columns in: give its range too, e.g. risks="Sheet!A2:J12"',
      },
    ]);
  });

  it('reports an option whose column lies outside its range as an option problem', () => {
    const option: TableMapping = {
      risks: { at: { sheet: 'Log', range: 'A4:E7', headerRows: 1 }, columns: { probability: 'K' } },
    };
    const { problems } = findTables([LOG], { mapping: option });
    expect(problems).toEqual([
      { source: 'option', message: 'risks.probability: column K is outside the range A4:E7' },
    ]);
  });
});

describe('inspect with a mapping', () => {
  it('reports the mapped table as found by mapping and lists saved-mapping problems as issues on PMO Data', () => {
    const data = sheet('PMO Data', [
      [PMO_DATA_MARKER],
      [],
      ['Table mapping'],
      ['Kind', 'Role', 'Column'],
      ['riskz', 'impact', 'E'],
    ]);
    const report = inspectWorkbook('book.xlsx', [RESOURCES, LOG, data], {
      mapping: LOG_MAPPING,
    });
    expect(report.tables.find((table) => table.kind === 'risks')).toMatchObject({
      foundBy: 'option',
      range: 'A4:E7',
      rows: 3,
      columns: { id: 'A', title: 'B', probability: 'C', impact: 'D', owner: 'E' },
    });
    expect(report.issues).toContainEqual({
      sheet: 'PMO Data',
      row: 5,
      column: '',
      value: '',
      problem: expect.stringMatching(/^"riskz" is not a kind of table/),
    });
  });
});
