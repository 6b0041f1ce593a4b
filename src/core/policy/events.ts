// Step events (SPEC §3.1): done and skip end a step for good; snooze moves `due` to the later
// of due and the snooze date (default: the next business day after the snooze).
import { fastDateInZone as dateInZone, fastParseInstant as parseInstant } from './zone.js';
import type { IsoDate, StepEvent } from '../types.js';
import type { PlanContext } from './context.js';

/** The first done/skip event of a step, or null while it is open. */
export function endingEvent(ctx: PlanContext, id: string): StepEvent | null {
  const list = ctx.events.get(id);
  if (!list) return null;
  for (const e of list) if (e.action === 'done' || e.action === 'skip') return e;
  return null;
}

/** The date, in the seeker's zone, on which an event happened. */
export function eventDate(ctx: PlanContext, event: StepEvent): IsoDate {
  return dateInZone(parseInstant(event.at), ctx.zone);
}

/** The latest date any snooze of the step asks for, or null. */
export function snoozedUntil(ctx: PlanContext, id: string, region: string): IsoDate | null {
  const list = ctx.events.get(id);
  if (!list) return null;
  let until: IsoDate | null = null;
  for (const e of list) {
    if (e.action !== 'snooze') continue;
    const date = e.until ?? ctx.calendar.addBusinessDays(region, eventDate(ctx, e), 1);
    if (until === null || date > until) until = date;
  }
  return until;
}
