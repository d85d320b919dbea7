// `pmo dashboard` end to end: the sample and messy workbooks built here get a correct dashboard sheet, the
// input file and every original sheet stay unchanged, and the figures match the cell functions.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { summaryLines } from '../../cli/dashboard-summary';
import { readWorkbook, type Sheet, type Workbook } from '../../cli/xlsx';
import { parseA1 } from '../../core/a1';
import { DASHBOARD_MARKER, PMO_DATA_MARKER } from '../../core/dashboard/plan';
import { invoke } from '../../core/functions/invoke';
import { UTILIZATION } from '../../core/functions/utilization-functions';
import { findTables } from '../../core/workbook';
import { d } from '../helpers';
import {
  coreDashboardOf,
  NEUTRAL_BUILT_FROM,
  NEUTRAL_TODAY,
  neutralNamesWorkbook,
} from '../hosts/dashboard-checks';
import { runPmo } from './run-pmo';

const folder = mkdtempSync(join(tmpdir(), 'pmo-dashboard-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const SAMPLE = join(import.meta.dirname, '../../examples/pmo-sample.xlsx');

const run = runPmo;

function read(path: string): Workbook {
  const workbook = readWorkbook(new Uint8Array(readFileSync(path)));
  if (workbook.kind !== 'workbook') throw new Error(workbook.message);
  return workbook;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
/** The user's sheets: neither the dashboard nor the hidden PMO Data sheet holding its history. */
const userSheets = (workbook: Workbook) =>
  workbook.sheets.filter(
    (sheet) => sheet.rows[0]?.[0] !== DASHBOARD_MARKER && sheet.rows[0]?.[0] !== PMO_DATA_MARKER,
  );
const snapshot = (sheets: readonly Sheet[]) =>
  sheets.map((sheet) => ({
    name: sheet.name,
    firstRow: sheet.firstRow,
    rows: sheet.rows,
    merges: sheet.merges,
  }));

describe('pmo dashboard on the sample workbook', () => {
  const output = join(folder, 'sample-dashboard.xlsx');
  const again = join(folder, 'sample-dashboard-2.xlsx');

  it('writes a copy with the dashboard, leaving the input file and every original sheet unchanged', async () => {
    const before = sha(SAMPLE);
    const result = await run(['dashboard', SAMPLE, '-o', output, '--today', '2026-11-27']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('added the sheet "PMO Dashboard"');
    expect(result.stdout).toContain('Initiatives: 12, ranked by WSJF');
    expect(sha(SAMPLE)).toBe(before);
    const original = read(SAMPLE);
    const built = read(output);
    // The hidden PMO Data sheet, holding the build history, then the dashboard the file opens on.
    expect(built.sheets.map((sheet) => sheet.name)).toEqual([
      ...original.sheets.map((sheet) => sheet.name),
      'PMO Data',
      'PMO Dashboard',
    ]);
    expect(built.sheets.find((sheet) => sheet.name === 'PMO Data')?.hidden).toBe(true);
    expect(snapshot(userSheets(built))).toEqual(snapshot(original.sheets));
  });

  it('rebuilds in place: still one dashboard sheet, user sheets byte-for-byte the same parts', async () => {
    const third = join(folder, 'sample-dashboard-3.xlsx');
    const result = await run(['dashboard', output, '-o', again, '--today', '2026-11-27']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('rebuilt the sheet "PMO Dashboard"');
    expect((await run(['dashboard', again, '-o', third, '--today', '2026-11-27'])).code).toBe(0);
    const first = unzipSync(new Uint8Array(readFileSync(output)));
    const second = unzipSync(new Uint8Array(readFileSync(again)));
    const last = unzipSync(new Uint8Array(readFileSync(third)));
    // From the second build on the trend chart is there: the third build has the same parts as the second.
    expect(Object.keys(last).sort()).toEqual(Object.keys(second).sort());
    for (const part of Object.keys(first).filter((name) => /^xl\/worksheets\/sheet[1-5]\.xml$/.test(name))) {
      expect(Buffer.from(last[part] ?? []).equals(Buffer.from(first[part] ?? [])), part).toBe(true);
    }
    const sheets = read(third).sheets;
    expect(sheets.filter((sheet) => sheet.name.startsWith('PMO Dashboard'))).toHaveLength(1);
    expect(sheets.filter((sheet) => sheet.name.startsWith('PMO Data'))).toHaveLength(1);
  });

  it('carries the build history forward: ten builds in place keep ten rows on PMO Data and one dashboard', async () => {
    const book = join(folder, 'history.xlsx');
    writeFileSync(book, readFileSync(SAMPLE));
    const original = read(book);
    for (let n = 0; n < 10; n++) {
      const result = await run(['dashboard', book, '--in-place', '--today', '2026-11-27']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const built = read(book);
    expect(built.sheets.map((sheet) => sheet.name)).toEqual([
      ...original.sheets.map((sheet) => sheet.name),
      'PMO Data',
      'PMO Dashboard',
    ]);
    expect(snapshot(userSheets(built))).toEqual(snapshot(original.sheets));
    const data = built.sheets.find((sheet) => sheet.name === 'PMO Data');
    const title = data?.rows.findIndex((row) => row[0] === 'Build history') ?? -1;
    expect(data?.rows[title + 1]?.slice(0, 3)).toEqual([
      'Built',
      'Average utilization',
      'Overallocated resource-weeks',
    ]);
    expect(data?.rows.slice(title + 2).filter((row) => typeof row[0] === 'string')).toHaveLength(10);
    const dashboard = built.sheets.find((sheet) => sheet.name === 'PMO Dashboard');
    expect(dashboard?.rows.some((row) => row[0] === 'Trend over the last 10 builds')).toBe(true);
    // The title rows repeat on every printed page: one name scoped to the dashboard, kept through ten rebuilds.
    expect(built.names).toEqual([
      ...original.names,
      { name: '_xlnm.Print_Titles', ref: "'PMO Dashboard'!$1:$2", sheet: 'PMO Dashboard' },
    ]);
    const excel = await new ExcelJS.Workbook().xlsx.load(new Uint8Array(readFileSync(book)).buffer);
    expect(excel.getWorksheet('PMO Dashboard')?.pageSetup.printTitlesRow).toBe('1:2');
  });

  it('shows money in the sample’s own currency: its cost cells’ format, and euros in the tiles and notes', async () => {
    const excel = await new ExcelJS.Workbook().xlsx.load(new Uint8Array(readFileSync(output)).buffer);
    const sheet = excel.getWorksheet('PMO Dashboard');
    if (!sheet) throw new Error('no dashboard');
    const rows = sheet.getSheetValues() as unknown[][];
    const rowOf = (text: string) => rows.findIndex((row) => Array.isArray(row) && row[1] === text);
    // The format the sample's Cost column carries (ExcelJS reads `[$€-2]\\ #,##0` without its escape).
    const source = await new ExcelJS.Workbook().xlsx.load(new Uint8Array(readFileSync(SAMPLE)).buffer);
    const euro = source.getWorksheet('Initiatives')?.getCell('I2').numFmt;
    expect(euro).toMatch(/^\[\$€-2\]/);
    // The initiatives' costs and the top risks' exposure: the cell under each header, as the source column shows it.
    const initiatives = rowOf('Initiative');
    const cost = (rows[initiatives] ?? []).indexOf('Cost');
    expect(sheet.getCell(initiatives + 1, cost).numFmt).toBe(euro);
    const risks = rowOf('Risk');
    const exposure = (rows[risks] ?? []).indexOf('Exposure');
    expect(sheet.getCell(risks + 1, exposure).numFmt).toBe(euro);
    const texts = rows.flat().filter((value): value is string => typeof value === 'string');
    expect(texts).toContain('cost € 3,575,000 of € 4,000,000');
    expect(texts.some((text) => text.includes('fit the budget of € 4,000,000 (they cost € 3,575,000)'))).toBe(
      true,
    );
  });

  it('shows the same weekly utilization as PMO.UTILIZATION on the same sheets', () => {
    const workbook = read(output);
    const dashboard = workbook.sheets.find((sheet) => sheet.name === 'PMO Dashboard');
    if (!dashboard) throw new Error('no dashboard');
    const { tables } = findTables(userSheets(workbook));
    const start = d('2026-11-23');
    const expected = invoke(UTILIZATION, [
      tables.assignments?.grid,
      tables.resources?.grid,
      start,
      start + 83,
      'week',
      tables.timeOff?.grid,
      null,
    ]);
    if (!Array.isArray(expected)) throw new Error('UTILIZATION failed');
    const header = dashboard.rows.findIndex((row) => row[0] === 'Resource');
    expect(header).toBeGreaterThan(0);
    for (let r = 1; r < expected.length; r++) {
      const got = dashboard.rows[header + r] ?? [];
      const want = expected[r] ?? [];
      expect(got[0]).toBe(want[0]);
      want.slice(1).forEach((value, p) => {
        if (typeof value === 'number') expect(got[p + 1] as number).toBeCloseTo(value, 12);
        else if (value === '') expect(got[p + 1] ?? null).toBeNull();
        else expect(got[p + 1]).toBe('no capacity');
      });
    }
  });
});

/** A messy workbook: title rows, stacked group headers, merged cells, text numbers, no risk or initiative sheet. */
async function messyWorkbook(path: string, options: { userDashboard?: boolean } = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  if (options.userDashboard) {
    const mine = workbook.addWorksheet('PMO Dashboard');
    mine.getCell('A1').value = 'My own dashboard — hands off';
    mine.getCell('B2').value = 42;
  }
  const people = workbook.addWorksheet('People');
  people.getCell('A1').value = 'Capacity register';
  people.mergeCells('A1:D1');
  people.getCell('A2').value = 'Project Name: Apollo';
  people.getRow(4).values = ['Person', '', 'Capacity', ''];
  people.mergeCells('C4:D4');
  people.getRow(5).values = ['Employee', 'Role', 'Hrs/Wk', 'Availability'];
  people.getRow(6).values = ['Ana', 'PM', '40', '100%'];
  people.getRow(7).values = ['=cmd|evil', 'Dev', 32, '50%'];
  people.getRow(8).values = ['Total', '', 72, ''];
  const plan = workbook.addWorksheet('Resource Plan');
  plan.getRow(1).values = ['Assignee', 'Project', 'Start', 'Finish', 'Allocation %'];
  plan.getRow(2).values = ['Ana', 'Apollo', '2026-11-23', '2027-01-29', '50%'];
  plan.getRow(3).values = [
    '=cmd|evil',
    'Apollo',
    new Date(Date.UTC(2026, 10, 23)),
    new Date(Date.UTC(2027, 0, 29)),
    80,
  ];
  plan.getRow(4).values = ['Ana', 'Borealis', '1-Dec-26', '31-Dec-26', 'half'];
  await workbook.xlsx.writeFile(path);
}

describe('pmo dashboard on messy workbooks', () => {
  it('finds tables under title rows and stacked headers, says which are missing, and lists the issues', async () => {
    const input = join(folder, 'messy.xlsx');
    const output = join(folder, 'messy-dashboard.xlsx');
    await messyWorkbook(input);
    const result = await run(['dashboard', input, '-o', output, '--today', '2026-11-27']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Not found: Time off, Initiatives, Risks');
    expect(result.stdout).toContain('Resources: 2;');
    const dashboard = read(output).sheets.find((sheet) => sheet.name === 'PMO Dashboard');
    const rows = dashboard?.rows ?? [];
    const issue = rows.find((row) => row[0] === 'Resource Plan' && row[1] === 4);
    expect(issue?.[2]).toBe('Allocation %');
    // The Total row ends the People table (discovery lists it as not data): neither a resource nor an issue.
    expect(rows.some((row) => row[0] === 'People' && row[1] === 8)).toBe(false);
    // Ana: 50% of 8 h on each working day of the week of 23 Nov = 20 h of 40 h.
    const ana = rows.find((row) => row[0] === 'Ana');
    expect(ana?.[1]).toBeCloseTo(0.5, 12);
  });

  it('writes user text that looks like a formula as text, never as a formula', async () => {
    const output = join(folder, 'messy-dashboard.xlsx');
    const parts = unzipSync(new Uint8Array(readFileSync(output)));
    const sheetXml = Object.entries(parts)
      .filter(([name]) => name.startsWith('xl/worksheets/'))
      .map(([, bytes]) => strFromU8(bytes))
      .find((xml) => xml.includes('built by the PMO Toolkit'));
    expect(sheetXml).toBeDefined();
    expect(sheetXml).not.toMatch(/<f[\s>]/);
    const dashboard = read(output).sheets.find((sheet) => sheet.name === 'PMO Dashboard');
    expect(dashboard?.rows.some((row) => row[0] === '=cmd|evil')).toBe(true);
  });

  it('leaves a user sheet named "PMO Dashboard" alone and writes "PMO Dashboard (2)"', async () => {
    const input = join(folder, 'mine.xlsx');
    const output = join(folder, 'mine-dashboard.xlsx');
    await messyWorkbook(input, { userDashboard: true });
    const result = await run(['dashboard', input, '-o', output, '--today', '2026-11-27']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('added the sheet "PMO Dashboard (2)"');
    const built = read(output);
    const mine = built.sheets.find((sheet) => sheet.name === 'PMO Dashboard');
    expect(mine?.rows[0]?.[0]).toBe('My own dashboard — hands off');
    expect(built.sheets.find((sheet) => sheet.name === 'PMO Dashboard (2)')?.rows[0]?.[0]).toBe(
      DASHBOARD_MARKER,
    );
    expect(snapshot(userSheets(built))).toEqual(snapshot(read(input).sheets));
  });

  it('takes the budget from a cell named Budget', async () => {
    const input = join(folder, 'named-budget.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Portfolio');
    sheet.getRow(1).values = ['ID', 'Initiative', 'Cost', 'Score'];
    sheet.getRow(2).values = ['A', 'Alpha', 300, 9];
    sheet.getRow(3).values = ['B', 'Beta', 200, 5];
    sheet.getRow(4).values = ['C', 'Gamma', 200, 4];
    sheet.getCell('G1').value = 450;
    workbook.definedNames.add("'Portfolio'!$G$1", 'Budget');
    await workbook.xlsx.writeFile(input);
    const result = await run([
      'dashboard',
      input,
      '-o',
      join(folder, 'named-budget-out.xlsx'),
      '--today',
      '2026-11-27',
    ]);
    expect(result.code).toBe(0);
    // Best within 450: Alpha (300, 9) alone beats Beta + Gamma (400, 9) on cost at equal value.
    expect(result.stdout).toContain('Initiatives: 3, ranked by Score; 1 funded for 300 of a 450 budget');
  });

  it('refuses to overwrite its input and answers a CSV file with one line', async () => {
    const input = join(folder, 'mine.xlsx');
    expect((await run(['dashboard', input, '-o', input])).stderr).toBe(
      `pmo: ${input}: the output would overwrite the input: pick another file with -o, or use --in-place\n`,
    );
    const csv = join(folder, 'plan.csv');
    writeFileSync(csv, 'Resource,Start,End\nAna,2026-01-05,2026-01-09\n');
    // A .csv is read (test/cli/csv.test.ts); it cannot be updated in place.
    const result = await run(['dashboard', csv, '--in-place']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/csv/i);
  });
});

describe('pmo dashboard on a workbook whose sheets and table are named for nothing', () => {
  /** The host tests' workbook (test/hosts/dashboard-checks.ts) as an .xlsx, Table3 an Excel table. */
  async function writeNeutralWorkbook(path: string): Promise<void> {
    const seed = neutralNamesWorkbook();
    const workbook = new ExcelJS.Workbook();
    for (const { name, rows } of seed.sheets) {
      const sheet = workbook.addWorksheet(name);
      rows.forEach((row, r) => {
        row.forEach((value, c) => {
          if (value === null) return;
          const cell = sheet.getCell(r + 1, c + 1);
          if (typeof value !== 'object') cell.value = value;
          else if ('number' in value) {
            cell.value = value.number;
            cell.numFmt = value.format;
          } else {
            cell.value = new Date(`${value.date}T00:00:00Z`);
            cell.numFmt = 'yyyy-mm-dd';
          }
        });
      });
    }
    for (const { name, sheet, ref } of seed.excelTables ?? []) {
      const area = parseA1(ref);
      const rows = seed.sheets.find((candidate) => candidate.name === sheet)?.rows ?? [];
      if (!area) throw new Error(`bad table ref ${ref}`);
      const cells = rows
        .slice(area.firstRow - 1, area.lastRow)
        .map((row) => row.slice(area.firstColumn, area.lastColumn + 1));
      const [header = [], ...data] = cells;
      workbook.getWorksheet(sheet)?.addTable({
        name,
        ref: ref.split(':')[0] ?? ref,
        headerRow: true,
        columns: header.map((title) => ({ name: String(title) })),
        rows: data.map((row) => [...row]),
      });
    }
    await workbook.xlsx.writeFile(path);
  }

  it('prints the same figures as the core computes from the same cells, naming the cells it read', async () => {
    const input = join(folder, 'neutral.xlsx');
    const output = join(folder, 'neutral-dashboard.xlsx');
    await writeNeutralWorkbook(input);
    expect(read(input).sheets.find((sheet) => sheet.name === 'Sheet3')?.tables).toEqual([
      { name: 'Table3', ref: 'B4:G9' },
    ]);
    const result = await run(['dashboard', input, '-o', output, '--today', NEUTRAL_TODAY]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const core = coreDashboardOf(neutralNamesWorkbook(), true);
    const lines = result.stdout.split('\n');
    expect(lines.slice(1, 1 + summaryLines(core.summary).length)).toEqual(summaryLines(core.summary));
    expect(lines[1]).toBe(
      'Tables: Resources (Sheet2!A1:B4), Assignments (Sheet2!D1:H6), Initiatives (Sheet3!B4:G9), Risks (Sheet1!A5:E9)',
    );
    expect(lines[2]).toBe('Not found: Time off');
    const dashboard = read(output).sheets.find((sheet) => sheet.name === 'PMO Dashboard');
    const builtFrom = String(dashboard?.rows[1]?.[0]);
    expect(builtFrom.slice(builtFrom.indexOf(' from '))).toBe(
      NEUTRAL_BUILT_FROM.slice(NEUTRAL_BUILT_FROM.indexOf(' from ')),
    );
  });
});
