// Date and instant flag checks; each failure names the flag. Imported lazily by the commands
// that need them, so `--help` does not load the calendar (and its Temporal polyfill).
import { isIsoDate, isLocalDateTime, isRfc3339 } from '../core/calendar.js';
import { UserError } from './errors.js';

export function checkDate(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) {
    throw new UserError(`${flag} must be a date YYYY-MM-DD (got "${value}")`);
  }
  return value;
}

export function checkInstant(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isRfc3339(value)) {
    throw new UserError(`${flag} must be an instant with an offset, e.g. 2026-12-24T09:00:00Z (got "${value}")`);
  }
  return value;
}

export function checkLocalDateTime(flag: string, value: string): string {
  if (!isLocalDateTime(value)) {
    throw new UserError(`${flag} must be a local date-time YYYY-MM-DDTHH:mm, without an offset (got "${value}")`);
  }
  return value;
}
