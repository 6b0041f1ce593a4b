// The human `why` of a step: what to do, then the policy's reason for its timing.
import type { Offset } from './presets.js';

/** "Do X — reason." */
export function because(action: string, reason: string): string {
  return `${action} — ${reason}.`;
}

/** "3 business days", "7 days", "1 month". */
export function describe(offset: Offset): string {
  const unit = offset.unit === 'bd' ? 'business day' : offset.unit === 'days' ? 'day' : 'month';
  return `${offset.value} ${unit}${offset.value === 1 ? '' : 's'}`;
}
