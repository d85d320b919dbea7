// CSV input (cli/csv.ts): the delimiter sniffed among comma, semicolon and tab; a byte-order mark; quoted fields
// with doubled quotes and line breaks; a decimal comma with semicolons; a .csv through every command (the
// dashboard as a new .xlsx); .xls refused.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  csvCell,
  readCsvSheet,
  readCsvWorkbook,
  sheetNameOf,
  sniffDelimiter,
  splitRecords,
} from '../../cli/csv';
import { runPmo } from './run-pmo';

const folder = mkdtempSync(join(tmpdir(), 'pmo-csv-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);

const run = runPmo;

describe('CSV parsing', () => {
  it('sniffs the delimiter among comma, semicolon and tab', () => {
    expect(sniffDelimiter('Resource,Hours\nAna,40\n')).toBe(',');
    expect(sniffDelimiter('Resource;Hours\nAna;37,5\n')).toBe(';');
    expect(sniffDelimiter('Resource\tHours\nAna\t40\n')).toBe('\t');
    // Commas inside quotes and inside decimal numbers do not fool it.
    expect(sniffDelimiter('"Name, full";Cost\n"Vogel, C.";1.200,50\n')).toBe(';');
    expect(sniffDelimiter('just one column\n')).toBe(',');
  });

  it('reads quoted fields with doubled quotes and line breaks, and CRLF, LF or CR line ends', () => {
    expect(splitRecords('a,"b ""quoted""","line\r\nbreak"\r\nc,d,e\rf,g,h\n', ',')).toEqual([
      ['a', 'b "quoted"', 'line\r\nbreak'],
      ['c', 'd', 'e'],
      ['f', 'g', 'h'],
    ]);
    expect(splitRecords('x,,\n', ',')).toEqual([['x', '', '']]);
  });

  it('makes plain numbers numbers, with a decimal comma when the delimiter is a semicolon', () => {
    expect(csvCell('40', ',')).toBe(40);
    expect(csvCell(' 37.5 ', ',')).toBe(37.5);
    expect(csvCell('1,5', ',')).toBe('1,5');
    expect(csvCell('37,5', ';')).toBe(37.5);
    expect(csvCell('1.200,50', ';')).toBe(1200.5);
    expect(csvCell('-0,25', ';')).toBe(-0.25);
    expect(csvCell('007', ',')).toBe('007');
    expect(csvCell('60%', ',')).toBe('60%');
    expect(csvCell('2027-01-04', ';')).toBe('2027-01-04');
    expect(csvCell('  ', ',')).toBeNull();
  });

  it('reads UTF-8 with or without a byte-order mark into a padded grid from the first row with a value', () => {
    const withBom = readCsvSheet(bytes('\ufeffRésumé;Heures\n\nZoë;37,5;\n\n'), 'équipe');
    const without = readCsvSheet(bytes('Résumé;Heures\n\nZoë;37,5;\n\n'), 'équipe');
    expect(withBom).toEqual(without);
    expect(withBom).toEqual({
      name: 'équipe',
      hidden: false,
      rows: [
        ['Résumé', 'Heures'],
        [null, null],
        ['Zoë', 37.5],
      ],
      firstRow: 1,
      merges: [],
      tables: [],
    });
    expect(readCsvSheet(bytes('\n\nA,B\n1,2\n'), 's').firstRow).toBe(3);
    expect(readCsvSheet(bytes(''), 's')).toMatchObject({ rows: [], firstRow: 1 });
  });

  it('refuses a file larger than one text can hold before decoding it, in one line', () => {
    // 512 MB of zeros: allocated, never decoded.
    const huge = new Uint8Array(2 ** 29);
    expect(readCsvWorkbook(huge, 'big')).toEqual({
      kind: 'workbook-error',
      message: 'too large to read: the file is over 511 MB, the most a CSV file can be',
    });
    expect(readCsvWorkbook(bytes('A,B\n1,2\n'), 'small').kind).toBe('workbook');
  });

  it('names the sheet after the file, as Excel allows', () => {
    expect(sheetNameOf('Resource Plan')).toBe('Resource Plan');
    expect(sheetNameOf('plan[2027]: Q1?')).toBe('plan_2027__ Q1_');
    expect(sheetNameOf('a'.repeat(40))).toHaveLength(31);
    expect(sheetNameOf("''")).toBe('Sheet1');
  });
});

describe('a .csv file through the commands', () => {
  const assignments = [
    'Resource;Project;Start;End;Allocation %',
    'Ana;"Portal; phase 1";2027-01-04;2027-01-29;50',
    'Ben;"Portal; phase 1";2027-01-04;2027-01-29;"37,5"',
  ].join('\r\n');

  it('pmo inspect reads it as one sheet named after the file', async () => {
    const path = join(folder, 'Assignments.csv');
    writeFileSync(path, `\ufeff${assignments}\r\n`);
    const result = await run(['inspect', path, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.tables).toEqual([
      {
        kind: 'assignments',
        sheet: 'Assignments',
        range: 'A1:E3',
        headerRows: [1],
        rows: 2,
        foundBy: 'sheet name',
        confidence: 1,
        columns: { resource: 'A', start: 'C', end: 'D', allocation: 'E', project: 'B' },
        skipped: [],
        used: true,
        people: 2,
        from: '2027-01-04',
        to: '2027-01-29',
      },
    ]);
    expect(report.notFound).toEqual(['resources', 'timeOff', 'initiatives', 'risks']);
  });

  it('pmo utilization reads a resources table from a .csv (and says which table is missing)', async () => {
    const path = join(folder, 'team.csv');
    writeFileSync(path, 'Resource\tHours per week\nAna\t40\nBen\t32\n');
    const result = await run(['utilization', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pmo: .*team\.csv: no Assignments table found/);
  });

  it('pmo utilization reads an assignments .csv alone: each person named is one full-time person, and it says so', async () => {
    const path = join(folder, 'Assignments.csv');
    writeFileSync(path, `${assignments}\r\n`);
    const result = await run(['utilization', path, '--no-color']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe(
      'Tables: Assignments (Assignments!A1:E3); no Time off table (no holidays or leave counted)',
    );
    expect(lines[2]).toBe(
      'No Resources table: each person the assignments name counts as one full-time person (40 h a week).',
    );
    // Ana at 50% and Ben at 37.5% of 40 h every week of January 2027.
    expect(result.stdout).toMatch(/^Ana\s+50\s+50\s+50\s+50$/m);
    expect(result.stdout).toMatch(/^Ben\s+38\s+38\s+38\s+38$/m);
  });

  it('pmo dashboard writes <name>-dashboard.xlsx holding the data sheet and the dashboard; --in-place is refused', async () => {
    const path = join(folder, 'Risks.csv');
    writeFileSync(path, 'Risk;Probability;Impact;Cost\nOutage;0,2;0,5;"1.200,50"\nVendor;0,4;0,3;500\n');
    const result = await run(['dashboard', path, '--today', '2027-01-04']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Risks: 2 (Extreme 0, High 0, Moderate 2, Low 0); total exposure 440');
    const output = join(folder, 'Risks-dashboard.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(output)).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Risks', 'PMO Data', 'PMO Dashboard']);
    expect(workbook.getWorksheet('Risks')?.getRow(2).values).toEqual([undefined, 'Outage', 0.2, 0.5, 1200.5]);
    const inPlace = await run(['dashboard', path, '--in-place']);
    expect(inPlace.code).toBe(1);
    expect(inPlace.stderr).toMatch(
      /^pmo: .*Risks\.csv: a \.csv file cannot hold the dashboard sheet: write a copy .*\n$/,
    );
  });

  it('an .xls file gets one line saying to save as .xlsx, whatever it holds', async () => {
    for (const [name, content] of [
      ['legacy.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
      ['report.xls', bytes('<html><table><tr><td>Resource</td></tr></table></html>')],
      ['export.xls', bytes('Resource\tHours\nAna\t40\n')],
    ] as const) {
      const path = join(folder, name);
      writeFileSync(path, content);
      for (const command of ['inspect', 'utilization', 'dashboard']) {
        const result = await run([command, path]);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(
          new RegExp(
            `^pmo: .*${name.replace('.', '\\.')}: \\.xls files are not supported: save as \\.xlsx\\n$`,
          ),
        );
      }
    }
  });
});
