// Outcomes (SPEC §3 table, §3.1 "Outcomes"): offer_update on other applications, withdraw
// after an accept, and the rejection flow (final_thanks, connect, keep_warm).
import { ANSWER_OFFER_CHANNELS, CONNECT_CHANNELS, ORGANISATION_CHANNELS } from './channels.js';
import { completedBy, contactName, type AppContext, type Draft, type PlanContext, type TimedInteraction } from './context.js';
import { applyOffset } from './dates.js';
import { orgStep } from './steps.js';
import { because, describe } from './why.js';

interface Trigger {
  actx: AppContext;
  t: TimedInteraction;
}

function latestOf(actx: AppContext, direction: 'in' | 'out', kind: string): TimedInteraction | null {
  for (let i = actx.interactions.length - 1; i >= 0; i--) {
    const t = actx.interactions[i]!;
    if (t.ix.direction === direction && t.ix.kind === kind) return t;
  }
  return null;
}

/** The latest outbound accept among applications still accepted (one accept drives the withdrawals), or null. */
export function latestAccept(actxs: AppContext[]): Trigger | null {
  let best: Trigger | null = null;
  for (const actx of actxs) {
    if (actx.status !== 'accepted') continue;
    const t = latestOf(actx, 'out', 'accept');
    if (t && (!best || t.ms > best.t.ms || (t.ms === best.t.ms && t.ix.id > best.t.ix.id))) best = { actx, t };
  }
  return best;
}

/** withdraw on an active application once another was accepted; it replaces every other step. */
export function withdrawStep(ctx: PlanContext, actx: AppContext, accept: Trigger): Draft | null {
  const offset = actx.policy.withdrawAfter;
  return orgStep(ctx, actx, {
    kind: 'withdraw',
    anchor: accept.t.ix.id,
    contact: actx.lead,
    perPerson: false,
    rule: ORGANISATION_CHANNELS,
    due: ctx.calendar.addBusinessDays(actx.region, accept.t.date, offset.value),
    why: because(
      `Withdraw from ${actx.app.role} at ${actx.app.organization}: you accepted ${accept.actx.app.organization}; thank them and leave on good terms`,
      offset.why,
    ),
  });
}

/** Whether `actx` needs a withdraw: active (or in offer) now, and already created on the accept date. */
export function mustWithdraw(actx: AppContext, accept: Trigger): boolean {
  if (actx === accept.actx) return false;
  if (actx.status !== 'active' && actx.status !== 'offer') return false;
  return actx.app.createdOn === null || actx.app.createdOn <= accept.t.date;
}

/** Standing offers: inbound offers on applications still in `offer`, in time order. */
export function standingOffers(actxs: AppContext[]): Trigger[] {
  const offers: Trigger[] = [];
  for (const actx of actxs) {
    // An offer that was since accepted or declined no longer needs mentioning elsewhere.
    if (actx.status !== 'offer') continue;
    for (const t of actx.interactions) if (t.ix.direction === 'in' && t.ix.kind === 'offer') offers.push({ actx, t });
  }
  return offers.sort((a, b) => a.t.ms - b.t.ms || (a.t.ix.id < b.t.ix.id ? -1 : 1));
}

/** offer_update on `actx` for each standing offer made while it awaited a decision. */
export function offerUpdateSteps(ctx: PlanContext, actx: AppContext, offers: Trigger[], out: Draft[]): void {
  if (actx.status !== 'active' || actx.ended.length === 0 || offers.length === 0) return;
  const firstEnd = actx.ended[0]!.endMs;
  const { calendar } = ctx;
  const { policy, region } = actx;
  // Offers are in time order: start at the first one made after this application's first round ended.
  let lo = 0;
  let hi = offers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offers[mid]!.t.ms < firstEnd) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < offers.length; i++) {
    const offer = offers[i]!;
    if (offer.actx === actx) continue;
    const next = offers[i + 1]?.t.ms ?? Infinity;
    if (completedBy(actx, 'offer_update', actx.lead, offer.t.ms, next)) continue;
    const offerDate = offer.t.date;
    let due = calendar.addBusinessDays(region, offerDate, policy.offerUpdateAfter.value);
    let reason = policy.offerUpdateAfter.why;
    let bound = false;
    const deadline = offer.t.ix.offerDeadline;
    if (deadline) {
      const beforeDeadline = calendar.addBusinessDays(region, deadline, -policy.offerUpdateBeforeDeadline.value);
      if (beforeDeadline < due) {
        due = beforeDeadline < offerDate ? offerDate : beforeDeadline;
        reason = `${policy.offerUpdateBeforeDeadline.why} (${deadline})`;
        // "Bound": the deadline set the date, so pacing must not move it.
        bound = true;
      }
    }
    const step = orgStep(ctx, actx, {
      kind: 'offer_update',
      anchor: offer.t.ix.id,
      contact: actx.lead,
      perPerson: false,
      rule: ORGANISATION_CHANNELS,
      due,
      fixed: bound,
      why: because(
        `Let ${actx.lead ? contactName(ctx, actx.lead) : actx.app.organization} know in passing that you have an offer from ${offer.actx.app.organization}`,
        reason,
      ),
    });
    if (step) out.push(step);
  }
}

