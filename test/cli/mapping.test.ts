// The table mapping on the command line: `--table` and `--column` on every command that reads a workbook (one-line
// usage errors for bad values), `pmo inspect` reading the mapping saved on the hidden PMO Data sheet, and
// `pmo inspect --save` writing it into a copy (or --in-place with a .bak) without touching the input, a user's own
// "PMO Data" sheet, or — later — under `pmo dashboard`.

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PMO_DATA_MARKER } from '../../core/discovery/pmo-data';
import { read, sheetNamed } from './read-workbook';
import { runPmo } from './run-pmo';

const folder = mkdtempSync(join(tmpdir(), 'pmo-mapping-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const workbookAt = (path: string) => read(new Uint8Array(readFileSync(path)));

/** A team sheet discovery finds, and a risk log whose headers it does not know ("Odds", "Damage"). */
async function writeBook(path: string, extra?: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const team = workbook.addWorksheet('Team');
  team.addRows([
    ['Resource', 'Hours per week'],
    ['Ana', 40],
    ['Ben', 32],
  ]);
  const log = workbook.addWorksheet('Log');
  log.addRows([
    ['Project Phoenix: things that could go wrong'],
    [],
    ['Ref', 'What', 'Odds', 'Damage', 'Who'],
    ['R1', 'Vendor late', 4, 3, 'Ana'],
    ['R2', 'Key person leaves', 2, 5, 'Ben'],
    ['R3', 'Scope creep', 3, 3, 'Ana'],
  ]);
  extra?.(workbook);
  writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

const RISK_OPTIONS = [
  '--table',
  'risks=Log!A3:E6',
  '--column',
  'risks.id=A',
  '--column',
  'risks.title=B',
  '--column',
  'risks.probability=C',
  '--column',
  'risks.impact=D',
];

type Report = { tables: { kind: string; foundBy: string; confidence: number; range: string }[] };
const tableOf = (stdout: string, kind: string) =>
  (JSON.parse(stdout) as Report).tables.find((table) => table.kind === kind);

const book = join(folder, 'book.xlsx');
beforeAll(() => writeBook(book));

describe('--table and --column', () => {
  it('place a table discovery misses, found by option with confidence 1', async () => {
    const before = await runPmo(['inspect', book, '--json']);
    expect(tableOf(before.stdout, 'risks')).toBeUndefined();
    const result = await runPmo(['inspect', book, '--json', ...RISK_OPTIONS]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(tableOf(result.stdout, 'risks')).toMatchObject({
      foundBy: 'option',
      confidence: 1,
      range: 'A3:E6',
      rows: 3,
      columns: { id: 'A', title: 'B', probability: 'C', impact: 'D' },
    });
  });

  it('are taken by pmo utilization and pmo dashboard too', async () => {
    const planned = join(folder, 'planned.xlsx');
    await writeBook(planned, (workbook) => {
      workbook.addWorksheet('Plan').addRows([
        ['Resource', 'Start', 'End', 'Hours per week'],
        ['Ana', '2026-11-02', '2026-11-27', 20],
      ]);
    });
    const utilization = await runPmo(['utilization', planned, '--table', 'resources=Team!A1:B3']);
    expect(utilization.stderr).toBe('');
    expect(utilization.stdout).toContain('Resources (Team!A1:B3, as given)');
    const output = join(folder, 'book-dashboard.xlsx');
    const dashboard = await runPmo([
      'dashboard',
      book,
      '-o',
      output,
      '--today',
      '2026-11-27',
      ...RISK_OPTIONS,
    ]);
    expect(dashboard.stderr).toBe('');
    expect(dashboard.code).toBe(0);
    expect(dashboard.stdout).toMatch(/Risks: 3\b/);
  });

  it.each([
    [
      ['--table', 'risks=A3:E6'],
      'pmo: --table "risks=A3:E6": "A3:E6" is not a sheet and range: write it as "Risk Register!A2:J12"\n',
    ],
    [
      ['--table', 'risks'],
      'pmo: --table "risks": write it as kind="Sheet!A2:J12", e.g. --table risks="Risk Register!A2:J12"\n',
    ],
    [
      ['--table', 'riskz=Log!A3:E6'],
      'pmo: --table "riskz=Log!A3:E6": "riskz" is not a kind of table: use resources, assignments, timeOff, initiatives, risks\n',
    ],
    [
      ['--column', 'risks.odds=C'],
      /^pmo: --column "risks.odds=C": "odds" is not a column of risks: use id, title, /,
    ],
    [
      ['--column', 'risks.probability=4'],
      'pmo: --column "risks.probability=4": "4" is not a column: give its letters, e.g. D\n',
    ],
    [
      ['--column', 'probability=C'],
      'pmo: --column "probability=C": write it as kind.role=D, e.g. --column risks.probability=D\n',
    ],
    [
      ['--table', 'risks=Lag!A3:E6'],
      'pmo: risks: the workbook has no sheet "Lag" (its sheets: "Team", "Log")\n',
    ],
    [
      [...RISK_OPTIONS, '--column', 'risks.owner=F'],
      'pmo: risks.owner: column F is outside the range A3:E6\n',
    ],
    [
      ['--table', 'risks=Log!A3:E6', '--table', 'risks=Log!A3:E9'],
      "pmo: --table risks is given twice: give each kind's range once\n",
    ],
    [['--table'], 'pmo: --table needs a value, e.g. --table risks="Risk Register!A2:J12"\n'],
  ])('refuse %j with one line and exit code 1', async (options, message) => {
    for (const command of ['inspect', 'utilization', 'dashboard']) {
      const result = await runPmo([command, book, ...options]);
      expect(result.code, command).toBe(1);
      expect(result.stdout, command).toBe('');
      if (typeof message === 'string') expect(result.stderr, command).toBe(message);
      else expect(result.stderr, command).toMatch(message);
      expect(result.stderr.split('\n').length, command).toBe(2);
    }
  });
});

describe('pmo inspect --save', () => {
  const copy = join(folder, 'book-mapped.xlsx');

  it('writes a copy whose hidden PMO Data sheet holds the mapping, and leaves the input unchanged', async () => {
    const before = sha(book);
    const result = await runPmo(['inspect', book, '--save', '-o', copy, ...RISK_OPTIONS]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Saved the mapping of 2 tables in the hidden sheet "PMO Data"; the input file is unchanged.',
    );
    expect(result.stdout).toContain(`Wrote ${copy}`);
    expect(sha(book)).toBe(before);
    const written = workbookAt(copy);
    expect(written.sheets.map((sheet) => sheet.name)).toEqual(['Team', 'Log', 'PMO Data']);
    const data = sheetNamed(written, 'PMO Data');
    expect(data.hidden).toBe(true);
    expect(data.rows.slice(0, 6)).toEqual([
      [PMO_DATA_MARKER, null, null, null, null, null],
      [null, null, null, null, null, null],
      ['Table mapping', null, null, null, null, null],
      ['Kind', 'Sheet', 'Range', 'Header rows', 'Role', 'Column'],
      ['resources', 'Team', 'A1:B3', 1, null, null],
      ['resources', null, null, null, 'resource', 'A'],
    ]);
    const workbookXml = strFromU8(
      unzipSync(new Uint8Array(readFileSync(copy)))['xl/workbook.xml'] ?? new Uint8Array(),
    );
    expect(workbookXml).toMatch(/<sheet name="PMO Data" sheetId="\d+" state="hidden"/);
  });

  it('is read back by pmo inspect: the tables are found by mapping, with no option given', async () => {
    const result = await runPmo(['inspect', copy, '--json']);
    expect(result.stderr).toBe('');
    expect(tableOf(result.stdout, 'risks')).toMatchObject({
      foundBy: 'mapping',
      confidence: 1,
      range: 'A3:E6',
    });
    expect(tableOf(result.stdout, 'resources')).toMatchObject({ foundBy: 'mapping', range: 'A1:B3' });
  });

  it('is kept intact by pmo dashboard, which reads the tables by it', async () => {
    const output = join(folder, 'book-mapped-dashboard.xlsx');
    const result = await runPmo(['dashboard', copy, '-o', output, '--today', '2026-11-27']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Risks: 3\b/);
    // The mapping's rows read the same; the build's figures follow them in the history section.
    const before = sheetNamed(workbookAt(copy), 'PMO Data');
    const after = sheetNamed(workbookAt(output), 'PMO Data');
    const width = (rows: readonly (readonly unknown[])[]) => rows.map((row) => row.slice(0, 6));
    expect(width(after.rows.slice(0, before.rows.length))).toEqual(width(before.rows));
    expect(after.rows[before.rows.length + 1]?.[0]).toBe('Build history');
    expect(after.rows[before.rows.length + 3]?.[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(after.rows).toHaveLength(before.rows.length + 4);
    expect(after.hidden).toBe(true);
  });

  it('rewrites its own PMO Data sheet in place on a second save, with options over the saved mapping', async () => {
    const again = join(folder, 'book-mapped-again.xlsx');
    const result = await runPmo([
      'inspect',
      copy,
      '--save',
      '-o',
      again,
      '--column',
      'risks.impact=E',
      '--json',
    ]);
    expect(result.stderr).toContain('Saved the mapping of 2 tables in the hidden sheet "PMO Data"');
    expect(tableOf(result.stdout, 'risks')).toMatchObject({ foundBy: 'option', columns: { impact: 'E' } });
    const written = workbookAt(again);
    expect(written.sheets.map((sheet) => sheet.name)).toEqual(['Team', 'Log', 'PMO Data']);
    const reread = await runPmo(['inspect', again, '--json']);
    expect(tableOf(reread.stdout, 'risks')).toMatchObject({ foundBy: 'mapping', columns: { impact: 'E' } });
  });

  it("leaves a user's own PMO Data sheet alone and writes the mapping to PMO Data (2)", async () => {
    const own = join(folder, 'own.xlsx');
    await writeBook(own, (workbook) => {
      workbook.addWorksheet('PMO Data').addRows([['My own notes'], ['keep me']]);
    });
    const output = join(folder, 'own-mapped.xlsx');
    const result = await runPmo(['inspect', own, '--save', '-o', output]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('in the hidden sheet "PMO Data (2)"');
    const written = workbookAt(output);
    expect(sheetNamed(written, 'PMO Data').rows).toEqual([['My own notes'], ['keep me']]);
    expect(sheetNamed(written, 'PMO Data (2)').hidden).toBe(true);
  });

  it('writes <book>-mapping.xlsx beside the input by default, and refuses -o without --save', async () => {
    const result = await runPmo(['inspect', book, '--save']);
    expect(result.stderr).toBe('');
    expect(existsSync(join(folder, 'book-mapping.xlsx'))).toBe(true);
    const refused = await runPmo(['inspect', book, '-o', join(folder, 'x.xlsx')]);
    expect(refused).toMatchObject({
      code: 1,
      stderr: 'pmo: -o, --force and --in-place go with --save: pmo inspect book.xlsx --save -o out.xlsx\n',
    });
  });

  it('never overwrites the input: -o naming it is refused; --in-place keeps the previous version as .bak', async () => {
    const target = join(folder, 'in-place.xlsx');
    await writeBook(target);
    const original = readFileSync(target);
    const refused = await runPmo(['inspect', target, '--save', '-o', target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/the output would overwrite the input/);
    expect(readFileSync(target)).toEqual(original);
    const result = await runPmo(['inspect', target, '--save', '--in-place', ...RISK_OPTIONS]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Updated ${target} in place; the previous version is in-place.xlsx.bak`);
    expect(readFileSync(`${target}.bak`)).toEqual(original);
    expect(sheetNamed(workbookAt(target), 'PMO Data').hidden).toBe(true);
  });
});
