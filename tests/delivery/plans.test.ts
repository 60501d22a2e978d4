/**
 * One plan per (correction, version): a replayed correction.published and a redelivered plan step
 * plan nothing new; the planned counters move once; GET /admin/corrections/{id}/deliveries reads them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SqsDeliveryQueues } from '../../shared/adapters/sqs/delivery-queues.ts';
import { NotFound } from '../../shared/domain/errors.ts';
import { deliverySummary } from '../../shared/usecases/delivery-summary.ts';
import { firstStep, planDelivery } from '../../shared/usecases/plan-delivery.ts';
import { sendDelivery } from '../../shared/usecases/send-delivery.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { editor, publish } from '../support/flows.ts';
import { testQueue } from '../support/queues.ts';
import { activeSubscriber } from '../support/subscribers.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

describe('delivery plans', () => {
  it('plan a version once: a replayed event and a redelivered step queue nothing new', async () => {
    const receipt = await submitReport(desk, {
      text: '日期有误',
      contact: { email: 'plan-reporter@example.org' },
    });
    const published = await publish(desk, receipt.caseId);
    await activeSubscriber(desk, 'plan-follower@example.org', [published.topic]);
    await activeSubscriber(desk, '+8613800001111', [published.topic]);
    // Received jobs stay out of sight while the test reads on, however loaded the machine.
    const queue = await testQueue(desk.sqs, { visibilityTimeoutSeconds: 600 });
    const deps = {
      ...desk,
      queues: new SqsDeliveryQueues(desk.sqs, { email: queue.url, sms: queue.url }, queue.url),
    };
    const correctionId = published.correctionId ?? '';
    const event = {
      eventType: 'correction.published' as const,
      correctionId,
      version: 1,
      topic: published.topic,
      language: published.language,
      caseId: published.id,
      publishedAt: published.updatedAt,
    };
    expect(await planDelivery(deps, firstStep(event))).toEqual({ planned: 3, continues: false });
    // The same event again (SNS at least once), and the same step again (SQS at least once).
    expect(await planDelivery(deps, firstStep(event))).toMatchObject({ planned: 0, stale: true });
    expect(await planDelivery(deps, { ...firstStep(event), position: { phase: 'followers' } })).toMatchObject(
      {
        planned: 0,
        stale: true,
      },
    );
    const jobs = [];
    for (let records = await queue.receive(); records.length; records = await queue.receive()) {
      jobs.push(...records);
      for (const record of records) await queue.remove(record);
    }
    expect(jobs).toHaveLength(3);

    const summary = await deliverySummary(desk, editor, correctionId);
    expect(summary).toMatchObject({
      correctionId,
      version: 1,
      email: { planned: 2, sent: 0, pending: 2 },
      sms: { planned: 1, sent: 0, pending: 1 },
      webhooks: { planned: 0, sent: 0, pending: 0 },
    });
    for (const job of jobs) await sendDelivery(desk, JSON.parse(job.body));
    expect(await deliverySummary(desk, editor, correctionId, '1')).toMatchObject({
      email: { planned: 2, sent: 2, pending: 0, failed: 0, parked: 0 },
      sms: { planned: 1, sent: 1, pending: 0 },
    });
    await expect(deliverySummary(desk, editor, correctionId, '2')).rejects.toBeInstanceOf(NotFound);
    await expect(deliverySummary(desk, editor, 'nope')).rejects.toBeInstanceOf(NotFound);
  });
});
