// `pmo inspect <file> [--json]`: the report's exact shape on the bundled sample, checked against the JSON Schema
// the README documents; the human table; exit codes; and `pmo dashboard` refusing a workbook with no PMO table.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { INSPECT_JSON_SCHEMA, inspectText } from '../../cli/inspect';
import { readWorkbook } from '../../cli/xlsx';
import { buildDashboard } from '../../core/dashboard/build';
import { rankInitiatives } from '../../core/dashboard/initiatives';
import { inspectWorkbook } from '../../core/inspect';
import { findTables, type SheetView } from '../../core/workbook';
import { SHAPES } from '../../examples/make-shapes';
import { schemaErrors } from './json-schema';
import { runPmo } from './run-pmo';

const folder = mkdtempSync(join(tmpdir(), 'pmo-inspect-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const SAMPLE = join(import.meta.dirname, '../../examples/pmo-sample.xlsx');

const run = runPmo;

describe('pmo inspect --json on the sample workbook', () => {
  it('prints one JSON report with all five kinds, exact for the Resources and Risks tables', async () => {
    const result = await run(['inspect', SAMPLE, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('\n')).toBe(true);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['file', 'tables', 'issues', 'notFound']);
    expect(report.file).toBe('pmo-sample.xlsx');
    expect(report.tables.map((table: { kind: string }) => table.kind)).toEqual([
      'resources',
      'assignments',
      'timeOff',
      'initiatives',
      'risks',
    ]);
    expect(report.notFound).toEqual([]);
    expect(report.tables[0]).toEqual({
      kind: 'resources',
      sheet: 'Resources',
      range: 'A3:G28',
      headerRows: [3],
      rows: 25,
      foundBy: 'sheet name',
      confidence: 1,
      columns: { resource: 'A', hoursPerWeek: 'D', availability: 'E', role: 'B', start: 'F', end: 'G' },
      skipped: [],
      used: true,
    });
    expect(report.tables[4]).toEqual({
      kind: 'risks',
      sheet: 'Risks',
      range: 'A1:M41',
      headerRows: [1],
      rows: 40,
      foundBy: 'sheet name',
      confidence: 1,
      columns: {
        id: 'A',
        title: 'B',
        category: 'C',
        owner: 'D',
        project: 'E',
        probability: 'F',
        impact: 'G',
        cost: 'I',
        costLow: 'H',
        costHigh: 'J',
        residualProbability: 'L',
        residualImpact: 'M',
      },
      skipped: [],
      used: true,
      // The sample rates in fractions: the default fraction bands, highest first.
      legend: [
        { level: 'Extreme', from: 0.35, to: 1 },
        { level: 'High', from: 0.15, to: 0.35 },
        { level: 'Moderate', from: 0.05, to: 0.15 },
        { level: 'Low', from: 0, to: 0.05 },
      ],
      levels: { Extreme: 17, High: 12, Moderate: 7, Low: 4 },
      exposure: 3_698_416.67,
    });
    // The sample's three deliberate Assignments problems, by sheet row and column letter.
    expect(report.issues).toEqual([
      {
        sheet: 'Assignments',
        row: 23,
        column: 'D',
        value: '2027-02-12',
        problem: 'end 2027-02-12 before start 2027-03-15: row left out',
      },
      {
        sheet: 'Assignments',
        row: 43,
        column: 'A',
        value: 'External - Contractor A',
        problem: 'resource not in the Resources table: row left out',
      },
      { sheet: 'Assignments', row: 70, column: 'A', value: '', problem: 'no resource: row left out' },
    ]);
  });

  it('says what it understood as the dashboard reads it: levels, exposure, ranking, people and horizon', async () => {
    const report = JSON.parse((await run(['inspect', SAMPLE, '--json'])).stdout);
    const workbook = readWorkbook(readFileSync(SAMPLE));
    if (workbook.kind !== 'workbook') throw new Error(workbook.message);
    const dashboard = buildDashboard({ sheets: workbook.sheets, today: 46_300, builtAt: 'now' });
    const ranked = rankInitiatives(
      findTables(workbook.sheets).tables.initiatives?.grid ?? [],
      1,
      undefined,
    )?.ranked.map((initiative) => initiative.name);
    const [, assignments, , initiatives, risks] = report.tables;
    expect(risks.levels).toEqual({ ...dashboard.summary.risksByLevel });
    expect(risks.exposure).toBeCloseTo(dashboard.summary.totalExposure ?? Number.NaN, 2);
    expect(initiatives.ranking).toEqual(ranked);
    expect(initiatives.ranking).toHaveLength(12);
    expect(assignments).toMatchObject({ people: 25, from: '2026-10-05', to: '2027-06-30' });
  });

  it('matches the JSON Schema the README documents', async () => {
    const report = JSON.parse((await run(['inspect', SAMPLE, '--json'])).stdout);
    expect(schemaErrors(report, INSPECT_JSON_SCHEMA)).toEqual([]);
    // The checker does catch a wrong shape.
    expect(
      schemaErrors({ ...report, tables: [{ kind: 'tasks' }] }, INSPECT_JSON_SCHEMA).length,
    ).toBeGreaterThan(5);
    expect(schemaErrors({ ...report, extra: 1 }, INSPECT_JSON_SCHEMA)).toEqual(['$: unexpected extra']);
  });

  it('is the schema the README shows', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const block = /JSON Schema of <code>pmo inspect --json<\/code>.*?```json\n(.*?)\n```/su.exec(readme)?.[1];
    expect(block).toBeDefined();
    expect(JSON.parse(block ?? '')).toEqual(INSPECT_JSON_SCHEMA);
  });

  it('prints a short table without --json', async () => {
    const result = await run(['inspect', SAMPLE]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('pmo-sample.xlsx: 5 PMO tables found');
    expect(lines[2]).toMatch(/^Kind +Sheet +Range +Rows +Found by +Conf\. +Columns$/);
    expect(lines[3]).toMatch(
      /^Resources +Resources +A3:G28 +25 +sheet name +1\.00 +resource=A hoursPerWeek=D$/,
    );
    expect(result.stdout).toContain('\nAssignments: 25 people booked 2026-10-05 to 2027-06-30\n');
    expect(result.stdout).toMatch(/\nInitiatives: ranked E-Invoicing Compliance, (?:[^,\n]+, ){4}… \(12\)\n/);
    expect(result.stdout).toContain('\nRisks: Extreme 17, High 12, Moderate 7, Low 4; exposure 3,698,417\n');
    expect(result.stdout).toContain('Data issues: 3\n  Assignments!D23 "2027-02-12": end 2027-02-12');
    expect(result.stdout.endsWith('Not found: none\n')).toBe(true);
  });
});

describe('pmo inspect: what it reports beyond the sample', () => {
  const sheet = (name: string, rows: SheetView['rows'], firstRow = 1): SheetView => ({
    name,
    rows,
    firstRow,
    tables: [],
  });

  it('lists a second table of a kind, then the unsure ones, as not used, after the tables used, in the schema', () => {
    const sprint = SHAPES.sprintCapacity?.[0];
    const plan = SHAPES.timePhased?.[0];
    if (!sprint || !plan) throw new Error('missing shapes');
    const report = inspectWorkbook('sprints.xlsx', [sprint, { ...sprint, name: 'CFA_Sprint-1' }, plan]);
    const entries = report.tables.map((table) => [table.kind, table.sheet, table.used, table.confidence]);
    expect(entries.slice(0, 3)).toEqual([
      ['resources', 'CFA_Sprint-2', true, 0.75],
      ['assignments', 'Resource Plan 2026', true, 0.75],
      ['resources', 'CFA_Sprint-1', false, 0.75],
    ]);
    // Each sprint calendar (Start Date, End Date, no person) looks a little like a plan: unsure, not used.
    expect(entries.slice(3)).toEqual([
      ['assignments', 'CFA_Sprint-2', false, 0.3],
      ['assignments', 'CFA_Sprint-1', false, 0.3],
    ]);
    expect(report.tables[1]?.columns.periods).toBe('C:F');
    expect(schemaErrors(report, INSPECT_JSON_SCHEMA)).toEqual([]);
    const text = inspectText(report);
    expect(text).toMatch(/^sprints\.xlsx: 2 PMO tables found\n/);
    expect(text).toMatch(
      /\nAlso found, not used \(a mapping with --table or the Tables view picks one\):\nResources +CFA_Sprint-1 +A5:F8 +3 +headers +0\.75 /,
    );
    expect(text).toMatch(/\nAssignments +CFA_Sprint-1 +A1:F3 +0 +headers +0\.30\*\n/);
  });

  it('finds initiatives by their headers under a title, ending at a footer line, by name or by headers alike', () => {
    const report = inspectWorkbook('book.xlsx', [
      sheet(
        'Sheet1',
        [
          ['Portfolio 2027', null, null],
          ['ID', 'Name', 'Score', 'Cost'],
          ['P-1', 'Alpha', 8, 100],
          ['P-2', 'Beta', '??', 50],
          [null, null, null, 'note'],
          ['Total', null, null, 150],
        ],
        4,
      ),
    ]);
    expect(report.tables).toEqual([
      {
        kind: 'initiatives',
        sheet: 'Sheet1',
        range: 'A5:D7',
        headerRows: [5],
        rows: 2,
        foundBy: 'headers',
        confidence: 0.8,
        columns: { id: 'A', name: 'B', score: 'C', cost: 'D' },
        skipped: [{ row: 8, reason: 'footer: the table ends above it' }],
        used: true,
        // P-2's score cannot be read, so only Alpha is ranked.
        ranking: ['Alpha'],
      },
    ]);
    expect(report.notFound).toEqual(['resources', 'assignments', 'timeOff', 'risks']);
    const named = inspectWorkbook('book.xlsx', [
      sheet('Backlog', [
        ['Portfolio 2027', null, null, null],
        ['ID', 'Name', 'Score', 'Cost'],
        ['P-1', 'Alpha', 8, 100],
        ['P-2', 'Beta', '??', 50],
        [null, null, null, 'note'],
        ['Total', null, null, 150],
      ]),
    ]);
    expect(named.tables[0]).toEqual({
      kind: 'initiatives',
      sheet: 'Backlog',
      range: 'A2:D4',
      headerRows: [2],
      rows: 2,
      foundBy: 'sheet name',
      confidence: 1,
      columns: { id: 'A', name: 'B', score: 'C', cost: 'D' },
      skipped: [{ row: 5, reason: 'footer: the table ends above it' }],
      used: true,
      ranking: ['Alpha'],
    });
    expect(named.issues).toEqual([
      { sheet: 'Backlog', row: 4, column: 'C', value: '??', problem: 'not a number: not ranked' },
    ]);
  });

  it('gives an Excel table its own columns and the risk reader’s cell error a row and a column', () => {
    const rows = [
      [null, null, null],
      [null, 'Risk', 'Probability', 'Impact'],
      [null, 'Outage', 0.2, 0.5],
      [null, 'Vendor', 'often-ish', 0.5],
    ];
    const report = inspectWorkbook('book.xlsx', [
      { name: 'Data', rows, firstRow: 1, tables: [{ name: 'tblRisks', ref: 'B2:D4' }] },
    ]);
    expect(report.tables[0]).toMatchObject({
      kind: 'risks',
      sheet: 'Data',
      range: 'B2:D4',
      headerRows: [2],
      rows: 2,
      foundBy: 'table name',
      columns: { title: 'B', probability: 'C', impact: 'D' },
    });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ sheet: 'Data', row: 4, column: 'C', value: 'often-ish' });
  });

  it('reports discovery’s confidence: 0.6 + 0.05 a matched column, + 0.2 for a sheet named for the kind', () => {
    const rows: SheetView['rows'] = [
      ['Resource', 'Start', 'End'],
      ['Ana', 45_719, 45_723],
    ];
    expect(inspectWorkbook('book.xlsx', [sheet('Sheet1', rows)]).tables[0]).toMatchObject({
      kind: 'timeOff',
      foundBy: 'headers',
      confidence: 0.75,
    });
    expect(inspectWorkbook('book.xlsx', [sheet('Time Off', rows)]).tables[0]).toMatchObject({
      kind: 'timeOff',
      foundBy: 'sheet name',
      confidence: 0.95,
    });
  });

  it("reports a scoring matrix's criteria as letters, in JSON and in the table for people", async () => {
    const report = inspectWorkbook('book.xlsx', [
      sheet('Prioritization Matrix', [
        [null, 'Rank', 'Project', 'ROI', 'Difficulty', 'Score'],
        [null, 1, 'Portal', 5, 3, 4.2],
        [null, 2, 'ERP', 4, 2, 3.4],
      ]),
    ]);
    expect(report.tables[0]).toMatchObject({
      kind: 'initiatives',
      columns: { name: 'C', score: 'F', criteria: ['D', 'E'] },
    });
    expect(inspectText(report)).toContain('criteria=D,E');
  });

  it('reports a sheet named like a kind whose headers do not fit at confidence 0.5, with the reason as an issue', () => {
    const report = inspectWorkbook('book.xlsx', [
      sheet('Risks', [
        ['Topic', 'Notes'],
        ['a', 'b'],
      ]),
    ]);
    expect(report.tables[0]).toMatchObject({ kind: 'risks', rows: 0, confidence: 0.5, columns: {} });
    expect(report.issues[0]?.problem).toMatch(/no Probability column/);
    expect(report.issues[0]).toMatchObject({ sheet: 'Risks', row: 1, column: '' });
  });
});

