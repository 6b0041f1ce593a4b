// The cadence after the latest round (SPEC §3.1): status_check chain, dragging, check_in ×2,
// move_on. Skipped chain steps count as sent on their due date for timing, not as unanswered.
import type { IsoDate, StepKind } from '../types.js';
import { EMAIL_ONLY, STATUS_CHECK_CHANNELS } from './channels.js';
import { completedBy, contactName, type AppContext, type Draft, type PlanContext, type TimedInteraction } from './context.js';
import { applyOffset, later } from './dates.js';
import { endingEvent, eventDate } from './events.js';
import { stepId } from './ids.js';
import { rhythmKey } from './presets.js';
import { orgStep, seekerStep } from './steps.js';
import { because, describe } from './why.js';

// Outbound kinds that do not count as contacting the organisation (`other` does count).
const NOT_ORGANISATION_CONTACT = new Set<string>(['references_heads_up', 'accept', 'debrief', 'reflect', 'move_on']);
// A chain never needs more iterations than this; it guards against runaway skip events.
const MAX_CHAIN = 64;

interface Cadence {
  anchorMs: number;
  anchorId: string;
  reply: TimedInteraction | null;
  decisionDate: IsoDate | null;
  lastOrgContact: IsoDate | null;
  lastInbound: IsoDate | null;
}

function cadence(actx: AppContext): Cadence {
  const latest = actx.latest!;
  let reply: TimedInteraction | null = null;
  let decisionDate = latest.iv.decisionExpectedBy;
  let lastOrgContact: IsoDate | null = null;
  let lastInbound: IsoDate | null = null;
  for (const t of actx.interactions) {
    const ix = t.ix;
    if (ix.direction === 'in') {
      lastInbound = t.date;
      if ((ix.kind === 'reply' || ix.kind === 'update') && t.ms > latest.endMs) {
        reply = t;
        if (ix.newDecisionDate) decisionDate = ix.newDecisionDate;
      }
    } else if (!NOT_ORGANISATION_CONTACT.has(ix.kind)) {
      lastOrgContact = t.date;
    }
  }
  return {
    anchorMs: reply ? reply.ms : latest.endMs,
    anchorId: reply ? reply.ix.id : latest.iv.id,
    reply,
    decisionDate,
    lastOrgContact,
    lastInbound,
  };
}

function loggedAfter(actx: AppContext, kind: StepKind, ms: number): TimedInteraction[] {
  return actx.interactions.filter((t) => t.ix.direction === 'out' && t.ix.kind === kind && t.ms > ms);
}

