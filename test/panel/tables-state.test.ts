// The Tables view's rules without the DOM (panel/tables-state.ts): what it lists per kind, the message next to each
// field that cannot be used, the columns a role can be read from, and the mapping Save writes (or forgets).

import { describe, expect, it } from 'vitest';
import type { Cell } from '../../core/cells';
import { isUserText } from '../../core/dashboard/plan';
import { pmoDataRows } from '../../core/discovery/pmo-data';
import type { SheetView } from '../../core/workbook';
import { choiceLabel, foundText, TablesState } from '../../panel/tables-state';

const sheet = (name: string, rows: Cell[][]): SheetView => ({ name, rows, firstRow: 1, tables: [] });

const REGISTER = sheet('Risk Register', [
  ['Risk register 2025'],
  [],
  ['ID', 'Title', 'Probability', 'Impact', 'Owner'],
  ['R1', 'Vendor late', 4, 3, 'Ana'],
  ['R2', 'Key person leaves', 2, 5, 'Ben'],
]);
const LOG = sheet('Log', [
  ['Ref', 'What', 'Odds', 'Damage'],
  ['R1', 'Vendor late', 4, 3],
]);

function loaded(...sheets: SheetView[]): TablesState {
  const state = new TablesState();
  state.load(sheets);
  return state;
}

describe('TablesState', () => {
  it('lists the risk register found by its sheet name, with its place, columns and confidence, and the other kinds as not found', () => {
    const state = loaded(REGISTER, LOG);
    expect(state.found.risks).toMatchObject({ sheet: 'Risk Register', range: 'A3:E5', rows: 2, used: true });
    expect(state.found.risks).toMatchObject({ foundBy: 'sheet name', confidence: 1 });
    expect(state.drafts.risks).toMatchObject({
      rangeText: "'Risk Register'!A3:E5",
      headerRowsText: '1',
      save: false,
      columns: { id: 'A', title: 'B', probability: 'C', impact: 'D', owner: 'E' },
    });
    expect(state.found.resources).toBeUndefined();
    expect(state.drafts.resources).toEqual({ rangeText: '', headerRowsText: '1', columns: {}, save: false });
    expect(state.changed).toBe(false);
  });

  it('says a table below 0.5 confidence is not used unless the user confirms it, and gives the percentage', () => {
    const base = { sheet: 'S', range: 'A1:B2', headerRows: [1], rows: 1, columns: {}, skipped: [] };
    const unsure = foundText({ ...base, kind: 'risks', foundBy: 'headers', confidence: 0.35, used: false });
    expect(unsure).toBe(
      'Found by its headers, 35% sure: not used unless you confirm it (tick "Save in workbook").',
    );
    expect(foundText({ ...base, kind: 'risks', foundBy: 'sheet name', confidence: 0.9, used: true })).toBe(
      'Found by its sheet name, 90% sure.',
    );
  });

  it('shows each field’s problem from the core’s parse functions, and Save names the kinds to fix', () => {
    const state = loaded(REGISTER, LOG);
    state.setRange('risks', 'Log A1:D2');
    expect(state.drafts.risks.save).toBe(true);
    expect(state.problems('risks').range).toBe(
      '"Log A1:D2" is not a sheet and range: write it as "Risk Register!A2:J12"',
    );
    state.setRange('risks', 'Nowhere!A1:D2');
    expect(state.problems('risks').range).toMatch(/the workbook has no sheet "Nowhere"/);
    state.setRange('risks', 'Log!A1:D2');
    state.setHeaderRows('risks', '3');
    expect(state.problems('risks').headerRows).toBe('Give a whole number of header rows from 1 to 2');
    state.setHeaderRows('risks', '1');
    expect(state.problems('risks').columns.owner).toBe('risks.owner: column E is outside the range A1:D2');
    expect(state.mappingToSave()).toEqual({ invalid: ['risks'] });
    state.setColumn('risks', 'owner', '');
    state.setColumn('risks', 'probability', 'zz9');
    expect(state.problems('risks').columns.probability).toBe(
      '"ZZ9" is not a column: give its letters, e.g. D',
    );
  });

  it('offers the columns of the range typed, each with its header as written', () => {
    const state = loaded(REGISTER, LOG);
    state.setRange('risks', 'Log!A1:D2');
    const choices = state.columnChoices('risks');
    expect(choices.map(choiceLabel)).toEqual(['A — Ref', 'B — What', 'C — Odds', 'D — Damage']);
    state.setRange('risks', 'Log!A1:');
    expect(state.columnChoices('risks')).toEqual([]);
  });

  it('saves the edited kind with its range and columns, in the shape the PMO Data sheet holds', () => {
    const state = loaded(REGISTER, LOG);
    state.setRange('risks', 'Log!A1:D2');
    for (const [role, letter] of [
      ['id', 'A'],
      ['title', 'B'],
      ['probability', 'C'],
      ['impact', 'D'],
      ['owner', ''],
    ] as const)
      state.setColumn('risks', role, letter);
    expect(state.mappingToSave()).toEqual({
      mapping: {
        risks: {
          at: { sheet: 'Log', range: 'A1:D2', headerRows: 1 },
          columns: { id: 'A', title: 'B', probability: 'C', impact: 'D' },
        },
      },
    });
  });

  it('reads a saved mapping as found by the mapping, and forgets it when "Save in workbook" is unticked', () => {
    const rows = pmoDataRows({
      risks: {
        at: { sheet: 'Log', range: 'A1:D2', headerRows: 1 },
        columns: { id: 'A', title: 'B', probability: 'C', impact: 'D' },
      },
    }).map((row) => row.map((value): Cell => (isUserText(value) ? value.userText : (value as Cell))));
    const state = loaded(REGISTER, LOG, sheet('PMO Data', rows));
    expect(state.found.risks).toMatchObject({ sheet: 'Log', range: 'A1:D2', foundBy: 'mapping' });
    expect(state.drafts.risks.save).toBe(true);
    expect(state.sheets.map((view) => view.name)).toEqual(['Risk Register', 'Log']);
    state.setSave('risks', false);
    expect(state.mappingToSave()).toEqual({ mapping: {} });
  });
});
