// The "Write back" section: the Write to sheet button, and the inline question asked when a result header
// already names a column of the user's.

import { button, h } from '../dom';

export interface WriteSection {
  readonly element: HTMLElement;
  readonly writeButton: HTMLButtonElement;
  readonly confirmBox: HTMLElement;
  readonly confirmNew: HTMLButtonElement;
  readonly confirmOverwrite: HTMLButtonElement;
  readonly confirmCancel: HTMLButtonElement;
  /** Says where the results will go (undefined: nothing to write yet). */
  showTarget(text: string | undefined): void;
  /** Marks the button disabled (aria-disabled, so it stays focusable and can say why). */
  setEnabled(enabled: boolean): void;
  /** Asks whether to overwrite the user's columns named `headers`. */
  askOverwrite(headers: readonly string[]): void;
  hideConfirm(): void;
}

export function createWriteSection(): WriteSection {
  const writeButton = button('pmo-write', 'Write to sheet', 'pmo-primary');
  const writeHint = h(
    'p',
    { id: 'pmo-write-hint', className: 'pmo-hint' },
    'Your own cells are never overwritten: a column of yours with one of these names is only written over if you say so.',
  );
  const target = h('p', { id: 'pmo-write-target', className: 'pmo-hint', hidden: true });
  writeButton.setAttribute('aria-describedby', `${target.id} ${writeHint.id}`);
  const confirmTitle = h('h3', { id: 'pmo-confirm-title' }, 'Overwrite your column?');
  const confirmText = h('p', { id: 'pmo-confirm-text' });
  const confirmNew = button('pmo-confirm-new', 'Add new columns instead');
  const confirmOverwrite = button('pmo-confirm-overwrite', 'Overwrite my columns', 'pmo-danger');
  const confirmCancel = button('pmo-confirm-cancel', 'Cancel');
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
  confirmBox.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      confirmCancel.click();
    }
  });
  const element = h(
    'section',
    { className: 'pmo-section', attrs: { 'aria-labelledby': 'pmo-write-title' } },
    h('h3', { id: 'pmo-write-title' }, 'Write back'),
    target,
    writeHint,
    h('div', { className: 'pmo-actions' }, writeButton),
    confirmBox,
  );
  return {
    element,
    writeButton,
    confirmBox,
    confirmNew,
    confirmOverwrite,
    confirmCancel,
    showTarget: (text) => {
      target.hidden = text === undefined;
      target.textContent = text ?? '';
    },
    setEnabled: (enabled) => {
      if (enabled) writeButton.removeAttribute('aria-disabled');
      else writeButton.setAttribute('aria-disabled', 'true');
    },
    askOverwrite: (headers) => {
      const names = headers.map((header) => `“${header}”`).join(', ');
      const plural = headers.length > 1;
      confirmTitle.textContent = plural ? 'Overwrite your columns?' : 'Overwrite your column?';
      confirmText.textContent = `Your table already has ${plural ? 'columns' : 'a column'} named ${names} that the add-in did not create. Overwrite ${plural ? 'their' : 'its'} values with the results, or add new columns beside the table?`;
      confirmBox.hidden = false;
      confirmNew.focus();
    },
    hideConfirm: () => {
      confirmBox.hidden = true;
    },
  };
}
