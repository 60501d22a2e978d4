/** A background loop (a poller) that can be stopped, with stop() resolving once its last round is over. */
import { describeError, type Log } from './log.ts';

export interface Loop {
  stop(): Promise<void>;
}

/**
 * Runs `round` again and again until stopped. A round that throws is logged and the loop waits a
 * second before the next, so an engine that is down does not flood the log.
 */
export function startLoop(name: string, round: (signal: AbortSignal) => Promise<void>, log: Log): Loop {
  const controller = new AbortController();
  const { signal } = controller;
  const done = (async () => {
    while (!signal.aborted) {
      try {
        await round(signal);
      } catch (error) {
        if (signal.aborted) break;
        log(`${name}: ${describeError(error)}`);
        await pause(1000, signal);
      }
    }
  })();
  return {
    async stop() {
      controller.abort();
      await done;
    },
  };
}

/** Waits `ms`, or less if the signal aborts first. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
