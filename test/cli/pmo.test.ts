import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliIo, main } from '../../cli/pmo';
import { version } from '../../package.json';

const folder = mkdtempSync(join(tmpdir(), 'pmo-cli-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(
  argv: readonly string[],
  options: { tty?: boolean; env?: Record<string, string> } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
      isTTY: options.tty ?? false,
      columns: 200,
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
    },
    env: options.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const utcDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * A small team workbook. Resources sit under a merged title row on a sheet called "Team"; the time off is on
 * a sheet called "Holidays". The expected figures are worked out by hand in the test below.
 */
async function writeTeamWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const team = workbook.addWorksheet('Team');
  team.getCell('A1').value = 'Team plan Q1 2027';
  team.mergeCells('A1:E1');
  team.getRow(3).values = ['Resource', 'Hours per week', 'Availability', 'Start Date', 'End Date'];
  team.getRow(4).values = ['Ana', 40];
  team.getRow(5).values = ['Ben', 32, 0.5];
  team.getRow(6).values = ['Cleo', 40, null, utcDay('2027-01-13')];
  team.getRow(7).values = ['Dan', 40, null, null, utcDay('2027-01-08')];

  const plan = workbook.addWorksheet('Assignments');
  plan.addRow(['Resource', 'Project', 'Start', 'End', 'Hours per week', 'Allocation %', 'Total Hours']);
  plan.addRow(['Ana', 'Portal', utcDay('2027-01-04'), utcDay('2027-01-22'), 40]);
  plan.addRow(['Ana', 'ERP', utcDay('2027-01-11'), utcDay('2027-01-15'), null, 50]);
  plan.addRow(['Ben', 'Data', utcDay('2027-01-04'), utcDay('2027-01-15'), null, null, 40]);
  plan.addRow(['Cleo', 'ERP', utcDay('2027-01-11'), utcDay('2027-01-22'), 20]);
  plan.addRow(['Dan', 'Portal', utcDay('2027-01-11'), utcDay('2027-01-15'), 10]);
  plan.addRow(['Zed', 'Portal', utcDay('2027-01-04'), utcDay('2027-01-08'), 10]);
  plan.addRow([null, 'Portal', utcDay('2027-01-04'), utcDay('2027-01-08'), 10]);

  const holidays = workbook.addWorksheet('Holidays');
  holidays.addRow(['Resource', 'Start', 'End', 'Hours', 'Reason']);
  holidays.addRow(['All', utcDay('2027-01-06'), null, null, 'Epiphany']);
  holidays.addRow(['Ana', utcDay('2027-01-18'), utcDay('2027-01-19'), null, 'Leave']);
  writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** The cells of the heatmap row that starts with `label` (plain text). */
function rowOf(output: string, label: string): string[] {
  const line = output.split('\n').find((candidate) => candidate.startsWith(`${label} `));
  return line === undefined ? [] : line.slice(label.length).trim().split(/\s+/);
}

describe('pmo utilization', () => {
  const book = join(folder, 'team.xlsx');
  const ready = writeTeamWorkbook(book);
  /** The three weeks the worked example below covers, without colours. */
  const threeWeeks = ['utilization', book, '--from', '2027-01-04', '--to', '2027-01-24', '--no-color'];

  it('prints the utilization of each resource and week as worked out from DESIGN §5', async () => {
    await ready;
    const result = await run(threeWeeks);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Contracted days: 8 h (40 h/week ÷ 5); Ben 6.4 h at 50% availability = 3.2 h of capacity a day.
    // Wed 2027-01-06 is a holiday for all (a full day off: no capacity and no rate-based load); Ana is off
    // Mon 18 and Tue 19. Cleo is employed from Wed 13, Dan until Fri 8 (load outside employment still counts).
    //
    // Week of 01-04 (4 working days after the holiday):
    //   Ana  load 4 × 8 = 32, capacity 4 × 8 = 32                  → 100%
    //   Ben  40 total hours over the 9 working days of 4–15 Jan that are not full days off = 4.44 h/day;
    //        load 4 × 4.44 = 17.78, capacity 4 × 3.2 = 12.8        → 139%
    //   Cleo nothing, not yet employed                              → –
    //   Dan  load 0, capacity 4 × 8 = 32                            → 0%
    //   Total (32 + 17.78) ÷ (32 + 12.8 + 32) = 49.78 ÷ 76.8        → 65%
    // Week of 01-11:
    //   Ana  load 5 × 8 + 50% × 8 × 5 = 60, capacity 40             → 150%
    //   Ben  load 5 × 4.44 = 22.22, capacity 5 × 3.2 = 16           → 139%
    //   Cleo load 5 × 4 = 20, capacity Wed–Fri 3 × 8 = 24           → 83%
    //   Dan  load 5 × 2 = 10, capacity 0 (left on the 8th)          → n/c
    //   Total (60 + 22.22 + 20 + 10) ÷ (40 + 16 + 24 + 0) = 112.22 ÷ 80 → 140%
    //         (the average of the percentages shown would be 124%: the Total is Σ load ÷ Σ capacity)
    // Week of 01-18:
    //   Ana  load 3 × 8 = 24 (no load on her days off), capacity 24 → 100%
    //   Ben  no assignment, capacity 16                             → 0%
    //   Cleo load 20, capacity 40                                   → 50%
    //   Dan  nothing                                                → –
    //   Total (24 + 20) ÷ (24 + 16 + 40) = 44 ÷ 80                  → 55%
    expect(rowOf(result.stdout, 'Resource')).toEqual(['01-04', '01-11', '01-18']);
    expect(rowOf(result.stdout, 'Ana')).toEqual(['100', '150', '100']);
    expect(rowOf(result.stdout, 'Ben')).toEqual(['139', '139', '0']);
    expect(rowOf(result.stdout, 'Cleo')).toEqual(['–', '83', '50']);
    expect(rowOf(result.stdout, 'Dan')).toEqual(['0', 'n/c', '–']);
    expect(rowOf(result.stdout, 'Total')).toEqual(['65', '140', '55']);
  });

  it('prints a title with the file, the sheets used, the horizon and the basis', async () => {
    await ready;
    const { stdout } = await run(threeWeeks);
    const [title, tables] = stdout.split('\n');
    expect(title).toBe('team.xlsx: utilization by week, 2027-01-04 to 2027-01-24 (3 weeks), basis all');
    expect(tables).toBe(
      'Tables: Resources (Team!A3:E7), Assignments (Assignments!A1:G8), Time off (Holidays!A1:E3)',
    );
  });

  it('counts the overallocated resource-weeks (strictly above 100%, or load without capacity)', async () => {
    await ready;
    const { stdout } = await run(threeWeeks);
    // Ben in weeks 1 and 2, Ana in week 2, Dan (no capacity) in week 2; Ana's 100% weeks are not above.
    expect(stdout).toContain(
      'Overallocated resource-weeks (above 100%): 4, across 3 resources: Ana 1, Ben 2, Dan 1.',
    );
  });

  it('lists the rows it left out with their sheet row numbers', async () => {
    await ready;
    const { stdout } = await run(['utilization', book, '--no-color']);
    const issueLines = stdout.split('\n').filter((line) => line.startsWith('Assignments'));
    expect(issueLines.map((line) => line.split(/\s{2,}/))).toEqual([
      ['Assignments', '7', 'Resource', 'Zed', 'resource not in the Resources table: row left out'],
      ['Assignments', '8', 'Resource', 'no resource: row left out'],
    ]);
    expect(stdout).toContain('Data issues: 2 rows left out of the calculation');
  });

  it('takes the horizon from the assignments when --from and --to are left out', async () => {
    await ready;
    const { stdout } = await run(['utilization', book, '--no-color']);
    expect(stdout.split('\n')[0]).toBe(
      'team.xlsx: utilization by week, 2027-01-04 to 2027-01-24 (3 weeks), basis all',
    );
  });

  it('groups by month with --period month', async () => {
    await ready;
    const result = await run(['utilization', book, '--period', 'month', '--no-color']);
    expect(result.code).toBe(0);
    expect(rowOf(result.stdout, 'Resource')).toEqual(['Jan']);
    expect(result.stdout).toContain('Overallocated resource-months');
  });

  it('colours the heatmap on a terminal, and not with --no-color, NO_COLOR or a pipe', async () => {
    await ready;
    const args = ['utilization', book];
    expect((await run(args, { tty: true })).stdout).toContain('\x1b[');
    expect((await run([...args, '--no-color'], { tty: true })).stdout).not.toContain('\x1b');
    expect((await run(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b');
    expect((await run(args, { tty: false })).stdout).not.toContain('\x1b');
  });
});

describe('pmo on bad input', () => {
  const expectOneLineError = (result: Run, pattern: RegExp) => {
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  };

  it('says a missing file does not exist', async () => {
    expectOneLineError(
      await run(['utilization', join(folder, 'nope.xlsx')]),
      /^pmo: .*nope\.xlsx: no such file\n$/,
    );
  });

  it('says .xls files are not supported', async () => {
    const path = join(folder, 'legacy.xls');
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    writeFileSync(path, bytes);
    expectOneLineError(
      await run(['utilization', path]),
      /legacy\.xls: \.xls files are not supported: save as \.xlsx\n$/,
    );
  });

  it('says a text file named .xlsx is not a workbook (a .csv is read: test/cli/csv.test.ts)', async () => {
    const path = join(folder, 'export.xlsx');
    writeFileSync(path, 'Resource,Start,End,Hours\nAna,2027-01-04,2027-01-08,10\n');
    expectOneLineError(
      await run(['utilization', path]),
      /export\.xlsx: CSV and text files are not supported/,
    );
  });

  it('says a file that is not a zip is not a workbook', async () => {
    const path = join(folder, 'photo.xlsx');
    writeFileSync(path, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    expectOneLineError(await run(['utilization', path]), /photo\.xlsx: not an \.xlsx workbook/);
  });

  it('says a zip without a workbook is not an Excel workbook', async () => {
    const path = join(folder, 'archive.xlsx');
    writeFileSync(path, zipSync({ 'notes.txt': strToU8('hello') }));
    expectOneLineError(await run(['utilization', path]), /archive\.xlsx: .*not an Excel workbook/);
  });

  it('says a folder is not a file', async () => {
    expectOneLineError(await run(['utilization', folder]), /is a folder, not a file/);
  });

  it('names the table that is missing and how to provide it', async () => {
    const path = join(folder, 'no-plan.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Resources').addRow(['Resource', 'Hours per week']);
    workbook.getWorksheet('Resources')?.addRow(['Ana', 40]);
    writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
    expectOneLineError(
      await run(['utilization', path]),
      /no Assignments table found: name a sheet Assignments \(or Allocations, Plan, Resource Plan\)/,
    );
  });

  it('rejects unknown options, bad dates, bad choices and a missing workbook argument', async () => {
    expectOneLineError(
      await run(['utilization', 'x.xlsx', '--frm', '2027-01-01']),
      /^pmo: unknown option --frm: see pmo --help\n$/,
    );
    expectOneLineError(
      await run(['utilization', 'x.xlsx', '--from', '2027-13-01']),
      /--from "2027-13-01" is not a date/,
    );
    expectOneLineError(await run(['utilization', 'x.xlsx', '--to']), /--to needs a value/);
    expectOneLineError(
      await run(['utilization', 'x.xlsx', '--from', '2027-03-01', '--to', '2027-01-31']),
      /^pmo: --to 2027-01-31 is before --from 2027-03-01\n$/,
    );
    expectOneLineError(
      await run(['utilization', 'x.xlsx', '--period', 'fortnight']),
      /--period "fortnight" is not one of week, month, day/,
    );
    expectOneLineError(await run(['utilization']), /which workbook\?/);
    expectOneLineError(await run(['forecast', 'x.xlsx']), /unknown command "forecast"/);
  });

  it('prints the help with --help (exit 0) and without arguments (exit 1, on stderr)', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('pmo utilization <book.xlsx>');
    expect(help.stdout).toContain('--from');
    const bare = await run([]);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('Usage:');
  });

  it('prints the package version with --version', async () => {
    const result = await run(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('pmo utilization on examples/pmo-sample.xlsx', () => {
  const sample = fileURLToPath(new URL('../../examples/pmo-sample.xlsx', import.meta.url));

  it.runIf(existsSync(sample))('prints a heatmap and the sample’s known data issues', async () => {
    const result = await run(['utilization', sample, '--no-color']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Tables: Resources (Resources!A3:G28), Assignments (Assignments!A1:J156), Time off ('Time Off'!A1:E25)",
    );
    expect(rowOf(result.stdout, 'Total').length).toBeGreaterThan(3);
    expect(result.stdout).toMatch(/Overallocated resource-weeks \(above 100%\): [1-9]/);
    const issues = result.stdout.split('\n').filter((line) => line.startsWith('Assignments '));
    expect(issues.some((line) => /no resource/.test(line))).toBe(true);
    expect(
      issues.some(
        (line) => line.includes('External - Contractor A') && /not in the Resources table/.test(line),
      ),
    ).toBe(true);
    expect(issues.some((line) => /before start/.test(line))).toBe(true);
  });
});
