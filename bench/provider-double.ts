/**
 * The providers as the bench's sender meets them: an HTTP server that speaks SES v2's SendEmail and
 * SNS's Publish to a phone number over the wire, so the desk's own SES and SNS adapters and SDK clients
 * (their retries included) are what call it. Each channel accepts at its rate, as SES and SNS count
 * it (messages a second: a second's worth may come at once), and throttles beyond it with the errors
 * SES and SNS send (429 TooManyRequestsException; 400 Throttling). Every other SNS call (the
 * correction events) is passed on to fauxqs unchanged. Accepted messages are kept per correction, so the bench can count who got what.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Channel } from '../shared/domain/subscription.ts';

export interface ProviderDouble {
  url: string;
  /** Where SNS calls other than SMS go (fauxqs); set once the local stack is up. */
  forwardSnsTo(endpoint: string): void;
  /** Recipients and how many messages each got, for one correction. */
  received(correctionId: string): Map<string, number>;
  /** Messages accepted for one correction, in all. */
  accepted(correctionId: string): number;
  /** Times of the first and the last message accepted for one correction (performance.now()). */
  acceptedBetween(correctionId: string): { first: number; last: number };
  throttled: Record<Channel, number>;
  close(): Promise<void>;
}

/** Tokens refill continuously at `rate` per second, up to a burst of a second's worth. */
function tokenBucket(rate: number) {
  const capacity = Math.max(1, rate);
  let tokens = capacity;
  let at = performance.now();
  return () => {
    const now = performance.now();
    tokens = Math.min(capacity, tokens + ((now - at) / 1000) * rate);
    at = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

/** The correction a message is about: its permalink names it. */
const correctionOf = (text: string): string => /\/c\/([0-9a-z]+)/.exec(text)?.[1] ?? 'none';

export async function startProviderDouble(rates: Record<Channel, number>): Promise<ProviderDouble> {
  const allow = { email: tokenBucket(rates.email), sms: tokenBucket(rates.sms) };
  const throttled: Record<Channel, number> = { email: 0, sms: 0 };
  const byCorrection = new Map<
    string,
    { recipients: Map<string, number>; total: number; first: number; last: number }
  >();
  let fauxqs: string | undefined;

  const accept = (correctionId: string, recipient: string) => {
    const now = performance.now();
    const entry = byCorrection.get(correctionId) ?? { recipients: new Map(), total: 0, first: now, last: 0 };
    entry.recipients.set(recipient, (entry.recipients.get(recipient) ?? 0) + 1);
    entry.total += 1;
    entry.last = now;
    byCorrection.set(correctionId, entry);
  };

  async function sesSendEmail(body: Buffer, response: ServerResponse) {
    const input = JSON.parse(body.toString('utf8')) as {
      Destination?: { ToAddresses?: string[] };
      Content?: { Simple?: { Body?: { Text?: { Data?: string } } } };
    };
    if (!allow.email()) {
      throttled.email += 1;
      response.writeHead(429, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'TooManyRequestsException',
      });
      response.end(JSON.stringify({ message: 'Maximum sending rate exceeded.' }));
      return;
    }
    accept(
      correctionOf(input.Content?.Simple?.Body?.Text?.Data ?? ''),
      input.Destination?.ToAddresses?.[0] ?? '',
    );
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ MessageId: randomUUID() }));
  }

  function snsPublishSms(form: URLSearchParams, response: ServerResponse) {
    const requestId = randomUUID();
    if (!allow.sms()) {
      throttled.sms += 1;
      response.writeHead(400, { 'content-type': 'text/xml' });
      response.end(
        `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
      return;
    }
    accept(correctionOf(form.get('Message') ?? ''), form.get('PhoneNumber') ?? '');
    response.writeHead(200, { 'content-type': 'text/xml' });
    response.end(
      `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${randomUUID()}</MessageId></PublishResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></PublishResponse>`,
    );
  }

  async function forward(request: IncomingMessage, body: Buffer, response: ServerResponse) {
    if (!fauxqs) throw new Error('No SNS endpoint to forward to yet');
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === 'string' && !['host', 'connection', 'content-length'].includes(entry[0]),
      ),
    );
    const answer = await fetch(`${fauxqs}${request.url ?? '/'}`, {
      method: request.method ?? 'POST',
      headers,
      ...(body.length ? { body: new Uint8Array(body) } : {}),
    });
    response.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'text/xml',
    });
    response.end(Buffer.from(await answer.arrayBuffer()));
  }

  const server: Server = createServer((request, response) => {
    readBody(request)
      .then(async (body) => {
        if (request.url?.startsWith('/v2/email/outbound-emails')) return sesSendEmail(body, response);
        const form = new URLSearchParams(body.toString('utf8'));
        if (form.get('Action') === 'Publish' && form.get('PhoneNumber')) return snsPublishSms(form, response);
        return forward(request, body, response);
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    forwardSnsTo(endpoint) {
      fauxqs = endpoint.replace(/\/+$/, '');
    },
    received: (id) => byCorrection.get(id)?.recipients ?? new Map(),
    accepted: (id) => byCorrection.get(id)?.total ?? 0,
    acceptedBetween: (id) => ({
      first: byCorrection.get(id)?.first ?? 0,
      last: byCorrection.get(id)?.last ?? 0,
    }),
    throttled,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
