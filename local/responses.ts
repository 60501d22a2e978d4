/**
 * The responses the gateway writes itself (errors it raises, the /dev routes), in the contract's formats.
 * JSON is UTF-8 by definition (RFC 8259), so the content types carry no charset.
 */
import type { FieldError } from '../shared/domain/errors.ts';
import type { HttpResponse } from './http-event.ts';

export function jsonResponse(
  statusCode: number,
  value: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.from(JSON.stringify(value), 'utf8'),
  };
}

/** An RFC 9457 problem; `about:blank` because these are plain HTTP errors, so the title is the status text. */
export function problemResponse(
  statusCode: number,
  title: string,
  extra: { detail?: string; errors?: FieldError[]; message?: string } = {},
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: Buffer.from(JSON.stringify({ type: 'about:blank', title, status: statusCode, ...extra }), 'utf8'),
  };
}
