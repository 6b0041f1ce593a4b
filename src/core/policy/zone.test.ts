// The planner's fast zone arithmetic must equal calendar.ts (the Temporal/Intl reference) for
// every instant and local time, including DST gaps, ambiguous hours and half-hour zones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInZone, formatInstant, localToEpochMs, parseInstant } from '../calendar.js';
import { fastDateInZone, fastFormatInstant, fastLocalToMs, fastParseInstant } from './zone.js';

const ZONES = ['America/New_York', 'Europe/London', 'Europe/Dublin', 'Europe/Berlin', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC', 'Asia/Tokyo'];
const FROM = 1_577_836_800_000; // 2020-01-01T00:00:00Z
const TO = 2_082_758_400_000; // 2036-01-01T00:00:00Z
const RUNS = 3000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('fast zone arithmetic equals calendar.ts', () => {
  it(`dateInZone and formatInstant (${RUNS} instants)`, () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), fc.constantFrom(...ZONES), (ms, zone) => {
        expect(fastDateInZone(ms, zone)).toBe(dateInZone(ms, zone));
        expect(fastFormatInstant(ms)).toBe(formatInstant(ms));
      }),
      { numRuns: RUNS },
    );
  });

  it(`localToEpochMs, including DST gaps and ambiguous hours (${RUNS} local times)`, () => {
    const local = fc
      .record({ y: fc.integer({ min: 2020, max: 2035 }), mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), h: fc.integer({ min: 0, max: 23 }), mi: fc.constantFrom(0, 15, 30, 45, 59) })
      .map((t) => `${t.y}-${pad(t.mo)}-${pad(t.d)}T${pad(t.h)}:${pad(t.mi)}`);
    fc.assert(
      fc.property(local, fc.constantFrom(...ZONES), (value, zone) => {
        expect(fastLocalToMs(value, zone)).toBe(localToEpochMs(value, zone));
      }),
      { numRuns: RUNS },
    );
    // The hostile cases of RELIABILITY.md: a time that does not exist and one that happens twice.
    for (const [value, zone] of [['2027-03-28T01:30', 'Europe/London'], ['2027-10-31T01:30', 'Europe/London'], ['2026-11-01T01:30', 'America/New_York']]) {
      expect(fastLocalToMs(value!, zone!)).toBe(localToEpochMs(value!, zone!));
    }
  });

  it(`parseInstant with offsets and fractions (${RUNS} instants)`, () => {
    const offset = fc.constantFrom('Z', '+00:00', '-05:00', '+05:45', '+14:00', '-09:30', 'z');
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), offset, fc.boolean(), (ms, off, frac) => {
        const text = formatInstant(ms).slice(0, 19) + (frac ? '.250' : '') + off;
        expect(fastParseInstant(text)).toBe(parseInstant(text));
      }),
      { numRuns: RUNS },
    );
  });
});
