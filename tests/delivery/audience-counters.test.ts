import { beforeAll, describe, expect, it } from 'vitest';
import { audienceChange } from '../../shared/adapters/dynamodb/audience-images.ts';
import { countAudience } from '../../shared/usecases/audience.ts';
import { unsubscribeToken } from '../../shared/usecases/links.ts';
import { previewAudience } from '../../shared/usecases/preview-audience.ts';
import { requestSubscription } from '../../shared/usecases/request-subscription.ts';
import { submitReport } from '../../shared/usecases/submit-report.ts';
import { unsubscribe } from '../../shared/usecases/unsubscribe.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { reviewer } from '../support/flows.ts';
import { streamRecords } from '../support/stream.ts';
import { activeSubscriber } from '../support/subscribers.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

/** What the notifier does with the table's stream: every record so far, each applied at most once. */
async function catchUp(): Promise<number> {
  let applied = 0;
  for (const record of await streamRecords(desk)) {
    const change = audienceChange(record);
    if (change && (await desk.audienceChanges.apply(change.id, change.deltas))) applied += 1;
  }
  return applied;
}

describe('audience counters', () => {
  it('count followers by channel and language and reachable reporters, exact after replays', async () => {
    const topic = 'fire-prevention';
    await activeSubscriber(desk, 'a@example.org', [topic]);
    const sms = await activeSubscriber(desk, '+8613800138001', [topic], 'en');
    await activeSubscriber(desk, 'all@example.org', ['*'], 'en');
    await activeSubscriber(desk, 'other@example.org', ['personnel']);
    // Requested, never confirmed: not in any audience.
    await requestSubscription(desk, {
      channel: 'email',
      address: 'p@example.org',
      topics: [topic],
      language: 'zh-CN',
    });
    const url = 'https://example.org/counted';
    const opened = await submitReport(desk, { text: '一', url, topic, contact: { email: 'r1@example.org' } });
    await submitReport(desk, {
      text: '二',
      url,
      topic,
      contact: { email: 'r2@example.org', phone: '+8613800138002' },
    });
    await submitReport(desk, { text: '三', url, topic, contact: { phone: '+8613800138003' } });
    await submitReport(desk, { text: '再一', url, topic, contact: { email: 'R1@example.org' } });
    await submitReport(desk, { text: '匿名', url, topic });
    // A follower who reported is told once, as a reporter.
    await submitReport(desk, { text: '关注者', url, topic, contact: { phone: '+8613800138001' } });

    expect(await catchUp()).toBeGreaterThan(0);
    // A replay of the whole stream (as after a failed batch) changes nothing.
    expect(await catchUp()).toBe(0);
    const preview = await previewAudience(desk, reviewer, opened.caseId);
    expect(preview).toEqual({
      email: 2,
      sms: 0,
      reporters: 4,
      byLanguage: { 'zh-CN': { email: 1, sms: 0 }, en: { email: 1, sms: 0 } },
      // Nobody follows the reported page itself, and nobody here reads a digest.
      pages: [{ url, email: 0, sms: 0 }],
      digests: { email: 0, sms: 0 },
    });
    // The same as walking the whole audience.
    const walked = await countAudience(desk, { caseId: opened.caseId, topic });
    expect({ email: preview.email, sms: preview.sms, reporters: preview.reporters }).toEqual(walked);

    // Unsubscribing, changing topics and changing language move the counts, once.
    await unsubscribe(desk, sms, unsubscribeToken(desk.signer, sms));
    await activeSubscriber(desk, 'all@example.org', ['personnel'], 'en');
    await activeSubscriber(desk, 'a@example.org', [topic], 'en');
    await catchUp();
    await catchUp();
    const after = await previewAudience(desk, reviewer, opened.caseId);
    expect(after).toMatchObject({
      email: 1,
      sms: 0,
      reporters: 4,
      byLanguage: { 'zh-CN': { email: 0, sms: 0 }, en: { email: 1, sms: 0 } },
    });
    expect(await countAudience(desk, { caseId: opened.caseId, topic })).toEqual({
      email: 1,
      sms: 0,
      reporters: 4,
    });
  });

  it('takes followers who reported off in proportion past the reporters it looks up, and says so', async () => {
    const topic = 'public-information';
    const url = 'https://example.org/many-reporters';
    await activeSubscriber(desk, 'f1@example.org', [topic]);
    await activeSubscriber(desk, 'f2@example.org', [topic]);
    await activeSubscriber(desk, 'f3@example.org', [topic]);
    const opened = await submitReport(desk, { text: '一', url, topic, contact: { email: 'f1@example.org' } });
    for (const email of ['x1@example.org', 'x2@example.org', 'x3@example.org'])
      await submitReport(desk, { text: '又一', url, topic, contact: { email } });
    await catchUp();
    const exact = await previewAudience(desk, reviewer, opened.caseId);
    expect(exact).toMatchObject({ email: 2, reporters: 4 });
    expect(exact.approximate).toBeUndefined();

    // As if the case had more reporters than are looked up: two seen, one of them following.
    const seen = (await desk.reporters.hashes(opened.caseId, 10)).hashes;
    const follower = (await desk.subscriptions.findByAddress('email', 'f1@example.org'))?.addressHash;
    const twoSeen = [follower ?? '', ...seen.filter((hash) => hash !== follower).slice(0, 1)];
    const sampled = {
      ...desk,
      reporters: Object.assign(Object.create(desk.reporters), {
        hashes: async () => ({ hashes: twoSeen, more: true }),
      }) as TestDesk['reporters'],
    };
    const estimated = await previewAudience(sampled, reviewer, opened.caseId);
    // One in two of the four reporters follows: two taken off the three followers.
    expect(estimated).toMatchObject({ email: 1, reporters: 4, approximate: true });
  });

  it('reads the counters once, whatever the audience', async () => {
    const reads: string[] = [];
    const counting = {
      ...desk,
      audience: {
        read: async (scopes: Parameters<TestDesk['audience']['read']>[0]) => {
          reads.push(...scopes.map((scope) => scope.kind));
          return desk.audience.read(scopes);
        },
      },
    };
    const { caseId } = await submitReport(desk, { text: '无人关注', topic: 'assets-finance' });
    const preview = await previewAudience(counting, reviewer, caseId);
    expect(reads).toEqual(['topic', 'topic', 'reporters']);
    expect(preview.reporters).toBe(0);
  });
});
