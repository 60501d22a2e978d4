/**
 * deliverySummary: how delivery of a correction version is going, by channel and outcome, read from
 * the counters kept as deliveries happen (a handful of items at any audience size).
 */
import { InvalidInput, NotFound } from '../domain/errors.ts';
import { type Actor, requireCapability } from '../domain/roles.ts';
import type { CorrectionStore } from '../ports/correction-store.ts';
import type { DeliveryProgress } from '../ports/delivery-progress.ts';

export async function deliverySummary(
  deps: { corrections: CorrectionStore; deliveryProgress: DeliveryProgress },
  actor: Actor,
  correctionId: string,
  version?: string,
) {
  requireCapability(actor, 'read');
  const asked = version === undefined ? undefined : Number(version);
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 1))
    throw new InvalidInput([{ path: 'version', message: 'must be an integer of at least 1' }]);
  const correction = await deps.corrections.get(correctionId);
  if (!correction) throw new NotFound(`No correction ${correctionId}.`);
  const latest = correction.versions.at(-1)?.version ?? 1;
  const chosen = asked ?? latest;
  if (chosen > latest) throw new NotFound(`Correction ${correctionId} has no version ${chosen}.`);
  const counts = await deps.deliveryProgress.counts(correctionId, chosen);
  return { correctionId, version: chosen, ...counts };
}
