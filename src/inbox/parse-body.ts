// A fetched message → what the inbox use cases read of it: the decoded text (plain, else the
// HTML turned into text by mailparser) without the quoted history, and each calendar part.
import { simpleParser, type Attachment } from 'mailparser';
import type { MailBody } from '../app/inbox-ports.js';

function isCalendar(part: Attachment): boolean {
  const type = part.contentType.toLowerCase();
  return (
    type === 'text/calendar' ||
    type === 'application/ics' ||
    (part.filename ?? '').toLowerCase().endsWith('.ics')
  );
}

/** "On Tue, 1 Dec 2026, Priya wrote:" and what follows; lines quoted with ">". */
const ATTRIBUTION = /^(on\s.{1,200}\swrote:|le\s.{1,200}\sa écrit\s?:|am\s.{1,200}\sschrieb:|-{2,}\s*original message\s*-{2,}|_{5,})\s*$/i;

export function withoutQuotedHistory(text: string): string {
  const kept: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (ATTRIBUTION.test(line.trim())) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

export async function parseBody(source: Buffer): Promise<MailBody> {
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextLinks: true });
  const text = typeof parsed.text === 'string' ? parsed.text : '';
  return {
    text: withoutQuotedHistory(text),
    calendars: parsed.attachments.filter(isCalendar).map((part) => part.content.toString('utf8')),
  };
}
