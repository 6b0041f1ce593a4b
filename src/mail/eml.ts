// A draft as an RFC 5322 message (.eml) that any mail client opens. Header values never carry
// a line break: names and subjects are flattened, and an address that is not a single clean
// address is refused, so no field can inject a header such as Bcc.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Draft } from '../core/drafts/index.js';
import { cleanInline } from '../core/drafts/text.js';
import { DomainError } from '../core/errors.js';

export interface Mailbox {
  name: string;
  email: string;
}

export interface EmlOptions {
  /** The seeker's mailbox; without it the message has no From (the mail client fills it in). */
  from?: Mailbox | null;
  /** Date header (defaults to now). */
  date?: Date;
  /** Message-ID without angle brackets, e.g. derived from the step id. */
  messageId?: string;
}

// A plain addr-spec: dot-atom local part (Unicode allowed), a domain of letter/digit labels.
const ADDRESS =
  /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Throws `invalid_input` naming `field` unless `email` is one plain address. */
export function assertAddress(email: string, field: string): string {
  if (UNSAFE.test(email) || !ADDRESS.test(email)) {
    throw new DomainError('invalid_input', `${field} is not a single valid e-mail address`, field);
  }
  return email;
}

function mailbox(box: Mailbox, field: string): { name: string; address: string } {
  return { name: cleanInline(box.name), address: assertAddress(box.email, `${field}.email`) };
}

/** Only e-mail drafts become .eml files; recipients without an address are refused. */
export async function toEml(draft: Draft, options: EmlOptions = {}): Promise<string> {
  if (draft.channel !== 'email' || draft.subject === null) {
    throw new DomainError(
      'invalid_input',
      `this is a ${draft.channel} draft: only e-mail drafts export as .eml`,
      'format',
    );
  }
  const to = draft.to.map((r, i) => {
    if (!r.email)
      throw new DomainError(
        'invalid_input',
        `${r.name || r.id} has no e-mail address`,
        `to[${i}].email`,
      );
    return mailbox({ name: r.name, email: r.email }, `to[${i}]`);
  });
  const messageId =
    options.messageId === undefined
      ? undefined
      : cleanInline(options.messageId).replace(/[<>\s]/g, '');
  const composer = new MailComposer({
    ...(options.from ? { from: mailbox(options.from, 'from') } : {}),
    to,
    subject: cleanInline(draft.subject),
    text: draft.body.replace(/\r\n?/g, '\n'),
    date: options.date ?? new Date(),
    ...(messageId ? { messageId: `<${messageId}>` } : {}),
    textEncoding: 'quoted-printable',
    // Outlook opens the file as an unsent draft instead of a received message.
    headers: { 'X-Unsent': '1' },
  });
  const buffer = await composer.compile().build();
  return buffer.toString('utf8');
}
