// The SMTP failure matrix against a real SMTP server on 127.0.0.1: what was delivered, how many
// times, and the outbox state. A follow-up to an interviewer is sent at most once; a digest to
// the seeker at least once; 5xx and a failed login are never retried.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageIdOf, type OutboxMessage } from '../../src/app/outbox.js';
import { planOf } from '../../src/app/plan-for.js';
import { requestSend, resolveOutbox } from '../../src/app/send.js';
import { runWorkerOnce, scheduleDigests } from '../../src/worker/worker.js';
import { calendar, openMailFixture, saveSmtp, testTemplates, type MailFixture } from './fixture.js';
import { startSmtpPeer, type PeerBehaviour, type SmtpPeer } from './smtp-peer.js';

let peer: SmtpPeer;
let fixture: MailFixture | undefined;

beforeAll(async () => {
  peer = await startSmtpPeer();
});
afterAll(() => peer.close());
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  peer.deliveries.clear();
  peer.messages.length = 0;
});

const TWO_HOURS = 2 * 60 * 60_000;

/** One message of `kind` queued, then one worker pass with the peer behaving as scripted. */
async function queue(kind: 'follow_up' | 'digest', password?: string): Promise<OutboxMessage> {
  fixture = await openMailFixture();
  await saveSmtp(fixture, peer.port, password);
  digests = kind === 'digest';
  if (kind === 'digest') {
    expect(await scheduleDigests(fixture.workerDeps())).toBe(1);
    const [digest] = await fixture.store.transaction('local', (tx) => tx.outbox.list(10));
    return digest!;
  }
  const step = await fixture.thankYou();
  const { message } = await requestSend(
    fixture.store,
    calendar,
    fixture.clock,
    await testTemplates(),
    'local',
    { stepId: step.id },
  );
  return message;
}

let digests = true;

/** One worker pass; a follow-up scenario turns digests off so only its own connections count. */
async function pass(): Promise<void> {
  await runWorkerOnce(fixture!.workerDeps({ digests }));
}

async function stateOf(id: string): Promise<OutboxMessage> {
  return (await fixture!.store.transaction('local', (tx) => tx.outbox.get(id)))!;
}

const delivered = (m: OutboxMessage) => peer.deliveries.get(messageIdOf(m.id)) ?? 0;

async function laterPasses(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    fixture!.clock.ms += TWO_HOURS;
    await pass();
  }
}

describe.each(['follow_up', 'digest'] as const)('%s', (kind) => {
  it('accepted: delivered once, sent', async () => {
    peer.script(['accept']);
    const message = await queue(kind);
    await pass();
    expect((await stateOf(message.id)).state).toBe('sent');
    expect(delivered(message)).toBe(1);
    await laterPasses(2);
    expect(delivered(message)).toBe(1);
  });

  it.each<PeerBehaviour>(['greeting-421', 'rcpt-450', 'stall-before-data'])(
    '%s (nothing delivered yet): retried with backoff, then delivered once',
    async (behaviour) => {
      peer.script([behaviour, 'accept']);
      const message = await queue(kind);
      await pass();
      const retry = await stateOf(message.id);
      expect(retry.state).toBe('pending');
      expect(retry.attempts).toBe(1);
      expect(retry.lastError).not.toBeNull();
      expect(Date.parse(retry.nextAttemptAt)).toBeGreaterThan(fixture!.clock.ms);
      expect(delivered(message)).toBe(0);
      // Not before its time: a pass now sends nothing.
      await pass();
      expect(delivered(message)).toBe(0);
      await laterPasses(1);
      expect((await stateOf(message.id)).state).toBe('sent');
      expect(delivered(message)).toBe(1);
      await laterPasses(1);
      expect(delivered(message)).toBe(1);
    },
  );

  it.each<PeerBehaviour>(['rcpt-550', 'data-550'])(
    '%s: failed, never retried',
    async (behaviour) => {
      peer.script([behaviour, 'accept']);
      const message = await queue(kind);
      await pass();
      const failed = await stateOf(message.id);
      expect(failed.state).toBe('failed');
      expect(failed.lastError).toMatch(/550/);
      const connections = peer.connections;
      await laterPasses(3);
      expect(peer.connections).toBe(connections);
      expect(delivered(message)).toBe(0);
    },
  );

  it('authentication failure: failed with a clear error, never retried, password not in it', async () => {
    peer.script(['auth-fail']);
    const message = await queue(kind, 'wrong-password-42');
    await pass();
    const failed = await stateOf(message.id);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/authentication failed/);
    expect(failed.lastError).not.toContain('wrong-password-42');
    const connections = peer.connections;
    await laterPasses(2);
    expect(peer.connections).toBe(connections);
  });
});

