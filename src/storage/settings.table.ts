import type { PresetName, Settings } from '../core/types.js';

/** Every column but seeker_id: bulk reads skip the constant (a measurable share of 100,000 rows). */
export const SETTINGS_COLUMNS = [
  'timezone',
  'region',
  'preset',
  'active_target',
  'signature',
  'email',
] as const;

export interface SettingsRow {
  seeker_id: string;
  timezone: string;
  region: string;
  preset: string;
  active_target: number;
  signature: string;
  /** Added by 2026-12-02T12-00-00-own-email-and-sequence. */
  email: string | null;
}

export function settingsFromRow(row: Omit<SettingsRow, 'seeker_id'>): Settings {
  return {
    timezone: row.timezone,
    region: row.region,
    preset: row.preset as PresetName,
    activeTarget: Number(row.active_target),
    signature: row.signature,
    email: row.email ?? null,
  };
}

export function settingsToRow(seekerId: string, s: Settings): SettingsRow {
  return {
    seeker_id: seekerId,
    timezone: s.timezone,
    region: s.region,
    preset: s.preset,
    active_target: s.activeTarget,
    signature: s.signature,
    email: s.email,
  };
}
