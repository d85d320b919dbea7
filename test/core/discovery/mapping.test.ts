import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../core/cells';
import { isUserText, type PlanValue } from '../../../core/dashboard/plan';
import { TABLE_KINDS, type TableKind } from '../../../core/discovery/kinds';
import {
  locationProblems,
  type MappedTable,
  mergeMappings,
  parseColumnLetters,
  parseKind,
  parseLocation,
  parseRange,
  parseRole,
  specOf,
  type TableMapping,
} from '../../../core/discovery/mapping';
import {
  choosePmoDataSheet,
  isPmoDataSheet,
  MAPPING_HEADERS,
  MAPPING_SECTION,
  mappingRows,
  PMO_DATA_MARKER,
  pmoDataPlan,
  pmoDataRows,
  readMapping,
} from '../../../core/discovery/pmo-data';
import type { SheetView } from '../../../core/workbook';

/** Plan values as a host reads them back: user text as its string. */
const asCells = (rows: readonly (readonly PlanValue[])[]): Cell[][] =>
  rows.map((row) =>
    row.map((value) =>
      isUserText(value) ? value.userText : typeof value === 'object' && value !== null ? null : value,
    ),
  );

const sheet = (name: string, rows: readonly (readonly Cell[])[], firstRow = 1): SheetView => ({
  name,
  rows,
  firstRow,
  tables: [],
});

const RISK_AT = { sheet: 'Risk Register', range: 'A2:J12', headerRows: 1 };
const RISKS: MappedTable = {
  at: RISK_AT,
  columns: { probability: 'D', impact: 'E' },
};

describe('parsing a mapping', () => {
  it('reads kinds by their key, ignoring case, spaces and punctuation', () => {
    expect(parseKind('risks')).toBe('risks');
    expect(parseKind('Time off')).toBe('timeOff');
    expect(parseKind('riskz')).toEqual({
      problem: '"riskz" is not a kind of table: use resources, assignments, timeOff, initiatives, risks',
    });
  });

  it("reads roles by the kind's column key or label and lists the kind's roles otherwise", () => {
    expect(parseRole('resources', 'hoursPerWeek')).toBe('hoursPerWeek');
    expect(parseRole('resources', 'Hours per week')).toBe('hoursPerWeek');
    expect(parseRole('risks', 'Probability')).toBe('probability');
    const problem = parseRole('timeOff', 'probability');
    expect(problem).toEqual({
      problem: '"probability" is not a column of timeOff: use resource, start, end, hours',
    });
    expect(typeof parseRole('risks', '')).toBe('object');
  });

  it('reads column letters A to XFD in any case', () => {
    expect(parseColumnLetters('d')).toBe('D');
    expect(parseColumnLetters(' XFD ')).toBe('XFD');
    expect(parseColumnLetters('XFE')).toHaveProperty('problem');
    expect(parseColumnLetters('D4')).toEqual({ problem: '"D4" is not a column: give its letters, e.g. D' });
  });

  it('reads ranges and sheet-qualified ranges, quoted sheet names included', () => {
    expect(parseRange('$a$2:$j$12')).toBe('A2:J12');
    expect(parseRange('J12:A2')).toBe('A2:J12');
    expect(parseRange('A2:J')).toEqual({ problem: '"A2:J" is not a range: write it as A2:J12' });
    expect(parseLocation('Risk Register!A2:J12')).toEqual({
      sheet: 'Risk Register',
      range: 'A2:J12',
      headerRows: 1,
    });
    expect(parseLocation("'Q1 ''26'!b3:h40")).toEqual({ sheet: "Q1 '26", range: 'B3:H40', headerRows: 1 });
    expect(parseLocation('A2:J12')).toEqual({
      problem: '"A2:J12" is not a sheet and range: write it as "Risk Register!A2:J12"',
    });
    expect(parseLocation('Risks!A0:B3')).toHaveProperty('problem');
  });
});

