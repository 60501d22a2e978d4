/**
 * Webhook calls with node:http(s). The host name is resolved here, every address it resolves to is
 * checked, and the socket connects to the checked address (the request's lookup returns it), so a name
 * that changes its answer between check and connect (DNS rebinding) cannot reach an internal address.
 * TLS still verifies the certificate against the host name. Redirects are not followed.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import type { CallOutcome, WebhookCaller } from '../../ports/webhook-caller.ts';
import {
  type DestinationPolicy,
  isLocalReceiver,
  isPublicAddress,
  urlProblem,
} from '../../security/destinations.ts';

export type Resolve = (host: string) => Promise<Array<{ address: string; family: number }>>;

const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

type Destination = { address: string; family: number } | { refusal: string };

export class HttpWebhookCaller implements WebhookCaller {
  constructor(
    private readonly policy: DestinationPolicy,
    private readonly timeoutMs: number,
    private readonly resolve: Resolve = systemResolve,
  ) {}

  async refusal(url: string): Promise<string | undefined> {
    const destination = await this.destination(url);
    return 'refusal' in destination ? destination.refusal : undefined;
  }

  async post(url: string, body: string, headers: Record<string, string>): Promise<CallOutcome> {
    const started = Date.now();
    const destination = await this.destination(url);
    if ('refusal' in destination) return { ok: false, error: 'refused address', ms: Date.now() - started };
    const outcome = await this.send(new URL(url), destination, body, headers);
    return { ...outcome, ms: Date.now() - started };
  }

  /** The address to connect to, after the form and every resolved address passed the rules. */
  private async destination(value: string): Promise<Destination> {
    const problem = urlProblem(value, this.policy);
    if (problem) return { refusal: problem };
    const url = new URL(value);
    if (isLocalReceiver(url, this.policy)) return { address: '127.0.0.1', family: 4 };
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0) return { address: host, family: isIP(host) };
    let addresses: Array<{ address: string; family: number }>;
    try {
      addresses = await this.resolve(host);
    } catch {
      return { refusal: 'its host name does not resolve' };
    }
    const first = addresses[0];
    if (!first) return { refusal: 'its host name does not resolve' };
    // Every answer must be public: a name with one private answer could be made to use it.
    if (!addresses.every((a) => isPublicAddress(a.address))) {
      return { refusal: 'resolves to a loopback, private, link-local or reserved address' };
    }
    return first;
  }

  private send(
    url: URL,
    destination: { address: string; family: number },
    body: string,
    headers: Record<string, string>,
  ): Promise<Omit<CallOutcome, 'ms'>> {
    const lookup: LookupFunction = (_host, options, callback) => {
      if (options.all) callback(null, [destination]);
      else callback(null, destination.address, destination.family);
    };
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: Omit<CallOutcome, 'ms'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const req = request(
        url,
        {
          method: 'POST',
          lookup,
          headers: {
            ...headers,
            'content-type': 'application/json; charset=utf-8',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'corrections-desk-webhooks/1',
          },
        },
        (response) => {
          const statusCode = response.statusCode ?? 0;
          finish({ ok: statusCode >= 200 && statusCode < 300, statusCode });
          // Only the status counts: the answer's body is not read, and the connection is not kept.
          response.on('error', () => undefined);
          req.destroy();
        },
      );
      const timer = setTimeout(() => {
        finish({ ok: false, error: 'timeout' });
        req.destroy();
      }, this.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => {
        finish({ ok: false, error: `connection error ${error.code ?? error.name}` });
      });
      req.end(body);
    });
  }
}
