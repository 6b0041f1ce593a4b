import type { BusinessCalendar } from '../core/calendar.js';
import { formatInstant } from '../core/calendar.js';
import {
  checkInteraction,
  idSchema,
  instantSchema,
  interactionPatchSchema,
  mergeInteraction,
} from '../core/document/index.js';
import { DomainError } from '../core/errors.js';
import type { Interaction, PlanWarning } from '../core/types.js';
import { interactionSummary } from './activity-labels.js';
import { nextId } from './next-id.js';
import { pacingWarnings } from './pacing-guard.js';
import type { Clock, FactsRepository, UnitOfWork } from './ports.js';
import { validate } from './validate.js';

const logInteractionSchema = interactionPatchSchema.extend({
  application: idSchema,
  id: idSchema.optional(),
  at: instantSchema.optional(),
});

export interface LoggedInteraction {
  interaction: Interaction;
  warnings: PlanWarning[];
}

/**
 * Records a fact that happened (`at` defaults to now). Breaking the pacing guard is
 * accepted — it happened — and answered with a `pacing` warning.
 */
export async function logInteraction(
  uow: UnitOfWork,
  _calendar: BusinessCalendar,
  clock: Clock,
  input: unknown,
): Promise<LoggedInteraction> {
  const { application, ...patch } = validate(logInteractionSchema, input);
  return uow.transaction((repo) =>
    storeInteraction(repo, application, { ...patch, at: patch.at ?? formatInstant(clock.now()) }),
  );
}

/** Validates references, stores a new interaction and reports pacing; inside the caller's transaction. */
export async function storeInteraction(
  repo: FactsRepository,
  applicationId: string,
  patch: Omit<Parameters<typeof mergeInteraction>[1], 'id'> & { id?: string | undefined },
): Promise<LoggedInteraction> {
  const facts = await repo.loadFacts();
  if (!facts.applications.some((a) => a.id === applicationId)) {
    throw new DomainError('not_found', `no application with id "${applicationId}"`, 'application');
  }
  const known = new Set(facts.contacts.map((c) => c.id));
  patch.contacts?.forEach((id, i) => {
    if (!known.has(id))
      throw new DomainError('invalid_input', `no contact with id "${id}"`, `contacts[${i}]`);
  });
  // Ids in the Trash count too: a trashed record's id is never given to another.
  const ids = await repo.listIds('interaction', 'all');
  if (patch.id !== undefined && ids.includes(patch.id)) {
    throw new DomainError('conflict', `an interaction with id "${patch.id}" already exists`, 'id');
  }
  const interaction = mergeInteraction(undefined, {
    ...patch,
    id: patch.id ?? nextId('interaction', ids),
  });
  checkInteraction(interaction);
  const application = facts.applications.find((a) => a.id === applicationId);
  repo.describeActivity({
    kind: 'log',
    summary: `Logged ${interactionSummary(interaction, application, facts.contacts)}`,
  });
  await repo.insertInteraction(applicationId, interaction);
  return { interaction, warnings: pacingWarnings(facts, applicationId, interaction) };
}
