// Presets change the numbers, not the shape; the preset is the application's override, else the seeker's.
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/core/policy/index.js';
import { newApplication, newFacts, newInterview, onlyStep, planAt, stepsOf } from './fixtures.js';

// US, December 2026: interview Tue 1 Dec (America/New_York); no holidays before the 25th.
//  Mo Tu We Th Fr Sa Su
//  30 [1] 2  3  4  5  6
//   7  8  9 10 11 12 13
describe('presets', () => {
  it('standard holds every number of the SPEC §3 table', () => {
    const s = POLICIES.standard;
    const v = (o: { value: number; unit?: string }) => [o.value, o.unit];
    expect([s.firstStatusCheck.employer, s.firstStatusCheck.recruiter, s.firstStatusCheck.agency, s.firstStatusCheck.agencyQuick].map(v)).toEqual([
      [3, 'bd'], [7, 'days'], [7, 'bd'], [3, 'bd'],
    ]);
    expect([s.repeatStatusCheck.employer, s.repeatStatusCheck.recruiter, s.repeatStatusCheck.agency, s.repeatStatusCheck.agencyQuick].map(v)).toEqual([
      [3, 'bd'], [7, 'days'], [7, 'bd'], [3, 'bd'],
    ]);
    expect([s.unansweredLimit.employer.value, s.unansweredLimit.recruiter.value, s.unansweredLimit.agency.value]).toEqual([2, 3, 3]);
    expect(
      [s.dragAfter, s.checkInEvery, s.moveOnAfter, s.reflectAfter, s.afterDecisionDate, s.afterUnavailable, s.referencesAfter, s.offerUpdateAfter,
        s.offerUpdateBeforeDeadline, s.withdrawAfter, s.finalThanksAfter, s.connectAfter, s.keepWarmAfter, s.lateThankYouAfter, s.searchWindow].map(v),
    ).toEqual([[30, 'days'], [1, 'months'], [1, 'months'], [2, 'bd'], [1, 'bd'], [1, 'bd'], [1, 'bd'], [1, 'bd'], [2, 'bd'], [1, 'bd'], [1, 'bd'], [2, 'bd'], [3, 'months'], [2, 'bd'], [7, 'days']]);
    expect([s.checkInMax.value, s.thankYouWithin.value]).toEqual([2, 24]);
    for (const p of Object.values(POLICIES)) expect(Object.keys(p).sort()).toEqual(Object.keys(s).sort());
  });

  it('gentle waits longer (employer + 5 bd → Tue 8), persistent as standard for employers; override per application', () => {
    const app = (preset?: 'gentle' | 'persistent') =>
      newApplication({ policy: preset ? { preset } : null, interviews: [newInterview({ start: '2026-12-01T10:00' })] });
    expect(onlyStep(planAt(newFacts({ applications: [app()] }), '2026-12-02'), 'status_check').due).toBe('2026-12-04');
    expect(onlyStep(planAt(newFacts({ settings: { preset: 'gentle' }, applications: [app()] }), '2026-12-02'), 'status_check').due).toBe('2026-12-08');
    expect(onlyStep(planAt(newFacts({ applications: [app('gentle')] }), '2026-12-02'), 'status_check').due).toBe('2026-12-08');
    expect(onlyStep(planAt(newFacts({ settings: { preset: 'gentle' }, applications: [app('persistent')] }), '2026-12-02'), 'status_check').due).toBe('2026-12-04');
  });

  it('gentle drags after one unanswered employer check; persistent allows a third', () => {
    const logged = (preset: 'gentle' | 'persistent' | 'standard', n: number) =>
      newFacts({
        settings: { preset },
        applications: [
          newApplication({
            interviews: [newInterview({ start: '2026-12-01T10:00' })],
            interactions: Array.from({ length: n }, (_, k) => ({
              id: `s${k}`, at: `2026-12-0${4 + k}T15:00:00Z`, direction: 'out' as const, kind: 'status_check' as const,
              channel: 'email' as const, contacts: [], summary: null, newDecisionDate: null, onHold: false, offerDeadline: null,
            })),
          }),
        ],
      });
    expect(stepsOf(planAt(logged('gentle', 1), '2026-12-05'), 'check_in').length).toBe(1);
    expect(stepsOf(planAt(logged('standard', 1), '2026-12-05'), 'status_check').length).toBe(1);
    expect(onlyStep(planAt(logged('persistent', 2), '2026-12-06'), 'status_check').id).toBe('a1:status_check:i1:3');
    expect(stepsOf(planAt(logged('standard', 2), '2026-12-06'), 'check_in').length).toBe(1);
  });
});
