/** A subscription's topics as people read them: names from the catalogue, in each language. */
import type { Language } from '../domain/case.ts';
import {
  type Frequency,
  followsOf,
  frequencyOf,
  maskAddress,
  type Subscription,
} from '../domain/subscription.ts';
import { allTopics } from '../domain/topic.ts';
import type { PageSubscription } from '../pages/subscription-pages.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import { confirmationEmail, type RenderedEmail } from '../presentation/email-messages.ts';

/** Names per language; none for every topic. A key since gone from the catalogue shows as itself. */
export async function topicLabels(topics: TopicStore, keys: string[]): Promise<Record<Language, string[]>> {
  if (keys.includes(allTopics)) return { 'zh-CN': [], en: [] };
  const catalogue = new Map((await topics.list()).map((topic) => [topic.key, topic.names]));
  const named = (language: Language) => keys.map((key) => catalogue.get(key)?.[language] ?? key);
  return { 'zh-CN': named('zh-CN'), en: named('en') };
}

/** What a subscription's pages show of it: the masked address, the topic names and pages followed. */
export const pageSubscription = async (topics: TopicStore, s: Subscription): Promise<PageSubscription> => ({
  language: s.language,
  maskedAddress: maskAddress(s.channel, s.address),
  topics: await topicLabels(topics, s.topics),
  everyTopic: s.topics.includes(allTopics),
  follows: followsOf(s),
});

/** The confirmation email of a request (topics, pages, frequency, language), with its link. */
export async function confirmationOf(
  topics: TopicStore,
  request: { topics: string[]; follows?: string[]; frequency?: Frequency; language: Language },
  link: string,
): Promise<RenderedEmail> {
  const names = await topicLabels(topics, request.topics);
  return confirmationEmail(
    {
      topicNames: names[request.language],
      everyTopic: request.topics.includes(allTopics),
      follows: followsOf(request),
      frequency: frequencyOf(request),
    },
    request.language,
    link,
  );
}
