// parseDocument and the merge rules on their own (pure: no database), with the real calendar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/core/calendar.js';
import {
  mergeApplication,
  mergeContact,
  mergeInterview,
  mergeSettings,
  parseDocument,
  toDocument,
} from '../../src/core/document/index.js';
import { DomainError } from '../../src/core/errors.js';
import { DEFAULT_SETTINGS } from '../../src/core/types.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { fullDocument } from '../db/full-document.js';

const calendar = new BusinessCalendar(dateHolidays());

describe('parseDocument', () => {
  it('keeps omitted (undefined) apart from null in the patches', () => {
    const parsed = parseDocument(
      {
        format: 'tactful/v1',
        contacts: [{ id: 'c1', name: 'Ana', title: null }],
        applications: [
          { id: 'a1', organization: 'Acme', role: 'Dev', source: 'employer', region: null },
        ],
      },
      calendar,
    );
    expect(parsed.settings).toBeUndefined();
    expect(parsed.contacts[0]).toEqual({ id: 'c1', name: 'Ana', title: null });
    expect('email' in parsed.contacts[0]!).toBe(false);
    expect(parsed.applications[0]!.region).toBeNull();
    expect(parsed.applications[0]!.status).toBeUndefined();
    expect(parsed.stepEvents).toEqual([]);
  });

  it('fills the §6 defaults on a new record', () => {
    const parsed = parseDocument(
      {
        format: 'tactful/v1',
        applications: [
          {
            id: 'a1',
            organization: 'Acme',
            role: 'Dev',
            source: 'agency',
            interviews: [{ id: 'i1', round: 1, start: '2026-12-23T14:00' }],
          },
        ],
      },
      calendar,
    );
    expect(mergeInterview(undefined, parsed.applications[0]!.interviews![0]!)).toEqual({
      id: 'i1',
      round: 1,
      start: '2026-12-23T14:00',
      timezone: null,
      durationMinutes: 60,
      format: null,
      interviewers: [],
      decisionExpectedBy: null,
      quickDecision: false,
      unavailableUntil: null,
      final: false,
      chance: 'medium',
      notes: { keyPoints: [], forgot: [], promises: [], byInterviewer: [] },
    });
    expect(mergeApplication(undefined, parsed.applications[0]!)).toMatchObject({
      status: 'active',
      region: null,
      references: [],
      policy: null,
      prosCons: { pros: [], cons: [], strengths: [] },
    });
  });

  it('accepts references to contacts that are already stored', () => {
    const doc = {
      format: 'tactful/v1',
      applications: [{ id: 'a1', organization: 'A', role: 'B', source: 'recruiter', agent: 'c7' }],
    };
    expect(() => parseDocument(doc, calendar)).toThrow(DomainError);
    expect(parseDocument(doc, calendar, new Set(['c7'])).applications[0]!.agent).toBe('c7');
  });

  it('reads its own export back to the same document', () => {
    const parsed = parseDocument(fullDocument(), calendar);
    const facts = {
      settings: mergeSettings(undefined, parsed.settings!),
      contacts: parsed.contacts.map((c) => mergeContact(undefined, c)),
      stepEvents: parsed.stepEvents.map((e) => ({ ...e, until: e.until ?? null })),
      applications: parsed.applications.map((a) => ({
        ...mergeApplication(undefined, a),
        interviews: a.interviews!.map((v) => mergeInterview(undefined, v)),
        interactions: fullDocument().applications.find((x) => x.id === a.id)!.interactions,
      })),
    };
    expect(toDocument(facts)).toEqual(fullDocument());
  });

  // Figure: generated arbitrary values never crash the parser; they are accepted or rejected
  // with DomainError('invalid_input').
  it('answers any value with a document or an invalid_input error (2,000 generated inputs)', () => {
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            format: fc.constant('tactful/v1'),
            contacts: fc.array(fc.dictionary(fc.string(), fc.anything())),
          }),
          fc.record({ format: fc.constant('tactful/v1'), applications: fc.array(fc.object()) }),
        ),
        (input) => {
          try {
            parseDocument(input, calendar);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe('invalid_input');
            rejected += 1;
          }
        },
      ),
      { numRuns: 2_000, seed: 20261123 },
    );
    expect(rejected).toBeGreaterThan(1_000);
  });
});

describe('merge rules', () => {
  it('omitted keeps, null resets, a given list replaces, nested objects merge by field', () => {
    const stored = mergeApplication(undefined, {
      id: 'a1',
      organization: 'Acme',
      role: 'Dev',
      source: 'employer',
      region: 'GB-ENG',
      references: ['c1', 'c2'],
      prosCons: { pros: ['p'], cons: ['c'], strengths: ['s'] },
    });
    const merged = mergeApplication(stored, {
      id: 'a1',
      organization: 'Acme',
      role: 'Dev',
      source: 'employer',
      region: null,
      references: ['c3'],
      prosCons: { cons: [] },
    });
    expect(merged.region).toBeNull();
    expect(merged.references).toEqual(['c3']);
    expect(merged.prosCons).toEqual({ pros: ['p'], cons: [], strengths: ['s'] });
    expect(
      mergeApplication(merged, {
        id: 'a1',
        organization: 'Acme',
        role: 'Dev',
        source: 'employer',
        prosCons: null,
      }).prosCons,
    ).toEqual({
      pros: [],
      cons: [],
      strengths: [],
    });
  });

  it('settings: null resets to the default settings value', () => {
    const stored = { ...DEFAULT_SETTINGS, timezone: 'Europe/Dublin', activeTarget: 9 };
    expect(mergeSettings(stored, { timezone: null })).toEqual({
      ...stored,
      timezone: DEFAULT_SETTINGS.timezone,
    });
    expect(mergeSettings(stored, {})).toEqual(stored);
  });
});
