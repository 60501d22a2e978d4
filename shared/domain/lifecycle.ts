/**
 * The case state machine: the only place that decides whether an action is allowed, what the case
 * becomes, and what history records. Pure: no I/O, time passed in.
 *
 * received → in_review (assign) → drafting (review: correction | clarification)
 * in_review → closed (review: no_action | duplicate)
 * drafting → awaiting_approval (submit, needs a saved draft)
 * awaiting_approval → drafting (request-changes) | approved (approve, by nobody who saved or submitted
 *   the draft since the case last entered drafting: the two-person rule)
 * approved → published (the publisher) ; any status before approved → closed (close)
 */
import {
  type Case,
  type CaseStatus,
  type CorrectionType,
  type Draft,
  type HistoryDetails,
  type HistoryEntry,
  isOpen,
  type Severity,
  systemActor,
  type Verdict,
} from './case.ts';
import { ActionNotAllowed, PermissionDenied } from './errors.ts';
import { type Actor, type Capability, requireCapability } from './roles.ts';
import { dueAt, type SeverityPolicy } from './severity.ts';

export interface DraftInput {
  type: CorrectionType;
  headline: string;
  body: string;
  smsText?: string;
  affectedUrl?: string;
}

export type CaseCommand =
  | { action: 'assign'; assignee: string }
  | { action: 'review'; verdict: Verdict; findings: string; duplicateOf?: string }
  | { action: 'draft'; draft: DraftInput }
  | { action: 'submit' }
  | { action: 'request-changes'; note: string }
  | { action: 'approve' }
  | { action: 'close'; reason: string }
  | { action: 'update'; topic?: string; severity?: Severity }
  | { action: 'publish'; correctionId: string };

export type CaseAction = CaseCommand['action'];

const beforeApproval: CaseStatus[] = ['received', 'in_review', 'drafting', 'awaiting_approval'];

/** Where each action may start, and who may take it ('system' is the publisher's alone). */
const rules: Record<CaseAction, { from: CaseStatus[]; capability: Capability | 'system' }> = {
  assign: { from: ['received', 'in_review'], capability: 'assign' },
  review: { from: ['in_review'], capability: 'review' },
  draft: { from: ['drafting'], capability: 'draft' },
  submit: { from: ['drafting'], capability: 'submit' },
  'request-changes': { from: ['awaiting_approval'], capability: 'request-changes' },
  approve: { from: ['awaiting_approval'], capability: 'approve' },
  close: { from: beforeApproval, capability: 'close' },
  update: { from: beforeApproval, capability: 'update' },
  publish: { from: ['approved'], capability: 'system' },
};

/** The editorial actions the contract offers in a status (publish is not one: the system does it). */
export function allowedActions(status: CaseStatus): CaseAction[] {
  return (Object.keys(rules) as CaseAction[]).filter(
    (action) => rules[action].capability !== 'system' && rules[action].from.includes(status),
  );
}

export interface DecisionContext {
  now: string;
  policy: SeverityPolicy;
}

export interface Decision {
  next: Case;
  entry: HistoryEntry;
}

export function requireAction(actor: Actor, action: CaseAction): void {
  const { capability } = rules[action];
  if (capability === 'system') {
    if (actor.id !== systemActor) throw new PermissionDenied(`Only the publisher may ${action} a case.`);
    return;
  }
  requireCapability(actor, capability);
}

/** Refuse with a stable code the console translates (the message is for API users and logs). */
function refuse(current: Case, action: CaseAction, why?: string, code?: string): never {
  const allowed = allowedActions(current.status);
  throw new ActionNotAllowed(
    why ??
      `A case in status "${current.status}" cannot be sent "${action}"; allowed: ${allowed.join(', ') || 'none'}.`,
    current.status,
    allowed,
    code ?? 'status-not-allowed',
  );
}

/**
 * Who may not approve the case's draft. Cases stored before the set was kept name only the last
 * saver, as the draft's author.
 */
export function draftAuthors(c: Case): string[] {
  return c.draftAuthors ?? (c.draft ? [c.draft.author] : []);
}

const withAuthor = (c: Case, actorId: string): string[] => [...new Set([...draftAuthors(c), actorId])];

