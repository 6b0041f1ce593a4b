// The send use case: explicit, one live outbox row per step, the pacing guard over logged
// messages AND messages already queued, and the refusals a user can understand.
import { afterEach, describe, expect, it } from 'vitest';
import { requestSend } from '../../src/app/send.js';
import { DomainError } from '../../src/core/errors.js';
import {
  calendar,
  openMailFixture,
  saveSmtp,
  seekerDocument,
  testTemplates,
  type MailFixture,
} from './fixture.js';

let fixture: MailFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** Acme round 1 had two interviewers (Dana, Lee); Acme also has a second application. */
function twoInterviewers() {
  const doc = seekerDocument([
    {
      id: 'a9',
      organization: '  ACME ',
      role: 'Platform Engineer',
      source: 'employer',
      createdOn: '2026-11-20',
      interviews: [
        {
          id: 'i9',
          round: 1,
          start: '2026-12-01T08:00',
          timezone: 'America/New_York',
          interviewers: ['c2'],
        },
      ],
    },
  ]);
  (
    doc.applications[0] as { interviews: { interviewers: string[] }[] }
  ).interviews[0]!.interviewers = ['c1', 'c2'];
  return doc;
}

async function send(stepId: string, extra: object = {}) {
  return requestSend(fixture!.store, calendar, fixture!.clock, await testTemplates(), 'local', {
    stepId,
    ...extra,
  });
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('requestSend', () => {
  it('needs SMTP first', async () => {
    fixture = await openMailFixture();
    const step = await fixture.thankYou();
    expect(await refusal(send(step.id))).toMatchObject({ code: 'invalid_input', field: 'smtp' });
  });

  it('queues the draft (or the edited text) once per step', async () => {
    fixture = await openMailFixture();
    await saveSmtp(fixture, 2525);
    const step = await fixture.thankYou();
    const { message } = await send(step.id, {
      subject: 'Thanks\r\nBcc: evil@x.example',
      body: 'Edited body',
    });
    expect(message).toMatchObject({
      kind: 'follow_up',
      state: 'pending',
      to: ['dana@acme.example'],
      body: 'Edited body',
      interactionKind: 'thank_you',
    });
    expect(message.subject).toBe('Thanks Bcc: evil@x.example');
    expect(await refusal(send(step.id))).toMatchObject({ code: 'conflict', field: 'stepId' });
    expect(await refusal(send('a1:nope'))).toMatchObject({ code: 'not_found', field: 'stepId' });
    expect(await refusal(send(step.id, { idempotencyKey: 'has space' }))).toMatchObject({
      code: 'invalid_input',
      field: 'idempotencyKey',
    });
  });

  it("thank-yous to a round's interviewers are one message; another application of the same organisation waits for tomorrow unless forced", async () => {
    fixture = await openMailFixture('sqlite', twoInterviewers());
    await saveSmtp(fixture, 2525);
    fixture.clock.ms = Date.parse('2026-12-01T18:00:00Z');
    const facts = await fixture.uow.read((repo) => repo.loadFacts());
    const { planOf } = await import('../../src/app/plan-for.js');
    const thankYous = planOf(facts, calendar, fixture.clock.ms).steps.filter(
      (s) => s.kind === 'thank_you',
    );
    const [dana, lee] = ['c1', 'c2'].map((c) =>
      thankYous.find((s) => s.application === 'a1' && s.to.includes(c))!,
    );
    const other = thankYous.find((s) => s.application === 'a9')!;
    await send(dana!.id);
    await send(lee!.id);
    // "  ACME " is Acme: the queued thank-yous hold today's slot.
    expect(await refusal(send(other.id))).toMatchObject({ code: 'conflict', field: 'force' });
    expect((await send(other.id, { force: true })).message.state).toBe('pending');
  });
});
