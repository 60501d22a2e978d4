/**
 * Delivery plans: one progress item (./progress.ts) per (correction, version, round) holding the
 * cursor of its audience, moved together with that run's `planned` counters, so a replayed event or
 * a redelivered step plans nothing new and only one chain of runs goes on.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ProgressState } from '../../ports/continuations.ts';
import type { PlanPosition } from '../../ports/delivery-queues.ts';
import type { PlanRef, PlanState, PlanStore } from '../../ports/plan-store.ts';
import { countersUpdate } from './delivery-counters.ts';
import * as keys from './item-keys.ts';
import { DynamoProgress } from './progress.ts';

const encode = (position: PlanPosition): string => JSON.stringify(position);

const decoded = ({ position, previous, ...rest }: ProgressState<string>): PlanState => ({
  ...rest,
  ...(position !== undefined ? { position: JSON.parse(position) as PlanPosition } : {}),
  ...(previous !== undefined ? { previous: JSON.parse(previous) as PlanPosition } : {}),
});

export class DynamoPlanStore implements PlanStore {
  private readonly progress: DynamoProgress;

  constructor(
    doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.progress = new DynamoProgress(doc, tableName);
  }

  async start(ref: PlanRef, first: PlanPosition): Promise<PlanState> {
    return decoded(
      await this.progress.start(keys.plan(ref), encode(first), {
        entity: 'plan',
        correctionId: ref.correctionId,
        version: ref.version,
        round: ref.round,
      }),
    );
  }

  async get(ref: PlanRef): Promise<PlanState | undefined> {
    const state = await this.progress.get(keys.plan(ref));
    return state && decoded(state);
  }

  async advance(
    ref: PlanRef,
    from: PlanPosition,
    to: PlanPosition | undefined,
    planned: Partial<Record<'email' | 'sms', number>>,
    now: string,
  ): Promise<boolean> {
    const changes = Object.fromEntries(
      Object.entries(planned)
        .filter(([, amount]) => amount > 0)
        .map(([channel, amount]) => [channel, { planned: amount }]),
    );
    const counters = Object.keys(changes).length
      ? [countersUpdate(this.tableName, { correctionId: ref.correctionId, version: ref.version }, changes)]
      : [];
    return this.progress.advance(keys.plan(ref), { from: encode(from), to: to && encode(to), now }, counters);
  }

  async handedOn(ref: PlanRef, position: PlanPosition): Promise<void> {
    await this.progress.handedOn(keys.plan(ref), encode(position));
  }
}
