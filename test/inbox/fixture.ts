// An in-memory implementation of the Mailbox/MailboxSession ports (the real IMAP adapter is
// tested against dovecot in its own suite), and the facts the inbox tests start from.
import type {
  FolderStatus,
  Mailbox,
  MailBody,
  MailboxSession,
  MailHeaders,
} from '../../src/app/inbox-ports.js';
import type { UnitOfWork } from '../../src/app/ports.js';
import { importDocument } from '../../src/app/import-document.js';
import type { BusinessCalendar } from '../../src/core/calendar.js';
import { mailDb } from '../../src/storage/outbox.table.js';
import type { Database } from '../../src/storage/index.js';

export interface StoredMail {
  headers: Omit<MailHeaders, 'folder' | 'uidValidity' | 'uid'>;
  body: MailBody | 'too_large';
}

/** A folder held in memory: UIDs are positions + 1 unless renumbered. */
export class InMemoryMailbox implements Mailbox {
  readonly folders = new Map<
    string,
    { uidValidity: string; firstUid: number; mail: StoredMail[] }
  >();
  /** Every body fetched, as `folder/uid`. */
  readonly bodiesRead: string[] = [];
  /** Every `headers` call, as [folder, afterUid, since?]. */
  readonly headerCalls: [string, number, boolean][] = [];
  /** Set to make `body` fail once on this UID (a connection lost mid-pass). */
  failBodyOf: number | null = null;
  sessions = 0;
  closed = 0;

  append(folder: string, mail: StoredMail): number {
    let f = this.folders.get(folder);
    if (!f) this.folders.set(folder, (f = { uidValidity: '1', firstUid: 1, mail: [] }));
    f.mail.push(mail);
    return f.firstUid + f.mail.length - 1;
  }

  /** The server renumbers the folder (a new UIDVALIDITY, UIDs starting elsewhere). */
  renumber(folder: string, uidValidity: string, firstUid: number): void {
    const f = this.folders.get(folder)!;
    f.uidValidity = uidValidity;
    f.firstUid = firstUid;
  }

  async open(): Promise<MailboxSession> {
    this.sessions += 1;
    return {
      status: async (folder): Promise<FolderStatus> => {
        const f = this.folderOf(folder);
        return { folder, uidValidity: f.uidValidity, uidNext: f.firstUid + f.mail.length };
      },
      headers: (folder, afterUid, since) => this.headers(folder, afterUid, since),
      body: async (folder, uid) => {
        if (this.failBodyOf === uid) {
          this.failBodyOf = null;
          throw new Error('connection lost');
        }
        this.bodiesRead.push(`${folder}/${uid}`);
        const f = this.folderOf(folder);
        return f.mail[uid - f.firstUid]!.body;
      },
      close: async () => {
        this.closed += 1;
      },
    };
  }

  private folderOf(name: string) {
    const f = this.folders.get(name);
    if (!f) throw new Error(`no folder ${name}`);
    return f;
  }

  private async *headers(
    folder: string,
    afterUid: number,
    since: Date | null,
  ): AsyncIterable<MailHeaders> {
    this.headerCalls.push([folder, afterUid, since !== null]);
    const f = this.folderOf(folder);
    for (let i = 0; i < f.mail.length; i++) {
      const uid = f.firstUid + i;
      if (uid <= afterUid) continue;
      const h = f.mail[i]!.headers;
      if (since !== null && h.date !== null && Date.parse(h.date) < since.getTime() - 86_400_000)
        continue;
      yield { ...h, folder, uidValidity: f.uidValidity, uid };
    }
  }
}

let counter = 0;

