import type { PresetName, Settings } from '../core/types.js';

export interface SettingsRow {
  seeker_id: string;
  timezone: string;
  region: string;
  preset: string;
  active_target: number;
  signature: string;
}

export function settingsFromRow(row: SettingsRow): Settings {
  return {
    timezone: row.timezone,
    region: row.region,
    preset: row.preset as PresetName,
    activeTarget: Number(row.active_target),
    signature: row.signature,
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
  };
}
