/**
 * The generic continuations the planner runs, by kind (see continuation.ts for how to add one), and
 * the one dispatch from a step to its kind.
 */
import type { ContinuationKindName, ContinuationStep } from '../ports/continuations.ts';
import { type ContinuationDeps, type ContinuationKind, runContinuationStep } from './continuation.ts';
import { correctionDigests } from './correction-digest.ts';
import { eraseMore } from './erase-person.ts';
import { writeImportChunk } from './import-writes.ts';
import { relinkMergedReports } from './merge-reports.ts';
import { closingReplies, expireContacts } from './notify.ts';

export const continuationKinds = {
  'merge-relink': relinkMergedReports,
  'closing-replies': closingReplies,
  'correction-digest': correctionDigests,
  'contact-expiry': expireContacts,
  erasure: eraseMore,
  'subscriber-import': writeImportChunk,
} satisfies Record<ContinuationKindName, ContinuationKind<never>>;

type DepsOf<K> = K extends ContinuationKind<infer D> ? D : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** What every kind needs together: the planner's composition root provides it. */
export type ContinuationKindsDeps = ContinuationDeps &
  Intersection<DepsOf<(typeof continuationKinds)[ContinuationKindName]>>;

export function runContinuation(deps: ContinuationKindsDeps, step: ContinuationStep) {
  const kind = continuationKinds[step.kind] as ContinuationKind<ContinuationKindsDeps> | undefined;
  if (!kind) throw new Error(`Unknown continuation kind ${String(step.kind)}`);
  return runContinuationStep(deps, kind, step);
}
