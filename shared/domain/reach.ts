/** Whether a correction is one a subscription asked for: by its topic, or by the page it corrects. */
import type { Correction } from './correction.ts';
import { followsOf, type Subscription } from './subscription.ts';
import { allTopics } from './topic.ts';
import { pageTarget } from './url.ts';

export function reaches(
  subscription: Pick<Subscription, 'topics' | 'follows'>,
  correction: Pick<Correction, 'topic' | 'affectedUrl'>,
): boolean {
  const { topics } = subscription;
  if (topics.includes(allTopics) || topics.includes(correction.topic)) return true;
  const page = correction.affectedUrl ? pageTarget(correction.affectedUrl) : undefined;
  return page !== undefined && followsOf(subscription).some((url) => pageTarget(url) === page);
}