/** A message with sensible defaults: a person's reply, no calendar. */
export function mail(
  overrides: Partial<StoredMail['headers']> & { text?: string; calendars?: string[] } = {},
): StoredMail {
  counter += 1;
  const { text, calendars, ...headers } = overrides;
  return {
    headers: {
      messageId: `<m${counter}@mail.example>`,
      inReplyTo: null,
      references: [],
      from: { address: 'priya@acme.example', name: 'Priya Raman' },
      to: ['alex@home.example'],
      cc: [],
      subject: 'Re: Thank you',
      date: '2026-12-02T14:00:00Z',
      sizeBytes: 2_000,
      autoSubmitted: null,
      listId: null,
      precedence: null,
      xAutoreply: null,
      hasCalendar: (calendars ?? []).length > 0,
      ...headers,
    },
    body: { text: text ?? 'Thanks Alex, lovely to meet you too!', calendars: calendars ?? [] },
  };
}

export const SEEKER = ['alex@home.example'];

/**
 * Acme (a1, employer) interviewed Alex (America/New_York) on Mon 30 Nov 2026 10:00–11:00 with
 * Priya (c1); Globex (a2) and Globex Labs (a3) share globex.example. a1's thank-you went out by
 * tactful as outbox row o1.
 *
 *       November / December 2026
 *   Mo Tu We Th Fr Sa Su
 *   30  1  2  3  4  5  6     interview Mon 30 Nov; status check +3 bd = Thu 3 Dec
 *    7  8  9 10 11 12 13
 *   14 15 16 17 18 19 20     "we expect to decide by 18 December" (Fri)
 *   21 22 23 24 25 26 27     18 Dec + 1 bd = Mon 21 Dec
 */
export async function seedAcme(
  uow: UnitOfWork,
  calendar: BusinessCalendar,
  database: Database,
): Promise<void> {
  await importDocument(uow, calendar, {
    format: 'tactful/v1',
    settings: { timezone: 'America/New_York', region: 'US', activeTarget: 1 },
    contacts: [
      { id: 'c1', name: 'Priya Raman', email: 'priya@acme.example', organization: 'Acme' },
      { id: 'c2', name: 'Sam Lee', email: 'sam@globex.example' },
      { id: 'c3', name: 'Jo Park', email: 'jo@globex.example' },
    ],
    applications: [
      {
        id: 'a1',
        organization: 'Acme',
        role: 'Engineer',
        source: 'employer',
        createdOn: '2026-11-01',
        prosCons: { pros: ['team'], cons: [], strengths: [] },
        interviews: [
          {
            id: 'i1',
            round: 1,
            start: '2026-11-30T10:00',
            interviewers: ['c1'],
            notes: { keyPoints: ['x'], forgot: [], promises: [] },
          },
        ],
        interactions: [
          {
            id: 'x1',
            at: '2026-11-30T18:00:00Z',
            direction: 'out',
            kind: 'thank_you',
            channel: 'email',
            contacts: ['c1'],
          },
        ],
      },
      {
        id: 'a2',
        organization: 'Globex',
        role: 'Engineer',
        source: 'employer',
        createdOn: '2026-11-01',
        interviews: [{ id: 'i2', round: 1, start: '2026-11-25T10:00', interviewers: ['c2'] }],
      },
      {
        id: 'a3',
        organization: 'Globex Labs',
        role: 'Lead',
        source: 'recruiter',
        createdOn: '2026-11-01',
        agent: 'c3',
      },
    ],
  });
  const at = '2026-11-30T18:00:00Z';
  await mailDb(database.db)
    .insertInto('outbox')
    .values({
      seeker_id: 'local',
      id: 'o1',
      kind: 'follow_up',
      state: 'sent',
      idempotency_key: 'k1',
      step_id: 'a1:thank_you:i1:c1',
      application_id: 'a1',
      organization_key: 'acme',
      interaction_kind: 'thank_you',
      contacts_json: '["c1"]',
      local_date: '2026-11-30',
      to_json: '["priya@acme.example"]',
      subject: 'Thank you',
      body: 'Thank you for your time.',
      attempts: 1,
      next_attempt_at: at,
      claimed_at: null,
      sent_at: at,
      last_error: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
