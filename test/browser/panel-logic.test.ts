// The scoring panel's host-neutral logic in Node (no browser): finding the table in a sheet's cells, planning
// where results go without ever covering a user's cell, the saved settings, and the ranking computed through
// the catalog functions. (It sits beside the browser tests because test/browser is the panel's test folder.)

import { describe, expect, it } from 'vitest';
import { columnLetters, parseA1 } from '../../core/a1';
import { isPmoError } from '../../core/errors';
import { findFunction } from '../../core/functions/catalog';
import { invoke } from '../../core/functions/invoke';
import {
  detectInitiativesTable,
  type SheetBlock,
  tableFingerprint,
} from '../../core/initiatives/sheet-table';
import { planWrite } from '../../core/initiatives/write-plan';
import { computeRanking } from '../../core/prioritization/ranking';
import type { Ranking } from '../../core/prioritization/ranking-types';
import type { CellValue, SheetTable, WriteRequest } from '../../panel/bridge';
import {
  DEFAULT_SETTINGS,
  type PanelSettings,
  parseSettings,
  withWrittenColumns,
} from '../../panel/settings';

const block = (values: CellValue[][], firstRow = 1, firstColumn = 0): SheetBlock => ({
  values,
  firstRow,
  firstColumn,
});

function table(found: ReturnType<typeof detectInitiativesTable>): SheetTable {
  if (found.kind === 'error') throw new Error(found.message);
  return found;
}

describe('A1 addresses', () => {
  it('columnLetters counts A…Z, then AA', () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  it('parseA1 reads ranges with or without a sheet name and $ signs, and rejects anything else', () => {
    expect(parseA1("'My sheet'!$B$3:$H$12")).toEqual({
      firstRow: 3,
      firstColumn: 1,
      lastRow: 12,
      lastColumn: 7,
    });
    expect(parseA1('C5')).toEqual({ firstRow: 5, firstColumn: 2, lastRow: 5, lastColumn: 2 });
    expect(parseA1('not a range')).toBeUndefined();
  });
});

describe('detectInitiativesTable', () => {
  const sheet: CellValue[][] = [
    ['Portfolio review', null, null, null, null, null],
    [null, null, null, null, null, null],
    ['Initiative', 'Cost', 'Value', null, 'Risk', 'Owner'],
    ['Alpha', 100, 5, null, 'R1', 'Ana'],
    ['Beta', 200, 8, null, 'R2', 'Ben'],
    [null, null, null, null, null, null],
  ];

  it('finds the header under title rows and takes the run of headers around it, not a table beside it', () => {
    const found = table(detectInitiativesTable('Plan', block(sheet), [], 'used range'));
    expect(found).toMatchObject({
      headerRow: 3,
      firstRow: 4,
      firstColumn: 0,
      tableRange: 'A3:C5',
      foundBy: 'used range',
    });
    expect(found.headers).toEqual(['Initiative', 'Cost', 'Value']);
    expect(found.rows).toEqual([
      ['Alpha', 100, 5],
      ['Beta', 200, 8],
    ]);
  });

  it('takes every column of a selection, wherever it starts on the sheet', () => {
    const selection = block(
      sheet.slice(2, 5).map((row) => row.slice(4)),
      3,
      4,
    );
    const found = table(detectInitiativesTable('Plan', selection, [], 'selection'));
    expect(found).toMatchObject({ headerRow: 3, firstColumn: 4, tableRange: 'E3:F5' });
    expect(found.headers).toEqual(['Risk', 'Owner']);
  });

  it('passes over an Excel table with no Initiatives column and reads the sheet by its headers instead', () => {
    const values: CellValue[][] = [
      ['Resource', 'Hours per week', null, 'Initiative', 'Cost'],
      ['Ana', 40, null, 'Alpha', 100],
    ];
    const found = table(
      detectInitiativesTable(
        'S',
        block(values),
        [{ name: 'Resources', firstRow: 1, firstColumn: 0, rowCount: 2, columnCount: 2 }],
        'used range',
      ),
    );
    expect(found).toMatchObject({ foundBy: 'used range', tableRange: 'D1:E2' });
  });

  it('prefers an Excel table named like Initiatives over one with more matching headers', () => {
    const values: CellValue[][] = [
      ['Name', 'Cost', 'Business Value', null, 'Project', 'Budget'],
      ['A', 1, 2, null, 'P', 9],
    ];
    const found = table(
      detectInitiativesTable(
        'S',
        block(values),
        [
          { name: 'Table1', firstRow: 1, firstColumn: 0, rowCount: 2, columnCount: 3 },
          { name: 'tblBacklog', firstRow: 1, firstColumn: 4, rowCount: 2, columnCount: 2 },
        ],
        'used range',
      ),
    );
    expect(found).toMatchObject({ foundBy: 'excel table', tableName: 'tblBacklog', tableRange: 'E1:F2' });
  });

  it('says what was looked at when a sheet or a selection is empty', () => {
    expect(detectInitiativesTable('Notes', block([]), [], 'used range')).toEqual({
      kind: 'error',
      message:
        'Sheet "Notes" has no data. Open the sheet with your initiatives, or select the table and choose "Use current selection".',
    });
    expect(detectInitiativesTable('Notes', block([['Initiative', 'Cost']]), [], 'selection')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^The selection is a single row/),
    });
  });
});

