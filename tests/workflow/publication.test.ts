import { SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { localCredentials, localRegion } from '../../local/engines.ts';
import type { Case } from '../../shared/domain/case.ts';
import { ActionNotAllowed, PermissionDenied } from '../../shared/domain/errors.ts';
import type { Actor } from '../../shared/domain/roles.ts';
import { randomId } from '../../shared/security/tokens.ts';
import { actOnCase, type EditorialCommand } from '../../shared/usecases/act-on-case.ts';
import { amendCorrection } from '../../shared/usecases/amend-correction.ts';
import { announce } from '../../shared/usecases/announce.ts';
import { openStaffCase } from '../../shared/usecases/open-case.ts';
import { publishCorrection } from '../../shared/usecases/publish-correction.ts';
import { readCorrection } from '../../shared/usecases/read-corrections.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';

let desk: TestDesk;
let sqs: SQSClient;
let queueUrl: string;
const reviewer: Actor = { id: 'reviewer-li', roles: ['reviewer'] };
const editor: Actor = { id: 'editor-wang', roles: ['editor'] };

beforeAll(async () => {
  desk = await testDesk();
  sqs = new SQSClient({
    endpoint: inject('messagingEndpoint'),
    region: localRegion,
    credentials: localCredentials,
  });
  const queue = await sqs.send(new CreateQueueCommand({ QueueName: `events-${randomId(8)}` }));
  queueUrl = queue.QueueUrl ?? '';
  const arn = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  await desk.sns.send(
    new SubscribeCommand({
      TopicArn: desk.config.correctionEventsTopicArn,
      Protocol: 'sqs',
      Endpoint: arn.Attributes?.QueueArn,
      Attributes: { RawMessageDelivery: 'true' },
    }),
  );
});

/** What reached the topic, once the announcer has relayed every pending announcement (as the stream would). */
async function announced(): Promise<Record<string, unknown>[]> {
  for (const ref of await desk.announcements.pendingBefore('9999', 100)) await announce(desk, ref);
  const received = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
  );
  return (received.Messages ?? []).map((message) => JSON.parse(message.Body ?? '{}'));
}

const act = (c: Case, actor: Actor, command: EditorialCommand) =>
  actOnCase(desk, { caseId: c.id, expectedVersion: c.version, actor, command });

async function approved(
  draft = { type: 'correction' as const, headline: '关于伤亡人数的更正', body: '受伤人数为1人，不是3人。' },
) {
  let c = await openStaffCase(desk, editor, {
    text: '伤亡人数有误',
    topic: 'firefighting-rescue',
    source: 'staff',
    url: 'https://example.org/a',
  });
  c = await act(c, reviewer, { action: 'assign', assignee: reviewer.id });
  c = await act(c, reviewer, { action: 'review', verdict: 'correction', findings: '核实' });
  c = await act(c, reviewer, { action: 'draft', draft });
  c = await act(c, reviewer, { action: 'submit' });
  return act(c, editor, { action: 'approve' });
}

describe('publishing an approved case', () => {
  it('writes the correction and the published case in one step, then announces it once', async () => {
    const c = await approved();
    const result = await publishCorrection(desk, c.id);
    expect(result.outcome).toBe('published');
    const published = await desk.cases.getWithHistory(c.id);
    const correctionId = published?.case.correctionId ?? '';
    expect(published?.case).toMatchObject({ status: 'published', version: c.version + 1 });
    expect(published?.history.at(-1)).toMatchObject({
      action: 'publish',
      actor: 'system',
      from: 'approved',
      to: 'published',
    });
    expect(correctionId.length).toBeLessThanOrEqual(12);
    const correction = await readCorrection(desk.corrections, correctionId);
    expect(correction).toMatchObject({
      id: correctionId,
      version: 1,
      type: 'correction',
      topic: 'firefighting-rescue',
      headline: '关于伤亡人数的更正',
      body: '受伤人数为1人，不是3人。',
      affectedUrl: 'https://example.org/a',
      language: 'zh-CN',
    });
    expect(correction.versions).toHaveLength(1);
    expect(correction).not.toHaveProperty('caseIds');
    expect(await announced()).toEqual([
      expect.objectContaining({
        eventType: 'correction.published',
        correctionId,
        version: 1,
        topic: 'firefighting-rescue',
        caseId: c.id,
      }),
    ]);

    // A replayed stream record changes nothing and announces nothing more: the announcement is done.
    const replay = await publishCorrection(desk, c.id);
    expect(replay).toEqual({ outcome: 'published-already', correctionId });
    expect((await desk.cases.get(c.id))?.version).toBe(c.version + 1);
    expect((await readCorrection(desk.corrections, correctionId)).versions).toHaveLength(1);
    expect(await announced()).toEqual([]);
  });

  it('does nothing for a case that is not approved', async () => {
    const c = await openStaffCase(desk, editor, { text: 'x', topic: 'public-information', source: 'staff' });
    expect(await publishCorrection(desk, c.id)).toEqual({ outcome: 'nothing-to-do' });
  });
});

describe('amending a correction', () => {
  it('adds version 2 and leaves version 1 exactly as it was', async () => {
    const c = await approved();
    await publishCorrection(desk, c.id);
    await announced();
    const correctionId = (await desk.cases.get(c.id))?.correctionId ?? '';
    const before = await readCorrection(desk.corrections, correctionId);

    const amendment = await amendCorrection(desk, editor, correctionId, '补充说明受伤人员已出院');
    expect(amendment).toMatchObject({
      status: 'drafting',
      source: 'amendment',
      amends: correctionId,
      version: 1,
    });
    expect(amendment.draft).toMatchObject({
      headline: before.headline,
      body: before.body,
      author: editor.id,
    });
    await expect(amendCorrection(desk, reviewer, correctionId, 'x')).rejects.toThrow(/do not allow "amend"/);

    let a = await act(amendment, reviewer, {
      action: 'draft',
      draft: { type: 'correction', headline: '关于伤亡人数的更正（更新）', body: '受伤人数为1人，已出院。' },
    });
    a = await act(a, reviewer, { action: 'submit' });
    await expect(act(a, reviewer, { action: 'approve' })).rejects.toBeInstanceOf(PermissionDenied);
    a = await act(a, editor, { action: 'approve' });
    expect((await publishCorrection(desk, a.id)).outcome).toBe('published');

    const after = await readCorrection(desk.corrections, correctionId);
    expect(after).toMatchObject({
      version: 2,
      headline: '关于伤亡人数的更正（更新）',
      publishedAt: before.publishedAt,
    });
    expect(after.versions[0]).toEqual(before.versions[0]);
    expect(after.versions[1]).toMatchObject({ version: 2, note: '补充说明受伤人员已出院' });
    expect((await announced()).map((event) => [event.correctionId, event.version])).toEqual([
      [correctionId, 2],
    ]);
  });

  it('cannot approve an amendment drafted by the approver', async () => {
    const c = await approved();
    await publishCorrection(desk, c.id);
    const correctionId = (await desk.cases.get(c.id))?.correctionId ?? '';
    let a = await amendCorrection(desk, editor, correctionId, '措辞调整');
    a = await act(a, editor, { action: 'submit' });
    await expect(act(a, editor, { action: 'approve' })).rejects.toBeInstanceOf(ActionNotAllowed);
  });
});
