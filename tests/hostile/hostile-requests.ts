/**
 * The hostile requests of issue 10, written out: JSON bodies that are not objects on every JSON
 * route, ids far longer than any id on every route with one, control characters in text fields. Each
 * must answer a 4xx. Run against the running local stack with
 * `npx tsx tests/hostile/hostile-requests.ts http://localhost:3000`.
 */
import { fileURLToPath } from 'node:url';
import { operations } from './contract-arbitraries.ts';

/** What the router answers for a path no route takes (a route of the contract not built yet). */
export const unroutedDetail = 'There is nothing at this address.';

/** Whether the answer is the one the request must get. */
export function answeredAsItMust(request: HostileRequest, status: number, body: string): boolean {
  if (status < 400 || status >= 500) return false;
  if (request.status === undefined || status === request.status) return true;
  // An unknown id may be found out before the body is read (404); a route may check an id's form
  // itself (400 for an over-long one); a route not built yet answers the router's 404.
  if (request.status === 400 && status === 404)
    return /\/x1(\/|$|\?)/.test(request.target) || body.includes(unroutedDetail);
  return request.status === 404 && status === 400;
}

export interface HostileRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body?: string;
  /** The status it must get, when one is certain; otherwise any 4xx. */
  status?: number;
}

const nonObjects = ['null', '0', '"x"', '[]', 'true', '1.5', '""', '[{"channel":"email"}]'];
const longId = 'a'.repeat(3_000);

export function hostileRequests(adminToken: string): HostileRequest[] {
  const requests: HostileRequest[] = [];
  const auth = (admin: boolean): Record<string, string> =>
    admin ? { authorization: `Bearer ${adminToken}` } : {};
  for (const operation of operations()) {
    const target = operation.path.replace(/\{\w+\}/g, 'x1');
    const headers: Record<string, string> = {
      ...auth(operation.admin),
      'if-match': '"1"',
      'content-type': 'application/json',
    };
    if (operation.bodies.some((body) => body.mediaType === 'application/json')) {
      for (const body of nonObjects)
        requests.push({ method: operation.method, target, headers, body, status: 400 });
    }
    if (operation.path.includes('{')) {
      // Without a body to check first, nothing but the id can be wrong: 404. With one, the body's
      // 400 may come first.
      const bodyless = operation.bodies.length === 0;
      requests.push({
        method: operation.method,
        target: `${operation.path.replace(/\{\w+\}/g, longId)}?token=abc`,
        headers,
        ...(bodyless ? { status: 404 } : { body: '{}' }),
      });
    }
  }
  const json = { 'content-type': 'application/json' };
  requests.push(
    {
      method: 'POST',
      target: '/submissions',
      headers: json,
      body: JSON.stringify({ text: '日期有误\u0000' }),
      status: 400,
    },
    {
      method: 'POST',
      target: '/submissions',
      headers: json,
      body: JSON.stringify({ text: 'bell \u0007 and escape \u001b[31m' }),
      status: 400,
    },
    {
      method: 'POST',
      target: '/admin/cases',
      headers: { ...json, authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ text: 'a\u0000b', topic: 'personnel', source: 'staff' }),
      status: 400,
    },
  );
  return requests;
}

/** Sends every hostile request to a running desk; prints each that does not get its 4xx. */
async function main(baseUrl: string): Promise<void> {
  const token = (
    await (
      await fetch(`${baseUrl}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: 'admin-chen', groups: ['admin'] }),
      })
    ).json()
  ).token as string;
  const requests = hostileRequests(token);
  let wrong = 0;
  for (const request of requests) {
    const response = await fetch(`${baseUrl}${request.target}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    if (!answeredAsItMust(request, response.status, await response.text())) {
      wrong += 1;
      console.log(
        `${request.method} ${request.target.slice(0, 80)} ${request.body ?? ''} → ${response.status}`,
      );
    }
  }
  console.log(`${requests.length - wrong} of ${requests.length} hostile requests answered as they must.`);
  if (wrong > 0) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main(process.argv[2] ?? 'http://localhost:3000');
}
