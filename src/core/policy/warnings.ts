// Global and per-step warnings (SPEC §3.1): keep_searching, late_thank_you, missing_round.
import type { PlanWarning } from '../types.js';
import { contactName, type AppContext, type Draft, type PlanContext } from './context.js';
import { addDays } from '../calendar.js';
import { applyOffset } from './dates.js';

/** One `keep_searching` warning (application null) when the pipeline is thin or stale. */
export function searchHealth(ctx: PlanContext, actxs: AppContext[]): PlanWarning | null {
  const policy = ctx.policies[ctx.facts.settings.preset] ?? ctx.policies.standard;
  const active = actxs.filter((a) => a.status === 'active' || a.status === 'offer').length;
  const awaiting = actxs.some((a) => a.status === 'active' && a.ended.length > 0);
  const windowStart = addDays(ctx.asOfDate, -(policy.searchWindow.value - 1));
  const recent = actxs.some((a) => a.app.createdOn !== null && a.app.createdOn >= windowStart && a.app.createdOn <= ctx.asOfDate);
  const reasons: string[] = [];
  const target = ctx.facts.settings.activeTarget;
  if (active < target) reasons.push(`${active} active application${active === 1 ? '' : 's'}, fewer than your target of ${target}`);
  if (awaiting && !recent) reasons.push(`no new application in the last ${policy.searchWindow.value} days while you wait for a decision`);
  if (reasons.length === 0) return null;
  return {
    kind: 'keep_searching',
    application: null,
    message: `Keep searching: ${reasons.join('; ')} — ${policy.searchWindow.why}.`,
  };
}

/** late_thank_you once the as-of date is after interview date + 2 bd. */
export function lateThankYou(ctx: PlanContext, actx: AppContext, step: Draft): PlanWarning | null {
  if (step.kind !== 'thank_you' || step.interviewDate === null) return null;
  const late = applyOffset(ctx.calendar, actx.region, step.interviewDate, actx.policy.lateThankYouAfter);
  if (ctx.asOfDate <= late) return null;
  return {
    kind: 'late_thank_you',
    application: actx.app.id,
    message: `Your thank-you to ${contactName(ctx, step.to[0]!)} at ${actx.app.organization} is late — ${actx.policy.lateThankYouAfter.why}.`,
  };
}

export function missingRound(actx: AppContext, invitationId: string): PlanWarning {
  return {
    kind: 'missing_round',
    application: actx.app.id,
    message: `${actx.app.organization} invited you to a further round (${invitationId}) but no interview is recorded after it: add the interview so the plan can follow it.`,
  };
}
