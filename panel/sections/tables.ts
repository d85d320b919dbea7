// The "Tables" view (issue 13): for each kind of table, what the add-in reads it from — where (sheet and range), how
// it was found and how sure that is, its columns — with controls to change the range, the header rows and each
// role's column, and "Save to workbook", which writes the mapping into the hidden PMO Data sheet through the
// HostBridge and reads the workbook again. Rules and messages live in panel/tables-state.ts; workbook text
// (sheet names, headers) goes in as text only (panel/dom.ts).

import { KIND_LABELS, TABLE_KINDS, type TableKind } from '../../core/workbook';
import type { HostBridge } from '../bridge';
import { button, field, h, option, replaceChildren } from '../dom';
import { plural } from '../format';
import { choiceLabel, foundText, TablesState } from '../tables-state';
import type { StatusSection } from './status';

export interface TablesView {
  readonly element: HTMLElement;
  readonly state: TablesState;
  /** Reads the workbook and shows what is found (the section does so each time it is opened). */
  reload(): Promise<void>;
}

/** Shows `message` under a control (and ties it to the control for screen readers), or clears it. */
function showError(control: HTMLElement, error: HTMLElement, message: string | undefined): void {
  error.textContent = message ?? '';
  error.hidden = message === undefined;
  if (message === undefined) control.removeAttribute('aria-invalid');
  else control.setAttribute('aria-invalid', 'true');
}

/** An error line under a control, in its field, that describes the control for screen readers. */
function errorFor(wrapper: HTMLElement, control: HTMLElement, id: string): HTMLElement {
  const error = h('p', { id, className: 'pmo-field-error', hidden: true });
  control.setAttribute('aria-describedby', id);
  wrapper.appendChild(error);
  return error;
}

/** One kind's block, and the function that shows its state again (its controls stay, so typing keeps focus). */
function kindBlock(state: TablesState, kind: TableKind): { element: HTMLElement; update: () => void } {
  const id = (part: string) => `pmo-${kind}-${part}`;
  const save = h('input', { id: id('save'), attrs: { type: 'checkbox' } });
  const range = h('input', { attrs: { type: 'text', spellcheck: 'false', placeholder: 'Sheet1!A2:J12' } });
  const headerRows = h('input', { attrs: { type: 'number', min: '1' } });
  const rangeField = field(id('range'), 'Range, header included', range);
  const rangeError = errorFor(rangeField, range, id('range-error'));
  const headerField = field(id('header-rows'), 'Header rows', headerRows);
  const headerRowsError = errorFor(headerField, headerRows, id('header-rows-error'));
  const roles = state.roles(kind).map(({ role, label }) => {
    const select = h('select', {});
    const wrapper = field(id(`column-${role}`), label, select);
    const error = errorFor(wrapper, select, id(`column-${role}-error`));
    select.addEventListener('change', () => {
      state.setColumn(kind, role, select.value);
      update();
    });
    return { role, select, error, wrapper };
  });
  const summary = h('summary', {});
  const columns = h('details', {}, summary, ...roles.map((entry) => entry.wrapper));
  const where = h('p', { className: 'pmo-kind-where' });
  const how = h('p', { className: 'pmo-hint' });
  const element = h(
    'div',
    { id: id('table'), className: 'pmo-kind' },
    h('h4', {}, KIND_LABELS[kind]),
    where,
    how,
    h('label', { className: 'pmo-check' }, save, 'Save in workbook'),
    rangeField,
    headerField,
    columns,
  );
  save.addEventListener('change', () => {
    state.setSave(kind, save.checked);
    update();
  });
  const typed = (input: HTMLInputElement, set: (text: string) => void) => {
    input.addEventListener('input', () => {
      set(input.value);
      save.checked = true;
    });
    input.addEventListener('change', update);
  };
  typed(range, (text) => state.setRange(kind, text));
  typed(headerRows, (text) => state.setHeaderRows(kind, text));

  function update(): void {
    const found = state.found[kind];
    const draft = state.drafts[kind];
    where.textContent = found
      ? `${found.sheet}!${found.range} · ${plural(found.headerRows.length, 'header row')} · ${plural(found.rows, 'data row')}`
      : 'Not found.';
    how.textContent = found ? foundText(found) : 'Give its range to use one.';
    save.checked = draft.save;
    if (range.value !== draft.rangeText) range.value = draft.rangeText;
    if (headerRows.value !== draft.headerRowsText) headerRows.value = draft.headerRowsText;
    const problems = state.problems(kind);
    showError(range, rangeError, problems.range);
    showError(headerRows, headerRowsError, problems.headerRows);
    const choices = state.columnChoices(kind);
    for (const { role, select, error } of roles) {
      const current = draft.columns[role] ?? '';
      const options = [option('', '— no column —', current === '')];
      for (const choice of choices)
        options.push(option(choice.letter, choiceLabel(choice), choice.letter === current));
      if (current !== '' && !choices.some((choice) => choice.letter === current))
        options.push(option(current, current, true));
      select.replaceChildren(...options);
      showError(select, error, problems.columns[role]);
    }
    const wrong = Object.keys(problems.columns).length;
    summary.textContent = `Columns: ${Object.keys(draft.columns).length} of ${roles.length} roles${wrong > 0 ? `, ${plural(wrong, 'problem')}` : ''}`;
    if (wrong > 0) columns.open = true;
  }
  update();
  return { element, update };
}

