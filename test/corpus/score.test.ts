// The corpus runner's comparison (scripts/corpus.ts) on tiny in-memory cases: no cached workbook needed.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../core/cells';
import { findTables, type SheetView } from '../../core/workbook';
import {
  columnRight,
  LABELS_PATH,
  type LabelFile,
  type LabelTable,
  type Observed,
  observe,
  scoreFile,
  summarize,
} from '../../scripts/corpus';

const risksLabel: LabelTable = {
  kind: 'risks',
  sheet: 'Risks',
  headerRows: [2],
  rows: 3,
  columns: { id: 'A', title: 'B', probability: 'C|D', impact: 'E', cost: null },
};

const claim = (over: Partial<Observed> = {}): Observed => ({
  kind: 'risks',
  sheet: 'Risks',
  foundBy: 'sheet name',
  headerRow: 2,
  rows: 3,
  columns: { id: 'A', title: 'B', probability: 'D', impact: 'E' },
  ...over,
});

const sheet = (name: string, rows: Cell[][], firstRow = 1, tables: SheetView['tables'] = []): SheetView => ({
  name,
  rows,
  firstRow,
  tables,
});

describe('columnRight', () => {
  it('takes a letter, alternatives, an exact set, or null for "no such column"', () => {
    expect(columnRight('C', 'C')).toBe(true);
    expect(columnRight('C', 'D')).toBe(false);
    expect(columnRight('C', undefined)).toBe(false);
    expect(columnRight('C|D', 'D')).toBe(true);
    expect(columnRight(['C', 'D'], ['D', 'C'])).toBe(true);
    expect(columnRight(['C', 'D'], ['C'])).toBe(false);
    expect(columnRight(['C'], ['C', 'D'])).toBe(false);
    expect(columnRight(null, undefined)).toBe(true);
    expect(columnRight(null, [])).toBe(true);
    expect(columnRight(null, 'F')).toBe(false);
  });
});

describe('scoreFile', () => {
  it('counts a table fully right when kind, sheet, header row, rows and key columns all match', () => {
    const score = scoreFile('a.xlsx', [risksLabel], [claim()]);
    expect(score.tables).toHaveLength(1);
    expect(score.tables[0]).toMatchObject({
      found: true,
      headerRight: true,
      rowsRight: true,
      fullyRight: true,
    });
    expect(score.falseClaims).toEqual([]);
  });

  it('names each wrong part: header row, data rows, columns (a column claimed where the label says none)', () => {
    const score = scoreFile(
      'a.xlsx',
      [risksLabel],
      [
        claim({
          headerRow: 1,
          rows: 4,
          columns: { id: 'A', title: 'C', probability: 'D', impact: 'E', cost: 'F' },
        }),
      ],
    );
    expect(score.tables[0]).toMatchObject({
      found: true,
      headerRight: false,
      rowsRight: false,
      fullyRight: false,
    });
    expect(score.tables[0]?.wrongColumns).toEqual(['title', 'cost']);
  });

  it('accepts any of several header rows, and takes a table the kind cannot read as found but wrong', () => {
    const twoRows = { ...risksLabel, headerRows: [1, 2] };
    expect(scoreFile('a.xlsx', [twoRows], [claim({ headerRow: 1 })]).tables[0]?.fullyRight).toBe(true);
    const { headerRow: _h, rows: _r, ...rest } = claim();
    const unreadable = scoreFile(
      'a.xlsx',
      [risksLabel],
      [{ ...rest, columns: {}, problem: 'no Probability' }],
    );
    expect(unreadable.tables[0]).toMatchObject({ found: true, fullyRight: false });
    expect(unreadable.tables[0]?.wrongColumns).toEqual(['id', 'title', 'probability', 'impact', 'cost']);
  });

  it('misses a table claimed on another sheet or as another kind, and counts those claims as false', () => {
    const score = scoreFile(
      'a.xlsx',
      [
        risksLabel,
        { kind: 'other', sheet: 'Issues', headerRows: [1], rows: 2, columns: {}, note: 'Issue log.' },
      ],
      [claim({ kind: 'timeOff' }), claim({ sheet: 'Issues' }), claim({ kind: 'resources', sheet: 'Notes' })],
    );
    expect(score.tables[0]?.found).toBe(false);
    expect(score.falseClaims.map((c) => c.reason)).toEqual([
      'wrong kind: the sheet holds risks',
      'claims a table labelled other (Issue log.)',
      'no table labelled on that sheet',
    ]);
  });

  it('matches each claim to one label only', () => {
    const second = { ...risksLabel, sheet: 'Risks 2' };
    const score = scoreFile('a.xlsx', [risksLabel, second], [claim(), claim({ sheet: 'Risks 2' })]);
    expect(score.tables.map((t) => t.found)).toEqual([true, true]);
    expect(scoreFile('a.xlsx', [risksLabel, risksLabel], [claim()]).tables.map((t) => t.found)).toEqual([
      true,
      false,
    ]);
  });
});

