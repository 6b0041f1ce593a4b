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

  it('lists unread replies first, and leaves out the steps they hold', async () => {
    const facts = await fixture.uow.read((repo) => repo.loadFacts());
    const app = facts.applications[0]!;
    const held = planOf({ ...facts, holds: [{ application: app.id, message: 'm1', at: '2026-11-30T12:00:00Z' }] }, calendar, fixture.clock.now());
    const reply = {
      id: 'm1',
      applicationId: app.id,
      from: 'Dana Reyes',
      fromAddress: 'dana@acme.example',
      subject: 'Re: Thank you',
      receivedAt: '2026-11-30T12:00:00Z',
      excerpt: 'We expect to decide by 18 December.',
      suggestion: 'update',
      why: 'it says "decide by 18 December"',
      matchWhy: 'Dana Reyes is a contact of this application',
      state: 'unconfirmed' as const,
      candidates: [],
      newDecisionDate: '2026-12-18',
      onHold: false,
      offerDeadline: null,
      unavailableUntil: null,
      invitations: [],
      interactionId: null,
    };
    const auto = { ...reply, id: 'm2', from: 'Bot', suggestion: 'auto_reply', why: 'its Auto-Submitted header says "auto-replied"' };
    const digest = composeDigest(held, facts, await testTemplates(), '2026-12-01', [auto, reply]);
    expect(digest.count).toBe(0);
    expect(digest.subject).toBe('tactful — 2026-12-01: 2 replies to read, nothing due');
    const lines = digest.body.split('\n');
    expect(lines[0]).toBe('Replies to read first (2):');
    expect(lines[1]).toBe(`- Dana Reyes (${app.organization}): "Re: Thank you" — looks like update: it says "decide by 18 December"`);
    expect(lines[2]).toBe(`  ${app.organization}'s follow-ups wait until you confirm it in tactful.`);
    expect(lines[3]).toContain('- Bot');
  });
});
