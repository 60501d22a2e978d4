/**
 * The sender against DynamoDB Local and fauxqs: a message goes out once per delivery key whatever is
 * replayed, a throttle is "later" and never a failure, the acceptance is recorded before anything else
 * can fail, and only real failures park. The email and SMS transports are replaced only where a fault
 * no local engine produces is needed (a throttle, a refused send).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SqsDeliveryQueues } from '../../shared/adapters/sqs/delivery-queues.ts';
import {
  backoffSeconds,
  type DeliveryJob,
  deliveryKey,
  failuresBeforeParking,
} from '../../shared/domain/delivery.ts';
import { recipientHash } from '../../shared/domain/recipient.ts';
import type { Channel } from '../../shared/domain/subscription.ts';
import type { DeliveryStore } from '../../shared/ports/delivery-store.ts';
import type { Email, EmailSender, Sms, SmsSender } from '../../shared/ports/messaging.ts';
import { isThrottle } from '../../shared/ports/messaging.ts';
import { firstStep, planDelivery } from '../../shared/usecases/plan-delivery.ts';
import { type SendBatchDeps, sendBatch } from '../../shared/usecases/send-batch.ts';
import { sendDelivery } from '../../shared/usecases/send-delivery.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { publish } from '../support/flows.ts';
import { testQueue } from '../support/queues.ts';
import { activeSubscriber } from '../support/subscribers.ts';

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
      channel: 'email',
      caseId: receipt.caseId,
      submissionId: receipt.submissionId,
      outcome: 'published',
      correctionId,
      version: 1,
    },
  };
}

/** SES's answer past the account's rate, as the SDK raises it. */
const sesThrottle = () =>
  Object.assign(new Error('Maximum sending rate exceeded.'), {
    name: 'ThrottlingException',
    $metadata: { httpStatusCode: 400 },
  });
/** SNS's answer past the SMS rate. */
const snsThrottle = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' });
/** A real refusal: nothing about the rate. */
const refused = () =>
  Object.assign(new Error('Email address is not verified: someone@example.org'), { name: 'MessageRejected' });

/** Transports that answer with `fault` while it returns an error, then hand over to the outbox. */
function faulty(fault: () => Error | undefined): { email: EmailSender; sms: SmsSender; calls: number } {
  const transports = {
    calls: 0,
    email: {
      async send(email: Email) {
        transports.calls += 1;
        const error = fault();
        if (error) throw error;
        return desk.email.send(email);
      },
    },
    sms: {
      async send(sms: Sms) {
        transports.calls += 1;
        const error = fault();
        if (error) throw error;
        return desk.sms.send(sms);
      },
    },
  };
  return transports;
}

