/**
 * One send queue per channel (fauxqs and DynamoDB Local): every job goes to its channel's queue, a
 * sender's retries and parking stay on the queue it read from, and a confirmation job (what the
 * public function queues instead of calling a provider) is rendered by the sender with the secret
 * the request was stored with: the link confirms, the code verifies, a newer request silences it.
 */
import { DeleteMessageCommand } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqsDeliveryQueues } from '../../shared/adapters/sqs/delivery-queues.ts';
import type { ConfirmationJob, DeliveryJob } from '../../shared/domain/delivery.ts';
import { recipientHash } from '../../shared/domain/recipient.ts';
import { type Channel, requested } from '../../shared/domain/subscription.ts';
import { randomId } from '../../shared/security/tokens.ts';
import { confirmEmail } from '../../shared/usecases/confirm-subscription.ts';
import { confirmationSecret } from '../../shared/usecases/queued-confirmation.ts';
import { sendBatch } from '../../shared/usecases/send-batch.ts';
import { sendDelivery } from '../../shared/usecases/send-delivery.ts';
import { verifySms } from '../../shared/usecases/verify-subscription.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { testQueue } from '../support/queues.ts';
import { confirmLink, smsCode } from '../support/subscribers.ts';

let desk: TestDesk;
let email: Awaited<ReturnType<typeof testQueue>>;
let sms: Awaited<ReturnType<typeof testQueue>>;
let plan: Awaited<ReturnType<typeof testQueue>>;
let queues: SqsDeliveryQueues;

beforeAll(async () => {
  desk = await testDesk();
  [email, sms, plan] = await Promise.all([testQueue(desk.sqs), testQueue(desk.sqs), testQueue(desk.sqs)]);
  queues = new SqsDeliveryQueues(desk.sqs, { email: email.url, sms: sms.url }, plan.url);
});

/** Every job waiting on a queue, each taken off it. */
async function bodies(queue: typeof email, url = queue.url): Promise<DeliveryJob[]> {
  const found: DeliveryJob[] = [];
  for (;;) {
    const records = await queue.receive(url);
    if (records.length === 0) return found;
    for (const record of records) {
      found.push(JSON.parse(record.body));
      await desk.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: record.receiptHandle }));
    }
  }
}

/** A subscription request stored as the subscribe form stores it, with the derivable secret. */
async function pendingRequest(channel: Channel, address: string) {
  const now = desk.clock.now();
  const id = randomId(16);
  const subscription = requested(
    undefined,
    {
      channel,
      address,
      addressHash: recipientHash({ channel, address }),
      topics: ['public-information'],
      follows: [],
      frequency: 'immediate',
      language: 'zh-CN',
    },
    confirmationSecret(desk.signer, channel, id, now),
    now,
    id,
  );
  await desk.subscriptions.create(subscription);
  const job: ConfirmationJob = { kind: 'confirmation', channel, subscriptionId: id, requestedAt: now };
  return { id, job };
}

describe('the send queues', () => {
  it('put each job on its own channel’s queue, confirmations too', async () => {
    const jobs: DeliveryJob[] = [
      { kind: 'correction', channel: 'email', correctionId: 'c1', version: 1, subscriptionId: 'e1' },
      { kind: 'correction', channel: 'sms', correctionId: 'c1', version: 1, subscriptionId: 's1' },
      { kind: 'reply', channel: 'sms', caseId: 'k1', submissionId: 'r1', outcome: 'closed' },
      {
        kind: 'digest',
        channel: 'email',
        subscriptionId: 'e2',
        period: 'daily#2026-11-28',
        correctionIds: [],
      },
    ];
    await queues.send(jobs);
    await queues.sendConfirmation({
      kind: 'confirmation',
      channel: 'sms',
      subscriptionId: 's2',
      requestedAt: desk.clock.now(),
    });
    const onEmail = await bodies(email);
    const onSms = await bodies(sms);
    expect(onEmail.map((job) => job.channel)).toEqual(['email', 'email']);
    expect(onEmail.map((job) => job.kind).sort()).toEqual(['correction', 'digest']);
    expect(onSms.map((job) => job.channel)).toEqual(['sms', 'sms', 'sms']);
    expect(onSms.map((job) => job.kind).sort()).toEqual(['confirmation', 'correction', 'reply']);
    expect(await bodies(plan)).toEqual([]);
  });

  it('park a job in the dead-letter queue of the queue it came from', async () => {
    const job: DeliveryJob = {
      kind: 'correction',
      channel: 'sms',
      correctionId: 'c2',
      version: 1,
      subscriptionId: 's3',
    };
    await queues.park('sms', [JSON.stringify(job)]);
    expect(await bodies(sms, sms.dlqUrl)).toEqual([job]);
    expect(await bodies(email, email.dlqUrl)).toEqual([]);
  });
});

