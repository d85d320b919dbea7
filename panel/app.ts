// The scoring panel (DESIGN §7b), one UI for the Excel task pane and the Sheets sidebar: choose the initiatives
// table, map criteria (direction, weight) or compare them pairwise (AHP, with the consistency ratio live), pick
// the method, set a budget and must-include items, see the ranking with the exact selection and the greedy
// waterline, and write Score, Rank and Selected beside the table. It talks to its host only through a
// HostBridge. All text from cells is set with textContent (panel/dom.ts), never parsed as markup.

import { columnLetters } from '../core/a1';
import { tableFingerprint } from '../core/initiatives/sheet-table';
import { computeRanking } from '../core/prioritization/ranking';
import {
  defaultDirection,
  recognisedColumns,
  type TableColumn,
  userColumns,
} from '../core/prioritization/ranking-columns';
import {
  COMBINE_METHODS,
  type CombineMethod,
  type Criterion,
  judgementOf,
  SCORING_METHODS,
  type ScoringMethod,
  withJudgement,
} from '../core/prioritization/ranking-settings';
import {
  type AhpSummary,
  CR_LIMIT,
  type Ranking,
  type RankingOutcome,
} from '../core/prioritization/ranking-types';
import type { HostBridge, SheetTable, TableSource, WriteRequest } from './bridge';
import { type Child, field, h, option, replaceChildren } from './dom';
import {
  formatNumber,
  formatPercent,
  formatRatio,
  JUDGEMENT_VALUES,
  judgementLabel,
  judgementText,
  nearestJudgement,
  parseJudgementText,
} from './format';
import {
  DEFAULT_SETTINGS,
  ownedColumns,
  type PanelSettings,
  parseSettings,
  withWrittenColumns,
} from './settings';

/** Work slower than this shows a progress bar (shorter work would only flicker). */
const PROGRESS_DELAY_MS = 150;
/** Settings are saved this long after the last change. */
const SAVE_DELAY_MS = 600;
/** Tables longer than this are ranked after the progress bar has painted (the exact selection can take a while). */
const LARGE_TABLE_ROWS = 120;

const WSJF_FIELDS = [
  { key: 'businessValue', label: 'Business value' },
  { key: 'timeCriticality', label: 'Time criticality' },
  { key: 'riskReduction', label: 'Risk reduction | opportunity enablement' },
  { key: 'jobSize', label: 'Job size' },
] as const;

const RICE_FIELDS = [
  { key: 'reach', label: 'Reach' },
  { key: 'impact', label: 'Impact' },
  { key: 'confidence', label: 'Confidence' },
  { key: 'effort', label: 'Effort' },
] as const;

type Quad = readonly [string, string, string, string];

/** What mountPanel returns: enough for a host page to tear the panel down. */
export interface PanelHandle {
  readonly root: HTMLElement;
  /** Resolves when the saved settings and the table have been read once. */
  readonly ready: Promise<void>;
}

