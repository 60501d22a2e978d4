/**
 * The HTTP API's routes, derived from the `http` triggers in the function catalogue, and API Gateway's
 * way of choosing one: an exact method beats ANY only among equally specific paths; paths with more
 * literal segments beat those with fewer, and a greedy `{proxy+}` loses to everything else.
 */
import { type FunctionKey, functionDefinitions, type HttpRoute } from '../shared/resources/functions.ts';
import type { RouteMatch } from './http-event.ts';

export interface Route extends HttpRoute {
  fn: FunctionKey;
  routeKey: string;
  segments: Segment[];
}

type Segment = { literal: string } | { parameter: string; greedy: boolean };

export interface MatchedRoute extends RouteMatch {
  route: Route;
}

export function routesFromCatalogue(): Route[] {
  const routes: Route[] = [];
  for (const [fn, definition] of Object.entries(functionDefinitions) as [
    FunctionKey,
    (typeof functionDefinitions)[FunctionKey],
  ][]) {
    if (definition.trigger.kind !== 'http') continue;
    for (const route of definition.trigger.routes) {
      routes.push({ ...route, fn, routeKey: `${route.method} ${route.path}`, segments: parse(route.path) });
    }
  }
  return routes.sort(bySpecificity);
}

function parse(path: string): Segment[] {
  if (path === '/') return [];
  return path
    .split('/')
    .slice(1)
    .map((segment) => {
      const parameter = /^\{(\w+)(\+?)\}$/.exec(segment);
      return parameter
        ? { parameter: parameter[1] as string, greedy: parameter[2] === '+' }
        : { literal: segment };
    });
}

function bySpecificity(a: Route, b: Route): number {
  const greedy = (route: Route) => route.segments.some((s) => 'greedy' in s && s.greedy);
  const literals = (route: Route) => route.segments.filter((s) => 'literal' in s).length;
  return (
    Number(greedy(a)) - Number(greedy(b)) ||
    literals(b) - literals(a) ||
    b.segments.length - a.segments.length ||
    Number(a.method === 'ANY') - Number(b.method === 'ANY')
  );
}

/** The first route (most specific first) that takes this method and raw path, with its path parameters. */
export function matchRoute(routes: Route[], method: string, rawPath: string): MatchedRoute | undefined {
  const parts = rawPath.split('/').slice(1);
  for (const route of routes) {
    if (route.method !== 'ANY' && route.method !== method) continue;
    const parameters = matchSegments(route.segments, parts);
    if (parameters === undefined) continue;
    return {
      route,
      routeKey: route.routeKey,
      ...(Object.keys(parameters).length > 0 ? { pathParameters: parameters } : {}),
    };
  }
  return undefined;
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  // The root path "/" has no segments.
  const actual = parts.length === 1 && parts[0] === '' ? [] : parts;
  const parameters: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    if ('literal' in segment) {
      if (actual[index] !== segment.literal) return undefined;
    } else if (segment.greedy) {
      const rest = actual.slice(index);
      if (rest.length === 0 || rest.every((part) => part === '')) return undefined;
      parameters[segment.parameter] = decode(rest.join('/'));
      return parameters;
    } else {
      const part = actual[index];
      if (part === undefined || part === '') return undefined;
      parameters[segment.parameter] = decode(part);
    }
  }
  return actual.length === segments.length ? parameters : undefined;
}

/** Path parameters reach the handler decoded; a malformed escape is passed on as sent. */
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
