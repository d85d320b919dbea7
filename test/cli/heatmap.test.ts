import { describe, expect, it } from 'vitest';
import { cellLabel, renderHeatmap, renderIssues, renderLegend, sanitizeText } from '../../cli/heatmap';
import type { RowIssue } from '../../core/table';
import type { Resource, UtilizationGrid } from '../../core/utilization';
import { d } from '../helpers';

const ESC = '\x1b';

function resource(name: string): Resource {
  return {
    name,
    dailyHours: 8,
    availability: 1,
    employmentStart: undefined,
    employmentEnd: undefined,
    row: 2,
  };
}

/** A grid from per-resource [load, capacity] pairs, one pair per week starting on `firstMonday`. */
function gridOf(
  rows: readonly [string, readonly (readonly [number, number])[]][],
  firstMonday = '2026-12-07',
): UtilizationGrid {
  const periods = rows[0]?.[1].length ?? 0;
  const loadHours = new Float64Array(rows.length * periods);
  const capacityHours = new Float64Array(rows.length * periods);
  rows.forEach(([, cells], r) => {
    cells.forEach(([load, capacity], p) => {
      loadHours[r * periods + p] = load;
      capacityHours[r * periods + p] = capacity;
    });
  });
  return {
    period: 'week',
    periodStarts: Array.from({ length: periods }, (_, p) => d(firstMonday) + 7 * p),
    resources: rows.map(([name]) => resource(name)),
    loadHours,
    capacityHours,
    issues: [],
  };
}

const lineOf = (text: string, label: string): string =>
  text.split('\n').find((line) => line.startsWith(label)) ?? '';
/** The numbers of a plain-text row, after its label. */
const valuesOf = (text: string, label: string): string[] =>
  lineOf(text, label).slice(label.length).trim().split(/\s+/);

describe('cellLabel', () => {
  it('shows whole percents, n/c for load without capacity and – for neither', () => {
    expect(cellLabel(34, 40)).toBe('85');
    expect(cellLabel(40.4, 40)).toBe('101');
    expect(cellLabel(60, 40)).toBe('150');
    expect(cellLabel(8, 0)).toBe('n/c');
    expect(cellLabel(0, 0)).toBe('–');
    expect(cellLabel(0, 40)).toBe('0');
  });
});

