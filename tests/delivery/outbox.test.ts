/**
 * The transactional outbox against DynamoDB Local and fauxqs: a publication writes its announcement
 * in the same transaction; the announcer relays it to the topic once; a lost publish is found by the
 * sweeper and delivered once; a case stuck in approved is published by the sweeper; an editor's
 * re-announcement is recorded and reaches only whoever has no sent delivery.
 */
import { SubscribeCommand } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqsDeliveryQueues } from '../../shared/adapters/sqs/delivery-queues.ts';
import type { DeliveryJob } from '../../shared/domain/delivery.ts';
import { NotFound, PermissionDenied } from '../../shared/domain/errors.ts';
import type { CorrectionEvents } from '../../shared/ports/correction-events.ts';
import type { PlanStep } from '../../shared/ports/delivery-queues.ts';
import { announce } from '../../shared/usecases/announce.ts';
import { firstStep, planDelivery } from '../../shared/usecases/plan-delivery.ts';
import { publishCorrection } from '../../shared/usecases/publish-correction.ts';
import { reannounce } from '../../shared/usecases/reannounce.ts';
import { sendDelivery } from '../../shared/usecases/send-delivery.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { sweep } from '../../shared/usecases/sweep.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { approve, editor, reviewer } from '../support/flows.ts';
import { testQueue } from '../support/queues.ts';
import { activeSubscriber } from '../support/subscribers.ts';

let desk: TestDesk;
let events: Awaited<ReturnType<typeof testQueue>>;
let sends: Awaited<ReturnType<typeof testQueue>>;

beforeAll(async () => {
  desk = await testDesk();
  events = await testQueue(desk.sqs);
  sends = await testQueue(desk.sqs);
  const { Attributes } = await desk.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: events.url, AttributeNames: ['QueueArn'] }),
  );
  await desk.sns.send(
    new SubscribeCommand({
      TopicArn: desk.config.correctionEventsTopicArn,
      Protocol: 'sqs',
      Endpoint: Attributes?.QueueArn,
      Attributes: { RawMessageDelivery: 'true' },
    }),
  );
});

/** Every event on the topic now, taken off the queue. */
async function takeEvents(): Promise<Array<Record<string, unknown>>> {
  const records = await events.receive();
  for (const record of records) await events.remove(record);
  return records.map((record) => JSON.parse(record.body));
}

/** The planner and the sender, by hand, for every event given: what reached people. */
async function deliver(published: Array<Record<string, unknown>>): Promise<void> {
  const queues = new SqsDeliveryQueues(desk.sqs, { email: sends.url, sms: sends.url }, sends.url);
  for (const event of published) {
    await planDelivery({ ...desk, queues }, firstStep(event as unknown as Parameters<typeof firstStep>[0]));
  }
  for (let records = await sends.receive(); records.length; records = await sends.receive()) {
    for (const record of records) {
      const message = JSON.parse(record.body) as DeliveryJob | PlanStep;
      if ('eventType' in message) await planDelivery({ ...desk, queues }, message);
      else await sendDelivery(desk, message);
      await sends.remove(record);
    }
  }
}

/** A reported case, approved and published by the publisher's use case. */
async function publishedReport(address: string) {
  const receipt = await submitReport(desk, { text: '通报中的时间有误', contact: { email: address } });
  await approve(desk, receipt.caseId);
  const result = await publishCorrection(desk, receipt.caseId);
  if (result.outcome !== 'published') throw new Error(result.outcome);
  return { caseId: receipt.caseId, correction: result.correction };
}

