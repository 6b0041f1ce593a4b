// The pacing guard on logged facts (SPEC §3.1): at most one outbound message to an
// organisation per calendar day in the seeker's zone. A fact that breaks it is still stored;
// the caller returns this warning.
import { dateInZone, parseInstant } from '../core/calendar.js';
import { organisationKey } from '../core/policy/index.js';
import {
  SEEKER_STEP_KINDS,
  type Facts,
  type Interaction,
  type PlanWarning,
} from '../core/types.js';

/** Messages to the seeker or to references do not count against the organisation. */
export function isOrganisationMessage(x: Pick<Interaction, 'direction' | 'kind'>): boolean {
  return (
    x.direction === 'out' &&
    x.kind !== 'references_heads_up' &&
    !(SEEKER_STEP_KINDS as readonly string[]).includes(x.kind)
  );
}

/**
 * A `pacing` warning when `interaction` (of `applicationId`) is a second message to the same
 * organisation on its day. Same-kind messages of one application (a round's thank-yous)
 * are one message.
 */
export function pacingWarnings(
  facts: Facts,
  applicationId: string,
  interaction: Interaction,
): PlanWarning[] {
  if (!isOrganisationMessage(interaction)) return [];
  const zone = facts.settings.timezone;
  const own = facts.applications.find((a) => a.id === applicationId);
  if (!own) return [];
  const key = organisationKey(own.organization);
  const day = dateInZone(parseInstant(interaction.at), zone);
  for (const a of facts.applications) {
    if (organisationKey(a.organization) !== key) continue;
    for (const x of a.interactions) {
      if (x.id === interaction.id || !isOrganisationMessage(x)) continue;
      if (a.id === applicationId && x.kind === interaction.kind) continue;
      if (dateInZone(parseInstant(x.at), zone) !== day) continue;
      return [
        {
          kind: 'pacing',
          application: applicationId,
          message: `already contacted ${own.organization} on ${day} (${x.kind} ${x.id}); one message per organisation per day`,
        },
      ];
    }
  }
  return [];
}
