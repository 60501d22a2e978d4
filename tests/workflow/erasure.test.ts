/**
 * Personal data that expires and can be erased, against DynamoDB Local: a reporter's contact details
 * expire (TTL) a set time after the case ends while the report stays; delivery records expire a set
 * time after they are written; an erasure removes an address from every subscription, contact and
 * delivery record, suppresses it as `erased` and writes an audit entry without it.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import * as keys from '../../shared/adapters/dynamodb/item-keys.ts';
import { type DeliveryJob, deliveryKey } from '../../shared/domain/delivery.ts';
import { PermissionDenied } from '../../shared/domain/errors.ts';
import { type Recipient, recipientHash } from '../../shared/domain/recipient.ts';
import { randomDigits, randomId } from '../../shared/security/tokens.ts';
import { erasePerson } from '../../shared/usecases/erase-person.ts';
import { listSuppressions } from '../../shared/usecases/list-suppressions.ts';
import { expireContactsOnEnd } from '../../shared/usecases/notify.ts';
import { requestSubscription } from '../../shared/usecases/request-subscription.ts';
import { sendDelivery } from '../../shared/usecases/send-delivery.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { continuations } from '../support/continuations.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { act, editor, publish } from '../support/flows.ts';
import { activeSubscriber } from '../support/subscribers.ts';

let desk: TestDesk;
let run: Awaited<ReturnType<typeof continuations>>;
beforeAll(async () => {
  desk = await testDesk();
  run = await continuations(desk);
});

const admin = { id: 'admin-chen', roles: ['admin' as const] };
const day = 24 * 60 * 60;
const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The item as stored, TTL attribute and index keys included. */
async function stored(key: { pk: string; sk: string }) {
  const result = await desk.documents.send(
    new GetCommand({ TableName: desk.tableName, Key: key, ConsistentRead: true }),
  );
  return result.Item;
}

/** Everything the table keeps under the person's recipient hash (the index an erasure reads). */
async function indexedUnder(recipient: Recipient) {
  const result = await desk.documents.send(
    new QueryCommand({
      TableName: desk.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `RECIPIENT#${recipientHash(recipient)}` },
    }),
  );
  return result.Items ?? [];
}

/**
 * The erasure as the admin API runs it, its continuation on the test's own plan queue; a minute
 * later than the last, so the newest audit entry is this one.
 */
const erase = (recipient: Recipient) => {
  desk.clock.advance(1);
  return erasePerson(run.deps, admin, recipient);
};

/** A reporter's case published, their reply sent: the submission and the reply's delivery key. */
async function reportedAndTold(contact: { email?: string; phone?: string }) {
  const receipt = await submitReport(desk, {
    text: `数字有误 ${randomId(6)}`,
    url: `https://example.org/news/${randomId(8)}`,
    contact,
  });
  const published = await publish(desk, receipt.caseId);
  const job: DeliveryJob = {
    kind: 'reply',
    channel: contact.email ? 'email' : 'sms',
    caseId: receipt.caseId,
    submissionId: receipt.submissionId,
    outcome: 'published',
    correctionId: published.correctionId ?? '',
    version: 1,
  };
  expect(await sendDelivery(desk, job)).toMatchObject({ outcome: 'sent' });
  const recipient: Recipient = contact.email
    ? { channel: 'email', address: contact.email }
    : { channel: 'sms', address: contact.phone ?? '' };
  return { receipt, published, job, key: deliveryKey(job, recipientHash(recipient)) };
}

