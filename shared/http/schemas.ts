/**
 * The contract's request bodies and query strings, as validators. Those that take no arguments are
 * built on first use (onFirstUse): a cold start builds none of them, only the ones its requests need.
 */
import * as z from 'zod/mini';
import { caseStatuses, correctionTypes, languages, severities, verdicts } from '../domain/case.ts';
import { longestPermalink } from '../domain/correction.ts';
import { isValidPhone } from '../domain/phone.ts';
import { composeSms, fitsOneSegment } from '../domain/sms.ts';
import { frequencies, maxFollows, maxTopics } from '../domain/subscription.ts';
import { allTopics, topicKeyPattern } from '../domain/topic.ts';
import { normalizeUrl } from '../domain/url.ts';
import { webhookEventTypes } from '../domain/webhook.ts';
import { pageFields } from './queries.ts';
import { email, onFirstUse, text, webUrl } from './validation.ts';

const topicKey = (known: ReadonlySet<string>) =>
  z
    .string()
    .check(z.refine((key) => known.has(key), { error: (issue) => `unknown topic "${String(issue.input)}"` }));

/** E.164 and a number that can be a mobile (the desk texts it). */
export const e164Phone = () =>
  z.string().check(
    z.refine((value) => isValidPhone(value), {
      error: 'must be a valid phone number in E.164 form, e.g. +8613800138000',
    }),
  );

const evidence = () => z.array(webUrl()).check(z.maxLength(10, { error: 'at most 10 links' }));

export const submissionRequest = (knownTopics: ReadonlySet<string>) =>
  z.strictObject({
    text: text(1, 5000),
    url: z.optional(webUrl()),
    topic: z.optional(topicKey(knownTopics)),
    evidence: z.optional(evidence()),
    language: z.optional(z.enum(languages)),
    contact: z.optional(z.strictObject({ email: z.optional(email()), phone: z.optional(e164Phone()) })),
  });

export const staffCaseRequest = (knownTopics: ReadonlySet<string>) =>
  z.strictObject({
    text: text(1, 5000),
    url: z.optional(webUrl()),
    topic: topicKey(knownTopics),
    severity: z.optional(z.enum(severities)),
    source: z.enum(['monitoring', 'staff']),
    evidence: z.optional(evidence()),
    language: z.optional(z.enum(languages)),
  });

export const assignRequest = /* @__PURE__ */ onFirstUse(() => z.strictObject({ assignee: text(1, 128) }));

export const reviewRequest = /* @__PURE__ */ onFirstUse(() =>
  z
    .strictObject({
      verdict: z.enum(verdicts),
      findings: text(1, 5000),
      duplicateOf: z.optional(text(1, 64)),
    })
    .check(
      z.refine((review) => review.verdict !== 'duplicate' || review.duplicateOf !== undefined, {
        error: 'is required for a duplicate verdict',
        path: ['duplicateOf'],
      }),
    ),
);

export const draftRequest = (publicBaseUrl: string) =>
  z.strictObject({
    type: z.enum(correctionTypes),
    headline: text(1, 200),
    body: text(1, 5000),
    smsText: z.optional(
      text(1, 160).check(
        z.refine((sms) => fitsOneSegment(composeSms(sms, longestPermalink(publicBaseUrl))), {
          error: 'with the link it must fit one SMS segment (160 GSM-7 or 70 UCS-2 characters)',
        }),
      ),
    ),
    affectedUrl: z.optional(webUrl()),
  });

export const noteRequest = /* @__PURE__ */ onFirstUse(() => z.strictObject({ note: text(1, 5000) }));
export const closeRequest = /* @__PURE__ */ onFirstUse(() => z.strictObject({ reason: text(1, 5000) }));

export const updateRequest = (knownTopics: ReadonlySet<string>) =>
  z
    .strictObject({ topic: z.optional(topicKey(knownTopics)), severity: z.optional(z.enum(severities)) })
    .check(
      z.refine((change) => change.topic !== undefined || change.severity !== undefined, {
        error: 'name a topic or a severity to change',
        path: [],
      }),
    );

export const topicRequest = /* @__PURE__ */ onFirstUse(() =>
  z.strictObject({
    names: z
      .record(
        z.string().check(z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: 'must be a language tag' })),
        text(1, 200),
      )
      .check(
        z.refine((names) => names['zh-CN'] !== undefined && names.en !== undefined, {
          error: 'needs at least zh-CN and en',
        }),
      ),
    desk: text(1, 200),
    defaultSeverity: z.optional(z.enum(severities)),
  }),
);

export const topicKeyParameter = /* @__PURE__ */ onFirstUse(() =>
  z.string().check(z.regex(topicKeyPattern, { error: 'must match ^[a-z0-9-]{2,40}$' })),
);

export const webhookRequest = /* @__PURE__ */ onFirstUse(() =>
  z.strictObject({
    url: text(1, 2048),
    description: z.optional(text(0, 200)),
    events: z.optional(
      z.array(z.enum(webhookEventTypes)).check(z.minLength(1, { error: 'name at least one event type' })),
    ),
  }),
);

export const webhookChange = /* @__PURE__ */ onFirstUse(() =>
  z
    .strictObject({
      status: z.optional(z.enum(['active', 'disabled'])),
      description: z.optional(text(0, 200)),
    })
    .check(
      z.refine((change) => change.status !== undefined || change.description !== undefined, {
        error: 'name a status or a description to change',
        path: [],
      }),
    ),
);

export const caseListQuery = /* @__PURE__ */ onFirstUse(() =>
  z.strictObject({
    ...pageFields(),
    status: z.optional(z.enum(caseStatuses)),
    topic: z.optional(z.string().check(z.maxLength(40))),
    assignee: z.optional(z.string().check(z.maxLength(128))),
  }),
);

