// The activity journal's write side: before any fact row is written, the repository hands its
// key to `capture`, which stores the row as it was (or null) under this transaction's activity.
// The activity row is created on the first capture, so a transaction that writes nothing
// records nothing; `finish` (called by the unit of work before commit) writes its description.
import { sql } from 'kysely';
import type { ActivityDescription } from '../app/ports.js';
import { formatInstant } from '../core/calendar.js';
import { DomainError } from '../core/errors.js';
import type { Db } from './tables.js';

export type JournaledTable =
  'settings' | 'contacts' | 'applications' | 'interviews' | 'interactions' | 'step_events';

/** A row about to be written: its key in the journal and the application it belongs to. */
export interface RowRef {
  key: string;
  applicationId: string | null;
}

export type StoredRow = Record<string, unknown>;

// Well under SQLite's 32,766 and PostgreSQL's 65,535 bind parameters per statement.
const IDS_PER_SELECT = 1_000;
const ROWS_PER_INSERT = 1_000;

const DEFAULT_DESCRIPTION: ActivityDescription = { kind: 'change', summary: 'Changed data' };

export const ENTITY_OF_TABLE: Record<JournaledTable, string> = {
  settings: 'settings',
  contacts: 'contact',
  applications: 'application',
  interviews: 'interview',
  interactions: 'interaction',
  step_events: 'step event',
};

/** A step event's key: its primary key as JSON (PostgreSQL text cannot hold a NUL separator). */
export function stepEventKey(e: { step_id: string; action: string; at: string }): string {
  return JSON.stringify([e.step_id, e.action, e.at]);
}

