// The facts cache on a real SQLite database: cached bytes are the plan's bytes, every write
// (ours or another connection's) is seen, and without a version token nothing is kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UnitOfWork } from '../../src/app/ports.js';
import { planOf } from '../../src/app/plan-for.js';
import { planValidUntil } from '../../src/core/policy/index.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { FactsCache } from '../../src/http/facts-cache.js';
import { createUnitOfWork, openDatabase, type Database } from '../../src/storage/index.js';
import { writeFacts } from '../bench/write-facts.js';
import { GENERATED_TODAY, generateFacts } from '../fixtures/generate.js';

const calendar = new BusinessCalendar(dateHolidays());
const AS_OF = Date.parse(`${GENERATED_TODAY}T09:00:00Z`);

let database: Database;
let reads: number;
let uow: UnitOfWork;
let version: number;

beforeEach(async () => {
  database = await openDatabase({ sqlitePath: ':memory:' });
  await writeFacts(createUnitOfWork(database), generateFacts(7, 30));
  const real = createUnitOfWork(database);
  reads = 0;
  // The real unit of work, counting the transactions the cache opens.
  uow = {
    transaction: (work) => {
      reads += 1;
      return real.transaction(work);
    },
    read: (work) => {
      reads += 1;
      return real.read(work);
    },
  };
  version = 1;
});
afterEach(async () => database.close());

describe('FactsCache', () => {
  it('sends the bytes of the plan and serves them again without re-reading', async () => {
    const cache = new FactsCache(uow, calendar, () => String(version));
    const first = await cache.plan(AS_OF);
    const expected = planOf(first.facts, calendar, AS_OF);
    expect(first.plan).toEqual(expected);
    expect(first.body.toString()).toBe(JSON.stringify(expected));

    const again = await cache.plan(AS_OF);
    expect(again.body).toBe(first.body);
    // The plan object was let go once serialised: asked for, it is recomputed, equal.
    expect(again.plan).toEqual(expected);
    expect(reads).toBe(1);
  });

  it('keeps bytes per instant: another instant is planned on its own', async () => {
    const cache = new FactsCache(uow, calendar, () => String(version));
    const today = (await cache.plan(AS_OF)).body;
    const later = AS_OF + 40 * 86_400_000;
    const snapshot = await cache.plan(later);
    expect(snapshot.body.toString()).toBe(JSON.stringify(planOf(snapshot.facts, calendar, later)));
    expect((await cache.plan(AS_OF)).body).toBe(today);
    expect(reads).toBe(1);
  });

  it('serves "as of now" from one computation until the plan could change, with that instant in it', async () => {
    const cache = new FactsCache(uow, calendar, () => String(version));
    const first = await cache.plan(AS_OF);
    const until = planValidUntil(first.facts, planOf(first.facts, calendar, AS_OF), AS_OF);
    expect(until).toBeGreaterThan(AS_OF + 1000);
    for (const later of [AS_OF + 1000, until - 1]) {
      const snapshot = await cache.plan(later);
      // Exactly the bytes a fresh plan as of that instant would have, and the same weak tag.
      expect(snapshot.body.toString()).toBe(
        JSON.stringify(planOf(snapshot.facts, calendar, later)),
      );
      expect(snapshot.tag).toBe(first.tag);
    }
    // Nothing was re-read; past the window the plan is computed anew.
    expect(reads).toBe(1);
    const after = await cache.plan(until);
    expect(after.body.toString()).toBe(JSON.stringify(planOf(after.facts, calendar, until)));
  });

  it('reads again after its own write and after another connection commits', async () => {
    const cache = new FactsCache(uow, calendar, () => String(version));
    const before = (await cache.plan(AS_OF)).body;
    cache.invalidate();
    const afterWrite = await cache.plan(AS_OF);
    expect(afterWrite.body).not.toBe(before);
    expect(reads).toBe(2);
    version += 1;
    await cache.plan(AS_OF);
    expect(reads).toBe(3);
  });

  it('does not keep bytes computed from facts a write has since replaced', async () => {
    const cache = new FactsCache(uow, calendar, () => String(version));
    const stale = await cache.plan(AS_OF);
    cache.invalidate();
    await cache.plan(AS_OF);
    expect(reads).toBe(2);
    // Serialised only now, from the replaced facts: it must not become the cached answer.
    void stale.body;
    expect((await cache.plan(AS_OF)).body).not.toBe(stale.body);
  });

  it('without a version token reads every time', async () => {
    const cache = new FactsCache(uow, calendar, null);
    const first = await cache.plan(AS_OF);
    const second = await cache.plan(AS_OF);
    expect(second.body).not.toBe(first.body);
    expect(second.body.equals(first.body)).toBe(true);
    expect(reads).toBe(2);
  });
});
