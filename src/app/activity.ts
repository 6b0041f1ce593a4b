// The activity history and undo. Every transaction that changed facts is one activity; undo
// puts back exactly the rows it wrote (RELIABILITY: "Undo is exact").
import { DomainError } from '../core/errors.js';
import type { Activity, UndoOutcome, UnitOfWork } from './ports.js';

export const ACTIVITY_PAGE = 50;

/** Newest first; `before` pages back from an activity id. */
export async function listActivity(
  uow: UnitOfWork,
  options: { limit?: number | undefined; before?: number | undefined } = {},
): Promise<Activity[]> {
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? ACTIVITY_PAGE)), 500);
  return uow.read((repo) => repo.listActivities({ limit, before: options.before }));
}

/** An activity id as typed: a positive whole number. */
export function parseActivityId(raw: string, field: string): number {
  if (!/^\d{1,15}$/.test(raw.trim()) || Number(raw) < 1) {
    throw new DomainError(
      'invalid_input',
      `"${raw}" is not an activity number (see tactful activity)`,
      field,
    );
  }
  return Number(raw);
}

/**
 * Undoes one activity (default: the newest not undone) in one transaction. Refused, changing
 * nothing, when it is already undone or a later activity changed the same records.
 */
export async function undo(uow: UnitOfWork, activityId?: number): Promise<Activity> {
  return uow.transaction(async (repo) => {
    const target = await repo.getActivity(activityId ?? 'latest');
    if (!target) {
      throw activityId === undefined
        ? new DomainError('not_found', 'nothing to undo')
        : new DomainError('not_found', `no activity ${activityId} (see tactful activity)`);
    }
    if (target.undoneAt !== null) {
      throw new DomainError(
        'conflict',
        `activity ${target.id} "${target.summary}" is already undone`,
      );
    }
    const outcome = await repo.undoActivity(target.id);
    if (!('undone' in outcome)) throw undoRefused(target, outcome);
    return outcome.undone;
  });
}

/** Why an undo was refused, in the seeker's words (what to do about it, when anything). */
export function undoRefused(
  target: Activity,
  outcome: Exclude<UndoOutcome, { undone: Activity }>,
): DomainError {
  if ('blockedBy' in outcome) {
    const later = outcome.blockedBy;
    return new DomainError(
      'conflict',
      `undo activity ${later.id} "${later.summary}" first: it changed the same records later`,
    );
  }
  const purge = outcome.purgedBy;
  if (purge.id === target.id) {
    return new DomainError(
      'conflict',
      `activity ${target.id} "${target.summary}" cannot be undone: what it deleted is gone for good`,
    );
  }
  return new DomainError(
    'conflict',
    `activity ${target.id} "${target.summary}" can no longer be undone: records it changed were deleted for good when the Trash was emptied (activity ${purge.id})`,
  );
}
