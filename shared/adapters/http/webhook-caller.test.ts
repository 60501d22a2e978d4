import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpWebhookCaller, type Resolve } from './webhook-caller.ts';

const deployed = { allowLocalReceivers: false };
const resolvingTo =
  (...addresses: string[]): Resolve =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

let port: number;
const server = createServer((request, response) => {
  if (request.url === '/slow') return; // never answers
  response.statusCode = request.url === '/fail' ? 500 : 202;
  response.end();
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('webhook calls', () => {
  it('refuses a name that resolves to any internal address, at creation and at each call', async () => {
    const rebinding = new HttpWebhookCaller(deployed, 1000, resolvingTo('93.184.215.14', '10.0.0.7'));
    expect(await rebinding.refusal('https://cms.example.org/hook')).toMatch(/private/);
    const metadata = new HttpWebhookCaller(deployed, 1000, resolvingTo('169.254.169.254'));
    expect(await metadata.post('https://cms.example.org/hook', '{}', {})).toMatchObject({
      ok: false,
      error: 'refused address',
    });
    const unresolvable = new HttpWebhookCaller(deployed, 1000, async () => {
      throw new Error('ENOTFOUND');
    });
    expect(await unresolvable.refusal('https://nowhere.example.org/hook')).toMatch(/resolve/);
  });

  it('locally, calls 127.0.0.1: 2xx is ok, anything else or no answer within the timeout is not', async () => {
    const caller = new HttpWebhookCaller({ allowLocalReceivers: true }, 300);
    expect(
      await caller.post(`http://localhost:${port}/ok`, '{"a":1}', { 'desk-event-id': 'e' }),
    ).toMatchObject({
      ok: true,
      statusCode: 202,
    });
    expect(await caller.post(`http://127.0.0.1:${port}/fail`, '{}', {})).toMatchObject({
      ok: false,
      statusCode: 500,
    });
    const slow = await caller.post(`http://127.0.0.1:${port}/slow`, '{}', {});
    expect(slow).toMatchObject({ ok: false, error: 'timeout' });
    expect(slow.ms).toBeGreaterThanOrEqual(290);
  });
});
