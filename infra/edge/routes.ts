/**
 * The edge's view of the function catalogue's http routes: which paths the WAF holds back or leaves
 * alone, and which the distribution never caches. Derived here, so a route added to the catalogue is
 * protected (or exempted) at the edge and throttled at the API by one definition.
 */
import {
  type FunctionDefinition,
  functionDefinitions,
  type HttpRoute,
} from '../../shared/resources/functions.ts';

export const httpRoutes: HttpRoute[] = (Object.values(functionDefinitions) as FunctionDefinition[]).flatMap(
  (definition) => (definition.trigger.kind === 'http' ? [...definition.trigger.routes] : []),
);

/** Public form and API posts: per-IP limits and a browser challenge at the edge. */
export const formRoutes = httpRoutes.filter((route) => route.form);

/** Public routes never held back: the one-click unsubscribe. */
export const neverThrottledRoutes = httpRoutes.filter((route) => route.auth === 'none' && !route.throttled);

/** Routes whose answers are never cached: the editors' API, and token-bearing public pages. */
export const uncachedRoutes = httpRoutes.filter((route) => route.auth === 'jwt' || route.private);

/**
 * The uncached routes that need a cache behavior of their own at the edge: a route that a greedy
 * route of the same kind already covers (/admin/topics under /admin/*) would only repeat its behavior.
 */
export const uncachedBehaviorRoutes = uncachedRoutes.filter((route) => {
  const pattern = cachePathPattern(route);
  return !uncachedRoutes.some((wider) => {
    const widerPattern = cachePathPattern(wider);
    return (
      widerPattern !== pattern &&
      widerPattern.endsWith('/*') &&
      pattern.startsWith(widerPattern.slice(0, -1)) &&
      (wider.auth === 'jwt') === (route.auth === 'jwt')
    );
  });
});

/**
 * The regular expression WAF matches a route's path with (after NORMALIZE_PATH): a parameter is one
 * segment, a greedy one the rest; a trailing slash is tolerated, since the API routes it the same.
 */
export function pathRegex(route: HttpRoute): string {
  const segments = route.path
    .split('/')
    .map((segment) =>
      /^\{\w+\+\}$/.test(segment)
        ? '.+'
        : /^\{\w+\}$/.test(segment)
          ? '[^/]+'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
  return `^${segments.join('/')}/?$`;
}

/** The CloudFront path pattern of a route: a greedy parameter becomes `*`. */
export function cachePathPattern(route: HttpRoute): string {
  return route.path.replace(/\{\w+\+\}$/, '*').replace(/\{\w+\}/g, '*');
}
