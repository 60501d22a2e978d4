/**
 * The local HTTP API: a node:http server that does what API Gateway does in front of the functions.
 * It routes by the catalogue's http triggers, checks bearer tokens on JWT routes, turns each request
 * into a payload 2.0 event and the handler's result back into a response, and answers the /dev routes
 * itself. It listens on the loopback interface only: it is a developer's tool, not a server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FunctionKey } from '../shared/resources/functions.ts';
import type { DevRoute } from './dev-routes.ts';
import {
  type HttpResponse,
  newRequestId,
  type RawRequest,
  splitTarget,
  toHttpApiEvent,
  toHttpResponse,
} from './http-event.ts';
import type { TokenAuthority } from './jwt.ts';
import { describeError, type Log } from './log.ts';
import { jsonResponse, problemResponse } from './responses.ts';
import { matchRoute, type Route, routesFromCatalogue } from './routes.ts';

/** API Gateway's payload limit for HTTP APIs; the functions enforce the contract's much smaller one. */
export const maxBodyBytes = 10 * 1024 * 1024;

export interface GatewayDeps {
  invoke(fn: FunctionKey, event: unknown): Promise<unknown>;
  authority: TokenAuthority;
  devRoute(method: string, rawPath: string): DevRoute | undefined;
  log: Log;
}

export interface Gateway {
  port: number;
  /** Starts answering; requests that arrived earlier wait until then. */
  serve(deps: GatewayDeps): void;
  close(): Promise<void>;
}

/**
 * Listens first (so a port of 0 becomes a real port, which the functions' PUBLIC_BASE_URL and the
 * token issuer need) and serves once the functions are loaded.
 */
export async function openGateway(port: number): Promise<Gateway> {
  const routes = routesFromCatalogue();
  let serve!: (deps: GatewayDeps) => void;
  const ready = new Promise<GatewayDeps>((resolve) => {
    serve = resolve;
  });
  const server = createServer((request, response) => {
    void ready.then((deps) =>
      handle(routes, deps, request, response).catch((error: unknown) => {
        deps.log(
          `${request.method} ${loggable(request.url ?? '/')}: no response could be written: ${describeError(error)}`,
        );
        response.destroy();
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    serve,
    close: () => closeServer(server),
  };
}

async function handle(
  routes: Route[],
  deps: GatewayDeps,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const requestId = newRequestId();
  const body = await readBody(request);
  const raw = {
    method: request.method ?? 'GET',
    target: request.url ?? '/',
    httpVersion: request.httpVersion,
    rawHeaders: request.rawHeaders,
    sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    port: request.socket.localPort ?? 0,
  };
  let reply = await answer(routes, deps, { ...raw, body }, requestId);
  try {
    write(response, reply, requestId);
  } catch (error) {
    // writeHead refuses what Node cannot send (a header value with a line break, say): that is the
    // handler's fault, and API Gateway would answer 500 too.
    deps.log(`${raw.method} ${loggable(raw.target)}: the response cannot be sent: ${describeError(error)}`);
    reply = problemResponse(500, 'Internal Server Error');
    write(response, reply, requestId);
  }
}

/**
 * What the HTTP API answers to one request, without a socket: the server above and the fuzz tests
 * (which send thousands of requests in process) share it.
 */
export async function answer(
  routes: Route[],
  deps: GatewayDeps,
  request: Omit<RawRequest, 'body'> & { body: Buffer | 'too large' },
  requestId = newRequestId(),
): Promise<HttpResponse> {
  const started = Date.now();
  const { method, target, body } = request;
  let handledBy = 'gateway';
  let reply: HttpResponse;
  try {
    const { rawPath, rawQueryString } = splitTarget(target);
    const devRoute = deps.devRoute(method, rawPath);
    const match = devRoute ? undefined : matchRoute(routes, method, rawPath);
    if (body === 'too large') {
      reply = problemResponse(413, 'Payload Too Large', {
        detail: `The body is over ${maxBodyBytes} bytes, the HTTP API limit.`,
        message: 'Request Entity Too Large',
      });
    } else if (devRoute) {
      reply = await devRoute({ query: new URLSearchParams(rawQueryString), body });
    } else if (!match) {
      reply = jsonResponse(404, { message: 'Not Found' });
    } else {
      const verification =
        match.route.auth === 'jwt'
          ? await deps.authority.verify(authorization(request.rawHeaders))
          : undefined;
      if (verification && !verification.ok) {
        reply = problemResponse(
          401,
          'Unauthorized',
          { detail: verification.detail, message: 'Unauthorized' },
          { 'www-authenticate': 'Bearer' },
        );
      } else {
        handledBy = match.route.fn;
        const event = toHttpApiEvent({ ...request, body }, match, {
          requestId,
          now: new Date(started),
          ...(verification?.ok ? { authorizer: verification.authorizer } : {}),
        });
        reply = toHttpResponse(await deps.invoke(match.route.fn, event));
      }
    }
  } catch (error) {
    deps.log(`${method} ${loggable(target)} failed in ${handledBy}: ${describeError(error)}`);
    // API Gateway says only "Internal Server Error"; the contract wants problem+json.
    reply = problemResponse(500, 'Internal Server Error');
  }
  // The request id is the correlation_id of the function's own log lines for this request.
  deps.log(
    `${method} ${loggable(target)} → ${reply.statusCode} (${handledBy}, ${Date.now() - started} ms, request ${requestId})`,
  );
  return reply;
}

/**
 * A request target as the log shows it: the path, and the query's names without their values (links
 * carry tokens there, and the outbox page an address).
 */
export function loggable(target: string): string {
  const { rawPath, rawQueryString } = splitTarget(target);
  if (!rawQueryString) return rawPath;
  const names = [...new URLSearchParams(rawQueryString).keys()].map(
    (name) => `${encodeURIComponent(name)}=…`,
  );
  return `${rawPath}?${names.join('&')}`;
}

/** The Authorization header as Node joins it (the first one, if sent twice). */
function authorization(rawHeaders: string[]): string | undefined {
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    if ((rawHeaders[index] as string).toLowerCase() === 'authorization') return rawHeaders[index + 1];
  }
  return undefined;
}

/** The whole body, or 'too large' once it passes the limit (the rest is read and dropped, so the client can read the 413). */
async function readBody(request: IncomingMessage): Promise<Buffer | 'too large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBodyBytes) chunks.push(chunk);
  }
  return size > maxBodyBytes ? 'too large' : Buffer.concat(chunks);
}

function write(response: ServerResponse, reply: HttpResponse, requestId: string): void {
  response.writeHead(reply.statusCode, {
    ...reply.headers,
    'content-length': String(reply.body.length),
    'apigw-requestid': requestId,
  });
  response.end(reply.body);
}

/** Stops accepting, lets requests in flight finish (a few seconds at most), then drops what is left. */
async function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), 5000);
  await closed;
  clearTimeout(timer);
}
