import { digest } from '../security/tokens.ts';

/**
 * The key under which reports of one page meet: scheme, "www.", fragment, default port, trailing
 * slash, tracking parameters and parameter order do not make two pages different.
 */

const trackingParameter = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|spm|from|share_token|scene)$/i;

export function normalizeUrl(raw: string): string {
  const url = new URL(raw);
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port ? `:${url.port}` : '';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !trackingParameter.test(name))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${path}${query}`;
}

/** http and https only: nothing else is a page the public can point at. */
export function isWebUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * What followers of a page and the page's notices are filed under: the normalized address, hashed
 * (a key of fixed length, whatever the address). "PAGE#" keeps it apart from every topic key.
 */
export const pagePrefix = 'PAGE#';
export const pageTarget = (raw: string): string => `${pagePrefix}${digest(normalizeUrl(raw))}`;
