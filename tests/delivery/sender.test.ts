import { beforeAll, describe, expect, it } from 'vitest';
import { SqsDeliveryQueues } from '../../shared/adapters/sqs/delivery-queues.ts';
import type { DeliveryJob } from '../../shared/domain/delivery.ts';
import { deliveryKey } from '../../shared/domain/delivery.ts';
import { recipientHash } from '../../shared/domain/recipient.ts';
import type { Email, EmailSender } from '../../shared/ports/messaging.ts';
import { firstStep, planDelivery } from '../../shared/usecases/plan-delivery.ts';
import { DeliveryFailed, sendDelivery } from '../../shared/usecases/send-delivery.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { publish } from '../support/flows.ts';
import { testQueue } from '../support/queues.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

/** A reporter's case, published; returns the reply job the planner queues for them. */
async function publishedReport(address: string): Promise<{ job: DeliveryJob; correctionId: string }> {
  const receipt = await submitReport(desk, { text: '受伤人数有误', contact: { email: address } });
  const published = await publish(desk, receipt.caseId);
  const correctionId = published.correctionId ?? '';
  return {
    correctionId,
    job: {
      kind: 'reply',
      caseId: receipt.caseId,
      submissionId: receipt.submissionId,
      outcome: 'published',
      correctionId,
      version: 1,
    },
  };
}

/** An email transport that refuses its first `failures` messages: a fault no local engine produces. */
function flakyEmail(failures: number): EmailSender & { attempts: number } {
  const sender = {
    attempts: 0,
    async send(email: Email) {
      sender.attempts += 1;
      if (sender.attempts <= failures) throw new Error('SES: Throttling: Maximum sending rate exceeded');
      return desk.email.send(email);
    },
  };
  return sender;
}

describe('the planner and the sender', () => {
  it('tell the reporter once, however often the plan and the job are replayed', async () => {
    const address = 'reporter-once@example.org';
    const receipt = await submitReport(desk, {
      text: '数字有误',
      url: 'https://example.org/once',
      contact: { email: address },
    });
    await submitReport(desk, {
      text: '同一人再次报告',
      url: 'https://example.org/once',
      contact: { email: address.toUpperCase() },
    });
    const published = await publish(desk, receipt.caseId);
    const queue = await testQueue(desk.sqs);
    const deps = { ...desk, queues: new SqsDeliveryQueues(desk.sqs, queue.url, queue.url) };
    const step = firstStep({
      eventType: 'correction.published',
      correctionId: published.correctionId ?? '',
      version: 1,
      topic: published.topic,
      language: published.language,
      caseId: published.id,
      publishedAt: published.updatedAt,
    });
    // The same event planned twice (a replayed SNS message), and each job handled twice (a replayed SQS message).
    await planDelivery(deps, step);
    await planDelivery(deps, step);
    const records = await queue.receive();
    expect(records).toHaveLength(4);
    for (const record of [...records, ...records]) {
      await sendDelivery(desk, JSON.parse(record.body), { last: false });
    }
    // Either spelling of the address may be the one that went out first: it is one person either way.
    const received = (await desk.outbox.read()).filter(
      (message) => message.address.toLowerCase() === address,
    );
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      kind: 'reply',
      channel: 'email',
      correctionId: published.correctionId,
    });
    expect(received[0]?.body).toContain(`https://corrections.example.org/c/${published.correctionId}`);
    expect(received[0]?.body).toContain('关于伤亡人数的更正');
  });

  it('retries a failed send until it goes, and the delivery says so', async () => {
    const { job } = await publishedReport('flaky@example.org');
    const email = flakyEmail(2);
    const deps = { ...desk, email };
    const first = await sendDelivery(deps, job, { last: false }).catch((e) => e);
    expect(first).toBeInstanceOf(DeliveryFailed);
    const key = deliveryKey(job, recipientHash({ channel: 'email', address: 'flaky@example.org' }));
    expect(await desk.deliveries.get(key)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('Throttling'),
    });
    await expect(sendDelivery(deps, job, { last: false })).rejects.toBeInstanceOf(DeliveryFailed);
    expect(await sendDelivery(deps, job, { last: false })).toMatchObject({ outcome: 'sent' });
    expect(await desk.deliveries.get(key)).toMatchObject({
      status: 'sent',
      attempts: 3,
      messageId: expect.any(String),
    });
    expect(await desk.outbox.read('flaky@example.org')).toHaveLength(1);
    expect(await sendDelivery(deps, job, { last: false })).toMatchObject({ outcome: 'already-sent' });
    expect(email.attempts).toBe(3);
  });

  it('parks a job that keeps failing in the dead-letter queue, with the delivery marked parked', async () => {
    const { job } = await publishedReport('always-fails@example.org');
    const queue = await testQueue(desk.sqs, { maxReceiveCount: 3, visibilityTimeoutSeconds: 1 });
    await new SqsDeliveryQueues(desk.sqs, queue.url, queue.url).send([job]);
    const deps = { ...desk, email: flakyEmail(Number.POSITIVE_INFINITY) };
    // Lambda's loop, by hand: receive, try, delete on success, leave on failure (SQS retries, then parks).
    for (let round = 0; round < 12; round++) {
      for (const record of await queue.receive()) {
        const receives = Number(record.attributes.ApproximateReceiveCount);
        await sendDelivery(deps, JSON.parse(record.body), { last: receives >= 3 }).then(
          () => queue.remove(record),
          () => undefined,
        );
      }
      if ((await queue.receive(queue.dlqUrl)).length > 0) break;
    }
    const key = deliveryKey(job, recipientHash({ channel: 'email', address: 'always-fails@example.org' }));
    expect(await desk.deliveries.get(key)).toMatchObject({ status: 'parked', attempts: 3 });
    expect(await desk.outbox.read('always-fails@example.org')).toHaveLength(0);
  });
});