describe('a channel’s sender', () => {
  it('hands a job whose person is on the other channel to that channel’s queue, sending nothing', async () => {
    const address = `elsewhere-${randomId(6)}@example.org`;
    const { job } = await pendingRequest('email', address);
    // An SMS sender (no email provider) given an email person's job, as a job labelled wrongly would be.
    const { email: _email, ...smsOnly } = desk;
    const { failed, outcomes } = await sendBatch(
      { ...smsOnly, queues },
      'sms',
      [{ id: 'm1', body: JSON.stringify({ ...job, channel: 'sms' }), receipt: 'r1', receives: 1 }],
      Date.now() + 5_000,
    );
    expect(failed).toEqual([]);
    expect(outcomes).toEqual([{ outcome: 'elsewhere', channel: 'email' }]);
    expect(await bodies(email)).toEqual([job]);
    expect(await bodies(sms)).toEqual([]);
    expect(await desk.outbox.read(address)).toEqual([]);
  });
});

describe('a queued confirmation', () => {
  it('by email: the sender sends the link the request was stored with, and it confirms', async () => {
    const address = `queued-${randomId(6)}@example.org`;
    const { id, job } = await pendingRequest('email', address);
    await queues.sendConfirmation(job);
    const [record] = await email.receive();
    const { failed } = await sendBatch(
      { ...desk, queues },
      'email',
      [{ id: 'm1', body: record?.body ?? '', receipt: record?.receiptHandle ?? '', receives: 1 }],
      Date.now() + 5_000,
    );
    expect(failed).toEqual([]);
    const link = await confirmLink(desk, address);
    expect(link.id).toBe(id);
    expect(await confirmEmail(desk, id, link.token)).toMatchObject({ subscription: { status: 'active' } });
    // Handled again (a redelivered message): one confirmation, as for any delivery.
    expect(await sendDelivery(desk, job)).toMatchObject({ outcome: 'nobody-to-send-to' });
    expect((await desk.outbox.read(address)).filter((m) => m.kind === 'confirmation')).toHaveLength(1);
  });

  it('by SMS: the sender texts the code the request was stored with, and it verifies', async () => {
    const phone = `+861380013${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const { id, job } = await pendingRequest('sms', phone);
    expect(await sendDelivery(desk, job)).toMatchObject({ outcome: 'sent', channel: 'sms' });
    expect(await sendDelivery(desk, job)).toMatchObject({ outcome: 'already-sent' });
    const sent = (await desk.outbox.read(phone)).filter((m) => m.kind === 'verification_code');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).not.toContain(id);
    expect(await verifySms(desk, id, await smsCode(desk, phone))).toMatchObject({ status: 'active' });
  });

  it('sends nothing once a newer request replaced it', async () => {
    const address = `replaced-${randomId(6)}@example.org`;
    const first = await pendingRequest('email', address);
    desk.clock.advance(1);
    const stored = await desk.subscriptions.get(first.id);
    const now = desk.clock.now();
    if (!stored?.confirmation) throw new Error('no pending request');
    const next = requested(
      stored,
      {
        ...stored.confirmation,
        follows: [],
        frequency: 'immediate',
        channel: 'email',
        address,
        addressHash: stored.addressHash,
      },
      confirmationSecret(desk.signer, 'email', first.id, now),
      now,
      first.id,
    );
    await desk.subscriptions.save(stored, next);
    expect(await sendDelivery(desk, first.job)).toMatchObject({
      outcome: 'nobody-to-send-to',
      reason: 'a newer request replaced it',
    });
    expect(await desk.outbox.read(address)).toEqual([]);
  });

  it('derives six digits by SMS and a token by email, different per request', () => {
    const code = confirmationSecret(desk.signer, 'sms', 'sub1', '2026-11-29T05:00:00.000Z');
    expect(code).toMatch(/^\d{6}$/);
    expect(confirmationSecret(desk.signer, 'sms', 'sub1', '2026-11-29T05:00:00.000Z')).toBe(code);
    const codes = new Set(
      Array.from({ length: 50 }, (_, i) => confirmationSecret(desk.signer, 'sms', 'sub1', `t${i}`)),
    );
    expect(codes.size).toBeGreaterThan(45);
    expect(confirmationSecret(desk.signer, 'email', 'sub1', 't0')).toMatch(/^\w+\.[\w-]{40,}$/);
  });
});
