// The panel's status line, progress bar and alert, kept in view while the pane scrolls.

import { h } from '../dom';

export interface StatusSection {
  readonly element: HTMLElement;
  readonly progress: HTMLProgressElement;
  /** Sets the status line (role status). */
  say(text: string): void;
  /** The status line as it reads now. */
  current(): string;
  /** Sets the alert (role alert); '' clears it. */
  showAlert(text: string): void;
}

export function createStatusSection(): StatusSection {
  const status = h('p', { id: 'pmo-status', className: 'pmo-status', attrs: { role: 'status' } });
  const progress = h('progress', {
    id: 'pmo-progress',
    className: 'pmo-progress',
    hidden: true,
    attrs: { 'aria-label': 'Working' },
  });
  const alert = h('p', { id: 'pmo-alert', className: 'pmo-alert', attrs: { role: 'alert' } });
  // Status and alerts stay in view while the pane scrolls (the Write button is far below at 320 px).
  const element = h(
    'div',
    { className: 'pmo-sticky' },
    h('div', { className: 'pmo-status-bar' }, progress, status),
    alert,
  );
  return {
    element,
    progress,
    say: (text) => {
      status.textContent = text;
    },
    current: () => status.textContent ?? '',
    showAlert: (text) => {
      alert.textContent = text;
    },
  };
}
