// Emptying the Trash: its own action (SPEC §5), for good. The records, the journal's copies
// that could restore them and the seeker's draft edits of their steps go in one transaction;
// their ids stay taken, and no undo brings them back (the activity says so when asked).
import { countList, oneLine } from './activity-labels.js';
import { PURGE_KIND, type PurgedCounts, type UnitOfWork } from './ports.js';

export interface PurgePreview {
  /** What is in the Trash now, by kind of record. */
  counts: Omit<PurgedCounts, 'stepEvents'>;
  /** "Delete 1 application, 2 interviews and 1 contact for good? This cannot be undone." */
  question: string;
}

export interface PurgeResult {
  /** The activity that records it (null when the Trash was already empty). */
  activityId: number | null;
  purged: PurgedCounts;
  summary: string;
}

function what(counts: Omit<PurgedCounts, 'stepEvents'>): string {
  return countList([
    [counts.applications, 'application'],
    [counts.interviews, 'interview'],
    [counts.interactions, 'interaction'],
    [counts.contacts, 'contact'],
  ]);
}

/** What emptying the Trash would delete for good, and the question to ask before. */
export async function previewPurge(uow: UnitOfWork): Promise<PurgePreview> {
  return uow.read(async (repo) => {
    const counts = { contacts: 0, applications: 0, interviews: 0, interactions: 0 };
    for (const entry of await repo.listTrash()) {
      for (const item of entry.items) counts[`${item.entity}s`] += 1;
    }
    return { counts, question: purgeQuestion(counts) };
  });
}

/** The confirmation to ask before emptying the Trash (the web app asks it too). */
export function purgeQuestion(counts: Omit<PurgedCounts, 'stepEvents'>): string {
  const listed = what(counts);
  return listed
    ? `Delete ${listed} in the Trash for good? This cannot be undone.`
    : 'The Trash is empty.';
}

/** Deletes everything in the Trash for good, in one transaction. */
export async function purgeTrash(uow: UnitOfWork): Promise<PurgeResult> {
  return uow.transaction(async (repo) => {
    const purged = await repo.purgeTrash();
    const listed = what(purged);
    if (repo.activityId() === null) {
      return { activityId: null, purged, summary: 'The Trash is already empty' };
    }
    const summary = oneLine(`Emptied the Trash: ${listed || 'records'} deleted for good`);
    repo.describeActivity({ kind: PURGE_KIND, summary });
    return { activityId: repo.activityId(), purged, summary };
  });
}