describe('throttles', () => {
  it('are told apart from real failures by name, code or status', () => {
    expect(isThrottle(sesThrottle())).toBe(true);
    expect(isThrottle(snsThrottle())).toBe(true);
    expect(isThrottle({ name: 'TooManyRequestsException' })).toBe(true);
    expect(isThrottle({ name: 'LimitExceededException' })).toBe(true);
    expect(isThrottle({ Code: 'MaxSendRateExceeded' })).toBe(true);
    expect(isThrottle({ name: 'Error', $metadata: { httpStatusCode: 429 } })).toBe(true);
    expect(isThrottle(refused())).toBe(false);
    expect(isThrottle(new Error('socket hang up'))).toBe(false);
  });

  it('back off exponentially, capped, with jitter', () => {
    const low = (attempt: number) => backoffSeconds(attempt, () => 0);
    const high = (attempt: number) => backoffSeconds(attempt, () => 0.999);
    expect(low(1)).toBeLessThan(low(4));
    expect(high(4)).toBeGreaterThan(low(4));
    expect(high(30)).toBeLessThanOrEqual(600);
    expect(low(30)).toBeGreaterThanOrEqual(300);
  });
});

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
    const deps = {
      ...desk,
      queues: new SqsDeliveryQueues(desk.sqs, { email: queue.url, sms: queue.url }, queue.url),
    };
    const step = firstStep({
      eventType: 'correction.published',
      correctionId: published.correctionId ?? '',
      version: 1,
      topic: published.topic,
      language: published.language,
      caseId: published.id,
      publishedAt: published.updatedAt,
    });
    await planDelivery(deps, step);
    const records = await queue.receive();
    expect(records).toHaveLength(2);
    // Each job handled twice (a replayed SQS message).
    for (const record of [...records, ...records]) await sendDelivery(desk, JSON.parse(record.body));
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

  it('let a throttled delivery go without counting a failure, and send it on the next try', async () => {
    const { job } = await publishedReport('throttled@example.org');
    let throttle = true;
    const transports = faulty(() => (throttle ? sesThrottle() : undefined));
    const deps = { ...desk, ...transports };
    expect(await sendDelivery(deps, job)).toMatchObject({ outcome: 'retry', reason: 'throttled' });
    const key = deliveryKey(job, recipientHash({ channel: 'email', address: 'throttled@example.org' }));
    expect(await desk.deliveries.get(key)).toMatchObject({ status: 'waiting', failures: 0, throttles: 1 });
    throttle = false;
    expect(await sendDelivery(deps, job)).toMatchObject({ outcome: 'sent' });
    expect(await desk.deliveries.get(key)).toMatchObject({ status: 'sent', failures: 0 });
    expect(await desk.outbox.read('throttled@example.org')).toHaveLength(1);
  });

  it('retry a real failure until it goes, counting it, and keep the provider’s error name only', async () => {
    const { job, correctionId } = await publishedReport('flaky@example.org');
    let failures = 2;
    const transports = faulty(() => (failures-- > 0 ? refused() : undefined));
    const deps = { ...desk, ...transports };
    expect(await sendDelivery(deps, job)).toMatchObject({ outcome: 'retry', reason: 'failed' });
    const key = deliveryKey(job, recipientHash({ channel: 'email', address: 'flaky@example.org' }));
    const failed = await desk.deliveries.get(key);
    expect(failed).toMatchObject({ status: 'failed', failures: 1, lastError: 'MessageRejected' });
    expect(JSON.stringify(failed)).not.toContain('someone@example.org');
    expect((await desk.deliveryProgress.counts(correctionId, 1)).email).toMatchObject({ failed: 1, sent: 0 });
    expect(await sendDelivery(deps, job)).toMatchObject({ outcome: 'retry', reason: 'failed' });
    expect(await sendDelivery(deps, job)).toMatchObject({ outcome: 'sent' });
    expect(await desk.deliveries.get(key)).toMatchObject({
      status: 'sent',
      failures: 2,
      attempts: 3,
      messageId: expect.any(String),
    });
    expect((await desk.deliveryProgress.counts(correctionId, 1)).email).toMatchObject({ failed: 0, sent: 1 });
    expect(await sendDelivery(deps, job)).toMatchObject({ outcome: 'already-sent' });
    expect(transports.calls).toBe(3);
    expect(await desk.outbox.read('flaky@example.org')).toHaveLength(1);
  });

  it('never send a second copy once the provider accepted, even when marking it sent fails', async () => {
    const { job, correctionId } = await publishedReport('accepted-once@example.org');
    let markSentFailures = 2;
    const deliveries: DeliveryStore = Object.create(desk.deliveries);
    deliveries.markSent = async (...args) => {
      if (markSentFailures-- > 0) throw Object.assign(new Error('timed out'), { name: 'TimeoutError' });
      return desk.deliveries.markSent(...args);
    };
    const transports = faulty(() => undefined);
    const deps = { ...desk, ...transports, deliveries };
    await expect(sendDelivery(deps, job)).rejects.toThrow('timed out');
    const key = deliveryKey(job, recipientHash({ channel: 'email', address: 'accepted-once@example.org' }));
    expect(await desk.deliveries.get(key)).toMatchObject({
      status: 'accepted',
      messageId: expect.any(String),
    });
    // The retry (even after the lease has long run out) finds it accepted: it finishes, never sends.
    desk.clock.advance(10);
    await expect(sendDelivery(deps, job)).rejects.toThrow('timed out');
    expect(await sendDelivery(deps, job)).toMatchObject({ outcome: 'sent' });
    expect(await sendDelivery(deps, job)).toMatchObject({ outcome: 'already-sent' });
    expect(transports.calls).toBe(1);
    expect(await desk.outbox.read('accepted-once@example.org')).toHaveLength(1);
    expect((await desk.deliveryProgress.counts(correctionId, 1)).email).toMatchObject({ sent: 1, failed: 0 });
  });
});