describe('checking a mapping against the workbook', () => {
  const sheets = [sheet('Risk Register', [['x']]), sheet('Team', [['y']])];

  it('says when the sheet is not in the workbook, naming the sheets there are', () => {
    const { table } = locationProblems(
      'risks',
      { ...RISKS, at: { ...RISK_AT, sheet: 'Risk Regster' } },
      sheets,
    );
    expect(table).toEqual([
      'risks: the workbook has no sheet "Risk Regster" (its sheets: "Risk Register", "Team")',
    ]);
  });

  it('finds the sheet when only the case differs, as Excel compares names', () => {
    const { table } = locationProblems(
      'risks',
      { ...RISKS, at: { ...RISK_AT, sheet: 'risk register' } },
      sheets,
    );
    expect(table).toEqual([]);
  });

  it('says when a column is outside the range or holds two roles', () => {
    const { columns } = locationProblems(
      'risks',
      { ...RISKS, columns: { probability: 'K', impact: 'E', cost: 'E' } },
      sheets,
    );
    expect([...columns]).toEqual([
      ['cost', 'risks.cost: column E is already risks.impact'],
      ['probability', 'risks.probability: column K is outside the range A2:J12'],
    ]);
  });

  it('says when the header rows do not fit in the range', () => {
    const { table } = locationProblems(
      'risks',
      { at: { sheet: 'Team', range: 'A2:B3', headerRows: 3 }, columns: {} },
      sheets,
    );
    expect(table).toEqual(['risks: 3 header rows do not fit in the range A2:B3']);
  });
});

describe('options over the saved mapping', () => {
  it('keeps the saved columns when an option only corrects one of them', () => {
    const merged = mergeMappings({ risks: RISKS }, { risks: { columns: { impact: 'F' } } });
    expect(merged.risks).toEqual({
      mapped: { at: RISKS.at, columns: { probability: 'D', impact: 'F' } },
      source: 'option',
    });
  });

  it('drops the saved columns when an option moves the table elsewhere', () => {
    const at = { sheet: 'Team', range: 'A1:C9', headerRows: 1 };
    const merged = mergeMappings({ risks: RISKS }, { risks: { at, columns: {} } });
    expect(merged.risks).toEqual({ mapped: { at, columns: {} }, source: 'option' });
  });

  it('says which kinds come from the saved mapping alone', () => {
    expect(mergeMappings({ risks: RISKS }, {}).risks?.source).toBe('mapping');
  });
});

/** Sheet names Excel allows: 1–31 characters, none of []:*?/\, not blank, no apostrophe at either end. */
const sheetName = fc
  .string({ minLength: 1, maxLength: 31 })
  .filter(
    (name) =>
      !/[[\]:*?/\\]/.test(name) &&
      ![...name].some((char) => char < ' ') &&
      name.trim() !== '' &&
      !/^'|'$/.test(name),
  );

const letters = fc.integer({ min: 0, max: 200 });

const mappedTable = (kind: TableKind): fc.Arbitrary<MappedTable> => {
  const roles = specOf(kind).columns.map((column) => column.key);
  return fc
    .record({
      at: fc.option(
        fc.record({
          sheet: sheetName,
          firstRow: fc.integer({ min: 1, max: 5000 }),
          rows: fc.integer({ min: 1, max: 500 }),
          firstColumn: letters,
          columns: fc.integer({ min: 0, max: 30 }),
          headerRows: fc.integer({ min: 1, max: 3 }),
        }),
        { nil: undefined },
      ),
      columns: fc.dictionary(fc.constantFrom(...roles), fc.constantFrom('A', 'D', 'Z', 'AB', 'XFD')),
    })
    .filter(({ at, columns }) => at !== undefined || Object.keys(columns).length > 0)
    .map(({ at, columns }) => ({
      ...(at
        ? {
            at: {
              sheet: at.sheet,
              range: `${columnName(at.firstColumn)}${at.firstRow}:${columnName(at.firstColumn + at.columns)}${at.firstRow + at.rows}`,
              headerRows: at.headerRows,
            },
          }
        : {}),
      columns,
    }));
};

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const mappings: fc.Arbitrary<TableMapping> = fc
  .subarray([...TABLE_KINDS])
  .chain((kinds) =>
    fc.tuple(...kinds.map((kind) => mappedTable(kind).map((mapped) => [kind, mapped] as const))),
  )
  .map((entries) => Object.fromEntries(entries) as TableMapping);

