/**
 * Reading an API Gateway HTTP API (payload 2.0) request the way the contract requires: JSON only,
 * UTF-8, at most 64 KiB, If-Match and Idempotency-Key checked before any use case runs.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { InvalidInput } from '../domain/errors.ts';
import { HttpProblem, problem } from './problem.ts';

export const maxBodyBytes = 64 * 1024;

/** The route's request: the API only ever receives HTTP API payload 2.0 events. */
export interface RouteRequest {
  event: unknown;
  params: Record<string, string>;
}
export const eventOf = (request: { event: unknown }): APIGatewayProxyEventV2 =>
  request.event as APIGatewayProxyEventV2;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export const header = (event: APIGatewayProxyEventV2, name: string): string | undefined =>
  event.headers?.[name.toLowerCase()];

/** The body as bytes, or undefined when there is none. */
function bodyBytes(event: APIGatewayProxyEventV2): Buffer | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [mediaType, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length);
  const json = mediaType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(mediaType ?? '');
  return json && (charset === undefined || charset.replace(/"/g, '') === 'utf-8');
}

/**
 * The parsed JSON body: 413 over 64 KiB, 415 if not JSON in UTF-8, 400 if missing, malformed, or
 * valid JSON that is not an object (every body of the contract is one; `null`, `[]` or `"x"` would
 * otherwise reach validators written for objects).
 */
export function jsonBody(event: APIGatewayProxyEventV2): Record<string, unknown> {
  const bytes = bodyBytes(event);
  if (bytes && bytes.length > maxBodyBytes) {
    throw new HttpProblem(
      problem(413, `The body is ${bytes.length} bytes; at most ${maxBodyBytes} are accepted.`),
    );
  }
  if (bytes && !isJsonMediaType(header(event, 'content-type'))) {
    throw new HttpProblem(problem(415, 'Send the body as application/json (UTF-8).'));
  }
  if (!bytes) throw new InvalidInput([{ path: '', message: 'a JSON body is required' }]);
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new InvalidInput([{ path: '', message: 'the body is not valid UTF-8' }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidInput([{ path: '', message: `malformed JSON: ${(error as Error).message}` }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInput([{ path: '', message: 'the body must be a JSON object' }]);
  }
  return value as Record<string, unknown>;
}

/** A subscriber import's most: 10,000 rows of a few hundred bytes, well inside Lambda's 6 MB payload. */
export const maxCsvBytes = 4 * 1024 * 1024;

/** The text/csv body as text: 413 over the limit, 415 if not CSV in UTF-8, 400 if missing or not UTF-8. */
export function csvBody(event: APIGatewayProxyEventV2): string {
  const bytes = bodyBytes(event);
  if (bytes && bytes.length > maxCsvBytes) {
    throw new HttpProblem(
      problem(413, `The file is ${bytes.length} bytes; at most ${maxCsvBytes} are accepted.`),
    );
  }
  const [mediaType, ...parameters] = (header(event, 'content-type') ?? '')
    .split(';')
    .map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length);
  if (mediaType !== 'text/csv' || (charset !== undefined && charset.replace(/"/g, '') !== 'utf-8')) {
    throw new HttpProblem(problem(415, 'Send the file as text/csv (UTF-8).'));
  }
  if (!bytes) throw new InvalidInput([{ path: '', message: 'a CSV file is required' }]);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new InvalidInput([{ path: '', message: 'the file is not valid UTF-8: save it as UTF-8 CSV' }]);
  }
}

/** The version named by If-Match: 428 if absent; a value that names no version can match nothing (412). */
export function expectedVersion(event: APIGatewayProxyEventV2): number {
  const value = header(event, 'if-match')?.trim();
  if (!value)
    throw new HttpProblem(problem(428, 'Send If-Match with the ETag of the case you read, e.g. "3".'));
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value);
  if (!match?.[1]) {
    throw new HttpProblem(problem(412, `If-Match ${value} does not name a version of this case.`));
  }
  return Number(match[1]);
}

export function idempotencyKey(event: APIGatewayProxyEventV2): string | undefined {
  const value = header(event, 'idempotency-key');
  if (value === undefined) return undefined;
  if (value.length === 0 || value.length > 128) {
    throw new InvalidInput([{ path: 'Idempotency-Key', message: 'must be 1 to 128 characters' }]);
  }
  return value;
}

export const query = (event: APIGatewayProxyEventV2): Record<string, string> =>
  Object.fromEntries(
    Object.entries(event.queryStringParameters ?? {}).filter(([, v]) => v !== undefined),
  ) as Record<string, string>;

/** The client's address as API Gateway saw it (the first hop, not a forwarded header). */
export const sourceIp = (event: APIGatewayProxyEventV2): string => event.requestContext.http.sourceIp;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** A browser's Accept (text/html listed, JSON not preferred to it); API clients send JSON or nothing. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const quality = (type: string) => {
    const entry = accept
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .find((part) => part.split(';')[0]?.trim() === type);
    if (!entry) return 0;
    const q = /;\s*q=([\d.]+)/.exec(entry)?.[1];
    return q === undefined ? 1 : Number(q);
  };
  const html = quality('text/html');
  return html > 0 && html >= quality('application/json');
}
