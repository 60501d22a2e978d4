/**
 * submitReport: a member of the public reports an error or asks for a clarification. Reports of a
 * page whose case is still open join that case; otherwise the report opens a new case and claims
 * the page for it.
 */
import type { Language } from '../domain/case.ts';
import { InvalidInput } from '../domain/errors.ts';
import { openCase } from '../domain/intake.ts';
import type { SeverityPolicy } from '../domain/severity.ts';
import type { Contact, Submission } from '../domain/submission.ts';
import { normalizeUrl } from '../domain/url.ts';
import type { CaseEscalations, CaseStore } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdempotencyStore, IdempotentWrite } from '../ports/idempotency-store.ts';
import { CaseNotOpen, ClaimChanged, type IntakeStore } from '../ports/intake-store.ts';
import type { TopicStore } from '../ports/topic-store.ts';
import type { UrlClaims } from '../ports/url-claims.ts';
import { hashToken, randomId, type Signer } from '../security/tokens.ts';
import { escalateIfDue } from './escalation.ts';
import { idempotent } from './idempotent.ts';

export interface ReportInput {
  text: string;
  url?: string;
  topic?: string;
  evidence?: string[];
  language?: Language;
  contact?: Contact;
}

export interface SubmissionReceipt {
  submissionId: string;
  caseId: string;
  status: 'received';
  trackingToken: string;
}

export interface SubmitReportDeps {
  intake: IntakeStore;
  claims: UrlClaims;
  cases: CaseStore;
  escalations: CaseEscalations;
  topics: TopicStore;
  idempotency: IdempotencyStore;
  signer: Signer;
  clock: Clock;
  policy: SeverityPolicy;
  defaultTopic: string;
}

/** The tracking token is derived, not stored, so a replayed request can hand out the same one. */
export const trackingToken = (signer: Signer, submissionId: string): string =>
  signer.derive('tracking', submissionId);

export async function submitReport(
  deps: SubmitReportDeps,
  input: ReportInput,
  idempotencyKey?: string,
): Promise<SubmissionReceipt> {
  const topicKey = input.topic ?? deps.defaultTopic;
  const topic = await deps.topics.get(topicKey);
  if (!topic) throw new InvalidInput([{ path: 'topic', message: `unknown topic "${topicKey}"` }]);

  const receipt = (response: Record<string, unknown>): SubmissionReceipt => ({
    submissionId: String(response.submissionId),
    caseId: String(response.caseId),
    status: 'received',
    trackingToken: trackingToken(deps.signer, String(response.submissionId)),
  });

  return idempotent(
    deps.idempotency,
    { scope: 'submission', ...(idempotencyKey ? { key: idempotencyKey } : {}), request: input },
    async (record) => {
      const submissionId = randomId(16);
      const now = deps.clock.now();
      const language = input.language ?? 'zh-CN';
      const submission = (caseId: string): Submission => ({
        id: submissionId,
        caseId,
        text: input.text,
        ...(input.url ? { url: input.url } : {}),
        ...(input.topic ? { topic: input.topic } : {}),
        ...(input.evidence?.length ? { evidence: input.evidence } : {}),
        language,
        ...(input.contact && (input.contact.email || input.contact.phone) ? { contact: input.contact } : {}),
        trackingTokenHash: hashToken(trackingToken(deps.signer, submissionId)),
        createdAt: now,
      });
      const idempotency = (caseId: string): IdempotentWrite | undefined =>
        record({ submissionId, caseId, status: 'received' });
      const open = (claim?: { urlKey: string; url: string; replacing?: string }) => {
        const decision = openCase(
          {
            id: randomId(12),
            topic: topic.key,
            text: input.text,
            ...(input.url ? { url: input.url } : {}),
            ...(input.evidence?.length ? { evidence: input.evidence } : {}),
            language,
            source: 'public',
            severity: topic.defaultSeverity,
          },
          'public',
          now,
          deps.policy,
        );
        const caseId = decision.next.id;
        const write = idempotency(caseId);
        return deps.intake
          .openWithReport({
            decision,
            submission: submission(caseId),
            ...(claim ? { claim } : {}),
            ...(write ? { idempotency: write } : {}),
          })
          .then(() => caseId);
      };

      if (!input.url) return receipt({ submissionId, caseId: await open() });
      const urlKey = normalizeUrl(input.url);
      // Claims change hands only when a case closes or a new page is first reported: a few rounds settle it.
      for (let attempt = 0; attempt < 20; attempt++) {
        const claim = await deps.claims.find(urlKey);
        try {
          if (!claim) return receipt({ submissionId, caseId: await open({ urlKey, url: input.url }) });
          try {
            const write = idempotency(claim.caseId);
            await deps.intake.joinWithReport({
              caseId: claim.caseId,
              submission: submission(claim.caseId),
              ...(write ? { idempotency: write } : {}),
            });
            await escalateIfDue(deps, claim.caseId);
            return receipt({ submissionId, caseId: claim.caseId });
          } catch (error) {
            if (!(error instanceof CaseNotOpen)) throw error;
            return receipt({
              submissionId,
              caseId: await open({ urlKey, url: input.url, replacing: claim.caseId }),
            });
          }
        } catch (error) {
          if (!(error instanceof ClaimChanged)) throw error;
        }
      }
      throw new Error(`Could not settle the case for ${urlKey}`);
    },
    receipt,
  );
}
