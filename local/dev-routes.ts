/**
 * The routes only the local gateway has (never deployed): POST /dev/token issues an editor token,
 * GET /dev/outbox shows everything that would have reached a person, POST /dev/digest runs the digest
 * and POST /dev/sweep the sweeper as their schedules would; POST /dev/email-events {type: bounce|complaint,
 * address} publishes what SES would to the email-events topic (a permanent bounce, or a complaint) for the
 * suppressor. Other methods on these paths fall through to the functions, as API Gateway
 * would route them.
 */

import type { Outbox } from '../shared/adapters/outbox/outbox.ts';
import type { FieldError } from '../shared/domain/errors.ts';
import { type Role, roles } from '../shared/domain/roles.ts';
import type { HttpResponse } from './http-event.ts';
import type { EditorClaims, TokenAuthority } from './jwt.ts';
import { jsonResponse, problemResponse } from './responses.ts';

export interface DevRouteDeps {
  authority: TokenAuthority;
  outbox: Outbox;
  /**
   * Invokes the digest function with its schedule's event (as of `at`, an instant, or now); resolves
   * to what it returned.
   */
  runDigest(at?: Date): Promise<unknown>;
  /** Invokes the sweeper as its schedule would (it also runs every 5 minutes on its own). */
  runSweeper(): Promise<unknown>;
  /** Publishes an SES event to the email-events topic, as the configuration set's destination would. */
  publishEmailEvent(message: string): Promise<void>;
}

export type DevRoute = (request: { query: URLSearchParams; body: Buffer }) => Promise<HttpResponse>;

export function devRoutes(deps: DevRouteDeps): (method: string, rawPath: string) => DevRoute | undefined {
  const routes: Record<string, DevRoute> = {
    'POST /dev/token': async ({ body }) => {
      const parsed = parseTokenRequest(body);
      if ('errors' in parsed) {
        return problemResponse(400, 'Bad Request', { detail: parsed.detail, errors: parsed.errors });
      }
      return jsonResponse(200, { token: await deps.authority.issue(parsed) });
    },
    'GET /dev/outbox': async ({ query }) => {
      const items = await deps.outbox.read(query.get('address') ?? undefined);
      return jsonResponse(200, { items });
    },
    'POST /dev/digest': async ({ query }) => {
      // ?at=<instant>: as if the schedule fired then (say, tomorrow morning, to send today's digests).
      const at = query.get('at');
      if (at !== null && Number.isNaN(Date.parse(at))) {
        return problemResponse(400, 'Bad Request', {
          detail: 'The request has invalid fields.',
          errors: [{ path: 'at', message: 'must be an instant, such as 2026-11-30T08:00:00+08:00' }],
        });
      }
      return jsonResponse(200, { result: (await deps.runDigest(at ? new Date(at) : undefined)) ?? null });
    },
    'POST /dev/sweep': async () => jsonResponse(200, { result: (await deps.runSweeper()) ?? null }),
    'POST /dev/email-events': async ({ body }) => {
      let request: { type?: unknown; address?: unknown } = {};
      try {
        request = JSON.parse(body.toString('utf8')) ?? {};
      } catch {}
      const errors: FieldError[] = [];
      if (request.type !== 'bounce' && request.type !== 'complaint')
        errors.push({ path: 'type', message: 'must be bounce or complaint' });
      if (typeof request.address !== 'string' || !request.address.includes('@'))
        errors.push({ path: 'address', message: 'must be an email address' });
      if (errors.length > 0 || typeof request.address !== 'string') {
        return problemResponse(400, 'Bad Request', { detail: 'The request has invalid fields.', errors });
      }
      await deps.publishEmailEvent(
        JSON.stringify(sesEvent(request.type as 'bounce' | 'complaint', request.address)),
      );
      return jsonResponse(202, { published: request.type });
    },
  };
  return (method, rawPath) => routes[`${method} ${rawPath}`];
}

type TokenRequest = EditorClaims | { detail: string; errors: FieldError[] };

/** The body of POST /dev/token: sub (non-empty), name (optional), groups (reviewer|editor|admin). */
function parseTokenRequest(body: Buffer): TokenRequest {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return {
      detail: 'The body is not valid JSON.',
      errors: [{ path: '', message: 'must be a JSON object' }],
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      detail: 'The body must be a JSON object.',
      errors: [{ path: '', message: 'must be a JSON object' }],
    };
  }
  const { sub, name, groups } = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  if (typeof sub !== 'string' || sub.trim() === '') {
    errors.push({ path: 'sub', message: 'must be a non-empty string' });
  }
  if (name !== undefined && typeof name !== 'string')
    errors.push({ path: 'name', message: 'must be a string' });
  const validGroups: Role[] = [];
  if (!Array.isArray(groups)) {
    errors.push({ path: 'groups', message: `must be an array of ${roles.join(', ')}` });
  } else {
    groups.forEach((group: unknown, index) => {
      if (isRole(group)) validGroups.push(group);
      else errors.push({ path: `groups[${index}]`, message: `must be one of ${roles.join(', ')}` });
    });
  }
  if (errors.length > 0 || typeof sub !== 'string')
    return { detail: 'The request has invalid fields.', errors };
  return { sub, ...(typeof name === 'string' ? { name } : {}), groups: validGroups };
}

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (roles as readonly string[]).includes(value);

/** The parts of an SES event publishing record the suppressor reads. */
function sesEvent(type: 'bounce' | 'complaint', address: string) {
  const mail = { timestamp: new Date().toISOString(), destination: [address] };
  return type === 'bounce'
    ? {
        eventType: 'Bounce',
        mail,
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: address }],
        },
      }
    : { eventType: 'Complaint', mail, complaint: { complainedRecipients: [{ emailAddress: address }] } };
}
