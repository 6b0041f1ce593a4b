// Timeouts in the suite are hang guards, never performance assertions: each one is scaled by
// how slow this machine is right now, measured once when the run starts (vitest.config.ts
// spawns `node -e 0` and compares it with an idle machine). A test that only ran slowly on a
// busy machine must not fail; a test that hangs still does, after `scaled(ms)`.

/** How long an idle 2-core machine takes to spawn `node -e 0`, in ms. */
export const IDLE_SPAWN_MS = 60;

/** The factor measured by vitest.config.ts (1 on an idle machine, capped at 30). */
export function slowness(): number {
  const factor = Number(process.env.TACTFUL_TEST_SLOWNESS);
  return Number.isFinite(factor) && factor >= 1 ? factor : 1;
}

/** `ms` on an idle machine, stretched by the measured slowness. */
export function scaled(ms: number): number {
  return Math.round(ms * slowness());
}
