/**
 * A Notice: what an article's own page shows about one of its corrections ("this article was
 * corrected on ..."): the latest version's headline and type, when it was first published and last
 * amended. Filed under the page the correction names (its affectedUrl, normalized as reports are
 * joined), so every spelling of the article's address finds the same notices.
 */
import type { CorrectionType, Language } from './case.ts';
import type { Correction } from './correction.ts';
import { isWebUrl, pageTarget } from './url.ts';

export interface Notice {
  id: string;
  type: CorrectionType;
  headline: string;
  version: number;
  publishedAt: string;
  updatedAt: string;
  /** The language the headline is written in. */
  language: Language;
}

/** The page a correction's notice is filed under: none when it names no page the public can open. */
export const noticeTarget = (correction: Pick<Correction, 'affectedUrl'>): string | undefined =>
  correction.affectedUrl && isWebUrl(correction.affectedUrl) ? pageTarget(correction.affectedUrl) : undefined;

/** The notice of a correction as it now stands (its latest version). */
export const noticeOf = (correction: Correction): Notice => ({
  id: correction.id,
  type: correction.type,
  headline: correction.headline,
  version: correction.version,
  publishedAt: correction.publishedAt,
  updatedAt: correction.updatedAt,
  language: correction.language,
});
