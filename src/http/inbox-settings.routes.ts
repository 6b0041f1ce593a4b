// GET/PUT/DELETE /api/inbox/settings and POST /api/inbox/test: the mailbox (IMAP, read-only).
// The password is write-only: answers carry `passwordSet`, never the password.
import { z } from 'zod';
import type { InboxSettingsView } from '../app/inbox-settings.js';
import { isDomainError } from '../core/errors.js';
import type { ZodApp } from './context.js';
import { errorSchema } from './schemas.js';

/** What the routes need of the inbox (src/main/inbox.ts's InboxService provides it). */
export interface InboxHttpDeps {
  show(): Promise<InboxSettingsView | null>;
  save(input: unknown): Promise<InboxSettingsView>;
  off(): Promise<boolean>;
  test(): Promise<{
    server: string;
    folders: { folder: string; messages: number }[];
    idle: boolean;
  }>;
}

const tlsSchema = z.enum(['implicit', 'starttls', 'none']);

const inboxViewSchema = z.object({
  host: z.string(),
  port: z.number(),
  tls: tlsSchema,
  user: z.string(),
  folders: z.array(z.string()),
  lookBackDays: z.number(),
  passwordSet: z.boolean(),
});

const inboxBodySchema = z.strictObject({
  host: z.string().max(253),
  port: z.number(),
  tls: tlsSchema.describe('none: only for a server on this computer'),
  user: z.string().max(320),
  password: z
    .string()
    .max(1_000)
    .nullable()
    .optional()
    .describe(
      'omitted: keep the stored one (forgotten when host, port, TLS or user change); null: remove it',
    ),
  folders: z.array(z.string().max(200)).max(20).optional().describe('besides INBOX'),
  lookBackDays: z.number().optional(),
});

const testAnswerSchema = z.object({
  connected: z.boolean(),
  detail: z.string(),
  folders: z.array(z.object({ folder: z.string(), messages: z.number() })),
  idle: z.boolean(),
});

export function inboxSettingsRoutes(app: ZodApp, inbox: InboxHttpDeps): void {
  app.get(
    '/api/inbox/settings',
    {
      schema: {
        tags: ['inbox'],
        response: { 200: z.object({ inbox: inboxViewSchema.nullable() }) },
      },
    },
    async () => ({ inbox: await inbox.show() }),
  );
  app.put(
    '/api/inbox/settings',
    {
      schema: {
        tags: ['inbox'],
        description:
          'Connects a mailbox (read-only); the password is stored encrypted and never returned.',
        body: inboxBodySchema,
        response: { 200: z.object({ inbox: inboxViewSchema }), 400: errorSchema },
      },
    },
    async (request) => ({ inbox: await inbox.save(request.body) }),
  );
  app.delete(
    '/api/inbox/settings',
    {
      schema: {
        tags: ['inbox'],
        description: 'Disconnects the mailbox: its settings, password and what was read go.',
        response: { 200: z.object({ removed: z.boolean() }) },
      },
    },
    async () => ({ removed: await inbox.off() }),
  );
  app.post(
    '/api/inbox/test',
    {
      schema: {
        tags: ['inbox'],
        description: 'Connects, logs in and counts the messages of each folder (reads nothing).',
        response: { 200: testAnswerSchema, 400: errorSchema },
      },
    },
    async () => {
      try {
        const report = await inbox.test();
        const counts = report.folders.map((f) => `${f.folder} ${f.messages}`).join(', ');
        return {
          connected: true,
          detail: `Connected to ${report.server}: ${counts}`,
          folders: report.folders,
          idle: report.idle,
        };
      } catch (error) {
        // The server's answer is the test's result; a missing account stays a 400.
        if (isDomainError(error) && (error.field === 'mailbox' || error.field === 'folders')) {
          return { connected: false, detail: error.message, folders: [], idle: false };
        }
        throw error;
      }
    },
  );
}
