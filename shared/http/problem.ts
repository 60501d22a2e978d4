/** RFC 9457 problem details: every error the API answers, and how domain errors map to them. */
import {
  ActionNotAllowed,
  Conflict,
  type DomainError,
  type FieldError,
  IdempotencyKeyReused,
  InvalidInput,
  NotFound,
  PermissionDenied,
  RateLimited,
  VersionMismatch,
} from '../domain/errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  /**
   * Added to the contract's Problem: a stable code for what went wrong (the type's slug unless a
   * rule says more, e.g. two-person-rule), so clients can say it in their own words and language.
   */
  code: string;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const titles: Record<number, [slug: string, title: string]> = {
  400: ['invalid-request', 'The request is invalid'],
  401: ['unauthorized', 'Sign-in required'],
  403: ['forbidden', 'Not allowed for your groups'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['action-not-allowed', 'Not allowed in the current state'],
  412: ['stale-version', 'The case has changed since you read it'],
  413: ['body-too-large', 'The request body is too large'],
  415: ['unsupported-media-type', 'The request body must be JSON'],
  422: ['idempotency-key-reused', 'The Idempotency-Key was used with another request'],
  428: ['if-match-required', 'If-Match is required'],
  429: ['rate-limited', 'Too many requests'],
  500: ['internal-error', 'Something went wrong on our side'],
  503: ['unavailable', 'Temporarily unavailable'],
};

export const problemType = (slug: string): string => `urn:corrections-desk:problem:${slug}`;

export function problem(status: number, detail?: string, extensions: Record<string, unknown> = {}): Problem {
  const [slug, title] = titles[status] ?? ['error', 'Error'];
  return { type: problemType(slug), title, status, code: slug, ...(detail ? { detail } : {}), ...extensions };
}

export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

/**
 * Stable codes for the field messages the desk writes (an addition to the contract's field errors),
 * with the number a message names, so a client can say it in its own language.
 */
const fieldCodes: ReadonlyArray<[RegExp, string]> = [
  [/^is required/, 'required'],
  [/^is not a known field$/, 'unknown-field'],
  [/^must be at most (\d+) characters$/, 'too-long'],
  [/^must be at least (\d+) characters$/, 'too-short'],
  [/^must not be blank$/, 'blank'],
  [/^must be valid Unicode text$/, 'not-unicode'],
  [/^must be an http or https URL$/, 'not-web-url'],
  [/^must be an email address$/, 'not-email'],
  [/^must be a valid phone number/, 'not-phone'],
  [/must fit one SMS segment/, 'sms-too-long'],
  [/^unknown topic/, 'unknown-topic'],
  [/^no case /, 'unknown-case'],
  [/^must be an open case/, 'case-not-open'],
];

export function withCode(error: FieldError): FieldError & { code: string; limit?: number } {
  for (const [pattern, code] of fieldCodes) {
    const match = pattern.exec(error.message);
    if (match) return { ...error, code, ...(match[1] ? { limit: Number(match[1]) } : {}) };
  }
  return { ...error, code: 'invalid' };
}

/** Domain refusals as problems; anything else is the caller's to treat as a 500. */
export function problemFor(error: DomainError): { body: Problem; headers?: Record<string, string> } {
  if (error instanceof InvalidInput) {
    return { body: problem(400, error.message, { errors: error.errors.map(withCode) }) };
  }
  if (error instanceof NotFound) return { body: problem(404, error.message) };
  if (error instanceof PermissionDenied) return { body: problem(403, error.message) };
  if (error instanceof ActionNotAllowed) {
    return {
      body: problem(409, error.message, {
        code: error.code,
        currentStatus: error.currentStatus,
        allowedActions: error.allowedActions,
      }),
    };
  }
  if (error instanceof VersionMismatch) {
    return {
      body: problem(412, error.message, { currentVersion: error.current }),
      headers: { etag: `"${error.current}"` },
    };
  }
  if (error instanceof IdempotencyKeyReused) return { body: problem(422, error.message) };
  if (error instanceof RateLimited) {
    return { body: problem(429, error.message), headers: { 'retry-after': String(error.retryAfterSeconds) } };
  }
  if (error instanceof Conflict) return { body: problem(409, error.message) };
  return { body: problem(500) };
}

/** A request problem found by the HTTP layer itself (size, media type, preconditions). */
export class HttpProblem extends Error {
  constructor(
    readonly body: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.detail ?? body.title);
  }
}
