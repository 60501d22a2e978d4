/** How often one client (by address) may write to the public API. */
import { RateLimited } from '../domain/errors.ts';
import type { RateLimiter } from '../ports/rate-limiter.ts';

export async function admitClient(
  limiter: RateLimiter,
  clientAddress: string,
  perMinute: number,
): Promise<void> {
  const { allowed, retryAfterSeconds } = await limiter.take(`client:${clientAddress}`, perMinute, 60);
  if (!allowed)
    throw new RateLimited('Too many requests from your address; try again shortly.', retryAfterSeconds);
}
