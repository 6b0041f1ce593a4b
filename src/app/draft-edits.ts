// The seeker's own text of a step's draft, saved on the server as they type (issue 8 §2), so a
// switch of step or a reload never loses it; copy, .eml, mailto: and Send use it. Not a fact:
// never exported, never planned from, not in the undo journal. An edit of a step that has
// left the plan is kept, harmlessly: nothing reads it unless the step comes back.
import { z } from 'zod';
import { formatInstant } from '../core/calendar.js';
import { checkMessage } from '../core/checker/index.js';
import type { Draft } from '../core/drafts/index.js';
import { cleanInline } from '../core/drafts/text.js';
import type { Facts, Step } from '../core/types.js';
import type { Clock, DraftEdit, UnitOfWork } from './ports.js';
import { validate } from './validate.js';

const revisionSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const saveSchema = z.strictObject({
  /** Strictly increasing per step (a client uses its millisecond clock); omitted: now. */
  revision: revisionSchema.optional(),
  subject: z.string().max(998).nullable().optional(),
  body: z.string().max(100_000),
});

const resetSchema = z.strictObject({ revision: revisionSchema.optional() }).nullish();

/** What clients see: `edited` false means the suggested text is in use. */
export interface DraftEditState {
  stepId: string;
  edited: boolean;
  subject: string | null;
  body: string | null;
  /** The stored revision (0: never edited); a client's next save must be above it. */
  revision: number;
  updatedAt: string | null;
}

export interface DraftEditSaved extends DraftEditState {
  /** False when a newer revision was already stored (this save was older, or a repeat). */
  applied: boolean;
}

function stateOf(stepId: string, edit: DraftEdit | undefined): DraftEditState {
  if (!edit) {
    return { stepId, edited: false, subject: null, body: null, revision: 0, updatedAt: null };
  }
  return {
    stepId,
    edited: edit.body !== null,
    subject: edit.body === null ? null : edit.subject,
    body: edit.body,
    revision: edit.revision,
    updatedAt: edit.updatedAt,
  };
}

export async function getDraftEdit(uow: UnitOfWork, stepId: string): Promise<DraftEditState> {
  return stateOf(stepId, await uow.read((repo) => repo.getDraftEdit(stepId)));
}

/** Saves the seeker's text unless a newer revision is stored; never throws for an old one. */
export async function saveDraftEdit(
  uow: UnitOfWork,
  clock: Clock,
  stepId: string,
  input: unknown,
): Promise<DraftEditSaved> {
  const { revision, subject, body } = validate(saveSchema, input);
  return store(uow, clock, stepId, revision, {
    subject: subject == null ? null : cleanInline(subject),
    body,
  });
}

/** "Back to the suggested text": the edit is gone, and older saves still in flight stay out. */
export async function resetDraftEdit(
  uow: UnitOfWork,
  clock: Clock,
  stepId: string,
  input: unknown,
): Promise<DraftEditSaved> {
  const { revision } = validate(resetSchema, input) ?? {};
  return store(uow, clock, stepId, revision, { subject: null, body: null });
}

async function store(
  uow: UnitOfWork,
  clock: Clock,
  stepId: string,
  revision: number | undefined,
  text: { subject: string | null; body: string | null },
): Promise<DraftEditSaved> {
  const now = clock.now();
  return uow.transaction(async (repo) => {
    const before = await repo.getDraftEdit(stepId);
    const wanted = revision ?? Math.max(now, (before?.revision ?? 0) + 1);
    const stored = await repo.saveDraftEdit({
      stepId,
      ...text,
      revision: wanted,
      updatedAt: formatInstant(now),
    });
    const applied = stored.revision === wanted && (before?.revision ?? 0) < wanted;
    return { ...stateOf(stepId, stored), applied };
  });
}

/**
 * The draft as it goes out: the seeker's edit over the suggested text, checked again by the
 * checker. A non-e-mail draft has no subject, whatever the edit says.
 */
export function withDraftEdit(draft: Draft, edit: DraftEditState, step: Step, facts: Facts): Draft {
  if (!edit.edited || edit.body === null) return draft;
  const subject = draft.subject === null ? null : (edit.subject ?? draft.subject);
  const body = edit.body;
  const findings = checkMessage(
    {
      kind: step.kind,
      channel: draft.channel,
      subject,
      body,
      to: step.to,
      applicationId: step.application,
    },
    facts,
  );
  return { ...draft, subject, body, findings };
}