describe('a batch', () => {
  const queued = (jobs: DeliveryJob[]) =>
    jobs.map((job, i) => ({ id: `m${i}`, body: JSON.stringify(job), receipt: `r${i}`, receives: 1 }));
  const batchDeps = (deliveries: DeliveryStore, transports: ReturnType<typeof faulty>): SendBatchDeps => ({
    ...desk,
    ...transports,
    deliveries,
    queues: { park: async () => undefined, retryLater: async () => undefined } as never,
  });

  it('marks its accepted deliveries sent in one write, and counts each once', async () => {
    const reports = await Promise.all(['batch-a@example.org', 'batch-b@example.org'].map(publishedReport));
    const writes: number[] = [];
    const deliveries: DeliveryStore = Object.create(desk.deliveries);
    deliveries.markSentMany = async (sent, now) => {
      writes.push(sent.length);
      return desk.deliveries.markSentMany(sent, now);
    };
    deliveries.markSent = async () => {
      throw new Error('one by one');
    };
    const transports = faulty(() => undefined);
    const { outcomes } = await sendBatch(
      batchDeps(deliveries, transports),
      'email',
      queued(reports.map((r) => r.job)),
      Date.now() + 5_000,
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(['sent', 'sent']);
    expect(writes).toEqual([2]);
    for (const { correctionId } of reports)
      expect((await desk.deliveryProgress.counts(correctionId, 1)).email).toMatchObject({ sent: 1 });
  });

  it('never sends a second copy when marking the batch sent fails, nor counts twice one finished elsewhere', async () => {
    const first = await publishedReport('batch-fail@example.org');
    const second = await publishedReport('batch-raced@example.org');
    const transports = faulty(() => undefined);
    const failing: DeliveryStore = Object.create(desk.deliveries);
    failing.markSentMany = async () => {
      throw Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    };
    const jobs = queued([first.job, second.job]);
    const { outcomes, failed } = await sendBatch(
      batchDeps(failing, transports),
      'email',
      jobs,
      Date.now() + 5_000,
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(['error', 'error']);
    expect(failed).toEqual(['m0', 'm1']);
    // Both come back; meanwhile another attempt (the queue handed a job over twice) finishes one.
    const racing: DeliveryStore = Object.create(desk.deliveries);
    racing.markSentMany = async (sent, now) => {
      const raced = sent[1];
      if (raced) await desk.deliveries.markSent(raced.key, now, raced.counted, raced.failures);
      return desk.deliveries.markSentMany(sent, now);
    };
    const again = await sendBatch(batchDeps(racing, transports), 'email', jobs, Date.now() + 5_000);
    // The one write fails on the finished one: each is then finished alone, none sent or counted twice.
    expect(again.outcomes.map((o) => o.outcome)).toEqual(['sent', 'sent']);
    expect(transports.calls).toBe(2);
    for (const { correctionId } of [first, second])
      expect((await desk.deliveryProgress.counts(correctionId, 1)).email).toMatchObject({
        sent: 1,
        failed: 0,
      });
    expect(await desk.outbox.read('batch-fail@example.org')).toHaveLength(1);
    expect(await desk.outbox.read('batch-raced@example.org')).toHaveLength(1);
  });
});

/** Lambda's loop over a real queue: receive, run the batch, delete what is done, until `done`. */
async function drain(
  deps: SendBatchDeps,
  queue: Awaited<ReturnType<typeof testQueue>>,
  done: () => Promise<boolean>,
) {
  for (let round = 0; round < 200 && !(await done()); round++) {
    const records = await queue.receive();
    if (!records.length) continue;
    const { failed } = await sendBatch(
      deps,
      'email',
      records.map((record) => ({
        id: record.messageId,
        body: record.body,
        receipt: record.receiptHandle,
        receives: Number(record.attributes.ApproximateReceiveCount),
      })),
      Date.now() + 5_000,
    );
    for (const record of records.filter((r) => !failed.includes(r.messageId))) await queue.remove(record);
  }
}

/** The real queues, with the backoff compressed to nothing so the test takes seconds. */
function compressedQueues(queue: Awaited<ReturnType<typeof testQueue>>) {
  const real = new SqsDeliveryQueues(desk.sqs, { email: queue.url, sms: queue.url }, queue.url);
  const delays: number[] = [];
  return {
    delays,
    queues: Object.assign(Object.create(real), {
      retryLater: (channel: Channel, receipts: Array<{ receipt: string; seconds: number }>) => {
        delays.push(...receipts.map((r) => r.seconds));
        return real.retryLater(
          channel,
          receipts.map((r) => ({ ...r, seconds: 0 })),
        );
      },
    }) as SqsDeliveryQueues,
  };
}

describe('a throttle storm', () => {
  it('delivers everything, once, with nothing parked, however often each message was throttled', async () => {
    const emails = Array.from({ length: 6 }, (_, i) => `storm-${i}@example.org`);
    const phones = Array.from({ length: 6 }, (_, i) => `+86138000077${String(i).padStart(2, '0')}`);
    const ids = await Promise.all(
      [...emails, ...phones].map((a) => activeSubscriber(desk, a, ['public-information'])),
    );
    const { correctionId } = await publishedReport('storm-reporter@example.org');
    const jobs: DeliveryJob[] = ids.map((subscriptionId, i) => ({
      kind: 'correction',
      channel: i < emails.length ? 'email' : 'sms',
      correctionId,
      version: 1,
      subscriptionId,
    }));
    const queue = await testQueue(desk.sqs, { maxReceiveCount: 100, visibilityTimeoutSeconds: 1 });
    const { queues, delays } = compressedQueues(queue);
    await queues.send(jobs);
    // Every send is throttled for the storm's first calls: more per message than parking allows failures.
    const throttledCalls = jobs.length * (failuresBeforeParking + 1);
    const transports = faulty(() => (transports.calls <= throttledCalls ? snsThrottle() : undefined));
    const deps = { ...desk, ...transports, queues };
    const delivered = async () =>
      (await desk.outbox.read()).filter((m) => m.kind === 'correction' && m.correctionId === correctionId);
    await drain(deps, queue, async () => (await delivered()).length >= jobs.length);

    const messages = await delivered();
    expect(messages.map((m) => m.address).sort()).toEqual([...emails, ...phones].sort());
    expect(transports.calls).toBeGreaterThan(throttledCalls);
    expect(await queue.receive(queue.dlqUrl)).toHaveLength(0);
    const counts = await desk.deliveryProgress.counts(correctionId, 1);
    expect(counts.email).toMatchObject({ sent: 6, failed: 0, parked: 0 });
    expect(counts.sms).toMatchObject({ sent: 6, failed: 0, parked: 0 });
    // The delays asked of the queue grew with each throttle.
    expect(Math.max(...delays)).toBeGreaterThan(Math.min(...delays));
  });

  it('parks a job only after real failures, in the dead-letter queue, with the delivery parked', async () => {
    const { job, correctionId } = await publishedReport('always-fails@example.org');
    const queue = await testQueue(desk.sqs, { maxReceiveCount: 100, visibilityTimeoutSeconds: 1 });
    const { queues } = compressedQueues(queue);
    await queues.send([job]);
    const transports = faulty(() => refused());
    const deps = { ...desk, ...transports, queues };
    let parked: unknown[] = [];
    await drain(deps, queue, async () => {
      parked = await queue.receive(queue.dlqUrl);
      return parked.length > 0;
    });
    expect(parked).toHaveLength(1);
    const key = deliveryKey(job, recipientHash({ channel: 'email', address: 'always-fails@example.org' }));
    expect(await desk.deliveries.get(key)).toMatchObject({
      status: 'parked',
      failures: failuresBeforeParking,
    });
    expect(transports.calls).toBe(failuresBeforeParking);
    expect(await desk.outbox.read('always-fails@example.org')).toHaveLength(0);
    expect((await desk.deliveryProgress.counts(correctionId, 1)).email).toMatchObject({
      parked: 1,
      failed: 0,
      sent: 0,
    });
  });
});
