export interface RateLimiter {
  /**
   * Counts one use of `key` in the current window of `windowSeconds`; refuses (with the seconds until
   * the window ends) once `limit` uses were counted.
   */
  take(
    key: string,
    limit: number,
    windowSeconds: number,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}
