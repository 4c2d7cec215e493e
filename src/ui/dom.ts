// DOM helpers for the sidebar. Text from the server (SKU names, API messages) is untrusted: it only
// ever reaches the page through textContent, never innerHTML.

export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The sidebar has no #${id}`);
  return found as T;
}

export function setText(id: string, text: string): void {
  $(id).textContent = text;
}

/** An element with a class and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children);
  return e;
}

export function button(label: string, onClick: () => void, primary = false): HTMLButtonElement {
  const b = el('button', primary ? 'action' : '', label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** Fills a <details> that holds technical text; hidden when there is none. */
export function setDetails(id: string, text: string | null): void {
  const d = $<HTMLDetailsElement>(id);
  d.hidden = !text;
  setText(`${id}-text`, text ?? '');
  if (!text) d.open = false;
}
