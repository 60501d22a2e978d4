/**
 * The Correction: the public record of a put-right mistake. Versions only ever grow; a published
 * version is never rewritten or removed.
 */
import type { Case, CorrectionType, Language } from './case.ts';

export interface CorrectionVersion {
  version: number;
  type: CorrectionType;
  headline: string;
  body: string;
  smsText?: string;
  publishedAt: string;
  /** Why this version replaced the previous one. */
  note?: string;
}

export interface Correction {
  id: string;
  version: number;
  type: CorrectionType;
  topic: string;
  headline: string;
  body: string;
  affectedUrl?: string;
  language: Language;
  publishedAt: string;
  updatedAt: string;
  versions: CorrectionVersion[];
  /** Private: the cases behind each version, oldest first (reporters are found through them). */
  caseIds: string[];
}

export const correctionIdLength = 10;

/** The longest permalink an SMS may carry: correction ids have at most this many characters. */
export const longestPermalink = (publicBaseUrl: string): string =>
  `${publicBaseUrl}/c/${'x'.repeat(correctionIdLength)}`;

function versionFrom(c: Case, version: number, now: string): CorrectionVersion {
  if (!c.draft) throw new Error(`Case ${c.id} has no draft to publish`);
  return {
    version,
    type: c.draft.type,
    headline: c.draft.headline,
    body: c.draft.body,
    ...(c.draft.smsText ? { smsText: c.draft.smsText } : {}),
    publishedAt: now,
    ...(c.amendmentNote ? { note: c.amendmentNote } : {}),
  };
}

/** The correction an approved case publishes: a new one, or the next version of the one it amends. */
export function publishFrom(
  c: Case,
  existing: Correction | undefined,
  newId: string,
  now: string,
): Correction {
  if (existing) {
    const added = versionFrom(c, existing.version + 1, now);
    return {
      ...existing,
      version: added.version,
      type: added.type,
      headline: added.headline,
      body: added.body,
      // The correction's own fields (topic, language, affected page) stay as first published: the
      // public log's hash of every earlier version covers them.
      updatedAt: now,
      versions: [...existing.versions, added],
      caseIds: [...existing.caseIds, c.id],
    };
  }
  const first = versionFrom(c, 1, now);
  const affectedUrl = c.draft?.affectedUrl ?? c.url;
  return {
    id: newId,
    version: 1,
    type: first.type,
    topic: c.topic,
    headline: first.headline,
    body: first.body,
    ...(affectedUrl ? { affectedUrl } : {}),
    language: c.language,
    publishedAt: now,
    updatedAt: now,
    versions: [first],
    caseIds: [c.id],
  };
}

/** What the public sees: every version, none of the desk's internals (cases, SMS wording). */
export function publicView(c: Correction) {
  const { caseIds: _cases, ...rest } = c;
  return {
    ...rest,
    versions: c.versions.map(({ smsText: _sms, ...version }) => version),
  };
}
