import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import * as keys from '../../shared/adapters/dynamodb/item-keys.ts';
import { DynamoRateLimiter } from '../../shared/adapters/dynamodb/rate-limiter.ts';
import { InvalidInput, NotFound, RateLimited } from '../../shared/domain/errors.ts';
import { recipientHash } from '../../shared/domain/recipient.ts';
import { randomDigits, randomId } from '../../shared/security/tokens.ts';
import { confirmEmail } from '../../shared/usecases/confirm-subscription.ts';
import { unsubscribeToken } from '../../shared/usecases/links.ts';
import {
  ConfirmationNotSent,
  type RequestSubscriptionDeps,
  requestSubscription,
  type SubscriptionInput,
} from '../../shared/usecases/request-subscription.ts';
import { unsubscribe, unsubscribePage } from '../../shared/usecases/unsubscribe.ts';
import { verifySms } from '../../shared/usecases/verify-subscription.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { confirmLink, smsCode } from '../support/subscribers.ts';
import { testTopics } from '../support/topics.ts';

const topics = testTopics;

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk({ topics });
});

const newEmail = () => `reader-${randomId(8)}@example.org`;
const newPhone = () => `+86138${randomDigits(8)}`;

const subscribe = (
  address: string,
  extra: Partial<SubscriptionInput> = {},
  on: RequestSubscriptionDeps = desk,
) => requestSubscription(on, { channel: 'email', address, topics: ['public-information'], ...extra });

async function activeEmail(topics: string[], on: TestDesk = desk) {
  const address = newEmail();
  const { id } = await subscribe(address, { topics }, on);
  await confirmEmail(on, id, (await confirmLink(on, address)).token);
  return { address, id };
}

/** Every item in a subscription's partition, as stored. */
async function partition(id: string, on: TestDesk = desk) {
  const result = await on.documents.send(
    new QueryCommand({
      TableName: on.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.subscription(id).pk },
      ConsistentRead: true,
    }),
  );
  return result.Items ?? [];
}

async function claimOf(channel: 'email' | 'sms', address: string, on: TestDesk = desk) {
  const key = keys.subscriberAddress(recipientHash({ channel, address }));
  return (await on.documents.send(new GetCommand({ TableName: on.tableName, Key: key }))).Item;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('email double opt-in', () => {
  it('answers pending and masked, and sends one confirmation email with the link', async () => {
    const address = newEmail();
    const view = await subscribe(address, { topics: ['public-information', 'firefighting-rescue'] });
    expect(view).toEqual({
      id: expect.stringMatching(/^[0-9a-z]{16}$/),
      channel: 'email',
      status: 'pending_confirmation',
      topics: ['public-information', 'firefighting-rescue'],
      follows: [],
      frequency: 'immediate',
      language: 'zh-CN',
      maskedAddress: 'r***@example.org',
      createdAt: desk.clock.now(),
    });
    expect(JSON.stringify(view)).not.toContain(address);

    const sent = await desk.outbox.read(address);
    expect(sent).toHaveLength(1);
    const { token } = await confirmLink(desk, address);
    expect(sent[0]).toMatchObject({ channel: 'email', kind: 'confirmation', subject: '请确认订阅更正通知' });
    expect(sent[0]?.body).toContain(
      `https://corrections.example.org/subscriptions/${view.id}/confirm?token=${token}`,
    );
    expect(sent[0]?.body).toContain('新闻宣传与政务公开、灭火与救援');
    expect(token.length).toBeGreaterThanOrEqual(43);

    const stored = await partition(view.id);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.map((item) => item.sk).sort()).toEqual([
      'FOLLOW#firefighting-rescue',
      'FOLLOW#public-information',
      'SUBSCRIPTION',
    ]);
    expect(stored.some((item) => 'gsi4pk' in item)).toBe(false);
  });

  it('activates on the link, records consent, and answers the link again without changing anything', async () => {
    const address = newEmail();
    const { id } = await subscribe(address, { language: 'en' });
    const { token } = await confirmLink(desk, address);
    const first = await confirmEmail(desk, id, token);
    expect(first).toEqual({
      alreadyConfirmed: false,
      subscription: expect.objectContaining({ id, status: 'active', topics: ['public-information'] }),
      page: {
        language: 'en',
        maskedAddress: 'r***@example.org',
        topics: { 'zh-CN': ['新闻宣传与政务公开'], en: ['Public information'] },
        everyTopic: false,
        follows: [],
      },
    });
    const active = await desk.subscriptions.get(id);
    expect(active).toMatchObject({ status: 'active', topics: ['public-information'], language: 'en' });
    expect(active?.consent).toEqual({
      at: desk.clock.now(),
      topics: ['public-information'],
      follows: [],
      frequency: 'immediate',
      language: 'en',
      method: 'email-link',
    });
    const again = await confirmEmail(desk, id, token);
    expect(again.alreadyConfirmed).toBe(true);
    expect((await desk.subscriptions.get(id))?.version).toBe(active?.version);
  });

  it('answers an unknown id, a wrong token and an expired link alike', async () => {
    const address = newEmail();
    const { id } = await subscribe(address);
    const { token } = await confirmLink(desk, address);
    const wrong = await refusal(confirmEmail(desk, id, `${token.slice(0, -1)}x`));
    const unknown = await refusal(confirmEmail(desk, 'nosuchsubscription', token));
    desk.clock.advance(3 * 24 * 60 + 1);
    const expired = await refusal(confirmEmail(desk, id, token));
    for (const error of [wrong, unknown, expired]) {
      expect(error).toBeInstanceOf(NotFound);
      expect((error as Error).message).toBe((wrong as Error).message);
    }
    expect((await desk.subscriptions.get(id))?.status).toBe('pending_confirmation');
  });

  it('confirms once when the link is opened ten times at once', async () => {
    const address = newEmail();
    const { id } = await subscribe(address);
    const { token } = await confirmLink(desk, address);
    const before = await desk.subscriptions.get(id);
    const results = await Promise.all(Array.from({ length: 10 }, () => confirmEmail(desk, id, token)));
    expect(results.filter((result) => !result.alreadyConfirmed)).toHaveLength(1);
    expect((await desk.subscriptions.get(id))?.version).toBe((before?.version ?? 0) + 1);
  });
});