/** Decide one command on one case: the next case (version + 1) and its history entry, or an error. */
export function decide(current: Case, command: CaseCommand, actor: Actor, ctx: DecisionContext): Decision {
  requireAction(actor, command.action);
  if (!rules[command.action].from.includes(current.status)) refuse(current, command.action);

  const base = { ...current, version: current.version + 1, updatedAt: ctx.now };
  const entry = (to: CaseStatus, note?: string, details?: HistoryDetails): HistoryEntry => ({
    at: ctx.now,
    actor: actor.id,
    action: command.action,
    from: current.status,
    to,
    ...(note ? { note } : {}),
    ...(details ? { details } : {}),
  });

  switch (command.action) {
    case 'assign':
      return {
        next: { ...base, status: 'in_review', assignee: command.assignee },
        entry: entry('in_review', `assigned to ${command.assignee}`, { assignee: command.assignee }),
      };
    case 'review': {
      const review = {
        verdict: command.verdict,
        findings: command.findings,
        ...(command.duplicateOf ? { duplicateOf: command.duplicateOf } : {}),
        reviewer: actor.id,
        at: ctx.now,
      };
      // The note is what the reviewer wrote; the verdict travels as data.
      const note = command.findings;
      const details = {
        verdict: command.verdict,
        ...(command.duplicateOf ? { duplicateOf: command.duplicateOf } : {}),
      };
      if (command.verdict === 'correction' || command.verdict === 'clarification') {
        return {
          next: { ...base, status: 'drafting', review, draftAuthors: [] },
          entry: entry('drafting', note, details),
        };
      }
      if (command.verdict === 'duplicate' && command.duplicateOf === current.id) {
        refuse(current, command.action, 'A case cannot be a duplicate of itself.', 'duplicate-of-itself');
      }
      const resolution =
        command.verdict === 'duplicate'
          ? { kind: 'duplicate' as const, reason: command.findings, duplicateOf: command.duplicateOf ?? '' }
          : { kind: 'no_action' as const, reason: command.findings };
      return {
        next: { ...base, status: 'closed', review, resolution },
        entry: entry('closed', note, details),
      };
    }
    case 'draft': {
      const draft: Draft = { ...command.draft, author: actor.id, at: ctx.now };
      return {
        next: { ...base, draft, draftAuthors: withAuthor(current, actor.id) },
        entry: entry('drafting', draft.headline, { headline: draft.headline }),
      };
    }
    case 'submit':
      if (!current.draft) {
        refuse(current, 'submit', 'A case needs a saved draft before it is submitted.', 'draft-required');
      }
      return {
        next: { ...base, status: 'awaiting_approval', draftAuthors: withAuthor(current, actor.id) },
        entry: entry('awaiting_approval'),
      };
    case 'request-changes': {
      const { approval: _cleared, ...rest } = base;
      // Back in drafting: the rule counts only who writes or submits from here on.
      return {
        next: { ...rest, status: 'drafting', draftAuthors: [] },
        entry: entry('drafting', command.note),
      };
    }
    case 'approve':
      if (draftAuthors(current).includes(actor.id)) {
        refuse(
          current,
          'approve',
          `The two-person rule: ${actor.id} saved or submitted this draft, so someone else must approve it.`,
          'two-person-rule',
        );
      }
      return {
        next: { ...base, status: 'approved', approval: { approver: actor.id, at: ctx.now } },
        entry: entry('approved'),
      };
    case 'close':
      return {
        next: { ...base, status: 'closed', resolution: { kind: 'rejected', reason: command.reason } },
        entry: entry('closed', command.reason),
      };
    case 'update': {
      const severity = command.severity ?? current.severity;
      const severityChanged = severity !== current.severity;
      const topicChanged = command.topic !== undefined && command.topic !== current.topic;
      const changes = [
        topicChanged ? `topic ${current.topic} → ${command.topic}` : '',
        severityChanged ? `severity ${current.severity} → ${severity}` : '',
      ].filter(Boolean);
      const details: HistoryDetails = {
        ...(topicChanged ? { topic: { from: current.topic, to: command.topic ?? current.topic } } : {}),
        ...(severityChanged ? { severity: { from: current.severity, to: severity } } : {}),
      };
      return {
        next: {
          ...base,
          topic: command.topic ?? current.topic,
          severity,
          dueAt: severityChanged ? dueAt(severity, ctx.now, ctx.policy) : current.dueAt,
        },
        entry: entry(current.status, changes.join('; ') || 'no change', details),
      };
    }
    case 'publish':
      return {
        next: { ...base, status: 'published', correctionId: command.correctionId },
        entry: entry('published', command.correctionId, { correctionId: command.correctionId }),
      };
  }
}

/** A case that reports, merges or escalations may still join. */
export const acceptsReports = (c: Case): boolean => isOpen(c.status);
