/**
 * Published text as markup, one way for HTML pages and XML feeds alike: characters XML 1.0 cannot
 * carry at all are dropped (an escape would not make them legal), and the rest is escaped so it can
 * stand in element content or a quoted attribute value of either.
 */
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Anything outside XML 1.0's Char production: most C0 controls, lone surrogates, U+FFFE and U+FFFF. */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const printable = (text: string): string => text.replace(notXmlChar, '');

export const markup = (text: string): string => escapeHtml(printable(text));

/** Blank lines part paragraphs; single line breaks stay line breaks. Void elements closed, as XML needs. */
export const paragraphs = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${markup(paragraph).replace(/\n/g, '<br />')}</p>`)
    .join('\n');

/** One line of at most `characters` characters (code points), cut with an ellipsis when longer. */
export function shorten(text: string, characters: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > characters ? `${chars.slice(0, characters - 1).join('')}…` : chars.join('');
}
