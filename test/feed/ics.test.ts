// The calendar feed parsed back by two independent readers — ical.js and Debian's
// python3-icalendar — and checked against the plan it came from: one event per open step
// (UID `<step id>@tactful`), all-day events on the due date, thank-yous timed in UTC ending at
// the 24-hour deadline with an alarm, and nothing private (notes, e-mail addresses, phones).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planOf } from '../../src/app/plan-for.js';
import type { Facts, Plan } from '../../src/core/types.js';
import { planToIcs } from '../../src/feed/ics.js';
import { calendar, openMailFixture, seekerDocument, type MailFixture } from '../mail/fixture.js';

const SECRET = 'PRIVATE-NOTE-7731';

/** Acme: interview that just ended (thank-you, debrief-free). Globex (GB-ENG): a status check chain. */
function document() {
  const base = seekerDocument([
    {
      id: 'a2',
      organization: 'Globex; "Ltd", \\ Co',
      role: 'Data Engineer',
      source: 'employer',
      region: 'GB-ENG',
      createdOn: '2026-11-02',
      interviews: [
        {
          id: 'i2',
          round: 1,
          start: '2026-11-20T15:00',
          timezone: 'Europe/London',
          interviewers: ['c3'],
          decisionExpectedBy: '2026-12-24',
          notes: { keyPoints: [SECRET], forgot: [], promises: [] },
        },
      ],
    },
  ]);
  base.contacts.push({
    id: 'c3',
    name: 'Zoë Ångström, Head of Data',
    organization: 'Globex',
    email: 'zoe@globex.example',
    notes: SECRET,
    phone: '+44 20 7946 0000',
  } as never);
  return base;
}

let fixture: MailFixture;
let plan: Plan;
let facts: Facts;
let ics: string;
let dir: string;

beforeAll(async () => {
  fixture = await openMailFixture('sqlite', document());
  facts = await fixture.uow.read((repo) => repo.loadFacts());
  plan = planOf(facts, calendar, fixture.clock.now());
  ics = planToIcs(plan, facts, fixture.clock.now());
  dir = mkdtempSync(join(tmpdir(), 'tactful-ics-'));
});
afterAll(async () => {
  await fixture.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the feed as text (RFC 5545)', () => {
  it('has an event per open step, CRLF lines of at most 75 octets, DTSTAMP on each', () => {
    expect(plan.steps.length).toBeGreaterThanOrEqual(3);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.match(/^BEGIN:VEVENT/gm)).toHaveLength(plan.steps.length);
    expect(ics.match(/^DTSTAMP:\d{8}T\d{6}Z/gm)).toHaveLength(plan.steps.length);
  });

  it('holds titles and dates only: no notes, e-mail addresses or phone numbers', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).not.toContain(SECRET);
    expect(unfolded).not.toMatch(/@[a-z]+\.example/);
    expect(unfolded).not.toContain('7946');
    expect(unfolded).not.toMatch(/^(ATTENDEE|ORGANIZER|LOCATION|URL)[;:]/m);
  });

  it('escapes commas, semicolons and backslashes in titles', () => {
    expect(ics.replace(/\r\n /g, '')).toContain('Globex\\; "Ltd"\\, \\\\ Co');
  });
});

describe('read back by ical.js', () => {
  it('every step is an event on its due date; thank-yous end at their deadline with an alarm', () => {
    const component = new ICAL.Component(ICAL.parse(ics));
    const events = component.getAllSubcomponents('vevent');
    const byUid = new Map(events.map((e) => [String(e.getFirstPropertyValue('uid')), e]));
    for (const step of plan.steps) {
      const event = byUid.get(`${step.id}@tactful`);
      expect(event, step.id).toBeDefined();
      const start = event!.getFirstPropertyValue('dtstart') as ICAL.Time;
      if (step.kind === 'thank_you') {
        expect(start.isDate).toBe(false);
        expect(start.zone?.tzid).toBe('UTC');
        const end = event!.getFirstPropertyValue('dtend') as ICAL.Time;
        expect(end.toJSDate().getTime()).toBe(Date.parse(step.dueAt!));
        expect(event!.getAllSubcomponents('valarm')).toHaveLength(1);
      } else {
        expect(start.isDate).toBe(true);
        expect(start.toString()).toBe(step.due);
      }
    }
    expect(events).toHaveLength(plan.steps.length);
  });
});

describe("read back by Debian's python3-icalendar", () => {
  it('agrees: UIDs, all-day dates equal to the due dates, UTC thank-yous with alarms', () => {
    const file = join(dir, 'feed.ics');
    writeFileSync(file, ics);
    const script = `
import json, sys, icalendar, datetime
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for e in cal.walk('VEVENT'):
    start = e.decoded('dtstart')
    timed = isinstance(start, datetime.datetime)
    out.append({
        'uid': str(e['uid']),
        'start': start.isoformat(),
        'timed': timed,
        'utc': timed and start.utcoffset() == datetime.timedelta(0),
        'end': e.decoded('dtend').isoformat() if 'dtend' in e else None,
        'alarms': len([c for c in e.subcomponents if c.name == 'VALARM']),
        'summary': str(e['summary']),
    })
print(json.dumps(out))
`;
    const events = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }),
    ) as {
      uid: string;
      start: string;
      timed: boolean;
      utc: boolean;
      end: string | null;
      alarms: number;
      summary: string;
    }[];
    expect(events.map((e) => e.uid).sort()).toEqual(
      plan.steps.map((s) => `${s.id}@tactful`).sort(),
    );
    for (const step of plan.steps) {
      const event = events.find((e) => e.uid === `${step.id}@tactful`)!;
      if (step.kind === 'thank_you') {
        expect(event).toMatchObject({ timed: true, utc: true, alarms: 1 });
        expect(Date.parse(event.end!)).toBe(Date.parse(step.dueAt!));
      } else {
        expect(event).toMatchObject({ timed: false, start: step.due, alarms: 0 });
      }
    }
    expect(events.find((e) => e.summary.includes('Globex'))?.summary).toContain(
      'Zoë Ångström, Head of Data',
    );
  });
});
