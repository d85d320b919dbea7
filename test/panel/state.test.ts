// The scoring panel's state without a browser: resolving a saved mapping against a table, the criteria and
// must-include rules, the write request, and when settings are saved.

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SheetTable } from '../../panel/bridge';
import { DEFAULT_SETTINGS, type PanelSettings } from '../../panel/settings';
import {
  describeTable,
  initiativeCount,
  PanelState,
  rememberedSource,
  SAVE_DELAY_MS,
  SettingsSaver,
  tableHint,
} from '../../panel/state';

const TABLE: SheetTable = {
  kind: 'table',
  sheet: 'Plan',
  foundBy: 'used range',
  tableName: '',
  tableRange: 'B2:H6',
  headerRow: 2,
  firstRow: 3,
  firstColumn: 1,
  headers: ['ID', 'Initiative', 'Value', 'Risk', 'Cost', 'Notes', 'Score'],
  rows: [
    ['A-1', 'Apollo', 8, 2, 100, null, null],
    [null, 'Borealis', 5, 1, 50, null, null],
    [null, null, null, null, null, null, null],
    [null, null, 3, 3, 10, 'x', null],
  ],
};

const stateWith = (settings: Partial<PanelSettings> = {}, table: SheetTable = TABLE): PanelState => {
  const state = new PanelState();
  state.settings = { ...DEFAULT_SETTINGS, ...settings };
  state.useTable(table, rememberedSource(table));
  return state;
};

describe('PanelState.useTable', () => {
  it('resolves a blank mapping to the columns the Initiatives rule recognises', () => {
    const state = stateWith();
    expect(state.settings.nameColumn).toBe('Initiative');
    expect(state.settings.costColumn).toBe('Cost');
    expect(state.settings.source).toEqual({ kind: 'detect' });
  });

  it('keeps a saved mapping whose columns still exist and drops one that no longer does', () => {
    const state = stateWith({ nameColumn: 'Notes', costColumn: 'Budget 2024' });
    expect(state.settings.nameColumn).toBe('Notes');
    expect(state.settings.costColumn).toBe('Cost');
  });

  it('offers only columns of numbers as criteria, and says why the others are not', () => {
    const state = stateWith();
    expect(state.criterionColumns().map((column) => column.header)).toEqual(['Value', 'Risk', 'Cost']);
    expect(state.unusableColumns()).toEqual([
      { label: 'Notes', reason: 'text, not numbers ("x")' },
      { label: 'Score', reason: 'no values' },
    ]);
  });

  it('neither shows nor scores a criterion ticked before its column held text', () => {
    const state = stateWith({
      criteria: [
        { header: 'Notes', direction: 'max', weight: 5 },
        { header: 'Value', direction: 'max', weight: 1 },
      ],
    });
    expect(state.chosenCriteria()).toEqual(['Value']);
    const outcome = state.compute();
    expect(outcome?.kind).toBe('ranking');
    if (outcome?.kind === 'ranking')
      expect(outcome.weights?.map((weight) => weight.header)).toEqual(['Value']);
  });

  it("leaves out the add-in's own columns, so Score is neither a criterion nor mapped", () => {
    const state = stateWith({
      written: [{ sheet: 'Plan', headerRow: 2, columns: [{ column: 7, header: 'Score' }] }],
    });
    expect(state.columns.map((column) => column.header)).not.toContain('Score');
  });
});

describe('criteria', () => {
  it('ticking keeps the criteria in table order and unticking then ticking restores direction and weight', () => {
    const state = stateWith();
    state.tickCriterion({ header: 'Risk', direction: 'min', weight: 3 });
    state.tickCriterion({ header: 'Value', direction: 'max', weight: 1 });
    expect(state.chosenCriteria()).toEqual(['Value', 'Risk']);
    state.untickCriterion({ header: 'Risk', direction: 'min', weight: 3 });
    expect(state.chosenCriteria()).toEqual(['Value']);
    const restored = state.tickCriterion({ header: 'Risk', direction: 'max', weight: 1 });
    expect(restored).toEqual({ header: 'Risk', direction: 'min', weight: 3 });
    state.updateCriterion({ header: 'Risk', direction: 'min', weight: 5 });
    expect(state.settings.criteria).toEqual([
      { header: 'Value', direction: 'max', weight: 1 },
      { header: 'Risk', direction: 'min', weight: 5 },
    ]);
  });

  it('chosenCriteria ignores saved criteria that are not columns of this table', () => {
    const state = stateWith({ criteria: [{ header: 'Gone', direction: 'max', weight: 1 }] });
    expect(state.chosenCriteria()).toEqual([]);
  });
});

