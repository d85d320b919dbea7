// File safety of `pmo dashboard` (issue 12): the output is never the input (by device and inode, whatever the
// links), never written through a link, an existing file is replaced only with --force, --in-place keeps a
// verified .bak, and a macro-enabled workbook stays one. Every case checks the exit code, the one-line message
// and that the input's bytes are unchanged.

import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { commitInPlace, commitOutput, FileError, readInput, writeTemporary } from '../../cli/files';
import { whyNotACopy } from '../../cli/verify-copy';
import { readWorkbook, type Workbook } from '../../cli/xlsx';
import { partKey, readZip } from '../../cli/zip';
import { buildZip, CONTENT_TYPE, type Run, runPmo, sha256, VBA_PROJECT, workbookEntries } from './zip-corpus';

const root = mkdtempSync(join(tmpdir(), 'pmo-file-safety-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folder = root;
let caseNumber = 0;
beforeEach(() => {
  folder = join(root, `case-${++caseNumber}`);
  mkdirSync(folder);
});

const TODAY = ['--today', '2026-11-30'];
const at = (name: string): string => join(folder, name);

/** A sound minimal workbook at `name`; returns its path and hash. */
function book(
  name = 'b.xlsx',
  options: Parameters<typeof workbookEntries>[0] = {},
): { path: string; hash: string } {
  const path = at(name);
  writeFileSync(path, buildZip(workbookEntries(options)));
  return { path, hash: sha256(path) };
}

function expectOneLineFailure(result: Run, message: string): void {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`pmo: ${message}\n`);
}

const temporaries = (): string[] => readdirSync(folder).filter((file) => /\.pmo-\d+-[0-9a-f]+\./.test(file));

function workbookOf(path: string): Workbook {
  const workbook = readWorkbook(readFileSync(path));
  if (workbook.kind !== 'workbook') throw new Error(workbook.message);
  return workbook;
}

const hasDashboard = (path: string): boolean =>
  workbookOf(path).sheets.some((sheet) => sheet.name === 'PMO Dashboard');

describe('pmo dashboard: the output is never the input', () => {
  it('refuses -o naming the input by another spelling of its path', async () => {
    const input = book();
    const result = await runPmo([
      'dashboard',
      input.path,
      '-o',
      join(folder, '.', '..', `case-${caseNumber}`, 'b.xlsx'),
      ...TODAY,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /: the output would overwrite the input: pick another file with -o, or use --in-place\n$/,
    );
    expect(sha256(input.path)).toBe(input.hash);
  });

  it('refuses a symbolic link to the input (the issue: it overwrote b.xlsx and said it was unchanged)', async () => {
    const input = book();
    symlinkSync(input.path, at('c.xlsx'));
    const result = await runPmo(['dashboard', input.path, '-o', at('c.xlsx'), '--force', ...TODAY]);
    expectOneLineFailure(
      result,
      `${at('c.xlsx')} is a symbolic link to the input file: pick another file with -o`,
    );
    expect(sha256(input.path)).toBe(input.hash);
    expect(lstatSync(at('c.xlsx')).isSymbolicLink()).toBe(true);
    expect(temporaries()).toEqual([]);
  });

  it('refuses a hard link to the input, even with --force', async () => {
    const input = book();
    linkSync(input.path, at('c.xlsx'));
    for (const force of [[], ['--force']]) {
      const result = await runPmo(['dashboard', input.path, '-o', at('c.xlsx'), ...force, ...TODAY]);
      expectOneLineFailure(
        result,
        `${at('c.xlsx')} is a hard link to the input file: pick another file with -o`,
      );
    }
    expect(sha256(input.path)).toBe(input.hash);
    expect(temporaries()).toEqual([]);
  });

  it('refuses a symbolic link to another file, even with --force, and leaves that file alone', async () => {
    const input = book();
    writeFileSync(at('other.txt'), 'keep me');
    symlinkSync(at('other.txt'), at('c.xlsx'));
    const result = await runPmo(['dashboard', input.path, '-o', at('c.xlsx'), '--force', ...TODAY]);
    expectOneLineFailure(
      result,
      `${at('c.xlsx')} is a symbolic link: pmo never writes through a link; remove it or pick another file with -o`,
    );
    expect(readFileSync(at('other.txt'), 'utf8')).toBe('keep me');
    expect(sha256(input.path)).toBe(input.hash);
  });
});

describe('pmo dashboard: an existing output', () => {
  it('is refused without --force and replaced with it', async () => {
    const input = book();
    writeFileSync(at('out.xlsx'), 'an older file');
    const refused = await runPmo(['dashboard', input.path, '-o', at('out.xlsx'), ...TODAY]);
    expectOneLineFailure(
      refused,
      `${at('out.xlsx')} already exists: add --force to replace it, or pick another file with -o`,
    );
    expect(readFileSync(at('out.xlsx'), 'utf8')).toBe('an older file');
    const forced = await runPmo(['dashboard', input.path, '-o', at('out.xlsx'), '--force', ...TODAY]);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`Wrote ${at('out.xlsx')}`);
    expect(hasDashboard(at('out.xlsx'))).toBe(true);
    expect(sha256(input.path)).toBe(input.hash);
    expect(temporaries()).toEqual([]);
  });

  it('hard-linked to another file: --force replaces the output name only, the other file keeps its bytes', async () => {
    const input = book();
    writeFileSync(at('other.txt'), 'keep me');
    linkSync(at('other.txt'), at('out.xlsx'));
    const result = await runPmo(['dashboard', input.path, '-o', at('out.xlsx'), '--force', ...TODAY]);
    expect(result.code).toBe(0);
    expect(readFileSync(at('other.txt'), 'utf8')).toBe('keep me');
    expect(hasDashboard(at('out.xlsx'))).toBe(true);
    expect(sha256(input.path)).toBe(input.hash);
  });

  it('the default output beside the input is refused the second time, one line', async () => {
    const input = book();
    expect((await runPmo(['dashboard', input.path, ...TODAY])).code).toBe(0);
    const again = await runPmo(['dashboard', input.path, ...TODAY]);
    expectOneLineFailure(
      again,
      `${at('b-dashboard.xlsx')} already exists: add --force to replace it, or pick another file with -o`,
    );
  });

  it('an output folder that does not exist, or a folder as the output', async () => {
    const input = book();
    const missing = await runPmo(['dashboard', input.path, '-o', at('nowhere/out.xlsx'), ...TODAY]);
    expectOneLineFailure(missing, `${at('nowhere/out.xlsx')}: the folder ${at('nowhere')} does not exist`);
    mkdirSync(at('out.xlsx'));
    const folderOutput = await runPmo(['dashboard', input.path, '-o', at('out.xlsx'), '--force', ...TODAY]);
    expectOneLineFailure(folderOutput, `${at('out.xlsx')} is a folder: give a file name with -o`);
    expect(sha256(input.path)).toBe(input.hash);
  });
});

describe('pmo dashboard --in-place', () => {
  it('replaces the workbook with a verified new version and keeps the previous one as .bak', async () => {
    const input = book();
    const original = readFileSync(input.path);
    const first = await runPmo(['dashboard', input.path, '--in-place', ...TODAY]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Updated ${input.path} in place; the previous version is b.xlsx.bak\n`);
    expect(first.stdout).not.toContain('unchanged');
    expect(sha256(`${input.path}.bak`)).toBe(input.hash);
    expect(hasDashboard(input.path)).toBe(true);
    // Every part the writer does not own is stored byte for byte as before.
    const after = new Map(
      readZip(readFileSync(input.path)).entries.map((entry) => [partKey(entry.name), entry]),
    );
    const sheet = readZip(original).entries.find((entry) => entry.name === 'xl/worksheets/sheet1.xml');
    const copied = after.get('xl/worksheets/sheet1.xml');
    expect(
      sheet &&
        copied &&
        Buffer.compare(
          original.subarray(sheet.localOffset, sheet.chunkEnd),
          readFileSync(input.path).subarray(copied.localOffset, copied.chunkEnd),
        ),
    ).toBe(0);

    const rebuiltHash = sha256(input.path);
    const second = await runPmo(['dashboard', input.path, '--in-place', ...TODAY]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('rebuilt the sheet "PMO Dashboard"');
    expect(second.stdout).toContain('the previous version is b.xlsx.bak (an older backup was replaced)');
    expect(sha256(`${input.path}.bak`)).toBe(rebuiltHash);
    expect(temporaries()).toEqual([]);
  });

  it('--in-place with -o is a usage error; nothing is written', async () => {
    const input = book();
    const result = await runPmo(['dashboard', input.path, '--in-place', '-o', at('out.xlsx')]);
    expectOneLineFailure(
      result,
      '--in-place writes the workbook itself: give either --in-place or -o, not both',
    );
    expect(readdirSync(folder)).toEqual(['b.xlsx']);
  });

  it('is refused on a symbolic link and on a file with other hard links', async () => {
    const input = book();
    symlinkSync(input.path, at('link.xlsx'));
    const viaLink = await runPmo(['dashboard', at('link.xlsx'), '--in-place', ...TODAY]);
    expectOneLineFailure(
      viaLink,
      `${at('link.xlsx')} is a symbolic link: run --in-place on the file it points to (${input.path})`,
    );
    linkSync(input.path, at('hard.xlsx'));
    const hard = await runPmo(['dashboard', input.path, '--in-place', ...TODAY]);
    expectOneLineFailure(
      hard,
      `${input.path} has 1 other hard link(s): --in-place would leave them on the old version; use -o`,
    );
    expect(sha256(input.path)).toBe(input.hash);
    expect(existsSync(`${input.path}.bak`)).toBe(false);
  });

  it('a damaged workbook is left as it is, with no .bak', async () => {
    const path = at('b.xlsx');
    writeFileSync(path, buildZip(workbookEntries()).subarray(0, 300));
    const hash = sha256(path);
    const result = await runPmo(['dashboard', path, '--in-place', ...TODAY]);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(sha256(path)).toBe(hash);
    expect(readdirSync(folder)).toEqual(['b.xlsx']);
  });

  it('the verification refuses a new version whose user part differs from the original', () => {
    const original = buildZip(workbookEntries());
    const workbook = readWorkbook(original);
    if (workbook.kind !== 'workbook') throw new Error(workbook.message);
    const tampered = buildZip(workbookEntries({ sheetRows: 1 }));
    expect(whyNotACopy({ bytes: original, workbook }, tampered, new Set(), 'PMO Dashboard')).toBe(
      'the part xl/worksheets/sheet1.xml is not byte-identical in the new version',
    );
    expect(
      whyNotACopy(
        { bytes: original, workbook },
        tampered,
        new Set(['xl/worksheets/sheet1.xml']),
        'PMO Dashboard',
      ),
    ).toBe('the sheet "Resources" reads differently in the new version');
    expect(
      whyNotACopy({ bytes: original, workbook }, original.subarray(0, 100), new Set(), 'PMO Dashboard'),
    ).toMatch(/^the new version does not reopen \(the file is damaged/);
    expect(whyNotACopy({ bytes: original, workbook }, original, new Set(), 'PMO Dashboard')).toBeUndefined();
  });
});

describe('pmo dashboard on macro-enabled workbooks and templates', () => {
  const partsOf = (path: string) => unzipSync(new Uint8Array(readFileSync(path)));

  it('an .xlsm gives an .xlsm with vbaProject.bin copied as stored and its content types kept', async () => {
    const input = book('book.xlsm', { type: CONTENT_TYPE.xlsm, macros: true });
    const result = await runPmo(['dashboard', input.path, ...TODAY]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = at('book-dashboard.xlsm');
    expect(result.stdout).toContain(`Wrote ${output}`);
    const parts = partsOf(output);
    expect(Buffer.compare(parts['xl/vbaProject.bin'] ?? new Uint8Array(), VBA_PROJECT)).toBe(0);
    const types = strFromU8(parts['[Content_Types].xml'] ?? new Uint8Array());
    expect(types).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.xlsm}"/>`);
    expect(types).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    expect(strFromU8(parts['xl/_rels/workbook.xml.rels'] ?? new Uint8Array())).toContain(
      'Target="vbaProject.bin"',
    );
    expect(workbookOf(output).format).toBe('xlsm');
    expect(hasDashboard(output)).toBe(true);
    expect(sha256(input.path)).toBe(input.hash);
  });

  it('-o out.xlsx for an .xlsm is refused with one line (Excel refuses a macro-enabled .xlsx)', async () => {
    const input = book('book.xlsm', { type: CONTENT_TYPE.xlsm, macros: true });
    const result = await runPmo(['dashboard', input.path, '-o', at('out.xlsx'), ...TODAY]);
    expectOneLineFailure(
      result,
      `${at('out.xlsx')}: the copy of a macro-enabled workbook must end in .xlsm (Excel refuses a file whose extension does not match its content), e.g. -o book-dashboard.xlsm`,
    );
    expect(existsSync(at('out.xlsx'))).toBe(false);
    expect(sha256(input.path)).toBe(input.hash);
  });

  it('the format is the content type, not the name: a macro-enabled book named .xlsx gets an .xlsm copy', async () => {
    const input = book('misnamed.xlsx', { type: CONTENT_TYPE.xlsm, macros: true });
    const result = await runPmo(['dashboard', input.path, ...TODAY]);
    expect(result.code).toBe(0);
    expect(existsSync(at('misnamed-dashboard.xlsm'))).toBe(true);
  });

  it('--in-place keeps the macros of an .xlsm', async () => {
    const input = book('book.xlsm', { type: CONTENT_TYPE.xlsm, macros: true });
    expect((await runPmo(['dashboard', input.path, '--in-place', ...TODAY])).code).toBe(0);
    expect(Buffer.compare(partsOf(input.path)['xl/vbaProject.bin'] ?? new Uint8Array(), VBA_PROJECT)).toBe(0);
    expect(sha256(`${input.path}.bak`)).toBe(input.hash);
  });

  it('a macro-enabled template (.xltm) gives one; an add-in (.xlam) is refused with one line', async () => {
    const template = book('plan.xltm', {
      type: 'application/vnd.ms-excel.template.macroEnabled.main+xml',
      macros: true,
    });
    expect((await runPmo(['dashboard', template.path, ...TODAY])).code).toBe(0);
    expect(workbookOf(at('plan-dashboard.xltm')).format).toBe('xltm');
    const addIn = book('tools.xlam', {
      type: 'application/vnd.ms-excel.addin.macroEnabled.main+xml',
      macros: true,
    });
    const result = await runPmo(['dashboard', addIn.path, ...TODAY]);
    expectOneLineFailure(result, `${addIn.path}: Excel add-ins (.xlam) are not supported: give a workbook`);
    expect(sha256(addIn.path)).toBe(addIn.hash);
  });

  it('a template (.xltx) gives a template, with the template content type', async () => {
    const input = book('plan.xltx', { type: CONTENT_TYPE.xltx });
    const result = await runPmo(['dashboard', input.path, ...TODAY]);
    expect(result.code).toBe(0);
    const output = at('plan-dashboard.xltx');
    expect(strFromU8(partsOf(output)['[Content_Types].xml'] ?? new Uint8Array())).toContain(
      CONTENT_TYPE.xltx,
    );
    expect(workbookOf(output).format).toBe('xltx');
  });
});

describe('the file layer (cli/files.ts) when the disk changes under it', () => {
  it('an output created after the check is not replaced: the temporary file is removed', () => {
    const temporary = writeTemporary(folder, 'out.xlsx', new Uint8Array([1, 2, 3]));
    writeFileSync(at('out.xlsx'), 'created meanwhile');
    expect(() => commitOutput(temporary, at('out.xlsx'), false)).toThrow(
      new FileError(`${at('out.xlsx')} already exists: add --force to replace it`),
    );
    expect(readFileSync(at('out.xlsx'), 'utf8')).toBe('created meanwhile');
    expect(temporaries()).toEqual([]);
  });

  it('--in-place does not replace a workbook changed since it was read, and makes no .bak', () => {
    const input = book();
    const read = readInput(input.path);
    if (typeof read === 'string') throw new Error(read);
    const temporary = writeTemporary(folder, 'b.xlsx', new Uint8Array([1, 2, 3]));
    writeFileSync(input.path, 'saved by someone else meanwhile');
    expect(() => commitInPlace(temporary, input.path, read)).toThrow(
      new FileError(`${input.path} changed while pmo was working: run the command again`),
    );
    expect(readFileSync(input.path, 'utf8')).toBe('saved by someone else meanwhile');
    expect(readdirSync(folder)).toEqual(['b.xlsx']);
  });
});

describe('the built pmo command (dist/cli/pmo.js) in a child process', () => {
  const script = fileURLToPath(new URL('../../dist/cli/pmo.js', import.meta.url));

  it('refuses a symbolic or hard link to the input and leaves the input unchanged', () => {
    const input = book();
    symlinkSync(input.path, at('sym.xlsx'));
    linkSync(input.path, at('hard.xlsx'));
    for (const [name, reason] of [
      ['sym.xlsx', 'is a symbolic link to the input file'],
      ['hard.xlsx', 'is a hard link to the input file'],
    ] as const) {
      const child = spawnSync(
        process.execPath,
        [script, 'dashboard', input.path, '-o', at(name), '--force', ...TODAY],
        {
          encoding: 'utf8',
        },
      );
      expect(child.status).toBe(1);
      expect(child.stdout).toBe('');
      expect(child.stderr).toBe(`pmo: ${at(name)} ${reason}: pick another file with -o\n`);
    }
    expect(sha256(input.path)).toBe(input.hash);
    expect(temporaries()).toEqual([]);
    // And the same command with a fresh output writes it (the bundle is the code under test, not a stale one).
    execFileSync(process.execPath, [script, 'dashboard', input.path, '-o', at('fresh.xlsx'), ...TODAY]);
    expect(hasDashboard(at('fresh.xlsx'))).toBe(true);
  });
});