describe('SMS double opt-in', () => {
  it('sends a 6-digit code by SMS; the code activates, and again answers the same', async () => {
    const phone = newPhone();
    const view = await requestSubscription(desk, { channel: 'sms', address: phone, topics: ['*'] });
    expect(view).toMatchObject({ status: 'pending_confirmation', topics: ['*'], channel: 'sms' });
    expect(view.maskedAddress).toBe(`+86*******${phone.slice(-4)}`);
    const code = await smsCode(desk, phone);
    expect(await desk.outbox.read(phone)).toEqual([
      {
        channel: 'sms',
        address: phone,
        kind: 'verification_code',
        body: `您的订阅验证码：${code}，15分钟内有效。`,
        at: expect.any(String),
      },
    ]);
    expect(JSON.stringify(await partition(view.id))).not.toContain(code);

    const active = await verifySms(desk, view.id, code);
    expect(active).toMatchObject({ id: view.id, status: 'active', topics: ['*'] });
    expect((await desk.subscriptions.get(view.id))?.consent).toMatchObject({
      method: 'sms-code',
      topics: ['*'],
    });
    expect(await verifySms(desk, view.id, code)).toEqual(active);
  });

  it('refuses a wrong code with the tries left, and an expired one', async () => {
    const phone = newPhone();
    const { id } = await requestSubscription(desk, {
      channel: 'sms',
      address: phone,
      topics: ['*'],
      language: 'en',
    });
    const code = await smsCode(desk, phone);
    const wrong = await refusal(verifySms(desk, id, code === '000000' ? '111111' : '000000'));
    expect(wrong).toBeInstanceOf(InvalidInput);
    expect((wrong as InvalidInput).errors).toEqual([
      { path: 'code', message: 'The code is wrong; 4 tries left.' },
    ]);
    desk.clock.advance(15);
    const expired = await refusal(verifySms(desk, id, code));
    expect((expired as InvalidInput).message).toBe('The code has expired; subscribe again to get a new one.');
    expect((await desk.subscriptions.get(id))?.status).toBe('pending_confirmation');
  });

  it('locks after five wrong codes, the right one included, until a new request', async () => {
    const phone = newPhone();
    const { id } = await requestSubscription(desk, { channel: 'sms', address: phone, topics: ['*'] });
    const code = await smsCode(desk, phone);
    const other = code === '999999' ? '888888' : '999999';
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) messages.push(((await refusal(verifySms(desk, id, other))) as Error).message);
    expect(messages.slice(0, 4)).toEqual([
      'The code is wrong; 4 tries left.',
      'The code is wrong; 3 tries left.',
      'The code is wrong; 2 tries left.',
      'The code is wrong; 1 try left.',
    ]);
    expect(messages[4]).toMatch(/locked until a new subscription request/);
    const locked = await refusal(verifySms(desk, id, code));
    expect(locked).toBeInstanceOf(InvalidInput);
    expect((locked as Error).message).toBe(
      'After 5 wrong codes this subscription is locked until a new subscription request.',
    );

    await requestSubscription(desk, { channel: 'sms', address: phone, topics: ['*'] });
    const fresh = await smsCode(desk, phone);
    expect(await verifySms(desk, id, fresh)).toMatchObject({ status: 'active' });
  });

  it('counts ten wrong codes sent at once as five, and then refuses the right one', async () => {
    const phone = newPhone();
    const { id } = await requestSubscription(desk, { channel: 'sms', address: phone, topics: ['*'] });
    const code = await smsCode(desk, phone);
    const guesses = Array.from({ length: 10 }, (_, i) =>
      String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'),
    );
    const results = await Promise.allSettled(guesses.map((guess) => verifySms(desk, id, guess)));
    expect(
      results.every((result) => result.status === 'rejected' && result.reason instanceof InvalidInput),
    ).toBe(true);
    expect((await desk.subscriptions.get(id))?.confirmation?.failedAttempts).toBe(5);
    expect(await refusal(verifySms(desk, id, code))).toBeInstanceOf(InvalidInput);
  });

  it('answers an unknown id with NotFound and an email subscription with a refusal', async () => {
    expect(await refusal(verifySms(desk, 'nosuchsubscription', '123456'))).toBeInstanceOf(NotFound);
    const { id } = await subscribe(newEmail());
    const refused = await refusal(verifySms(desk, id, '123456'));
    expect((refused as Error).message).toMatch(/confirmed by the link in the email/);
  });
});

