/**
 * What the public functions (reading and writing) share at the HTTP edge: the site's addresses, how
 * their pages answer, and the page a person gets for an address that names nothing.
 */
import type { Language } from '../domain/case.ts';
import { errorPage } from '../pages/error-page.ts';
import { contentSecurityPolicy, htmlContentType } from '../pages/layout.ts';
import { languageParameter, publicSite, type Site } from '../presentation/site.ts';
import { isLanguage } from '../presentation/words.ts';
import type { Services } from '../runtime/assemble.ts';
import { type NotFoundAnswer, nothingHere } from './api.ts';
import { eventOf, header, prefersHtml, query } from './request.ts';

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
  publicResponse(status, body, htmlContentType, { 'content-security-policy': contentSecurityPolicy() });

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
      'content-security-policy': contentSecurityPolicy(),
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

/** Pages are for people: an unknown language falls back to Chinese rather than failing. */
export const languageOf = (parameters: Record<string, string>): Language => {
  const value = parameters[languageParameter];
  return isLanguage(value) ? value : 'zh-CN';
};

/** An error page (400 or 404) in the site's frame, never cached. */
export const failedPage = (status: 400 | 404, language: Language, site: Site): Response =>
  htmlPage(status, errorPage(status, language, site));

/** A person who mistypes an address gets a page with a way on; API clients keep problem+json. */
export function pageWhenNotFound(load: () => Promise<Pick<Services, 'config' | 'links'>>): NotFoundAnswer {
  return async (_error, request) => {
    const event = eventOf(request);
    if (!prefersHtml(header(event, 'accept'))) return nothingHere();
    return failedPage(404, languageOf(query(event)), siteOf(await load()));
  };
}