describe('planWrite', () => {
  const base: CellValue[][] = [
    ['Initiative', 'Value'],
    ['A', 3],
    ['B', null],
  ];
  const area = (values: CellValue[][]) => block(values, 1, 0);
  const request = (overrides: Partial<WriteRequest> = {}): WriteRequest => ({
    sheet: 'S',
    headerRow: 1,
    lastRow: 3,
    firstColumn: 0,
    lastColumn: 1,
    headers: ['Initiative', 'Value'],
    columns: [
      { header: 'Score', values: [1.5, 'job size is blank'], numberFormat: '0.00' },
      { header: 'Rank', values: [1, ''], numberFormat: '0' },
    ],
    owned: [],
    onConflict: 'ask',
    fingerprint: tableFingerprint(base.slice(1), 2),
    ...overrides,
  });

  it('puts new columns right of the table, header first, text formatted as text', () => {
    const plan = planWrite(request(), area(base));
    expect(plan).toEqual({
      kind: 'plan',
      columns: [
        {
          column: 2,
          header: 'Score',
          values: ['Score', 1.5, 'job size is blank'],
          formats: ['@', '0.00', '@'],
        },
        { column: 3, header: 'Rank', values: ['Rank', 1, ''], formats: ['@', '0', '0'] },
      ],
      runs: [{ first: 1, count: 3 }],
    });
  });

  it('goes to the add-in’s own sheet, never skipping a column, when a cell right of the table is in its rows (issue 16.4)', () => {
    const values = base.map((row, r) => [...row, r === 2 ? 'note' : null, null, null]);
    expect(planWrite(request(), area(values))).toEqual({
      kind: 'elsewhere',
      reason: 'column C right of the table is not blank',
    });
    // A Budget label and its value one column over: Score would fit in C, but Rank would land on them.
    const budget = base.map((row, r) => [...row, null, ['Budget', 300000, null][r] ?? null]);
    expect(planWrite(request(), area(budget))).toEqual({
      kind: 'elsewhere',
      reason: 'column D right of the table is not blank',
    });
    // Beside a column the add-in wrote before, a new one needs the very next column too.
    const owned = base.map((row, r) => [
      ...row,
      ['Score', 1.5, null][r] ?? null,
      ['Budget', 1, null][r] ?? null,
    ]);
    expect(planWrite(request({ owned: [{ column: 2, header: 'Score' }] }), area(owned))).toEqual({
      kind: 'elsewhere',
      reason: 'column D right of the table is not blank',
    });
    // Blank right of the table, whatever lies further right: the columns go right after it.
    const far = base.map((row, r) => [...row, null, null, r === 1 ? 'far note' : null]);
    const plan = planWrite(request(), area(far));
    expect(plan.kind === 'plan' && plan.columns.map((column) => column.column)).toEqual([2, 3]);
  });

  it('goes to the add-in’s own sheet when the table reaches the sheet’s last column XFD', () => {
    const wide = (width: number): CellValue[][] =>
      base.map((row, r) => [...row, ...Array.from({ length: width }, (_, c) => (r === 0 ? `H${c}` : c))]);
    // Columns A…XFC are the table's (16,383 columns): one result column would fit, two do not.
    const values = wide(16_381);
    const headers = (values[0] ?? []).map((cell) => String(cell));
    const fingerprint = tableFingerprint(values.slice(1), headers.length);
    const last = { lastColumn: headers.length - 1, headers, fingerprint };
    expect(planWrite(request(last), area(values))).toEqual({
      kind: 'elsewhere',
      reason: "the table reaches the sheet's last column",
    });
    const one = planWrite(request({ ...last, columns: request().columns.slice(0, 1) }), area(values));
    expect(one.kind === 'plan' && one.columns.map((column) => column.column)).toEqual([16_383]);
  });

  it('stops with the names of user columns it would overwrite, then overwrites or writes beside them as told', () => {
    // The user's own Score column is the table's last.
    const values = base.map((row, r) => [...row, ['Score', 'x', 'y'][r] ?? null]);
    const mine = {
      lastColumn: 2,
      headers: ['Initiative', 'Value', 'Score'],
      fingerprint: tableFingerprint(values.slice(1), 3),
    };
    expect(planWrite(request(mine), area(values))).toEqual({ kind: 'conflict', headers: ['Score'] });
    const overwrite = planWrite(request({ ...mine, onConflict: 'overwrite' }), area(values));
    expect(
      overwrite.kind === 'plan' && overwrite.columns.map((column) => [column.column, column.header]),
    ).toEqual([
      [2, 'Score'],
      [3, 'Rank'],
    ]);
    const beside = planWrite(request({ ...mine, onConflict: 'new-columns' }), area(values));
    expect(beside.kind === 'plan' && beside.columns.map((column) => [column.column, column.header])).toEqual([
      [3, 'Score (PMO)'],
      [4, 'Rank'],
    ]);
  });

  it('rewrites its own columns in place, renamed ones included, without asking', () => {
    const values = base.map((row, r) => [
      ...row,
      ['Score', 'x', 'y'][r] ?? null,
      ['Score (PMO)', 1, 2][r] ?? null,
      ['Rank', 1, 2][r] ?? null,
    ]);
    const owned = [
      { column: 3, header: 'Score (PMO)' },
      { column: 4, header: 'Rank' },
    ];
    const plan = planWrite(request({ owned }), area(values));
    expect(plan.kind === 'plan' && plan.columns.map((column) => [column.column, column.header])).toEqual([
      [3, 'Score (PMO)'],
      [4, 'Rank'],
    ]);
  });

  it('does not trust a remembered column whose header the user has changed', () => {
    const values = base.map((row, r) => [...row, ['Notes', 'x', 'y'][r] ?? null]);
    expect(planWrite(request({ owned: [{ column: 2, header: 'Score' }] }), area(values))).toEqual({
      kind: 'elsewhere',
      reason: 'column C right of the table is not blank',
    });
  });

  it('refuses to write when the table’s headers changed since it was read', () => {
    const values = [['Initiative', 'Benefit'], ...base.slice(1)];
    expect(planWrite(request(), area(values))).toEqual({
      kind: 'stale',
      reason: 'column B was headed "Value" and is now "Benefit"',
    });
  });

  it('refuses to write when the rows were sorted or edited since they were read (results would land on the wrong rows)', () => {
    const sorted = [base[0] ?? [], base[2] ?? [], base[1] ?? []];
    expect(planWrite(request(), area(sorted))).toMatchObject({ kind: 'stale' });
    const edited = base.map((row, r) => (r === 2 ? ['B', 4] : row));
    expect(planWrite(request(), area(edited))).toMatchObject({ kind: 'stale' });
    // A blank read as null or as '' is the same blank; cells right of the table are not part of it.
    const same = base.map((row) => [...row.map((cell) => cell ?? ''), 'note']);
    expect(planWrite(request(), area(same))).toMatchObject({ kind: 'elsewhere' });
  });
});