describe('renderHeatmap', () => {
  const banded = gridOf([
    ['Under', [[20, 40]]],
    ['Ok', [[34, 40]]],
    ['Over', [[44, 40]]],
    ['Critical', [[60, 40]]],
    ['Leaver', [[8, 0]]],
    ['Idle', [[0, 0]]],
  ]);

  it('colours each cell by band: under blue, ok green, over yellow, critical red, no capacity grey', () => {
    const text = renderHeatmap(banded, { color: true });
    expect(lineOf(text, 'Under')).toContain(`${ESC}[44;97m   50${ESC}[0m`);
    expect(lineOf(text, 'Ok')).toContain(`${ESC}[42;30m   85${ESC}[0m`);
    expect(lineOf(text, 'Over')).toContain(`${ESC}[43;30m  110${ESC}[0m`);
    expect(lineOf(text, 'Critical')).toContain(`${ESC}[41;97m  150${ESC}[0m`);
    expect(lineOf(text, 'Leaver')).toContain(`${ESC}[100;97m  n/c${ESC}[0m`);
    expect(lineOf(text, 'Idle')).not.toContain(ESC);
  });

  it('writes no escape code at all when colour is off', () => {
    const text = renderHeatmap(banded, { color: false });
    expect(text).not.toContain(ESC);
    expect(valuesOf(text, 'Critical')).toEqual(['150']);
    expect(valuesOf(text, 'Idle')).toEqual(['–']);
  });

  it('labels the weeks by their Monday as MM-DD and shows each year once', () => {
    const grid = gridOf(
      [
        [
          'Ana',
          [
            [1, 40],
            [1, 40],
            [1, 40],
            [1, 40],
            [1, 40],
          ],
        ],
      ],
      '2026-12-14',
    );
    const [years, labels] = renderHeatmap(grid, { color: false }).split('\n');
    expect(labels?.trim().split(/\s+/)).toEqual(['Resource', '12-14', '12-21', '12-28', '01-04', '01-11']);
    expect(years?.match(/\d{4}/g)).toEqual(['2026', '2027']);
    // The year ends in the same column as the label of the first week in that year.
    expect((years?.indexOf('2027') ?? 0) + 4).toBe((labels?.indexOf('01-04') ?? 0) + 5);
  });

  it('computes the Total row as Σ load ÷ Σ capacity, not the average of the percentages', () => {
    // 10 h of 40 (25%) and 40 h of 20 (200%): the average of percentages would be 112.5%, but the team
    // has 50 h of load against 60 h of capacity, which is 83%.
    const grid = gridOf([
      ['Ana', [[10, 40]]],
      ['Ben', [[40, 20]]],
    ]);
    expect(valuesOf(renderHeatmap(grid, { color: false }), 'Total')).toEqual(['83']);
  });

  it('shows a legend with every band and its thresholds', () => {
    const text = renderHeatmap(banded, { color: false });
    const legend = lineOf(text, 'Legend');
    for (const part of ['under < 70%', 'ok 70%–100%', 'over > 100%', 'critical > 120%', 'n/c', 'no capacity'])
      expect(legend).toContain(part);
    expect(renderLegend(false, { ok: 0.5, over: 0.9, critical: 1.1 })).toContain('critical > 110%');
  });

  it('fits the weeks in the terminal width and says how many were cut and how to see them', () => {
    const weeks = Array.from({ length: 30 }, () => [30, 40] as const);
    const grid = gridOf([['Ana', weeks]]);
    const text = renderHeatmap(grid, { color: false, columns: 80 });
    expect(
      text
        .split('\n')
        .every((line) => line.length <= 80 || line.startsWith('Legend') || line.startsWith('Showing')),
    ).toBe(true);
    const shown = valuesOf(text, 'Ana').length;
    expect(shown).toBeLessThan(30);
    expect(text).toContain(`Showing the first ${shown} of 30 weeks: ${30 - shown} more`);
    expect(text).toContain('--from/--to');
    expect(valuesOf(renderHeatmap(grid, { color: false, maxWeeks: 3 }), 'Ana')).toHaveLength(3);
    expect(renderHeatmap(grid, { color: false, columns: 1000 })).not.toContain('Showing');
  });

  it('pads and truncates resource names to one width', () => {
    const grid = gridOf([
      ['A very long resource name that goes on', [[1, 40]]],
      ['Bo', [[1, 40]]],
    ]);
    const lines = renderHeatmap(grid, { color: false, nameWidth: 12 }).split('\n');
    expect(lines).toContain('A very long…     3');
    expect(lines).toContain('Bo               3');
  });

  it('strips terminal escape sequences and control characters out of resource names', () => {
    const grid = gridOf([['Eve\x1b[2J\x1b]0;pwned\x07\r\nX\u202e', [[1, 40]]]]);
    const text = renderHeatmap(grid, { color: true, nameWidth: 60 });
    // The only escape codes left are the heatmap's own colour codes; no other control character is left.
    const withoutColours = text.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '');
    const controls = [...withoutColours].filter(
      (char) => (char < ' ' && char !== '\n') || char === '\x7f' || char === '\u202e',
    );
    expect(controls).toEqual([]);
    expect(text).toContain('Eve\\x1b[2J\\x1b]0;pwned\\x07  X\\u{202e}');
  });
});

describe('sanitizeText', () => {
  it('turns tabs and line breaks into spaces and other controls into visible escapes', () => {
    expect(sanitizeText('a\tb\nc\r\nd')).toBe('a b c  d');
    expect(sanitizeText('bell\x07 del\x7f c1\x9b')).toBe('bell\\x07 del\\x7f c1\\x9b');
    expect(sanitizeText('Zoë Müller')).toBe('Zoë Müller');
  });
});

describe('renderIssues', () => {
  const issues: RowIssue[] = [
    {
      table: 'Assignments',
      row: 23,
      column: 'End',
      value: '2027-02-12',
      problem: 'end 2027-02-12 before start 2027-03-15: row left out',
    },
    {
      table: 'Assignments',
      row: 43,
      column: 'Resource',
      value: 'x'.repeat(80),
      problem: 'resource not in the Resources table: row left out',
    },
    {
      table: 'Assignments',
      row: 7,
      column: 'Resource',
      value: '\x1b[31mred\x1b[0m',
      problem: 'resource not in the Resources table: row left out',
    },
  ];

  it('renders a plain table with the columns Table, Row, Column, Value, Problem', () => {
    const lines = renderIssues(issues).split('\n');
    expect(lines[0]?.split(/\s{2,}/)).toEqual(['Table', 'Row', 'Column', 'Value', 'Problem']);
    expect(lines[2]?.split(/\s{2,}/)).toEqual([
      'Assignments',
      '23',
      'End',
      '2027-02-12',
      'end 2027-02-12 before start 2027-03-15: row left out',
    ]);
  });

  it('shortens long values and escapes control characters in them', () => {
    const text = renderIssues(issues);
    expect(text).not.toContain('x'.repeat(31));
    expect(text).toContain(`${'x'.repeat(29)}…`);
    expect(text).not.toContain(ESC);
    expect(text).toContain('\\x1b[31mred\\x1b[0m');
  });

  it('counts the issues beyond the row limit instead of listing them', () => {
    const text = renderIssues(issues, 2);
    expect(text.split('\n')).toHaveLength(5);
    expect(text).toContain('and 1 more issues not shown');
  });

  it('says there are no data issues when the list is empty', () => {
    expect(renderIssues([])).toBe('No data issues.');
  });
});
