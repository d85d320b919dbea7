// The "Criteria" group: one row per column that can rate the initiatives, with a tick box, a direction, a
// weight and the criterion's share of the total weight (filled in after each ranking); then the columns not
// offered (words, empty) and why.

import type { Criterion } from '../../core/prioritization/ranking-settings';
import type { Ranking } from '../../core/prioritization/ranking-types';
import { h, option } from '../dom';
import { formatPercent } from '../format';
import type { PanelContext } from './context';

export interface CriteriaSection {
  readonly element: HTMLElement;
  /** Rebuilds the rows from the table's columns and the settings. */
  build(): void;
  /** Shows each criterion's share of the weight (blank without a ranking). */
  renderWeights(result: Ranking | undefined): void;
}

/** Builds the criteria group; `onTicked` runs after a criterion was ticked or unticked. */
export function createCriteriaSection(ctx: PanelContext, onTicked: () => void): CriteriaSection {
  const { state } = ctx;
  const list = h('div', { id: 'pmo-criteria-list', className: 'pmo-criteria' });
  const hint = h('p', { id: 'pmo-criteria-hint', className: 'pmo-hint' });
  // The columns not offered, and why: a column of words cannot rate the initiatives.
  const unusable = h('p', { id: 'pmo-criteria-unusable', className: 'pmo-hint' });
  const element = h(
    'fieldset',
    { id: 'pmo-criteria', className: 'pmo-group' },
    h('legend', {}, 'Criteria'),
    hint,
    list,
    unusable,
  );

  function criterionRow(header: string, label: string, i: number): HTMLElement {
    const chosen = state.settings.criteria.find((criterion) => criterion.header === header);
    const start = chosen ?? state.startingCriterion(header);
    const tick = h('input', { id: `pmo-crit-${i}`, attrs: { type: 'checkbox' } });
    tick.checked = chosen !== undefined;
    const direction = h('select', { id: `pmo-dir-${i}` });
    direction.append(option('max', 'More is better'), option('min', 'Less is better'));
    direction.value = start.direction;
    const weight = h('input', {
      id: `pmo-weight-${i}`,
      attrs: { type: 'number', min: '0', step: 'any', inputmode: 'decimal' },
    });
    weight.value = String(start.weight);
    const detail = h(
      'div',
      { className: 'pmo-criterion-detail', hidden: chosen === undefined },
      h(
        'label',
        { className: 'pmo-visually-hidden', attrs: { for: direction.id } },
        `Direction for ${header}`,
      ),
      direction,
      h(
        'span',
        { className: 'pmo-weight-field' },
        h('label', { attrs: { for: weight.id } }, 'Weight'),
        weight,
      ),
      h('span', { id: `pmo-share-${i}`, className: 'pmo-share' }),
    );
    const row = h(
      'div',
      { className: 'pmo-criterion' },
      h('div', { className: 'pmo-check' }, tick, h('label', { attrs: { for: tick.id } }, label)),
      detail,
    );
    row.dataset.header = header;
    const current = (): Criterion => ({
      header,
      direction: direction.value === 'min' ? 'min' : 'max',
      weight: Number.isFinite(weight.valueAsNumber) && weight.valueAsNumber >= 0 ? weight.valueAsNumber : 0,
    });
    tick.addEventListener('change', () => {
      detail.hidden = !tick.checked;
      if (tick.checked) {
        const ticked = state.tickCriterion(current());
        direction.value = ticked.direction;
        weight.value = String(ticked.weight);
      } else state.untickCriterion(current());
      ctx.changed();
      onTicked();
    });
    const update = () => {
      if (!tick.checked) return;
      state.updateCriterion(current());
      ctx.changed();
    };
    direction.addEventListener('change', update);
    weight.addEventListener('input', update);
    return row;
  }

  return {
    element,
    build: () => {
      const candidates = state.criterionColumns();
      list.replaceChildren(...candidates.map((column, i) => criterionRow(column.header, column.label, i)));
      // Where the weights come from, when they are the matrix's own.
      hint.textContent =
        candidates.length === 0
          ? 'The table has no columns to rate by besides the name.'
          : `Tick the columns that rate the initiatives; say whether more or less is better. ${state.matrixNote()}`.trim();
      const notOffered = state.unusableColumns();
      unusable.hidden = notOffered.length === 0;
      unusable.textContent =
        notOffered.length === 0
          ? ''
          : `Not offered, as a criterion needs numbers: ${notOffered.map(({ label, reason }) => `${label} (${reason})`).join('; ')}.`;
    },
    renderWeights: (result) => {
      const shares = new Map((result?.weights ?? []).map((weight) => [weight.header, weight.share]));
      for (const row of list.querySelectorAll<HTMLElement>('.pmo-criterion')) {
        const share = row.querySelector('.pmo-share');
        const value = shares.get(row.dataset.header ?? '');
        if (share) share.textContent = value === undefined ? '' : formatPercent(value);
      }
    },
  };
}
