/** What the feeds show: the corrections most recently published or amended, as the public sees them. */
import { publicView } from '../domain/correction.ts';
import type { CorrectionLists } from '../ports/correction-store.ts';
import type { PublicCorrection } from './read-corrections.ts';

export async function latestCorrections(
  corrections: CorrectionLists,
  limit: number,
): Promise<PublicCorrection[]> {
  return (await corrections.latest(limit)).map(publicView);
}
