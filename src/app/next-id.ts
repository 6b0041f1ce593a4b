// Generated ids are short and typable (`c7`, `a7`, `i12`, `x30`) so the CLI can say `--application a7`.
import type { EntityType } from './ports.js';

export const ID_PREFIX: Record<EntityType, string> = {
  contact: 'c',
  application: 'a',
  interview: 'i',
  interaction: 'x',
};

/** One more than the highest `<prefix><n>` in use (other ids are ignored). */
export function nextId(entity: EntityType, existing: readonly string[]): string {
  const prefix = ID_PREFIX[entity];
  const pattern = new RegExp(`^${prefix}(\\d{1,15})$`);
  let max = 0;
  for (const id of existing) {
    const m = pattern.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${max + 1}`;
}
