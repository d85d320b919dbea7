// The "Ranking" section: the Score button, a one-line summary, the ranked list (best first, names verbatim as
// text), the exact selection beside the greedy waterline, and the rows not ranked.

import type {
  CriterionPart,
  RankedRow,
  Ranking,
  RankingOutcome,
  ScoreParts,
} from '../../core/prioritization/ranking-types';
import { button, type Child, h, replaceChildren } from '../dom';
import { formatNumber, formatPercent, plural } from '../format';

export interface RankingSection {
  readonly element: HTMLElement;
  readonly scoreButton: HTMLButtonElement;
  render(result: RankingOutcome): void;
}

function nameList(names: readonly string[]): HTMLSpanElement {
  const span = h('span', { className: 'pmo-names' });
  span.textContent = names.join(', ');
  return span;
}

/** How one criterion counts: "Value 8 × 75% = 6.00", "Risk 2 (less is better: counts as 6) × 25% = 1.50". */
function partText(part: CriterionPart, combine: ScoreParts['combine']): string {
  const counts =
    combine === 'minmax'
      ? ` (${formatPercent(part.term)} of its range${part.direction === 'min' ? ', less is better' : ''})`
      : part.direction === 'min'
        ? ` (less is better: counts as ${formatNumber(part.term)})`
        : '';
  // Summed ratings are multiplied by the weight itself; averaged ones by its share of the total weight.
  const weight = combine === 'sum' ? `weight ${formatNumber(part.weight)}` : formatPercent(part.share);
  return `${part.header} ${formatNumber(part.rating)}${counts} × ${weight} = ${formatNumber(part.contribution)}`;
}

/** "Why this rank": each criterion's part of the score, largest first, adding up to the score. */
function whyDetails(
  row: RankedRow,
  parts: readonly CriterionPart[],
  combine: ScoreParts['combine'],
): HTMLElement {
  const lines = [...parts]
    .sort((a, b) => b.contribution - a.contribution)
    .map((part) => {
      const item = h('li', {});
      item.textContent = partText(part, combine);
      return item;
    });
  const how =
    combine === 'sum'
      ? 'Score = Σ weight × rating'
      : combine === 'minmax'
        ? 'Score = Σ weight × place in its range ÷ Σ weight'
        : 'Score = Σ weight × rating ÷ Σ weight';
  return h(
    'details',
    { className: 'pmo-why' },
    h('summary', {}, 'Why this rank'),
    h('ul', {}, ...lines),
    h('p', { className: 'pmo-hint' }, `${how} = ${formatNumber(row.score ?? 0)}.`),
  );
}

/** "Why this rank" for WSJF: "WSJF = (Business value 8 + Time criticality 5 + RR/OE 3) ÷ Job size 5 = 3.2". */
function wsjfDetails(row: RankedRow, inputs: NonNullable<Ranking['inputs']>[number]): HTMLElement | null {
  const [value, time, risk, size] = (inputs ?? []).map(
    (input) => `${input.name} ${formatNumber(input.value)}`,
  );
  if (size === undefined) return null;
  return h(
    'details',
    { className: 'pmo-why' },
    h('summary', {}, 'Why this rank'),
    h('p', {}, `WSJF = (${value} + ${time} + ${risk}) ÷ ${size} = ${formatNumber(row.score ?? 0)}.`),
  );
}

/** "Why this rank" for RICE: "RICE = Reach 450 × Impact 3 × Confidence 80% ÷ Effort 2 = 540". */
function riceDetails(row: RankedRow, inputs: NonNullable<Ranking['inputs']>[number]): HTMLElement | null {
  const [reach, impact, confidence, effort] = inputs ?? [];
  if (!reach || !impact || !confidence || !effort) return null;
  const text = `RICE = Reach ${formatNumber(reach.value)} × Impact ${formatNumber(impact.value)} × Confidence ${formatPercent(confidence.value)} ÷ Effort ${formatNumber(effort.value)} = ${formatNumber(row.score ?? 0)}.`;
  return h('details', { className: 'pmo-why' }, h('summary', {}, 'Why this rank'), h('p', {}, text));
}