describe('one subscription per address', () => {
  it('holds under ten requests at once; only the confirmation written last works', async () => {
    const address = newEmail();
    const variants = [address, address.toUpperCase()];
    const topics = [['public-information'], ['firefighting-rescue'], ['*']];
    const views = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        subscribe(variants[i % 2] as string, { topics: topics[i % 3] as string[] }),
      ),
    );
    const ids = new Set(views.map((view) => view.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids] as [string];

    const scan = await desk.documents.send(
      new ScanCommand({
        TableName: desk.tableName,
        FilterExpression: 'entity = :entity AND addressHash = :hash',
        ExpressionAttributeValues: {
          ':entity': 'subscription',
          ':hash': recipientHash({ channel: 'email', address }),
        },
        ConsistentRead: true,
      }),
    );
    expect(scan.Items).toHaveLength(1);
    const stored = await desk.subscriptions.get(id);
    expect(stored?.version).toBe(10);
    expect(stored?.address).toBe(address);
    const follows = (await partition(id)).filter((item) => item.sk !== 'SUBSCRIPTION');
    expect(follows.map((item) => String(item.sk).slice('FOLLOW#'.length))).toEqual(stored?.topics);

    // A request replaced before the sender reached its job sends nothing; the last one's is sent.
    const sent = (await desk.outbox.read(address)).concat(await desk.outbox.read(address.toUpperCase()));
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThanOrEqual(10);
    const tokens = sent.map((message) => /token=([\w.-]+)/.exec(message.body)?.[1] ?? '');
    const outcomes = await Promise.allSettled(tokens.map((token) => confirmEmail(desk, id, token)));
    // Each request replaced the one before: of ten links, the one whose request was written last confirms.
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect((await desk.subscriptions.get(id))?.status).toBe('active');
  });

  it('replaces the topics of a pending subscription; the first link stops working', async () => {
    const address = newEmail();
    const first = await subscribe(address);
    const firstLink = await confirmLink(desk, address);
    const second = await subscribe(address, { topics: ['firefighting-rescue'], language: 'en' });
    expect(second).toMatchObject({ id: first.id, topics: ['firefighting-rescue'], language: 'en' });
    expect(await refusal(confirmEmail(desk, first.id, firstLink.token))).toBeInstanceOf(NotFound);
    await confirmEmail(desk, first.id, (await confirmLink(desk, address)).token);
    expect(await desk.subscriptions.get(first.id)).toMatchObject({
      status: 'active',
      topics: ['firefighting-rescue'],
      language: 'en',
    });
    const sent = await desk.outbox.read(address);
    expect(sent.map((message) => message.subject)).toEqual([
      '请确认订阅更正通知',
      'Please confirm your subscription to corrections',
    ]);
  });

  it('keeps an active subscription on its confirmed topics until the new ones are confirmed', async () => {
    const { address, id } = await activeEmail(['public-information']);
    const asked = await subscribe(address, { topics: ['firefighting-rescue'] });
    expect(asked).toMatchObject({ id, status: 'pending_confirmation', topics: ['firefighting-rescue'] });
    expect(await desk.subscriptions.get(id)).toMatchObject({
      status: 'active',
      topics: ['public-information'],
    });
    const followerIds = async (topic: string) =>
      (await desk.followers.of(topic, { limit: 100 })).items.map((s) => s.id);
    expect(await followerIds('public-information')).toContain(id);
    expect(await followerIds('firefighting-rescue')).not.toContain(id);

    await confirmEmail(desk, id, (await confirmLink(desk, address)).token);
    const changed = await desk.subscriptions.get(id);
    expect(changed).toMatchObject({ status: 'active', topics: ['firefighting-rescue'] });
    expect(changed?.consent?.topics).toEqual(['firefighting-rescue']);
    expect(await followerIds('public-information')).not.toContain(id);
    expect(await followerIds('firefighting-rescue')).toContain(id);
  });
});

