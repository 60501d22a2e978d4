/**
 * Translation between HTTP and an API Gateway HTTP API (payload format 2.0) Lambda integration, in both
 * directions, as AWS does it: the request becomes the event a handler gets deployed, and the handler's
 * result becomes the response. Pure functions, so the shapes can be tested without a server.
 */
import { randomBytes } from 'node:crypto';
import type {
  APIGatewayEventRequestContextJWTAuthorizer,
  APIGatewayEventRequestContextV2,
  APIGatewayProxyEventV2WithRequestContext,
} from 'aws-lambda';
import { localAccountId } from './engines.ts';

export type JwtAuthorizer = Pick<APIGatewayEventRequestContextJWTAuthorizer, 'jwt'>;
export type HttpApiEvent = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2 & { authorizer?: JwtAuthorizer }
>;

export interface RawRequest {
  method: string;
  /** The request target as sent: path and query, still percent-encoded. */
  target: string;
  httpVersion: string;
  /** Header names and values alternating, exactly as received (Node's rawHeaders). */
  rawHeaders: string[];
  body: Buffer;
  sourceIp: string;
  /** The port the gateway listens on, for x-forwarded-port. */
  port: number;
}

export interface RouteMatch {
  routeKey: string;
  pathParameters?: Record<string, string>;
}

export interface EventOptions {
  requestId: string;
  now: Date;
  authorizer?: JwtAuthorizer;
}

const apiId = 'local';

/** Splits a request target into API Gateway's rawPath and rawQueryString. */
export function splitTarget(target: string): { rawPath: string; rawQueryString: string } {
  const question = target.indexOf('?');
  return question < 0
    ? { rawPath: target, rawQueryString: '' }
    : { rawPath: target.slice(0, question), rawQueryString: target.slice(question + 1) };
}

export function toHttpApiEvent(request: RawRequest, route: RouteMatch, options: EventOptions): HttpApiEvent {
  const { rawPath, rawQueryString } = splitTarget(request.target);
  const { headers, cookies } = collectHeaders(request);
  const hostname = (headers.host ?? 'localhost').replace(/:\d+$/, '');
  const hasBody = request.body.length > 0;
  const text = isTextContent(headers['content-type']);
  const query = queryParameters(rawQueryString);
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: localAccountId,
      apiId,
      ...(options.authorizer ? { authorizer: options.authorizer } : {}),
      domainName: hostname,
      domainPrefix: hostname.split('.')[0] ?? hostname,
      http: {
        method: request.method,
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: options.requestId,
      routeKey: route.routeKey,
      stage: '$default',
      time: clfTime(options.now),
      timeEpoch: options.now.getTime(),
    },
    ...(route.pathParameters ? { pathParameters: route.pathParameters } : {}),
    ...(hasBody ? { body: request.body.toString(text ? 'utf8' : 'base64') } : {}),
    isBase64Encoded: hasBody && !text,
  };
}

/** API Gateway's request ids look like `JKJaXmPLvHcESHA=`; any unique string would do. */
export function newRequestId(): string {
  return randomBytes(10).toString('base64');
}

/** Bodies of these types reach the handler as UTF-8 text; anything else (or no type) as base64. */
export function isTextContent(contentType: string | undefined): boolean {
  const mime = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    mime.startsWith('text/') ||
    ['application/json', 'application/xml', 'application/x-www-form-urlencoded'].includes(mime) ||
    /^[\w.-]+\/[\w.-]+\+(json|xml)$/.test(mime)
  );
}

/**
 * Header names lower-cased and repeated headers joined with commas; cookies taken out of the headers
 * into their own list; the forwarding headers API Gateway adds, added.
 */
function collectHeaders(request: RawRequest): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    const name = (request.rawHeaders[index] as string).toLowerCase();
    const value = request.rawHeaders[index + 1] as string;
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((cookie) => cookie.trim())
          .filter(Boolean),
      );
    } else {
      headers[name] = name in headers ? `${headers[name]},${value}` : value;
    }
  }
  const forwardedFor = headers['x-forwarded-for'];
  headers['x-forwarded-for'] = forwardedFor ? `${forwardedFor}, ${request.sourceIp}` : request.sourceIp;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-port'] = String(request.port);
  headers['x-amzn-trace-id'] ??= traceId();
  return { headers, cookies };
}

/** Decoded values, repeated parameters joined with commas; undefined when there is no query. */
function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return parameters;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the format of requestContext.time. */
function clfTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${two(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}

function traceId(): string {
  const seconds = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${seconds}-${randomBytes(12).toString('hex')}`;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * A handler's result as API Gateway turns it into a response: a result with a statusCode is taken
 * field by field; anything else is a 200 application/json whose body is the string itself or the
 * value as JSON. A malformed structured result is an error, as API Gateway answers it with a 500.
 */
export function toHttpResponse(result: unknown): HttpResponse {
  if (typeof result === 'string') return json(200, Buffer.from(result, 'utf8'));
  if (!isStructured(result)) return json(200, Buffer.from(JSON.stringify(result ?? null), 'utf8'));
  const { statusCode, headers, multiValueHeaders, cookies, body, isBase64Encoded } = result;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    throw new Error(`The handler returned an invalid statusCode: ${JSON.stringify(statusCode)}`);
  }
  if (body !== undefined && body !== null && typeof body !== 'string') {
    throw new Error('The handler returned a body that is not a string');
  }
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: unknown) => {
    const key = name.toLowerCase();
    const existing = out[key];
    const text = String(value);
    if (existing === undefined) out[key] = key === 'set-cookie' ? [text] : text;
    else if (Array.isArray(existing)) existing.push(text);
    else out[key] = `${existing},${text}`;
  };
  for (const [name, value] of Object.entries(asRecord(headers))) add(name, value);
  for (const [name, values] of Object.entries(asRecord(multiValueHeaders))) {
    for (const value of Array.isArray(values) ? values : [values]) add(name, value);
  }
  for (const cookie of Array.isArray(cookies) ? cookies : []) add('set-cookie', cookie);
  return {
    statusCode,
    headers: out,
    body: Buffer.from(body ?? '', isBase64Encoded === true ? 'base64' : 'utf8'),
  };
}

function isStructured(result: unknown): result is Record<string, unknown> {
  return typeof result === 'object' && result !== null && !Array.isArray(result) && 'statusCode' in result;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

function json(statusCode: number, body: Buffer): HttpResponse {
  return { statusCode, headers: { 'content-type': 'application/json' }, body };
}
