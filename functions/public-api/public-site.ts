/** What the public pages and feeds share at the HTTP edge: the site's addresses and how they answer. */

import { publicSite, type Site } from '../../shared/presentation/site.ts';
import type { Services } from '../../shared/runtime/assemble.ts';

export const siteOf = (deps: Pick<Services, 'config' | 'links'>): Site =>
  publicSite(deps.config.publicBaseUrl, deps.links.permalink);

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