describe('must include', () => {
  it('keys each initiative by its ID, else its name, else its row, and skips blank rows', () => {
    expect(stateWith().mustItems()).toEqual([
      { key: 'A-1', label: 'Apollo' },
      { key: 'Borealis', label: 'Borealis' },
      { key: 'row 6', label: 'Row 6' },
    ]);
  });

  it('setMust adds a key once and removes it', () => {
    const state = stateWith();
    state.setMust('A-1', true);
    state.setMust('A-1', true);
    expect(state.settings.must).toEqual(['A-1']);
    state.setMust('A-1', false);
    expect(state.settings.must).toEqual([]);
  });
});

describe('ranking and writing', () => {
  it('cannot write before a ranking, nor while host work runs', () => {
    const state = stateWith({ criteria: [{ header: 'Value', direction: 'max', weight: 1 }] });
    expect(state.canWrite()).toBe(false);
    expect(state.writeRequest('ask')).toBeUndefined();
    expect(state.compute()?.kind).toBe('ranking');
    expect(state.canWrite()).toBe(true);
    state.busy = true;
    expect(state.canWrite()).toBe(false);
  });

  it('writes right of the last user column with the headers and a fingerprint of the rows as read', () => {
    const state = stateWith({
      criteria: [{ header: 'Value', direction: 'max', weight: 1 }],
      written: [{ sheet: 'Plan', headerRow: 2, columns: [{ column: 7, header: 'Score' }] }],
    });
    state.compute();
    const request = state.writeRequest('overwrite');
    expect(request).toMatchObject({
      sheet: 'Plan',
      headerRow: 2,
      lastRow: 6,
      firstColumn: 1,
      lastColumn: 6,
      headers: ['ID', 'Initiative', 'Value', 'Risk', 'Cost', 'Notes'],
      owned: [{ column: 7, header: 'Score' }],
      onConflict: 'overwrite',
    });
    expect(request?.columns.map((column) => column.header)).toEqual(['Score', 'Rank', 'Selected']);
    expect(request?.fingerprint).toMatch(/^4:/);
  });

  it('a blocked ranking (no criterion) is not writable', () => {
    const state = stateWith();
    expect(state.compute()?.kind).toBe('blocked');
    expect(state.canWrite()).toBe(false);
  });
});

describe('table descriptions', () => {
  it('counts non-blank rows and names the table, its range and how it was found', () => {
    expect(initiativeCount(TABLE)).toBe(3);
    expect(describeTable(TABLE)).toBe('3 initiatives in B2:H6 on sheet Plan.');
    expect(tableHint(TABLE)).toBe('Found by its headers at B2:H6.');
    const selected: SheetTable = { ...TABLE, foundBy: 'selection', rows: TABLE.rows.slice(0, 1) };
    expect(describeTable(selected)).toBe('1 initiative in B2:H6 on sheet Plan.');
    expect(tableHint(selected)).toBe('Range B2:H6.');
    expect(rememberedSource(selected)).toEqual({ kind: 'range', sheet: 'Plan', address: 'B2:H6' });
    const listed: SheetTable = { ...TABLE, foundBy: 'excel table', tableName: 'tblProjects' };
    expect(describeTable(listed)).toBe('3 initiatives in table tblProjects on sheet Plan.');
    expect(tableHint(listed)).toBe('Excel table tblProjects, B2:H6.');
  });
});

describe('SettingsSaver', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once, a moment after the last of several changes', async () => {
    vi.useFakeTimers();
    let settings: PanelSettings = DEFAULT_SETTINGS;
    const save = vi.fn(async (_json: string) => ({ kind: 'saved' as const }));
    const saver = new SettingsSaver(
      save,
      () => settings,
      () => {},
    );
    settings = { ...settings, budget: '1' };
    saver.schedule();
    settings = { ...settings, budget: '12' };
    saver.schedule();
    expect(saver.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);
    expect(JSON.parse(save.mock.calls[0]?.[0] ?? '{}').budget).toBe('12');
    expect(saver.pending).toBe(false);
  });

  it('does not save what the document already holds', async () => {
    const save = vi.fn(async (_json: string) => ({ kind: 'saved' as const }));
    const saver = new SettingsSaver(
      save,
      () => DEFAULT_SETTINGS,
      () => {},
    );
    saver.markSaved(DEFAULT_SETTINGS);
    await saver.saveNow();
    expect(save).not.toHaveBeenCalled();
  });

  it('reports a failed save and tries again next time', async () => {
    const errors: string[] = [];
    const save = vi.fn(async (_json: string) => ({ kind: 'error' as const, message: 'quota' }));
    const saver = new SettingsSaver(
      save,
      () => DEFAULT_SETTINGS,
      (message) => errors.push(message),
    );
    await saver.saveNow();
    await saver.saveNow();
    expect(save).toHaveBeenCalledTimes(2);
    expect(errors[0]).toBe('The settings could not be saved in the document: quota');
  });
});