describe('retention', () => {
  it('gives a delivery record a TTL of deliveryRecordDays from when it is written; its counters stay', async () => {
    expect(desk.config.deliveryRecordDays).toBe(180);
    const address = `kept-${randomId(6)}@example.org`;
    const { key, published } = await reportedAndTold({ email: address });
    const record = await stored(keys.delivery(key));
    expect(record).toMatchObject({ status: 'sent', recipientHash: expect.any(String) });
    const now = epoch(desk.clock.now());
    expect(record?.expiresAt).toBeGreaterThanOrEqual(now + 180 * day - 5);
    expect(record?.expiresAt).toBeLessThanOrEqual(now + 180 * day + 5);
    expect((await desk.deliveryProgress.counts(published.correctionId ?? '', 1)).email.sent).toBe(1);
  });

  it('expires a reporter’s contact reporterContactDays after the case closes; the report stays', async () => {
    expect(desk.config.reporterContactDays).toBe(90);
    const email = `closing-${randomId(6)}@example.org`;
    const receipt = await submitReport(desk, {
      text: '标题中的日期有误',
      url: `https://example.org/news/${randomId(8)}`,
      contact: { email, phone: `+86139${randomDigits(8)}` },
    });
    // Contact details live apart from the report, indexed by the person, with no expiry while open.
    const submissionItem = await stored(keys.submission(receipt.submissionId));
    expect(submissionItem?.contact).toBeUndefined();
    expect(JSON.stringify(submissionItem)).not.toContain(email);
    const contactItem = await stored(keys.contact(receipt.submissionId, 'email'));
    expect(contactItem).toMatchObject({ address: email, channel: 'email' });
    expect(contactItem?.expiresAt).toBeUndefined();
    expect((await desk.submissions.get(receipt.submissionId))?.contact?.email).toBe(email);

    const opened = await desk.cases.get(receipt.caseId);
    if (!opened) throw new Error('no case');
    const closed = await act(desk, opened, editor, { action: 'close', reason: '不属实' });
    // As the notifier does with the closed case's stream record, then the continuation's steps.
    expect(await expireContactsOnEnd(run.deps, opened, closed)).toBe(true);
    const steps = await run.drain();
    expect(steps.filter((step) => step.kind === 'contact-expiry')).toHaveLength(1);
    const expiresAt = epoch(closed.updatedAt) + 90 * day;
    expect((await stored(keys.contact(receipt.submissionId, 'email')))?.expiresAt).toBe(expiresAt);
    expect((await stored(keys.contact(receipt.submissionId, 'sms')))?.expiresAt).toBe(expiresAt);
    expect((await stored(keys.submission(receipt.submissionId)))?.expiresAt).toBeUndefined();
    // Again: nothing new (the first expiry stands).
    expect((await desk.submissionUpkeep.expireContacts(closed.id, new Date().toISOString())).expired).toBe(0);
    expect((await stored(keys.contact(receipt.submissionId, 'email')))?.expiresAt).toBe(expiresAt);

    // Past it, the contact reads as gone even before DynamoDB's TTL removes the item; the report stays.
    desk.clock.advance(91 * 24 * 60);
    const later = await desk.submissions.get(receipt.submissionId);
    expect(later?.contact).toBeUndefined();
    expect(later?.text).toBe('标题中的日期有误');
  });
});

