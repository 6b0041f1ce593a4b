// The edits the web app makes that the CLI does via re-import: update a contact, patch an
// application, record a debrief on an interview. Same rules as the document (omitted keeps,
// null resets, lists replace), each one transaction, unknown ids → not_found.
import { z } from 'zod';
import type { ApplicationRecord, Clock, UnitOfWork } from './ports.js';
import { applicationLabel, interviewLabel, oneLine } from './activity-labels.js';
import { storeInteraction } from './log-interaction.js';
import {
  assertContactsExist,
  assertEmailFree,
  assertNoteContactsExist,
  assertRoundFree,
  validate,
} from './validate.js';
import { formatInstant, type BusinessCalendar } from '../core/calendar.js';
import {
  applicationPatchSchema,
  contactPatchSchema,
  interviewPatchSchema,
  mergeApplication,
  mergeContact,
  mergeInterview,
} from '../core/document/index.js';
import { DomainError } from '../core/errors.js';
import type { Application, Contact, Interview } from '../core/types.js';

export const contactEditSchema = contactPatchSchema.omit({ id: true }).partial();

export function applicationEditSchema(calendar: BusinessCalendar) {
  return applicationPatchSchema(calendar)
    .pick({
      organization: true,
      role: true,
      source: true,
      region: true,
      status: true,
      agent: true,
      references: true,
      prosCons: true,
      createdOn: true,
      policy: true,
    })
    .partial();
}

export const interviewEditSchema = interviewPatchSchema.omit({ id: true }).partial();

function notFound(entity: string, id: string, field: string): DomainError {
  return new DomainError('not_found', `no ${entity} with id "${id}"`, field);
}

export async function updateContact(uow: UnitOfWork, id: string, input: unknown): Promise<Contact> {
  const patch = validate(contactEditSchema, input);
  return uow.transaction(async (repo) => {
    const stored = await repo.getContact(id);
    if (!stored) throw notFound('contact', id, 'id');
    await assertEmailFree(repo, patch.email, id);
    const contact = mergeContact(stored, { ...patch, id, name: patch.name ?? stored.name });
    repo.describeActivity({ kind: 'edit', summary: oneLine(`Edited contact ${stored.name}`) });
    await repo.upsertContact(contact);
    return contact;
  });
}

/**
 * Setting the status to `accepted` is the accept fact itself: unless the application already
 * has an outbound `accept`, one is logged now in the same transaction, so the other
 * applications get their withdrawals exactly as after `tactful log --kind accept`. Other
 * statuses are stored as they are (`withdrawn` invents no message the seeker may not have sent).
 */
export async function updateApplication(
  uow: UnitOfWork,
  calendar: BusinessCalendar,
  clock: Clock,
  id: string,
  input: unknown,
): Promise<Application> {
  const patch = validate(applicationEditSchema(calendar), input);
  return uow.transaction(async (repo) => {
    const stored = await repo.getApplication(id);
    if (!stored) throw notFound('application', id, 'id');
    if (patch.agent != null) await assertContactsExist(repo, [patch.agent], 'agent');
    await assertContactsExist(repo, patch.references, 'references');
    const { interviews, interactions, ...fields } = stored;
    const merged = mergeApplication(fields, {
      ...patch,
      id,
      organization: patch.organization ?? fields.organization,
      role: patch.role ?? fields.role,
      source: patch.source ?? fields.source,
    });
    repo.describeActivity(applicationEditSummary(fields, merged));
    await repo.upsertApplication(merged);
    const accepting =
      merged.status === 'accepted' &&
      fields.status !== 'accepted' &&
      !interactions.some((x) => x.direction === 'out' && x.kind === 'accept');
    if (!accepting) return { ...merged, interviews, interactions };
    const { interaction } = await storeInteraction(repo, id, {
      direction: 'out',
      kind: 'accept',
      at: formatInstant(clock.now()),
    });
    // One activity: the edit, whose undo also takes back the accept it logged.
    repo.describeActivity(applicationEditSummary(fields, merged));
    return { ...merged, interviews, interactions: [...interactions, interaction] };
  });
}

export async function updateInterview(
  uow: UnitOfWork,
  applicationId: string,
  interviewId: string,
  input: unknown,
): Promise<Interview> {
  const patch = validate(interviewEditSchema, input);
  return uow.transaction(async (repo) => {
    const application = await repo.getApplication(applicationId);
    if (!application) throw notFound('application', applicationId, 'id');
    const stored = application.interviews.find((i) => i.id === interviewId);
    if (!stored)
      throw notFound(`interview in application "${applicationId}"`, interviewId, 'interviewId');
    await assertContactsExist(repo, patch.interviewers, 'interviewers');
    await assertNoteContactsExist(repo, patch.notes?.byInterviewer);
    const interview = mergeInterview(stored, {
      ...patch,
      id: interviewId,
      round: patch.round ?? stored.round,
      start: patch.start ?? stored.start,
    });
    // Only a changed round or start is checked: older data may already hold two of a kind.
    if (interview.round !== stored.round || interview.start !== stored.start) {
      assertRoundFree(application, interview);
    }
    repo.describeActivity({
      kind: 'edit',
      summary: `Edited interview ${interviewLabel(stored, application)}`,
    });
    await repo.upsertInterview(applicationId, interview);
    return interview;
  });
}

/** A status change is named as such ("Closed as no response: …"); anything else is an edit. */
function applicationEditSummary(
  before: ApplicationRecord,
  after: ApplicationRecord,
): { kind: string; summary: string } {
  const label = applicationLabel(before);
  if (before.status === after.status) return { kind: 'edit', summary: oneLine(`Edited ${label}`) };
  if (after.status === 'closed') {
    return { kind: 'close', summary: oneLine(`Closed as no response: ${label}`) };
  }
  return { kind: 'edit', summary: oneLine(`Marked ${label} as ${after.status}`) };
}

export type ContactEdit = z.input<typeof contactEditSchema>;
export type InterviewEdit = z.input<typeof interviewEditSchema>;