describe('the PMO Data sheet', () => {
  it('is laid out as the marker, a blank row, the section title, its header and one row per location and role', () => {
    const rows = pmoDataRows({ risks: RISKS });
    expect(asCells(rows)).toEqual([
      [PMO_DATA_MARKER],
      [],
      [MAPPING_SECTION],
      [...MAPPING_HEADERS],
      ['risks', 'Risk Register', 'A2:J12', 1],
      ['risks', null, null, null, 'probability', 'D'],
      ['risks', null, null, null, 'impact', 'E'],
    ]);
    expect(MAPPING_HEADERS).toEqual(['Kind', 'Sheet', 'Range', 'Header rows', 'Role', 'Column']);
  });

  it('writes sheet names as user text, so "=cmd" never becomes a formula', () => {
    const rows = mappingRows({ risks: { ...RISKS, at: { ...RISK_AT, sheet: '=cmd|x' } } });
    expect(rows[2]?.[1]).toEqual({ userText: '=cmd|x' });
    const plan = pmoDataPlan('PMO Data', pmoDataRows({ risks: RISKS }));
    expect(plan.cells[4]?.[1]).toEqual({ value: { userText: 'Risk Register' }, numberFormat: '@' });
  });

  it('reads back what it wrote: write then read gives the same mapping', () => {
    fc.assert(
      fc.property(mappings, (mapping) => {
        const read = readMapping(sheet('PMO Data', asCells(pmoDataRows(mapping))));
        expect(read?.problems).toEqual([]);
        expect(read?.mapping).toEqual(mapping);
      }),
      { numRuns: 300 },
    );
  });

  it('is not the add-in\'s without the marker in A1: a user\'s "PMO Data" sheet is ignored', () => {
    const rows = asCells(pmoDataRows({ risks: RISKS }));
    const userSheet = sheet('PMO Data', [['My PMO data'], ...rows.slice(1)]);
    expect(isPmoDataSheet(userSheet)).toBe(false);
    expect(readMapping(userSheet)).toBeUndefined();
    expect(isPmoDataSheet(sheet('PMO Data', rows.slice(1), 2))).toBe(false);
  });

  it('reads rows whose columns were reordered and reports each bad row with its sheet row', () => {
    const read = readMapping(
      sheet('PMO Data', [
        [PMO_DATA_MARKER],
        [],
        ['Table mapping'],
        ['Kind', 'Role', 'Column', 'Sheet', 'Range'],
        ['risks', '', '', 'Risk Register', 'a2:j12'],
        ['risks', 'Likelihood', 'D'],
        ['risks', 'impact', '4'],
        ['riskz', 'impact', 'E'],
        ['risks', '', '', 'Other', 'A1:B2'],
        ['Build history'],
        ['2026-11-27 14:55', 'built'],
      ]),
    );
    expect(read?.mapping).toEqual({
      risks: { at: { sheet: 'Risk Register', range: 'A2:J12', headerRows: 1 }, columns: {} },
    });
    expect(read?.problems).toEqual([
      {
        source: 'mapping',
        row: 6,
        message: expect.stringMatching(/^"Likelihood" is not a column of risks: use id, title/),
      },
      { source: 'mapping', row: 7, message: 'risks.impact: "4" is not a column: give its letters, e.g. D' },
      { source: 'mapping', row: 8, message: expect.stringMatching(/^"riskz" is not a kind of table/) },
      { source: 'mapping', row: 9, message: 'risks is mapped twice (rows 5 and 9): the first is used' },
    ]);
  });

  it('keeps the other sections of an earlier PMO Data sheet when the mapping is rewritten', () => {
    const earlier = sheet('PMO Data', [
      [PMO_DATA_MARKER],
      [],
      ['Table mapping'],
      [...MAPPING_HEADERS],
      ['risks', 'Old', 'A1:B2', 1],
      [],
      ['Build history'],
      ['2026-11-27 14:55', 'built', 3],
    ]);
    const rows = asCells(pmoDataRows({ risks: RISKS }, earlier));
    expect(rows.slice(-3)).toEqual([[], ['Build history'], ['2026-11-27 14:55', 'built', 3]]);
    expect(readMapping(sheet('PMO Data', rows))?.mapping).toEqual({ risks: RISKS });
  });

  it('goes to "PMO Data (2)" when a user sheet already has the name', () => {
    const sheets = [
      { name: 'pmo data', ours: false },
      { name: 'PMO Data (2)', ours: true },
    ];
    expect(choosePmoDataSheet(sheets, (s) => s.ours)).toEqual({ name: 'PMO Data (2)', existing: sheets[1] });
    expect(choosePmoDataSheet([], () => false)).toEqual({ name: 'PMO Data', existing: undefined });
  });
});
