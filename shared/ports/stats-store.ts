import type { TopicMonth } from '../domain/time-to-correction.ts';

/** The time-to-correction figures as kept: written only by the publishing transaction. */
export interface StatsStore {
  /** Every topic's record in the given months (a few Queries, never a scan). */
  topicMonths(months: ReadonlyArray<string>): Promise<TopicMonth[]>;
}
