// The mail operations behind `tactful smtp`, over an opened runtime (local seeker).
import {
  getSmtpSettings,
  saveSmtpSettings,
  smtpSettingsForSending,
  type SmtpSettingsView,
} from '../app/smtp-settings.js';
import type { SendOutcome } from '../app/outbox.js';
import type { Config } from '../config/config.js';
import { sendTestMessage } from '../mail/smtp-test.js';
import { openMailRuntime } from './mail-runtime.js';

const SEEKER = 'local';

export interface CliMail {
  save(input: unknown): Promise<SmtpSettingsView>;
  show(): Promise<SmtpSettingsView | null>;
  test(): Promise<SendOutcome>;
}

export async function withMail<T>(config: Config, work: (mail: CliMail) => Promise<T>): Promise<T> {
  const runtime = await openMailRuntime(config, process.env);
  const clock = { now: () => Date.now() };
  try {
    return await work({
      save: (input) => saveSmtpSettings(runtime.store, clock, SEEKER, input),
      show: () => getSmtpSettings(runtime.store, SEEKER),
      test: async () =>
        sendTestMessage(await smtpSettingsForSending(runtime.store, SEEKER), clock.now()),
    });
  } finally {
    await runtime.close();
  }
}
