// GET/PUT /api/smtp and POST /api/smtp/test. The password is write-only: answers carry
// `passwordSet`, never the password.
import { z } from 'zod';
import { getSmtpSettings, saveSmtpSettings, smtpSettingsForSending } from '../app/smtp-settings.js';
import type { RouteContext, ZodApp } from './context.js';
import type { MailHttpDeps } from './outbox.routes.js';
import { errorSchema } from './schemas.js';

const smtpViewSchema = z.object({
  host: z.string(),
  port: z.number(),
  tls: z.enum(['implicit', 'starttls', 'none']),
  username: z.string().nullable(),
  fromAddress: z.string(),
  fromName: z.string().nullable(),
  passwordSet: z.boolean(),
});

const smtpBodySchema = z.strictObject({
  host: z.string().max(253),
  port: z.number(),
  tls: z.enum(['implicit', 'starttls', 'none']),
  username: z.string().max(320).nullable().optional(),
  password: z
    .string()
    .max(1_000)
    .nullable()
    .optional()
    .describe('omitted: keep the stored one; null: remove it'),
  fromAddress: z.string().max(320),
  fromName: z.string().max(200).nullable().optional(),
});

export function smtpRoutes(app: ZodApp, { deps }: RouteContext, mail: MailHttpDeps): void {
  app.get(
    '/api/smtp',
    {
      schema: { tags: ['smtp'], response: { 200: z.object({ smtp: smtpViewSchema.nullable() }) } },
    },
    async () => ({ smtp: await getSmtpSettings(mail.store, mail.seekerId) }),
  );
  app.put(
    '/api/smtp',
    {
      schema: {
        tags: ['smtp'],
        description:
          'Saves the SMTP settings; the password is stored encrypted and never returned.',
        body: smtpBodySchema,
        response: { 200: z.object({ smtp: smtpViewSchema }), 400: errorSchema },
      },
    },
    async (request) => ({
      smtp: await saveSmtpSettings(mail.store, deps.clock, mail.seekerId, request.body),
    }),
  );
  app.post(
    '/api/smtp/test',
    {
      schema: {
        tags: ['smtp'],
        description: 'Sends a test message to your own address now.',
        response: { 200: z.object({ sent: z.boolean(), detail: z.string() }), 400: errorSchema },
      },
    },
    async () => {
      const settings = await smtpSettingsForSending(mail.store, mail.seekerId);
      const { sendTestMessage } = await import('../mail/smtp-test.js');
      const outcome = await sendTestMessage(settings, deps.clock.now());
      return outcome.status === 'sent'
        ? { sent: true, detail: outcome.response }
        : { sent: false, detail: outcome.error };
    },
  );
}
