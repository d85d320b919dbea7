// The "Budget" section: the cost column, the budget as typed, and the must-include initiatives.

import { field, h } from '../dom';
import type { PanelContext } from './context';
import { fillColumnSelect } from './method';

export interface BudgetSection {
  readonly element: HTMLElement;
  /** Shows the settings of a table just read. */
  fill(): void;
  /** Rebuilds the must-include tick boxes from the table's rows. */
  buildMust(): void;
}

export function createBudgetSection(ctx: PanelContext): BudgetSection {
  const { state } = ctx;
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
  const element = h(
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
  );
  costSelect.addEventListener('change', () => {
    state.settings = { ...state.settings, costColumn: costSelect.value };
    ctx.changed();
  });
  budgetInput.addEventListener('input', () => {
    state.settings = { ...state.settings, budget: budgetInput.value };
    ctx.changed();
  });
  const updateMustCount = () => {
    mustCount.textContent = `(${mustList.querySelectorAll('input:checked').length})`;
  };
  const buildMust = () => {
    mustList.replaceChildren();
    state.mustItems().forEach(({ key, label }, i) => {
      const tick = h('input', { id: `pmo-must-${i}`, attrs: { type: 'checkbox' } });
      tick.checked = state.settings.must.includes(key);
      tick.dataset.key = key;
      tick.addEventListener('change', () => {
        state.setMust(key, tick.checked);
        ctx.changed();
        updateMustCount();
      });
      mustList.appendChild(
        h('div', { className: 'pmo-check' }, tick, h('label', { attrs: { for: tick.id } }, label)),
      );
    });
    updateMustCount();
  };
  return {
    element,
    fill: () => {
      fillColumnSelect(state, costSelect, state.settings.costColumn, 'No cost column');
      budgetInput.value = state.settings.budget;
    },
    buildMust,
  };
}
