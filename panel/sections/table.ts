// The "Initiatives table" section: which table was read, and the buttons that find it or take the selection.

import type { SheetTable } from '../bridge';
import { button, h, replaceChildren } from '../dom';
import { describeTable, tableHint } from '../state';

export interface TableSection {
  readonly element: HTMLElement;
  readonly detectButton: HTMLButtonElement;
  readonly selectionButton: HTMLButtonElement;
  showTable(found: SheetTable): void;
  /** Shows why no table could be read (with a tip unless the message already names the selection button). */
  showError(message: string): void;
}

export function createTableSection(): TableSection {
  const tableInfo = h('div', { id: 'pmo-table-info', className: 'pmo-table-info' });
  const detectButton = button('pmo-detect', 'Find table on this sheet');
  const selectionButton = button('pmo-use-selection', 'Use current selection');
  const element = h(
    'section',
    { className: 'pmo-section', attrs: { 'aria-labelledby': 'pmo-table-title' } },
    h('h3', { id: 'pmo-table-title' }, 'Initiatives table'),
    tableInfo,
    h('div', { className: 'pmo-actions' }, detectButton, selectionButton),
  );
  return {
    element,
    detectButton,
    selectionButton,
    showTable: (found) =>
      replaceChildren(
        tableInfo,
        h('p', { className: 'pmo-table-name' }, describeTable(found)),
        h('p', { className: 'pmo-hint' }, tableHint(found)),
      ),
    showError: (message) =>
      replaceChildren(
        tableInfo,
        h('p', { className: 'pmo-empty' }, message),
        message.includes('Use current selection')
          ? null
          : h(
              'p',
              { className: 'pmo-hint' },
              'Tip: select your initiatives table, header row included, then choose "Use current selection".',
            ),
      ),
  };
}
