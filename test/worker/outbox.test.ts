// The outbox rules (pure) and the repository and crash recovery on every dialect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backoffMs,
  MAX_ATTEMPTS,
  nextStateAfter,
  type NewOutboxMessage,
} from '../../src/app/outbox.js';
import { runWorkerOnce } from '../../src/worker/worker.js';
import { DIALECTS } from '../db/test-databases.js';
import { openMailFixture, saveSmtp, type MailFixture } from '../mail/fixture.js';

describe('nextStateAfter', () => {
  it.each([
    ['follow_up', { status: 'uncertain', error: 'x' }, 'uncertain'],
    ['digest', { status: 'uncertain', error: 'x' }, 'pending'],
    ['follow_up', { status: 'failed', error: '550' }, 'failed'],
    ['digest', { status: 'failed', error: '550' }, 'failed'],
    ['follow_up', { status: 'retry', error: '421' }, 'pending'],
    ['digest', { status: 'sent', response: '250' }, 'sent'],
  ] as const)('%s after %j → %s', (kind, outcome, state) => {
    expect(nextStateAfter(kind, 1, outcome).state).toBe(state);
  });

  it('backs off 1, 2, 4 … minutes up to an hour and gives up after MAX_ATTEMPTS', () => {
    expect([1, 2, 3, 6, 7, 20].map(backoffMs)).toEqual([
      60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
    expect(nextStateAfter('digest', MAX_ATTEMPTS, { status: 'retry', error: '421' })).toMatchObject(
      { state: 'failed' },
    );
    expect(
      nextStateAfter('digest', MAX_ATTEMPTS - 1, { status: 'retry', error: '421' }),
    ).toMatchObject({ state: 'pending' });
  });
});

const row = (key: string, kind: 'digest' | 'follow_up'): NewOutboxMessage => ({
  kind,
  idempotencyKey: key,
  stepId: kind === 'follow_up' ? `step-${key}` : null,
  applicationId: null,
  organizationKey: 'acme',
  interactionKind: null,
  contacts: [],
  localDate: '2026-12-01',
  to: ['dana@acme.example'],
  subject: 'Subject',
  body: 'Body',
  nextAttemptAt: '2026-12-01T17:00:00Z',
  createdAt: '2026-12-01T17:00:00Z',
});

describe.each(DIALECTS)('outbox on %s', (dialect) => {
  let fixture: MailFixture;
  beforeAll(async () => {
    fixture = await openMailFixture(dialect);
  });
  afterAll(() => fixture.close());

  it('one row per idempotency key and seeker', async () => {
    const first = await fixture.store.transaction('local', (tx) =>
      tx.outbox.insert(row('k', 'follow_up')),
    );
    const again = await fixture.store.transaction('local', (tx) =>
      tx.outbox.insert({ ...row('k', 'follow_up'), subject: 'other' }),
    );
    const elsewhere = await fixture.store.transaction('other', (tx) =>
      tx.outbox.insert(row('k', 'follow_up')),
    );
    expect(first.created).toBe(true);
    expect(again).toMatchObject({
      created: false,
      message: { id: first.message.id, subject: 'Subject' },
    });
    expect(elsewhere.created).toBe(true);
    expect(
      await fixture.store.transaction('local', (tx) => tx.outbox.liveForStep('step-k')),
    ).toHaveLength(1);
    expect(
      await fixture.store.transaction('local', (tx) => tx.outbox.liveFollowUpsOn('2026-12-01')),
    ).toHaveLength(1);
  });

  it('the database holds at most one live row per step (concurrent sends on PostgreSQL)', async () => {
    const results = await Promise.allSettled(
      ['race-1', 'race-2'].map((key) =>
        fixture.store.transaction('local', (tx) =>
          tx.outbox.insert({ ...row(key, 'follow_up'), stepId: 'step-race' }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'conflict', field: 'stepId' });
    // Once the live row failed, the step may be sent anew.
    const live = (await fixture.store.transaction('local', (tx) => tx.outbox.liveForStep('step-race')))[0]!;
    await fixture.store.transaction('local', (tx) =>
      tx.outbox.update(live.id, { state: 'failed' }, '2026-12-01T17:00:00Z'),
    );
    const again = await fixture.store.transaction('local', (tx) =>
      tx.outbox.insert({ ...row('race-3', 'follow_up'), stepId: 'step-race' }),
    );
    expect(again.created).toBe(true);
  });

  it('after a crash, a follow-up left "sending" becomes uncertain and a digest is sent again', async () => {
    await fixture.close();
    fixture = await openMailFixture(dialect);
    await saveSmtp(fixture, 1); // nothing listens on port 1: any send attempt would fail
    const [follow, digest] = await fixture.store.transaction('local', async (tx) => [
      (await tx.outbox.insert(row('crash-f', 'follow_up'))).message,
      (await tx.outbox.insert(row('crash-d', 'digest'))).message,
    ]);
    const claimed = await fixture.store.claimDue('2026-12-01T17:00:00Z', 100);
    expect(claimed.map((m) => m.id).sort()).toEqual([follow.id, digest.id].sort());
    expect(claimed.every((m) => m.state === 'sending' && m.attempts === 1)).toBe(true);
    // The claimer dies here. A worker within the stale window leaves the rows alone…
    fixture.clock.ms = Date.parse('2026-12-01T17:05:00Z');
    const early = await runWorkerOnce(fixture.workerDeps({ digests: false }));
    expect(early.recovered).toBe(0);
    // …one after it recovers them: the follow-up for the seeker to decide, the digest to retry.
    fixture.clock.ms = Date.parse('2026-12-01T17:11:00Z');
    const late = await runWorkerOnce(fixture.workerDeps({ digests: false }));
    expect(late.recovered).toBe(2);
    const states = await fixture.store.transaction('local', async (tx) => [
      (await tx.outbox.get(follow.id))!,
      (await tx.outbox.get(digest.id))!,
    ]);
    expect(states[0]).toMatchObject({ state: 'uncertain', attempts: 1 });
    // The digest was retried at once (port 1 refuses: back to pending with backoff, attempt 2).
    expect(states[1]).toMatchObject({ state: 'pending', attempts: 2 });
  });
});
