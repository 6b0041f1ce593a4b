// The Mailer port over SMTP (nodemailer). Every failure becomes an outcome the outbox rule
// understands; the one that matters is whether the final "." may have reached the server:
// we feed the message as a stream and note when it has been read to the end.
import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Mailer, OutgoingMail, SendOutcome, SmtpSettings } from '../app/outbox.js';
import { cleanInline } from '../core/drafts/text.js';
import { assertAddress } from './eml.js';

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

const DEFAULT_TIMEOUTS: SmtpTimeouts = {
  connectionMs: 15_000,
  greetingMs: 15_000,
  socketMs: 60_000,
};

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** The RFC 5322 bytes of one outgoing message, Message-ID included. */
export async function composeMail(mail: OutgoingMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: {
      name: cleanInline(mail.from.name ?? ''),
      address: assertAddress(mail.from.address, 'from'),
    },
    to: mail.to.map((address, i) => assertAddress(address, `to[${i}]`)),
    subject: cleanInline(mail.subject),
    text: mail.text.replace(/\r\n?/g, '\n'),
    date: mail.date,
    messageId: mail.messageId,
    textEncoding: 'quoted-printable',
  });
  return composer.compile().build();
}

/** A short, password-free description of an SMTP failure. */
function describe(error: SmtpError): string {
  const reply = error.response ? `: ${error.response}` : error.message ? `: ${error.message}` : '';
  return `${error.code ?? 'error'}${reply}`.slice(0, 500);
}

/**
 * Classifies one failed attempt. `dataSent`: the whole message was handed to the socket, so
 * only a reply tells us it was refused; silence after it is `uncertain`.
 */
export function classifySmtpError(error: SmtpError, dataSent: boolean): SendOutcome {
  const text = describe(error);
  if (error.code === 'EAUTH')
    return {
      status: 'failed',
      error: `authentication failed (check user and password)${text ? ` — ${text}` : ''}`,
    };
  const code = error.responseCode;
  if (code !== undefined && code >= 500) return { status: 'failed', error: text };
  if (code !== undefined && code >= 400) return { status: 'retry', error: text };
  if (dataSent)
    return { status: 'uncertain', error: `no reply after the message was sent (${text})` };
  return { status: 'retry', error: text };
}

export function smtpMailer(
  settings: SmtpSettings,
  timeouts: SmtpTimeouts = DEFAULT_TIMEOUTS,
): Mailer {
  return {
    async send(mail) {
      let raw: Buffer;
      try {
        raw = await composeMail(mail);
      } catch (error) {
        return { status: 'failed', error: (error as Error).message };
      }
      return deliverOnce(settings, timeouts, { from: mail.from.address, to: mail.to }, raw);
    },
    close: () => undefined,
  };
}

/**
 * One SMTP session for one message. SMTPConnection reads the message stream only after the
 * server's 354 to DATA, so "the stream ended" means the whole message went to the socket.
 */
function deliverOnce(
  settings: SmtpSettings,
  timeouts: SmtpTimeouts,
  envelope: { from: string; to: string[] },
  raw: Buffer,
): Promise<SendOutcome> {
  const connection = new SMTPConnection({
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'implicit',
    requireTLS: settings.tls === 'starttls',
    ignoreTLS: settings.tls === 'none',
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    logger: false,
    debug: false,
  });
  return new Promise((resolve) => {
    let settled = false;
    let dataSent = false;
    const finish = (outcome: SendOutcome, polite: boolean): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
      if (polite) connection.quit();
      else connection.close();
    };
    const fail = (error: SmtpError): void => finish(classifySmtpError(error, dataSent), false);
    connection.on('error', fail);
    connection.once('end', () => fail({ code: 'ECONNECTION', message: 'connection closed' }));
    const send = (): void => {
      const stream = Readable.from([raw]);
      stream.once('end', () => (dataSent = true));
      connection.send(envelope, stream, (error, info) => {
        if (error) return fail(error as SmtpError);
        finish({ status: 'sent', response: String(info.response ?? '') }, true);
      });
    };
    connection.connect(() => {
      if (!settings.username) return send();
      connection.login({ user: settings.username, pass: settings.password ?? '' }, (error) => {
        if (error) return fail(error as SmtpError);
        send();
      });
    });
  });
}
