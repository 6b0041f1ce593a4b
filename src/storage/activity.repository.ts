// The activity journal's read and undo side, and the Trash: plain functions of (db, seeker).
import { sql } from 'kysely';
import {
  PURGE_KIND,
  type Activity,
  type EntityType,
  type PurgedCounts,
  type TrashBatch,
  type TrashEntry,
  type TrashItem,
  type UndoOutcome,
} from '../app/ports.js';
import { formatInstant } from '../core/calendar.js';
import type { ActivityRow } from './activity.table.js';
import { applicationFromRow, APPLICATION_COLUMNS } from './application.table.js';
import { CONTACT_COLUMNS, contactFromRow } from './contact.table.js';
import { INTERACTION_COLUMNS, interactionFromRow } from './interaction.table.js';
import { INTERVIEW_COLUMNS, interviewFromRow } from './interview.table.js';
import { fromJson, toJson } from './json-column.js';
import {
  applicationOfStep,
  chunks,
  stepEventKey,
  type Journal,
  type JournaledTable,
  type RowRef,
  type StoredRow,
} from './journal.js';
import type { Db } from './tables.js';

const IDS_PER_STATEMENT = 1_000;
const MAX_PARAMETERS = 8_000;

export const TABLE_OF: Record<
  EntityType,
  'contacts' | 'applications' | 'interviews' | 'interactions'
> = {
  contact: 'contacts',
  application: 'applications',
  interview: 'interviews',
  interaction: 'interactions',
};

/** Parents before children when rows come back; children before parents when they go. */
const RESTORE_ORDER: JournaledTable[] = [
  'settings',
  'contacts',
  'applications',
  'interviews',
  'interactions',
  'step_events',
];

const PRIMARY_KEY: Record<JournaledTable, string[]> = {
  settings: ['seeker_id'],
  contacts: ['seeker_id', 'id'],
  applications: ['seeker_id', 'id'],
  interviews: ['seeker_id', 'id'],
  interactions: ['seeker_id', 'id'],
  step_events: ['seeker_id', 'step_id', 'action', 'at'],
};

function activityFromRow(row: Omit<ActivityRow, 'seeker_id'>): Activity {
  return {
    id: Number(row.id),
    at: row.at,
    kind: row.kind,
    summary: row.summary,
    rows: Number(row.row_count),
    undoneAt: row.undone_at,
  };
}

const ACTIVITY_COLUMNS = ['id', 'at', 'kind', 'summary', 'row_count', 'undone_at'] as const;

export async function listActivities(
  db: Db,
  seekerId: string,
  options: { limit: number; before?: number | undefined },
): Promise<Activity[]> {
  let query = db
    .selectFrom('activities')
    .select(ACTIVITY_COLUMNS)
    .where('seeker_id', '=', seekerId)
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.before !== undefined) query = query.where('id', '<', options.before);
  return (await query.execute()).map(activityFromRow);
}

export async function getActivity(
  db: Db,
  seekerId: string,
  id: number | 'latest',
): Promise<Activity | undefined> {
  let query = db
    .selectFrom('activities')
    .select(ACTIVITY_COLUMNS)
    .where('seeker_id', '=', seekerId);
  query =
    id === 'latest'
      ? query.where('undone_at', 'is', null).orderBy('id', 'desc').limit(1)
      : query.where('id', '=', id);
  const row = await query.executeTakeFirst();
  return row ? activityFromRow(row) : undefined;
}

