// Response schemas of the activity history, delete and the Trash (OpenAPI and validation).
import { z } from 'zod';

export const ENTITY_NAMES = ['contact', 'application', 'interview', 'interaction'] as const;

export const activitySchema = z.object({
  id: z.number().int().describe('Typed as `tactful undo ID`'),
  at: z.string(),
  kind: z
    .string()
    .describe(
      'done, skip, snooze, close, log, add, edit, import, settings, delete, purge (never undone), send, change',
    ),
  summary: z.string().describe('In the seeker\'s words: "Marked done: thank-you to Priya Raman"'),
  rows: z.number().int(),
  undoneAt: z.string().nullable(),
});

export const deletePreviewSchema = z.object({
  entity: z.enum(ENTITY_NAMES),
  id: z.string(),
  label: z.string(),
  applicationId: z.string().nullable(),
  goesWith: z.object({
    interviews: z.number().int(),
    interactions: z.number().int(),
    stepEvents: z.number().int(),
  }),
  namedIn: z.object({
    applications: z.number().int(),
    interviews: z.number().int(),
    interactions: z.number().int(),
  }),
  question: z.string().describe('The confirmation to show, naming what goes with it'),
});

export const deleteResultSchema = z.object({
  preview: deletePreviewSchema,
  activityId: z.number().int(),
  summary: z.string(),
});

const trashItemSchema = z.object({
  entity: z.enum(ENTITY_NAMES),
  id: z.string(),
  applicationId: z.string().nullable(),
  label: z.string(),
});

export const trashEntrySchema = z.object({
  activity: activitySchema,
  items: z.array(trashItemSchema),
});

export const restoreResultSchema = z.object({
  activity: activitySchema,
  restored: z.array(trashItemSchema),
});

export const purgeResultSchema = z.object({
  activityId: z
    .number()
    .int()
    .nullable()
    .describe('The activity that records it (cannot be undone); null when the Trash was empty'),
  purged: z.object({
    contacts: z.number().int(),
    applications: z.number().int(),
    interviews: z.number().int(),
    interactions: z.number().int(),
    stepEvents: z.number().int(),
  }),
  summary: z
    .string()
    .describe('"Emptied the Trash: 1 application and 2 interviews deleted for good"'),
});
