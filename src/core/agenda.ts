// Today's agenda (SPEC §3.1 "today"): overdue, due on the as-of date, due in the next 7 days,
// and only the names those steps need. Pure; one grouping for the CLI's `today` and the web's Today,
// so both group the same way, and the web downloads a window of the plan instead of all of it.
import { addDays } from './calendar.js';
import { fastDateInZone, fastParseInstant } from './policy/zone.js';
import type { Facts, IsoDate, Plan, PlanWarning, Step } from './types.js';

/** The agenda's horizon after the as-of date (SPEC §3.1: the next 7 days). */
export const AGENDA_DAYS = 7;

export interface AgendaGroups {
  asOfDate: IsoDate;
  overdue: Step[];
  today: Step[];
  upcoming: Step[];
  /** Steps held by an unread reply (SPEC §3): not due until the seeker reads it. */
  held: Step[];
  /** Open steps after the window: how many, and the first one (for the empty state). */
  later: { count: number; next: Step | null };
}

/** Splits the plan's steps by the seeker's as-of date. */
export function groupSteps(plan: Plan, timezone: string): AgendaGroups {
  const asOfDate = fastDateInZone(fastParseInstant(plan.asOf), timezone);
  const horizon = addDays(asOfDate, AGENDA_DAYS);
  const groups: AgendaGroups = {
    asOfDate,
    overdue: [],
    today: [],
    upcoming: [],
    held: [],
    later: { count: 0, next: null },
  };
  for (const step of plan.steps) {
    if (step.heldBy !== undefined) groups.held.push(step);
    else if (step.overdue) groups.overdue.push(step);
    else if (step.due <= asOfDate) groups.today.push(step);
    else if (step.due <= horizon) groups.upcoming.push(step);
    else {
      groups.later.count += 1;
      groups.later.next ??= step;
    }
  }
  return groups;
}

export interface AgendaApplication {
  id: string;
  organization: string;
  role: string;
}

export interface AgendaContact {
  id: string;
  name: string;
  linkedin: string | null;
}

/** What the web's Today shows: the agenda window and the names it displays, nothing more. */
export interface Agenda extends AgendaGroups {
  /** First, as in the plan document (the cache writes each answer's instant here). */
  asOf: string;
  timezone: string;
  warnings: PlanWarning[];
  /** The applications and contacts the listed steps and warnings name, by id ascending. */
  applications: AgendaApplication[];
  contacts: AgendaContact[];
  /** All applications on file (0: the first-run screen). */
  applicationCount: number;
}

export function agendaOf(plan: Plan, facts: Facts): Agenda {
  const timezone = facts.settings.timezone;
  const { asOfDate, overdue, today, upcoming, held, later } = groupSteps(plan, timezone);
  const shown = [...overdue, ...today, ...upcoming, ...held, ...(later.next ? [later.next] : [])];
  const appIds = new Set<string>(shown.map((s) => s.application));
  for (const w of plan.warnings) if (w.application !== null) appIds.add(w.application);
  const contactIds = new Set<string>(shown.flatMap((s) => s.to));
  return {
    asOf: plan.asOf,
    asOfDate,
    timezone,
    warnings: plan.warnings,
    overdue,
    today,
    upcoming,
    held,
    later,
    applications: facts.applications
      .filter((a) => appIds.has(a.id))
      .map((a) => ({ id: a.id, organization: a.organization, role: a.role })),
    contacts: facts.contacts
      .filter((c) => contactIds.has(c.id))
      .map((c) => ({ id: c.id, name: c.name, linkedin: c.linkedin })),
    applicationCount: facts.applications.length,
  };
}
