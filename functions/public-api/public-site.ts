/** What the public pages and feeds share at the HTTP edge: the site's addresses and how they answer. */
import { contentSecurityPolicy, htmlContentType } from '../../shared/pages/layout.ts';
import { publicSite, type Site } from '../../shared/presentation/site.ts';
import type { Services } from '../../shared/runtime/assemble.ts';

export const siteOf = (deps: Pick<Services, 'config' | 'links'>): Site =>
  publicSite(deps.config.publicBaseUrl, deps.links.permalink, deps.config.publisherName);

/** Public reads may be cached briefly by browsers and CDNs: the desk publishes within seconds anyway. */
export const cachedBriefly = { 'cache-control': 'public, max-age=30' };

/**
 * A page or feed. Successes may be cached briefly (the desk publishes within seconds anyway); error
 * pages are not cached, since a 404 would otherwise be kept heuristically.
 */
export const publicResponse = (
  status: number,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): Response =>
  new Response(body, {
    status,
    headers: {
      'content-type': contentType,
      ...(status === 200 ? cachedBriefly : { 'cache-control': 'no-store' }),
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });

/** A public page (HTML under the pages' Content-Security-Policy), cached briefly when it is a success. */
export const htmlPage = (status: number, body: string): Response =>
  publicResponse(status, body, htmlContentType, { 'content-security-policy': contentSecurityPolicy });

/**
 * A page for one person: a form with its own token, or a page whose address carries a secret (a
 * tracking, confirmation or manage token). No cache keeps it, no search engine lists it, and no Referer
 * passes its address on.
 */
export const privatePage = (status: number, body: string, headers: Record<string, string> = {}): Response =>
  new Response(body, {
    status,
    headers: {
      'content-type': htmlContentType,
      'content-security-policy': contentSecurityPolicy,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-robots-tag': 'noindex',
      ...headers,
    },
  });

/** After a form: 303 to the next page, which the browser GETs (so reloading it posts nothing again). */
export const seeOther = (location: string): Response =>
  new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