/** Mounts the panel into `root` (its children are replaced) and starts it: settings first, then the table. */
export function mountPanel(root: HTMLElement, bridge: HostBridge): PanelHandle {
  let settings: PanelSettings = DEFAULT_SETTINGS;
  let table: SheetTable | undefined;
  let columns: TableColumn[] = [];
  let outcome: RankingOutcome | undefined;
  let busy = false;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The settings as the document holds them: unchanged settings are not saved again. */
  let savedJson: string | null = null;
  let computeQueued = false;
  /** Direction and weight of criteria that were unticked, so ticking one again restores them. */
  const parked = new Map<string, Criterion>();

  // ------------------------------------------------------------------ skeleton
  const status = h('p', { id: 'pmo-status', className: 'pmo-status', attrs: { role: 'status' } });
  const progress = h('progress', {
    id: 'pmo-progress',
    className: 'pmo-progress',
    hidden: true,
    attrs: { 'aria-label': 'Working' },
  });
  const alert = h('p', { id: 'pmo-alert', className: 'pmo-alert', attrs: { role: 'alert' } });

  const tableInfo = h('div', { id: 'pmo-table-info', className: 'pmo-table-info' });
  const detectButton = h(
    'button',
    { id: 'pmo-detect', attrs: { type: 'button' } },
    'Find table on this sheet',
  );
  const selectionButton = h(
    'button',
    { id: 'pmo-use-selection', attrs: { type: 'button' } },
    'Use current selection',
  );

  const methodSelect = h('select', {});
  for (const choice of SCORING_METHODS) methodSelect.appendChild(option(choice.value, choice.label));
  const combineSelect = h('select', {});
  for (const choice of COMBINE_METHODS) combineSelect.appendChild(option(choice.value, choice.label));
  const combineField = field('pmo-combine', 'Combine ratings as', combineSelect);
  const nameSelect = h('select', {});

  const criteriaList = h('div', { id: 'pmo-criteria-list', className: 'pmo-criteria' });
  const criteriaHint = h('p', { id: 'pmo-criteria-hint', className: 'pmo-hint' });
  const criteriaSet = h(
    'fieldset',
    { id: 'pmo-criteria', className: 'pmo-group' },
    h('legend', {}, 'Criteria'),
    criteriaHint,
    criteriaList,
  );

  const wsjfSelects = WSJF_FIELDS.map(() => h('select', {}));
  const wsjfSet = h(
    'fieldset',
    { id: 'pmo-wsjf', className: 'pmo-group' },
    h('legend', {}, 'WSJF columns'),
    h(
      'p',
      { className: 'pmo-hint' },
      'WSJF = (business value + time criticality + risk reduction) ÷ job size.',
    ),
    ...WSJF_FIELDS.map((item, i) =>
      field(`pmo-wsjf-${item.key}`, item.label, wsjfSelects[i] as HTMLSelectElement),
    ),
  );
  const riceSelects = RICE_FIELDS.map(() => h('select', {}));
  const riceSet = h(
    'fieldset',
    { id: 'pmo-rice', className: 'pmo-group' },
    h('legend', {}, 'RICE columns'),
    h('p', { className: 'pmo-hint' }, 'RICE = reach × impact × confidence ÷ effort.'),
    ...RICE_FIELDS.map((item, i) =>
      field(`pmo-rice-${item.key}`, item.label, riceSelects[i] as HTMLSelectElement),
    ),
  );

  const pairsList = h('div', { id: 'pmo-pairs', className: 'pmo-pairs' });
  const consistency = h('div', {
    id: 'pmo-consistency',
    className: 'pmo-consistency',
    attrs: { 'aria-live': 'polite' },
  });
  const ahpSet = h(
    'fieldset',
    { id: 'pmo-ahp', className: 'pmo-group' },
    h('legend', {}, 'Pairwise comparisons (AHP)'),
    h(
      'p',
      { className: 'pmo-hint' },
      "For each pair of criteria, say which matters more and how much, on Saaty's scale from equal (1) to extremely more important (9).",
    ),
    pairsList,
    consistency,
  );

  const costSelect = h('select', {});
  const budgetInput = h('input', {
    attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false' },
  });
  const mustCount = h('span', { id: 'pmo-must-count' });
  const mustList = h('div', { id: 'pmo-must-list', className: 'pmo-must-list' });
  const mustDetails = h(
    'details',
    { id: 'pmo-must', className: 'pmo-must' },
    h('summary', {}, 'Must include ', mustCount),
    h(
      'fieldset',
      { className: 'pmo-plain' },
      h('legend', { className: 'pmo-visually-hidden' }, 'Must include'),
      mustList,
    ),
  );

  const scoreButton = h(
    'button',
    { id: 'pmo-score', className: 'pmo-primary', attrs: { type: 'button' } },
    'Score',
  );
  const summary = h('p', { id: 'pmo-summary', className: 'pmo-summary', attrs: { 'aria-live': 'polite' } });
  const ranking = h('ol', {
    id: 'pmo-ranking',
    className: 'pmo-ranking',
    attrs: { 'aria-labelledby': 'pmo-ranking-title' },
  });
  const selectionBox = h('div', { id: 'pmo-selection', className: 'pmo-selection' });
  const issuesList = h('ul', { id: 'pmo-issues-list' });
  const issuesCount = h('span', {});
  const issues = h(
    'details',
    { id: 'pmo-issues', className: 'pmo-issues', hidden: true },
    h('summary', {}, 'Rows not ranked ', issuesCount),
    issuesList,
  );

  const writeButton = h(
    'button',
    { id: 'pmo-write', className: 'pmo-primary', attrs: { type: 'button' } },
    'Write to sheet',
  );
  const writeHint = h(
    'p',
    { id: 'pmo-write-hint', className: 'pmo-hint' },
    'Adds Score, Rank and Selected columns right of your table. Your own columns are never overwritten without asking.',
  );
  writeButton.setAttribute('aria-describedby', writeHint.id);
  const confirmTitle = h('h3', { id: 'pmo-confirm-title' }, 'Overwrite your column?');
  const confirmText = h('p', { id: 'pmo-confirm-text' });
  const confirmNew = h(
    'button',
    { id: 'pmo-confirm-new', attrs: { type: 'button' } },
    'Add new columns instead',
  );
  const confirmOverwrite = h(
    'button',
    { id: 'pmo-confirm-overwrite', className: 'pmo-danger', attrs: { type: 'button' } },
    'Overwrite my columns',
  );
  const confirmCancel = h('button', { id: 'pmo-confirm-cancel', attrs: { type: 'button' } }, 'Cancel');
  const confirmBox = h(
    'div',
    {
      id: 'pmo-confirm',
      className: 'pmo-confirm',
      hidden: true,
      attrs: {
        role: 'alertdialog',
        'aria-modal': 'false',
        'aria-labelledby': 'pmo-confirm-title',
        'aria-describedby': 'pmo-confirm-text',
      },
    },
    confirmTitle,
    confirmText,
    h('div', { className: 'pmo-actions' }, confirmNew, confirmOverwrite, confirmCancel),
  );

  const setup = h(
    'div',
    { id: 'pmo-setup', hidden: true },
    h(
      'section',
      { className: 'pmo-section', attrs: { 'aria-labelledby': 'pmo-method-title' } },
      h('h3', { id: 'pmo-method-title' }, 'Method'),
      field('pmo-method', 'Method', methodSelect),
      field('pmo-name-column', 'Initiative name column', nameSelect),
      combineField,
      criteriaSet,
      wsjfSet,
      riceSet,
      ahpSet,
    ),
    h(
      'section',
      { className: 'pmo-section', attrs: { 'aria-labelledby': 'pmo-budget-title' } },
      h('h3', { id: 'pmo-budget-title' }, 'Budget'),
      field('pmo-cost-column', 'Cost column', costSelect),
      field(
        'pmo-budget',
        'Budget',
        budgetInput,
        'Money text such as 1,200,000 or CHF 1.2M. Leave blank to rank without selecting.',
      ),
      mustDetails,
    ),
    h(
      'section',
      { className: 'pmo-section', attrs: { 'aria-labelledby': 'pmo-ranking-title' } },
      h('h3', { id: 'pmo-ranking-title' }, 'Ranking'),
      h('div', { className: 'pmo-actions' }, scoreButton),
      h(
        'p',
        { className: 'pmo-hint' },
        'The ranking follows your changes; Score reads the sheet again first.',
      ),
      summary,
      ranking,
      selectionBox,
      issues,
    ),
    h(
      'section',
      { className: 'pmo-section', attrs: { 'aria-labelledby': 'pmo-write-title' } },
      h('h3', { id: 'pmo-write-title' }, 'Write back'),
      writeHint,
      h('div', { className: 'pmo-actions' }, writeButton),
      confirmBox,
    ),
  );

  const panel = h(
    'div',
    { className: `pmo-panel pmo-host-${bridge.host}` },
    h('h2', { className: 'pmo-title' }, 'Score initiatives'),
    // Status and alerts stay in view while the pane scrolls (the Write button is far below at 320 px).
    h('div', { className: 'pmo-sticky' }, h('div', { className: 'pmo-status-bar' }, progress, status), alert),
    h(
      'section',
      { className: 'pmo-section', attrs: { 'aria-labelledby': 'pmo-table-title' } },
      h('h3', { id: 'pmo-table-title' }, 'Initiatives table'),
      tableInfo,
      h('div', { className: 'pmo-actions' }, detectButton, selectionButton),
    ),
    setup,
  );
  replaceChildren(root, panel);

  // ------------------------------------------------------------------ status, progress, saving
  function say(text: string): void {
    status.textContent = text;
  }

  function showAlert(text: string): void {
    alert.textContent = text;
  }

  /** Runs host work with the buttons marked busy and a progress bar after a moment. */
  async function withProgress<T>(label: string, work: () => Promise<T>): Promise<T> {
    busy = true;
    say(label);
    showAlert('');
    panel.setAttribute('aria-busy', 'true');
    for (const button of [detectButton, selectionButton, scoreButton, writeButton])
      button.setAttribute('aria-disabled', 'true');
    const timer = setTimeout(() => {
      progress.hidden = false;
    }, PROGRESS_DELAY_MS);
    try {
      return await work();
    } finally {
      clearTimeout(timer);
      progress.hidden = true;
      busy = false;
      panel.removeAttribute('aria-busy');
      for (const button of [detectButton, selectionButton, scoreButton])
        button.removeAttribute('aria-disabled');
      updateWriteButton();
    }
  }

  function change(next: PanelSettings, options: { recompute?: boolean } = {}): void {
    settings = next;
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void saveNow();
    }, SAVE_DELAY_MS);
    if (options.recompute !== false) queueCompute();
  }

  async function saveNow(): Promise<void> {
    if (saveTimer !== undefined) {
      clearTimeout(saveTimer);
      saveTimer = undefined;
    }
    const json = JSON.stringify(settings);
    if (json === savedJson) return;
    const saved = await bridge.saveSettings(json);
    if (saved.kind === 'saved') savedJson = json;
    if (saved.kind === 'error')
      showAlert(`The settings could not be saved in the document: ${saved.message}`);
  }

  // ------------------------------------------------------------------ reading the table
  async function readTable(source: TableSource, announce: boolean): Promise<void> {
    const result = await withProgress(
      source.kind === 'selection' ? 'Reading the selection…' : 'Reading the initiatives table…',
      () => bridge.readInitiatives(source),
    );
    if (result.kind === 'error') {
      table = undefined;
      outcome = undefined;
      setup.hidden = true;
      replaceChildren(
        tableInfo,
        h('p', { className: 'pmo-empty' }, result.message),
        result.message.includes('Use current selection')
          ? null
          : h(
              'p',
              { className: 'pmo-hint' },
              'Tip: select your initiatives table, header row included, then choose "Use current selection".',
            ),
      );
      say('No initiatives table yet.');
      return;
    }
    table = result;
    const remembered: TableSource =
      result.foundBy === 'excel table' || result.foundBy === 'used range'
        ? { kind: 'detect' }
        : { kind: 'range', sheet: result.sheet, address: result.tableRange };
    buildForTable(remembered);
    await computeNow();
    if (announce && outcome?.kind === 'ranking')
      say(`Read the table again: ${outcome.order.length} of ${outcome.rows.length} initiatives scored.`);
    else
      say(
        `Read ${initiativeCount(result)} initiative${initiativeCount(result) === 1 ? '' : 's'} from sheet ${result.sheet}.`,
      );
  }

  function initiativeCount(found: SheetTable): number {
    return found.rows.filter((row) => row.some((value) => value !== null && String(value).trim() !== ''))
      .length;
  }

  function describeTable(found: SheetTable): string {
    const count = initiativeCount(found);
    return `${count} initiative${count === 1 ? '' : 's'} in ${found.tableName ? `table ${found.tableName}` : found.tableRange} on sheet ${found.sheet}.`;
  }

  /** Builds every control that depends on the table's columns, resolving the saved mapping against them. */
  function buildForTable(source: TableSource): void {
    if (!table) return;
    const found = table;
    columns = userColumns(found, ownedColumns(settings, found.sheet, found.headerRow));
    const known = recognisedColumns(columns);
    const has = (header: string) => header !== '' && columns.some((column) => column.header === header);
    const pick = (saved: string, key: string) => (has(saved) ? saved : (known.get(key)?.header ?? ''));
    const firstText = columns.find((column) =>
      found.rows.some(
        (row) => typeof row[column.index] === 'string' && String(row[column.index]).trim() !== '',
      ),
    );
    const nameColumn = has(settings.nameColumn)
      ? settings.nameColumn
      : (known.get('name')?.header ??
        known.get('id')?.header ??
        firstText?.header ??
        columns[0]?.header ??
        '');
    const quad = (saved: Quad, keys: readonly { key: string }[]): Quad => [
      pick(saved[0], keys[0]?.key ?? ''),
      pick(saved[1], keys[1]?.key ?? ''),
      pick(saved[2], keys[2]?.key ?? ''),
      pick(saved[3], keys[3]?.key ?? ''),
    ];
    const next: PanelSettings = {
      ...settings,
      source,
      nameColumn,
      costColumn: pick(settings.costColumn, 'cost'),
      wsjf: quad(settings.wsjf, WSJF_FIELDS),
      rice: quad(settings.rice, RICE_FIELDS),
    };
    settings = next;
    // A table chosen by a button is saved at once (closing the pane right after must not lose it).
    void saveNow();

    replaceChildren(
      tableInfo,
      h('p', { className: 'pmo-table-name' }, describeTable(found)),
      h(
        'p',
        { className: 'pmo-hint' },
        found.foundBy === 'excel table'
          ? `Excel table ${found.tableName}, ${found.tableRange}.`
          : found.foundBy === 'used range'
            ? `Found by its headers at ${found.tableRange}.`
            : `Range ${found.tableRange}.`,
      ),
    );
    fillColumnSelect(nameSelect, settings.nameColumn, undefined);
    fillColumnSelect(costSelect, settings.costColumn, 'No cost column');
    wsjfSelects.forEach((select, i) => {
      fillColumnSelect(select, settings.wsjf[i] ?? '', 'Choose a column');
    });
    riceSelects.forEach((select, i) => {
      fillColumnSelect(select, settings.rice[i] ?? '', 'Choose a column');
    });
    methodSelect.value = settings.method;
    combineSelect.value = settings.combine;
    budgetInput.value = settings.budget;
    buildCriteria();
    buildPairs();
    buildMust();
    showMethod();
    setup.hidden = false;
  }

  function fillColumnSelect(
    select: HTMLSelectElement,
    current: string,
    emptyLabel: string | undefined,
  ): void {
    select.replaceChildren();
    if (emptyLabel !== undefined) select.appendChild(option('', emptyLabel, current === ''));
    for (const column of columns)
      select.appendChild(option(column.header, columnLabel(column), column.header === current));
  }

  function columnLabel(column: TableColumn): string {
    const duplicate = columns.filter((other) => other.header === column.header).length > 1;
    return duplicate && table
      ? `${column.label} (${columnLetters(table.firstColumn + column.index)})`
      : column.label;
  }

  // ------------------------------------------------------------------ criteria
  function criterionColumns(): TableColumn[] {
    const known = recognisedColumns(columns);
    const idHeader = known.get('id')?.header;
    return columns.filter(
      (column) => column.header !== '' && column.header !== settings.nameColumn && column.header !== idHeader,
    );
  }

  function buildCriteria(): void {
    const candidates = criterionColumns();
    criteriaList.replaceChildren();
    candidates.forEach((column, i) => {
      const chosen = settings.criteria.find((criterion) => criterion.header === column.header);
      const tick = h('input', { id: `pmo-crit-${i}`, attrs: { type: 'checkbox' } });
      tick.checked = chosen !== undefined;
      const direction = h('select', { id: `pmo-dir-${i}` });
      direction.append(option('max', 'More is better'), option('min', 'Less is better'));
      direction.value = chosen?.direction ?? defaultDirection(column.header);
      const weight = h('input', {
        id: `pmo-weight-${i}`,
        attrs: { type: 'number', min: '0', step: 'any', inputmode: 'decimal' },
      });
      weight.value = String(chosen?.weight ?? 1);
      const share = h('span', { id: `pmo-share-${i}`, className: 'pmo-share' });
      const detail = h(
        'div',
        { className: 'pmo-criterion-detail', hidden: chosen === undefined },
        h(
          'label',
          { className: 'pmo-visually-hidden', attrs: { for: direction.id } },
          `Direction for ${column.header}`,
        ),
        direction,
        h(
          'span',
          { className: 'pmo-weight-field' },
          h('label', { attrs: { for: weight.id } }, 'Weight'),
          weight,
        ),
        share,
      );
      const row = h(
        'div',
        { className: 'pmo-criterion' },
        h('div', { className: 'pmo-check' }, tick, h('label', { attrs: { for: tick.id } }, column.label)),
        detail,
      );
      row.dataset.header = column.header;
      criteriaList.appendChild(row);

      const current = (): Criterion => ({
        header: column.header,
        direction: direction.value === 'min' ? 'min' : 'max',
        weight: Number.isFinite(weight.valueAsNumber) && weight.valueAsNumber >= 0 ? weight.valueAsNumber : 0,
      });
      tick.addEventListener('change', () => {
        detail.hidden = !tick.checked;
        if (tick.checked) {
          const restored = parked.get(column.header);
          if (restored) {
            direction.value = restored.direction;
            weight.value = String(restored.weight);
          }
          const order = criterionColumns().map((candidate) => candidate.header);
          const next = [
            ...settings.criteria.filter((criterion) => criterion.header !== column.header),
            current(),
          ].sort((a, b) => order.indexOf(a.header) - order.indexOf(b.header));
          change({ ...settings, criteria: next });
        } else {
          parked.set(column.header, current());
          change({
            ...settings,
            criteria: settings.criteria.filter((criterion) => criterion.header !== column.header),
          });
        }
        buildPairs();
      });
      const update = () => {
        if (!tick.checked) return;
        change({
          ...settings,
          criteria: settings.criteria.map((criterion) =>
            criterion.header === column.header ? current() : criterion,
          ),
        });
      };
      direction.addEventListener('change', update);
      weight.addEventListener('input', update);
    });
    criteriaHint.textContent =
      candidates.length === 0
        ? 'The table has no columns to rate by besides the name.'
        : 'Tick the columns that rate the initiatives; say whether more or less is better.';
  }

  // ------------------------------------------------------------------ AHP
  function chosenCriteria(): string[] {
    return settings.criteria
      .map((criterion) => criterion.header)
      .filter((header) => columns.some((column) => column.header === header));
  }

  function buildPairs(): void {
    const criteria = chosenCriteria();
    pairsList.replaceChildren();
    if (criteria.length < 2) {
      pairsList.appendChild(
        h('p', { className: 'pmo-empty' }, 'Tick at least two criteria above to compare them.'),
      );
      return;
    }
    for (let i = 0; i < criteria.length; i++)
      for (let j = i + 1; j < criteria.length; j++) {
        const a = criteria[i] as string;
        const b = criteria[j] as string;
        const select = h('select', { id: `pmo-pair-${i}-${j}` });
        const current = nearestJudgement(judgementOf(settings.judgements, a, b));
        for (const value of JUDGEMENT_VALUES)
          select.appendChild(
            option(judgementText(value), judgementLabel(a, b, value), Math.abs(value - current) < 1e-9),
          );
        select.dataset.a = a;
        select.dataset.b = b;
        select.addEventListener('change', () => {
          const value = parseJudgementText(select.value);
          if (value !== undefined)
            change({ ...settings, judgements: withJudgement(settings.judgements, a, b, value) });
        });
        pairsList.appendChild(field(select.id, `${a} vs ${b}`, select));
      }
  }

  function renderAhp(ahp: AhpSummary | undefined): void {
    replaceChildren(consistency);
    if (!ahp || ahp.criteria.length < 2) return;
    if (ahp.error !== undefined) {
      consistency.className = 'pmo-consistency pmo-warning';
      replaceChildren(consistency, h('p', {}, ahp.error));
      return;
    }
    const ratio = ahp.consistencyRatio ?? 0;
    const acceptable = ratio <= CR_LIMIT;
    consistency.className = acceptable ? 'pmo-consistency pmo-ok' : 'pmo-consistency pmo-warning';
    const children: Child[] = [
      h(
        'p',
        { id: 'pmo-cr' },
        'Consistency ratio ',
        h('strong', { id: 'pmo-cr-value' }, formatRatio(ratio)),
        acceptable ? ' — acceptable (≤ 0.10).' : ' — above 0.10: the judgements contradict each other.',
      ),
    ];
    if (!acceptable && ahp.repair) {
      const { a, b, current, suggested, ratioAfter } = ahp.repair;
      children.push(
        h(
          'p',
          { id: 'pmo-repair' },
          'Revisit ',
          h('strong', {}, `${a} vs ${b}`),
          `: you said “${judgementLabel(a, b, current)}”; your other judgements point to “${judgementLabel(a, b, suggested)}”, which brings the ratio to ${formatRatio(ratioAfter)}.`,
        ),
      );
      const apply = h(
        'button',
        { id: 'pmo-apply-repair', attrs: { type: 'button' } },
        `Change it to “${judgementLabel(a, b, suggested)}”`,
      );
      apply.addEventListener('click', () => {
        const select = pairSelect(a, b);
        change({ ...settings, judgements: withJudgement(settings.judgements, a, b, suggested) });
        if (select) {
          select.value = judgementText(suggested);
          select.focus();
        }
      });
      children.push(h('div', { className: 'pmo-actions' }, apply));
    }
    const weights = ahp.criteria
      .map((header, i) => `${header} ${formatPercent(ahp.weights[i] ?? 0)}`)
      .join(', ');
    children.push(h('p', { id: 'pmo-ahp-weights', className: 'pmo-hint' }, `Weights: ${weights}.`));
    replaceChildren(consistency, ...children);
  }

  function pairSelect(a: string, b: string): HTMLSelectElement | undefined {
    for (const select of pairsList.querySelectorAll('select'))
      if (select.dataset.a === a && select.dataset.b === b) return select;
    return undefined;
  }

  // ------------------------------------------------------------------ must include
  function buildMust(): void {
    mustList.replaceChildren();
    if (!table) return;
    const rows = table.rows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.some((value) => value !== null && String(value).trim() !== ''));
    const known = recognisedColumns(columns);
    const nameColumn = columns.find((column) => column.header === settings.nameColumn);
    const idColumn = known.get('id');
    rows.forEach(({ row, index }, i) => {
      const sheetRow = (table?.firstRow ?? 0) + index;
      const nameValue = nameColumn ? row[nameColumn.index] : null;
      const name = nameValue === null || nameValue === undefined ? '' : String(nameValue);
      const idValue = idColumn ? row[idColumn.index] : null;
      const id = idValue === null || idValue === undefined ? '' : String(idValue).trim();
      const key = id !== '' ? id : name.trim() !== '' ? name.trim() : `row ${sheetRow}`;
      const tick = h('input', { id: `pmo-must-${i}`, attrs: { type: 'checkbox' } });
      tick.checked = settings.must.includes(key);
      tick.dataset.key = key;
      tick.addEventListener('change', () => {
        const others = settings.must.filter((item) => item !== key);
        change({ ...settings, must: tick.checked ? [...others, key] : others });
        updateMustCount();
      });
      mustList.appendChild(
        h(
          'div',
          { className: 'pmo-check' },
          tick,
          h('label', { attrs: { for: tick.id } }, name.trim() !== '' ? name : `Row ${sheetRow}`),
        ),
      );
    });
    updateMustCount();
  }

  function updateMustCount(): void {
    const ticked = mustList.querySelectorAll('input:checked').length;
    mustCount.textContent = `(${ticked})`;
  }

  // ------------------------------------------------------------------ method visibility
  function showMethod(): void {
    const method = settings.method;
    combineField.hidden = method !== 'weighted';
    criteriaSet.hidden = method !== 'weighted' && method !== 'ahp';
    criteriaSet.classList.toggle('pmo-ahp-mode', method === 'ahp');
    wsjfSet.hidden = method !== 'wsjf';
    riceSet.hidden = method !== 'rice';
    ahpSet.hidden = method !== 'ahp';
  }

  // ------------------------------------------------------------------ ranking
  function queueCompute(): void {
    if (computeQueued) return;
    computeQueued = true;
    // A long table is ranked once typing pauses: the exact selection may take a noticeable moment.
    const delay = (table?.rows.length ?? 0) > LARGE_TABLE_ROWS ? 250 : 0;
    setTimeout(() => {
      computeQueued = false;
      void computeNow();
    }, delay);
  }

  async function computeNow(): Promise<void> {
    if (!table) return;
    const found = table;
    const run = () => computeRanking(found, settings, ownedColumns(settings, found.sheet, found.headerRow));
    if (found.rows.length > LARGE_TABLE_ROWS && settings.budget.trim() !== '') {
      // Paint the progress bar before the (synchronous) exact selection starts.
      const before = status.textContent ?? '';
      progress.hidden = false;
      panel.setAttribute('aria-busy', 'true');
      say('Calculating the selection…');
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      try {
        outcome = run();
      } finally {
        progress.hidden = true;
        panel.removeAttribute('aria-busy');
        say(before);
      }
    } else outcome = run();
    renderOutcome(outcome);
  }

  function renderOutcome(result: RankingOutcome): void {
    renderAhp(result.ahp);
    renderWeights(result.kind === 'ranking' ? result : undefined);
    ranking.replaceChildren();
    selectionBox.replaceChildren();
    issues.hidden = true;
    if (result.kind === 'blocked') {
      summary.className = 'pmo-summary pmo-empty';
      summary.textContent = result.message;
      updateWriteButton();
      return;
    }
    summary.className = 'pmo-summary';
    const scored = result.order.length;
    const selectionText = result.selection
      ? ` ${result.selection.exact.count} selected within the budget of ${formatNumber(result.selection.budget)} (cost ${formatNumber(result.selection.exact.cost)}).`
      : '';
    summary.textContent =
      scored === 0
        ? 'No initiative could be scored: see the rows not ranked below.'
        : `${scored} initiative${scored === 1 ? '' : 's'} ranked by ${result.methodLabel}, best first.${selectionText}`;
    for (const position of result.order) {
      const row = result.rows[position];
      if (!row) continue;
      const badges: Child[] = [];
      if (row.selected) badges.push(h('span', { className: 'pmo-badge pmo-badge-selected' }, 'Selected'));
      if (row.must) badges.push(h('span', { className: 'pmo-badge pmo-badge-must' }, 'Must'));
      if (row.greedy && !row.selected) badges.push(h('span', { className: 'pmo-badge' }, 'Greedy only'));
      const name = h('span', { className: row.name.trim() === '' ? 'pmo-name pmo-unnamed' : 'pmo-name' });
      name.textContent = row.name.trim() === '' ? `Row ${row.sheetRow} (no name)` : row.name;
      const meta = [`Score ${formatNumber(row.score ?? 0)}`];
      if (row.cost !== undefined) meta.push(`cost ${formatNumber(row.cost)}`);
      const item = h(
        'li',
        { className: row.selected ? 'pmo-item pmo-item-selected' : 'pmo-item' },
        h('span', { className: 'pmo-rank', attrs: { 'aria-hidden': 'true' } }, String(row.rank ?? '')),
        h(
          'span',
          { className: 'pmo-item-body' },
          name,
          h('span', { className: 'pmo-meta' }, meta.join(' · ')),
          badges.length > 0 ? h('span', { className: 'pmo-badges' }, ...badges) : null,
        ),
      );
      item.dataset.row = String(row.sheetRow);
      ranking.appendChild(item);
    }
    renderSelection(result);
    if (result.issues.length > 0) {
      issues.hidden = false;
      issuesCount.textContent = `(${result.issues.length})`;
      replaceChildren(issuesList, ...result.issues.map((text) => h('li', {}, text)));
    }
    updateWriteButton();
  }

  function renderWeights(result: Ranking | undefined): void {
    const shares = new Map((result?.weights ?? []).map((weight) => [weight.header, weight.share]));
    for (const row of criteriaList.querySelectorAll<HTMLElement>('.pmo-criterion')) {
      const share = row.querySelector('.pmo-share');
      const value = shares.get(row.dataset.header ?? '');
      if (share) share.textContent = value === undefined ? '' : formatPercent(value);
    }
  }

  function renderSelection(result: Ranking): void {
    const selection = result.selection;
    if (!selection) {
      if (result.selectionNote)
        selectionBox.appendChild(
          h('p', { id: 'pmo-selection-note', className: 'pmo-hint' }, result.selectionNote),
        );
      return;
    }
    const exact = selection.exact;
    selectionBox.appendChild(
      h(
        'p',
        { id: 'pmo-exact' },
        h('strong', {}, 'Exact selection: '),
        `${exact.count} initiative${exact.count === 1 ? '' : 's'}, value ${formatNumber(exact.value)}, cost ${formatNumber(exact.cost)} of ${formatNumber(selection.budget)}.`,
      ),
    );
    const greedy = selection.greedy;
    if (!greedy) return;
    const loses =
      selection.lostValue > 1e-9
        ? ` It loses ${formatNumber(selection.lostValue)} of value (${formatPercent(selection.lostShare)}) against the exact selection.`
        : ' Here it reaches the same value as the exact selection.';
    const lines: Child[] = [
      h(
        'p',
        { id: 'pmo-greedy' },
        h('strong', {}, 'Greedy waterline: '),
        `funding by score ÷ cost until the next one does not fit gives ${greedy.count} initiative${greedy.count === 1 ? '' : 's'}, value ${formatNumber(greedy.value)}, cost ${formatNumber(greedy.cost)}.${loses}`,
      ),
    ];
    if (selection.exactOnly.length > 0)
      lines.push(
        h(
          'p',
          { className: 'pmo-hint' },
          'Only in the exact selection: ',
          nameList(selection.exactOnly),
          '.',
        ),
      );
    if (selection.greedyOnly.length > 0)
      lines.push(
        h(
          'p',
          { className: 'pmo-hint' },
          'Only in the greedy waterline: ',
          nameList(selection.greedyOnly),
          '.',
        ),
      );
    for (const line of lines) if (line) selectionBox.appendChild(line as Node);
  }

  function nameList(names: readonly string[]): HTMLSpanElement {
    const span = h('span', { className: 'pmo-names' });
    span.textContent = names.join(', ');
    return span;
  }

  function updateWriteButton(): void {
    if (busy || outcome?.kind !== 'ranking') writeButton.setAttribute('aria-disabled', 'true');
    else writeButton.removeAttribute('aria-disabled');
  }

  // ------------------------------------------------------------------ write back
  function hideConfirm(): void {
    confirmBox.hidden = true;
  }

  async function write(onConflict: WriteRequest['onConflict']): Promise<void> {
    if (!table || outcome?.kind !== 'ranking') return;
    const found = table;
    const ranked = outcome;
    hideConfirm();
    const owned = ownedColumns(settings, found.sheet, found.headerRow);
    const userIndices = userColumns(found, owned).map((column) => column.index);
    const lastIndex = Math.max(0, ...userIndices);
    const request: WriteRequest = {
      sheet: found.sheet,
      headerRow: found.headerRow,
      lastRow: found.headerRow + found.rows.length,
      firstColumn: found.firstColumn,
      lastColumn: found.firstColumn + lastIndex,
      headers: found.headers.slice(0, lastIndex + 1),
      fingerprint: tableFingerprint(found.rows, lastIndex + 1),
      columns: ranked.output,
      owned,
      onConflict,
    };
    const result = await withProgress('Writing to the sheet…', () => bridge.writeResults(request));
    if (result.kind === 'error') {
      say('Nothing was written.');
      showAlert(result.message);
      return;
    }
    if (result.kind === 'stale') {
      await readTable(settings.source, false);
      say('Nothing was written.');
      showAlert(
        `The table changed since it was read (${result.reason}), so the results could be on the wrong rows. The ranking now shows the table as it is: check it, then write again.`,
      );
      return;
    }
    if (result.kind === 'conflict') {
      const names = result.headers.map((header) => `“${header}”`).join(', ');
      const plural = result.headers.length > 1;
      confirmTitle.textContent = plural ? 'Overwrite your columns?' : 'Overwrite your column?';
      confirmText.textContent = `Your table already has ${plural ? 'columns' : 'a column'} named ${names} that the add-in did not create. Overwrite ${plural ? 'their' : 'its'} values with the results, or add new columns beside the table?`;
      confirmBox.hidden = false;
      say('Waiting for your answer: overwrite your column or add new ones.');
      confirmNew.focus();
      return;
    }
    change(withWrittenColumns(settings, result.sheet, found.headerRow, result.columns), { recompute: false });
    await saveNow();
    const headers = result.columns.map((column) => column.header);
    say(
      `Wrote ${headers.slice(0, -1).join(', ')}${headers.length > 1 ? ' and ' : ''}${headers.at(-1) ?? ''} to ${result.sheet}!${result.address}.`,
    );
  }

  // ------------------------------------------------------------------ events
  const guarded = (action: () => Promise<void>) => () => {
    if (busy) return;
    void action();
  };
  detectButton.addEventListener(
    'click',
    guarded(() => readTable({ kind: 'detect' }, false)),
  );
  selectionButton.addEventListener(
    'click',
    guarded(() => readTable({ kind: 'selection' }, false)),
  );
  scoreButton.addEventListener(
    'click',
    guarded(() => readTable(settings.source, true)),
  );
  writeButton.addEventListener('click', () => {
    if (busy || writeButton.getAttribute('aria-disabled') === 'true') {
      if (!busy && outcome?.kind === 'blocked') say(`Nothing to write yet: ${outcome.message}`);
      return;
    }
    void write('ask');
  });
  confirmNew.addEventListener(
    'click',
    guarded(() => write('new-columns')),
  );
  confirmOverwrite.addEventListener(
    'click',
    guarded(() => write('overwrite')),
  );
  confirmCancel.addEventListener('click', () => {
    hideConfirm();
    say('Nothing was written.');
    writeButton.focus();
  });
  confirmBox.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      confirmCancel.click();
    }
  });
  methodSelect.addEventListener('change', () => {
    const method = SCORING_METHODS.find((choice) => choice.value === methodSelect.value)?.value ?? 'weighted';
    change({ ...settings, method: method as ScoringMethod });
    showMethod();
  });
  combineSelect.addEventListener('change', () => {
    const combine =
      COMBINE_METHODS.find((choice) => choice.value === combineSelect.value)?.value ?? 'weighted';
    change({ ...settings, combine: combine as CombineMethod });
  });
  nameSelect.addEventListener('change', () => {
    change({ ...settings, nameColumn: nameSelect.value });
    buildCriteria();
    buildPairs();
    buildMust();
  });
  costSelect.addEventListener('change', () => change({ ...settings, costColumn: costSelect.value }));
  budgetInput.addEventListener('input', () => change({ ...settings, budget: budgetInput.value }));
  const quadOf = (selects: readonly HTMLSelectElement[]): Quad => [
    selects[0]?.value ?? '',
    selects[1]?.value ?? '',
    selects[2]?.value ?? '',
    selects[3]?.value ?? '',
  ];
  for (const select of wsjfSelects)
    select.addEventListener('change', () => change({ ...settings, wsjf: quadOf(wsjfSelects) }));
  for (const select of riceSelects)
    select.addEventListener('change', () => change({ ...settings, rice: quadOf(riceSelects) }));

  // ------------------------------------------------------------------ start
  const ready = (async () => {
    const saved = await withProgress('Loading your settings…', () => bridge.loadSettings());
    if (saved !== null && typeof saved === 'object')
      showAlert(`The saved settings could not be read (${saved.message}); starting afresh.`);
    else {
      settings = parseSettings(saved);
      savedJson = JSON.stringify(settings);
    }
    await readTable(settings.source, false);
  })();
  // Closing the pane while a save is pending: send it now (best effort; the host may not finish it).
  const flush = () => {
    if (saveTimer !== undefined) void saveNow();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  updateWriteButton();
  return { root, ready };
}
