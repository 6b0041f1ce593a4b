import { execFileSync } from 'node:child_process';
import { defineConfig } from 'vitest/config';
import { IDLE_SPAWN_MS } from './test/slowness.js';

/**
 * How much slower than idle this machine is right now: the median of three `node -e 0` spawns
 * (what most slow tests do) against an idle machine, between 1 and 30. Measured once per run
 * and handed to the workers, so every timeout is a hang guard scaled to the machine, not a
 * speed requirement (see test/slowness.ts). TACTFUL_TEST_SLOWNESS overrides it.
 */
function measureSlowness(): number {
  const given = Number(process.env.TACTFUL_TEST_SLOWNESS);
  if (Number.isFinite(given) && given >= 1) return given;
  const runs: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    runs.push(performance.now() - start);
  }
  const median = runs.sort((a, b) => a - b)[1]!;
  return Math.min(30, Math.max(1, Math.round((median / IDLE_SPAWN_MS) * 10) / 10));
}

const slowness = measureSlowness();
process.env.TACTFUL_TEST_SLOWNESS = String(slowness);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**', 'dist/**'],
    env: { TACTFUL_TEST_SLOWNESS: String(slowness) },
    testTimeout: Math.round(30_000 * slowness),
    hookTimeout: Math.round(60_000 * slowness),
  },
});