describe('pmo inspect, pmo utilization and pmo dashboard on a plan kept one sheet per month', () => {
  async function monthSheets(): Promise<string> {
    const path = join(folder, 'months.xlsx');
    const workbook = new ExcelJS.Workbook();
    for (const sheet of SHAPES.sheetPerMonth ?? [])
      workbook.addWorksheet(sheet.name).addRows([...sheet.rows]);
    writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
    return path;
  }

  it('reports one table over the month sheets and reads each month from its sheet', async () => {
    const path = await monthSheets();
    const inspect = await run(['inspect', path]);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toMatch(/\nAssignments +Jan2026 +A1:G6 +10 +headers /);
    expect(inspect.stdout).toContain(
      'Assignments: one sheet per period (Jan2026, Feb2026, Mar2026); 3 people booked 2026-01-01 to 2026-03-31',
    );
    expect(inspect.stdout).toContain('Feb2026!B3 "half": ');
    const months = await run(['utilization', path, '--period', 'month']);
    expect(months.code).toBe(0);
    expect(months.stdout).toContain(
      'Tables: Assignments (one sheet per period, Jan2026 to Mar2026: 3 sheets)',
    );
    expect(months.stdout).toMatch(/\nAna +100 +120 +50\n/);
    expect(months.stdout).toMatch(/\nCleo +100 +100 +100\n/);
  });
});

