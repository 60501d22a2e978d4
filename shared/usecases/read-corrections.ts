/** The public's reads of published corrections. */

import { publicView } from '../domain/correction.ts';
import { NotFound } from '../domain/errors.ts';
import type { CorrectionLists, CorrectionStore } from '../ports/correction-store.ts';

export type PublicCorrection = ReturnType<typeof publicView>;

export async function readCorrection(corrections: CorrectionStore, id: string): Promise<PublicCorrection> {
  const found = await corrections.get(id);
  if (!found) throw new NotFound(`No correction ${id}.`);
  return publicView(found);
}

export async function listCorrections(
  corrections: CorrectionLists,
  query: { topic?: string; limit: number; cursor?: string },
): Promise<{ items: PublicCorrection[]; nextCursor: string | null }> {
  const page = await corrections.list(query);
  return { items: page.items.map(publicView), nextCursor: page.nextCursor };
}
