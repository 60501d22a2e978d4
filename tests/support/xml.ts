/**
 * A small, strict XML 1.0 well-formedness checker and tree builder for tests: one root element,
 * matched tags, quoted and unique attributes, only the five predefined entities and character
 * references to legal characters, no "<" or "&" out of place, no "]]>" in text, and no character
 * XML forbids. `html: true` also allows the HTML doctype, so polyglot pages can be checked the same way.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const isXmlChar = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

const predefined: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const namePattern = /^[A-Za-z_:][\w.:-]*/;

export function parseXml(source: string, options: { html?: boolean } = {}): XmlElement {
  for (const char of source) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) throw new Error(`character U+${code.toString(16)} is not allowed in XML`);
  }
  let at = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${at}: ${JSON.stringify(source.slice(at, at + 40))}`);
  };
  const skipSpace = () => {
    while (/\s/.test(source[at] ?? '')) at++;
  };
  const expect = (text: string) => {
    if (!source.startsWith(text, at)) fail(`expected ${JSON.stringify(text)}`);
    at += text.length;
  };
  const name = (): string => {
    const match = namePattern.exec(source.slice(at));
    if (!match) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);|&/g, (whole, reference: string | undefined) => {
      if (reference === undefined) return fail('a bare "&"');
      const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(reference);
      if (numeric) {
        const code = numeric[1] ? Number.parseInt(numeric[1], 16) : Number(numeric[2]);
        if (!isXmlChar(code)) fail(`reference ${whole} names a character XML forbids`);
        return String.fromCodePoint(code);
      }
      const value = predefined[reference];
      return value ?? fail(`unknown entity ${whole}`);
    });
  const misc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', at)) {
        const end = source.indexOf('-->', at + 4);
        if (end < 0 || source.slice(at + 4, end).includes('--')) fail('bad comment');
        at = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    expect('<');
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (source.startsWith('/>', at)) {
        at += 2;
        return { name: tag, attributes, children: [] };
      }
      if (source[at] === '>') {
        at++;
        break;
      }
      if (at === before) fail('expected white space before an attribute');
      const attribute = name();
      if (attribute in attributes) fail(`duplicate attribute ${attribute}`);
      skipSpace();
      expect('=');
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") return fail('attribute values must be quoted');
      const end = source.indexOf(quote, at + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = source.slice(at + 1, end);
      if (raw.includes('<')) fail('"<" in an attribute value');
      attributes[attribute] = decode(raw);
      at = end + 1;
    }
    const children: XmlNode[] = [];
    for (;;) {
      if (at >= source.length) fail(`<${tag}> is not closed`);
      if (source.startsWith('</', at)) {
        at += 2;
        if (name() !== tag) fail(`</…> does not close <${tag}>`);
        skipSpace();
        expect('>');
        return { name: tag, attributes, children };
      }
      if (source.startsWith('<!--', at)) {
        misc();
      } else if (source.startsWith('<![CDATA[', at)) {
        const end = source.indexOf(']]>', at);
        if (end < 0) fail('unterminated CDATA');
        children.push(source.slice(at + 9, end));
        at = end + 3;
      } else if (source[at] === '<') {
        children.push(element());
      } else {
        const end = source.indexOf('<', at);
        const raw = source.slice(at, end < 0 ? source.length : end);
        if (raw.includes(']]>')) fail('"]]>" in text');
        children.push(decode(raw));
        at += raw.length;
      }
    }
  };

  if (source.startsWith('<?xml', at)) {
    const end = source.indexOf('?>', at);
    if (end < 0 || !/^<\?xml version="1\.[0-9]"( encoding="[\w-]+")?\?$/.test(source.slice(at, end + 1))) {
      fail('bad XML declaration');
    }
    at = end + 2;
  }
  misc();
  if (options.html && /^<!doctype html>/i.test(source.slice(at))) at += '<!doctype html>'.length;
  misc();
  const root = element();
  misc();
  if (at !== source.length) fail('content after the root element');
  return root;
}

const isElement = (node: XmlNode): node is XmlElement => typeof node !== 'string';

/** Every descendant element with this name, in document order. */
export function elements(root: XmlElement, name: string): XmlElement[] {
  return root.children
    .filter(isElement)
    .flatMap((child) => [...(child.name === name ? [child] : []), ...elements(child, name)]);
}

/** The element's own child elements with this name. */
export const childElements = (parent: XmlElement, name: string): XmlElement[] =>
  parent.children.filter(isElement).filter((child) => child.name === name);

/** All the text inside, references decoded. */
export const textOf = (node: XmlNode): string =>
  isElement(node) ? node.children.map(textOf).join('') : node;
