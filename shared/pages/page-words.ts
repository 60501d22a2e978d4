/**
 * What the pages people fill in say, per language: navigation, the subscribe, report, tracking,
 * confirmation and manage pages, and a message for each field a form can get wrong. Field messages
 * are the pages' own (in the reader's language); the JSON API keeps the contract's English details.
 *
 * The words are static text, so they are a file served beside the bundle (page-words.json, see
 * ../runtime/served-file.ts), read with the first page rather than compiled at every cold start.
 * Both languages hold the same keys (a test checks it); "{name}" marks where a number or a list goes.
 */
import type { Language } from '../domain/case.ts';
import type { PublicStatus } from '../domain/submission.ts';
import type { Frequency } from '../domain/subscription.ts';
import { servedFile } from '../runtime/served-file.ts';

/** Field names as the forms post them. */
export const formFields = [
  'channel',
  'address',
  'topics',
  'follows',
  'frequency',
  'language',
  'url',
  'text',
  'topic',
  'evidence',
  'email',
  'phone',
  'code',
] as const;
export type FormField = (typeof formFields)[number];

type Words<K extends string> = Readonly<Record<K, string>>;

/** One language's words, as page-words.json holds them. */
export interface PageWords {
  navigation: Words<'label' | 'subscribe' | 'report'>;
  /** The permalink's ways onward: hear of further corrections, or report another error. */
  permalink: Words<'followPage' | 'followTopic' | 'reportHere'>;
  frequency: Words<Frequency>;
  form: Words<
    | 'send'
    | 'fixBelow'
    | 'fixBelowOne'
    | 'tooMany'
    | 'expiredForm'
    | 'unavailable'
    | 'smsOnlyIn'
    | 'suppressed'
    | 'optional'
  >;
  subscribe: Words<
    | 'title'
    | 'intro'
    | 'channel'
    | 'email'
    | 'sms'
    | 'address'
    | 'addressHint'
    | 'topics'
    | 'topicsHint'
    | 'everyTopic'
    | 'follows'
    | 'followsHint'
    | 'frequency'
    | 'language'
    | 'submit'
    | 'feeds'
    | 'sentTitle'
    | 'sent'
    | 'sentLater'
    | 'codeTitle'
    | 'codeIntro'
    | 'code'
    | 'confirm'
  >;
  report: Words<
    | 'title'
    | 'intro'
    | 'url'
    | 'urlHint'
    | 'text'
    | 'textHint'
    | 'topic'
    | 'unknownTopic'
    | 'evidence'
    | 'evidenceHint'
    | 'language'
    | 'contact'
    | 'contactHint'
    | 'email'
    | 'phone'
    | 'submit'
    | 'trackingTitle'
    | 'bookmark'
    | 'status'
    | 'updated'
    | 'correction'
  > & { statuses: Words<PublicStatus> };
  manage: Words<
    | 'title'
    | 'intro'
    | 'address'
    | 'saved'
    | 'confirmed'
    | 'submit'
    | 'unsubscribe'
    | 'notActive'
    | 'subscribeAgain'
    | 'follows'
    | 'followsHint'
  >;
  /** One message per field that can be wrong, whatever the validator's detail was. */
  fields: Words<FormField>;
  /** The pages a subscriber opens from a message: confirm, unsubscribe, a dead link. */
  subscription: Words<
    | 'listSeparator'
    | 'every'
    | 'pages'
    | 'pagesOne'
    | 'and'
    | 'address'
    | 'confirmTitle'
    | 'confirm'
    | 'confirmButton'
    | 'confirmedTitle'
    | 'confirmed'
    | 'alreadyConfirmed'
    | 'manage'
    | 'unsubscribeTitle'
    | 'unsubscribe'
    | 'button'
    | 'alreadyUnsubscribed'
    | 'unsubscribedTitle'
    | 'unsubscribed'
    | 'deadLinkTitle'
    | 'deadLink'
    | 'subscribe'
  >;
  /** Why an SMS code was refused. */
  codeRefusals: Words<'wrong' | 'wrongOne' | 'wrongNone' | 'locked' | 'expired' | 'none'>;
}

const wordsFile = servedFile(new URL('./page-words.json', import.meta.url));
let words: Readonly<Record<Language, PageWords>> | undefined;

/** The words of the pages in `language`. */
export function pageWords(language: Language): PageWords {
  words ??= JSON.parse(wordsFile()) as Record<Language, PageWords>;
  return words[language];
}

export const languageNames: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** A word with its "{name}" filled in. */
export const fill = (template: string, name: string, value: string | number): string =>
  // A function, so that a "$&" in a topic's name is text, not a replacement pattern.
  template.replace(`{${name}}`, () => String(value));

/** The summary above a form with `count` fields to change. */
export const fixBelow = (language: Language, count: number): string => {
  const form = pageWords(language).form;
  return count === 1 ? form.fixBelowOne : fill(form.fixBelow, 'count', count);
};

/** Why a number outside the SMS countries cannot subscribe by SMS. */
export const smsOnlyIn = (language: Language, places: string): string =>
  fill(pageWords(language).form.smsOnlyIn, 'places', places);

/** A wrong SMS code, with the tries `left`. */
export const wrongCode = (language: Language, left: number): string => {
  const refusals = pageWords(language).codeRefusals;
  if (left <= 0) return refusals.wrongNone;
  return left === 1 ? refusals.wrongOne : fill(refusals.wrong, 'left', left);
};
