// Wiring for the mail side (the worker, `tactful smtp`, the in-process worker of `tactful
// serve`): the secret key, the mail store, the SMTP mailer and the templates.
import { dirname, isAbsolute, join } from 'node:path';
import type { MailStore, Mailer, SmtpSettings } from '../app/outbox.js';
import type { Clock } from '../app/ports.js';
import type { Config } from '../config/config.js';
import type { BusinessCalendar } from '../core/calendar.js';
import type { TemplateSet } from '../core/drafts/index.js';
import { secretBox, type SecretBox } from '../secrets/secret-box.js';
import { loadSecretKey } from '../secrets/secret-key.js';
import type { Database } from '../storage/database.js';
import { createMailStore } from '../storage/outbox.store.js';
import type { WorkerDeps } from '../worker/worker.js';

/** Where secret.key lives: beside the SQLite file, else the XDG data directory. */
export function dataDirOf(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
  homeDir: string,
): string {
  if (config.storage.kind === 'sqlite') return dirname(config.storage.path);
  const xdg = env.XDG_DATA_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homeDir, '.local', 'share'), 'tactful');
}

/** The key is read (or the key file created) on the first secret sealed or opened. */
export function lazySecretBox(
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
): SecretBox {
  let box: SecretBox | undefined;
  return {
    seal: (plaintext) => (box ??= secretBox(loadSecretKey(env, dataDir))).seal(plaintext),
    open: (sealed) => (box ??= secretBox(loadSecretKey(env, dataDir))).open(sealed),
  };
}

export function mailStoreFor(
  database: Database,
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
  box: SecretBox = lazySecretBox(env, dataDir),
): MailStore {
  return createMailStore(database, box);
}

export interface WorkerWiring {
  store: MailStore;
  calendar: BusinessCalendar;
  clock: Clock;
  dataDir: string | null;
  staleAfterMs?: number;
  mailerFor?: (settings: SmtpSettings) => Mailer;
}

/** 10 minutes: longer than any SMTP timeout of the mailer, so a live send is never judged stale. */
export const DEFAULT_STALE_AFTER_MS = 10 * 60_000;

export function workerDeps(wiring: WorkerWiring): WorkerDeps {
  let templates: Promise<TemplateSet> | undefined;
  return {
    store: wiring.store,
    calendar: wiring.calendar,
    clock: wiring.clock,
    templates: () => {
      templates ??= import('../templates/loader.js').then((m) =>
        m.loadTemplates({ dataDir: wiring.dataDir }),
      );
      return templates;
    },
    mailerFor: wiring.mailerFor ?? lazySmtpMailer,
    staleAfterMs: wiring.staleAfterMs ?? DEFAULT_STALE_AFTER_MS,
  };
}

/** nodemailer loads on the first message, not when `tactful serve` starts. */
function lazySmtpMailer(settings: SmtpSettings): Mailer {
  let real: Promise<Mailer> | undefined;
  const load = () => (real ??= import('../mail/smtp.js').then((m) => m.smtpMailer(settings)));
  return {
    send: async (mail) => (await load()).send(mail),
    close: () => void real?.then((m) => m.close()),
  };
}