/** The newest activity after `id`, not undone, that wrote one of its rows or a child of a record it created. */
async function laterConflict(db: Db, seekerId: string, id: number): Promise<Activity | undefined> {
  const sameRows = await sql<ActivityRow>`
    select a.id, a.at, a.kind, a.summary, a.row_count, a.undone_at
    from activities a
    where a.seeker_id = ${seekerId} and a.id > ${id} and a.undone_at is null
      and exists (
        select 1 from activity_rows r
        join activity_rows t
          on t.seeker_id = r.seeker_id and t.table_name = r.table_name and t.row_key = r.row_key
        where r.seeker_id = a.seeker_id and r.activity_id = a.id and t.activity_id = ${id})
    order by a.id desc
    limit 1`.execute(db);
  const children = await sql<ActivityRow>`
    select a.id, a.at, a.kind, a.summary, a.row_count, a.undone_at
    from activities a
    where a.seeker_id = ${seekerId} and a.id > ${id} and a.undone_at is null
      and exists (
        select 1 from activity_rows r
        join activity_rows t
          on t.seeker_id = r.seeker_id and t.row_key = r.application_id
        where r.seeker_id = a.seeker_id and r.activity_id = a.id and t.activity_id = ${id}
          and t.table_name = 'applications' and t.before_json is null)
    order by a.id desc
    limit 1`.execute(db);
  const found = [...sameRows.rows, ...children.rows].sort((a, b) => Number(b.id) - Number(a.id));
  return found[0] ? activityFromRow(found[0]) : undefined;
}

interface JournalEntry {
  table: JournaledTable;
  key: string;
  before: StoredRow | null;
}

async function entriesOf(db: Db, seekerId: string, id: number): Promise<JournalEntry[]> {
  const rows = await db
    .selectFrom('activity_rows')
    .select(['table_name', 'row_key', 'before_json'])
    .where('seeker_id', '=', seekerId)
    .where('activity_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    table: r.table_name as JournaledTable,
    key: r.row_key,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as StoredRow),
  }));
}

/**
 * Contacts the undo would remove while a row it does not restore still names them: the newest
 * later activity (not undone) that wrote such a row blocks the undo (undo it first).
 */