describe('the outbox', () => {
  it('writes the announcement with the publication, and the announcer relays it once', async () => {
    const { correction, caseId } = await publishedReport('outbox-1@example.org');
    const ref = { correctionId: correction.id, version: 1, round: 0 };
    expect(await desk.announcements.get(ref)).toMatchObject({
      status: 'pending',
      caseId,
      topic: correction.topic,
    });
    expect(await takeEvents()).toEqual([]);

    expect(await announce(desk, ref)).toBe('announced');
    expect(await announce(desk, ref)).toBe('done-already');
    expect(await desk.announcements.get(ref)).toMatchObject({
      status: 'done',
      announcedAt: expect.any(String),
    });
    const published = await takeEvents();
    expect(published).toEqual([
      expect.objectContaining({
        eventType: 'correction.published',
        correctionId: correction.id,
        version: 1,
        caseId,
      }),
    ]);
    expect(published[0]).not.toHaveProperty('round');
  });

  it('loses nothing when the publish to SNS fails: the sweeper finds it and it is delivered once', async () => {
    const address = 'lost-publish@example.org';
    const { correction } = await publishedReport(address);
    const ref = { correctionId: correction.id, version: 1, round: 0 };
    const down: CorrectionEvents = {
      published: async () => {
        throw Object.assign(new Error('SNS is unavailable'), { name: 'InternalErrorException' });
      },
    };
    // The stream's every retry fails, then the record is dropped: the announcement stays pending.
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(announce({ ...desk, events: down }, ref)).rejects.toThrow('SNS is unavailable');
    }
    expect(await takeEvents()).toEqual([]);

    // Within its grace period the sweeper leaves it to the stream; after it, it re-drives it, once.
    expect(await sweep(desk)).toEqual({ cases: 0, announcements: 0 });
    desk.clock.advance(5);
    expect(await sweep(desk)).toEqual({ cases: 0, announcements: 1 });
    expect(await sweep(desk)).toEqual({ cases: 0, announcements: 0 });
    const published = await takeEvents();
    expect(published.map((e) => [e.correctionId, e.version])).toEqual([[correction.id, 1]]);

    await deliver(published);
    const received = await desk.outbox.read(address);
    expect(received.map((m) => [m.kind, m.correctionId])).toEqual([['reply', correction.id]]);
  });

  it('publishes a case stuck in approved (the stream gave up on it) once it is overdue', async () => {
    const receipt = await submitReport(desk, { text: '地址有误', contact: { email: 'stuck@example.org' } });
    await approve(desk, receipt.caseId);
    expect(await sweep(desk)).toMatchObject({ cases: 0 });
    desk.clock.advance(5);
    expect(await sweep(desk)).toMatchObject({ cases: 1 });
    const published = await desk.cases.get(receipt.caseId);
    expect(published?.status).toBe('published');
    // Its announcement was written with it; the stream (or the next sweep) relays it.
    desk.clock.advance(5);
    expect(await sweep(desk)).toEqual({ cases: 0, announcements: 1 });
    expect((await takeEvents()).map((e) => e.correctionId)).toEqual([published?.correctionId]);
  });
});

describe('re-announcing', () => {
  it('is recorded in the case history and reaches only whoever has no sent delivery', async () => {
    const first = 'reannounce-1@example.org';
    const { correction, caseId } = await publishedReport(first);
    await announce(desk, { correctionId: correction.id, version: 1, round: 0 });
    await deliver(await takeEvents());
    expect(await desk.outbox.read(first)).toHaveLength(1);
    // Someone who was not reached the first time (here: subscribed since).
    const late = 'reannounce-late@example.org';
    await activeSubscriber(desk, late, [correction.topic]);

    await expect(reannounce(desk, reviewer, correction.id)).rejects.toBeInstanceOf(PermissionDenied);
    await expect(reannounce(desk, editor, 'no-such-correction')).rejects.toBeInstanceOf(NotFound);
    desk.clock.advance(1);
    expect(await reannounce(desk, editor, correction.id)).toEqual({
      correctionId: correction.id,
      version: 1,
    });
    const history = (await desk.cases.getWithHistory(caseId))?.history ?? [];
    expect(history.at(-1)).toMatchObject({ action: 'announce', actor: editor.id });

    const [pending] = await desk.announcements.pendingBefore('9999', 10);
    expect(pending).toMatchObject({ correctionId: correction.id, version: 1 });
    expect(pending?.round).toBeGreaterThan(0);
    await announce(desk, pending as NonNullable<typeof pending>);
    const published = await takeEvents();
    expect(published).toEqual([
      expect.objectContaining({ correctionId: correction.id, round: pending?.round }),
    ]);
    await deliver(published);
    // The reporter was told already and gets nothing new; the one not reached before gets it once.
    expect(await desk.outbox.read(first)).toHaveLength(1);
    expect((await desk.outbox.read(late)).filter((m) => m.kind === 'correction')).toHaveLength(1);
  });
});
