// Zod schemas of the SPEC §6 JSON document. Every object is strict (unknown fields are
// rejected with their path); optional fields are `.nullable().optional()` so a parsed patch
// keeps the difference between "omitted" (keep the stored value) and null (reset to default).
import { z } from 'zod';
import { assertTimeZone, isRfc3339 } from '../calendar.js';
import { dateProblem, localDateTimeProblem } from '../date-input.js';
import { knownTimeZones, suggestRegion, suggestTimeZone } from '../place-names.js';
import type { BusinessCalendar } from '../calendar.js';
import { isEmailAddress } from '../email-address.js';
import { DomainError } from '../errors.js';
import {
  APPLICATION_STATUSES,
  CHANCES,
  CHANNELS,
  INBOUND_KINDS,
  OUTBOUND_KINDS,
  PRESETS,
  SOURCES,
  STEP_ACTIONS,
} from '../types.js';

/** Caps that keep one document's text sane (a 10 MB note is rejected, not stored). */
export const LIMITS = {
  id: 64,
  name: 500,
  shortText: 2_000,
  notes: 20_000,
  listItems: 500,
  durationMinutes: 24 * 60,
  round: 100,
  activeTarget: 1_000,
} as const;

// Names and ids are one line: no C0 controls at all. Notes may hold tabs and line breaks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_CONTROLS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Ids end up in step ids (`a1:thank_you:i1:c1`) and on the command line: keep them typable.
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

export const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.id, `must be at most ${LIMITS.id} characters`)
  .regex(ID_PATTERN, 'must use only letters, digits, "_" and "-"');

function line(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !LINE_CONTROLS.test(s), 'must not contain control characters');
}

function text(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !TEXT_CONTROLS.test(s), 'must not contain control characters');
}

export const nameSchema = line(LIMITS.name).refine((s) => s.trim().length > 0, 'must not be empty');
/** A zod string checked by `problem` (null when fine, else the words for what is wrong). */
function checkedString(problem: (value: string) => string | null) {
  return z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  });
}

