/** What the public pages and feeds share at the HTTP edge: the site's addresses and how they answer. */

import { publicSite, type Site } from '../../shared/presentation/site.ts';
import type { Services } from '../../shared/runtime/assemble.ts';
import { links } from '../../shared/usecases/links.ts';

export const siteOf = (deps: Pick<Services, 'config' | 'signer'>): Site =>
  publicSite(deps.config.publicBaseUrl, links(deps.config.publicBaseUrl, deps.signer).permalink);

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
      'cache-control': status === 200 ? 'public, max-age=30' : 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
