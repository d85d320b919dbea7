// Bad files (issue 13): a password-protected workbook, other Office files named .xlsx, a workbook without
// worksheets, 200 sheets, a huge sheet. Every command that reads a workbook either works (the large files, within
// the reader's limits) or refuses the file with one line and exit code 1, never a stack trace; the input's bytes
// never change (test/cli/checked-run.ts checks both on every run). Truncated and random files: damaged.test.ts.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CELLS, MAX_PART_BYTES, MAX_TOTAL_BYTES, type ReadLimits } from '../../cli/xlsx';
import {
  lyingDimensionWorkbook,
  MANY_SHEETS_TABLES,
  manySheetsWorkbook,
  RowWriter,
  riskRows,
  tallRiskWorkbook,
  uniformRiskWorkbook,
  workbookOf,
} from './big-workbooks';
import { checkedRun, READING_COMMANDS, refusal } from './checked-run';
import { compoundFile, encryptedWorkbook } from './compound-files';
import { read } from './read-workbook';
import { buildZip, text, workbookEntries } from './zip-corpus';

const root = mkdtempSync(join(tmpdir(), 'pmo-bad-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let cases = 0;
/** Writes `bytes` as `name` in a folder of its own (so that a run's new files are its own); returns the path. */
function place(name: string, bytes: Uint8Array): string {
  const folder = join(root, `case-${++cases}`);
  mkdirSync(folder);
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

/** Runs every reading command on the file; each must refuse it with the same line, returned with `{file}`. */
async function refusedByAll(name: string, bytes: Uint8Array, limits?: ReadLimits): Promise<string> {
  const path = place(name, bytes);
  const lines = new Set<string>();
  for (const command of READING_COMMANDS) lines.add(refusal(await checkedRun(command, path, limits), path));
  expect(lines.size).toBe(1);
  return [...lines][0] ?? '';
}

const PASSWORD =
  'pmo: {file}: the workbook is password-protected: open it in Excel, remove the password ' +
  '(File › Info › Protect Workbook › Encrypt with Password, clear it), save, and run again';
const XLS = 'pmo: {file}: .xls files are not supported: save as .xlsx';

describe('a password-protected workbook (an OLE compound file holding EncryptionInfo and EncryptedPackage)', () => {
  it('is refused with one line saying how to remove the password', async () => {
    expect(await refusedByAll('book.xlsx', encryptedWorkbook())).toBe(PASSWORD);
  });

  it('also when its directory lies past the first megabyte (a large workbook; was called an .xls)', async () => {
    expect(await refusedByAll('large.xlsx', encryptedWorkbook(3 * 1024 * 1024))).toBe(PASSWORD);
    // Over 7 MB in 512-byte sectors, the FAT's sector list goes on in a DIFAT sector; or 4,096-byte sectors.
    expect(await refusedByAll('difat.xlsx', encryptedWorkbook(9 * 1024 * 1024))).toBe(PASSWORD);
    expect(await refusedByAll('v4.xlsx', encryptedWorkbook(9 * 1024 * 1024, 4096))).toBe(PASSWORD);
  });

  it('also named .xls, and when its directory cannot be followed but the stream names are in its bytes', async () => {
    expect(await refusedByAll('book.xls', encryptedWorkbook())).toBe(PASSWORD);
    const broken = encryptedWorkbook();
    new DataView(broken.buffer).setUint32(48, 0x00ffffff, true); // the directory's first sector: past the end
    expect(await refusedByAll('broken.xlsx', broken)).toBe(PASSWORD);
  });

  it('a legacy .xls (a compound file with a Workbook stream) keeps its line, by either name', async () => {
    const xls = compoundFile([{ name: 'Workbook', bytes: 5000 }, { name: '\u0005SummaryInformation' }]);
    expect(await refusedByAll('old.xls', xls)).toBe(XLS);
    expect(await refusedByAll('old.xlsx', xls)).toBe(XLS);
  });

  it('an old Word document renamed .xlsx is said to be one', async () => {
    const doc = compoundFile([
      { name: 'WordDocument', bytes: 5000 },
      { name: '1Table', bytes: 4096 },
    ]);
    expect(await refusedByAll('letter.xlsx', doc)).toBe(
      'pmo: {file}: this is a Word document (.doc), not an Excel workbook',
    );
  });
});

/** A zip package as Word or PowerPoint saves it: content types, the package relationship to the main part. */
function officePackage(main: string, rootXml: string) {
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: text(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.main+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`,
      ),
    },
    { name: main, data: text(`<?xml version="1.0"?>\n${rootXml}`) },
  ]);
}

describe('zip packages that are not Excel workbooks', () => {
  it('a Word document renamed .xlsx (it read as a workbook of no sheets: its main part was taken for one)', async () => {
    const docx = officePackage(
      'word/document.xml',
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
    );
    expect(await refusedByAll('report.xlsx', docx)).toBe(
      'pmo: {file}: this is a Word document, not an Excel workbook (it has no xl/workbook.xml)',
    );
  });

  it('a PowerPoint presentation renamed .xlsx', async () => {
    const pptx = officePackage(
      'ppt/presentation.xml',
      '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    );
    expect(await refusedByAll('deck.xlsx', pptx)).toBe(
      'pmo: {file}: this is a PowerPoint file, not an Excel workbook (it has no xl/workbook.xml)',
    );
  });

  it('any other zip file renamed .xlsx', async () => {
    const zip = buildZip([{ name: 'photos/1.jpg', data: new Uint8Array(64) }]);
    expect(await refusedByAll('photos.xlsx', zip)).toBe(
      'pmo: {file}: not an Excel workbook (the zip package has no xl/workbook.xml; is it a Word, PowerPoint or other zip file?)',
    );
  });

  it('a part name with a line break in the message is printed on one line (it split the message in two)', async () => {
    const twice = { name: 'notes\nDELETE ME.txt', data: text('x') };
    expect(await refusedByAll('names.xlsx', buildZip([...workbookEntries(), twice, twice]))).toBe(
      'pmo: {file}: the file is damaged or not an .xlsx workbook (two entries are named notes DELETE ME.txt)',
    );
  });

  it('a workbook with no worksheets (its one sheet is a chart sheet)', async () => {
    const chartSheet = workbookEntries().map((entry) =>
      entry.name === 'xl/_rels/workbook.xml.rels'
        ? {
            ...entry,
            data: text(
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ' +
                'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
            ),
          }
        : entry,
    );
    expect(await refusedByAll('charts.xlsx', buildZip(chartSheet))).toBe(
      'pmo: {file}: the workbook has no worksheets (chart sheets hold no tables)',
    );
  });
});

describe('200 sheets', () => {
  it('every command reads them all: inspect finds the tables, the dashboard and the heatmap are built', async () => {
    const path = place('book.xlsx', manySheetsWorkbook(200));
    const inspect = await checkedRun('inspect', path);
    expect(inspect.stderr).toBe('');
    expect(inspect.code).toBe(0);
    const rows = inspect.stdout.split('\n');
    for (const [kind, sheet] of [
      ['Resources', MANY_SHEETS_TABLES.resources],
      ['Assignments', MANY_SHEETS_TABLES.assignments],
      ['Risks', MANY_SHEETS_TABLES.risks],
    ] as const)
      expect(rows.some((row) => new RegExp(`^${kind}\\s+Sheet${sheet}\\s`).test(row))).toBe(true);

    const dashboard = await checkedRun('dashboard', path);
    expect(dashboard.stderr).toBe('');
    expect(dashboard.code).toBe(0);
    expect(dashboard.created).toEqual(['book-dashboard.xlsx']);
    const copy = read(readFileSync(join(path, '..', 'book-dashboard.xlsx')));
    expect(copy.sheets.map((sheet) => sheet.name)).toEqual([
      ...Array.from({ length: 200 }, (_, i) => `Sheet${i + 1}`),
      'PMO Data',
      'PMO Dashboard',
    ]);

    const utilization = await checkedRun('utilization', path);
    expect(utilization.stderr).toBe('');
    expect(utilization.code).toBe(0);
    expect(utilization.stdout).toContain(`Resources (Sheet${MANY_SHEETS_TABLES.resources}!A1:`);
  });
});

describe('a huge sheet', () => {
  it('a used range of the whole grid (A1:XFD1048576, declared and real) with a few rows of data works', async () => {
    const path = place('vast.xlsx', lyingDimensionWorkbook());
    const inspect = await checkedRun('inspect', path);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toMatch(/^Risks\s+Risks\s+A1:E6\s+5\s/m);
    const dashboard = await checkedRun('dashboard', path);
    expect(dashboard.code).toBe(0);
    expect(dashboard.created).toEqual(['vast-dashboard.xlsx']);
    // No assignments: utilization has nothing to compute, and says so in one line.
    expect(refusal(await checkedRun('utilization', path), path)).toMatch(
      /^pmo: \{file\}: no Assignments table found/,
    );
  });

  it('10,000 rows of a risk register: inspect and the dashboard work', async () => {
    const path = place('tall.xlsx', tallRiskWorkbook(10_000));
    const inspect = await checkedRun('inspect', path);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toMatch(/^Risks\s+Risks\s+A1:E10001\s+10000\s/m);
    expect((await checkedRun('dashboard', path)).code).toBe(0);
    expect(refusal(await checkedRun('utilization', path), path)).toMatch(
      /^pmo: \{file\}: no Assignments table found/,
    );
  });

  it('more values than the limit: refused with one line naming it (lowered here; exactly at it is read)', async () => {
    const rows = new RowWriter();
    const sheets = [1, 2, 3].map((n) => ({ name: `Part ${n}`, rowsXml: riskRows(rows, 39) }));
    const bytes = workbookOf(sheets, rows);
    // Each cell with a value and each distinct text counts: 3 sheets × 40 rows × 5 cells, and the texts.
    const values = 3 * 40 * 5 + rows.strings.length;
    const limits = (cells: number) => ({ partBytes: MAX_PART_BYTES, totalBytes: MAX_TOTAL_BYTES, cells });
    const message = (limit: number, place: string) =>
      `pmo: {file}: too large to read: the workbook holds more than ${limit} values (the limit, counting each ` +
      `cell with a value and each distinct text once; passed in ${place})`;
    expect(await refusedByAll('many-cells.xlsx', bytes, limits(values - 1))).toBe(
      message(values - 1, 'sheet "Part 3" at row 40'),
    );
    expect(await refusedByAll('many-texts.xlsx', bytes, limits(50))).toBe(
      message(50, 'its table of distinct texts'),
    );
    const path = place('at-limit.xlsx', bytes);
    expect((await checkedRun('inspect', path, limits(values))).code).toBe(0);
  });

  it('a CSV file with more values than the limit: the same line, at the record that passes it', async () => {
    // 4 records of 3 fields, the blank ones not counted: 3 + 2 + 3 + 3 = 11 values.
    const bytes = new TextEncoder().encode(
      'Resource,Start,End\nAna,,2026-01-09\nBen,2026-01-05,2026-01-09\nCleo,2026-01-05,2026-01-09\n',
    );
    const limits = (cells: number) => ({ partBytes: MAX_PART_BYTES, totalBytes: MAX_TOTAL_BYTES, cells });
    expect(await refusedByAll('Time Off.csv', bytes, limits(10))).toBe(
      'pmo: {file}: too large to read: the workbook holds more than 10 values (the limit, counting each field ' +
        'with a value; passed in the file at row 4)',
    );
    expect((await checkedRun('inspect', place('at-limit.csv', bytes), limits(11))).code).toBe(0);
  });
});

// Each of these builds a sheet of hundreds of MB and takes 20–60 s per command on the shared 2-core machine, so
// they run on demand: PMO_LARGE_INPUT=1 npx vitest run test/cli/bad-files.test.ts
describe.runIf(process.env.PMO_LARGE_INPUT === '1')('huge sheets at full size (on demand)', () => {
  const slow = { timeout: 600_000 };

  it('a risk register of 1,000,000 rows: inspect finds it, the dashboard is built', slow, async () => {
    const path = place('million.xlsx', tallRiskWorkbook(1_000_000));
    const inspect = await checkedRun('inspect', path);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toMatch(/^Risks\s+Risks\s+A1:E1000001\s+1000000\s/m);
    const dashboard = await checkedRun('dashboard', path);
    expect(dashboard.code).toBe(0);
    expect(dashboard.created).toEqual(['million-dashboard.xlsx']);
  });

  it('1,048,576 rows of 21 columns (22 million cells) are refused at the real limit', slow, async () => {
    const path = place('over.xlsx', uniformRiskWorkbook(1_048_575, 21));
    const line = refusal(await checkedRun('inspect', path), path);
    expect(line).toMatch(
      new RegExp(
        `^pmo: \\{file\\}: too large to read: the workbook holds more than ${MAX_CELLS.toLocaleString('en-US')} values .*; passed in sheet "Risks" at row `,
      ),
    );
  });
});