async function referenceConflict(
  db: Db,
  seekerId: string,
  id: number,
  entries: JournalEntry[],
): Promise<Activity | undefined> {
  const removed = new Set(
    entries.filter((e) => e.table === 'contacts' && e.before === null).map((e) => e.key),
  );
  if (removed.size === 0) return undefined;
  const restored = new Set(entries.map((e) => `${e.table}\u0000${e.key}`));
  const naming: { table: string; key: string }[] = [];
  const names = (ids: string[]) => ids.some((c) => removed.has(c));
  const apps = await db
    .selectFrom('applications')
    .select(['id', 'agent', 'references_json'])
    .where('seeker_id', '=', seekerId)
    .execute();
  for (const a of apps) {
    if ((a.agent !== null && removed.has(a.agent)) || names(fromJson<string[]>(a.references_json)))
      naming.push({ table: 'applications', key: a.id });
  }
  const interviews = await db
    .selectFrom('interviews')
    .select(['id', 'interviewers_json', 'notes_json'])
    .where('seeker_id', '=', seekerId)
    .execute();
  for (const v of interviews) {
    const notes = fromJson<{ byInterviewer?: { contact: string }[] }>(v.notes_json);
    const noted = (notes.byInterviewer ?? []).map((n) => n.contact);
    if (names(fromJson<string[]>(v.interviewers_json)) || names(noted))
      naming.push({ table: 'interviews', key: v.id });
  }
  const interactions = await db
    .selectFrom('interactions')
    .select(['id', 'contacts_json'])
    .where('seeker_id', '=', seekerId)
    .execute();
  for (const x of interactions) {
    if (names(fromJson<string[]>(x.contacts_json)))
      naming.push({ table: 'interactions', key: x.id });
  }
  let newest: Activity | undefined;
  for (const { table, key } of naming) {
    if (restored.has(`${table}\u0000${key}`)) continue;
    const row = await db
      .selectFrom('activity_rows as r')
      .innerJoin('activities as a', (j) =>
        j.onRef('a.seeker_id', '=', 'r.seeker_id').onRef('a.id', '=', 'r.activity_id'),
      )
      .select(['a.id', 'a.at', 'a.kind', 'a.summary', 'a.row_count', 'a.undone_at'])
      .where('r.seeker_id', '=', seekerId)
      .where('r.table_name', '=', table)
      .where('r.row_key', '=', key)
      .where('a.id', '>', id)
      .where('a.undone_at', 'is', null)
      .orderBy('a.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row && (!newest || Number(row.id) > newest.id)) newest = activityFromRow(row);
  }
  return newest;
}

/** Deletes rows that did not exist before, by key (children first). */
async function removeRows(db: Db, seekerId: string, table: JournaledTable, keys: string[]) {
  if (table === 'settings') {
    await db.deleteFrom('settings').where('seeker_id', '=', seekerId).execute();
    return;
  }
  if (table === 'step_events') {
    for (const part of chunks(keys, 300)) {
      const events = part.map((k) => JSON.parse(k) as [string, string, string]);
      await db
        .deleteFrom('step_events')
        .where('seeker_id', '=', seekerId)
        .where((eb) =>
          eb.or(
            events.map(([stepId, action, at]) =>
              eb.and([eb('step_id', '=', stepId), eb('action', '=', action), eb('at', '=', at)]),
            ),
          ),
        )
        .execute();
    }
    return;
  }
  for (const part of chunks(keys, IDS_PER_STATEMENT)) {
    await db.deleteFrom(table).where('seeker_id', '=', seekerId).where('id', 'in', part).execute();
  }
}

/** Writes rows back exactly as they were stored (every column, `deleted_in` included). */
async function putBackRows(db: Db, table: JournaledTable, rows: StoredRow[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const key = PRIMARY_KEY[table];
  const updates = Object.fromEntries(
    columns.filter((c) => !key.includes(c)).map((c) => [c, sql.ref(`excluded.${c}`)]),
  );
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (const part of chunks(rows, perStatement)) {
    await db
      .insertInto(table)
      .values(part as never)
      .onConflict((oc) => oc.columns(key as never).doUpdateSet(updates as never))
      .execute();
  }
}

export async function undoActivity(
  db: Db,
  seekerId: string,
  id: number,
  now: number,
): Promise<UndoOutcome> {
  // Take the seeker's journal lock first (the row every journaled write updates): writers
  // queue behind the undo instead of racing it on PostgreSQL.
  await db
    .updateTable('activity_counters')
    .set({ last_id: sql<number>`last_id` })
    .where('seeker_id', '=', seekerId)
    .execute();
  const target = await getActivity(db, seekerId, id);
  if (target?.kind === PURGE_KIND) return { purgedBy: target };
  const blocked = await laterConflict(db, seekerId, id);
  if (blocked) return blocked.kind === PURGE_KIND ? { purgedBy: blocked } : { blockedBy: blocked };
  const entries = await entriesOf(db, seekerId, id);
  const byReference = await referenceConflict(db, seekerId, id, entries);
  if (byReference) return { blockedBy: byReference };

  for (const table of [...RESTORE_ORDER].reverse()) {
    const gone = entries.filter((e) => e.table === table && e.before === null).map((e) => e.key);
    if (gone.length > 0) await removeRows(db, seekerId, table, gone);
  }
  for (const table of RESTORE_ORDER) {
    const back = entries.filter((e) => e.table === table && e.before !== null);
    await putBackRows(
      db,
      table,
      back.map((e) => e.before!),
    );
  }
  await db
    .updateTable('activities')
    .set({ undone_at: formatInstant(now) })
    .where('seeker_id', '=', seekerId)
    .where('id', '=', id)
    .execute();
  return { undone: (await getActivity(db, seekerId, id))! };
}

/** Marks live records as deleted by this transaction's activity (journaled like any write). */
export async function trashRecords(
  db: Db,
  seekerId: string,
  journal: Journal,
  batch: TrashBatch,
  owners: { interviews: Map<string, string>; interactions: Map<string, string> },
): Promise<void> {
  const byId = async (
    table: 'contacts' | 'applications' | 'interviews' | 'interactions',
    refs: RowRef[],
  ) => {
    if (refs.length === 0) return;
    await journal.capture(table, refs);
    const activityId = journal.activityId()!;
    for (const part of chunks(
      refs.map((r) => r.key),
      IDS_PER_STATEMENT,
    )) {
      await db
        .updateTable(table)
        .set({ deleted_in: activityId })
        .where('seeker_id', '=', seekerId)
        .where('id', 'in', part)
        .execute();
    }
  };
  await byId(
    'contacts',
    (batch.contacts ?? []).map((key) => ({ key, applicationId: null })),
  );
  await byId(
    'applications',
    (batch.applications ?? []).map((key) => ({ key, applicationId: key })),
  );
  await byId(
    'interviews',
    (batch.interviews ?? []).map((key) => ({
      key,
      applicationId: owners.interviews.get(key) ?? null,
    })),
  );
  await byId(
    'interactions',
    (batch.interactions ?? []).map((key) => ({
      key,
      applicationId: owners.interactions.get(key) ?? null,
    })),
  );
  const events = (batch.stepEvents ?? []).map((e) => ({
    step_id: e.stepId,
    action: e.action,
    at: e.at,
  }));
  if (events.length === 0) return;
  await journal.capture(
    'step_events',
    events.map((e) => ({ key: stepEventKey(e), applicationId: applicationOfStep(e.step_id) })),
  );
  const activityId = journal.activityId()!;
  for (const part of chunks(events, 300)) {
    await db
      .updateTable('step_events')
      .set({ deleted_in: activityId })
      .where('seeker_id', '=', seekerId)
      .where((eb) =>
        eb.or(
          part.map((e) =>
            eb.and([
              eb('step_id', '=', e.step_id),
              eb('action', '=', e.action),
              eb('at', '=', e.at),
            ]),
          ),
        ),
      )
      .execute();
  }
}

export async function trashedIn(
  db: Db,
  seekerId: string,
  entity: EntityType,
  id: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom(TABLE_OF[entity])
    .select('deleted_in')
    .where('seeker_id', '=', seekerId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.deleted_in == null ? undefined : Number(row.deleted_in);
}

export async function listTrash(db: Db, seekerId: string): Promise<TrashEntry[]> {
  const items: { activityId: number; item: TrashItem }[] = [];
  const contacts = await db
    .selectFrom('contacts')
    .select([...CONTACT_COLUMNS, 'deleted_in'])
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is not', null)
    .execute();
  for (const row of contacts) {
    items.push({
      activityId: Number(row.deleted_in),
      item: { entity: 'contact', id: row.id, applicationId: null, record: contactFromRow(row) },
    });
  }
  const applications = await db
    .selectFrom('applications')
    .select([...APPLICATION_COLUMNS, 'deleted_in'])
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is not', null)
    .execute();
  for (const row of applications) {
    items.push({
      activityId: Number(row.deleted_in),
      item: {
        entity: 'application',
        id: row.id,
        applicationId: row.id,
        record: applicationFromRow(row),
      },
    });
  }
  const interviews = await db
    .selectFrom('interviews')
    .select([...INTERVIEW_COLUMNS, 'deleted_in'])
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is not', null)
    .execute();
  for (const row of interviews) {
    items.push({
      activityId: Number(row.deleted_in),
      item: {
        entity: 'interview',
        id: row.id,
        applicationId: row.application_id,
        record: interviewFromRow(row),
      },
    });
  }
  const interactions = await db
    .selectFrom('interactions')
    .select([...INTERACTION_COLUMNS, 'deleted_in'])
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is not', null)
    .execute();
  for (const row of interactions) {
    items.push({
      activityId: Number(row.deleted_in),
      item: {
        entity: 'interaction',
        id: row.id,
        applicationId: row.application_id,
        record: interactionFromRow(row),
      },
    });
  }
  const ids = [...new Set(items.map((i) => i.activityId))];
  const activities = new Map<number, Activity>();
  for (const part of chunks(ids, IDS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('activities')
      .select(ACTIVITY_COLUMNS)
      .where('seeker_id', '=', seekerId)
      .where('id', 'in', part)
      .execute();
    for (const row of rows) activities.set(Number(row.id), activityFromRow(row));
  }
  const entries = new Map<number, TrashEntry>();
  for (const { activityId, item } of items) {
    const activity = activities.get(activityId);
    if (!activity) continue;
    let entry = entries.get(activityId);
    if (!entry) entries.set(activityId, (entry = { activity, items: [] }));
    entry.items.push(item);
  }
  return [...entries.values()].sort((a, b) => b.activity.id - a.activity.id);
}

/** Ids deleted for good by emptying the Trash: they stay taken (never generated again). */
export async function purgedIds(db: Db, seekerId: string, entity: EntityType): Promise<string[]> {
  // The purges first (few, usually none): their rows are then read by the journal's primary
  // key, never by scanning every row a large import wrote.
  const purges = await db
    .selectFrom('activities')
    .select('id')
    .where('seeker_id', '=', seekerId)
    .where('kind', '=', PURGE_KIND)
    .execute();
  if (purges.length === 0) return [];
  const ids: string[] = [];
  for (const part of chunks(
    purges.map((p) => Number(p.id)),
    IDS_PER_STATEMENT,
  )) {
    const rows = await db
      .selectFrom('activity_rows')
      .select('row_key')
      .where('seeker_id', '=', seekerId)
      .where('activity_id', 'in', part)
      .where('table_name', '=', TABLE_OF[entity])
      .where('before_json', 'is', null)
      .execute();
    for (const r of rows) ids.push(r.row_key);
  }
  return ids;
}

/**
 * Live rows that name a contact about to be deleted for good stop naming them (journaled like
 * any write): while the contact was in the Trash reads left them out; once gone, nothing may
 * point at them.
 */
async function unnameContacts(
  db: Db,
  seekerId: string,
  journal: Journal,
  gone: ReadonlySet<string>,
): Promise<void> {
  if (gone.size === 0) return;
  const keep = (ids: string[]) => ids.filter((id) => !gone.has(id));
  const names = (ids: string[]) => ids.some((id) => gone.has(id));
  const apps = await db
    .selectFrom('applications')
    .select(['id', 'agent', 'references_json'])
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is', null)
    .execute();
  for (const a of apps) {
    const references = fromJson<string[]>(a.references_json);
    if (!(a.agent !== null && gone.has(a.agent)) && !names(references)) continue;
    await journal.capture('applications', [{ key: a.id, applicationId: a.id }]);
    await db
      .updateTable('applications')
      .set({
        agent: a.agent !== null && gone.has(a.agent) ? null : a.agent,
        references_json: toJson(keep(references)),
      })
      .where('seeker_id', '=', seekerId)
      .where('id', '=', a.id)
      .execute();
  }
  const interviews = await db
    .selectFrom('interviews')
    .select(['id', 'application_id', 'interviewers_json', 'notes_json'])
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is', null)
    .execute();
  for (const v of interviews) {
    const interviewers = fromJson<string[]>(v.interviewers_json);
    const notes = fromJson<{ byInterviewer?: { contact: string }[] }>(v.notes_json);
    const byInterviewer = notes.byInterviewer ?? [];
    const noted = byInterviewer.some((n) => gone.has(n.contact));
    if (!names(interviewers) && !noted) continue;
    await journal.capture('interviews', [{ key: v.id, applicationId: v.application_id }]);
    await db
      .updateTable('interviews')
      .set({
        interviewers_json: toJson(keep(interviewers)),
        notes_json: noted
          ? toJson({ ...notes, byInterviewer: byInterviewer.filter((n) => !gone.has(n.contact)) })
          : v.notes_json,
      })
      .where('seeker_id', '=', seekerId)
      .where('id', '=', v.id)
      .execute();
  }
  const interactions = await db
    .selectFrom('interactions')
    .select(['id', 'application_id', 'contacts_json'])
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is', null)
    .execute();
  for (const x of interactions) {
    const contacts = fromJson<string[]>(x.contacts_json);
    if (!names(contacts)) continue;
    await journal.capture('interactions', [{ key: x.id, applicationId: x.application_id }]);
    await db
      .updateTable('interactions')
      .set({ contacts_json: toJson(keep(contacts)) })
      .where('seeker_id', '=', seekerId)
      .where('id', '=', x.id)
      .execute();
  }
}

/** The seeker's draft edits of steps of a deleted application or interview. */
async function forgetDraftEdits(
  db: Db,
  seekerId: string,
  applications: ReadonlySet<string>,
  interviews: ReadonlySet<string>,
): Promise<void> {
  if (applications.size === 0 && interviews.size === 0) return;
  const edits = await db
    .selectFrom('draft_edits')
    .select('step_id')
    .where('seeker_id', '=', seekerId)
    .execute();
  // Step ids are `<application>:<kind>[:<interview>…]`: ids themselves hold no ':'.
  const gone = edits
    .map((e) => e.step_id)
    .filter((stepId) => {
      const [application, ...rest] = stepId.split(':');
      return applications.has(application!) || rest.some((part) => interviews.has(part));
    });
  for (const part of chunks(gone, IDS_PER_STATEMENT)) {
    await db
      .deleteFrom('draft_edits')
      .where('seeker_id', '=', seekerId)
      .where('step_id', 'in', part)
      .execute();
  }
}

/** Empties the Trash for good, in the caller's transaction (see FactsRepository.purgeTrash). */
export async function purgeTrash(
  db: Db,
  seekerId: string,
  journal: Journal,
): Promise<PurgedCounts> {
  // The seeker's journal lock first, as undo takes it: an undo never races a purge.
  await db
    .updateTable('activity_counters')
    .set({ last_id: sql<number>`last_id` })
    .where('seeker_id', '=', seekerId)
    .execute();
  const trashed = (table: 'contacts' | 'applications') =>
    db
      .selectFrom(table)
      .select('id')
      .where('seeker_id', '=', seekerId)
      .where('deleted_in', 'is not', null)
      .execute();
  const owned = (table: 'interviews' | 'interactions') =>
    db
      .selectFrom(table)
      .select(['id', 'application_id'])
      .where('seeker_id', '=', seekerId)
      .where('deleted_in', 'is not', null)
      .execute();
  const contacts = (await trashed('contacts')).map((r) => r.id);
  const applications = (await trashed('applications')).map((r) => r.id);
  const interviews = await owned('interviews');
  const interactions = await owned('interactions');
  const stepEvents = await db
    .selectFrom('step_events')
    .select(['step_id', 'action', 'at'])
    .where('seeker_id', '=', seekerId)
    .where('deleted_in', 'is not', null)
    .execute();
  const counts: PurgedCounts = {
    contacts: contacts.length,
    applications: applications.length,
    interviews: interviews.length,
    interactions: interactions.length,
    stepEvents: stepEvents.length,
  };
  if (Object.values(counts).every((n) => n === 0)) return counts;

  await unnameContacts(db, seekerId, journal, new Set(contacts));
  const gone: Record<JournaledTable, RowRef[]> = {
    settings: [],
    contacts: contacts.map((key) => ({ key, applicationId: null })),
    applications: applications.map((key) => ({ key, applicationId: key })),
    interviews: interviews.map((r) => ({ key: r.id, applicationId: r.application_id })),
    interactions: interactions.map((r) => ({ key: r.id, applicationId: r.application_id })),
    step_events: stepEvents.map((e) => ({
      key: stepEventKey(e),
      applicationId: applicationOfStep(e.step_id),
    })),
  };
  for (const table of RESTORE_ORDER) await journal.forget(table, gone[table]);
  const purgeId = journal.activityId()!;

  // Children first; then the before-images older activities hold of these rows (those
  // activities can no longer be undone: this one changed the same rows after them).
  for (const table of [...RESTORE_ORDER].reverse()) {
    if (table === 'settings' || gone[table].length === 0) continue;
    await db
      .deleteFrom(table)
      .where('seeker_id', '=', seekerId)
      .where('deleted_in', 'is not', null)
      .execute();
    for (const part of chunks(
      gone[table].map((r) => r.key),
      IDS_PER_STATEMENT,
    )) {
      await db
        .updateTable('activity_rows')
        .set({ before_json: null })
        .where('seeker_id', '=', seekerId)
        .where('table_name', '=', table)
        .where('row_key', 'in', part)
        .where('activity_id', '<>', purgeId)
        .where('before_json', 'is not', null)
        .execute();
    }
  }
  await forgetDraftEdits(db, seekerId, new Set(applications), new Set(interviews.map((r) => r.id)));
  return counts;
}
