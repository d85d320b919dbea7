import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoFromSerial } from '../../core/dates';
import { headerPeriod, periodColumns, withMonthYears } from '../../core/periods';
import { d } from '../helpers';

const span = (cell: Parameters<typeof headerPeriod>[0]) => {
  const period = headerPeriod(cell);
  if (!period) return undefined;
  return 'day' in period
    ? { day: isoFromSerial(period.day) }
    : { from: isoFromSerial(period.start), to: isoFromSerial(period.end) };
};

describe('a header cell as a period', () => {
  it.each([
    ['Jan-25', '2025-01-01', '2025-01-31'],
    ['Feb 2024', '2024-02-01', '2024-02-29'],
    ['September 2025', '2025-09-01', '2025-09-30'],
    ['Sept. 2025', '2025-09-01', '2025-09-30'],
    ["Jul '16", '2016-07-01', '2016-07-31'],
    ['2025-03', '2025-03-01', '2025-03-31'],
    ['03/2025', '2025-03-01', '2025-03-31'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
    ['W03 2025', '2025-01-13', '2025-01-19'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['Q1 2025', '2025-01-01', '2025-03-31'],
    ['2025 Q4', '2025-10-01', '2025-12-31'],
    ["Q2 '25", '2025-04-01', '2025-06-30'],
  ])('reads "%s" as %s to %s', (text, from, to) => {
    expect(span(text)).toEqual({ from, to });
  });

  it('reads a date cell or date text as a day, whose span comes from its neighbours', () => {
    expect(span(d('2025-03-03'))).toEqual({ day: '2025-03-03' });
    expect(span('2025-03-10')).toEqual({ day: '2025-03-10' });
  });

  it.each(['Marketing 2025', 'Total', 'Week 1', 'Q5 2025', '2025-13', 'Jan 1850', 'Project', ''])(
    'reads "%s" as no period',
    (text) => {
      expect(headerPeriod(text)).toBeUndefined();
    },
  );

  it('reads no year-like or amount-like number as a date (2025, 45000.5, 1)', () => {
    expect(headerPeriod(2025)).toBeUndefined();
    expect(headerPeriod(45_000.5)).toBeUndefined();
    expect(headerPeriod(1)).toBeUndefined();
  });
});

describe('the period columns of a header row', () => {
  const isoSpans = (row: Parameters<typeof periodColumns>[0]) =>
    periodColumns(row).map((p) => [p.column, isoFromSerial(p.start), isoFromSerial(p.end)]);

  it('makes weeks of dates seven days apart, the last one a week too', () => {
    expect(isoSpans(['Name', d('2025-03-03'), d('2025-03-10'), d('2025-03-17'), 'Total'])).toEqual([
      [1, '2025-03-03', '2025-03-09'],
      [2, '2025-03-10', '2025-03-16'],
      [3, '2025-03-17', '2025-03-23'],
    ]);
  });

  it('makes months of first days, the last one a whole month', () => {
    expect(isoSpans(['Name', d('2025-01-01'), d('2025-02-01'), d('2025-03-01')])).toEqual([
      [1, '2025-01-01', '2025-01-31'],
      [2, '2025-02-01', '2025-02-28'],
      [3, '2025-03-01', '2025-03-31'],
    ]);
    expect(isoSpans(['Name', d('2025-01-01'), d('2025-04-01'), d('2025-07-01')]).at(-1)).toEqual([
      3,
      '2025-07-01',
      '2025-09-30',
    ]);
  });

  it('needs three periods in increasing order; two dates are a Start and an End', () => {
    expect(periodColumns(['Resource', 'Start', 'End', d('2025-03-03'), d('2025-03-10')])).toEqual([]);
    expect(periodColumns(['Name', 'Mar-25', 'Feb-25', 'Jan-25'])).toEqual([]);
    expect(periodColumns(['Name', 'Jan-25', null, 'Feb-25', 'Mar-25']).map((p) => p.column)).toEqual([
      1, 3, 4,
    ]);
  });

  it('gives periods that follow each other without gap or overlap, each at least a day (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: d('1995-01-01'), max: d('2090-01-01') }),
        fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 2, maxLength: 30 }),
        (first, steps) => {
          const days = [first];
          for (const step of steps) days.push((days.at(-1) ?? first) + step);
          const periods = periodColumns(['Name', ...days]);
          expect(periods).toHaveLength(days.length);
          periods.forEach((period, i) => {
            expect(period.end).toBeGreaterThanOrEqual(period.start);
            const next = periods[i + 1];
            if (next) expect(next.start).toBe(period.end + 1);
          });
        },
      ),
    );
  });
});

describe('months without their year', () => {
  it('take the first year written above them, rolling into the next year when the months start again', () => {
    const grid = [
      ['Resource plan FY2026 (hours)'],
      [],
      ['Name', 'Nov', 'Dec', 'January', 'Feb', 'Total'],
      ['Ana', 80, 80, 40, 40, 240],
    ];
    const dated = withMonthYears(grid, 10);
    expect(dated[2]).toEqual(['Name', 'Nov 2026', 'Dec 2026', 'January 2027', 'Feb 2027', 'Total']);
    expect(dated[3]).toBe(grid[3]);
    expect(grid[2]?.[1]).toBe('Nov');
  });

  it('take the year of the sheet name when no title gives one, and stay months alone without any year', () => {
    const grid = [
      ['Name', 'Jan', 'Feb', 'Mar'],
      ['Ana', 8, 8, 8],
    ];
    expect(withMonthYears(grid, 10, 'Plan_2026')[0]).toEqual(['Name', 'Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(withMonthYears(grid, 10, 'Plan')).toBe(grid);
    // Two month names are no plan's header.
    expect(withMonthYears([['Name', 'Jan', 'Feb']], 10, '2026')[0]).toEqual(['Name', 'Jan', 'Feb']);
  });
});
