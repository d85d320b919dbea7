// The rules the dashboard shares with the functions and the CLI: the named Budget and over-allocation.

import { describe, expect, it } from 'vitest';
import { namedBudget } from '../../core/dashboard/budget';
import { isOverallocated } from '../../core/utilization';

describe('namedBudget', () => {
  it('reads one cell holding a number or money text', () => {
    expect(namedBudget([[300000]])).toBe(300000);
    expect(namedBudget([['CHF 1,200,000']])).toBe(1200000);
    expect(namedBudget([[0]])).toBe(0);
  });

  it('is no budget for a name over several cells, a negative amount, text, an error or no name', () => {
    expect(namedBudget([[1], [2]])).toBeUndefined();
    expect(namedBudget([[1, 2]])).toBeUndefined();
    expect(namedBudget([[-5]])).toBeUndefined();
    expect(namedBudget([['tbd']])).toBeUndefined();
    expect(namedBudget([[{ kind: 'cell-error', text: '#REF!' }]])).toBeUndefined();
    expect(namedBudget([[null]])).toBeUndefined();
    expect(namedBudget(undefined)).toBeUndefined();
  });
});

describe('isOverallocated', () => {
  it('is strictly above the threshold (100% by default), or load against no capacity', () => {
    expect(isOverallocated(40, 40)).toBe(false);
    expect(isOverallocated(40.5, 40)).toBe(true);
    expect(isOverallocated(44, 40, 1.1)).toBe(false);
    expect(isOverallocated(45, 40, 1.1)).toBe(true);
    expect(isOverallocated(8, 0)).toBe(true);
    expect(isOverallocated(0, 0)).toBe(false);
  });
});