describe('exit codes', () => {
  async function noTables(): Promise<string> {
    const path = join(folder, 'notes.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['Meeting', 'Date']);
    workbook.getWorksheet('Notes')?.addRow(['Kick-off', '2027-01-04']);
    writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
    return path;
  }

  it('inspect exits 0 on a workbook with no PMO table and says nothing was found', async () => {
    const result = await run(['inspect', await noTables()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('notes.xlsx: 0 PMO tables found');
    expect(result.stdout).toContain('Not found: Resources, Assignments, Time off, Initiatives, Risks');
    const json = JSON.parse((await run(['inspect', await noTables(), '--json'])).stdout);
    expect(json).toEqual({
      file: 'notes.xlsx',
      tables: [],
      issues: [],
      notFound: ['resources', 'assignments', 'timeOff', 'initiatives', 'risks'],
    });
  });

  it('dashboard exits 1 with one line when it found nothing to build from, and writes nothing', async () => {
    const path = await noTables();
    const output = join(folder, 'notes-dashboard.xlsx');
    const result = await run(['dashboard', path, '-o', output]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^pmo: .*notes\.xlsx: no PMO tables found .*pmo inspect shows what was seen\n$/,
    );
    expect(existsSync(output)).toBe(false);
  });

  it('inspect exits 1 with one line when the file cannot be read, and on an unknown option', async () => {
    const missing = await run(['inspect', join(folder, 'nope.xlsx')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^pmo: .*nope\.xlsx: no such file\n$/);
    const option = await run(['inspect', SAMPLE, '--yaml']);
    expect(option.code).toBe(1);
    expect(option.stderr).toBe('pmo: unknown option --yaml: see pmo --help\n');
    const none = await run(['inspect']);
    expect(none.stderr).toBe('pmo: which workbook? usage: pmo inspect <book.xlsx> [--json]\n');
  });
});