export const isoDateSchema = checkedString(dateProblem);
/** `2026-12-23T14:00` (a space for the T is accepted; the merge stores the T). */
const localDateTimeSchema = checkedString(localDateTimeProblem);
export const instantSchema = checkedString((value) =>
  isRfc3339(value)
    ? null
    : `must be an instant with an offset, e.g. 2026-12-23T15:00:00Z (got "${value}")`,
);
function isTimeZone(zone: string): boolean {
  try {
    assertTimeZone(zone);
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = checkedString((zone) => {
  if (isTimeZone(zone)) return null;
  const suggestion = suggestTimeZone(zone, knownTimeZones());
  return suggestion
    ? `"${zone}" is not a time zone: did you mean ${suggestion}?`
    : `must be a time zone such as America/New_York or Europe/London (got "${zone}")`;
});

/** The seeker's own address: stored as typed, without surrounding spaces. */
const ownEmailSchema = z
  .string()
  .trim()
  .max(320, 'must be at most 320 characters')
  .superRefine((value, ctx) => {
    if (!isEmailAddress(value))
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not an e-mail address (e.g. you@example.com)`,
      });
  });

export function regionSchema(calendar: BusinessCalendar) {
  /** Null when the holiday source knows the region, else its words for what is wrong. */
  const regionProblem = (region: string): string | null => {
    try {
      calendar.assertRegion(region);
      return null;
    } catch (error) {
      return error instanceof DomainError && error.code === 'unknown_region'
        ? error.message
        : `must be a holiday region such as US, GB-ENG, IE, DE-BY (got "${region}")`;
    }
  };
  return checkedString((region) => {
    const problem = regionProblem(region);
    if (problem === null) return null;
    const suggestion = suggestRegion(region, (code) => regionProblem(code) === null);
    return suggestion ? `"${region}" is not a holiday region: did you mean ${suggestion}?` : problem;
  });
}

const idList = z
  .array(idSchema)
  .max(LIMITS.listItems, `must have at most ${LIMITS.listItems} items`);
const textList = z
  .array(text(LIMITS.shortText))
  .max(LIMITS.listItems, `must have at most ${LIMITS.listItems} items`);

/** Optional in a patch: omitted keeps the stored value, null resets to the default. */
function opt<T extends z.ZodType>(schema: T) {
  return schema.nullable().optional();
}

export function settingsPatchSchema(calendar: BusinessCalendar) {
  return z.strictObject({
    timezone: opt(timeZoneSchema),
    region: opt(regionSchema(calendar)),
    preset: opt(z.enum(PRESETS)),
    activeTarget: opt(
      z
        .number()
        .int('must be a whole number')
        .min(0, 'must be at least 0')
        .max(LIMITS.activeTarget, `must be at most ${LIMITS.activeTarget}`),
    ),
    signature: opt(text(LIMITS.notes)),
    email: opt(ownEmailSchema),
  });
}

export const contactPatchSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  title: opt(line(LIMITS.name)),
  organization: opt(line(LIMITS.name)),
  email: opt(line(LIMITS.name)),
  phone: opt(line(LIMITS.name)),
  linkedin: opt(line(LIMITS.shortText)),
  isReference: opt(z.boolean()),
  notes: opt(text(LIMITS.notes)),
});

export const stepEventSchema = z.strictObject({
  stepId: line(LIMITS.shortText).refine((s) => s.length > 0, 'must not be empty'),
  action: z.enum(STEP_ACTIONS),
  at: instantSchema,
  until: opt(isoDateSchema),
});

export const interviewPatchSchema = z.strictObject({
  id: idSchema,
  round: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(LIMITS.round, `must be at most ${LIMITS.round}`),
  start: localDateTimeSchema,
  timezone: opt(timeZoneSchema),
  durationMinutes: opt(
    z
      .number()
      .int('must be a whole number of minutes')
      .min(1, 'must be at least 1 minute')
      .max(LIMITS.durationMinutes, `must be at most ${LIMITS.durationMinutes} minutes`),
  ),
  format: opt(line(LIMITS.name)),
  interviewers: opt(idList),
  decisionExpectedBy: opt(isoDateSchema),
  quickDecision: opt(z.boolean()),
  unavailableUntil: opt(isoDateSchema),
  final: opt(z.boolean()),
  chance: opt(z.enum(CHANCES)),
  notes: opt(
    z.strictObject({
      keyPoints: opt(textList),
      forgot: opt(textList),
      promises: opt(textList),
      byInterviewer: opt(
        z
          .array(z.strictObject({ contact: idSchema, keyPoints: textList }))
          .max(LIMITS.listItems, `must have at most ${LIMITS.listItems} items`),
      ),
    }),
  ),
});

const ALL_KINDS = [...OUTBOUND_KINDS, ...INBOUND_KINDS] as const;

export const interactionPatchSchema = z.strictObject({
  id: idSchema,
  at: instantSchema,
  direction: z.enum(['in', 'out']),
  kind: z.enum(ALL_KINDS),
  channel: opt(z.enum(CHANNELS)),
  contacts: opt(idList),
  summary: opt(text(LIMITS.notes)),
  newDecisionDate: opt(isoDateSchema),
  onHold: opt(z.boolean()),
  offerDeadline: opt(isoDateSchema),
});

export function applicationPatchSchema(calendar: BusinessCalendar) {
  return z.strictObject({
    id: idSchema,
    organization: nameSchema,
    role: nameSchema,
    source: z.enum(SOURCES),
    region: opt(regionSchema(calendar)),
    status: opt(z.enum(APPLICATION_STATUSES)),
    createdOn: opt(isoDateSchema),
    agent: opt(idSchema),
    references: opt(idList),
    policy: opt(z.strictObject({ preset: z.enum(PRESETS).optional() })),
    prosCons: opt(
      z.strictObject({
        pros: opt(textList),
        cons: opt(textList),
        strengths: opt(textList),
      }),
    ),
    interviews: z.array(interviewPatchSchema).optional(),
    interactions: z.array(interactionPatchSchema).optional(),
  });
}

export function documentSchema(calendar: BusinessCalendar) {
  return z.strictObject({
    format: z.literal('tactful/v1', 'must be "tactful/v1"'),
    settings: settingsPatchSchema(calendar).optional(),
    contacts: z.array(contactPatchSchema).optional(),
    stepEvents: z.array(stepEventSchema).optional(),
    applications: z.array(applicationPatchSchema(calendar)).optional(),
  });
}

export type SettingsPatch = z.infer<ReturnType<typeof settingsPatchSchema>>;
export type ContactPatch = z.infer<typeof contactPatchSchema>;
export type InterviewPatch = z.infer<typeof interviewPatchSchema>;
export type InteractionPatch = z.infer<typeof interactionPatchSchema>;
export type ApplicationPatch = z.infer<ReturnType<typeof applicationPatchSchema>>;
export type StepEventInput = z.infer<typeof stepEventSchema>;
