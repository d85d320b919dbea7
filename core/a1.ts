// A1 references: column letters and cell or block addresses, as every host and the CLI write them.

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** 0-based column index of column letters: A → 0, AA → 26 (case-insensitive). */
export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((value, char) => value * 26 + char.charCodeAt(0) - 64, 0) - 1;
}

/** A1 address of a block: rows are sheet row numbers (1-based), columns 0-based; one cell gives "B3". */
export function a1Address(
  firstRow: number,
  firstColumn: number,
  lastRow: number,
  lastColumn: number,
): string {
  const start = `${columnLetters(firstColumn)}${firstRow}`;
  const end = `${columnLetters(lastColumn)}${lastRow}`;
  return start === end ? start : `${start}:${end}`;
}

/** A block of a sheet: rows are sheet row numbers (1-based), columns 0-based, both inclusive. */
export interface A1Block {
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly lastRow: number;
  readonly lastColumn: number;
}

/**
 * Reads "B3:H12", "$B$3:$H$12", "Sheet 1!B3:H12" or "'My sheet'!B3" into rows and columns (the sheet part is
 * ignored; see {@link sheetOfReference}); undefined when it is not an A1 reference.
 */
export function parseA1(address: string): A1Block | undefined {
  const bang = address.lastIndexOf('!');
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(local.trim());
  if (!match) return undefined;
  const firstColumn = columnIndex(match[1] ?? 'A');
  const firstRow = Number(match[2]);
  const lastColumn = match[3] ? columnIndex(match[3]) : firstColumn;
  const lastRow = match[4] ? Number(match[4]) : firstRow;
  return {
    firstRow: Math.min(firstRow, lastRow),
    lastRow: Math.max(firstRow, lastRow),
    firstColumn: Math.min(firstColumn, lastColumn),
    lastColumn: Math.max(firstColumn, lastColumn),
  };
}

/** The sheet name of a reference such as "Initiatives!$T$2" or "'My ''best'' sheet'!B3"; undefined without one. */
export function sheetOfReference(reference: string): string | undefined {
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))!/.exec(reference.trim());
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
}

/** A sheet name both hosts read without quotes: a letter or "_" first, then letters, digits and "_". */
const PLAIN_SHEET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names that read as a cell or an R1C1 reference ("Q1", "R2C3", "R", "C") must be quoted. */
const REFERENCE_LIKE = /^(?:[A-Za-z]{1,3}\d+|[Rr]\d*(?:[Cc]\d*)?|[Cc]\d*)$/;

/**
 * A reference to `address` on `sheet` as Excel and Sheets write it: "Sheet1!A5:E9", the name quoted when it
 * needs to be ("'Time Off'!A1:D3", "'Q1'!B2") with apostrophes doubled ("'Ana''s plan'!A1"). The inverse of
 * {@link sheetOfReference} and {@link parseA1}.
 */
export function sheetReference(sheet: string, address: string): string {
  const plain = PLAIN_SHEET_NAME.test(sheet) && !REFERENCE_LIKE.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}
