// Runs a zod schema over untrusted input and turns the first issue into a DomainError
// whose `field` is the input's path; each adapter names it as the seeker sees it.
import type { z } from 'zod';
import { issueToError } from '../core/document/index.js';
import { dayLabel } from '../core/date-input.js';
import { isEmailAddress, sameEmail } from '../core/email-address.js';
import { DomainError, DuplicateContactError } from '../core/errors.js';
import type { Application, Interview } from '../core/types.js';
import type { FactsRepository } from './ports.js';

/** A plausible address, and no other contact (`self` is the one being edited) has it. */
export async function assertEmailFree(
  repo: FactsRepository,
  email: string | null | undefined,
  self: string | undefined,
): Promise<void> {
  if (email == null || email === '') return;
  if (!isEmailAddress(email.trim())) {
    throw new DomainError('invalid_input', `"${email}" is not an e-mail address`, 'email');
  }
  const { contacts } = await repo.loadFacts();
  const other = contacts.find((c) => c.id !== self && sameEmail(c.email, email));
  if (other) throw new DuplicateContactError(other);
}

/** One interview per round and per start time in an application (`interview` may be an edit). */
export function assertRoundFree(application: Application, interview: Interview): void {
  for (const other of application.interviews) {
    if (other.id === interview.id) continue;
    if (other.round === interview.round) {
      throw new DomainError(
        'conflict',
        `${application.organization} already has a round ${other.round} (${other.id}, ${when(other)})`,
        'round',
      );
    }
    if (other.start === interview.start && other.timezone === interview.timezone) {
      throw new DomainError(
        'conflict',
        `${application.organization} already has an interview at ${other.start.replace('T', ' ')} (round ${other.round}, ${other.id})`,
        'start',
      );
    }
  }
}

function when(interview: Interview): string {
  return `${dayLabel(interview.start.slice(0, 10))} at ${interview.start.slice(11, 16)}`;
}

export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw issueToError(result.error, 'fields');
  return result.data;
}

/** Every id must name a stored contact. */
export async function assertContactsExist(
  repo: FactsRepository,
  ids: readonly string[] | null | undefined,
  field: string,
): Promise<void> {
  if (!ids || ids.length === 0) return;
  const known = new Set(await repo.listIds('contact', 'live'));
  ids.forEach((id, i) => {
    if (!known.has(id)) {
      throw new DomainError('invalid_input', `no contact with id "${id}"`, `${field}[${i}]`);
    }
  });
}

/** Per-interviewer debrief notes must each name a stored contact ("Key points per interviewer"). */
export async function assertNoteContactsExist(
  repo: FactsRepository,
  byInterviewer: readonly { contact: string }[] | null | undefined,
): Promise<void> {
  if (!byInterviewer || byInterviewer.length === 0) return;
  const known = new Set(await repo.listIds('contact'));
  byInterviewer.forEach(({ contact }, i) => {
    if (!known.has(contact)) {
      throw new DomainError(
        'invalid_input',
        `Key points per interviewer: no contact with id "${contact}"`,
        `notes.byInterviewer[${i}].contact`,
      );
    }
  });
}
