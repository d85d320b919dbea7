// The panel's default criteria for a matrix that keeps its own weights and directions (issue 14 item 4): they start
// from the matrix's rows, saved criteria still win, the settings rows are neither initiatives nor written to, and the
// panel says where the weights came from.

import { describe, expect, it } from 'vitest';
import type { Cell } from '../../core/cells';
import { detectInitiativesTable } from '../../core/initiatives/sheet-table';
import { planWrite } from '../../core/initiatives/write-plan';
import { SHAPES } from '../../examples/make-shapes';
import type { CellValue, SheetTable } from '../../panel/bridge';
import { DEFAULT_SETTINGS, type PanelSettings } from '../../panel/settings';
import { initiativeCount, PanelState, rememberedSource } from '../../panel/state';

const blockOf = (name: string) => {
  const sheet = SHAPES[name]?.[0];
  if (!sheet) throw new Error(`no shape ${name}`);
  const values = sheet.rows.map((row) =>
    row.map((cell: Cell): CellValue => (cell instanceof Date || typeof cell === 'object' ? null : cell)),
  );
  return { values, firstRow: sheet.firstRow, firstColumn: 0 };
};

const tableOf = (name: string): SheetTable => {
  const found = detectInitiativesTable(name, blockOf(name), [], 'used range');
  if (found.kind !== 'table') throw new Error(found.message);
  return found;
};

const stateWith = (name: string, settings: Partial<PanelSettings> = {}): PanelState => {
  const state = new PanelState();
  state.settings = { ...DEFAULT_SETTINGS, ...settings };
  const table = tableOf(name);
  state.useTable(table, rememberedSource(table));
  return state;
};

describe('the panel’s default criteria for a matrix with its own settings rows', () => {
  it('ticks the criteria with the weights row above the header, directions that give its Score, and says so', () => {
    // The matrix's Score (195, 175, 125) is Σ weight × rating with every criterion higher-is-better, so Duration and
    // Cost are not read as lower-is-better by their names: the panel reads the matrix as the dashboard does.
    const state = stateWith('weightedMatrix');
    expect(state.settings.criteria).toEqual([
      { header: 'ROI', direction: 'max', weight: 8 },
      { header: 'Duration', direction: 'max', weight: 5 },
      { header: 'Cost', direction: 'max', weight: 6 },
      { header: 'Difficulty', direction: 'max', weight: 4 },
    ]);
    expect(state.matrixNote()).toBe(
      "Weights from the matrix's own rows (Weighting (1-10):, row 5); directions that give its own Score column.",
    );
    const outcome = state.compute();
    expect(outcome?.kind === 'ranking' && outcome.rows.map((row) => [row.name, row.rank])).toEqual([
      ['Intranet', 1],
      ['CRM', 2],
      ['Data lake', 3],
    ]);
  });

  it('takes the weights and the directions rows under the header, and leaves them out of the initiatives', () => {
    const state = stateWith('weightsUnderHeader');
    expect(state.settings.criteria).toEqual([
      { header: 'Strategic fit', direction: 'max', weight: 3 },
      { header: 'Revenue', direction: 'max', weight: 2 },
      { header: 'Effort', direction: 'min', weight: 1 },
    ]);
    expect(state.matrixNote()).toBe(
      "Weights and directions from the matrix's own rows (Weight, row 2; Direction, row 3).",
    );
    expect(initiativeCount(state.table as SheetTable)).toBe(3);
    expect(state.mustItems().map((item) => item.label)).toEqual(['Portal', 'ERP', 'Chatbot']);
    const outcome = state.compute();
    expect(outcome?.kind === 'ranking' && outcome.rows.map((row) => [row.name, row.sheetRow])).toEqual([
      ['Portal', 4],
      ['ERP', 5],
      ['Chatbot', 6],
    ]);
  });

  it('keeps saved criteria for the table’s columns, without the note', () => {
    const saved = [{ header: 'Revenue', direction: 'min' as const, weight: 7 }];
    const state = stateWith('weightsUnderHeader', { criteria: saved });
    expect(state.settings.criteria).toEqual(saved);
    expect(state.matrixNote()).toBe('');
    // A criterion ticked later starts from the matrix's weight and direction.
    expect(state.startingCriterion('Effort')).toEqual({ header: 'Effort', direction: 'min', weight: 1 });
  });

  it('writes Score, Rank and Selected on the initiatives’ rows only, over blank criteria headers as written', () => {
    for (const name of ['weightsUnderHeader', 'weightedMatrix']) {
      const state = stateWith(name);
      state.compute();
      const request = state.writeRequest('new-columns');
      if (!request) throw new Error('no write request');
      const plan = planWrite(request, blockOf(name));
      if (plan.kind !== 'plan') throw new Error(`not planned: ${JSON.stringify(plan)}`);
      const table = state.table as SheetTable;
      const rows = plan.runs.flatMap((run) => Array.from({ length: run.count }, (_, i) => run.first + i));
      expect(rows).toEqual([table.headerRow, ...table.rows.map((_, i) => table.firstRow + i)]);
      expect(plan.columns[1]?.values.slice(1).sort()).toEqual([1, 2, 3]);
    }
  });
});