const channels = ['email', 'sms'] as const;
// Built when a request is checked, so that a function that never takes an address bundles no phone rules.
const addressOf = (channel: (typeof channels)[number]) => (channel === 'email' ? email() : e164Phone());

/** Known topic keys, each once, or ["*"] alone for every topic. */
const followedTopics = (knownTopics: ReadonlySet<string>) =>
  z
    .pipe(
      z.array(topicKey(new Set([...knownTopics, allTopics]))),
      z.transform((keys) => [...new Set(keys)]),
    )
    .check(
      z.refine((keys) => !keys.includes(allTopics) || keys.length === 1, {
        error: '"*" (every topic) cannot be combined with other topics',
      }),
      z.refine((keys) => keys.length <= maxTopics, {
        error: `at most ${maxTopics} topics; use "*" to follow every topic`,
      }),
    );

/** Pages to follow: http(s) addresses, each page once (as reports of it are joined), at most 20. */
export const followedPages = () =>
  z.pipe(
    z.array(webUrl()).check(z.maxLength(maxFollows, { error: `at most ${maxFollows} pages` })),
    z.transform((urls) => {
      const byPage = new Map<string, string>();
      for (const url of urls) if (!byPage.has(normalizeUrl(url))) byPage.set(normalizeUrl(url), url);
      return [...byPage.values()];
    }),
  );

/** What a subscription receives; at least one topic or one page (the JSON request and the manage page). */
export const interests = (knownTopics: ReadonlySet<string>) => ({
  topics: z.optional(followedTopics(knownTopics)),
  follows: z.optional(followedPages()),
  frequency: z.optional(z.enum(frequencies)),
  language: z.optional(z.enum(languages)),
});

const somethingFollowed = (request: { topics?: unknown; follows?: unknown }) =>
  (Array.isArray(request.topics) ? request.topics.length : 0) +
    (Array.isArray(request.follows) ? request.follows.length : 0) >
  0;
/** Said even when other fields are wrong (so every bad field is listed), unless topics or follows are. */
const nothingFollowed = {
  error: 'name at least one topic ("*" for every topic) or one page to follow',
  path: ['topics'],
  when: ({ issues }: { issues: ReadonlyArray<{ code?: string; path?: PropertyKey[] }> }) =>
    !issues.some(
      (issue) =>
        (!issue.path?.length && issue.code !== 'unrecognized_keys') ||
        issue.path?.[0] === 'topics' ||
        issue.path?.[0] === 'follows',
    ),
};

export const subscriptionRequest = (knownTopics: ReadonlySet<string>) =>
  z
    .strictObject({
      channel: z.enum(channels),
      address: z.string(),
      ...interests(knownTopics),
    })
    .check(
      z.refine(somethingFollowed, nothingFollowed),
      z.superRefine(
        (request, context) => {
          // With no valid channel, an address that is neither kind is wrong whichever is meant.
          const rules = channels.includes(request.channel) ? addressOf(request.channel) : undefined;
          if (!rules && channels.some((channel) => addressOf(channel).safeParse(request.address).success))
            return;
          const checked = (rules ?? addressOf('email')).safeParse(request.address);
          for (const issue of checked.error?.issues ?? []) {
            context.addIssue({ code: 'custom', path: ['address'], message: issue.message });
          }
        },
        // The address is checked even when other fields are bad, so every bad field is listed.
        {
          when: ({ issues }) =>
            !issues.some(
              (issue) =>
                (!issue.path?.length && issue.code !== 'unrecognized_keys') || issue.path?.[0] === 'address',
            ),
        },
      ),
    );

/** An erasure names one address; a number only needs E.164's form (it may predate today's numbering plans). */
export const erasureRequest = /* @__PURE__ */ onFirstUse(() =>
  z
    .strictObject({
      channel: z.enum(channels),
      address: z.string().check(z.maxLength(254, { error: 'must be at most 254 characters' })),
    })
    .check(
      z.superRefine((request, context) => {
        const address = request.address.trim();
        const valid =
          request.channel === 'email'
            ? email().safeParse(address).success
            : /^\+[1-9]\d{7,14}$/.test(address);
        if (!valid)
          context.addIssue({
            code: 'custom',
            path: ['address'],
            message:
              request.channel === 'email'
                ? 'must be an email address'
                : 'must be a phone number in E.164 form, e.g. +8613800138000',
          });
      }),
    ),
);

const linkToken = () => text(1, 512);

/** The manage page's changes: everything a subscription receives, topics or pages at least. */
export const interestsChange = (knownTopics: ReadonlySet<string>) =>
  z
    .object({
      topics: followedTopics(knownTopics),
      follows: followedPages(),
      frequency: z.enum(frequencies),
      language: z.enum(languages),
    })
    .check(z.refine(somethingFollowed, nothingFollowed));

export const verifyRequest = /* @__PURE__ */ onFirstUse(() =>
  z.strictObject({
    code: z.string().check(z.regex(/^\d{6}$/, { error: 'must be the 6-digit code from the SMS' })),
  }),
);
export const unsubscribeRequest = /* @__PURE__ */ onFirstUse(() => z.strictObject({ token: linkToken() }));
/** The token of a link in a message (confirm, unsubscribe page, one-click unsubscribe). */
export const linkTokenQuery = /* @__PURE__ */ onFirstUse(() => z.object({ token: linkToken() }));
/** A form unsubscribe: RFC 8058 one-click (its fixed field) or the unsubscribe page's own form. */
export const unsubscribeForm = /* @__PURE__ */ onFirstUse(() =>
  z.object({
    token: linkToken(),
    'List-Unsubscribe': z.optional(z.literal('One-Click', { error: 'must be One-Click (RFC 8058)' })),
  }),
);
