import type { BusinessCalendar } from '../core/calendar.js';
import { mergeSettings, settingsPatchSchema } from '../core/document/index.js';
import type { Settings } from '../core/types.js';
import type { UnitOfWork } from './ports.js';
import { validate } from './validate.js';

const SETTING_NAMES: Record<keyof Settings, string> = {
  timezone: 'time zone',
  region: 'region',
  preset: 'preset',
  activeTarget: 'active target',
  signature: 'signature',
  email: 'your e-mail address',
};

export async function getSettings(uow: UnitOfWork): Promise<Settings> {
  return uow.read((repo) => repo.getSettings());
}

/** Same rules as the document's `settings`: omitted keeps, null resets to the default. */
export async function updateSettings(
  uow: UnitOfWork,
  calendar: BusinessCalendar,
  input: unknown,
): Promise<Settings> {
  const patch = validate(settingsPatchSchema(calendar), input);
  return uow.transaction(async (repo) => {
    const stored = await repo.getSettings();
    const settings = mergeSettings(stored, patch);
    const changed = (Object.keys(SETTING_NAMES) as (keyof Settings)[])
      .filter((k) => stored[k] !== settings[k])
      .map((k) => SETTING_NAMES[k]);
    repo.describeActivity({
      kind: 'settings',
      summary: changed.length > 0 ? `Changed settings: ${changed.join(', ')}` : 'Saved settings',
    });
    await repo.saveSettings(settings);
    return settings;
  });
}