/** One item of the ranked list: rank, name (as text), score and cost, its badges, and why it ranks there. */
function rankingItem(
  row: RankedRow,
  parts?: ScoreParts,
  inputs?: Ranking['inputs'],
  method?: Ranking['method'],
): HTMLLIElement {
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
      parts?.rows[row.index]
        ? whyDetails(row, parts.rows[row.index] ?? [], parts.combine)
        : inputs?.[row.index]
          ? method === 'rice'
            ? riceDetails(row, inputs[row.index])
            : wsjfDetails(row, inputs[row.index])
          : null,
    ),
  );
  item.dataset.row = String(row.sheetRow);
  return item;
}

/** The selection's paragraphs: the exact selection, the greedy waterline and where they differ. */
function selectionLines(result: Ranking): Child[] {
  const selection = result.selection;
  if (!selection)
    return result.selectionNote
      ? [h('p', { id: 'pmo-selection-note', className: 'pmo-hint' }, result.selectionNote)]
      : [];
  const exact = selection.exact;
  const lines: Child[] = [
    h(
      'p',
      { id: 'pmo-exact' },
      h('strong', {}, 'Exact selection: '),
      `${plural(exact.count, 'initiative')}, value ${formatNumber(exact.value)}, cost ${formatNumber(exact.cost)} of ${formatNumber(selection.budget)}.`,
    ),
  ];
  const greedy = selection.greedy;
  if (!greedy) return lines;
  const loses =
    selection.lostValue > 1e-9
      ? ` It loses ${formatNumber(selection.lostValue)} of value (${formatPercent(selection.lostShare)}) against the exact selection.`
      : ' Here it reaches the same value as the exact selection.';
  lines.push(
    h(
      'p',
      { id: 'pmo-greedy' },
      h('strong', {}, 'Greedy waterline: '),
      `funding by score ÷ cost until the next one does not fit gives ${plural(greedy.count, 'initiative')}, value ${formatNumber(greedy.value)}, cost ${formatNumber(greedy.cost)}.${loses}`,
    ),
  );
  if (selection.exactOnly.length > 0)
    lines.push(
      h('p', { className: 'pmo-hint' }, 'Only in the exact selection: ', nameList(selection.exactOnly), '.'),
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
  return lines;
}

/** The ranking section; `beforeList` (the weight sensitivity and its preview line) goes between summary and list. */
export function createRankingSection(...beforeList: HTMLElement[]): RankingSection {
  const scoreButton = button('pmo-score', 'Score', 'pmo-primary');
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
  const element = h(
    'section',
    { className: 'pmo-section', attrs: { 'aria-labelledby': 'pmo-ranking-title' } },
    h('h3', { id: 'pmo-ranking-title' }, 'Ranking'),
    h('div', { className: 'pmo-actions' }, scoreButton),
    h('p', { className: 'pmo-hint' }, 'The ranking follows your changes; Score reads the sheet again first.'),
    summary,
    ...beforeList,
    ranking,
    selectionBox,
    issues,
  );
  const render = (result: RankingOutcome) => {
    ranking.replaceChildren();
    selectionBox.replaceChildren();
    issues.hidden = true;
    if (result.kind === 'blocked') {
      summary.className = 'pmo-summary pmo-empty';
      summary.textContent = result.message;
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
        : `${plural(scored, 'initiative')} ranked by ${result.methodLabel}, best first.${selectionText}`;
    for (const position of result.order) {
      const row = result.rows[position];
      if (row) ranking.appendChild(rankingItem(row, result.parts, result.inputs, result.method));
    }
    replaceChildren(selectionBox, ...selectionLines(result));
    if (result.issues.length > 0) {
      issues.hidden = false;
      issuesCount.textContent = `(${result.issues.length})`;
      replaceChildren(issuesList, ...result.issues.map((text) => h('li', {}, text)));
    }
  };
  return { element, scoreButton, render };
}
