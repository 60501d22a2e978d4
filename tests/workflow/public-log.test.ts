/**
 * The public log as the publisher writes it, on DynamoDB Local: one entry per published version in
 * the publishing transaction, seq without gaps and every hash linked, even when publications race.
 */

import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../shared/domain/case.ts';
import { canonicalJson, contentHash, genesisHash, type LogEntry } from '../../shared/domain/public-log.ts';
import { amendCorrection } from '../../shared/usecases/amend-correction.ts';
import { openStaffCase } from '../../shared/usecases/open-case.ts';
import { publishCorrection } from '../../shared/usecases/publish-correction.ts';
import { type TestDesk, testDesk } from '../support/desk.ts';
import { act, approve, editor, publish, reviewer } from '../support/flows.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await testDesk();
});

const staffCase = (n: number) =>
  openStaffCase(desk, editor, { text: `通报第${n}处有误`, topic: 'public-information', source: 'staff' });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function wholeLog(): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  for (let after: number | null = 0; after !== null; ) {
    const page = await desk.log.entries(after, 3);
    entries.push(...page.items);
    after = page.nextAfter;
  }
  return entries;
}

describe('the public log', () => {
  it('canonicalizes as RFC 8785 does: sorted members, no whitespace, UTF-16 order, escapes', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1.5, y: '中' } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":"中","z":1.5}}',
    );
    // By UTF-16 code units U+1F600 (0xD83D 0xDE00) sorts before U+FB01, unlike by code points.
    expect(canonicalJson({ ﬁ: 2, '😀': 1, '\n': 3 })).toBe('{"\\n":3,"😀":1,"ﬁ":2}');
    expect(canonicalJson({ n: 1e21, m: 0.000001, s: 'a"\\\u0001' })).toBe(
      '{"m":0.000001,"n":1e+21,"s":"a\\"\\\\\\u0001"}',
    );
  });

  it('is empty at first, then gets one linked entry per published version, amendments included', async () => {
    const fresh = await testDesk();
    expect(await fresh.log.head()).toEqual({ seq: 0, hash: genesisHash });
    expect(await fresh.log.entries(0, 100)).toEqual({ items: [], nextAfter: null });

    const first = await publish(
      fresh,
      (
        await openStaffCase(fresh, editor, {
          text: '火灾伤亡人数有误',
          topic: 'firefighting-rescue',
          source: 'staff',
          url: 'https://example.org/fire',
        })
      ).id,
    );
    const opened = await amendCorrection(fresh, editor, first.correctionId ?? '', '补充出院情况');
    let a = await act(fresh, opened, reviewer, {
      action: 'draft',
      draft: { type: 'correction', headline: '关于伤亡人数的更正（更新）', body: '伤者已出院。' },
    });
    a = await act(fresh, a, reviewer, { action: 'submit' });
    await act(fresh, a, editor, { action: 'approve' });
    expect((await publishCorrection(fresh, a.id)).outcome).toBe('published');

    const { items } = await fresh.log.entries(0, 100);
    const correction = await fresh.corrections.get(first.correctionId ?? '');
    expect(correction?.versions).toHaveLength(2);
    expect(items.map((e) => [e.seq, e.correctionId, e.version])).toEqual([
      [1, correction?.id, 1],
      [2, correction?.id, 2],
    ]);
    expect(items[0]?.prevHash).toBe(genesisHash);
    expect(items[1]?.prevHash).toBe(items[0]?.hash);
    for (const entry of items) {
      const { hash, ...linked } = entry;
      expect(hash).toBe(sha256(canonicalJson(linked)));
      expect(entry.contentHash).toBe(contentHash(correction!, entry.version));
      expect(entry.at).toBe(correction?.versions[entry.version - 1]?.publishedAt);
    }
    // The amendment kept the correction's own fields, so version 1's hash still holds.
    expect(correction).toMatchObject({
      affectedUrl: 'https://example.org/fire',
      topic: 'firefighting-rescue',
    });
    expect(await fresh.log.head()).toEqual({ seq: 2, hash: items[1]?.hash, at: items[1]?.at });
  });

  it('stays gap-free and linked when many publications race, and a replay appends nothing', async () => {
    const approved: Case[] = [];
    for (let n = 0; n < 8; n++) approved.push(await approve(desk, (await staffCase(n)).id));
    const outcomes = await Promise.all(approved.map((c) => publishCorrection(desk, c.id)));
    expect(outcomes.every((o) => o.outcome === 'published')).toBe(true);
    // Replays of the same stream records announce again and write nothing.
    await Promise.all(approved.slice(0, 3).map((c) => publishCorrection(desk, c.id)));

    const entries = await wholeLog();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    let previous = genesisHash;
    for (const entry of entries) {
      expect(entry.prevHash).toBe(previous);
      previous = entry.hash;
    }
    const published = await Promise.all(
      approved.map(async (c) => (await desk.cases.get(c.id))?.correctionId),
    );
    expect(new Set(entries.map((e) => e.correctionId))).toEqual(new Set(published));
    expect((await desk.log.head()).seq).toBe(8);
    expect(await desk.log.entries(6, 5)).toMatchObject({ items: [{ seq: 7 }, { seq: 8 }], nextAfter: null });
    expect((await desk.log.entries(0, 7)).nextAfter).toBe(7);
  });
});
