// Tiny DOM builders for the panel. Text goes in as text nodes (createTextNode / textContent), never as markup:
// no HTML-parsing API is used anywhere in the panel, so a cell reading <img src=x onerror=…> stays text (DESIGN §8).

export type Child = Node | string | null | undefined | false;

export interface Props {
  readonly id?: string;
  readonly className?: string;
  /** Attributes set with setAttribute (aria-*, for, type, role…). */
  readonly attrs?: Readonly<Record<string, string>>;
  readonly hidden?: boolean;
}

/** Creates an element with attributes and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.id) element.id = props.id;
  if (props.className) element.className = props.className;
  if (props.hidden) element.hidden = true;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  append(element, ...children);
  return element;
}

/** Appends children; strings become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children; strings become text nodes. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** An <option> whose label is set as text. */
export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = label;
  element.selected = selected;
  return element;
}

/** A label + control pair, stacked, with an optional hint tied to the control by aria-describedby. */
export function field(id: string, labelText: string, control: HTMLElement, hint?: string): HTMLDivElement {
  control.id = id;
  const label = h('label', { attrs: { for: id } }, labelText);
  const wrapper = h('div', { className: 'pmo-field' }, label, control);
  if (hint) {
    const hintId = `${id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    wrapper.appendChild(h('p', { id: hintId, className: 'pmo-hint' }, hint));
  }
  return wrapper;
}

/** A `type="button"` button with its label as text. */
export function button(id: string, label: string, className?: string): HTMLButtonElement {
  return h(
    'button',
    { id, ...(className === undefined ? {} : { className }), attrs: { type: 'button' } },
    label,
  );
}
