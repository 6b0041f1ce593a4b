// The plan as an RFC 5545 calendar (ical-generator): every open step an all-day event on its
// due date (VALUE=DATE), a thank-you a timed event in UTC ending at its 24-hour deadline with
// a reminder before it. Titles and dates only: no notes, no addresses, no phone numbers.
import ical, { ICalAlarmType } from 'ical-generator';
import { addDays, parseInstant } from '../core/calendar.js';
import type { Facts, Plan } from '../core/types.js';
import { stepTitle } from './step-title.js';

/** A thank-you event: the hour before the deadline. */
const THANK_YOU_EVENT_MS = 60 * 60_000;
/** Its alarm: two hours before the event starts (three before the deadline). */
const THANK_YOU_ALARM_S = 2 * 60 * 60;

/** UTC midnight of a date: ical-generator writes all-day dates from the UTC fields. */
function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The feed; `now` stamps DTSTAMP (the feed is regenerated on every request). */
export function planToIcs(plan: Plan, facts: Facts, now: number): string {
  const calendar = ical({
    name: 'tactful follow-ups',
    prodId: { company: 'tactful', product: 'tactful', language: 'EN' },
    ttl: 60 * 60,
  });
  const stamp = new Date(now);
  for (const step of plan.steps) {
    const common = {
      id: `${step.id}@tactful`,
      stamp,
      summary: stepTitle(step, facts),
    };
    if (step.kind === 'thank_you' && step.dueAt !== null) {
      const deadline = parseInstant(step.dueAt);
      const event = calendar.createEvent({
        ...common,
        start: new Date(deadline - THANK_YOU_EVENT_MS),
        end: new Date(deadline),
      });
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: THANK_YOU_ALARM_S,
        description: common.summary,
      });
    } else {
      calendar.createEvent({
        ...common,
        start: utcDate(step.due),
        end: utcDate(addDays(step.due, 1)),
        allDay: true,
      });
    }
  }
  return calendar.toString();
}
