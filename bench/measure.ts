/** Small measuring helpers shared by the bench's sections. */

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Runs `work` `count` times, one after another; returns each run's latency in ms. */
export async function sequential(count: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await work(i);
    latencies.push(performance.now() - start);
  }
  return latencies;
}

/** Runs `work` from `concurrency` loops until `ms` have passed; returns completed runs and failures. */
export async function closedLoop(
  concurrency: number,
  ms: number,
  work: (i: number) => Promise<unknown>,
): Promise<{
  completed: number;
  errors: number;
  firstError?: unknown;
  latencies: number[];
  elapsedMs: number;
}> {
  const start = performance.now();
  const deadline = start + ms;
  let next = 0;
  let completed = 0;
  let errors = 0;
  let firstError: unknown;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const began = performance.now();
        try {
          await work(next++);
          completed++;
          latencies.push(performance.now() - began);
        } catch (error) {
          firstError ??= error;
          errors++;
        }
      }
    }),
  );
  return { completed, errors, firstError, latencies, elapsedMs: performance.now() - start };
}
