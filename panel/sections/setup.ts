// The setup fold (issue 16.1, results first): the table, method, criteria and budget sit in one disclosure that
// folds to a line ("Weighted score · 3 criteria · budget 900,000", "Change") once the panel has a ranking to
// show, so the ranking starts on the first screen of a 320 × 900 pane. It stays open while there is no table or
// nothing can be ranked yet, since that is where the answer is.

import { isPmoError } from '../../core/errors';
import { parseBudget } from '../../core/prioritization/ranking-selection';
import { h } from '../dom';
import { formatNumber, plural } from '../format';
import { initiativeCount, type PanelState } from '../state';

export interface SetupSection {
  readonly element: HTMLDetailsElement;
  /** Refreshes the one-line summary from the state. */
  update(state: PanelState): void;
  /** Folds (false) or unfolds (true) the setup. */
  setOpen(open: boolean): void;
}

const criteriaCount = (count: number) => `${count} ${count === 1 ? 'criterion' : 'criteria'}`;

/** The setup in one line: the table, the method and what it reads, and the budget. */
export function setupLine(state: PanelState): string {
  const found = state.table;
  if (!found) return 'Choose the initiatives table';
  const { settings } = state;
  const parts = [`${found.tableName || found.sheet}, ${plural(initiativeCount(found), 'initiative')}`];
  const method = settings.method;
  if (method === 'wsjf') parts.push('WSJF');
  else if (method === 'rice') parts.push('RICE');
  else
    parts.push(
      `${method === 'ahp' ? 'AHP' : 'Weighted score'} on ${criteriaCount(state.chosenCriteria().length)}`,
    );
  const budget = parseBudget(settings.budget);
  parts.push(
    budget === undefined
      ? 'no budget'
      : isPmoError(budget)
        ? `budget "${settings.budget.trim()}" unread`
        : `budget ${formatNumber(budget)}`,
  );
  return parts.join(' · ');
}

/** The disclosure around the table section and the settings (`body`), with its summary line. */
export function createSetupSection(...body: HTMLElement[]): SetupSection {
  const line = h('span', { id: 'pmo-setup-line', className: 'pmo-setup-line' });
  const change = h('span', { className: 'pmo-change', attrs: { 'aria-hidden': 'true' } }, 'Change');
  const element = h(
    'details',
    { id: 'pmo-setup-box', className: 'pmo-setup' },
    h(
      'summary',
      { id: 'pmo-setup-summary' },
      h('span', { className: 'pmo-setup-title' }, 'Setup'),
      line,
      change,
    ),
    ...body,
  );
  element.open = true;
  element.addEventListener('toggle', () => {
    change.textContent = element.open ? 'Fold' : 'Change';
  });
  return {
    element,
    update: (state) => {
      line.textContent = setupLine(state);
    },
    setOpen: (open) => {
      element.open = open;
      change.textContent = open ? 'Fold' : 'Change';
    },
  };
}
