// Bad files (issue 13): a password-protected workbook and other Office files named .xlsx. Every command that reads
// a workbook refuses the file with one line and exit code 1, never a stack trace; the input's bytes never change
// (test/cli/checked-run.ts checks both on every run). Truncated and random files: damaged.test.ts.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InflateLimits } from '../../cli/xlsx';
import { checkedRun, READING_COMMANDS, refusal } from './checked-run';
import { compoundFile, encryptedWorkbook } from './compound-files';

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
async function refusedByAll(name: string, bytes: Uint8Array, limits?: InflateLimits): Promise<string> {
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
