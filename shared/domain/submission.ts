/** A report from the public, and what its reporter may see of the case it joined. */
import type { Case, CorrectionType, Language } from './case.ts';

export interface Contact {
  email?: string;
  phone?: string;
}

export interface Submission {
  id: string;
  caseId: string;
  text: string;
  url?: string;
  topic?: string;
  evidence?: string[];
  language: Language;
  /** Private: used once to tell the reporter the outcome; never in a public response. */
  contact?: Contact;
  /** SHA-256 of the tracking token; the token itself is never stored. */
  trackingTokenHash: string;
  createdAt: string;
}

export type PublicStatus = 'received' | 'in_review' | 'corrected' | 'clarified' | 'closed';

const published: Record<CorrectionType, PublicStatus> = {
  correction: 'corrected',
  retraction: 'corrected',
  clarification: 'clarified',
};

/** The public-safe view of a case's progress: no findings, names, or internal states. */
export function publicStatus(c: Case): PublicStatus {
  switch (c.status) {
    case 'received':
      return 'received';
    case 'published':
      return published[c.draft?.type ?? 'correction'];
    case 'closed':
      return 'closed';
    default:
      return 'in_review';
  }
}
