/**
 * Retention and erasure on the running local stack, through the HTTP API and the real functions:
 * a closed case's reporter contacts get their expiry from the stream and the continuation, and
 * POST /admin/erasures answers as the contract says, refuses bad input and non-admins with
 * problem+json, and leaves the address suppressed.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCredentials, localRegion } from '../../local/engines.ts';
import type { LocalStack } from '../../local/stack.ts';
import * as keys from '../../shared/adapters/dynamodb/item-keys.ts';
import { randomDigits, randomId } from '../../shared/security/tokens.ts';
import { type Call, eventually, runningDesk, type Tokens } from '../support/http.ts';

let stack: LocalStack;
let call: Call;
let tokens: Tokens;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  ({ stack, call, tokens } = await runningDesk());
  documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack.endpoints.dynamoDb,
      region: localRegion,
      credentials: localCredentials,
    }),
  );
});
afterAll(async () => {
  await stack?.stop();
});

const stored = async (key: { pk: string; sk: string }) =>
  (await documents.send(new GetCommand({ TableName: stack.tableName, Key: key, ConsistentRead: true }))).Item;

describe('retention on the running desk', () => {
  it('gives a closed case’s reporter contacts their expiry, reporterContactDays after it closed', async () => {
    const email = `closing-${randomId(6)}@example.org`;
    const report = await call('POST', '/submissions', {
      body: { text: '通报中的时间有误', url: `https://example.org/news/${randomId(8)}`, contact: { email } },
    });
    expect(report.status).toBe(201);
    const { caseId, submissionId } = report.json;
    const opened = (await call('GET', `/admin/cases/${caseId}`, { token: tokens.editor })).json;
    const closed = await call('POST', `/admin/cases/${caseId}/close`, {
      token: tokens.editor,
      ifMatch: opened.version,
      body: { reason: '经核实无误' },
    });
    expect(closed.status, closed.text).toBe(200);
    const contact = await eventually(async () => {
      const item = await stored(keys.contact(submissionId, 'email'));
      return typeof item?.expiresAt === 'number' ? item : undefined;
    }, 20_000);
    expect(contact.expiresAt).toBe(Math.floor(Date.parse(closed.json.updatedAt) / 1000) + 90 * 24 * 60 * 60);
    expect((await stored(keys.submission(submissionId)))?.expiresAt).toBeUndefined();
  });
});

describe('POST /admin/erasures on the running desk', () => {
  it('erases, answers the counts, and the address stays suppressed', async () => {
    const phone = `+86136${randomDigits(8)}`;
    const subscribed = await call('POST', '/subscriptions', {
      body: { channel: 'sms', address: phone, topics: ['*'] },
    });
    expect(subscribed.status).toBe(202);
    const report = await call('POST', '/submissions', {
      body: { text: '人数有误', url: `https://example.org/news/${randomId(8)}`, contact: { phone } },
    });
    expect(report.status).toBe(201);
    // The SMS sender sends the verification code from the send queue, and records its delivery.
    await eventually(async () =>
      (await stack.outbox.read(phone)).find((message) => message.kind === 'verification_code'),
    );

    const erased = await call('POST', '/admin/erasures', {
      token: tokens.admin,
      body: { channel: 'sms', address: phone },
    });
    expect(erased.status, erased.text).toBe(200);
    expect(erased.json).toEqual({ subscriptions: 1, submissions: 1, deliveries: 1 });
    expect(erased.text).not.toContain(phone);
    const again = await call('POST', '/admin/erasures', {
      token: tokens.admin,
      body: { channel: 'sms', address: phone },
    });
    expect(again.json).toEqual({ subscriptions: 0, submissions: 0, deliveries: 0 });

    const suppressions = await call('GET', '/admin/suppressions', { token: tokens.admin });
    expect(suppressions.json.items[0]).toMatchObject({ channel: 'sms', reason: 'erased', maskedAddress: '' });
    expect(suppressions.text).not.toContain(phone.slice(-4));

    // Asking to subscribe again sends nothing: the answer says the address is suppressed.
    const sent = (await stack.outbox.read(phone)).length;
    const resubscribed = await call('POST', '/subscriptions', {
      body: { channel: 'sms', address: phone, topics: ['*'] },
    });
    expect(resubscribed.status).toBe(202);
    expect(resubscribed.json).toMatchObject({ status: 'suppressed', channel: 'sms' });
    expect(await stack.outbox.read(phone)).toHaveLength(sent);
  });

  it('answers bad input and non-admins with problem+json, and erases nothing', async () => {
    for (const body of [
      {},
      { channel: 'fax', address: '+8613800138000' },
      { channel: 'email', address: 'not-an-address' },
      { channel: 'sms', address: '13800138000' },
      { channel: 'email', address: `${'a'.repeat(250)}@example.org` },
      { channel: 'email', address: 'a@example.org', extra: true },
    ]) {
      const refused = await call('POST', '/admin/erasures', { token: tokens.admin, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    const notJson = await call('POST', '/admin/erasures', {
      token: tokens.admin,
      raw: '[1]',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    const editor = await call('POST', '/admin/erasures', {
      token: tokens.editor,
      body: { channel: 'email', address: 'someone@example.org' },
    });
    expect(editor.status).toBe(403);
    expect(editor.headers.get('content-type')).toContain('application/problem+json');
    const anonymous = await call('POST', '/admin/erasures', {
      body: { channel: 'email', address: 'someone@example.org' },
    });
    expect(anonymous.status).toBe(401);
  });
});
