/**
 * Building the console's DOM. Text only ever goes in as text nodes or attribute values, never as
 * markup: the page's Trusted Types policy would refuse innerHTML anyway.
 */

export type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined>;

/** An element with attributes (false/null/undefined leave one out, true sets it empty) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A link to a web page given by the data: only http(s) becomes a link, anything else stays text. */
export function webLink(url: string): Node {
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // Not a URL at all: shown as text.
  }
  return protocol === 'http:' || protocol === 'https:'
    ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url)
    : document.createTextNode(url);
}

let ids = 0;
/** A unique id for label/field/description pairs. */
export const uniqueId = (prefix: string): string => `${prefix}-${++ids}`;
