// Rounds (SPEC §3.1 "Rounds and the cadence"): pending rounds, and the steps each ended
// round calls for — debrief, thank_you per person, reflect, references_heads_up.
import { fastDateInZone as dateInZone } from './zone.js';
import type { IsoDate } from '../types.js';
import { LETTER_ONLY, REFERENCE_CHANNELS, THANK_YOU_CHANNELS } from './channels.js';
import { completedBy, contactName, type AppContext, type Draft, type PlanContext, type Round } from './context.js';
import { addDays } from '../calendar.js';
import { orgStep, seekerStep } from './steps.js';
import { because, describe } from './why.js';

export interface RoundState {
  /** A round is awaited: no status chain, no 30-day trigger. */
  pending: boolean;
  /** Inbound invitations with no later interview recorded. */
  missing: string[];
}

export function roundState(actx: AppContext): RoundState {
  let pending = actx.rounds.some((r) => !r.ended);
  let latestEndedStart = -Infinity;
  for (const r of actx.ended) latestEndedStart = Math.max(latestEndedStart, r.startMs);
  let latestStart = -Infinity;
  for (const r of actx.rounds) latestStart = Math.max(latestStart, r.startMs);
  const missing: string[] = [];
  for (const t of actx.interactions) {
    if (t.ix.direction !== 'in' || t.ix.kind !== 'invitation') continue;
    if (latestEndedStart <= t.ms) pending = true;
    if (latestStart <= t.ms) missing.push(t.ix.id);
  }
  return { pending, missing };
}

function roundLabel(r: Round): string {
  return `round-${r.iv.round} interview`;
}

/** debrief for every ended round without interviewers; unlike thank_you/reflect it is not moot after a later round. */
export function debriefSteps(ctx: PlanContext, actx: AppContext, out: Draft[]): void {
  actx.ended.forEach((r, i) => {
    if (r.iv.interviewers.length > 0) return;
    const next = actx.ended[i + 1]?.endMs ?? Infinity;
    if (completedBy(actx, 'debrief', null, r.endMs, next)) return;
    out.push(
      seekerStep(
        actx,
        'debrief',
        r.iv.id,
        r.date,
        because(
          `Debrief your ${roundLabel(r)} with ${actx.app.organization}: record who interviewed you, the key points and any promises`,
          'without interviewers on record nobody can be thanked',
        ),
      ),
    );
  });
}

/** The people a round's thank-you notes go to: interviewers, plus the recruiter or agent. */
function thankYouRecipients(actx: AppContext, r: Round): string[] {
  const people = [...new Set(r.iv.interviewers)];
  const agent = actx.app.agent;
  if (agent && actx.app.source !== 'employer' && !people.includes(agent)) people.push(agent);
  return people;
}

/** thank_you per person and reflect, for the latest ended round only (earlier ones are moot). */
export function latestRoundSteps(ctx: PlanContext, actx: AppContext, out: Draft[]): void {
  const r = actx.latest;
  if (!r) return;
  const policy = actx.policy;
  const dueAtMs = r.endMs + policy.thankYouWithin.value * 3_600_000;
  const due = dateInZone(dueAtMs, ctx.zone);
  for (const person of thankYouRecipients(actx, r)) {
    if (completedBy(actx, 'thank_you', person, r.endMs)) continue;
    // A recruiter gets a handwritten letter to the office, even when they also interviewed.
    const isRecruiter = actx.app.source === 'recruiter' && person === actx.app.agent;
    const step = orgStep(ctx, actx, {
      kind: 'thank_you',
      anchor: r.iv.id,
      contact: person,
      perPerson: true,
      rule: isRecruiter ? LETTER_ONLY : THANK_YOU_CHANNELS,
      due,
      earliest: r.date,
      dueAt: dueAtMs,
      fixed: true,
      interviewDate: r.date,
      why: because(
        `Thank ${contactName(ctx, person)} within ${policy.thankYouWithin.value} hours of your ${roundLabel(r)} with ${actx.app.organization}`,
        policy.thankYouWithin.why,
      ),
    });
    if (step) out.push(step);
  }
  reflectStep(ctx, actx, r, out);
}

function reflectStep(ctx: PlanContext, actx: AppContext, r: Round, out: Draft[]): void {
  const pc = actx.app.prosCons;
  // "No pros/cons recorded": pros, cons and strengths all empty.
  if (pc.pros.length + pc.cons.length + pc.strengths.length > 0) return;
  if (completedBy(actx, 'reflect', null, r.endMs)) return;
  const offset = actx.policy.reflectAfter;
  let due: IsoDate = ctx.calendar.addBusinessDays(actx.region, r.date, offset.value);
  let reason = `${describe(offset)} after the interview: ${offset.why}`;
  const next = actx.rounds.find((o) => o.startMs > r.startMs && !o.ended);
  if (next) {
    const dayBefore = addDays(next.startDate, -1);
    if (dayBefore < due) {
      due = dayBefore < r.date ? r.date : dayBefore;
      reason = `before your round-${next.iv.round} interview: ${offset.why}`;
    }
  }
  out.push(
    seekerStep(actx, 'reflect', r.iv.id, due, because(`Reflect on ${actx.app.role} at ${actx.app.organization}: pros, cons and the areas you would excel at`, reason)),
  );
}

/** references_heads_up once per application and reference, after the first promising round. */
export function referencesSteps(ctx: PlanContext, actx: AppContext, out: Draft[]): void {
  const r = actx.ended.find((o) => o.iv.chance === 'high' || o.iv.final);
  if (!r) return;
  const refs = actx.app.references.length > 0 ? [...new Set(actx.app.references)] : ctx.referenceIds;
  const offset = actx.policy.referencesAfter;
  const due = ctx.calendar.addBusinessDays(actx.region, r.date, offset.value);
  const signal = r.iv.final ? 'final' : 'promising';
  for (const ref of refs) {
    if (completedBy(actx, 'references_heads_up', ref, r.endMs)) continue;
    const step = orgStep(ctx, actx, {
      kind: 'references_heads_up',
      anchor: 'app',
      contact: ref,
      perPerson: true,
      rule: REFERENCE_CHANNELS,
      due,
      why: because(
        `Tell ${contactName(ctx, ref)} that ${actx.app.organization} may call about ${actx.app.role} after your ${signal} ${roundLabel(r)}`,
        offset.why,
      ),
    });
    if (step) out.push(step);
  }
}
