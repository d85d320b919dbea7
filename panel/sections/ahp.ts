// The "Pairwise comparisons (AHP)" group: one judgement per pair of ticked criteria on Saaty's scale, the
// consistency ratio after each ranking, and the one-click repair of the judgement that contradicts the others.

import { judgementOf, withJudgement } from '../../core/prioritization/ranking-settings';
import { type AhpSummary, CR_LIMIT } from '../../core/prioritization/ranking-types';
import { button, type Child, field, h, option, replaceChildren } from '../dom';
import {
  formatPercent,
  formatRatio,
  JUDGEMENT_VALUES,
  judgementLabel,
  judgementText,
  nearestJudgement,
  parseJudgementText,
} from '../format';
import type { PanelContext } from './context';

export interface AhpSection {
  readonly element: HTMLElement;
  /** Rebuilds the pairs from the ticked criteria. */
  buildPairs(): void;
  /** Shows the consistency ratio, the repair hint and the weights (nothing for fewer than two criteria). */
  render(ahp: AhpSummary | undefined): void;
}

export function createAhpSection(ctx: PanelContext): AhpSection {
  const { state } = ctx;
  const pairsList = h('div', { id: 'pmo-pairs', className: 'pmo-pairs' });
  const consistency = h('div', {
    id: 'pmo-consistency',
    className: 'pmo-consistency',
    attrs: { 'aria-live': 'polite' },
  });
  const element = h(
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
  const judge = (a: string, b: string, value: number) => {
    state.settings = { ...state.settings, judgements: withJudgement(state.settings.judgements, a, b, value) };
    ctx.changed();
  };

  function pairField(a: string, b: string, id: string): HTMLElement {
    const select = h('select', { id });
    const current = nearestJudgement(judgementOf(state.settings.judgements, a, b));
    for (const value of JUDGEMENT_VALUES)
      select.appendChild(
        option(judgementText(value), judgementLabel(a, b, value), Math.abs(value - current) < 1e-9),
      );
    select.dataset.a = a;
    select.dataset.b = b;
    select.addEventListener('change', () => {
      const value = parseJudgementText(select.value);
      if (value !== undefined) judge(a, b, value);
    });
    return field(select.id, `${a} vs ${b}`, select);
  }

  function pairSelect(a: string, b: string): HTMLSelectElement | undefined {
    for (const select of pairsList.querySelectorAll('select'))
      if (select.dataset.a === a && select.dataset.b === b) return select;
    return undefined;
  }

  function repairLines(repair: NonNullable<AhpSummary['repair']>): Child[] {
    const { a, b, current, suggested, ratioAfter } = repair;
    const apply = button('pmo-apply-repair', `Change it to “${judgementLabel(a, b, suggested)}”`);
    apply.addEventListener('click', () => {
      const select = pairSelect(a, b);
      judge(a, b, suggested);
      if (select) {
        select.value = judgementText(suggested);
        select.focus();
      }
    });
    return [
      h(
        'p',
        { id: 'pmo-repair' },
        'Revisit ',
        h('strong', {}, `${a} vs ${b}`),
        `: you said “${judgementLabel(a, b, current)}”; your other judgements point to “${judgementLabel(a, b, suggested)}”, which brings the ratio to ${formatRatio(ratioAfter)}.`,
      ),
      h('div', { className: 'pmo-actions' }, apply),
    ];
  }

  return {
    element,
    buildPairs: () => {
      const criteria = state.chosenCriteria();
      pairsList.replaceChildren();
      if (criteria.length < 2) {
        pairsList.appendChild(
          h('p', { className: 'pmo-empty' }, 'Tick at least two criteria above to compare them.'),
        );
        return;
      }
      for (let i = 0; i < criteria.length; i++)
        for (let j = i + 1; j < criteria.length; j++)
          pairsList.appendChild(
            pairField(criteria[i] as string, criteria[j] as string, `pmo-pair-${i}-${j}`),
          );
    },
    render: (ahp) => renderConsistency(consistency, ahp, repairLines),
  };
}

/** Fills the consistency box: the ratio, whether it is acceptable, the repair when it is not, the weights. */
function renderConsistency(
  consistency: HTMLElement,
  ahp: AhpSummary | undefined,
  repairLines: (repair: NonNullable<AhpSummary['repair']>) => Child[],
): void {
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
  if (!acceptable && ahp.repair) for (const line of repairLines(ahp.repair)) children.push(line);
  const weights = ahp.criteria
    .map((header, i) => `${header} ${formatPercent(ahp.weights[i] ?? 0)}`)
    .join(', ');
  children.push(h('p', { id: 'pmo-ahp-weights', className: 'pmo-hint' }, `Weights: ${weights}.`));
  replaceChildren(consistency, ...children);
}
