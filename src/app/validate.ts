// Runs a zod schema over untrusted input and turns the first issue into a DomainError
// naming the field, as the document parser does.
import type { z } from 'zod';
import { issueToError } from '../core/document/index.js';
import { DomainError } from '../core/errors.js';
import type { FactsRepository } from './ports.js';

export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw issueToError(result.error);
  return result.data;
}

/** Every id must name a stored contact. */
export async function assertContactsExist(
  repo: FactsRepository,
  ids: readonly string[] | null | undefined,
  field: string,
): Promise<void> {
  if (!ids || ids.length === 0) return;
  const known = new Set(await repo.listIds('contact'));
  ids.forEach((id, i) => {
    if (!known.has(id)) {
      throw new DomainError(
        'invalid_input',
        `${field}[${i}]: no contact with id "${id}"`,
        `${field}[${i}]`,
      );
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
