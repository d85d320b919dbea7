import { describe, expect, it } from 'vitest';
import { isPmoError } from '../../core/errors';
import { findTable, normalizeHeader } from '../../core/table';
import { ASSIGNMENTS_TABLE, RESOURCES_TABLE } from '../../core/utilization';

describe('findTable', () => {
  it('finds the header row under title rows and reports sheet row numbers', () => {
    const grid = [
      ['Acme PMO — resources'],
      ['Date:', '2025-03-01'],
      [],
      ['Name ', 'Hrs/Wk', 'Role'],
      ['Ana', 40, 'PM'],
      [],
      ['Ben', 32, 'Dev'],
    ];
    const table = findTable(grid, RESOURCES_TABLE, 3);
    if (isPmoError(table)) throw new Error(table.message);
    expect(table.columns.get('resource')).toBe(0);
    expect(table.columns.get('hoursPerWeek')).toBe(1);
    expect(table.rows.map((row) => row.number)).toEqual([7, 9]);
  });

  it('matches headers case-, space- and punctuation-insensitively, ignoring notes in brackets', () => {
    const grid = [
      ['TEAM MEMBER', 'Capacity (h/wk)', 'Start\n(planned)', 'Finish', 'Allocation %'],
      ['Ana', 40, 1, 2, 3],
    ];
    const table = findTable(grid, ASSIGNMENTS_TABLE);
    if (isPmoError(table)) throw new Error(table.message);
    expect([...table.columns.keys()].sort()).toEqual([
      'allocation',
      'end',
      'hoursPerWeek',
      'resource',
      'start',
    ]);
    expect(normalizeHeader(' Hrs / Wk ')).toBe('hrswk');
  });

  it('uses the first of two columns with the same header', () => {
    const table = findTable(
      [
        ['Resource', 'Resource', 'Hours per week'],
        ['Ana', 'Ben', 40],
      ],
      RESOURCES_TABLE,
    );
    if (isPmoError(table)) throw new Error(table.message);
    expect(table.columns.get('resource')).toBe(0);
  });

  it('names the missing column and lists the headers it saw', () => {
    const result = findTable(
      [
        ['Who', 'Hours per week'],
        ['Ana', 40],
      ],
      RESOURCES_TABLE,
    );
    expect(result).toMatchObject({ kind: 'error', code: 'value' });
    expect(isPmoError(result) && result.message).toBe(
      'The Resources table has no Resource column; headers seen: "Who", "Hours per week".',
    );
  });

  it('says a blank range or a single cell is not a table', () => {
    expect(findTable([], RESOURCES_TABLE)).toMatchObject({ code: 'not-available' });
    expect(findTable([[null, ''], ['  ']], RESOURCES_TABLE)).toMatchObject({ code: 'not-available' });
    expect(findTable([['Resource']], RESOURCES_TABLE)).toMatchObject({
      code: 'value',
      message: expect.stringContaining('single cell'),
    });
  });
});

describe('column preference', () => {
  it('prefers the column whose header is the more specific synonym, wherever it stands', () => {
    const table = findTable(
      [
        ['Name', 'Resource', 'Start', 'End', 'Hours'],
        ['Design review', 'Ana', 1, 2, 3],
      ],
      ASSIGNMENTS_TABLE,
    );
    if (isPmoError(table)) throw new Error(table.message);
    expect(table.columns.get('resource')).toBe(1);
    const resources = findTable(
      [
        ['Resource', 'Title', 'Role'],
        ['Ana', 'Dr', 'PM'],
      ],
      RESOURCES_TABLE,
    );
    if (isPmoError(resources)) throw new Error(resources.message);
    expect(resources.columns.get('role')).toBe(2);
  });
});
