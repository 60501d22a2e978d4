/** The contract's request bodies and query strings, as validators. */
import { z } from 'zod';
import { caseStatuses, correctionTypes, languages, severities, verdicts } from '../domain/case.ts';
import { correctionIdLength } from '../domain/correction.ts';
import { composeSms, fitsOneSegment } from '../domain/sms.ts';
import { topicKeyPattern } from '../domain/topic.ts';
import { e164Phone, email, text, webUrl } from './validation.ts';

const topicKey = (known: ReadonlySet<string>) =>
  z.string().refine((key) => known.has(key), { error: (issue) => `unknown topic "${String(issue.input)}"` });

const evidence = () => z.array(webUrl()).max(10, { error: 'at most 10 links' });

export const submissionRequest = (knownTopics: ReadonlySet<string>) =>
  z.strictObject({
    text: text(1, 5000),
    url: webUrl().optional(),
    topic: topicKey(knownTopics).optional(),
    evidence: evidence().optional(),
    language: z.enum(languages).optional(),
    contact: z.strictObject({ email: email().optional(), phone: e164Phone().optional() }).optional(),
  });

export const staffCaseRequest = (knownTopics: ReadonlySet<string>) =>
  z.strictObject({
    text: text(1, 5000),
    url: webUrl().optional(),
    topic: topicKey(knownTopics),
    severity: z.enum(severities).optional(),
    source: z.enum(['monitoring', 'staff']),
    evidence: evidence().optional(),
    language: z.enum(languages).optional(),
  });

export const assignRequest = z.strictObject({ assignee: text(1, 128) });

export const reviewRequest = z
  .strictObject({
    verdict: z.enum(verdicts),
    findings: text(1, 5000),
    duplicateOf: text(1, 64).optional(),
  })
  .refine((review) => review.verdict !== 'duplicate' || review.duplicateOf !== undefined, {
    error: 'is required for a duplicate verdict',
    path: ['duplicateOf'],
  });

/** The longest permalink an SMS may carry: correction ids have at most this many characters. */
export const longestPermalink = (publicBaseUrl: string): string =>
  `${publicBaseUrl}/c/${'x'.repeat(correctionIdLength)}`;

export const draftRequest = (publicBaseUrl: string) =>
  z.strictObject({
    type: z.enum(correctionTypes),
    headline: text(1, 200),
    body: text(1, 5000),
    smsText: text(1, 160)
      .refine((sms) => fitsOneSegment(composeSms(sms, longestPermalink(publicBaseUrl))), {
        error: 'with the link it must fit one SMS segment (160 GSM-7 or 70 UCS-2 characters)',
      })
      .optional(),
    affectedUrl: webUrl().optional(),
  });

export const noteRequest = z.strictObject({ note: text(1, 5000) });
export const closeRequest = z.strictObject({ reason: text(1, 5000) });

export const updateRequest = (knownTopics: ReadonlySet<string>) =>
  z
    .strictObject({ topic: topicKey(knownTopics).optional(), severity: z.enum(severities).optional() })
    .refine((change) => change.topic !== undefined || change.severity !== undefined, {
      error: 'name a topic or a severity to change',
      path: [],
    });

export const topicRequest = z.strictObject({
  names: z
    .record(
      z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: 'must be a language tag' }),
      text(1, 200),
    )
    .refine((names) => names['zh-CN'] !== undefined && names.en !== undefined, {
      error: 'needs at least zh-CN and en',
    }),
  desk: text(1, 200),
  defaultSeverity: z.enum(severities).optional(),
});

export const topicKeyParameter = z.string().regex(topicKeyPattern, { error: 'must match ^[a-z0-9-]{2,40}$' });

const limit = z
  .string()
  .regex(/^\d+$/, { error: 'must be a whole number from 1 to 100' })
  .transform(Number)
  .pipe(z.number().min(1, { error: 'must be at least 1' }).max(100, { error: 'must be at most 100' }));

const page = { limit: limit.optional(), cursor: z.string().min(1).max(4096).optional() };

export const caseListQuery = z.strictObject({
  ...page,
  status: z.enum(caseStatuses).optional(),
  topic: z.string().max(40).optional(),
  assignee: z.string().max(128).optional(),
});

export const correctionListQuery = z.strictObject({ ...page, topic: z.string().max(40).optional() });
