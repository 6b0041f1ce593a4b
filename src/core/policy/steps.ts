// Building drafts: an organisation step needs a recipient and a usable channel, otherwise
// no step is planned and a `missing_detail` warning names the contact and the field.
import type { IsoDate, StepKind } from '../types.js';
import { fieldOf, pickChannel, type ChannelRule } from './channels.js';
import { contactName, type AppContext, type Draft, type PlanContext } from './context.js';
import { stepId } from './ids.js';

export interface OrgStepSpec {
  kind: StepKind;
  anchor: string;
  n?: number;
  /** Recipient contact id; null when none is known. */
  contact: string | null;
  /** Per-person kinds carry the contact in their id. */
  perPerson: boolean;
  rule: ChannelRule;
  due: IsoDate;
  why: string;
  fixed?: boolean;
  dueAt?: number | null;
  interviewDate?: IsoDate | null;
  earliest?: IsoDate;
}

const LEAD_FIELD = { employer: 'interviewers', recruiter: 'agent', agency: 'agent' } as const;

export function orgStep(ctx: PlanContext, actx: AppContext, spec: OrgStepSpec): Draft | null {
  const app = actx.app;
  if (spec.contact === null) {
    ctx.warnings.push({
      kind: 'missing_detail',
      application: app.id,
      message: `No contact to send the ${spec.kind.replace(/_/g, ' ')} to at ${app.organization}: record the ${LEAD_FIELD[app.source]} (field ${LEAD_FIELD[app.source]}).`,
    });
    return null;
  }
  const channel = pickChannel(ctx.contacts.get(spec.contact), spec.rule);
  if (channel === null) {
    const field = fieldOf(spec.rule[0]!) ?? 'email';
    const needed = [...new Set(spec.rule.map((c) => fieldOf(c)).filter((f) => f !== null))].join(' or ');
    ctx.warnings.push({
      kind: 'missing_detail',
      application: app.id,
      message: `No ${needed} for ${contactName(ctx, spec.contact)} (contact ${spec.contact}, field ${field}): add it to plan the ${spec.kind.replace(/_/g, ' ')}.`,
    });
    return null;
  }
  return {
    id: stepId(app.id, spec.kind, spec.anchor, spec.n, spec.perPerson ? spec.contact : null),
    application: app.id,
    kind: spec.kind,
    to: [spec.contact],
    channel,
    earliest: spec.earliest ?? spec.due,
    due: spec.due,
    dueAt: spec.dueAt ?? null,
    why: spec.why,
    region: actx.region,
    orgKey: actx.orgKey,
    fixed: spec.fixed ?? false,
    interviewDate: spec.interviewDate ?? null,
  };
}

/** A step addressed to the seeker: no recipients, no channel, never moved. */
export function seekerStep(
  actx: AppContext,
  kind: StepKind,
  anchor: string,
  due: IsoDate,
  why: string,
): Draft {
  return {
    id: stepId(actx.app.id, kind, anchor),
    application: actx.app.id,
    kind,
    to: [],
    channel: null,
    earliest: due,
    due,
    dueAt: null,
    why,
    region: actx.region,
    orgKey: actx.orgKey,
    fixed: true,
    interviewDate: null,
  };
}
