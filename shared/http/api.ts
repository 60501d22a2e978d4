/** An HTTP API function: Powertools' router, with every failure answered as problem+json. */
import {
  type NotFoundError,
  ParameterValidationError,
  Router,
} from '@aws-lambda-powertools/event-handler/http';
import type { ErrorHandler } from '@aws-lambda-powertools/event-handler/types';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DomainError } from '../domain/errors.ts';
import { readConfig } from '../runtime/config.ts';
import { instrumented } from '../runtime/invocation.ts';
import { currentLogKeys } from '../runtime/log-keys.ts';
import { errorFacts, logger } from '../runtime/observability.ts';
import { throughTheEdge } from './edge.ts';
import { HttpProblem, problem, problemFor, problemResponse } from './problem.ts';

/** The answer for an address that names nothing. */
export const nothingHere = () => problemResponse(problem(404, 'There is nothing at this address.'));

/** How a function answers an address that names nothing. */
export type NotFoundAnswer = ErrorHandler<NotFoundError>;

/** Registered once: the router logs a warning when a handler for an error is replaced. */
export function createApi(notFound: NotFoundAnswer = async () => nothingHere()): Router {
  const app = new Router({ logger: logger() });
  app.errorHandler(HttpProblem, async (error) => problemResponse(error.body, error.headers));
  app.errorHandler(DomainError, async (error) => {
    const { body, headers } = problemFor(error);
    return problemResponse(body, headers);
  });
  app.notFound(notFound);
  // The router decodes path parameters; a malformed escape (e.g. /c/100%) names nothing here, nor
  // does an empty or blank one (e.g. /admin/cases/%20).
  app.errorHandler(URIError, async () => nothingHere());
  app.errorHandler(ParameterValidationError, async () => nothingHere());
  app.methodNotAllowed(async () => problemResponse(problem(405, 'This address does not take that method.')));
  // Registered last: the specific handlers above are found first.
  app.errorHandler(Error, async (error) => {
    logger().error('Unhandled error', { failure: errorFacts(error) });
    // The id to quote to the desk: its log lines carry it as correlation_id.
    const requestId = currentLogKeys().correlation_id;
    return problemResponse(problem(500, undefined, requestId ? { requestId } : {}));
  });
  return app;
}

/**
 * A body on a GET or HEAD means nothing to this API, and the router's web Request cannot even hold
 * one: it is dropped rather than failing the request.
 */
function readable(event: APIGatewayProxyEventV2): APIGatewayProxyEventV2 {
  const method = event.requestContext?.http?.method;
  if ((method === 'GET' || method === 'HEAD') && event.body !== undefined) {
    const { body: _body, ...rest } = event;
    return { ...rest, isBase64Encoded: false };
  }
  return event;
}

/**
 * HEAD answers wherever GET does (contract 1.1): the GET route runs and its answer goes back with
 * its status and headers, without the body.
 */
async function resolve(app: Router, event: APIGatewayProxyEventV2, context: Context) {
  if (event.requestContext?.http?.method !== 'HEAD') return app.resolve(event, context);
  const asGet = {
    ...event,
    requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method: 'GET' } },
  };
  const result = (await app.resolve(asGet, context)) as APIGatewayProxyStructuredResultV2;
  return { ...result, body: '', isBase64Encoded: false };
}

/** Deployed, the secret the edge adds to every request (see edge.ts); locally none. */
let originSecret: { value: string | undefined } | undefined;

/** What adds a function's routes to its router. */
export type Routes = (app: Router) => void;

/**
 * A function's handler. Its router is built, and its routes added, on the first request rather than
 * at import: a cold start neither constructs the router nor compiles every route's path before a
 * request needs them.
 */
export function apiHandler(routes: ReadonlyArray<Routes>, notFound?: NotFoundAnswer) {
  let app: Router | undefined;
  const routed = (): Router => {
    if (!app) {
      app = createApi(notFound);
      for (const add of routes) add(app);
    }
    return app;
  };
  return instrumented<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>(async (event, context) => {
    originSecret ??= { value: readConfig().originSecret };
    const viaEdge = throughTheEdge(event, originSecret.value);
    if (!viaEdge) {
      const refused = problem(403, 'This desk answers at its public address only.');
      return {
        statusCode: 403,
        headers: { 'content-type': 'application/problem+json; charset=utf-8' },
        body: JSON.stringify(refused),
      };
    }
    return resolve(routed(), readable(viaEdge), context);
  });
}
