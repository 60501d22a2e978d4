/** The routes derived from the function catalogue, and API Gateway's choice among them. */
import { describe, expect, it } from 'vitest';
import { matchRoute, routesFromCatalogue } from '../../local/routes.ts';

const routes = routesFromCatalogue();
const match = (method: string, path: string) => {
  const found = matchRoute(routes, method, path);
  return found && { fn: found.route.fn, routeKey: found.routeKey, pathParameters: found.pathParameters };
};

describe('routes from the catalogue', () => {
  it('has every http trigger, most specific first', () => {
    expect(routes.map((route) => route.routeKey)).toEqual([
      'POST /subscriptions/{id}/unsubscribe',
      'ANY /admin/erasures',
      'ANY /admin/suppressions',
      'ANY /admin/topics',
      'ANY /admin/webhooks',
      'POST /submissions',
      'POST /subscriptions',
      'POST /report',
      'POST /subscribe',
      'ANY /submissions',
      'ANY /subscriptions',
      'ANY /report',
      'ANY /subscribe',
      'GET /',
      'HEAD /',
      'ANY /admin/subscribers/{proxy+}',
      'ANY /admin/topics/{proxy+}',
      'ANY /admin/webhooks/{proxy+}',
      'ANY /subscribe/{proxy+}',
      'ANY /subscriptions/{proxy+}',
      'ANY /submissions/{proxy+}',
      'ANY /admin/{proxy+}',
      'ANY /{proxy+}',
    ]);
    for (const route of routes.filter((route) => route.path.startsWith('/admin/')))
      expect(route.auth, route.routeKey).toBe('jwt');
  });

  it('sends the editors API to its three functions, each behind the JWT authorizer', () => {
    expect(match('PATCH', '/admin/cases/c1')).toEqual({
      fn: 'adminCases',
      routeKey: 'ANY /admin/{proxy+}',
      pathParameters: { proxy: 'cases/c1' },
    });
    expect(match('POST', '/admin/corrections/c1/announce')).toMatchObject({ fn: 'adminCases' });
    expect(match('GET', '/admin/digest')).toMatchObject({ fn: 'adminCases' });
    // An /admin path no function names is the cases function's (its 404, behind the authorizer).
    expect(match('GET', '/admin/nothing-here')).toMatchObject({ fn: 'adminCases' });
    expect(match('POST', '/admin/subscribers/import')).toEqual({
      fn: 'adminSubscribers',
      routeKey: 'ANY /admin/subscribers/{proxy+}',
      pathParameters: { proxy: 'import' },
    });
    expect(match('GET', '/admin/subscribers/imports/i1')).toMatchObject({ fn: 'adminSubscribers' });
    expect(match('POST', '/admin/erasures')).toMatchObject({ fn: 'adminSettings' });
    expect(match('GET', '/admin/suppressions')).toMatchObject({ fn: 'adminSettings' });
    expect(match('GET', '/admin/topics')).toMatchObject({ fn: 'adminSettings' });
    expect(match('PUT', '/admin/topics/health')).toMatchObject({
      fn: 'adminSettings',
      routeKey: 'ANY /admin/topics/{proxy+}',
    });
    expect(match('POST', '/admin/webhooks')).toMatchObject({ fn: 'adminSettings' });
    expect(match('GET', '/admin/webhooks/w1/attempts')).toMatchObject({
      fn: 'adminSettings',
      routeKey: 'ANY /admin/webhooks/{proxy+}',
    });
  });

  it('sends what the public writes to the writing function', () => {
    expect(match('POST', '/subscriptions/s1/verify')).toMatchObject({
      fn: 'publicWrite',
      routeKey: 'ANY /subscriptions/{proxy+}',
      pathParameters: { proxy: 's1/verify' },
    });
    // The one-click unsubscribe has a route of its own (never throttled).
    expect(match('POST', '/subscriptions/s1/unsubscribe')).toMatchObject({
      fn: 'publicWrite',
      routeKey: 'POST /subscriptions/{id}/unsubscribe',
    });
    expect(match('POST', '/submissions')).toMatchObject({ fn: 'publicWrite', routeKey: 'POST /submissions' });
    expect(match('GET', '/submissions/s1')).toMatchObject({ fn: 'publicWrite' });
    // The forms' pages answer where the forms post, and the page after subscribing with them.
    expect(match('GET', '/report')).toMatchObject({ fn: 'publicWrite', routeKey: 'ANY /report' });
    expect(match('HEAD', '/subscribe')).toMatchObject({ fn: 'publicWrite', routeKey: 'ANY /subscribe' });
    expect(match('GET', '/subscribe/check-inbox')).toMatchObject({ fn: 'publicWrite' });
    // Another method on a writing address is the writing function's to refuse.
    expect(match('GET', '/subscriptions')).toMatchObject({
      fn: 'publicWrite',
      routeKey: 'ANY /subscriptions',
    });
  });

  it('sends the root and everything else to the reading function', () => {
    expect(match('GET', '/')).toEqual({ fn: 'publicRead', routeKey: 'GET /', pathParameters: undefined });
    // The function answers HEAD wherever it answers GET.
    expect(match('HEAD', '/')).toEqual({ fn: 'publicRead', routeKey: 'HEAD /', pathParameters: undefined });
    for (const path of ['/corrections/feed.atom', '/notices/frame', '/c/abc123', '/transparency', '/console'])
      expect(match('GET', path), path).toMatchObject({ fn: 'publicRead', routeKey: 'ANY /{proxy+}' });
    // Only whole segments name the writing addresses.
    expect(match('GET', '/reports')).toMatchObject({ fn: 'publicRead' });
    // {proxy+} needs at least one segment after /admin/, so /admin alone is the public reading's.
    expect(match('GET', '/admin')).toMatchObject({ fn: 'publicRead', pathParameters: { proxy: 'admin' } });
  });

  it('decodes path parameters', () => {
    expect(match('GET', '/c/%E6%9B%B4%E6%AD%A3')?.pathParameters).toEqual({ proxy: 'c/更正' });
    expect(match('GET', '/c/100%')?.pathParameters).toEqual({ proxy: 'c/100%' });
  });

  it('matches nothing for a method no route takes', () => {
    expect(match('POST', '/')).toBeUndefined();
  });
});