describe('no reply after the final "." (the server kept the message)', () => {
  it.each<PeerBehaviour>(['drop-after-dot', 'stall-after-dot'])(
    '%s, follow-up: uncertain, never resent automatically',
    async (behaviour) => {
      peer.script([behaviour, 'accept']);
      const message = await queue('follow_up');
      await pass();
      expect((await stateOf(message.id)).state).toBe('uncertain');
      await laterPasses(3);
      expect((await stateOf(message.id)).state).toBe('uncertain');
      expect(delivered(message)).toBe(1);
    },
  );

  it('follow-up: the seeker marks it sent: logged, the step is done', async () => {
    peer.script(['drop-after-dot', 'accept']);
    const message = await queue('follow_up');
    await pass();
    expect((await stateOf(message.id)).state).toBe('uncertain');
    expect(delivered(message)).toBe(1);
    await laterPasses(3);
    expect((await stateOf(message.id)).state).toBe('uncertain');
    expect(delivered(message)).toBe(1);

    // The seeker checks their Sent folder and says it went out: logged, the step is done.
    const resolved = await resolveOutbox(
      fixture!.store,
      fixture!.clock,
      'local',
      message.id,
      'mark_sent',
    );
    expect(resolved.state).toBe('sent');
    const facts = await fixture!.uow.read((repo) => repo.loadFacts());
    expect(facts.applications[0]!.interactions.map((x) => x.kind)).toEqual(['thank_you']);
    expect(
      planOf(facts, calendar, fixture!.clock.ms).steps.some((s) => s.id === message.stepId),
    ).toBe(false);
  });

  it('follow-up: "send again" sends once more under the same Message-ID', async () => {
    peer.script(['drop-after-dot', 'accept']);
    const message = await queue('follow_up');
    await pass();
    await resolveOutbox(fixture!.store, fixture!.clock, 'local', message.id, 'send_again');
    await pass();
    expect((await stateOf(message.id)).state).toBe('sent');
    expect(delivered(message)).toBe(2);
  });

  it('digest: retried (at least once to the seeker)', async () => {
    peer.script(['drop-after-dot', 'accept']);
    const message = await queue('digest');
    await pass();
    expect((await stateOf(message.id)).state).toBe('pending');
    await laterPasses(1);
    expect((await stateOf(message.id)).state).toBe('sent');
    expect(delivered(message)).toBe(2);
  });
});

describe('a sent follow-up', () => {
  it('logs the interaction of the step kind, which completes the step', async () => {
    peer.script(['accept']);
    const message = await queue('follow_up');
    await pass();
    const facts = await fixture!.uow.read((repo) => repo.loadFacts());
    const [logged] = facts.applications[0]!.interactions;
    expect(logged).toMatchObject({
      direction: 'out',
      kind: 'thank_you',
      channel: 'email',
      contacts: ['c1'],
    });
    expect(
      planOf(facts, calendar, fixture!.clock.ms).steps.some((s) => s.id === message.stepId),
    ).toBe(false);
    const raw = peer.messages[0]!;
    expect(raw).toMatch(/^To: .*dana@acme\.example/m);
    expect(raw).toContain(`Message-ID: ${messageIdOf(message.id)}`);
  });
});
