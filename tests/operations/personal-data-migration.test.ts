/**
 * The one-off migration of personal data written before keyed hashes and retention
 * (scripts/migrate-personal-data.ts), against DynamoDB Local: items written as earlier versions
 * wrote them are re-keyed, moved and given expiries, and a second run changes nothing.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { legacyRecipientHash, migratePersonalData } from '../../scripts/migrate-personal-data.ts';
import * as keys from '../../shared/adapters/dynamodb/item-keys.ts';
import { expiresAfterDays, submissionIndexKeys } from '../../shared/adapters/dynamodb/keys.ts';
import { type Recipient, recipientHash } from '../../shared/domain/recipient.ts';
import type { Subscription } from '../../shared/domain/subscription.ts';
import { erasePerson } from '../../shared/usecases/erase-person.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { act, editor } from '../support/flows.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

const retention = { reporterContactDays: 90, deliveryRecordDays: 180 };

async function stored(key: { pk: string; sk: string }) {
  const result = await desk.documents.send(
    new GetCommand({ TableName: desk.tableName, Key: key, ConsistentRead: true }),
  );
  return result.Item;
}

const put = (item: Record<string, unknown>) =>
  desk.documents.send(new PutCommand({ TableName: desk.tableName, Item: item }));

describe('the personal data migration', () => {
  it('re-keys what it can from unsalted hashes, moves inline contacts, gives old records an expiry; twice is once', async () => {
    const now = desk.clock.now();
    const subscriber: Recipient = { channel: 'email', address: 'legacy-subscriber@example.org' };
    const reporter: Recipient = { channel: 'sms', address: '+8613912345678' };
    const legacySubscriber = legacyRecipientHash(subscriber);
    const legacyReporter = legacyRecipientHash(reporter);
    expect(legacySubscriber).not.toBe(recipientHash(subscriber));

    // A subscription, its claim and its follow, keyed as before.
    const subscription: Subscription = {
      id: 'legacysub0001',
      channel: 'email',
      address: subscriber.address,
      addressHash: legacySubscriber,
      status: 'active',
      topics: ['personnel'],
      language: 'zh-CN',
      createdAt: now,
      updatedAt: now,
      version: 2,
    };
    await desk.subscriptions.create(subscription);
    // Suppressions under the old hashes: one of a known address, one of an address nobody has now.
    for (const [addressHash, reason] of [
      [legacySubscriber, 'complaint'],
      [legacyReporter, 'opt_out'],
      ['f'.repeat(64), 'bounce'],
    ] as const) {
      await desk.suppressions.suppress({
        channel: 'email',
        addressHash,
        maskedAddress: 'x***@example.org',
        reason,
        at: now,
      });
    }
    // A closed case with a submission whose contact is inline, and its reporter's mark by old hash.
    const receipt = await submitReport(desk, {
      text: '旧版本的报告',
      url: 'https://example.org/news/legacy',
    });
    const legacySubmission = {
      id: 'legacysubm001',
      caseId: receipt.caseId,
      text: '旧版本的报告（附联系方式）',
      language: 'zh-CN',
      contact: { phone: reporter.address },
      trackingTokenHash: 'a'.repeat(64),
      createdAt: now,
    };
    await put({
      ...keys.submission(legacySubmission.id),
      entity: 'submission',
      ...legacySubmission,
      ...submissionIndexKeys(receipt.caseId, now, legacySubmission.id),
    });
    await put({
      ...keys.reporter(receipt.caseId, legacyReporter),
      entity: 'reporter',
      channel: 'sms',
      reply: true,
    });
    const opened = await desk.cases.get(receipt.caseId);
    if (!opened) throw new Error('no case');
    const closed = await act(desk, opened, editor, { action: 'close', reason: '不属实' });
    // A delivery record from before retention.
    await put({
      ...keys.delivery('old#1#legacy'),
      entity: 'delivery',
      key: 'old#1#legacy',
      status: 'sent',
      lastAttemptAt: now,
    });

    const report = await migratePersonalData(desk.documents, desk.tableName, retention);
    expect(report).toEqual({
      subscriptionsRekeyed: 1,
      legacyDuplicatesEnded: 0,
      suppressionsRekeyed: 2,
      reporterMarksRekeyed: 1,
      contactsMoved: 1,
      deliveriesGivenExpiry: 1,
    });

    // The subscriber is found by the keyed hash again, follows included, and still suppressed.
    const found = await desk.subscriptions.findByAddress('email', subscriber.address);
    expect(found).toMatchObject({ id: subscription.id, addressHash: recipientHash(subscriber) });
    expect(await stored(keys.follow(subscription.id, 'personnel'))).toMatchObject({
      addressHash: recipientHash(subscriber),
    });
    expect(await stored(keys.subscriberAddress(legacySubscriber))).toBeUndefined();
    expect(await desk.suppressions.isSuppressed(subscriber)).toBe(true);
    expect(await stored(keys.suppression(legacySubscriber))).toBeUndefined();
    // The reporter: mark and suppression re-keyed, contact moved out with the case's expiry.
    expect(await desk.suppressions.isSuppressed(reporter)).toBe(true);
    expect(await stored(keys.reporter(receipt.caseId, legacyReporter))).toBeUndefined();
    expect(await stored(keys.reporter(receipt.caseId, recipientHash(reporter)))).toMatchObject({
      reply: true,
    });
    expect((await stored(keys.submission(legacySubmission.id)))?.contact).toBeUndefined();
    expect(await stored(keys.contact(legacySubmission.id, 'sms'))).toMatchObject({
      address: reporter.address,
      expiresAt: expiresAfterDays(closed.updatedAt, 90),
    });
    expect((await desk.submissions.get(legacySubmission.id))?.contact).toEqual({
      phone: reporter.address,
    });
    // The unknown address's suppression stays as it was; the old delivery record now expires.
    expect(await stored(keys.suppression('f'.repeat(64)))).toMatchObject({ reason: 'bounce' });
    expect((await stored(keys.delivery('old#1#legacy')))?.expiresAt).toBe(expiresAfterDays(now, 180));

    // A second run finds nothing left to do.
    expect(await migratePersonalData(desk.documents, desk.tableName, retention)).toEqual({
      subscriptionsRekeyed: 0,
      legacyDuplicatesEnded: 0,
      suppressionsRekeyed: 0,
      reporterMarksRekeyed: 0,
      contactsMoved: 0,
      deliveriesGivenExpiry: 0,
    });

    // And an erasure now finds the migrated reporter everywhere.
    // (One page is all there is: nothing is handed to a continuation.)
    const erased = await erasePerson(desk, { id: 'admin-chen', roles: ['admin'] }, reporter);
    expect(erased).toEqual({ subscriptions: 0, submissions: 1, deliveries: 0 });
    expect(await stored(keys.reporter(receipt.caseId, recipientHash(reporter)))).toBeUndefined();
  });

  it('ends a legacy subscription whose address has subscribed again since the upgrade', async () => {
    const now = desk.clock.now();
    const person: Recipient = { channel: 'email', address: 'twice@example.org' };
    const base = {
      channel: 'email' as const,
      address: person.address,
      status: 'active' as const,
      topics: ['personnel'],
      language: 'zh-CN' as const,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await desk.subscriptions.create({
      ...base,
      id: 'legacytwice01',
      addressHash: legacyRecipientHash(person),
    });
    await desk.subscriptions.create({ ...base, id: 'currenttwice1', addressHash: recipientHash(person) });

    const report = await migratePersonalData(desk.documents, desk.tableName, retention);
    expect(report.legacyDuplicatesEnded).toBe(1);
    expect((await desk.subscriptions.findByAddress('email', person.address))?.id).toBe('currenttwice1');
    // Ended, and erased (TTL) at once rather than after the usual retention.
    const legacy = await stored(keys.subscription('legacytwice01'));
    expect(legacy).toMatchObject({ status: 'unsubscribed', eraseAt: legacy?.updatedAt });
    expect(legacy?.expiresAt).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
  });
});
