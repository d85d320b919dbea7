// "Weight sensitivity" (issue 16.6), for the Weighted score method: for each criterion, the weights (the others as
// set) between which the top initiative and, with a budget, the funded set stay as they are, and what changes past
// each end; and a slider per criterion that previews the ranking with another weight, live, writing nothing. The
// preview is left by "Use this weight" (it becomes the weight) or "Back to …" (the weight as set).

import type { CriterionSensitivity, RankingSensitivity } from '../../core/prioritization/ranking-sensitivity';
import { button, h, replaceChildren } from '../dom';
import { formatNumber } from '../format';

/** A weight being previewed: the criterion and the weight tried. */
export interface WeightPreview {
  readonly header: string;
  readonly weight: number;
  /** The weight as set. */
  readonly set: number;
}

export interface SensitivitySection {
  /** The disclosure with the ranges and sliders. */
  readonly element: HTMLDetailsElement;
  /** The line above the ranking while a weight is previewed, with "Use this weight" and "Back to …". */
  readonly previewBar: HTMLElement;
  /** Shows the ranges of a ranking as set (undefined hides the section: not the Weighted score method). */
  render(result: RankingSensitivity | undefined): void;
  /** Shows (or, undefined, ends) a preview; ending it puts every slider back at its weight as set. */
  showPreview(preview: WeightPreview | undefined): void;
}

export interface SensitivityActions {
  /** A slider moved: preview `weight` for `header`. */
  preview(header: string, weight: number): void;
  /** "Back to …": the ranking as set. */
  back(): void;
  /** "Use this weight": the previewed weight becomes the criterion's weight. */
  keep(): void;
}

/** The slider's top: a round number above both the weight and its range's top, 10 at least. */
function sliderMax(item: CriterionSensitivity): number {
  const high = item.range?.high ?? 0;
  const wanted = Math.max(10, item.weight * 2, high * 1.25);
  const unit = 10 ** Math.floor(Math.log10(wanted));
  return Math.ceil(wanted / unit) * unit;
}

/** "Keeps them from 1.2 to 7.5", "from 0 to 7.5", "from 1.2 up, any weight". */
function rangeText(item: CriterionSensitivity, what: string): string {
  const range = item.range;
  if (!range) return 'The only criterion with weight: moving it changes nothing.';
  const low = range.low === 0 ? '0' : formatNumber(range.low);
  const high = range.high === undefined ? 'any higher weight' : formatNumber(range.high);
  const parts = [`${what} stay the same from ${low} to ${high}.`];
  if (item.below) parts.push(`Below ${low}: ${item.below}.`);
  if (item.above && range.high !== undefined) parts.push(`Above ${high}: ${item.above}.`);
  return parts.join(' ');
}

export function createSensitivitySection(actions: SensitivityActions): SensitivitySection {
  const intro = h('p', { id: 'pmo-sensitivity-intro', className: 'pmo-hint' });
  const list = h('ul', { id: 'pmo-sensitivity-list', className: 'pmo-sensitivity-list' });
  const previewText = h('p', { id: 'pmo-preview-text' });
  const keepButton = button('pmo-preview-keep', 'Use this weight', 'pmo-primary');
  const backButton = button('pmo-preview-back', 'Back');
  const previewBar = h(
    'div',
    { id: 'pmo-preview', className: 'pmo-preview', hidden: true, attrs: { role: 'status' } },
    previewText,
    h('div', { className: 'pmo-actions' }, keepButton, backButton),
  );
  const element = h(
    'details',
    { id: 'pmo-sensitivity', className: 'pmo-sensitivity', hidden: true },
    h('summary', {}, 'Weight sensitivity'),
    intro,
    list,
  );
  keepButton.addEventListener('click', () => actions.keep());
  backButton.addEventListener('click', () => actions.back());
  /** Each slider with its output and the weight as set, to put back when a preview ends. */
  const sliders: { slider: HTMLInputElement; shown: HTMLOutputElement; weight: number }[] = [];

  const itemOf = (item: CriterionSensitivity, c: number, what: string): HTMLLIElement => {
    const id = `pmo-try-${c}`;
    const max = sliderMax(item);
    const slider = h('input', {
      id,
      attrs: {
        type: 'range',
        min: '0',
        max: String(max),
        step: String(max / 100),
        'aria-describedby': `${id}-range`,
      },
    });
    slider.value = String(item.weight);
    const shown = h('output', { attrs: { for: id } }, formatNumber(item.weight));
    slider.addEventListener('input', () => {
      const weight = Number(slider.value);
      shown.textContent = formatNumber(weight);
      actions.preview(item.header, weight);
    });
    sliders.push({ slider, shown, weight: item.weight });
    const name = h('strong', {});
    name.textContent = item.header;
    return h(
      'li',
      { className: 'pmo-sensitivity-item', attrs: { 'data-header': item.header } },
      name,
      ` · weight ${formatNumber(item.weight)}`,
      h('p', { id: `${id}-range`, className: 'pmo-sensitivity-range' }, rangeText(item, what)),
      h('div', { className: 'pmo-try' }, h('label', { attrs: { for: id } }, 'Try a weight'), slider, shown),
    );
  };

  return {
    element,
    previewBar,
    render: (result) => {
      element.hidden = result === undefined;
      if (!result) return;
      const what = result.funded ? `The top (${result.top}) and the funded set` : `The top (${result.top})`;
      intro.textContent = `How far each weight can move, the other weights as set, before the ranking's top${result.funded ? ' or the funded set' : ''} changes.${result.note ? ` ${result.note}` : ''} A slider previews another weight; nothing is written.`;
      sliders.length = 0;
      replaceChildren(list, ...result.criteria.map((item, c) => itemOf(item, c, what)));
    },
    showPreview: (preview) => {
      previewBar.hidden = preview === undefined;
      if (preview) {
        previewText.textContent = `Previewing ${preview.header} at weight ${formatNumber(preview.weight)} (set: ${formatNumber(preview.set)}): the ranking below is the preview, and nothing is written.`;
        backButton.textContent = `Back to ${formatNumber(preview.set)}`;
        return;
      }
      for (const { slider, shown, weight } of sliders) {
        slider.value = String(weight);
        shown.textContent = formatNumber(weight);
      }
    },
  };
}