describe('followers', () => {
  let own: TestDesk;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    own = await testDesk({ topics });
    for (let i = 0; i < 5; i++) ids[`a${i}`] = (await activeEmail(['public-information'], own)).id;
    ids.both = (await activeEmail(['public-information', 'firefighting-rescue'], own)).id;
    ids.b = (await activeEmail(['firefighting-rescue'], own)).id;
    ids.all = (await activeEmail(['*'], own)).id;
    ids.pending = (await subscribe(newEmail(), {}, own)).id;
    const leaving = await activeEmail(['public-information'], own);
    await unsubscribe(own, leaving.id, unsubscribeToken(own.signer, leaving.id));
    ids.left = leaving.id;
    const moving = await activeEmail(['firefighting-rescue'], own);
    await subscribe(moving.address, { topics: ['public-information'] }, own);
    ids.moving = moving.id;
  });

  async function everyPage(topic: string, limit: number) {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await own.followers.of(topic, { limit, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    return { seen, pages };
  }

  it('pages through the active followers of exactly that topic, and nobody else', async () => {
    const { seen, pages } = await everyPage('public-information', 2);
    expect(seen.sort()).toEqual([ids.a0, ids.a1, ids.a2, ids.a3, ids.a4, ids.both].sort());
    expect(pages).toBeGreaterThanOrEqual(3);
    expect((await everyPage('firefighting-rescue', 100)).seen.sort()).toEqual(
      [ids.b, ids.both, ids.moving].sort(),
    );
    expect((await everyPage('*', 100)).seen).toEqual([ids.all]);
    expect((await everyPage('no-such-topic', 10)).seen).toEqual([]);
  });

  it('hands the delivery pipeline whom to reach, without confirmation secrets', async () => {
    const [follower] = (await own.followers.of('*', { limit: 1 })).items;
    expect(follower).toMatchObject({
      id: ids.all,
      channel: 'email',
      address: expect.stringMatching(/@example\.org$/),
      status: 'active',
      topics: ['*'],
      language: 'zh-CN',
    });
    expect(follower?.confirmation).toBeUndefined();
    expect(Object.keys(follower ?? {}).some((name) => /^gsi|^pk$|^sk$|^entity$/.test(name))).toBe(false);
  });

  it('refuses a cursor from another topic', async () => {
    const page = await own.followers.of('public-information', { limit: 1 });
    await expect(
      own.followers.of('firefighting-rescue', { limit: 1, cursor: page.nextCursor ?? '' }),
    ).rejects.toBeInstanceOf(InvalidInput);
  });
});

