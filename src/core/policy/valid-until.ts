// How long a plan stays the plan: the first instant after `asOf` at which planning the same
// facts could give anything but the same steps and warnings. Lets a server answer "the plan as
// of now" from one computation until then (issue 12 §3) instead of re-planning every request.
import { addDays } from '../calendar.js';
import type { Facts, Plan } from '../types.js';
import { fastDateInZone, fastLocalToMs, fastParseInstant } from './zone.js';

/**
 * The earliest instant > `asOf` (epoch ms) at which `plan(facts, …, t)` may differ from `plan`
 * (computed as of `asOf`) other than in its `asOf` field. Where the plan reads the instant:
 * interviews end (a round stops being pending), interactions and step events become facts of
 * the past, a thank-you passes its `dueAt` (overdue), and the seeker's date turns (every other
 * date comparison). Conservative: an interview's start counts too.
 */
export function planValidUntil(facts: Facts, plan: Plan, asOf: number): number {
  const zone = facts.settings.timezone;
  const nextDay = addDays(fastDateInZone(asOf, zone), 1);
  let until = fastLocalToMs(`${nextDay}T00:00`, zone);
  const consider = (ms: number): void => {
    if (ms > asOf && ms < until) until = ms;
  };
  for (const app of facts.applications) {
    for (const iv of app.interviews) {
      const start = fastLocalToMs(iv.start, iv.timezone ?? zone);
      consider(start);
      consider(start + iv.durationMinutes * 60_000);
    }
    for (const ix of app.interactions) consider(fastParseInstant(ix.at));
  }
  for (const event of facts.stepEvents) consider(fastParseInstant(event.at));
  // A reply that arrives later holds steps from then on.
  for (const hold of facts.holds ?? []) consider(fastParseInstant(hold.at));
  // `overdue` is `asOf > dueAt`: it flips one millisecond after the deadline.
  for (const step of plan.steps)
    if (step.dueAt !== null) consider(fastParseInstant(step.dueAt) + 1);
  return until;
}
