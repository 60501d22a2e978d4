/**
 * The Atom 1.0 feed (RFC 4287) of the newest corrections: every element the RFC requires of a feed
 * and its entries, an entry per correction whose id survives amendments, all text escaped for XML.
 */
import type { LogHead } from '../domain/public-log.ts';
import { markup } from '../presentation/text.ts';
import { publicWords } from '../presentation/words.ts';
import type { PublicCorrection } from '../usecases/read-corrections.ts';
import { type FeedContext, type FeedEntry, feedEntry, feedUpdated } from './feed-entry.ts';

export const atomContentType = 'application/atom+xml; charset=utf-8';

/** An element with attributes and escaped text; the values are escaped here, never by callers. */
function element(name: string, attributes: Record<string, string | undefined>, text?: string): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${markup(value ?? '')}"`)
    .join('');
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${markup(text)}</${name}>`;
}

function entry(item: FeedEntry, context: FeedContext): string {
  return [
    `  <entry xml:lang="${markup(item.language)}">`,
    `    ${element('id', {}, item.id)}`,
    `    ${element('title', { type: 'text' }, item.title)}`,
    `    ${element('link', { rel: 'alternate', type: 'text/html', href: item.url })}`,
    ...(item.affectedUrl ? [`    ${element('link', { rel: 'related', href: item.affectedUrl })}`] : []),
    `    ${element('published', {}, item.published)}`,
    `    ${element('updated', {}, item.updated)}`,
    `    ${element('category', { term: item.topic.key, label: item.topic.name, scheme: context.site.topics })}`,
    `    ${element('content', { type: 'html' }, item.html)}`,
    '  </entry>',
  ].join('\n');
}

/** Atom's foreign markup (RFC 4287 6.4): the log's head, and where the log itself is read. */
export const logNamespace = 'urn:corrections-desk:log';
function logHead(head: LogHead, context: FeedContext): string {
  return [
    `  ${element('link', { rel: 'related', type: 'application/json', href: context.site.log, title: 'log' })}`,
    `  ${element('log:head', { 'xmlns:log': logNamespace, seq: String(head.seq), hash: head.hash, at: head.at, href: context.site.logHead })}`,
  ].join('\n');
}

export function atomFeed(corrections: ReadonlyArray<PublicCorrection>, context: FeedContext): string {
  const words = publicWords[context.language];
  const entries = corrections.map((correction) => feedEntry(correction, context));
  const home = context.site.home({ language: context.language });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${markup(context.language)}">`,
    `  ${element('id', {}, home)}`,
    `  ${element('title', { type: 'text' }, words.siteTitle)}`,
    `  ${element('subtitle', { type: 'text' }, words.siteDescription)}`,
    `  ${element('updated', {}, feedUpdated(entries, context.now))}`,
    // The desk speaks for the whole site, so one feed-level author covers every entry (RFC 4287 4.1.1).
    `  <author>${element('name', {}, words.siteTitle)}${element('uri', {}, home)}</author>`,
    `  ${element('link', { rel: 'self', type: 'application/atom+xml', href: context.site.atomFeed })}`,
    `  ${element('link', { rel: 'alternate', type: 'text/html', href: home })}`,
    `  ${element('link', { rel: 'alternate', type: 'application/feed+json', href: context.site.jsonFeed })}`,
    ...(context.logHead ? [logHead(context.logHead, context)] : []),
    ...entries.map((item) => entry(item, context)),
    '</feed>',
    '',
  ].join('\n');
}