describe('unsubscribing', () => {
  it('stops every message, answers the same when repeated, and schedules the erasure', async () => {
    const { address, id } = await activeEmail(['public-information', 'firefighting-rescue']);
    const token = unsubscribeToken(desk.signer, id);
    const done = await unsubscribe(desk, id, token);
    expect(done.subscription).toMatchObject({
      id,
      status: 'unsubscribed',
      maskedAddress: 'r***@example.org',
    });
    expect(await unsubscribe(desk, id, token)).toEqual(done);

    const eraseAt = Math.floor(Date.parse(desk.clock.now()) / 1000) + 30 * 24 * 60 * 60;
    const items = await partition(id);
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item.expiresAt).toBe(eraseAt);
      expect(item.gsi4pk).toBeUndefined();
    }
    expect((await claimOf('email', address))?.expiresAt).toBe(eraseAt);
    const followers = await desk.followers.of('public-information', { limit: 100 });
    expect(followers.items.map((s) => s.id)).not.toContain(id);
  });

  it('answers a wrong token and an unknown id alike', async () => {
    const { id } = await activeEmail(['public-information']);
    const wrong = await refusal(unsubscribe(desk, id, unsubscribeToken(desk.signer, 'someoneelse')));
    const unknown = await refusal(
      unsubscribe(desk, 'someoneelse', unsubscribeToken(desk.signer, 'someoneelse')),
    );
    expect(wrong).toBeInstanceOf(NotFound);
    expect(unknown).toBeInstanceOf(NotFound);
    expect((wrong as Error).message).toBe((unknown as Error).message);
    expect((await desk.subscriptions.get(id))?.status).toBe('active');
  });

  it('shows the page without changing anything', async () => {
    const { id } = await activeEmail(['firefighting-rescue']);
    const before = await desk.subscriptions.get(id);
    const shown = await unsubscribePage(desk, id, unsubscribeToken(desk.signer, id));
    expect(shown).toEqual({
      subscribed: true,
      page: {
        language: 'zh-CN',
        maskedAddress: 'r***@example.org',
        topics: { 'zh-CN': ['灭火与救援'], en: ['Firefighting and rescue'] },
        everyTopic: false,
        follows: [],
      },
    });
    expect(await desk.subscriptions.get(id)).toEqual(before);
  });

  it('lets an unsubscribed address subscribe again, with a fresh double opt-in', async () => {
    const { address, id } = await activeEmail(['public-information']);
    await unsubscribe(desk, id, unsubscribeToken(desk.signer, id));
    const again = await subscribe(address, { topics: ['*'] });
    expect(again).toMatchObject({ id, status: 'pending_confirmation', topics: ['*'] });
    const pending = await desk.subscriptions.get(id);
    expect(pending?.consent).toBeUndefined();
    expect(pending?.status).toBe('pending_confirmation');
    await confirmEmail(desk, id, (await confirmLink(desk, address)).token);
    expect(await desk.subscriptions.get(id)).toMatchObject({ status: 'active', topics: ['*'] });
    expect((await partition(id)).every((item) => item.expiresAt === undefined)).toBe(true);
  });

  it('erases the address after the retention window, and then it is a stranger', async () => {
    const own = await testDesk({ topics });
    const { address, id } = await activeEmail(['public-information'], own);
    await unsubscribe(own, id, unsubscribeToken(own.signer, id));
    own.clock.advance(30 * 24 * 60 - 1);
    expect(await own.subscriptions.findByAddress('email', address)).toMatchObject({ id });
    own.clock.advance(1);
    // TTL deletes late; until it does, expired items read as gone.
    expect(await own.subscriptions.get(id)).toBeUndefined();
    expect(await own.subscriptions.findByAddress('email', address)).toBeUndefined();
    expect(await refusal(unsubscribe(own, id, unsubscribeToken(own.signer, id)))).toBeInstanceOf(NotFound);
    const fresh = await subscribe(address, {}, own);
    expect(fresh.id).not.toBe(id);
    expect((await claimOf('email', address, own))?.subscriptionId).toBe(fresh.id);
  });
});

describe('limits and failures', () => {
  it('lets one address make 20 requests an hour, then refuses with the wait', async () => {
    const hourStart = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const at = hourStart + 15 * 60_000;
    const deps = { ...desk, rateLimiter: new DynamoRateLimiter(desk.documents, desk.tableName, () => at) };
    const address = newEmail();
    for (let i = 0; i < 20; i++) await subscribe(address, {}, deps);
    const limited = await refusal(subscribe(address, {}, deps));
    expect(limited).toBeInstanceOf(RateLimited);
    expect((limited as RateLimited).retryAfterSeconds).toBe(45 * 60);
    expect((limited as Error).message).not.toContain(address);
    await expect(subscribe(newEmail(), {}, deps)).resolves.toMatchObject({ status: 'pending_confirmation' });
  });

  it('keeps the request when its confirmation cannot be queued; asking again sends it', async () => {
    const address = newEmail();
    const failing = {
      ...desk,
      queues: { ...desk.queues, sendConfirmation: () => Promise.reject(new Error('SQS unreachable')) },
    };
    const error = await refusal(subscribe(address, {}, failing));
    expect(error).toBeInstanceOf(ConfirmationNotSent);
    const kept = await desk.subscriptions.findByAddress('email', address);
    expect(kept).toMatchObject({
      id: (error as ConfirmationNotSent).subscriptionId,
      status: 'pending_confirmation',
    });
    expect(await desk.outbox.read(address)).toEqual([]);

    const retried = await subscribe(address);
    expect(retried.id).toBe(kept?.id);
    await confirmEmail(desk, retried.id, (await confirmLink(desk, address)).token);
    expect((await desk.subscriptions.get(retried.id))?.status).toBe('active');
  });
});
