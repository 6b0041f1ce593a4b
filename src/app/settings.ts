import type { BusinessCalendar } from '../core/calendar.js';
import { mergeSettings, settingsPatchSchema } from '../core/document/index.js';
import type { Settings } from '../core/types.js';
import type { UnitOfWork } from './ports.js';
import { validate } from './validate.js';

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
    const settings = mergeSettings(await repo.getSettings(), patch);
    await repo.saveSettings(settings);
    return settings;
  });
}
