/**
 * What approving a case would send, exactly as the sender renders it: the email (subject, text and
 * HTML) and the SMS, in each language that has subscribers in its audience, and for an amendment
 * what changes against the version now published. Two parts of a message are only known at sending:
 * a new correction's id (shown as the longest one possible, so the SMS is measured at its worst) and
 * each subscriber's own unsubscribe link.
 */
import type { Draft, Language } from '../domain/case.ts';
import { NotFound } from '../domain/errors.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import { type SmsEncoding, smsEncoding, smsSegments } from '../domain/sms.ts';
import type { CorrectionStore } from '../ports/correction-store.ts';
import { correctionEmail, type RenderedEmail } from '../presentation/email-messages.ts';
import type { PublishedWording } from '../presentation/messages.ts';
import { correctionSms } from '../presentation/sms-messages.ts';
import { type DiffPart, wordDiff } from '../presentation/word-diff.ts';
import { type AudienceDeps, placeholderCorrectionId, previewAudience } from './preview-audience.ts';

export interface LanguagePreview {
  language: Language;
  /** Followers who read this language, by channel. */
  audience: { email: number; sms: number };
  email: RenderedEmail;
  sms: { text: string; encoding: SmsEncoding; segments: number };
}

export interface MessagePreview {
  caseId: string;
  /** The amended correction; null for a new one, whose id is drawn at publication. */
  correctionId: string | null;
  version: number;
  /** Stand-ins in the messages for what only sending knows. */
  placeholders: { correctionId?: string; unsubscribeLink: string };
  languages: LanguagePreview[];
  /** An amendment: the published version's wording against the draft's. */
  changes?: {
    fromVersion: number;
    headline: DiffPart[];
    body: DiffPart[];
    smsText?: DiffPart[];
  };
}

export async function previewMessages(
  deps: AudienceDeps & { corrections: CorrectionStore },
  actor: Actor,
  caseId: string,
): Promise<MessagePreview> {
  requireCapability(actor, 'read');
  const found = await deps.cases.get(caseId);
  if (!found) throw new NotFound(`No case ${caseId}.`);
  if (!found.draft) throw new NotFound(`Case ${caseId} has no draft to preview.`);
  const [audience, amended] = await Promise.all([
    previewAudience(deps, actor, caseId),
    found.amends ? deps.corrections.get(found.amends) : undefined,
  ]);
  const correctionId = amended?.id ?? placeholderCorrectionId;
  const wording = wordingOf(found.draft, found.amendmentNote, (amended?.version ?? 0) + 1);
  const permalink = deps.links.permalink(correctionId);
  const unsubscribe = deps.links.unsubscribePagePattern;
  const withSubscribers = (
    Object.entries(audience.byLanguage) as Array<[Language, { email: number; sms: number }]>
  )
    .filter(([, counts]) => counts.email + counts.sms > 0)
    .sort(([a], [b]) => (a === found.language ? -1 : b === found.language ? 1 : a.localeCompare(b)));
  const languages: Array<[Language, { email: number; sms: number }]> = withSubscribers.length
    ? withSubscribers
    : [[found.language, { email: 0, sms: 0 }]];
  const previous = amended?.versions.at(-1);
  return {
    caseId,
    correctionId: amended?.id ?? null,
    version: wording.version,
    placeholders: { ...(amended ? {} : { correctionId }), unsubscribeLink: unsubscribe },
    languages: languages.map(([language, counts]) => {
      const sms = correctionSms(wording, language, permalink);
      return {
        language,
        audience: counts,
        email: correctionEmail(wording, language, {
          permalink,
          unsubscribe,
          manage: deps.links.managePattern,
        }),
        sms: { text: sms, encoding: smsEncoding(sms), segments: smsSegments(sms) },
      };
    }),
    ...(previous
      ? {
          changes: {
            fromVersion: previous.version,
            headline: wordDiff(previous.headline, wording.headline),
            body: wordDiff(previous.body, wording.body),
            ...(previous.smsText !== wording.smsText
              ? { smsText: wordDiff(previous.smsText ?? '', wording.smsText ?? '') }
              : {}),
          },
        }
      : {}),
  };
}

/** The version the draft would become, as the sender reads it from the published correction. */
function wordingOf(draft: Draft, note: string | undefined, version: number): PublishedWording {
  return {
    type: draft.type,
    headline: draft.headline,
    body: draft.body,
    version,
    ...(draft.smsText ? { smsText: draft.smsText } : {}),
    ...(note ? { note } : {}),
  };
}
