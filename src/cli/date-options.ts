// Date and instant flag checks; each failure names the flag and says what is wrong. Imported
// lazily by the commands that need them, so `--help` does not load the calendar (and its
// Temporal polyfill).
import { labelled } from '../core/errors.js';
import { dateProblem, localDateTimeProblem, normalizeDateTime } from '../core/date-input.js';
import { UserError } from './errors.js';

export function checkDate(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = dateProblem(value.trim());
  if (problem) throw new UserError(labelled(flag, problem));
  return value.trim();
}

/** `2026-12-01T14:00` or `2026-12-01 14:00`, returned with the T. */
export function checkLocalDateTime(flag: string, value: string): string {
  const problem = localDateTimeProblem(value);
  if (problem) throw new UserError(labelled(flag, problem));
  return normalizeDateTime(value);
}
