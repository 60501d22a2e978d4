/** Subscription changes are read, decided, then written on condition; a lost race is decided again. */
import { SubscriptionChanged } from '../ports/subscription-store.ts';

/** Enough for every one of ten simultaneous requests for one address to land (each round one wins). */
const maxRounds = 25;

/** Runs `attempt` (which reads afresh each time) again while another write got in first. */
export async function settled<T>(attempt: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof SubscriptionChanged) || round >= maxRounds) throw error;
    }
  }
}
