// plan(): the pure function of SPEC §2/§3 — every open step and warning of one seeker's facts
// as of an instant. No clock, no I/O; the same facts always give the same plan and ids.
import type { BusinessCalendar } from '../calendar.js';
import { fastFormatInstant as formatInstant, fastParseInstant } from './zone.js';
import { STEP_KINDS, type Facts, type Plan, type PlanWarning, type PresetName, type Step } from '../types.js';
import { buildPlanContext, prepareApplication, type AppContext, type Draft, type PlanContext } from './context.js';
import { endingEvent, snoozedUntil } from './events.js';
import { answerOfferStep, latestAccept, mustWithdraw, offerUpdateSteps, rejectionSteps, standingOffers, withdrawStep } from './outcomes.js';
import { pace } from './pacing.js';
import type { Policy } from './presets.js';
import { debriefSteps, latestRoundSteps, referencesSteps, roundState } from './rounds.js';
import { statusChainSteps } from './status-chain.js';
import { lateThankYou, missingRound, searchHealth } from './warnings.js';

const RANK = new Map(STEP_KINDS.map((k, i) => [k, i]));
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every open step and warning as of `asOf` (epoch ms). Pure and deterministic. */
export function plan(
  facts: Facts,
  policies: Record<PresetName, Policy>,
  calendar: BusinessCalendar,
  asOf: number,
): Plan {
  const ctx = buildPlanContext(facts, policies, calendar, asOf);
  const actxs: AppContext[] = [];
  facts.applications.forEach((a, i) => {
    // Applications created after as-of are facts of the future.
    if (a.createdOn === null || a.createdOn <= ctx.asOfDate) actxs.push(prepareApplication(ctx, a, i));
  });
  actxs.sort((a, b) => byString(a.app.id, b.app.id));

  const drafts: Draft[] = [];
  const accept = latestAccept(actxs);
  const offers = standingOffers(actxs);
  for (const actx of actxs) {
    if (accept && mustWithdraw(actx, accept)) {
      // A withdraw replaces every other step of the application.
      const step = withdrawStep(ctx, actx, accept);
      if (step) drafts.push(step);
      continue;
    }
    applicationSteps(ctx, actx, offers, drafts);
  }

  const open = drafts.filter((d) => endingEvent(ctx, d.id) === null);
  for (const d of open) {
    const until = snoozedUntil(ctx, d.id, d.region);
    if (until && until > d.due) d.due = until;
  }
  pace(open, actxs, calendar, ctx.warnings);

  const byApp = new Map(actxs.map((a) => [a.app.id, a]));
  for (const d of open) {
    const late = lateThankYou(ctx, byApp.get(d.application)!, d);
    if (late) ctx.warnings.push(late);
  }
  const health = searchHealth(ctx, actxs);
  if (health) ctx.warnings.push(health);

  const held = heldApplications(facts, asOf);
  return {
    asOf: formatInstant(asOf),
    steps: open.map((d) => toStep(ctx, d, held)).sort(compareSteps),
    warnings: ctx.warnings.sort(compareWarnings),
  };
}

function applicationSteps(
  ctx: PlanContext,
  actx: AppContext,
  offers: ReturnType<typeof standingOffers>,
  out: Draft[],
): void {
  switch (actx.status) {
    case 'rejected':
      rejectionSteps(ctx, actx, out);
      return;
    case 'active':
    case 'offer': {
      const rounds = roundState(actx);
      for (const id of rounds.missing) ctx.warnings.push(missingRound(actx, id));
      debriefSteps(ctx, actx, out);
      latestRoundSteps(ctx, actx, out);
      referencesSteps(ctx, actx, out);
      statusChainSteps(ctx, actx, rounds.pending, out);
      offerUpdateSteps(ctx, actx, offers, out);
      answerOfferStep(ctx, actx, out);
      return;
    }
    default:
      // accepted, withdrawn, closed: their outcome calls for nothing more on this application.
      return;
  }
}

/**
 * SPEC §3 "Held by an unread reply": application → the message holding it (the earliest to
 * arrive, then the lowest id), among those that arrived by `asOf`.
 */
function heldApplications(facts: Facts, asOf: number): Map<string, string> {
  const held = new Map<string, { message: string; at: number }>();
  for (const h of facts.holds ?? []) {
    const at = fastParseInstant(h.at);
    if (at > asOf) continue;
    const seen = held.get(h.application);
    if (!seen || at < seen.at || (at === seen.at && h.message < seen.message))
      held.set(h.application, { message: h.message, at });
  }
  return new Map([...held].map(([app, h]) => [app, h.message]));
}

function toStep(ctx: PlanContext, d: Draft, held: ReadonlyMap<string, string>): Step {
  // Outbound steps (those with recipients) wait for the seeker to read the reply; they keep
  // their dates but are not due meanwhile.
  const heldBy = d.to.length > 0 ? held.get(d.application) : undefined;
  if (heldBy !== undefined)
    return {
      ...toStep(ctx, d, new Map()),
      overdue: false,
      heldBy,
    };
  return {
    id: d.id,
    application: d.application,
    kind: d.kind,
    to: d.to,
    channel: d.channel,
    earliest: d.earliest,
    due: d.due,
    dueAt: d.dueAt === null ? null : formatInstant(d.dueAt),
    overdue: d.dueAt !== null ? ctx.asOf > d.dueAt : d.due < ctx.asOfDate,
    why: d.why,
  };
}

function compareSteps(a: Step, b: Step): number {
  return byString(a.due, b.due) || RANK.get(a.kind)! - RANK.get(b.kind)! || byString(a.id, b.id);
}

// Global warnings (application null) first, then by application, kind and message.
function compareWarnings(a: PlanWarning, b: PlanWarning): number {
  return (
    byString(a.application ?? '', b.application ?? '') || byString(a.kind, b.kind) || byString(a.message, b.message)
  );
}
