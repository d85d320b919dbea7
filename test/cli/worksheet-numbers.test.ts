// A number cell's text is read in place when it is plain digits (cli/worksheet-read.ts): it must give exactly the
// double Number() gives for the same text, for every text, and leave every other text to Number().

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellBudget, parseWorksheet, type SheetContext } from '../../cli/worksheet-read';

const context = (): SheetContext => ({
  sharedStrings: [],
  dateStyles: [],
  formatCodes: [],
  date1904: false,
  cells: new CellBudget(),
});

/** The values parseWorksheet reads from one row of number cells written as `texts`. */
function readNumbers(texts: readonly string[]): unknown[] {
  const cells = texts.map((text, c) => `<c r="${String.fromCharCode(65 + (c % 26))}1"><v>${text}</v></c>`);
  const xml = `<worksheet><sheetData><row r="1">${cells.join('')}</row></sheetData></worksheet>`;
  return [...(parseWorksheet(xml, context()).rows[0] ?? [])];
}

const digitText = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^\d{1,17}$/),
    fc.option(fc.stringMatching(/^\d{0,17}$/), { nil: undefined }),
  )
  .map(
    ([negative, whole, fraction]) =>
      `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
  );

describe('number cells read in place', () => {
  it('give the double Number() gives, for plain digits of any length and any number of decimals', () => {
    fc.assert(
      fc.property(fc.array(digitText, { minLength: 1, maxLength: 20 }), (texts) => {
        expect(readNumbers(texts)).toEqual(texts.map((text) => Number(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('read the cases at the edges of the fast path as Number() does', () => {
    const texts = [
      '0.1',
      '0.3',
      '-0',
      '123456789012345',
      '1234567890123456',
      '0.000000000000001',
      '999999999999999.9',
      '1.',
      '.5',
      '1e3',
      '1E-7',
      '+4',
      ' 12 ',
      '4.35',
      '-1234.5678',
    ];
    expect(readNumbers(texts)).toEqual(texts.map((text) => Number(text)));
  });

  it('still reads a value element with attributes, and an empty or non-numeric one as before', () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1"><v xml:space="preserve"> 42.5 </v></c><c r="B1"><v></v></c>' +
      '<c r="C1"><v>abc</v></c></row></sheetData></worksheet>';
    expect(parseWorksheet(xml, context()).rows[0]).toEqual([
      42.5,
      null,
      { kind: 'cell-error', text: '#NUM!' },
    ]);
  });
});
