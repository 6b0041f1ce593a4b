// Real MIME messages for the inbox tests, written out by hand so that every encoding is the
// one a mail client really sends (CRLF line ends, encoded words, quoted-printable, base64).
const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

export const SENT_MESSAGE_ID = '<thank-you-1@tactful.test>';

/** multipart/alternative, quoted-printable, ISO-8859-1 subject and sender name. */
export const alternative = crlf([
  'From: =?ISO-8859-1?Q?Ren=E9e_Dupr=E9?= <renee@acme.example>',
  'To: seeker@example.test',
  'Cc: Hiring Team <Hiring@Acme.Example>',
  'Subject: =?ISO-8859-1?Q?Caf=E9_apr=E8s_l=27entretien?=',
  'Date: Tue, 01 Dec 2026 09:30:00 +0100',
  'Message-ID: <alt-1@acme.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=ISO-8859-1',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Bonjour, merci pour l=27entretien. Nous d=E9cidons d=27ici le 18 d=E9cembre, =',
  'et nous revenons vers vous tr=E8s vite.',
  '--b1',
  'Content-Type: text/html; charset=ISO-8859-1',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '<p>Bonjour, merci pour l=27entretien.</p>',
  '--b1--',
]);

/** Only HTML: the text is the HTML turned into text. */
export const htmlOnly = crlf([
  'From: Sam <sam@globex.example>',
  'To: seeker@example.test',
  'Subject: Next steps',
  'Date: Tue, 01 Dec 2026 10:00:00 +0000',
  'Message-ID: <html-1@globex.example>',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><body><p>We would like to <b>move forward</b>.</p><script>x()</script></body></html>',
]);

const ics = crlf([
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Acme//Calendar//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:round-2@acme.example',
  'DTSTAMP:20261201T090000Z',
  'DTSTART:20261208T140000Z',
  'DTEND:20261208T150000Z',
  'SUMMARY:Round 2',
  'ORGANIZER;CN=Priya:mailto:priya@acme.example',
  'ATTENDEE;CN=Lee:mailto:lee@acme.example',
  'END:VEVENT',
  'END:VCALENDAR',
]);

/** A `.ics` attachment (base64, application/octet-stream: only the file name tells). */
export const invitation = crlf([
  'From: Priya <priya@acme.example>',
  'To: seeker@example.test',
  'Subject: Invitation: Round 2',
  'Date: Tue, 01 Dec 2026 11:00:00 +0000',
  'Message-ID: <invite-1@acme.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="m1"',
  '',
  '--m1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Please find the invitation attached.',
  '--m1',
  'Content-Type: application/octet-stream; name="invite.ics"',
  'Content-Disposition: attachment; filename="invite.ics"',
  'Content-Transfer-Encoding: base64',
  '',
  ...(Buffer.from(ics).toString('base64').match(/.{1,76}/g) ?? []),
  '--m1--',
]);

export const autoReply = crlf([
  'From: Priya <priya@acme.example>',
  'To: seeker@example.test',
  'Subject: Out of office: Thank you',
  'Date: Tue, 01 Dec 2026 12:00:00 +0000',
  'Message-ID: <ooo-1@acme.example>',
  'Auto-Submitted: auto-replied',
  'X-Autoreply: yes',
  'Precedence: auto_reply',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'I am away until 14 December.',
]);

export const mailingList = crlf([
  'From: Jobs digest <digest@lists.example>',
  'To: jobs@lists.example',
  'Subject: [jobs] 20 new roles',
  'Date: Tue, 01 Dec 2026 13:00:00 +0000',
  'Message-ID: <list-1@lists.example>',
  'List-Id: Jobs <jobs.lists.example>',
  'Precedence: list',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'This week: 20 new roles.',
]);

/** A reply to a message tactful sent, threaded by In-Reply-To and (folded) References. */
export const threadedReply = crlf([
  'From: Priya <priya@acme.example>',
  'To: seeker@example.test',
  'Subject: Re: Thank you',
  'Date: Tue, 01 Dec 2026 14:00:00 +0000',
  'Message-ID: <reply-1@acme.example>',
  `In-Reply-To: ${SENT_MESSAGE_ID}`,
  'References: <earlier-0@acme.example>',
  ` ${SENT_MESSAGE_ID}`,
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Thanks! We expect to decide by 18 December.',
  '',
  'On Mon, 30 Nov 2026 at 17:00, Seeker <seeker@example.test> wrote:',
  '> Thank you for the conversation today.',
]);

/** A plain message with a number in its subject (bulk and resume tests). */
export function plain(n: number, options: { size?: number } = {}): string {
  const filler = options.size ? 'x'.repeat(75) + '\r\n' : '';
  const lines = options.size ? Math.ceil(options.size / filler.length) : 0;
  return (
    crlf([
      `From: Sender ${n} <sender${n}@example.org>`,
      'To: seeker@example.test',
      `Subject: Message ${n}`,
      'Date: Tue, 01 Dec 2026 08:00:00 +0000',
      `Message-ID: <plain-${n}@example.org>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Body of message ${n}.`,
    ]) + filler.repeat(lines)
  );
}