/** The application a step belongs to: step ids start with `<application>:` (ids have no ':'). */
export function applicationOfStep(stepId: string): string {
  const colon = stepId.indexOf(':');
  return colon < 0 ? stepId : stepId.slice(0, colon);
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The stored rows (every column, the Trash's included) for these keys, by key. */
export async function storedRows(
  db: Db,
  seekerId: string,
  table: JournaledTable,
  keys: readonly string[],
): Promise<Map<string, StoredRow>> {
  const found = new Map<string, StoredRow>();
  if (keys.length === 0) return found;
  if (table === 'settings') {
    const row = await db
      .selectFrom('settings')
      .selectAll()
      .where('seeker_id', '=', seekerId)
      .executeTakeFirst();
    if (row) found.set('', row as unknown as StoredRow);
    return found;
  }
  if (table === 'step_events') {
    const wanted = new Set(keys);
    const stepIds = [...new Set(keys.map((k) => (JSON.parse(k) as string[])[0]!))];
    for (const part of chunks(stepIds, IDS_PER_SELECT)) {
      const rows = await db
        .selectFrom('step_events')
        .selectAll()
        .where('seeker_id', '=', seekerId)
        .where('step_id', 'in', part)
        .execute();
      for (const row of rows) {
        const key = stepEventKey(row);
        if (wanted.has(key)) found.set(key, row as unknown as StoredRow);
      }
    }
    return found;
  }
  for (const part of chunks(keys, IDS_PER_SELECT)) {
    const rows = await db
      .selectFrom(table)
      .selectAll()
      .where('seeker_id', '=', seekerId)
      .where('id', 'in', part)
      .execute();
    for (const row of rows) found.set(row.id, row as unknown as StoredRow);
  }
  return found;
}

export class Journal {
  private id: number | null = null;
  private seq = 0;
  private description: ActivityDescription = DEFAULT_DESCRIPTION;
  /** `table\u0000key` of every row captured: only the first before-image of a row counts. */
  private readonly captured = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly seekerId: string,
    private readonly now: () => number,
  ) {}

  describe(description: ActivityDescription): void {
    this.description = { kind: description.kind, summary: description.summary.slice(0, 500) };
  }

  activityId(): number | null {
    return this.id;
  }

  /**
   * Records the before-images of rows about to be written (each row once per transaction) and
   * returns the stored rows by key. A row in the Trash cannot be written by an ordinary write:
   * refused with a conflict naming it, unless `inTrash` says the caller expects that.
   */
  async capture(
    table: JournaledTable,
    refs: readonly RowRef[],
    options: { inTrash?: 'refuse' | 'allow' } = {},
  ): Promise<Map<string, StoredRow>> {
    const fresh: RowRef[] = [];
    for (const ref of refs) {
      const mark = `${table}\u0000${ref.key}`;
      if (this.captured.has(mark)) continue;
      this.captured.add(mark);
      fresh.push(ref);
    }
    const rows = await storedRows(
      this.db,
      this.seekerId,
      table,
      fresh.map((r) => r.key),
    );
    if ((options.inTrash ?? 'refuse') === 'refuse') {
      for (const [key, row] of rows) {
        if (row.deleted_in !== null && row.deleted_in !== undefined) throw inTrash(table, key);
      }
    }
    await this.record(table, fresh, (key) => {
      const before = rows.get(key);
      return before === undefined ? null : JSON.stringify(before);
    });
    return rows;
  }

  /**
   * Records rows about to be deleted for good (emptying the Trash) WITHOUT their before-images:
   * nothing can bring them back, and later undos of older activities that wrote them meet
   * this activity as the later one that changed the same rows.
   */
  async forget(table: JournaledTable, refs: readonly RowRef[]): Promise<void> {
    const fresh = refs.filter((ref) => {
      const mark = `${table}\u0000${ref.key}`;
      if (this.captured.has(mark)) return false;
      this.captured.add(mark);
      return true;
    });
    await this.record(table, fresh, () => null);
  }

  private async record(
    table: JournaledTable,
    refs: readonly RowRef[],
    beforeJson: (key: string) => string | null,
  ): Promise<void> {
    if (refs.length === 0) return;
    const activityId = await this.start();
    for (const part of chunks(refs, ROWS_PER_INSERT)) {
      await this.db
        .insertInto('activity_rows')
        .values(
          part.map((ref) => {
            this.seq += 1;
            return {
              seeker_id: this.seekerId,
              activity_id: activityId,
              seq: this.seq,
              table_name: table,
              row_key: ref.key,
              application_id: ref.applicationId,
              before_json: beforeJson(ref.key),
            };
          }),
        )
        .execute();
    }
  }

  /** Writes the description and the row count; called once, just before the commit. */
  async finish(): Promise<void> {
    if (this.id === null) return;
    await this.db
      .updateTable('activities')
      .set({
        kind: this.description.kind,
        summary: this.description.summary,
        row_count: this.seq,
      })
      .where('seeker_id', '=', this.seekerId)
      .where('id', '=', this.id)
      .execute();
  }

  /**
   * The activity row, made on the first write. Its id comes from a per-seeker counter row
   * updated in this transaction: on PostgreSQL concurrent writers queue on that row lock
   * instead of picking the same id.
   */
  private async start(): Promise<number> {
    if (this.id !== null) return this.id;
    const { last_id } = await this.db
      .insertInto('activity_counters')
      .values({ seeker_id: this.seekerId, last_id: 1 })
      .onConflict((oc) =>
        oc.column('seeker_id').doUpdateSet({ last_id: sql<number>`activity_counters.last_id + 1` }),
      )
      .returning('last_id')
      .executeTakeFirstOrThrow();
    const id = Number(last_id);
    await this.db
      .insertInto('activities')
      .values({
        seeker_id: this.seekerId,
        id,
        at: formatInstant(this.now()),
        kind: this.description.kind,
        summary: this.description.summary,
        row_count: 0,
        undone_at: null,
      })
      .execute();
    this.id = id;
    return id;
  }
}

function inTrash(table: JournaledTable, key: string): DomainError {
  if (table === 'step_events') {
    const [stepId] = JSON.parse(key) as string[];
    const application = applicationOfStep(stepId ?? '');
    return new DomainError(
      'conflict',
      `application "${application}" is in the Trash: restore it first (tactful restore ${application})`,
    );
  }
  return new DomainError(
    'conflict',
    `${ENTITY_OF_TABLE[table]} "${key}" is in the Trash: restore it first (tactful restore ${key})`,
  );
}