/** Plans the status chain, or once dragging the check-ins and move_on. Only for active, settled applications. */
export function statusChainSteps(ctx: PlanContext, actx: AppContext, pending: boolean, out: Draft[]): void {
  // An application in `offer` gets no status checks — nor check-ins or move_on: the seeker holds the next move.
  if (actx.status !== 'active' || !actx.latest || pending) return;
  const { calendar } = ctx;
  const { policy, region, app } = actx;
  const latest = actx.latest;
  const c = cadence(actx);
  const logged = loggedAfter(actx, 'status_check', c.anchorMs);
  const limit = policy.unansweredLimit[app.source];
  const dragBase = later(latest.date, c.reply?.date);
  const dragDate = applyOffset(calendar, region, dragBase, policy.dragAfter, false);
  let dragging = ctx.asOfDate >= dragDate || (c.reply?.ix.onHold ?? false);

  const key = rhythmKey(app.source, latest.iv.quickDecision);
  const repeat = policy.repeatStatusCheck[key];
  const first = policy.firstStatusCheck[key];
  const awayUntil = latest.iv.unavailableUntil
    ? calendar.addBusinessDays(region, latest.iv.unavailableUntil, policy.afterUnavailable.value)
    : null;
  let sent = 0;
  let consumed = 0;
  let anyAfter = false;
  let lastOrg = c.lastOrgContact;
  const channels = STATUS_CHECK_CHANNELS[app.source];

  const nextDue = (): [IsoDate, string] => {
    let due: IsoDate;
    let reason: string;
    if (anyAfter && lastOrg) {
      due = applyOffset(calendar, region, lastOrg, repeat);
      reason = `${describe(repeat)} after your last message: ${repeat.why}`;
    } else if (c.reply) {
      due = applyOffset(calendar, region, c.reply.date, repeat);
      reason = `${describe(repeat)} after their reply: ${repeat.why}`;
      if (c.decisionDate) {
        const afterDecision = calendar.addBusinessDays(region, c.decisionDate, policy.afterDecisionDate.value);
        if (afterDecision > due) {
          due = afterDecision;
          reason = `the day after the decision date ${c.decisionDate}: ${policy.afterDecisionDate.why}`;
        }
      }
    } else if (c.decisionDate) {
      due = calendar.addBusinessDays(region, c.decisionDate, policy.afterDecisionDate.value);
      reason = `${describe(policy.afterDecisionDate)} after the decision date ${c.decisionDate}: ${policy.afterDecisionDate.why}`;
    } else {
      due = applyOffset(calendar, region, latest.date, first);
      reason = `${describe(first)} after the interview: ${first.why}`;
    }
    if (awayUntil && awayUntil > due) {
      due = awayUntil;
      reason = `they are away until ${latest.iv.unavailableUntil}: ${policy.afterUnavailable.why}`;
    }
    return [due, reason];
  };

  // Positions with a skip event are skipped; the others are filled by logged checks in order.
  for (let position = 1; !dragging && position <= MAX_CHAIN; position++) {
    if (sent >= limit.value) {
      dragging = true;
      break;
    }
    const id = stepId(app.id, 'status_check', c.anchorId, position);
    const ended = endingEvent(ctx, id);
    if (ended?.action === 'skip') {
      lastOrg = later(nextDue()[0], lastOrg);
      anyAfter = true;
      continue;
    }
    if (consumed < logged.length || ended) {
      // A done event with no logged interaction counts as a check sent on the event's date.
      if (consumed < logged.length) consumed += 1;
      else lastOrg = later(eventDate(ctx, ended!), lastOrg);
      sent += 1;
      anyAfter = true;
      continue;
    }
    const [due, reason] = nextDue();
    const step = orgStep(ctx, actx, {
      kind: 'status_check',
      anchor: c.anchorId,
      n: position,
      contact: actx.lead,
      perPerson: false,
      rule: channels,
      due,
      why: because(`Ask ${actx.lead ? contactName(ctx, actx.lead) : 'them'} politely for an update on ${app.role} at ${app.organization}`, reason),
    });
    if (step) out.push(step);
    return;
  }
  if (dragging) checkInSteps(ctx, actx, c, lastOrg, out);
}

function checkInSteps(ctx: PlanContext, actx: AppContext, c: Cadence, lastOrg: IsoDate | null, out: Draft[]): void {
  const { calendar } = ctx;
  const { policy, region, app } = actx;
  const every = policy.checkInEvery;
  const logged = loggedAfter(actx, 'check_in', c.anchorMs).map((t) => t.date);
  let lastCheckIn: IsoDate | null = null;
  let consumed = 0;
  const done: IsoDate[] = [];
  const base = later(later(actx.latest!.date, lastOrg), c.lastInbound);

  for (let position = 1; position <= MAX_CHAIN; position++) {
    if (done.length >= policy.checkInMax.value) {
      moveOnStep(ctx, actx, c, done[policy.checkInMax.value - 1]!, out);
      return;
    }
    const id = stepId(app.id, 'check_in', c.anchorId, position);
    const ended = endingEvent(ctx, id);
    const due = applyOffset(calendar, region, lastCheckIn ?? base, every);
    if (ended?.action === 'skip') {
      lastCheckIn = due;
      continue;
    }
    if (consumed < logged.length || ended) {
      lastCheckIn = consumed < logged.length ? logged[consumed++]! : eventDate(ctx, ended!);
      done.push(lastCheckIn);
      continue;
    }
    const step = orgStep(ctx, actx, {
      kind: 'check_in',
      anchor: c.anchorId,
      n: position,
      contact: actx.lead,
      perPerson: false,
      rule: EMAIL_ONLY,
      due,
      why: because(
        `Check in with ${actx.lead ? contactName(ctx, actx.lead) : app.organization} with something of value (an article, congratulations), never asking "did I get the job"`,
        every.why,
      ),
    });
    if (step) out.push(step);
    return;
  }
}

function moveOnStep(ctx: PlanContext, actx: AppContext, c: Cadence, secondCheckIn: IsoDate, out: Draft[]): void {
  const offset = actx.policy.moveOnAfter;
  if (completedBy(actx, 'move_on', null, c.anchorMs)) return;
  // Steps to the seeker never move: no roll to a business day.
  const due = applyOffset(ctx.calendar, actx.region, secondCheckIn, offset, false);
  out.push(
    seekerStep(
      actx,
      'move_on',
      c.anchorId,
      due,
      because(`Close ${actx.app.role} at ${actx.app.organization} as no response and focus elsewhere`, offset.why),
    ),
  );
}
