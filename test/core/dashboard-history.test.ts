// The dashboard's build history (issue 15 items 1–2): each build appends its headline figures to the PMO Data
// sheet, the tiles show the change since the previous build, the mapping and anything else on the sheet are kept.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/xlsx';
import type { Cell } from '../../core/cells';
import type { Dashboard } from '../../core/dashboard/build';
import { changeOf } from '../../core/dashboard/headline';
import {
  type HeadlineFigures,
  HISTORY_SECTION,
  MAX_HISTORY,
  pmoDataRowsWithBuild,
  readHistory,
} from '../../core/dashboard/history';
import { PMO_DATA_MARKER } from '../../core/dashboard/plan';
import { pmoDataRows, readMapping } from '../../core/discovery/pmo-data';
import type { SheetView } from '../../core/workbook';
import { d } from '../helpers';
import { buildsAt, planSheet } from './dashboard-builds';

const TODAY = d('2026-12-07');

function sample(): SheetView[] {
  const workbook = readWorkbook(readFileSync(join(import.meta.dirname, '../../examples/pmo-sample.xlsx')));
  if (workbook.kind !== 'workbook') throw new Error(workbook.message);
  return [...workbook.sheets];
}

/** The text of the cell under a tile's label, `below` rows down. */
function tileText(built: Dashboard, label: string, below: number): unknown {
  const row = built.plan.cells.findIndex((cells) => cells.some((cell) => cell.value === label));
  const column = built.plan.cells[row]?.findIndex((cell) => cell.value === label) ?? -1;
  return built.plan.cells[row + below]?.[column]?.value;
}

