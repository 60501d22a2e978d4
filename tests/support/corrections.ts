/**
 * Published corrections for renderer tests, made by the domain's own publishFrom (so they have the
 * shape the publisher writes, private fields included) and shown through publicView, as the API does.
 */
import type { Case, CorrectionType, Language } from '../../shared/domain/case.ts';
import { type Correction, publicView, publishFrom } from '../../shared/domain/correction.ts';
import { publicSite } from '../../shared/presentation/site.ts';
import { Signer } from '../../shared/security/tokens.ts';
import { links } from '../../shared/usecases/links.ts';
import type { PublicCorrection } from '../../shared/usecases/read-corrections.ts';
import { testTopics } from './topics.ts';

export const baseUrl = 'https://corrections.example.org';
export const publisher = { 'zh-CN': '示例市消防救援支队', en: 'Example City Fire and Rescue' };
export const site = publicSite(baseUrl, links(baseUrl, new Signer('test-link-secret')).permalink, publisher);
export const topics = testTopics;

export interface Wording {
  type?: CorrectionType;
  headline: string;
  body: string;
  smsText?: string;
  affectedUrl?: string;
  /** Why this version replaced the previous one (amendments only). */
  note?: string;
  at: string;
}

function approvedCase(id: string, wording: Wording, language: Language, topic: string): Case {
  return {
    id,
    status: 'approved',
    topic,
    severity: 'normal',
    source: wording.note ? 'amendment' : 'public',
    text: 'a report',
    language,
    reportCount: 1,
    dueAt: wording.at,
    createdAt: wording.at,
    updatedAt: wording.at,
    version: 5,
    ...(wording.note ? { amendmentNote: wording.note } : {}),
    draft: {
      type: wording.type ?? 'correction',
      headline: wording.headline,
      body: wording.body,
      ...(wording.smsText ? { smsText: wording.smsText } : {}),
      ...(wording.affectedUrl ? { affectedUrl: wording.affectedUrl } : {}),
      author: 'reviewer-li',
      at: wording.at,
    },
  };
}

/** A correction with every version given, the first published at `first.at`, each amendment at its own. */
export function stored(
  id: string,
  versions: [Wording, ...Wording[]],
  options: { language?: Language; topic?: string } = {},
): Correction {
  const language = options.language ?? 'zh-CN';
  const topic = options.topic ?? 'firefighting-rescue';
  let correction: Correction | undefined;
  versions.forEach((wording, index) => {
    correction = publishFrom(
      approvedCase(`case-${id}-${index + 1}`, wording, language, topic),
      correction,
      id,
      wording.at,
    );
  });
  return correction as Correction;
}

export const published = (...args: Parameters<typeof stored>): PublicCorrection =>
  publicView(stored(...args));
