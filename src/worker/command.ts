// `tactful worker`: open the database and run passes until SIGINT/SIGTERM (or one with --once).
import type { Config } from '../config/config.js';
import { runWorkerLoop } from './loop.js';
import { openMailRuntime } from './open.js';
import { workerDeps } from './runtime.js';
import { runWorkerOnce, type TickReport } from './worker.js';

export interface WorkerCommandOptions {
  once: boolean;
  pollMs: number;
  staleAfterMs: number;
  print(line: string): void;
}

function describe(report: TickReport): string | null {
  if (report.recovered + report.digestsCreated + report.attempted === 0) return null;
  return `recovered ${report.recovered}, digests created ${report.digestsCreated}, attempted ${report.attempted}, sent ${report.sent}`;
}

export async function runWorkerCommand(
  config: Config,
  options: WorkerCommandOptions,
): Promise<void> {
  const runtime = await openMailRuntime(config, process.env);
  const deps = workerDeps({
    store: runtime.store,
    calendar: runtime.calendar,
    clock: { now: () => Date.now() },
    dataDir: config.storage.kind === 'sqlite' ? runtime.dataDir : null,
    staleAfterMs: options.staleAfterMs,
  });
  try {
    if (options.once) {
      const line = describe(await runWorkerOnce(deps));
      options.print(line ?? 'nothing to send');
      return;
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    options.print('tactful worker running (Ctrl-C to stop)');
    await runWorkerLoop(deps, {
      pollMs: options.pollMs,
      signal: controller.signal,
      onPass: (report, error) => {
        if (error)
          options.print(`pass failed: ${error instanceof Error ? error.message : String(error)}`);
        const line = report && describe(report);
        if (line) options.print(line);
      },
    });
  } finally {
    await runtime.close();
  }
}
