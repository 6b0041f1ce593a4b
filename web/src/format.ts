// Display helpers: labels for enums, dates in the seeker's zone.
import type { IsoDate, StepKind } from '../../src/core/types.js';

const KIND_LABELS: Record<StepKind, string> = {
  thank_you: 'Thank-you',
  offer_update: 'Offer update',
  withdraw: 'Withdraw',
  answer_offer: 'Answer offer',
  final_thanks: 'Final thanks',
  status_check: 'Status check',
  check_in: 'Check-in',
  keep_warm: 'Keep warm',
  connect: 'Connect',
  references_heads_up: 'References heads-up',
  debrief: 'Debrief',
  reflect: 'Reflect',
  move_on: 'Move on',
};

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? humanize(kind);
}

export function humanize(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The calendar date of an instant in an IANA zone (falls back to UTC on a bad zone). */
export function dateIn(instant: string | number, timeZone: string): IsoDate {
  const date = new Date(instant);
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** "Tue 24 Nov" for a YYYY-MM-DD date (read as a calendar date, no zone shift). */
export function shortDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, d));
}

export function instantLabel(instant: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(instant));
  } catch {
    return instant;
  }
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)} %`;
}

/** Lines of a textarea as a trimmed list without blanks. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The current hour in an IANA zone as a local date-time `YYYY-MM-DDTHH:00` (a form default). */
export function hourIn(timeZone: string): string {
  const now = Date.now();
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
    const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:00`;
  } catch {
    return new Date(now).toISOString().slice(0, 13) + ':00';
  }
}

/** A YYYY-MM-DD date `n` calendar days later (no zone involved). */
export function addDays(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** "17:45" for an instant in an IANA zone (falls back to UTC on a bad zone). */
export function timeOfDay(instant: string, timeZone: string): string {
  const options = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(new Date(instant));
  } catch {
    return `${new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(new Date(instant))} UTC`;
  }
}
