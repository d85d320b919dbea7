// Small helpers shared by tests: date serials from ISO text, reading result cells, and an initiatives table as read.

import { expect } from 'vitest';
import { a1Address } from '../core/a1';
import { serialFromParts } from '../core/dates';
import { isPmoError, type PmoError } from '../core/errors';
import { findFunction } from '../core/functions/catalog';
import { invoke } from '../core/functions/invoke';
import type { OutGrid } from '../core/functions/types';
import type { CellValue, SheetTable } from '../core/initiatives/sheet-table';

/** Serial of an ISO date ("2025-03-03"). */
export function d(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return serialFromParts(year ?? 0, month ?? 0, day ?? 0);
}

/**
 * Asserts what every function result must be, whatever its input: a typed error that is not an internal one,
 * or a grid with no NaN or Infinity and no per-cell error that mentions them.
 */
export function expectWellFormedResult(result: OutGrid | PmoError): void {
  if (isPmoError(result)) {
    expect(result.message).not.toMatch(/^Internal error/);
    return;
  }
  for (const row of result) {
    for (const cell of row) {
      if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
      if (isPmoError(cell)) expect(cell.message).not.toMatch(/NaN|Infinity/);
    }
  }
}

/** `=name(args…)` through `invoke`, as the hosts call it (Excel's argument shape, UTC dates). */
export function call(name: string, ...args: unknown[]): OutGrid | PmoError {
  const spec = findFunction(name);
  if (!spec) throw new Error(`${name} is not in the catalog`);
  return invoke(spec, args);
}

/** The grid of `=name(args…)`; a whole-function error fails the test with its message. */
export function grid(name: string, ...args: unknown[]): OutGrid {
  const result = call(name, ...args);
  if (isPmoError(result)) throw new Error(result.message);
  return result;
}

/**
 * A table as the panel reads it from a sheet's used range: `headers` on `headerRow` (1 unless given) from column A,
 * `rows` under it, on sheet `sheet` ("Plan" unless given).
 */
export function sheetTable(
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
  { sheet = 'Plan', headerRow = 1 }: { sheet?: string; headerRow?: number } = {},
): SheetTable {
  return {
    kind: 'table',
    sheet,
    foundBy: 'used range',
    tableName: '',
    tableRange: a1Address(headerRow, 0, headerRow + rows.length, Math.max(0, headers.length - 1)),
    headerRow,
    firstRow: headerRow + 1,
    firstColumn: 0,
    headers: [...headers],
    rows,
  };
}
