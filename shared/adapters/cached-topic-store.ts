/**
 * The topic catalogue, read once per container and kept briefly: every report and many editor calls
 * need it, and it changes a few times a year. A change made through this container is seen at once;
 * one made elsewhere within `ttlMs`.
 */
import type { Topic } from '../domain/topic.ts';
import type { TopicStore } from '../ports/topic-store.ts';

export class CachedTopicStore implements TopicStore {
  private cached?: { topics: Promise<Topic[]>; until: number };

  constructor(
    private readonly store: TopicStore,
    private readonly ttlMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  list(): Promise<Topic[]> {
    if (!this.cached || this.cached.until <= this.nowMs()) {
      const topics = this.store.list();
      this.cached = { topics, until: this.nowMs() + this.ttlMs };
      // A failed read is not kept: the next call asks again.
      topics.catch(() => {
        this.cached = undefined;
      });
    }
    return this.cached.topics;
  }

  async get(key: string): Promise<Topic | undefined> {
    return (await this.list()).find((topic) => topic.key === key);
  }

  async put(topic: Topic): Promise<void> {
    await this.store.put(topic);
    this.cached = undefined;
  }
}
