// "Send a test message" from Settings and `tactful smtp test`: straight through SMTP to the
// seeker's own address (no outbox: nobody else receives it, so a repeat harms no one).
import { randomUUID } from 'node:crypto';
import type { SendOutcome, SmtpSettings } from '../app/outbox.js';
import { smtpMailer, type SmtpTimeouts } from './smtp.js';

export async function sendTestMessage(
  settings: SmtpSettings,
  now: number,
  timeouts?: SmtpTimeouts,
): Promise<SendOutcome> {
  const mailer = smtpMailer(settings, timeouts);
  try {
    return await mailer.send({
      messageId: `<test-${randomUUID()}@tactful.local>`,
      from: { name: settings.fromName, address: settings.fromAddress },
      to: [settings.fromAddress],
      subject: 'tactful: test message',
      text: 'This is a test from tactful. Your SMTP settings work: the morning digest and the messages you send will go out this way.\n',
      date: new Date(now),
    });
  } finally {
    mailer.close();
  }
}