describe('the saved settings', () => {
  it('fall back to the defaults for missing, damaged or foreign JSON', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('[1, 2]')).toEqual(DEFAULT_SETTINGS);
    expect(
      parseSettings(
        '{"method": "magic", "criteria": [{"header": 3}], "judgements": [{"a": "x", "b": "y", "value": -1}]}',
      ),
    ).toEqual(DEFAULT_SETTINGS);
  });

  it('survive a round trip through JSON', () => {
    const settings: PanelSettings = {
      ...DEFAULT_SETTINGS,
      source: { kind: 'range', sheet: 'Plan', address: 'B3:H12' },
      method: 'ahp',
      criteria: [{ header: 'Risk', direction: 'min', weight: 2 }],
      judgements: [{ a: 'Value', b: 'Risk', value: 1 / 3 }],
      budget: 'CHF 1.2M',
      must: ['I-04'],
    };
    expect(
      parseSettings(
        JSON.stringify(withWrittenColumns(settings, 'Plan', 3, [{ column: 8, header: 'Score' }])),
      ),
    ).toEqual(withWrittenColumns(settings, 'Plan', 3, [{ column: 8, header: 'Score' }]));
  });
});

describe('computeRanking', () => {
  const headers = [
    'ID',
    'Initiative',
    'Cost',
    'BV',
    'TC',
    'RR/OE',
    'Job Size',
    'Reach',
    'Impact',
    'Confidence',
    'Effort',
  ];
  const rows: CellValue[][] = [
    ['A', 'Alpha', 100, 8, 5, 13, 5, 450, 'massive', '80%', 2],
    ['B', 'Beta', '$200', 3, 8, 2, 3, 1200, 'low', 'high', 4],
    [null, null, null, null, null, null, null, null, null, null, null],
    ['C', 'Gamma', 150, 5, 5, 5, null, 300, 2, 0.5, 0],
  ];
  const found: SheetTable = {
    kind: 'table',
    sheet: 'Backlog',
    foundBy: 'used range',
    tableName: '',
    tableRange: 'A1:K5',
    headerRow: 1,
    firstRow: 2,
    firstColumn: 0,
    headers,
    rows,
  };
  const column = (index: number) => [[headers[index] ?? ''], ...rows.map((row) => [row[index] ?? null])];
  const call = (name: string, args: unknown[]) => {
    const spec = findFunction(name);
    if (!spec) throw new Error(name);
    const result = invoke(spec, args);
    if (isPmoError(result)) throw new Error(result.message);
    return result.slice(1).map((row) => row[0]);
  };
  const ranked = (settings: Partial<PanelSettings>): Ranking => {
    const result = computeRanking(found, { ...DEFAULT_SETTINGS, ...settings }, []);
    if (result.kind !== 'ranking') throw new Error(result.message);
    return result;
  };
  const text = (cell: unknown) => (isPmoError(cell) ? cell.message : cell);

  it('says what is missing before it can rank', () => {
    expect(computeRanking(found, DEFAULT_SETTINGS, [])).toMatchObject({
      kind: 'blocked',
      message: expect.stringMatching(/^Choose at least one criterion/),
    });
    expect(computeRanking(found, { ...DEFAULT_SETTINGS, method: 'wsjf' }, [])).toMatchObject({
      kind: 'blocked',
      message: 'Choose the Business value, Time criticality, RR/OE, Job size columns.',
    });
  });

  it('scores WSJF and RICE exactly as the WSJF and RICE cell functions do, reasons included', () => {
    const wsjf = ranked({ method: 'wsjf', wsjf: ['BV', 'TC', 'RR/OE', 'Job Size'] });
    expect(wsjf.output[0]?.values).toEqual(
      call('WSJF', [column(3), column(4), column(5), column(6)]).map(text),
    );
    expect(wsjf.output[0]?.values[3]).toBe('job size is blank');
    const rice = ranked({ method: 'rice', rice: ['Reach', 'Impact', 'Confidence', 'Effort'] });
    expect(rice.output[0]?.values).toEqual(
      call('RICE', [column(7), column(8), column(9), column(10)]).map(text),
    );
    expect(rice.issues).toEqual(['Row 5 (Gamma): effort must be > 0; not ranked.']);
  });

  it('leaves a total row out of the scoring and says so', () => {
    const withTotal: SheetTable = {
      ...found,
      rows: [...rows, [null, 'Grand Total', 450, 16, 18, 20, 8, null, null, null, null]],
    };
    const result = computeRanking(
      withTotal,
      { ...DEFAULT_SETTINGS, method: 'wsjf', wsjf: ['BV', 'TC', 'RR/OE', 'Job Size'] },
      [],
    );
    if (result.kind !== 'ranking') throw new Error(result.message);
    expect(result.output[0]?.values.slice(0, 4)).toEqual(
      call('WSJF', [column(3), column(4), column(5), column(6)]).map(text),
    );
    expect(result.output[0]?.values[4]).toBe('');
    expect(result.issues).toContain('Row 6: a total row; not ranked.');
  });

  it('selects exactly as SELECT does, beside a greedy waterline, and keeps blank rows blank', () => {
    const result = ranked({
      method: 'wsjf',
      wsjf: ['BV', 'TC', 'RR/OE', 'Job Size'],
      costColumn: 'Cost',
      budget: '250',
      must: ['B'],
    });
    const scores = result.output[0]?.values.filter((value) => typeof value === 'number') ?? [];
    const selected = call('SELECT', [
      [['Cost'], [100], ['$200']],
      [['Score'], ...scores.map((score) => [score])],
      250,
      [['Must'], [false], [true]],
    ]);
    expect(result.output[2]?.values).toEqual([...selected, '', '']);
    expect(result.output[1]?.values).toEqual([1, 2, '', '']);
    expect(result.selection).toMatchObject({ budget: 250, exact: { count: 1, cost: 200 } });
  });
});
