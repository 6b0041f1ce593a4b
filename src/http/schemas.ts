// Response and parameter schemas of the API, for validation of params/query and for the
// OpenAPI document. Request bodies reuse the document schemas of src/core/document.
import { z } from 'zod';
import {
  ANSWER_OFFER_VARIANTS,
  APPLICATION_STATUSES,
  CHANCES,
  CHANNELS,
  INBOUND_KINDS,
  OUTBOUND_KINDS,
  PRESETS,
  SOURCES,
  STEP_ACTIONS,
  STEP_KINDS,
} from '../core/types.js';

const nullableString = z.string().nullable();

export const errorSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    existing: z.string().optional().describe('the contact that already has this e-mail address'),
  })
  .describe('Every 4xx and 5xx answer');

export const settingsSchema = z.object({
  timezone: z.string(),
  region: z.string(),
  preset: z.enum(PRESETS),
  activeTarget: z.number().int(),
  signature: z.string(),
  email: z.string().nullable(),
});

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: nullableString,
  organization: nullableString,
  email: nullableString,
  phone: nullableString,
  linkedin: nullableString,
  isReference: z.boolean(),
  notes: nullableString,
});

export const interviewSchema = z.object({
  id: z.string(),
  round: z.number().int(),
  start: z.string(),
  timezone: nullableString,
  durationMinutes: z.number().int(),
  format: nullableString,
  interviewers: z.array(z.string()),
  decisionExpectedBy: nullableString,
  quickDecision: z.boolean(),
  unavailableUntil: nullableString,
  final: z.boolean(),
  chance: z.enum(CHANCES),
  notes: z.object({
    keyPoints: z.array(z.string()),
    forgot: z.array(z.string()),
    promises: z.array(z.string()),
    byInterviewer: z
      .array(z.object({ contact: z.string(), keyPoints: z.array(z.string()) }))
      .optional()
      .describe('Key points per interviewer; always given (possibly []) in answers'),
  }),
});

export const interactionSchema = z.object({
  id: z.string(),
  at: z.string(),
  direction: z.enum(['in', 'out']),
  kind: z.enum([...OUTBOUND_KINDS, ...INBOUND_KINDS]),
  channel: z.enum(CHANNELS).nullable(),
  contacts: z.array(z.string()),
  summary: nullableString,
  newDecisionDate: nullableString,
  onHold: z.boolean(),
  offerDeadline: nullableString,
});

export const stepSchema = z.object({
  id: z.string(),
  application: z.string(),
  kind: z.enum(STEP_KINDS),
  to: z.array(z.string()),
  channel: z.enum(CHANNELS).nullable(),
  earliest: z.string(),
  due: z.string(),
  dueAt: nullableString,
  overdue: z.boolean(),
  why: z.string(),
  heldBy: z.string().optional().describe('The unread reply holding this step (SPEC §3); only when held'),
});

export const warningSchema = z.object({
  kind: z.string(),
  application: nullableString,
  message: z.string(),
});

export const planSchema = z
  .object({ asOf: z.string(), steps: z.array(stepSchema), warnings: z.array(warningSchema) })
  .describe('Exactly the object of `tactful plan --json`');

export const applicationSchema = z.object({
  id: z.string(),
  organization: z.string(),
  role: z.string(),
  source: z.enum(SOURCES),
  region: nullableString,
  status: z.enum(APPLICATION_STATUSES),
  createdOn: nullableString,
  agent: nullableString,
  references: z.array(z.string()),
  policy: z.object({ preset: z.enum(PRESETS).optional() }).nullable(),
  prosCons: z.object({
    pros: z.array(z.string()),
    cons: z.array(z.string()),
    strengths: z.array(z.string()),
  }),
  interviews: z.array(interviewSchema),
  interactions: z.array(interactionSchema),
});

export const applicationViewSchema = applicationSchema.extend({
  effectiveStatus: z.enum(APPLICATION_STATUSES),
});
export const applicationDetailSchema = applicationViewSchema.extend({ steps: z.array(stepSchema) });

export const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  in: z.enum(['to', 'subject', 'body']),
  start: z.number().int(),
  end: z.number().int(),
});

export const draftSchema = z.object({
  kind: z.enum(STEP_KINDS),
  channel: z.enum(CHANNELS),
  to: z.array(z.object({ id: z.string(), name: z.string(), email: nullableString })),
  subject: nullableString,
  body: z.string(),
  findings: z.array(findingSchema),
  variant: z.enum(ANSWER_OFFER_VARIANTS).nullable(),
});

const counts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export const importSummarySchema = z.object({
  settings: counts,
  contacts: counts,
  applications: counts,
  interviews: counts,
  interactions: counts,
  stepEvents: counts,
});

export const stepActionResultSchema = z.object({
  ok: z.literal(true),
  action: z.enum(STEP_ACTIONS),
  step: stepSchema,
  until: nullableString,
  interaction: interactionSchema.nullable(),
  warnings: z.array(warningSchema),
});

export const insightsSchema = z.object({
  pipeline: z.record(z.enum(APPLICATION_STATUSES), z.number().int()),
  bySource: z.array(
    z.object({
      source: z.enum(SOURCES),
      applications: z.number().int(),
      responded: z.number().int(),
      responseRate: z.number().nullable(),
      medianResponseDays: z.number().nullable(),
    }),
  ),
  thankYouOnTimeRate: z.number().nullable(),
  activeCount: z.number().int(),
  activeTarget: z.number().int(),
});

/** `?asOf=YYYY-MM-DD|RFC 3339`; parsed against the seeker's zone by the route. */
export const asOfQuerySchema = z.strictObject({ asOf: z.string().max(64).optional() });

export const idParamsSchema = z.strictObject({ id: z.string().max(64) });
export const stepParamsSchema = z.strictObject({ stepId: z.string().max(2_000) });

/** Query flags arrive as strings. */
export const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');