// Outbound kinds that settle the seeker's answer to an offer on the same application.
const ANSWERS = new Set<string>(['answer_offer', 'accept', 'withdraw']);

/**
 * answer_offer (SPEC §3 "Answering an offer"): while the application is in `offer` and its latest
 * offer has a deadline, one step to the person who made the offer (else the lead contact), due
 * deadline − 1 bd but never before the offer (its date, or the next business day after a weekend
 * or holiday offer). Never moved by pacing; stays overdue after the deadline.
 */
export function answerOfferStep(ctx: PlanContext, actx: AppContext, out: Draft[]): void {
  if (actx.status !== 'offer') return;
  const offer = latestOf(actx, 'in', 'offer');
  const deadline = offer?.ix.offerDeadline;
  if (!offer || !deadline) return;
  for (const t of actx.interactions) {
    if (t.ix.direction === 'out' && t.ms >= offer.ms && ANSWERS.has(t.ix.kind)) return;
  }
  const { calendar } = ctx;
  const { policy, region, app } = actx;
  const before = policy.answerOfferBeforeDeadline;
  let due = calendar.addBusinessDays(region, deadline, -before.value);
  let reason = `${describe(before)} before the deadline ${deadline}: ${before.why}`;
  if (due < offer.date) {
    due = calendar.rollForward(region, offer.date);
    reason = `the deadline ${deadline} leaves little time, so answer as soon as you can: ${before.why}`;
  }
  const to = offer.ix.contacts[0] ?? actx.lead;
  const step = orgStep(ctx, actx, {
    kind: 'answer_offer',
    anchor: offer.ix.id,
    contact: to,
    perPerson: false,
    rule: ANSWER_OFFER_CHANNELS,
    due,
    fixed: true,
    why: because(
      `Answer ${to ? contactName(ctx, to) : app.organization}'s offer for ${app.role} at ${app.organization}: accept, or decline gracefully`,
      reason,
    ),
  });
  if (step) out.push(step);
}

/**
 * final_thanks, connect (each interviewer of an ended round with LinkedIn) and keep_warm after the
 * latest inbound rejection; a stored `rejected` status without one has no date to count from.
 */
export function rejectionSteps(ctx: PlanContext, actx: AppContext, out: Draft[]): void {
  const rejection = latestOf(actx, 'in', 'rejection');
  if (!rejection) return;
  const { calendar } = ctx;
  const { policy, region, app } = actx;
  const teller = rejection.ix.contacts[0] ?? actx.lead;
  const name = teller ? contactName(ctx, teller) : app.organization;
  const anchor = rejection.ix.id;
  if (!completedBy(actx, 'final_thanks', teller, rejection.ms)) {
    const step = orgStep(ctx, actx, {
      kind: 'final_thanks',
      anchor,
      contact: teller,
      perPerson: false,
      rule: ORGANISATION_CHANNELS,
      due: applyOffset(calendar, region, rejection.date, policy.finalThanksAfter),
      why: because(`Thank ${name} again and ask for feedback and tips`, policy.finalThanksAfter.why),
    });
    if (step) out.push(step);
  }
  const interviewers = new Set<string>();
  for (const r of actx.ended) for (const p of r.iv.interviewers) interviewers.add(p);
  for (const person of interviewers) {
    if (!ctx.contacts.get(person)?.linkedin) continue;
    if (completedBy(actx, 'connect', person, rejection.ms)) continue;
    const step = orgStep(ctx, actx, {
      kind: 'connect',
      anchor,
      contact: person,
      perPerson: true,
      rule: CONNECT_CHANNELS,
      due: applyOffset(calendar, region, rejection.date, policy.connectAfter),
      why: because(`Invite ${contactName(ctx, person)} to connect on LinkedIn`, policy.connectAfter.why),
    });
    if (step) out.push(step);
  }
  if (!completedBy(actx, 'keep_warm', teller, rejection.ms)) {
    const step = orgStep(ctx, actx, {
      kind: 'keep_warm',
      anchor,
      contact: teller,
      perPerson: false,
      rule: ORGANISATION_CHANNELS,
      due: applyOffset(calendar, region, rejection.date, policy.keepWarmAfter),
      why: because(`Get back in touch with ${name} at ${app.organization}`, policy.keepWarmAfter.why),
    });
    if (step) out.push(step);
  }
}
