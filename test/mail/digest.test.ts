// The digest's text: the day's steps with their drafts inline, and a thank-you due tomorrow
// (its 24-hour deadline comes before the next digest).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planOf } from '../../src/app/plan-for.js';
import { composeDigest } from '../../src/mail/digest.js';
import { calendar, openMailFixture, testTemplates, type MailFixture } from './fixture.js';

let fixture: MailFixture;
beforeAll(async () => {
  fixture = await openMailFixture();
});
afterAll(() => fixture.close());

describe('composeDigest', () => {
  it('lists the thank-you to Dana with its draft inline', async () => {
    const facts = await fixture.uow.read((repo) => repo.loadFacts());
    const plan = planOf(facts, calendar, fixture.clock.now());
    const step = plan.steps.find((s) => s.kind === 'thank_you')!;
    expect(step.due).toBe('2026-12-02');
    const digest = composeDigest(plan, facts, await testTemplates(), '2026-12-01');
    expect(digest.count).toBe(1);
    expect(digest.subject).toBe('tactful — 2026-12-01: 1 step today');
    expect(digest.body).toContain(
      '1. Thank-you note to Dana Reyes (Acme) — by 2026-12-02T16:00:00Z',
    );
    expect(digest.body).toMatch(/ {3}Subject: .+/);
    expect(digest.body).toMatch(/^ {3}.*Dana/m);
    expect(digest.body).toContain(step.id);
  });

  it('says so when nothing is due', async () => {
    const facts = await fixture.uow.read((repo) => repo.loadFacts());
    const digest = composeDigest(
      { asOf: '2026-11-01T12:00:00Z', steps: [], warnings: [] },
      facts,
      await testTemplates(),
      '2026-11-01',
    );
    expect(digest).toMatchObject({ count: 0, subject: 'tactful — 2026-11-01: nothing due' });
  });
});
