// The number formats a host reads beside a sheet's values (SheetView.numberFormats): a small module of its own, as
// the Sheets server bundle needs it without the rest of core/workbook.ts.

/** A cell's number format as the host read it: sheet row (1-based), column (0-based) and format code. */
export interface CellFormat {
  readonly row: number;
  readonly column: number;
  readonly code: string;
}

/**
 * How much of the top of a sheet the add-ins read number formats from (rows × columns from A1): the first rows of
 * tables whose headers are on rows 1–10 and whose money columns are within the first 40, in one bounded read per
 * sheet (1,600 cells, about 16 KB) beside its values.
 */
export const FORMAT_WINDOW = { rows: 40, columns: 40 } as const;

/** The formats of a grid of number formats read from a host (`codes[0][0]` at sheet row `firstRow`, column 0), General left out. */
export function cellFormats(codes: readonly (readonly unknown[])[], firstRow = 1): CellFormat[] {
  const formats: CellFormat[] = [];
  codes.forEach((row, r) => {
    row.forEach((code, column) => {
      if (typeof code === 'string' && code !== '' && code.toLowerCase() !== 'general')
        formats.push({ row: firstRow + r, column, code });
    });
  });
  return formats;
}
