// The worker as a long-running loop: a pass now, then one every `pollMs` and at the next
// 08:00 of any seeker. Stops between passes when `signal` aborts.
import { runWorkerOnce, type TickReport, type WorkerDeps } from './worker.js';

export interface LoopOptions {
  pollMs: number;
  signal: AbortSignal;
  /** Called after each pass (logging); errors of a pass are reported here, never thrown. */
  onPass?: (report: TickReport | null, error?: unknown) => void;
}

export async function runWorkerLoop(deps: WorkerDeps, options: LoopOptions): Promise<void> {
  while (!options.signal.aborted) {
    try {
      options.onPass?.(await runWorkerOnce(deps));
    } catch (error) {
      // A database hiccup must not stop the worker; the next pass retries.
      options.onPass?.(null, error);
    }
    await sleep(options.pollMs, options.signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
