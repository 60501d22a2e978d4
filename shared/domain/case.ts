/** The Case: one reported or spotted error, from intake to publication or closure. */

export const caseStatuses = [
  'received',
  'in_review',
  'drafting',
  'awaiting_approval',
  'approved',
  'published',
  'closed',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Statuses in which a case is still being worked; public reports of its URL join it. */
export const openStatuses: ReadonlyArray<CaseStatus> = [
  'received',
  'in_review',
  'drafting',
  'awaiting_approval',
];
export const isOpen = (status: CaseStatus): boolean => openStatuses.includes(status);

export const severities = ['low', 'normal', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

export const caseSources = ['public', 'monitoring', 'staff', 'amendment'] as const;
export type CaseSource = (typeof caseSources)[number];

export const verdicts = ['correction', 'clarification', 'no_action', 'duplicate'] as const;
export type Verdict = (typeof verdicts)[number];

export const correctionTypes = ['correction', 'clarification', 'retraction'] as const;
export type CorrectionType = (typeof correctionTypes)[number];

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

export interface Draft {
  type: CorrectionType;
  headline: string;
  body: string;
  smsText?: string;
  affectedUrl?: string;
  author: string;
  at: string;
}

export interface Review {
  verdict: Verdict;
  findings: string;
  duplicateOf?: string;
  reviewer: string;
  at: string;
}

export interface Resolution {
  kind: 'no_action' | 'duplicate' | 'rejected';
  reason: string;
  duplicateOf?: string;
}

export interface Case {
  id: string;
  status: CaseStatus;
  topic: string;
  severity: Severity;
  source: CaseSource;
  text: string;
  url?: string;
  evidence?: string[];
  language: Language;
  reportCount: number;
  assignee?: string;
  dueAt: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  amends?: string;
  /** Why an amendment case was opened; becomes the new version's note. */
  amendmentNote?: string;
  review?: Review;
  draft?: Draft;
  /**
   * The two-person rule's memory: everyone who saved a version of the draft since the case last
   * entered drafting, and whoever submitted it. None of them may approve it.
   */
  draftAuthors?: string[];
  approval?: { approver: string; at: string };
  correctionId?: string;
  resolution?: Resolution;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  from?: CaseStatus;
  to?: CaseStatus;
  /** What people typed (findings, reasons) or, for older entries, an English summary. */
  note?: string;
  /** What the entry records, as data, so each reader sees it in their own language. */
  details?: HistoryDetails;
}

/** The structured facts of a history entry; which are present depends on its action. */
export interface HistoryDetails {
  source?: CaseSource;
  assignee?: string;
  verdict?: Verdict;
  duplicateOf?: string;
  headline?: string;
  topic?: { from: string; to: string };
  severity?: { from: Severity; to: Severity };
  reportCount?: number;
  mergedCase?: string;
  correctionId?: string;
}

/** The actor written into history for changes nobody made by hand. */
export const systemActor = 'system';
