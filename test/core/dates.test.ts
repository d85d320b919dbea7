import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countWorkingDays,
  isoFromSerial,
  isWorkingDay,
  monthStart,
  nextMonthStart,
  serialFromUtcDate,
  weekdayIndex,
  weekStart,
} from '../../core/dates';
import { d } from '../helpers';

describe('dates', () => {
  it('uses the Excel 1900 serials: 25569 is 1970-01-01 and 45658 is 2025-01-01', () => {
    expect(d('1970-01-01')).toBe(25569);
    expect(d('2025-01-01')).toBe(45658);
    expect(isoFromSerial(45658)).toBe('2025-01-01');
    expect(serialFromUtcDate(new Date(Date.UTC(2025, 0, 1)))).toBe(45658);
  });

  it('knows the weekday: 2025-03-03 is a Monday and 2025-03-09 a Sunday', () => {
    expect(weekdayIndex(d('2025-03-03'))).toBe(0);
    expect(weekdayIndex(d('2025-03-09'))).toBe(6);
    expect(isWorkingDay(d('2025-03-07'))).toBe(true);
    expect(isWorkingDay(d('2025-03-08'))).toBe(false);
  });

  it('labels weeks by their Monday and months by their 1st', () => {
    expect(isoFromSerial(weekStart(d('2025-03-09')))).toBe('2025-03-03');
    expect(isoFromSerial(weekStart(d('2025-03-03')))).toBe('2025-03-03');
    expect(isoFromSerial(monthStart(d('2025-02-28')))).toBe('2025-02-01');
    expect(isoFromSerial(nextMonthStart(d('2025-12-15')))).toBe('2026-01-01');
  });

  it('counts working days in an inclusive range', () => {
    expect(countWorkingDays(d('2025-03-03'), d('2025-03-09'))).toBe(5);
    expect(countWorkingDays(d('2025-03-08'), d('2025-03-09'))).toBe(0);
    expect(countWorkingDays(d('2025-03-07'), d('2025-03-10'))).toBe(2);
    expect(countWorkingDays(d('2025-03-10'), d('2025-03-07'))).toBe(0);
  });

  it('countWorkingDays equals a day-by-day count for any range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40000, max: 50000 }),
        fc.integer({ min: 0, max: 60 }),
        (first, length) => {
          let expected = 0;
          for (let day = first; day <= first + length; day++) if (isWorkingDay(day)) expected++;
          expect(countWorkingDays(first, first + length)).toBe(expected);
        },
      ),
    );
  });
});