const times = (n: number) =>
  Array.from({ length: n }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')} 09:00`);

describe('the build history', () => {
  it('keeps one row per build: ten builds, ten rows, oldest first, each with its time', () => {
    const builds = buildsAt({ sheets: sample(), today: TODAY, builtAt: '' }, times(10));
    const last = builds[9];
    if (!last) throw new Error('no builds');
    const history = readHistory(planSheet(last.pmoData));
    expect(history.map((build) => build.builtAt)).toEqual(times(10));
    expect(last.summary.history).toEqual(history);
    // The same workbook every time: the same figures, the summary's.
    for (const build of history)
      expect(build).toMatchObject({
        averageUtilization: last.summary.averageUtilization,
        overallocatedResourceWeeks: last.summary.overallocatedResourceWeeks,
        initiatives: 12,
        funded: last.summary.selectedCount,
        fundedCost: last.summary.selectedCost,
        budget: last.summary.budget,
        risks: 40,
        totalExposure: last.summary.totalExposure,
      });
    // One trend section of the last builds, and one chart of it.
    const trend = last.plan.cells.filter((row) => String(row[0]?.value ?? '').startsWith('Trend over'));
    expect(trend.map((row) => row[0]?.value)).toEqual(['Trend over the last 10 builds']);
  });

  it('shows no change on the first build, and the change since the previous one from the second', () => {
    const sheets = sample();
    const [first] = buildsAt({ sheets, today: TODAY, builtAt: '' }, ['2026-12-01 09:00']);
    if (!first) throw new Error('no build');
    expect(tileText(first, 'RISKS', 3)).toBe('first build');
    // Two risks closed (their rows emptied) before the second build.
    const risks = sheets.find((sheet) => sheet.name === 'Risks');
    if (!risks) throw new Error('no Risks sheet');
    const fewer = { ...risks, rows: risks.rows.slice(0, -2) };
    const history = planSheet(first.pmoData);
    const [second] = buildsAt(
      {
        sheets: [...sheets.map((sheet) => (sheet === risks ? fewer : sheet)), history],
        today: TODAY,
        builtAt: '',
      },
      ['2026-12-08 09:00'],
    );
    if (!second) throw new Error('no build');
    expect(tileText(second, 'RISKS', 1)).toBe(38);
    expect(tileText(second, 'RISKS', 3)).toBe('▼ 2 since 2026-12-01');
    expect(second.plan.cells[tileRow(second, 'RISKS') + 3]?.[tileColumn(second, 'RISKS')]?.style).toBe(
      'tile-better',
    );
    expect(tileText(second, 'UTILIZATION', 3)).toBe('no change since 2026-12-01');
  });

  it('words each change: shares in points, money in units, up worse or neither, the time alone the same day', () => {
    const before: HeadlineFigures = { builtAt: '2026-12-01 09:00', averageUtilization: 0.804, risks: 4 };
    const now: HeadlineFigures = {
      builtAt: '2026-12-07 10:00',
      averageUtilization: 0.836,
      risks: 7,
      totalExposure: 1_250_000,
    };
    expect(changeOf('averageUtilization', now, before, 'share', 'neutral')).toEqual({
      text: '▲ 4 pts since 2026-12-01',
      style: 'tile-change',
    });
    expect(changeOf('risks', now, before, 'count', 'up-is-worse')).toEqual({
      text: '▲ 3 since 2026-12-01',
      style: 'tile-worse',
    });
    expect(changeOf('totalExposure', now, before, 'money', 'up-is-worse').text).toBe('new since 2026-12-01');
    expect(changeOf('funded', now, before, 'count', 'neutral').text).toBe('');
    const sameDay = { ...before, builtAt: '2026-12-07 08:15', totalExposure: 1_000_000 };
    expect(changeOf('totalExposure', now, sameDay, 'money', 'up-is-worse').text).toBe(
      '▲ 250,000 since 08:15',
    );
    expect(changeOf('risks', now, undefined, 'count', 'up-is-worse').text).toBe('first build');
  });

  it('keeps the table mapping and any section of the user as they were', () => {
    const mapping = {
      risks: { at: { sheet: 'Log', range: 'A1:E4', headerRows: 1 }, columns: { probability: 'C' } },
    };
    const rows = [...pmoDataRows(mapping), [], ['My notes'], ['keep this']];
    const sheet = planSheet({
      sheetName: 'PMO Data',
      width: 6,
      cells: rows.map((row) => row.map((value) => ({ value }))),
      styles: {} as never,
      merges: [],
      columnWidths: [],
      charts: [],
      frozenRows: 0,
    });
    const history: HeadlineFigures[] = [{ builtAt: '2026-12-07 09:00', risks: 3 }];
    const after = pmoDataRowsWithBuild(sheet, history);
    const text = (value: unknown) =>
      typeof value === 'object' && value !== null && 'userText' in value ? value.userText : value;
    expect(after.map((row) => text(row[0] ?? null))).toEqual([
      PMO_DATA_MARKER,
      null,
      'Table mapping',
      'Kind',
      'risks',
      'risks',
      null,
      'My notes',
      'keep this',
      null,
      HISTORY_SECTION,
      'Built',
      '2026-12-07 09:00',
    ]);
    const rebuilt = { ...sheet, rows: after.map((row) => row.map((value) => text(value) as never)) };
    expect(readMapping(rebuilt)?.mapping).toEqual(mapping);
    expect(readHistory(rebuilt)).toEqual(history);
    // The next save of the mapping keeps the history.
    expect(
      readHistory({ ...sheet, rows: pmoDataRows(mapping, rebuilt).map((row) => row.map(text) as never) }),
    ).toEqual(history);
  });

  it(`keeps the last ${MAX_HISTORY} builds, and skips a row without a build time`, () => {
    const many: HeadlineFigures[] = Array.from({ length: MAX_HISTORY + 5 }, (_, i) => ({
      builtAt: `build ${i}`,
      risks: i,
    }));
    const rows = pmoDataRowsWithBuild(undefined, many);
    const sheet: SheetView = {
      name: 'PMO Data',
      rows: rows.map((row) =>
        row.map(
          (value) =>
            (typeof value === 'object' && value !== null && 'userText' in value
              ? value.userText
              : value) as never,
        ),
      ),
      firstRow: 1,
      tables: [],
    };
    const kept = readHistory(sheet);
    expect(kept).toHaveLength(MAX_HISTORY);
    expect(kept[0]?.builtAt).toBe('build 5');
    const note: (readonly Cell[])[] = [...sheet.rows];
    note.splice(5, 0, [null, 12]);
    expect(readHistory({ ...sheet, rows: note })).toHaveLength(MAX_HISTORY);
  });
});

function tileRow(built: Dashboard, label: string): number {
  return built.plan.cells.findIndex((cells) => cells.some((cell) => cell.value === label));
}

function tileColumn(built: Dashboard, label: string): number {
  return built.plan.cells[tileRow(built, label)]?.findIndex((cell) => cell.value === label) ?? -1;
}
