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
import { nextId } from './next-id.js';
import type { Clock, EntityType, FactsRepository, UnitOfWork } from './ports.js';
import { assertContactsExist, assertNoteContactsExist, validate } from './validate.js';

const newContactSchema = contactPatchSchema.extend({ id: idSchema.optional() });

function newApplicationSchema(calendar: BusinessCalendar) {
  return applicationPatchSchema(calendar).omit({ interviews: true, interactions: true }).extend({
    id: idSchema.optional(),
  });
}

const newInterviewSchema = interviewPatchSchema.extend({
  id: idSchema.optional(),
  application: idSchema,
});

async function freshId(
  repo: FactsRepository,
  entity: EntityType,
  given: string | undefined,
): Promise<string> {
  const ids = await repo.listIds(entity);
  if (given === undefined) return nextId(entity, ids);
  if (ids.includes(given)) {
    throw new DomainError('conflict', `id: a ${entity} with id "${given}" already exists`, 'id');
  }
  return given;
}

export async function addContact(uow: UnitOfWork, input: unknown): Promise<Contact> {
  const patch = validate(newContactSchema, input);
  return uow.transaction(async (repo) => {
    const contact = mergeContact(undefined, {
      ...patch,
      id: await freshId(repo, 'contact', patch.id),
    });
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
    await repo.insertApplication(fields);
    return { ...fields, interviews: [], interactions: [] };
  });
}

/** `input.application` names the application the round belongs to. */
export async function addInterview(uow: UnitOfWork, input: unknown): Promise<Interview> {
  const { application, ...patch } = validate(newInterviewSchema, input);
  return uow.transaction(async (repo) => {
    if (!(await repo.getApplication(application))) {
      throw new DomainError(
        'not_found',
        `application: no application with id "${application}"`,
        'application',
      );
    }
    await assertContactsExist(repo, patch.interviewers, 'interviewers');
    await assertNoteContactsExist(repo, patch.notes?.byInterviewer);
    const interview = mergeInterview(undefined, {
      ...patch,
      id: await freshId(repo, 'interview', patch.id),
    });
    await repo.insertInterview(application, interview);
    return interview;
  });
}

export type NewInterviewInput = z.input<typeof newInterviewSchema>;
export type NewContactInput = z.input<typeof newContactSchema>;
