// A seeker with one interview that just ended (a thank-you e-mail to Dana Reyes is due), on a
// real database, with the mail store, a test clock and SMTP settings pointing at a peer.
import { randomBytes } from 'node:crypto';
import { importDocument } from '../../src/app/import-document.js';
import type { MailStore, SmtpSettings } from '../../src/app/outbox.js';
import { planOf } from '../../src/app/plan-for.js';
import type { UnitOfWork } from '../../src/app/ports.js';
import { BusinessCalendar } from '../../src/core/calendar.js';
import type { TemplateSet } from '../../src/core/drafts/index.js';
import type { Step } from '../../src/core/types.js';
import { dateHolidays } from '../../src/holidays/date-holidays.js';
import { smtpMailer } from '../../src/mail/smtp.js';
import { secretBox } from '../../src/secrets/secret-box.js';
import { createUnitOfWork, type Database } from '../../src/storage/index.js';
import { createMailStore } from '../../src/storage/outbox.store.js';
import { loadTemplates } from '../../src/templates/loader.js';
import type { WorkerDeps } from '../../src/worker/worker.js';
import { testDatabaseSite, type Dialect, type TestDatabaseSite } from '../db/test-databases.js';
import { PEER_PASSWORD, PEER_USER } from './smtp-peer.js';

export const calendar = new BusinessCalendar(dateHolidays());
let templates: Promise<TemplateSet> | undefined;
export const testTemplates = () => (templates ??= loadTemplates());

/** Interview Tue 1 Dec 2026 10:00–11:00 New York; "now" is 13:00 New York the same day. */
export const NOW = Date.parse('2026-12-01T18:00:00Z');

export function seekerDocument(extraApplications: object[] = []) {
  return {
    format: 'tactful/v1',
    settings: {
      timezone: 'America/New_York',
      region: 'US',
      signature: 'Sam Seeker\nsam@seeker.example',
    },
    contacts: [
      {
        id: 'c1',
        name: 'Dana Reyes',
        title: 'Engineering Manager',
        organization: 'Acme',
        email: 'dana@acme.example',
      },
      { id: 'c2', name: 'Lee Park', organization: 'Acme', email: 'lee@acme.example' },
    ],
    applications: [
      {
        id: 'a1',
        organization: 'Acme',
        role: 'Backend Engineer',
        source: 'employer',
        createdOn: '2026-11-20',
        interviews: [
          {
            id: 'i1',
            round: 1,
            start: '2026-12-01T10:00',
            timezone: 'America/New_York',
            interviewers: ['c1'],
          },
        ],
      },
      ...extraApplications,
    ],
  };
}

export interface MailFixture {
  database: Database;
  uow: UnitOfWork;
  store: MailStore;
  clock: { ms: number; now(): number };
  site: TestDatabaseSite;
  /** The open thank-you step to Dana. */
  thankYou(): Promise<Step>;
  workerDeps(overrides?: Partial<WorkerDeps>): WorkerDeps;
  smtpSettings(port: number, password?: string): SmtpSettings;
  close(): Promise<void>;
}

export async function openMailFixture(
  dialect: Dialect = 'sqlite',
  document: object = seekerDocument(),
): Promise<MailFixture> {
  const site = testDatabaseSite(dialect);
  const database = await site.open();
  const uow = createUnitOfWork(database);
  await importDocument(uow, calendar, document);
  const store = createMailStore(database, secretBox(randomBytes(32)));
  const clock = { ms: NOW, now: () => clock.ms };
  const smtpSettings = (port: number, password = PEER_PASSWORD): SmtpSettings => ({
    host: '127.0.0.1',
    port,
    tls: 'none',
    username: PEER_USER,
    password,
    fromAddress: 'sam@seeker.example',
    fromName: 'Sam Seeker',
  });
  return {
    database,
    uow,
    store,
    clock,
    site,
    smtpSettings,
    async thankYou() {
      const facts = await uow.read((repo) => repo.loadFacts());
      const step = planOf(facts, calendar, clock.now()).steps.find(
        (s) => s.kind === 'thank_you' && s.to.includes('c1'),
      );
      if (!step) throw new Error('fixture: no thank-you step');
      return step;
    },
    workerDeps: (overrides = {}) => ({
      store,
      calendar,
      clock,
      templates: testTemplates,
      mailerFor: (settings) =>
        smtpMailer(settings, { connectionMs: 2_000, greetingMs: 2_000, socketMs: 700 }),
      staleAfterMs: 10 * 60_000,
      ...overrides,
    }),
    close: async () => {
      await database.close();
      await site.destroy();
    },
  };
}

export async function saveSmtp(
  fixture: MailFixture,
  port: number,
  password?: string,
): Promise<void> {
  await fixture.store.transaction('local', (tx) =>
    tx.smtp.save(fixture.smtpSettings(port, password), '2026-12-01T00:00:00Z'),
  );
}
