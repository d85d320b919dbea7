// Which columns can rate initiatives (issue 16 item 3): SCORE reads numbers, percentages and numeric text, so
// only such columns are offered as criteria; a column of words or an empty one is named with the reason.

import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/initiatives/sheet-table';
import { criterionProblem, userColumns } from '../../core/prioritization/ranking-columns';
import { sheetTable } from '../helpers';

const problemOf = (cells: readonly CellValue[]) => {
  const table = sheetTable(
    ['Criterion'],
    cells.map((cell) => [cell]),
  );
  const [column] = userColumns(table, []);
  if (!column) throw new Error('no column');
  return criterionProblem(table, column);
};

describe('criterionProblem', () => {
  it('takes numbers, percentages and numeric text, blanks between them', () => {
    expect(problemOf([8, 5, null, 3])).toBeUndefined();
    expect(problemOf(['60%', '75 %', 0.4])).toBeUndefined();
    expect(problemOf(['CHF 120,000', '$90,000', '1,250'])).toBeUndefined();
  });

  it('takes a column of numbers with a stray word, which is then that row’s issue', () => {
    expect(problemOf([8, 'TBD', 5])).toBeUndefined();
  });

  it('refuses words, quoting two of them', () => {
    expect(problemOf(['Finance', 'IT', 'Finance', 'HR'])).toBe('text, not numbers ("Finance", "IT", …)');
    expect(problemOf(['High', 'Low'])).toBe('text, not numbers ("High", "Low")');
    expect(problemOf([true, false])).toBe('text, not numbers ("TRUE", "FALSE")');
  });

  it('refuses a column mostly of words, and an empty one', () => {
    expect(problemOf([3, 'n/a', 'later'])).toBe(
      'mostly text: 2 of 3 values are not numbers ("n/a", "later")',
    );
    expect(problemOf([null, '  ', null])).toBe('no values');
  });
});