describe('summarize', () => {
  it('adds up tables, found, fully right, false claims and files that failed to open', () => {
    const label: LabelFile = {
      file: 'a.xlsx',
      source: { repo: 'o/r', path: 'a.xlsx', commit: '0'.repeat(40), licence: 'MIT' },
      tables: [risksLabel, { kind: 'other', sheet: 'Issues', headerRows: [1], rows: 2, columns: {} }],
    };
    const good = scoreFile('a.xlsx', label.tables, [claim(), claim({ sheet: 'Issues' })]);
    const failed = { ...scoreFile('b.xlsx', [risksLabel], []), error: 'the file is empty' };
    const summary = summarize([label, { ...label, file: 'b.xlsx' }], [good, failed], ['c.xlsx']);
    expect(summary).toMatchObject({
      filesLabelled: 2,
      filesMissing: ['c.xlsx'],
      filesFailed: [{ file: 'b.xlsx', message: 'the file is empty' }],
      tablesLabelled: 2,
      foundRight: 1,
      fullyRight: 1,
      falseClaims: 1,
      otherClaimed: 1,
      otherLabelled: 2,
    });
  });
});

describe('observe', () => {
  it('reads a claimed table back with its kind spec: sheet header row, data rows, key column letters', () => {
    const sheets = [
      sheet(
        'Risk Register',
        [
          ['My register'],
          ['ID', 'Risk', 'Likelihood', 'Impact', 'Owner'],
          ['R1', 'Late vendor', 3, 4, 'Ana'],
          ['R2', 'Scope creep', 2, 5, 'Ben'],
        ],
        3,
      ),
    ];
    const risks = findTables(sheets).tables.risks;
    expect(risks).toBeDefined();
    if (!risks) return;
    expect(observe(risks)).toEqual({
      kind: 'risks',
      sheet: 'Risk Register',
      foundBy: 'sheet name',
      headerRow: 4,
      rows: 2,
      columns: { id: 'A', title: 'B', probability: 'C', impact: 'D', owner: 'E' },
    });
  });

  it('gives sheet column letters for an Excel table that does not start in column A', () => {
    const rows: Cell[][] = [
      [null, null, 'Resource', 'Start', 'End', 'Hours per week'],
      [null, null, 'Ana', 45658, 45688, 20],
    ];
    const sheets = [sheet('Data', rows, 1, [{ name: 'tblAssignments', ref: 'C1:F2' }])];
    const assignments = findTables(sheets).tables.assignments;
    expect(assignments?.foundBy).toBe('table name');
    if (!assignments) return;
    expect(observe(assignments).columns).toEqual({ resource: 'C', start: 'D', end: 'E', load: 'F' });
  });
});

describe('the labels file', () => {
  it('names a source and valid labels for every file', () => {
    const labels = JSON.parse(readFileSync(LABELS_PATH, 'utf8')) as LabelFile[];
    expect(labels.length).toBeGreaterThanOrEqual(15);
    const kinds = new Set(['resources', 'assignments', 'timeOff', 'initiatives', 'risks', 'other']);
    for (const file of labels) {
      expect(file.source.commit, file.file).toMatch(/^[0-9a-f]{40}$/);
      expect(file.source.repo, file.file).toMatch(/^[^/]+\/[^/]+$/);
      for (const table of file.tables) {
        expect(kinds.has(table.kind), `${file.file} ${table.sheet}`).toBe(true);
        expect(table.headerRows.length, `${file.file} ${table.sheet}`).toBeGreaterThan(0);
        for (const letters of Object.values(table.columns).flat())
          if (letters !== null) expect(letters, `${file.file} ${table.sheet}`).toMatch(/^[A-Z]+(\|[A-Z]+)*$/);
      }
    }
  });
});
