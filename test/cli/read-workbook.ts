// Reading a package in the CLI tests: the workbook (a refusal fails the test with its message) and its sheets.

import { readWorkbook, type Sheet, type Workbook } from '../../cli/xlsx';

/** The workbook in `bytes`; throws with the reader's message when it refuses them. */
export function read(bytes: Uint8Array): Workbook {
  const workbook = readWorkbook(bytes);
  if (workbook.kind !== 'workbook') throw new Error(`expected a workbook, got: ${workbook.message}`);
  return workbook;
}

export function sheetNamed(workbook: Workbook, name: string): Sheet {
  const sheet = workbook.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}
