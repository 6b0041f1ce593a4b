// Bad facts reach plan() only through bugs elsewhere, but even then the answer is a DomainError
// naming the field, never a stack trace (SPEC §5, RELIABILITY.md hostile inputs).
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors.js';
import { newApplication, newFacts, newInteraction, newInterview, planAt } from './fixtures.js';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).field;
  }
  throw new Error('expected a DomainError');
}

describe('plan on malformed facts', () => {
  it.each([
    ['Mars/Olympus', 'applications[0].interviews[0].start'],
    ['../../etc/passwd', 'applications[0].interviews[0].start'],
  ])('interview zone %s → field %s', (zone, field) => {
    const f = newFacts({ applications: [newApplication({ interviews: [newInterview({ timezone: zone })] })] });
    expect(fieldOf(() => planAt(f, '2026-12-02'))).toBe(field);
  });

  it('an interview start that is not a date-time, an instant without offset, an unknown region, a bad seeker zone', () => {
    expect(fieldOf(() => planAt(newFacts({ applications: [newApplication({ interviews: [newInterview({ start: '03/04/2026' })] })] }), '2026-12-02'))).toBe(
      'applications[0].interviews[0].start',
    );
    const noOffset = newApplication({ interactions: [newInteraction({ id: 'x', at: '2026-12-01T10:00:00', kind: 'reply' })] });
    expect(fieldOf(() => planAt(newFacts({ applications: [newApplication({ id: 'z' }), noOffset] }), '2026-12-02'))).toBe('applications[1].interactions[0].at');
    expect(fieldOf(() => planAt(newFacts({ applications: [newApplication({ region: 'XX-YY' })] }), '2026-12-02'))).toBe('applications[0].region');
    expect(fieldOf(() => planAt(newFacts({ settings: { timezone: 'UTC+25' } }), '2026-12-02T00:00:00Z'))).toBe('settings.timezone');
    const nanDuration = newApplication({ interviews: [newInterview({ durationMinutes: Number.NaN })] });
    expect(fieldOf(() => planAt(newFacts({ applications: [nanDuration] }), '2026-12-02'))).toBe('applications[0].interviews[0].durationMinutes');
  });
});
