/**
 * The public's figures on how fast the desk corrects itself (GET /stats, /transparency): read from
 * what the publisher kept as it published, a handful of Queries, never a count over the table.
 */
import { lastTwelveMonths, type Stats, stats } from '../domain/time-to-correction.ts';
import type { Clock } from '../ports/clock.ts';
import type { StatsStore } from '../ports/stats-store.ts';
import type { TopicStore } from '../ports/topic-store.ts';

export async function readStats(deps: {
  stats: StatsStore;
  topics: TopicStore;
  clock: Clock;
  config: { timeZone: string };
}): Promise<Stats> {
  const now = deps.clock.now();
  const months = lastTwelveMonths(now, deps.config.timeZone);
  const [kept, topics] = await Promise.all([deps.stats.topicMonths(months), deps.topics.list()]);
  return stats(
    kept,
    months,
    topics.map((topic) => topic.key),
    now,
  );
}
