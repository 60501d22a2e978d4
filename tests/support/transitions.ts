/**
 * The contract's CaseStatus table written out by hand (action → status it may start from → status it
 * leads to), and one command per action: the oracle the state machine is tested against, in memory
 * and stored.
 */
import type { CaseStatus } from '../../shared/domain/case.ts';
import type { CaseCommand } from '../../shared/domain/lifecycle.ts';

export const commandFor: Record<CaseCommand['action'], CaseCommand> = {
  assign: { action: 'assign', assignee: 'reviewer-li' },
  review: { action: 'review', verdict: 'correction', findings: '核实有误' },
  draft: { action: 'draft', draft: { type: 'correction', headline: '更正', body: '更正正文' } },
  submit: { action: 'submit' },
  'request-changes': { action: 'request-changes', note: '请补充' },
  approve: { action: 'approve' },
  close: { action: 'close', reason: '不属实' },
  update: { action: 'update', severity: 'high' },
  publish: { action: 'publish', correctionId: 'corr123456' },
};

export const contractTransitions: Record<CaseCommand['action'], Partial<Record<CaseStatus, CaseStatus>>> = {
  assign: { received: 'in_review', in_review: 'in_review' },
  review: { in_review: 'drafting' },
  draft: { drafting: 'drafting' },
  submit: { drafting: 'awaiting_approval' },
  'request-changes': { awaiting_approval: 'drafting' },
  approve: { awaiting_approval: 'approved' },
  close: { received: 'closed', in_review: 'closed', drafting: 'closed', awaiting_approval: 'closed' },
  update: {
    received: 'received',
    in_review: 'in_review',
    drafting: 'drafting',
    awaiting_approval: 'awaiting_approval',
  },
  publish: { approved: 'published' },
};
