// addContact, addApplication, addInterview: one new entity each, validated with the document
// schemas; the id is generated when absent. Adding an id that exists is a conflict (use
// import to update).
import { z } from 'zod';
import { dateInZone, type BusinessCalendar } from '../core/calendar.js';
import {
  applicationPatchSchema,
  contactPatchSchema,
  idSchema,
  interviewPatchSchema,
  mergeApplication,
  mergeContact,
  mergeInterview,
  type ApplicationFields,
} from '../core/document/index.js';
import { DomainError } from '../core/errors.js';
import type { Application, Contact, Interview } from '../core/types.js';
import { applicationLabel, interviewLabel, oneLine } from './activity-labels.js';
import { nextId } from './next-id.js';
import type { Clock, EntityType, FactsRepository, UnitOfWork } from './ports.js';
import {
  assertContactsExist,
  assertEmailFree,
  assertNoteContactsExist,
  assertRoundFree,
  validate,
} from './validate.js';

const newContactSchema = contactPatchSchema.extend({ id: idSchema.optional() });

function newApplicationSchema(calendar: BusinessCalendar) {
  return applicationPatchSchema(calendar).omit({ interviews: true, interactions: true }).extend({
    id: idSchema.optional(),
  });
}

const newInterviewSchema = interviewPatchSchema.extend({
  id: idSchema.optional(),
  /** Omitted: the round after the application's highest, chosen inside the transaction. */
  round: interviewPatchSchema.shape.round.optional(),
  application: idSchema,
});

async function freshId(
  repo: FactsRepository,
  entity: EntityType,
  given: string | undefined,
): Promise<string> {
  // Ids in the Trash count too: a trashed record's id is never given to another.
  const ids = await repo.listIds(entity, 'all');
  if (given === undefined) return nextId(entity, ids);
  if (ids.includes(given)) {
    throw new DomainError('conflict', `a ${entity} with id "${given}" already exists`, 'id');
  }
  return given;
}

export async function addContact(uow: UnitOfWork, input: unknown): Promise<Contact> {
  const patch = validate(newContactSchema, input);
  return uow.transaction(async (repo) => {
    await assertEmailFree(repo, patch.email, undefined);
    const contact = mergeContact(undefined, {
      ...patch,
      id: await freshId(repo, 'contact', patch.id),
    });
    repo.describeActivity({ kind: 'add', summary: oneLine(`Added contact ${contact.name}`) });
    await repo.insertContact(contact);
    return contact;
  });
}

/**
 * With a clock, an omitted `createdOn` is today in the seeker's zone (search health counts
 * recent applications by it); without one it stays null, as in an imported document.
 */
export async function addApplication(
  uow: UnitOfWork,
  calendar: BusinessCalendar,
  input: unknown,
  clock?: Clock,
): Promise<Application> {
  const patch = validate(newApplicationSchema(calendar), input);
  return uow.transaction(async (repo) => {
    if (patch.agent != null) await assertContactsExist(repo, [patch.agent], 'agent');
    await assertContactsExist(repo, patch.references, 'references');
    const createdOn =
      patch.createdOn === undefined && clock
        ? dateInZone(clock.now(), (await repo.getSettings()).timezone)
        : patch.createdOn;
    const fields: ApplicationFields = mergeApplication(undefined, {
      ...patch,
      createdOn,
      id: await freshId(repo, 'application', patch.id),
    });
    repo.describeActivity({
      kind: 'add',
      summary: oneLine(`Added application ${applicationLabel(fields)}`),
    });
    await repo.insertApplication(fields);
    return { ...fields, interviews: [], interactions: [] };
  });
}

/**
 * `input.application` names the application the round belongs to; without `round` it is the
 * next one, read in the same transaction as the write (two concurrent adds get two rounds).
 */
export async function addInterview(uow: UnitOfWork, input: unknown): Promise<Interview> {
  const { application, ...patch } = validate(newInterviewSchema, input);
  return uow.transaction(async (repo) => {
    const parent = await repo.getApplication(application);
    if (!parent) {
      throw new DomainError('not_found', `no application with id "${application}"`, 'application');
    }
    await assertContactsExist(repo, patch.interviewers, 'interviewers');
    await assertNoteContactsExist(repo, patch.notes?.byInterviewer);
    const interview = mergeInterview(undefined, {
      ...patch,
      round: patch.round ?? Math.max(0, ...parent.interviews.map((i) => i.round)) + 1,
      id: await freshId(repo, 'interview', patch.id),
    });
    assertRoundFree(parent, interview);
    repo.describeActivity({
      kind: 'add',
      summary: `Added interview ${interviewLabel(interview, parent)}`,
    });
    await repo.insertInterview(application, interview);
    return interview;
  });
}

export type NewInterviewInput = z.input<typeof newInterviewSchema>;
export type NewContactInput = z.input<typeof newContactSchema>;
