import { describe, expect, it } from 'vitest';
import type { Topic } from '../domain/topic.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import { CachedTopicStore } from './cached-topic-store.ts';

const topic = (key: string): Topic => ({
  key,
  names: { 'zh-CN': key, en: key },
  desk: 'd',
  defaultSeverity: 'normal',
});

function countingStore(topics: Topic[]): TopicStore & { reads: number } {
  const store = {
    reads: 0,
    async list() {
      store.reads += 1;
      return [...topics];
    },
    async get(key: string) {
      return topics.find((t) => t.key === key);
    },
    async put(t: Topic) {
      topics.push(t);
    },
  };
  return store;
}

describe('the cached catalogue', () => {
  it('reads the store once per window and answers get from it', async () => {
    let now = 0;
    const store = countingStore([topic('a')]);
    const cached = new CachedTopicStore(store, 1000, () => now);
    await Promise.all([cached.list(), cached.get('a'), cached.get('b')]);
    expect(store.reads).toBe(1);
    expect(await cached.get('a')).toEqual(topic('a'));
    now = 1000;
    await cached.list();
    expect(store.reads).toBe(2);
  });

  it('sees its own changes at once', async () => {
    const store = countingStore([]);
    const cached = new CachedTopicStore(store, 60_000);
    expect(await cached.get('new')).toBeUndefined();
    await cached.put(topic('new'));
    expect(await cached.get('new')).toEqual(topic('new'));
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const store = countingStore([topic('a')]);
    const flaky: TopicStore = {
      ...store,
      list: () => (fail ? Promise.reject(new Error('throttled')) : store.list()),
    };
    const cached = new CachedTopicStore(flaky, 60_000);
    await expect(cached.list()).rejects.toThrow('throttled');
    fail = false;
    expect(await cached.list()).toHaveLength(1);
  });
});
