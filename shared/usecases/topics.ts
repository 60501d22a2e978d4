/** The topic catalogue: public to read, the admins' to change. */

import { type Actor, requireCapability } from '../domain/roles.ts';
import type { Topic } from '../domain/topic.ts';
import type { TopicStore } from '../ports/topic-store.ts';

export async function listTopics(topics: TopicStore): Promise<Topic[]> {
  const all = await topics.list();
  return all.sort((a, b) => a.key.localeCompare(b.key));
}

export async function saveTopic(topics: TopicStore, actor: Actor, topic: Topic): Promise<Topic> {
  requireCapability(actor, 'manage-topics');
  await topics.put(topic);
  return topic;
}
