/** The topic catalogue: what corrections are about, who owns them, and how urgent they are by default. */
import type { Severity } from './case.ts';

export interface Topic {
  key: string;
  /** Display names by language tag, at least zh-CN and en. */
  names: Record<string, string>;
  /** The reviewer desk that owns the topic. */
  desk: string;
  defaultSeverity: Severity;
}

export const topicKeyPattern = /^[a-z0-9-]{2,40}$/;

/** Subscribers who follow every topic use this in place of a key. */
export const allTopics = '*';
