// The Mailer port over SMTP (nodemailer). Every failure becomes an outcome the outbox rule
// understands; the one that matters is whether the final "." may have reached the server:
// we feed the message as a stream and note when it has been read to the end.
import { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Mailer, OutgoingMail, SendOutcome, SmtpSettings } from '../app/outbox.js';
import { cleanInline } from '../core/drafts/text.js';
import { assertAddress } from './eml.js';

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

const DEFAULT_TIMEOUTS: SmtpTimeouts = { connectionMs: 15_000, greetingMs: 15_000, socketMs: 60_000 };

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** The RFC 5322 bytes of one outgoing message, Message-ID included. */
export async function composeMail(mail: OutgoingMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: cleanInline(mail.from.name ?? ''), address: assertAddress(mail.from.address, 'from') },
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
  if (error.code === 'EAUTH') return { status: 'failed', error: `authentication failed (check user and password)${text ? ` — ${text}` : ''}` };
  const code = error.responseCode;
  if (code !== undefined && code >= 500) return { status: 'failed', error: text };
  if (code !== undefined && code >= 400) return { status: 'retry', error: text };
  if (dataSent) return { status: 'uncertain', error: `no reply after the message was sent (${text})` };
  return { status: 'retry', error: text };
}

export function smtpMailer(settings: SmtpSettings, timeouts: SmtpTimeouts = DEFAULT_TIMEOUTS): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'implicit',
    requireTLS: settings.tls === 'starttls',
    ignoreTLS: settings.tls === 'none',
    ...(settings.username ? { auth: { user: settings.username, pass: settings.password ?? '' } } : {}),
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    logger: false,
    debug: false,
  });
  return {
    async send(mail) {
      let raw: Buffer;
      try {
        raw = await composeMail(mail);
      } catch (error) {
        return { status: 'failed', error: (error as Error).message };
      }
      let dataSent = false;
      const stream = Readable.from([raw]);
      stream.on('end', () => (dataSent = true));
      try {
        const info = await transport.sendMail({
          envelope: { from: mail.from.address, to: mail.to },
          raw: stream,
        });
        return { status: 'sent', response: String(info.response ?? '') };
      } catch (error) {
        return classifySmtpError(error as SmtpError, dataSent);
      }
    },
    close: () => transport.close(),
  };
}
