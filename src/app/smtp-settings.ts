// The seeker's SMTP settings. The password is write-only: it is stored sealed, and every view
// of the settings says only whether one is set.
import { z } from 'zod';
import { formatInstant } from '../core/calendar.js';
import { DomainError } from '../core/errors.js';
import type { Clock } from './ports.js';
import type { MailStore, SmtpSettings } from './outbox.js';
import { validate } from './validate.js';

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const NO_CONTROLS = /^[^\u0000-\u001F\u007F]*$/;
const hostSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or IP address');

const smtpInputSchema = z.strictObject({
  host: hostSchema,
  port: z.number().int().min(1).max(65_535),
  tls: z.enum(['implicit', 'starttls', 'none']),
  username: z.string().max(320).regex(NO_CONTROLS, 'no control characters').nullable().optional(),
  /** Omitted: keep the stored one; null: remove it. */
  password: z.string().max(1_000).nullable().optional(),
  fromAddress: z.email().max(320),
  fromName: z
    .string()
    .max(200)
    .regex(NO_CONTROLS, 'no line breaks or control characters')
    .nullable()
    .optional(),
});

export type SmtpInput = z.input<typeof smtpInputSchema>;

export interface SmtpSettingsView {
  host: string;
  port: number;
  tls: SmtpSettings['tls'];
  username: string | null;
  fromAddress: string;
  fromName: string | null;
  passwordSet: boolean;
}

export function viewOf(settings: SmtpSettings): SmtpSettingsView {
  return {
    host: settings.host,
    port: settings.port,
    tls: settings.tls,
    username: settings.username,
    fromAddress: settings.fromAddress,
    fromName: settings.fromName,
    passwordSet: settings.password !== null && settings.password !== '',
  };
}

export async function getSmtpSettings(
  store: MailStore,
  seekerId: string,
): Promise<SmtpSettingsView | null> {
  const settings = await store.transaction(seekerId, (tx) => tx.smtp.get());
  return settings ? viewOf(settings) : null;
}

export async function saveSmtpSettings(
  store: MailStore,
  clock: Clock,
  seekerId: string,
  input: unknown,
): Promise<SmtpSettingsView> {
  const parsed = validate(smtpInputSchema, input);
  return store.transaction(seekerId, async (tx) => {
    const stored = await tx.smtp.get();
    const username = parsed.username ?? null;
    // The stored password is kept only for the server it was given for: a new host, port, TLS
    // mode or user clears it, so it is never sent (by Test or Send) to a server it was not
    // typed for.
    const samePlace =
      stored !== undefined &&
      stored !== null &&
      stored.host === parsed.host &&
      stored.port === parsed.port &&
      stored.tls === parsed.tls &&
      stored.username === username;
    const settings: SmtpSettings = {
      host: parsed.host,
      port: parsed.port,
      tls: parsed.tls,
      username,
      password:
        parsed.password === undefined
          ? samePlace
            ? (stored.password ?? null)
            : null
          : parsed.password,
      fromAddress: parsed.fromAddress,
      fromName: parsed.fromName ?? null,
    };
    if (settings.password !== null && settings.username === null) {
      throw new DomainError('invalid_input', 'a password needs a username', 'username');
    }
    await tx.smtp.save(settings, formatInstant(clock.now()));
    return viewOf(settings);
  });
}

/** The settings with the password, for the mailer only. */
export async function smtpSettingsForSending(
  store: MailStore,
  seekerId: string,
): Promise<SmtpSettings> {
  const settings = await store.transaction(seekerId, (tx) => tx.smtp.get());
  if (!settings)
    throw new DomainError(
      'invalid_input',
      'set up SMTP first (Settings, or `tactful smtp set`)',
      'smtp',
    );
  return settings;
}