/** Runs host work with the panel marked busy and a progress bar (panel/app.ts withProgress). */
export type HostWork = <T>(label: string, task: () => Promise<T>) => Promise<T>;

export function createTablesView(bridge: HostBridge, status: StatusSection, run: HostWork): TablesView {
  const state = new TablesState();
  let updates: (() => void)[] = [];
  const problemsList = h('ul', { id: 'pmo-tables-problems', className: 'pmo-tables-problems', hidden: true });
  const kinds = h('div', {});
  const saveButton = button('pmo-tables-save', 'Save to workbook', 'pmo-primary');
  const saveHint = h(
    'p',
    { id: 'pmo-tables-save-hint', className: 'pmo-hint' },
    'Writes the ticked tables to the hidden sheet "PMO Data", where the dashboard and the pmo command read them. Your sheets are not changed.',
  );
  saveButton.setAttribute('aria-describedby', saveHint.id);
  // Closed at first: opening it reads the workbook (again each time, unless there are edits not saved).
  const element = h(
    'details',
    { id: 'pmo-tables', className: 'pmo-section' },
    h('summary', { id: 'pmo-tables-title', className: 'pmo-tables-title' }, 'Tables'),
    h(
      'p',
      { className: 'pmo-hint' },
      'Where the add-in reads each table. Fix a range or a column, then save.',
    ),
    problemsList,
    kinds,
    saveHint,
    h('div', { className: 'pmo-actions' }, saveButton),
  );
  element.addEventListener('toggle', () => {
    if (element.open && !state.changed) void reload();
  });
  function render(): void {
    const blocks = TABLE_KINDS.map((kind) => kindBlock(state, kind));
    updates = blocks.map((block) => block.update);
    replaceChildren(kinds, ...blocks.map((block) => block.element));
    replaceChildren(problemsList, ...state.savedProblems.map((problem) => h('li', {}, problem)));
    problemsList.hidden = state.savedProblems.length === 0;
  }

  async function reload(): Promise<void> {
    const read = await run('Reading the workbook…', () => bridge.readWorkbook());
    if (read.kind === 'error') {
      status.say('The workbook could not be read.');
      status.showAlert(read.message);
      return;
    }
    state.load(read.sheets);
    render();
    const count = TABLE_KINDS.filter((kind) => state.found[kind]?.used).length;
    status.say(`Found ${plural(count, 'table')} of ${TABLE_KINDS.length} kinds.`);
  }

  async function save(): Promise<void> {
    for (const update of updates) update();
    if (!state.changed) {
      status.say('Nothing to save: change a table first.');
      return;
    }
    const planned = state.mappingToSave();
    if ('invalid' in planned) {
      status.say('Nothing was saved.');
      status.showAlert(
        `Fix the fields marked in ${planned.invalid.map((kind) => KIND_LABELS[kind]).join(', ')} first.`,
      );
      kinds.querySelector<HTMLElement>('[aria-invalid]')?.focus();
      return;
    }
    const saved = await run('Saving the tables in the workbook…', () =>
      bridge.saveTableMapping(planned.mapping),
    );
    if (saved.kind === 'error') {
      status.say('Nothing was saved.');
      status.showAlert(saved.message);
      return;
    }
    const count = Object.keys(planned.mapping).length;
    await reload();
    status.say(`Saved ${plural(count, 'table')} in the hidden sheet "${saved.sheet}".`);
  }

  // While host work runs the panel is aria-busy (panel/app.ts withProgress): clicks wait for it to finish.
  const idle = () => element.closest('[aria-busy]') === null;
  saveButton.addEventListener('click', () => {
    if (idle()) void save();
  });

  return {
    element,
    state,
    reload,
  };
}
