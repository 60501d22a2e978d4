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
      'POST /submissions',
      'POST /subscriptions',
      'POST /report',
      'POST /subscribe',
      'GET /',
      'HEAD /',
      'ANY /subscriptions/{proxy+}',
      'ANY /submissions/{proxy+}',
      'ANY /admin/{proxy+}',
      'ANY /{proxy+}',
    ]);
    expect(routes.find((route) => route.routeKey === 'ANY /admin/{proxy+}')?.auth).toBe('jwt');
  });

  it('sends the editors API to the admin function behind the JWT authorizer', () => {
    expect(match('PATCH', '/admin/cases/c1')).toEqual({
      fn: 'adminApi',
      routeKey: 'ANY /admin/{proxy+}',
      pathParameters: { proxy: 'cases/c1' },
    });
  });

  it('sends the root and everything else to the public function', () => {
    expect(match('GET', '/')).toEqual({ fn: 'publicApi', routeKey: 'GET /', pathParameters: undefined });
    // The function answers HEAD wherever it answers GET.
    expect(match('HEAD', '/')).toEqual({ fn: 'publicApi', routeKey: 'HEAD /', pathParameters: undefined });
    expect(match('POST', '/subscriptions/s1/verify')).toMatchObject({
      fn: 'publicApi',
      routeKey: 'ANY /subscriptions/{proxy+}',
      pathParameters: { proxy: 's1/verify' },
    });
    // The one-click unsubscribe has a route of its own (never throttled).
    expect(match('POST', '/subscriptions/s1/unsubscribe')).toMatchObject({
      fn: 'publicApi',
      routeKey: 'POST /subscriptions/{id}/unsubscribe',
    });
    // {proxy+} needs at least one segment after /admin/, so /admin alone is the public API's.
    expect(match('GET', '/admin')).toMatchObject({ fn: 'publicApi', pathParameters: { proxy: 'admin' } });
  });

  it('decodes path parameters', () => {
    expect(match('GET', '/c/%E6%9B%B4%E6%AD%A3')?.pathParameters).toEqual({ proxy: 'c/更正' });
    expect(match('GET', '/c/100%')?.pathParameters).toEqual({ proxy: 'c/100%' });
  });

  it('matches nothing for a method no route takes', () => {
    expect(match('POST', '/')).toBeUndefined();
  });
});
