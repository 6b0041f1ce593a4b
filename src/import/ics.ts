// iCalendar invitations through ical.js: METHOD:REQUEST (or a plain VEVENT), CANCEL, its
// VTIMEZONE rules, organiser and attendees. One UID is one interview; when a file holds
// several versions of it, the highest SEQUENCE wins.
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import type { Attendee, Invitation } from '../core/import/index.js';
import { ImportFileError } from './errors.js';

/** `ics-` + 16 hex digits of the UID's SHA-256: the same invitation always lands on the same interview. */
export function interviewIdOf(uid: string): string {
  return `ics-${createHash('sha256').update(uid).digest('hex').slice(0, 16)}`;
}

function address(value: unknown): string | undefined {
  const text = String(value ?? '')
    .trim()
    .replace(/^mailto:/i, '');
  return /^[^@\s]+@[^@\s]+$/.test(text) ? text : undefined;
}

function person(prop: ICAL.Property | null): Attendee | undefined {
  if (!prop) return undefined;
  const email = address(prop.getFirstValue());
  if (!email) return undefined;
  const cn = prop.getParameter('cn');
  const name = typeof cn === 'string' && cn.trim() !== '' ? cn.trim() : undefined;
  return { email, name };
}

const VIDEO =
  /(zoom\.us|meet\.google\.com|teams\.microsoft\.com|webex\.com|whereby\.com|gotomeeting|jitsi)/i;

/** Every event of an iCalendar file, numbered from 1 in file order. */
export function readInvitations(text: string, file: string): Invitation[] {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text) as never);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(`${file}: not a readable iCalendar file (${reason})`);
  }
  const method = String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase();
  const zones = new Set<string>();
  for (const tz of calendar.getAllSubcomponents('vtimezone')) {
    const timezone = new ICAL.Timezone(tz);
    ICAL.TimezoneService.register(timezone, timezone.tzid);
    zones.add(timezone.tzid);
  }
  const byUid = new Map<string, Invitation>();
  calendar.getAllSubcomponents('vevent').forEach((vevent, i) => {
    const row = i + 1;
    const event = new ICAL.Event(vevent);
    const uid = String(event.uid ?? '').trim();
    if (uid === '') throw new ImportFileError(`${file}: event ${row} has no UID`);
    const start = event.startDate;
    const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
    const tzid =
      (start as unknown as { timezone?: string } | undefined)?.timezone ??
      (start?.zone as { tzid?: string } | undefined)?.tzid;
    const floating = !tzid || tzid === 'floating';
    const utc = tzid === 'UTC' || tzid === 'Z';
    const known = !floating && !utc && (zones.has(tzid) || ICAL.TimezoneService.has(tzid));
    const organizer = person(vevent.getFirstProperty('organizer'));
    const attendees = vevent
      .getAllProperties('attendee')
      .filter((p) => !/^(ROOM|RESOURCE)$/i.test(String(p.getParameter('cutype') ?? '')))
      .map(person)
      .filter((p): p is Attendee => p !== undefined);
    const where = `${vevent.getFirstPropertyValue('location') ?? ''} ${vevent.getFirstPropertyValue('description') ?? ''}`;
    const local = start ? start.toString().slice(0, 16) : undefined;
    const invitation: Invitation = {
      row,
      uid,
      interviewId: interviewIdOf(uid),
      sequence: Number(event.sequence ?? 0) || 0,
      cancelled: method === 'CANCEL' || status === 'CANCELLED',
      summary: event.summary || undefined,
      local: start && !start.isDate ? local : undefined,
      zone: !floating && !utc ? tzid : undefined,
      epochMs: start && !floating && (utc || known) ? start.toUnixTime() * 1000 : undefined,
      allDay: start?.isDate ?? false,
      durationMinutes: event.duration ? Math.round(event.duration.toSeconds() / 60) : undefined,
      video: VIDEO.test(where),
      organizer,
      attendees,
    };
    const earlier = byUid.get(uid);
    // The newest version of an invitation wins; at equal SEQUENCE a cancellation wins.
    if (
      !earlier ||
      invitation.sequence > earlier.sequence ||
      (invitation.sequence === earlier.sequence && invitation.cancelled)
    ) {
      byUid.set(uid, invitation);
    }
  });
  if (byUid.size === 0) throw new ImportFileError(`${file}: holds no event (VEVENT)`);
  return [...byUid.values()];
}
