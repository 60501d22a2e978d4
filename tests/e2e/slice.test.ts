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

  it('changes nothing when the approval record and the delivery message are delivered again', async () => {
    const reported = await call('POST', '/submissions', {
      body: { text: '重放测试', contact: { phone: '+8613700137000' } },
    });
    const { caseId } = reported.json;
    let c = (await call('GET', `/admin/cases/${caseId}`, { token: tokens.editor })).json;
    for (const [method, path, token, body] of [
      ['POST', 'assign', tokens.reviewer, { assignee: 'reviewer-li' }],
      ['POST', 'review', tokens.reviewer, { verdict: 'clarification', findings: '需要说明' }],
      [
        'PUT',
        'draft',
        tokens.reviewer,
        { type: 'clarification', headline: '关于统计口径的说明', body: '说明正文' },
      ],
      ['POST', 'submit', tokens.reviewer, undefined],
      ['POST', 'approve', tokens.editor, undefined],
    ] as const) {
      c = (
        await call(method, `/admin/cases/${caseId}/${path}`, {
          token,
          ifMatch: c.version,
          ...(body ? { body } : {}),
        })
      ).json;
    }
    const approved = c;
    const published = await eventually(async () => {
      const now = (await call('GET', `/admin/cases/${caseId}`, { token: tokens.editor })).json;
      return now.status === 'published' ? now : undefined;
    });
    const reply = await eventually(async () =>
      (await stack.outbox.read('+8613700137000')).find((m) => m.kind === 'reply'),
    );
    expect(reply.body).toContain('澄清');

    // The approval's stream record again, as Lambda would redeliver it after a timeout.
    const { marshall } = await import('@aws-sdk/util-dynamodb');
    const image = (value: object) =>
      marshall(
        { pk: `CASE#${caseId}`, sk: 'CASE', entity: 'case', ...value },
        { removeUndefinedValues: true },
      );
    const record = {
      eventID: 'replayed',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        Keys: marshall({ pk: `CASE#${caseId}`, sk: 'CASE' }),
        NewImage: image(approved),
        OldImage: image({ ...approved, status: 'awaiting_approval', version: approved.version - 1 }),
        SequenceNumber: '1',
        SizeBytes: 1,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    };
    expect(await stack.invoke('publisher', { Records: [record, record] })).toEqual({ batchItemFailures: [] });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = (await call('GET', `/admin/cases/${caseId}`, { token: tokens.editor })).json;
    expect(after.version).toBe(published.version);
    expect(after.history).toHaveLength(published.history.length);
    expect((await call('GET', `/corrections/${published.correctionId}`)).json.versions).toHaveLength(1);
    // The announcement went out again; the reporter was still told once.
    expect((await stack.outbox.read('+8613700137000')).filter((m) => m.kind === 'reply')).toHaveLength(1);
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
