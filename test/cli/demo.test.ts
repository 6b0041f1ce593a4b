// The demo must always show something in every agenda group, whatever day it is loaded on:
// weekends and holidays included. Real calendar (date-holidays), real policy.
import { describe, expect, it } from 'vitest';
import { groupSteps } from '../../src/core/agenda.js';
import { demoDocument } from '../../src/app/demo.js';
import { planOf } from '../../src/app/plan-for.js';
import { parseDocument } from '../../src/core/document/index.js';
import { BusinessCalendar, addDays, startOfDay } from '../../src/core/calendar.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';

const calendar = new BusinessCalendar(dateHolidays());

// Two full weeks from Monday 16 Nov 2026 (Thanksgiving on Thu 26 Nov), plus Christmas Day,
// New Year's Day 2027 (a Friday) and Saturday 29 Feb 2028.
const DAYS = [...Array.from({ length: 14 }, (_, i) => addDays('2026-11-16', i)), '2026-12-25', '2027-01-01', '2028-02-29'];

describe('demoDocument', () => {
  it('is deterministic and a valid document', () => {
    expect(demoDocument('2026-11-23')).toEqual(demoDocument('2026-11-23'));
    expect(() => parseDocument(demoDocument('2026-11-23'), calendar, new Set())).not.toThrow();
  });

  it.each(DAYS)('as of %s shows overdue, today and upcoming steps of several kinds', (today) => {
    const document = demoDocument(today);
    const plan = planOf(document, calendar, startOfDay(today, document.settings.timezone));
    const groups = groupSteps(plan, document.settings.timezone);
    expect(groups.asOfDate).toBe(today);
    expect(groups.overdue.length).toBeGreaterThan(0);
    expect(groups.today.length).toBeGreaterThan(0);
    expect(groups.upcoming.length).toBeGreaterThan(0);
    const kinds = new Set([...groups.overdue, ...groups.today, ...groups.upcoming].map((s) => s.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(6);
    expect(kinds).toContain('thank_you');
    expect(kinds).toContain('status_check');
  });

  it('covers the domain: three sources, a rejection, an offer with a deadline, references, an agent', () => {
    const document = demoDocument('2026-11-23');
    expect(new Set(document.applications.map((a) => a.source))).toEqual(new Set(['employer', 'recruiter', 'agency']));
    const interactions = document.applications.flatMap((a) => a.interactions);
    expect(interactions.some((x) => x.kind === 'rejection' && x.direction === 'in')).toBe(true);
    expect(interactions.some((x) => x.kind === 'offer' && x.offerDeadline !== null)).toBe(true);
    expect(document.contacts.filter((c) => c.isReference).length).toBeGreaterThanOrEqual(2);
    expect(document.applications.some((a) => a.agent !== null)).toBe(true);
    expect(document.applications.some((a) => a.prosCons.pros.length > 0)).toBe(true);
    const notes = document.applications.flatMap((a) => a.interviews.map((i) => i.notes));
    expect(notes.some((n) => n.promises.some((p) => p.includes('https://')))).toBe(true);
    expect(notes.some((n) => n.forgot.length > 0)).toBe(true);
    expect(document.settings.signature).toContain('Jordan Alvarez');
  });
});
