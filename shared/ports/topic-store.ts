import type { Topic } from '../domain/topic.ts';

export interface TopicStore {
  list(): Promise<Topic[]>;
  get(key: string): Promise<Topic | undefined>;
  put(topic: Topic): Promise<void>;
}
