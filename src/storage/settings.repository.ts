import { DEFAULT_SETTINGS, type Settings } from '../core/types.js';
import { SETTINGS_COLUMNS, settingsFromRow, settingsToRow } from './settings.table.js';
import type { Db } from './tables.js';

/** The seeker's settings, or the defaults when none were saved yet. */
export async function selectSettings(db: Db, seekerId: string): Promise<Settings> {
  const row = await db
    .selectFrom('settings')
    .select(SETTINGS_COLUMNS)
    .where('seeker_id', '=', seekerId)
    .executeTakeFirst();
  return row ? settingsFromRow(row) : { ...DEFAULT_SETTINGS };
}

export async function saveSettings(db: Db, seekerId: string, settings: Settings): Promise<void> {
  const { seeker_id: _, ...rest } = settingsToRow(seekerId, settings);
  await db
    .insertInto('settings')
    .values(settingsToRow(seekerId, settings))
    .onConflict((oc) => oc.column('seeker_id').doUpdateSet(rest))
    .execute();
}
