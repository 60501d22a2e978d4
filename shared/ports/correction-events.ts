import type { Language } from '../domain/case.ts';

/** The backbone event: delivery, and any later integration, subscribe to it. */
export interface CorrectionPublished {
  eventType: 'correction.published';
  correctionId: string;
  version: number;
  topic: string;
  /** The pageTarget of the page the correction corrects, if it names one: its followers are told too. */
  page?: string;
  language: Language;
  caseId: string;
  publishedAt: string;
  /** Present on a re-announcement (its round): delivery then revives parked deliveries too. */
  round?: number;
}

export interface CorrectionEvents {
  published(event: CorrectionPublished): Promise<void>;
}
