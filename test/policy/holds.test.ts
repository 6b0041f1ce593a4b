// SPEC §3 "Held by an unread reply": an unconfirmed matched message holds every outbound step
// of its application (dates kept, `heldBy` set, not due); steps to the seeker are not held.
import { describe, expect, it } from 'vitest';
import { parseAsOf } from '../../src/core/calendar.js';
import { planValidUntil } from '../../src/core/policy/index.js';
import type { Facts } from '../../src/core/types.js';
import { newApplication, newContact, newFacts, newInterview, planAt } from './fixtures.js';

/**
 * America/New_York, US holidays. Acme (a1) interviewed on Tue 1 Dec 2026 10:00–11:00 with c1;
 * no pros/cons, so a reflect step (to the seeker) is planned too. Globex (a2) the same day.
 *
 *       December 2026
 *   Mo Tu We Th Fr Sa Su
 *       1  2  3  4  5  6     interview Tue 1; thank-you due Wed 2; status check +3 bd = Fri 4
 *    7  8  9 10 11 12 13
 */
function facts(holds: Facts['holds']): Facts {
  return {
    ...newFacts({
      contacts: [newContact('c1'), newContact('c2')],
      applications: [
        newApplication({
          id: 'a1',
          prosCons: { pros: [], cons: [], strengths: [] },
          interviews: [newInterview()],
        }),
        newApplication({
          id: 'a2',
          organization: 'Globex',
          interviews: [newInterview({ id: 'i2', interviewers: ['c2'] })],
        }),
      ],
    }),
    ...(holds ? { holds } : {}),
  };
}

describe('held steps', () => {
  it("holds every outbound step of the application, keeps their dates, and never another application's", () => {
    const free = planAt(facts(undefined), '2026-12-08');
    const held = planAt(
      facts([{ application: 'a1', message: 'm1', at: '2026-12-02T14:00:00Z' }]),
      '2026-12-08',
    );
    expect(held.steps.map((s) => [s.id, s.due])).toEqual(free.steps.map((s) => [s.id, s.due]));
    for (const s of held.steps) {
      const outbound = s.to.length > 0;
      if (s.application === 'a1' && outbound)
        expect(s).toMatchObject({ heldBy: 'm1', overdue: false });
      else expect(s.heldBy).toBeUndefined();
    }
    // Overdue without the hold (the status check of Fri 4 Dec), not due with it.
    const check = (p: typeof free) =>
      p.steps.find((s) => s.application === 'a1' && s.kind === 'status_check')!;
    expect(check(free)).toMatchObject({ due: '2026-12-04', overdue: true });
    expect(check(held)).toMatchObject({ due: '2026-12-04', overdue: false, heldBy: 'm1' });
    // Steps to the seeker (reflect) are not held.
    expect(held.steps.find((s) => s.kind === 'reflect')?.heldBy).toBeUndefined();
    // `heldBy` appears in the JSON only on held steps.
    expect(JSON.stringify(free)).not.toContain('heldBy');
  });

  it('the earliest unread message holds; one arriving after as-of does not yet', () => {
    const two = facts([
      { application: 'a1', message: 'm9', at: '2026-12-03T09:00:00Z' },
      { application: 'a1', message: 'm2', at: '2026-12-02T09:00:00Z' },
    ]);
    expect(
      planAt(two, '2026-12-08').steps.find(
        (s) => s.kind === 'status_check' && s.application === 'a1',
      )?.heldBy,
    ).toBe('m2');
    const later = facts([{ application: 'a1', message: 'm9', at: '2026-12-09T09:00:00Z' }]);
    expect(planAt(later, '2026-12-08').steps.some((s) => s.heldBy !== undefined)).toBe(false);
  });

  it('the plan is valid only until a later hold arrives', () => {
    const f = facts([{ application: 'a1', message: 'm9', at: '2026-12-08T15:30:00Z' }]);
    const asOf = parseAsOf('2026-12-08T15:00:00Z', f.settings.timezone);
    expect(planValidUntil(f, planAt(f, '2026-12-08T15:00:00Z'), asOf)).toBe(
      Date.parse('2026-12-08T15:30:00Z'),
    );
  });
});
