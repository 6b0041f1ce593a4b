// The inbox's rows (issue 10): folder states and matched messages, bound to one transaction and
// one seeker. The seeker's verdicts go through the journal like every fact, so undo takes them
// back; what a mailbox pass stores is not an activity of the seeker (nothing to undo).
import type { InboxRepository } from '../app/inbox-store.js';
import type { Hold } from '../core/types.js';
import { inboxMessageFromRow, inboxMessageToRow } from './inbox.table.js';
import type { Journal } from './journal.js';
import { mailDb } from './outbox.table.js';
import type { Db } from './tables.js';

export function createInboxRepository(db: Db, seekerId: string, journal: Journal): InboxRepository {
  const get = async (id: string) => {
    const row = await db
      .selectFrom('inbox_messages')
      .selectAll()
      .where('seeker_id', '=', seekerId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? inboxMessageFromRow(row) : undefined;
  };
  return {
    async folderState(folder) {
      const row = await db
        .selectFrom('inbox_folders')
        .selectAll()
        .where('seeker_id', '=', seekerId)
        .where('folder', '=', folder)
        .executeTakeFirst();
      return row
        ? { folder: row.folder, uidValidity: row.uid_validity, lastUid: Number(row.last_uid) }
        : undefined;
    },
    async saveFolderState(state, at) {
      await db
        .insertInto('inbox_folders')
        .values({
          seeker_id: seekerId,
          folder: state.folder,
          uid_validity: state.uidValidity,
          last_uid: state.lastUid,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['seeker_id', 'folder']).doUpdateSet({
            uid_validity: state.uidValidity,
            last_uid: state.lastUid,
            updated_at: at,
          }),
        )
        .execute();
    },
    async insertMessage(message) {
      const row = inboxMessageToRow(seekerId, message);
      // One statement: two passes racing on the same message end with one row.
      const inserted = await db
        .insertInto('inbox_messages')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return true;
      await db
        .updateTable('inbox_messages')
        .set({ folder: row.folder, uid_validity: row.uid_validity, uid: row.uid })
        .where('seeker_id', '=', seekerId)
        .where('message_key', '=', row.message_key)
        .execute();
      return false;
    },
    getMessage: get,
    async listMessages({ states, application, limit }) {
      let query = db
        .selectFrom('inbox_messages')
        .selectAll()
        .where('seeker_id', '=', seekerId)
        .orderBy('received_at', 'desc')
        .orderBy('id')
        .limit(limit);
      if (states !== undefined) query = query.where('state', 'in', [...states]);
      if (application !== undefined) query = query.where('application_id', '=', application);
      return (await query.execute()).map(inboxMessageFromRow);
    },
    async updateMessage(id, patch, at) {
      const before = await get(id);
      if (!before) throw new Error(`no inbox message "${id}"`);
      await journal.capture('inbox_messages', [
        { key: id, applicationId: patch.applicationId ?? before.applicationId },
      ]);
      const set: Record<string, unknown> = { updated_at: at };
      if (patch.state !== undefined) set.state = patch.state;
      if (patch.applicationId !== undefined) set.application_id = patch.applicationId;
      if (patch.interactionId !== undefined) set.interaction_id = patch.interactionId;
      if (patch.candidates !== undefined) set.candidates_json = JSON.stringify(patch.candidates);
      await db
        .updateTable('inbox_messages')
        .set(set)
        .where('seeker_id', '=', seekerId)
        .where('id', '=', id)
        .execute();
      return (await get(id))!;
    },
    async sentApplications(outboxIds) {
      const found = new Map<string, string>();
      if (outboxIds.length === 0) return found;
      const rows = await mailDb(db)
        .selectFrom('outbox')
        .select(['id', 'application_id'])
        .where('seeker_id', '=', seekerId)
        .where('id', 'in', [...outboxIds])
        .where('application_id', 'is not', null)
        .execute();
      for (const r of rows) found.set(r.id, r.application_id!);
      return found;
    },
    async forget() {
      await db.deleteFrom('inbox_messages').where('seeker_id', '=', seekerId).execute();
      await db.deleteFrom('inbox_folders').where('seeker_id', '=', seekerId).execute();
    },
  };
}

/**
 * The messages that hold an application's outbound steps: matched to one application, not yet
 * confirmed or dismissed, and written by a person (auto-replies never hold anything).
 */
export async function selectHolds(db: Db, seekerId: string): Promise<Hold[]> {
  const rows = await db
    .selectFrom('inbox_messages')
    .select(['id', 'application_id', 'received_at', 'created_at'])
    .where('seeker_id', '=', seekerId)
    .where('state', '=', 'unconfirmed')
    .where('application_id', 'is not', null)
    .where('suggestion', '!=', 'auto_reply')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    application: r.application_id!,
    message: r.id,
    at: r.received_at ?? r.created_at,
  }));
}
