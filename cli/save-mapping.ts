// `pmo inspect --save`: writes the mapping of the tables inspect found and was given (--table, --column) into the
// hidden "PMO Data" sheet of a copy of the workbook (or the workbook itself with --in-place), so that the
// dashboard, the add-ins and the CLI read the tables there next time (DESIGN §4, §7).

import { extname } from 'node:path';
import type { MappedTable, TableMapping } from '../core/discovery/mapping';
import { choosePmoDataSheet, isPmoDataSheet, pmoDataPlan, pmoDataRows } from '../core/discovery/pmo-data';
import type { InspectReport } from '../core/inspect';
import type { TableKind } from '../core/workbook';
import { csvPackage } from './csv-package';
import { FileError } from './files';
import { sanitizeText } from './heatmap';
import { type CopyTarget, copyTarget, type OriginalWorkbook, saveCopy } from './save-copy';
import type { InflateLimits } from './xlsx';
import { addOwnedSheet, PMO_DATA_SHEET } from './xlsx-write';

/**
 * The mapping of what inspect found: per table its sheet, its range (header rows to the last data row), how many
 * header rows it has and the column of every role it read (scoring criteria are left to discovery).
 */
export function mappingOfReport(report: InspectReport): TableMapping {
  const mapping: Partial<Record<TableKind, MappedTable>> = {};
  for (const table of report.tables) {
    const columns = Object.fromEntries(
      Object.entries(table.columns).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
    mapping[table.kind] = {
      at: { sheet: table.sheet, range: table.range, headerRows: Math.max(1, table.headerRows.length) },
      columns,
    };
  }
  return mapping;
}

/**
 * Writes the copy with the PMO Data sheet holding `report`'s mapping: a PMO Data sheet of the add-in's own (A1
 * holds the marker) is rewritten in place, its other sections kept; a user's sheet of that name is left alone
 * and the data goes to "PMO Data (2)". Returns the lines to print, or the one-line reason it could not.
 */
export function saveMapping(
  original: OriginalWorkbook,
  report: InspectReport,
  target: CopyTarget,
  options: { readonly csv: boolean; readonly limits: InflateLimits | undefined },
): { readonly lines: readonly string[] } | { readonly error: string } {
  const { workbook } = original;
  const mapping = mappingOfReport(report);
  const existing = choosePmoDataSheet(workbook.sheets, isPmoDataSheet).existing;
  const plan = pmoDataPlan('PMO Data', pmoDataRows(mapping, existing));
  const bytes = options.csv ? csvPackage(workbook.sheets) : original.bytes;
  const written = addOwnedSheet(bytes, plan, PMO_DATA_SHEET, options.limits);
  if ('kind' in written) return { error: written.message };
  const done = saveCopy(original, written, target, options.limits);
  const count = Object.keys(mapping).length;
  return {
    lines: [
      `Saved the mapping of ${count} ${count === 1 ? 'table' : 'tables'} in the hidden sheet "${sanitizeText(written.sheetName)}"${target.inPlace ? '' : '; the input file is unchanged'}.`,
      done,
    ],
  };
}

/**
 * `pmo inspect --save` on the file at `path`: checks where the copy may go (cli/files.ts rules: never the input
 * but with --in-place, then with a .bak), then writes it. Returns the lines to print, or the one-line error
 * (naming the file) for stderr.
 */
export function saveInspectedMapping(
  original: OriginalWorkbook,
  report: InspectReport,
  options: {
    readonly path: string;
    readonly output: string | undefined;
    readonly inPlace: boolean;
    readonly force: boolean;
    readonly limits: InflateLimits | undefined;
  },
): { readonly lines: readonly string[] } | { readonly error: string } {
  const { path, inPlace, limits } = options;
  const label = sanitizeText(path);
  const csv = extname(path).toLowerCase() === '.csv';
  if (csv && inPlace)
    return {
      error: `${label}: a .csv file cannot hold the PMO Data sheet: write a copy (-o book-mapping.xlsx) instead`,
    };
  if (original.workbook.format === 'xlam')
    return { error: `${label}: Excel add-ins (.xlam) are not supported: give a workbook` };
  try {
    const saved = saveMapping(original, report, copyTarget(path, original, options, 'mapping'), {
      csv,
      limits,
    });
    return 'error' in saved ? { error: `${label}: ${saved.error}` } : saved;
  } catch (error) {
    if (error instanceof FileError) return { error: error.message };
    throw error;
  }
}
