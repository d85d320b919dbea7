// The "Method" controls: the method, how Weighted score combines ratings, the name column, and the WSJF and
// RICE input columns. Which of the method-specific groups shows follows the method.

import { RICE_KEYS, WSJF_KEYS } from '../../core/initiatives/table';
import { COMBINE_METHODS, SCORING_METHODS } from '../../core/prioritization/ranking-settings';
import { field, h, option } from '../dom';
import type { PanelState } from '../state';
import type { PanelContext } from './context';

/** The labels of the WSJF and RICE inputs, in the order of their keys (core/initiatives/table.ts). */
const WSJF_LABELS = [
  'Business value',
  'Time criticality',
  'Risk reduction | opportunity enablement',
  'Job size',
];
const RICE_LABELS = ['Reach', 'Impact', 'Confidence', 'Effort'];
const fieldsOf = (keys: readonly string[], labels: readonly string[]) =>
  keys.map((key, i) => ({ key, label: labels[i] ?? key }));
const WSJF_FIELDS = fieldsOf(WSJF_KEYS, WSJF_LABELS);
const RICE_FIELDS = fieldsOf(RICE_KEYS, RICE_LABELS);

type Quad = readonly [string, string, string, string];

/** Fills a column select with the table's columns (and an empty choice when `emptyLabel` is given). */
export function fillColumnSelect(
  state: PanelState,
  select: HTMLSelectElement,
  current: string,
  emptyLabel: string | undefined,
): void {
  select.replaceChildren();
  if (emptyLabel !== undefined) select.appendChild(option('', emptyLabel, current === ''));
  for (const column of state.columns)
    select.appendChild(option(column.header, state.columnLabel(column), column.header === current));
}

export interface MethodSection {
  /** The method's fields, before the criteria and AHP groups. */
  readonly fields: readonly HTMLElement[];
  /** The WSJF and RICE groups, after the criteria. */
  readonly inputGroups: readonly HTMLElement[];
  /** Shows the settings of a table just read. */
  fill(): void;
}

/** Builds the method controls; `onMethod` runs after the method changed, `onName` after the name column did. */
export function createMethodSection(
  ctx: PanelContext,
  onMethod: () => void,
  onName: () => void,
): MethodSection {
  const { state } = ctx;
  const methodSelect = h('select', {});
  for (const choice of SCORING_METHODS) methodSelect.appendChild(option(choice.value, choice.label));
  const combineSelect = h('select', {});
  for (const choice of COMBINE_METHODS) combineSelect.appendChild(option(choice.value, choice.label));
  const nameSelect = h('select', {});
  const inputGroup = (
    id: string,
    legend: string,
    hint: string,
    fields: readonly { key: string; label: string }[],
  ) => {
    const selects = fields.map(() => h('select', {}));
    const set = h(
      'fieldset',
      { id, className: 'pmo-group' },
      h('legend', {}, legend),
      h('p', { className: 'pmo-hint' }, hint),
      ...fields.map((item, i) => field(`${id}-${item.key}`, item.label, selects[i] as HTMLSelectElement)),
    );
    const quad = (): Quad => [
      selects[0]?.value ?? '',
      selects[1]?.value ?? '',
      selects[2]?.value ?? '',
      selects[3]?.value ?? '',
    ];
    return { selects, set, quad };
  };
  const wsjf = inputGroup(
    'pmo-wsjf',
    'WSJF columns',
    'WSJF = (business value + time criticality + risk reduction) ÷ job size.',
    WSJF_FIELDS,
  );
  const rice = inputGroup(
    'pmo-rice',
    'RICE columns',
    'RICE = reach × impact × confidence ÷ effort.',
    RICE_FIELDS,
  );
  for (const select of wsjf.selects)
    select.addEventListener('change', () => {
      state.settings = { ...state.settings, wsjf: wsjf.quad() };
      ctx.changed();
    });
  for (const select of rice.selects)
    select.addEventListener('change', () => {
      state.settings = { ...state.settings, rice: rice.quad() };
      ctx.changed();
    });
  methodSelect.addEventListener('change', () => {
    const method = SCORING_METHODS.find((choice) => choice.value === methodSelect.value)?.value ?? 'weighted';
    state.settings = { ...state.settings, method };
    ctx.changed();
    onMethod();
  });
  combineSelect.addEventListener('change', () => {
    const combine =
      COMBINE_METHODS.find((choice) => choice.value === combineSelect.value)?.value ?? 'weighted';
    state.settings = { ...state.settings, combine };
    ctx.changed();
  });
  nameSelect.addEventListener('change', () => {
    state.settings = { ...state.settings, nameColumn: nameSelect.value };
    ctx.changed();
    onName();
  });
  const combineField = field('pmo-combine', 'Combine ratings as', combineSelect);
  return {
    fields: [
      field('pmo-method', 'Method', methodSelect),
      field('pmo-name-column', 'Initiative name column', nameSelect),
      combineField,
    ],
    inputGroups: [wsjf.set, rice.set],
    fill: () => {
      const settings = state.settings;
      fillColumnSelect(state, nameSelect, settings.nameColumn, undefined);
      wsjf.selects.forEach((select, i) => {
        fillColumnSelect(state, select, settings.wsjf[i] ?? '', 'Choose a column');
      });
      rice.selects.forEach((select, i) => {
        fillColumnSelect(state, select, settings.rice[i] ?? '', 'Choose a column');
      });
      methodSelect.value = settings.method;
      combineSelect.value = settings.combine;
    },
  };
}

/** Shows the groups of the chosen method and hides the others. */
export function showMethod(
  state: PanelState,
  groups: {
    combine: HTMLElement;
    criteria: HTMLElement;
    wsjf: HTMLElement;
    rice: HTMLElement;
    ahp: HTMLElement;
  },
): void {
  const method = state.settings.method;
  groups.combine.hidden = method !== 'weighted';
  groups.criteria.hidden = method !== 'weighted' && method !== 'ahp';
  groups.criteria.classList.toggle('pmo-ahp-mode', method === 'ahp');
  groups.wsjf.hidden = method !== 'wsjf';
  groups.rice.hidden = method !== 'rice';
  groups.ahp.hidden = method !== 'ahp';
}