describe('POST /admin/erasures (the use case)', () => {
  it('erases an email address everywhere, suppresses it as erased and audits it without the address', async () => {
    const email = `erase-me-${randomId(6)}@example.org`;
    const phone = `+86138${randomDigits(8)}`;
    const subscriptionId = await activeSubscriber(desk, email, ['personnel']);
    const first = await reportedAndTold({ email, phone });
    const second = await reportedAndTold({ email: email.toUpperCase() });
    const recipient: Recipient = { channel: 'email', address: email };
    expect((await indexedUnder(recipient)).length).toBeGreaterThanOrEqual(6);

    const receipt = await erase({ channel: 'email', address: ` ${email.toUpperCase()}` });
    // Two replies and the subscription's confirmation, which the sender sent and recorded too.
    expect(receipt).toEqual({ subscriptions: 1, submissions: 2, deliveries: 3 });
    expect(await run.waiting()).toEqual([]);

    // The subscription, its follows and its address claim are gone.
    expect(await desk.subscriptions.get(subscriptionId)).toBeUndefined();
    expect(await stored(keys.follow(subscriptionId, 'personnel'))).toBeUndefined();
    expect(await stored(keys.subscriberAddress(recipientHash(recipient)))).toBeUndefined();
    // Each submission keeps its report and loses the email (the phone, another address, stays).
    const report = await desk.submissions.get(first.receipt.submissionId);
    expect(report?.contact).toEqual({ phone });
    expect(report?.text).toMatch(/^数字有误/);
    expect((await desk.submissions.get(second.receipt.submissionId))?.contact).toBeUndefined();
    // The delivery records of the person are gone; the version's counters are not.
    expect(await desk.deliveries.get(first.key)).toBeUndefined();
    expect(await desk.deliveries.get(second.key)).toBeUndefined();
    expect((await desk.deliveryProgress.counts(first.published.correctionId ?? '', 1)).email.sent).toBe(1);
    // Nothing is left under the person's hash but the suppression.
    expect(await indexedUnder(recipient)).toEqual([]);
    expect(await desk.suppressions.isSuppressed(recipient)).toBe(true);
    const suppressions = await listSuppressions(desk.suppressionList, admin, { limit: 1 });
    expect(suppressions.items[0]).toMatchObject({ channel: 'email', reason: 'erased', maskedAddress: '' });

    // The audit entry: who, when, the keyed hash and the counts; never the address.
    const audit = await desk.personalData.erasures({ limit: 1 });
    expect(audit.items[0]).toMatchObject({
      actor: admin.id,
      channel: 'email',
      addressHash: recipientHash(recipient),
      subscriptions: 1,
      submissions: 2,
      deliveries: 3,
      continued: false,
    });
    const everything = JSON.stringify([audit, suppressions]).toLowerCase();
    expect(everything).not.toContain(email);
    expect(everything).not.toContain(email.split('@')[0]);

    // Erasing again is fine and finds nothing more.
    expect(await erase(recipient)).toEqual({ subscriptions: 0, submissions: 0, deliveries: 0 });
    // A new request for the address stores and sends nothing: it stays suppressed.
    const before = (await desk.outbox.read(email)).length;
    const again = await requestSubscription(desk, { channel: 'email', address: email, topics: ['*'] });
    expect(again.status).toBe('suppressed');
    expect(await desk.subscriptions.findByAddress('email', email)).toBeUndefined();
    expect(await desk.outbox.read(email)).toHaveLength(before);
    // And nothing more is sent to it: a reply job for an old report finds no contact.
    expect(await sendDelivery(desk, second.job)).toMatchObject({ outcome: 'nobody-to-send-to' });
    expect(await desk.outbox.read(email)).toHaveLength(before);
  });

  it('erases a phone number the same way, and an address that was bounced becomes erased', async () => {
    const phone = `+86137${randomDigits(8)}`;
    const subscriptionId = await activeSubscriber(desk, phone, ['*']);
    const told = await reportedAndTold({ phone });
    const recipient: Recipient = { channel: 'sms', address: phone };
    await desk.suppressions.suppress({
      channel: 'sms',
      addressHash: recipientHash(recipient),
      maskedAddress: '+86*******0000',
      reason: 'opt_out',
      at: desk.clock.now(),
    });

    // The reply and the subscription's verification code.
    expect(await erase(recipient)).toEqual({ subscriptions: 1, submissions: 1, deliveries: 2 });
    expect(await desk.subscriptions.get(subscriptionId)).toBeUndefined();
    expect((await desk.submissions.get(told.receipt.submissionId))?.contact).toBeUndefined();
    expect(await desk.deliveries.get(told.key)).toBeUndefined();
    expect(await indexedUnder(recipient)).toEqual([]);
    const suppression = await stored(keys.suppression(recipientHash(recipient)));
    expect(suppression).toMatchObject({ reason: 'erased', maskedAddress: '' });
    const audit = await desk.personalData.erasures({ limit: 5 });
    expect(JSON.stringify(audit)).not.toContain(phone);
    expect(JSON.stringify(audit)).not.toContain(phone.slice(-8));
  });

  it('erases the first page in the request and hands the rest to a continuation', async () => {
    const recipient: Recipient = { channel: 'email', address: `many-${randomId(6)}@example.org` };
    const hash = recipientHash(recipient);
    const keysWritten: string[] = [];
    for (let i = 0; i < 130; i++) {
      const key = `old-correction-${i}#1#${hash}`;
      keysWritten.push(key);
      await desk.deliveries.claim(
        { key, kind: 'correction', channel: 'email', recipientHash: hash, topic: 'personnel' },
        desk.clock.now(),
        60,
      );
    }
    const receipt = await erase(recipient);
    expect(receipt).toEqual({ subscriptions: 0, submissions: 0, deliveries: 100 });
    const audit = await desk.personalData.erasures({ limit: 1 });
    expect(audit.items[0]).toMatchObject({ addressHash: hash, deliveries: 100, continued: true });
    const steps = await run.drain();
    expect(steps.map((step) => step.kind)).toEqual(['erasure']);
    expect(JSON.stringify(steps)).not.toContain(recipient.address);
    expect(await indexedUnder(recipient)).toEqual([]);
    for (const key of keysWritten.slice(0, 5).concat(keysWritten.slice(-5)))
      expect(await desk.deliveries.get(key)).toBeUndefined();
  });

  it('is for admins only', async () => {
    await expect(
      erasePerson(run.deps, editor, {
        channel: 'email',
        address: 'someone@example.org',
      }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect(await desk.suppressions.isSuppressed({ channel: 'email', address: 'someone@example.org' })).toBe(
      false,
    );
  });
});
