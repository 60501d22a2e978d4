/**
 * The walking skeleton, over HTTP on the running local stack: a report becomes a published
 * correction, carried from approval to publication by a real DynamoDB Streams record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.ts';
import { type Call, eventually, runningDesk, type Tokens } from '../support/http.ts';

let stack: LocalStack;
let call: Call;
let tokens: Tokens;

beforeAll(async () => {
  ({ stack, call, tokens } = await runningDesk());
});
afterAll(async () => {
  await stack?.stop();
});

describe('one report, end to end', () => {
  it('travels from the public form to a published correction and back to its reporter', async () => {
    const text = '通报称昨日仓库火灾造成3人受伤，实际为1人轻伤。𠀀 emoji 🚒 and "quotes" <b>';
    const reported = await call('POST', '/submissions', {
      body: {
        text,
        url: 'https://119.example.gov.cn/news/fire',
        topic: 'firefighting-rescue',
        contact: { email: 'reader@example.org' },
      },
    });
    expect(reported.status).toBe(201);
    const { caseId, submissionId, trackingToken } = reported.json;

    const queue = await call('GET', '/admin/cases?status=received', { token: tokens.reviewer });
    expect(queue.status).toBe(200);
    expect(queue.json.items.map((c: { id: string }) => c.id)).toContain(caseId);

    const read = await call('GET', `/admin/cases/${caseId}`, { token: tokens.reviewer });
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.json.text).toBe(text);
    expect(Buffer.from(read.text, 'utf8').includes(Buffer.from(text.slice(0, 10), 'utf8'))).toBe(true);

    const step = async (method: string, path: string, token: string, version: number, body?: unknown) => {
      const response = await call(method, `/admin/cases/${caseId}/${path}`, {
        token,
        ifMatch: version,
        ...(body ? { body } : {}),
      });
      expect(response.status, `${path}: ${response.text}`).toBe(200);
      expect(response.headers.get('etag')).toBe(`"${version + 1}"`);
      return response.json;
    };
    await step('POST', 'assign', tokens.reviewer, 1, { assignee: 'reviewer-li' });
    await step('POST', 'review', tokens.reviewer, 2, { verdict: 'correction', findings: '经核实受伤1人' });
    await step('PUT', 'draft', tokens.reviewer, 3, {
      type: 'correction',
      headline: '关于仓库火灾受伤人数的更正',
      body: '经核实，受伤人数为1人，特此更正。',
    });
    await step('POST', 'submit', tokens.reviewer, 4);
    const approved = await step('POST', 'approve', tokens.editor, 5);
    expect(approved.status).toBe('approved');

    // The publisher runs on the stream record of that approval.
    const published = await eventually(async () => {
      const c = await call('GET', `/admin/cases/${caseId}`, { token: tokens.editor });
      return c.json.status === 'published' ? c.json : undefined;
    });
    expect(published.version).toBe(7);
    expect(published.history.map((entry: { action: string }) => entry.action)).toEqual([
      'open',
      'assign',
      'review',
      'draft',
      'submit',
      'approve',
      'publish',
    ]);

    const correction = await call('GET', `/corrections/${published.correctionId}`);
    expect(correction.status).toBe(200);
    expect(correction.json).toMatchObject({
      id: published.correctionId,
      version: 1,
      type: 'correction',
      topic: 'firefighting-rescue',
      headline: '关于仓库火灾受伤人数的更正',
      language: 'zh-CN',
    });
    expect(correction.text).not.toContain('reader@example.org');

    const status = await call(
      'GET',
      `/submissions/${submissionId}?token=${encodeURIComponent(trackingToken)}`,
    );
    expect(status.json).toMatchObject({ status: 'corrected', correctionId: published.correctionId });

    const reply = await eventually(async () =>
      (await stack.outbox.read('reader@example.org')).find((message) => message.kind === 'reply'),
    );
    expect(reply).toMatchObject({ channel: 'email', correctionId: published.correctionId });
    expect(reply.body).toContain(`${stack.url}/c/${published.correctionId}`);
  });

  it('serves the topic catalogue with Chinese and English names', async () => {
    const topics = await call('GET', '/topics');
    expect(topics.status).toBe(200);
    expect(topics.json.items).toHaveLength(5);
    expect(topics.json.items.find((t: { key: string }) => t.key === 'firefighting-rescue')).toMatchObject({
      names: { 'zh-CN': '灭火与应急救援', en: 'Firefighting and rescue' },
      desk: 'command-centre',
    });
  });
});
