// The activity the last write recorded (the server's `Tactful-Activity` header), so the next
// confirmation notice can offer "Undo" for it without every page passing it along. A claim is
// good for a few seconds only: a notice long after a write is not about that write.
let pending: { id: number; at: number } | null = null;

const FRESH_MS = 5_000;

export function recordActivity(id: number): void {
  pending = { id, at: Date.now() };
}

/** The activity of the write just made, once (null when there is none or it is stale). */
export function claimActivity(): number | null {
  const found = pending;
  pending = null;
  return found && Date.now() - found.at <= FRESH_MS ? found.id : null;
}

export function forgetActivity(): void {
  pending = null;
}
