import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  a1Address,
  columnIndex,
  columnLetters,
  parseA1,
  sheetOfReference,
  sheetReference,
} from '../../core/a1';

describe('A1 references', () => {
  it('turns column indexes into letters and back: A, Z, AA, XFD', () => {
    expect([0, 25, 26, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'XFD']);
    expect(['a', 'Z', 'AA', 'xfd'].map(columnIndex)).toEqual([0, 25, 26, 16383]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (column) => {
        expect(columnIndex(columnLetters(column))).toBe(column);
      }),
    );
  });

  it('reads cells and blocks with or without $ and a sheet, and writes them back', () => {
    expect(parseA1("'My ''best'' sheet'!$B$3:$H$12")).toEqual({
      firstRow: 3,
      firstColumn: 1,
      lastRow: 12,
      lastColumn: 7,
    });
    expect(parseA1('T2')).toEqual({ firstRow: 2, firstColumn: 19, lastRow: 2, lastColumn: 19 });
    expect(parseA1('Budget')).toBeUndefined();
    expect(a1Address(3, 1, 12, 7)).toBe('B3:H12');
    expect(a1Address(2, 19, 2, 19)).toBe('T2');
  });

  it('finds the sheet of a reference, quoted or not', () => {
    expect(sheetOfReference('Initiatives!$T$2')).toBe('Initiatives');
    expect(sheetOfReference("'My ''best'' sheet'!B3")).toBe("My 'best' sheet");
    expect(sheetOfReference('B3')).toBeUndefined();
  });

  it('writes a reference to a block on a sheet, quoting the name only when a host would', () => {
    expect(sheetReference('Sheet1', 'A5:E9')).toBe('Sheet1!A5:E9');
    expect(sheetReference('Time Off', 'A1:D3')).toBe("'Time Off'!A1:D3");
    expect(sheetReference("Ana's plan", 'B2')).toBe("'Ana''s plan'!B2");
    expect(sheetReference('2025', 'A1')).toBe("'2025'!A1");
    for (const name of ['Q1', 'XFD12', 'R2C3', 'R', 'c'])
      expect(sheetReference(name, 'A1'), name).toBe(`'${name}'!A1`);
  });

  it('writes references that read back as the same sheet and block', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 31 }),
        fc.integer({ min: 1, max: 1_048_576 }),
        fc.integer({ min: 0, max: 16_383 }),
        (sheet, row, column) => {
          const reference = sheetReference(sheet, a1Address(row, column, row, column));
          expect(sheetOfReference(reference)).toBe(sheet);
          expect(parseA1(reference)).toEqual({
            firstRow: row,
            firstColumn: column,
            lastRow: row,
            lastColumn: column,
          });
        },
      ),
    );
  });
});
