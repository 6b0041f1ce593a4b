// Stable step ids (SPEC §3.1): `<application>:<kind>:<anchor>[:<n>][:<contact>]`, derived from
// the facts a step is about, never from a counter or the clock.
import type { StepKind } from '../types.js';

export function stepId(
  application: string,
  kind: StepKind,
  anchor: string,
  n?: number | null,
  contact?: string | null,
): string {
  let id = `${application}:${kind}:${anchor}`;
  if (n !== undefined && n !== null) id += `:${n}`;
  if (contact) id += `:${contact}`;
  return id;
}

/** The organisation key of the pacing guard: trimmed, inner spaces collapsed, lower-cased. */
export function organisationKey(organization: string): string {
  return organization.trim().replace(/\s+/g, ' ').toLowerCase();
}
