/** The generic continuations' progress: one item (./progress.ts) per (kind, target). */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ContinuationStore, ProgressRef, ProgressState } from '../../ports/continuations.ts';
import * as keys from './item-keys.ts';
import { DynamoProgress } from './progress.ts';

// Prefixed, so that no cursor a kind makes can be mistaken for the reserved end.
const encode = (cursor: string): string => `at:${cursor}`;
const decode = (stored: string): string => stored.slice('at:'.length);

const decoded = (state: ProgressState<string>): ProgressState<string> => ({
  ...state,
  ...(state.position !== undefined ? { position: decode(state.position) } : {}),
  ...(state.previous !== undefined ? { previous: decode(state.previous) } : {}),
});

export class DynamoContinuationStore implements ContinuationStore {
  private readonly progress: DynamoProgress;

  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    this.progress = new DynamoProgress(doc, tableName);
  }

  async start(ref: ProgressRef): Promise<ProgressState<string>> {
    const state = await this.progress.start(keys.continuation(ref.kind, ref.target), encode(''), {
      entity: 'continuation',
      kind: ref.kind,
      target: ref.target,
    });
    return decoded(state);
  }

  async get(ref: ProgressRef): Promise<ProgressState<string> | undefined> {
    const state = await this.progress.get(keys.continuation(ref.kind, ref.target));
    return state && decoded(state);
  }

  advance(ref: ProgressRef, from: string, to: string | undefined, now: string): Promise<boolean> {
    return this.progress.advance(keys.continuation(ref.kind, ref.target), {
      from: encode(from),
      to: to === undefined ? undefined : encode(to),
      now,
    });
  }

  handedOn(ref: ProgressRef, position: string): Promise<void> {
    return this.progress.handedOn(keys.continuation(ref.kind, ref.target), encode(position));
  }
}
