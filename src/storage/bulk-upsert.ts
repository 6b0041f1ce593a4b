// Multi-row upserts for large writes (imports, seeding). One statement per chunk instead of
// one per record; the same ON CONFLICT … DO UPDATE SET col = excluded.col on both dialects.
import { sql } from 'kysely';
import type { FactsBatch } from '../app/ports.js';
import { applicationToRow } from './application.table.js';
import { contactToRow } from './contact.table.js';
import { interactionToRow } from './interaction.table.js';
import { interviewToRow } from './interview.table.js';
import { saveSettings } from './settings.repository.js';
import { stepEventToRow } from './step-event.table.js';
import type { Db, Tables } from './tables.js';

// Well under SQLite's 32,766 and PostgreSQL's 65,535 bind parameters per statement.
const MAX_PARAMETERS = 8_000;

type KeyedTable = 'contacts' | 'applications' | 'interviews' | 'interactions';

async function upsertRows<T extends KeyedTable>(
  db: Db,
  table: T,
  rows: Omit<Tables[T], 'deleted_in'>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'seeker_id' && c !== 'id');
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / (columns.length + 2)));
  const updates = Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    await db
      .insertInto(table as KeyedTable)
      .values(chunk as never)
      .onConflict((oc) => oc.columns(['seeker_id', 'id']).doUpdateSet(updates as never))
      .execute();
  }
}

export async function upsertAll(db: Db, seekerId: string, batch: FactsBatch): Promise<void> {
  if (batch.settings) await saveSettings(db, seekerId, batch.settings);
  await upsertRows(
    db,
    'contacts',
    (batch.contacts ?? []).map((c) => contactToRow(seekerId, c)),
  );
  await upsertRows(
    db,
    'applications',
    (batch.applications ?? []).map((a) => applicationToRow(seekerId, a)),
  );
  await upsertRows(
    db,
    'interviews',
    (batch.interviews ?? []).map((o) => interviewToRow(seekerId, o.applicationId, o.interview)),
  );
  await upsertRows(
    db,
    'interactions',
    (batch.interactions ?? []).map((o) =>
      interactionToRow(seekerId, o.applicationId, o.interaction),
    ),
  );
  const events = (batch.stepEvents ?? []).map((e) => stepEventToRow(seekerId, e));
  const perStatement = Math.floor(MAX_PARAMETERS / 5);
  for (let start = 0; start < events.length; start += perStatement) {
    await db
      .insertInto('step_events')
      .values(events.slice(start, start + perStatement))
      .onConflict((oc) => oc.columns(['seeker_id', 'step_id', 'action', 'at']).doNothing())
      .execute();
  }
}
