// The "5 MB workbook" of DESIGN §7 and issue 17: 100,000 assignment rows and 1,000 resources, written by ExcelJS's
// streaming writer as Excel writes them (shared strings, styles). Made once per machine in the temp folder and
// reused; the CLI benchmark and the write test both read it.

import { existsSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

/** Where the workbook is kept between runs (the name carries a version: change it when the content changes). */
export const WORKBOOK_5MB = join(tmpdir(), 'pmo-xlsx-write-5mb-v1.xlsx');

/** The path of the 5 MB workbook, written first when this machine has none (about 10 s). */
export async function workbook5mb(): Promise<string> {
  if (existsSync(WORKBOOK_5MB)) return WORKBOOK_5MB;
  const partial = `${WORKBOOK_5MB}.${process.pid}.tmp`;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: partial,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = writer.addWorksheet('Assignments');
  sheet.addRow(['Resource', 'Project', 'Start', 'End', 'Allocation', 'Status', 'Notes', 'Hours']).commit();
  for (let i = 0; i < 100_000; i++) {
    sheet
      .addRow([
        `Person ${i % 1000}`,
        `Project ${i % 300}`,
        new Date(Date.UTC(2026, 0, 1 + (i % 300))),
        new Date(Date.UTC(2026, 3, 1 + (i % 300))),
        (i % 100) / 100,
        i % 3 === 0 ? 'Tentative' : 'Confirmed',
        `note ${i} ${(i * 7919).toString(36)}`,
        (i * 37) % 1000,
      ])
      .commit();
  }
  sheet.commit();
  const resources = writer.addWorksheet('Resources');
  resources.addRow(['Resource', 'Hours per week']).commit();
  for (let i = 0; i < 1000; i++) resources.addRow([`Person ${i}`, 40]).commit();
  resources.commit();
  await writer.commit();
  renameSync(partial, WORKBOOK_5MB);
  return WORKBOOK_5MB;
}

/** The 5 MB workbook's bytes. */
export async function workbook5mbBytes(): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(await workbook5mb()));
}
