// The one definition of an application's status as of an instant and of "active" (SPEC §3.1
// "Outcomes and search health"), shared by the board, Insights and the plan's search health.
import { parseInstant } from './calendar.js';
import { effectiveStatus, type TimedInteraction } from './policy/context.js';
import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from './types.js';

/** *Active* means `active` or `offer`. */
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = ['active', 'offer'];

export function isActiveStatus(status: ApplicationStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** The application's interactions up to `asOf` (epoch ms), oldest first. */
export function interactionsAsOf(app: Application, asOf: number): TimedInteraction[] {
  return app.interactions
    .map((ix) => ({ ix, ms: parseInstant(ix.at), date: ix.at.slice(0, 10) }))
    .filter((t) => t.ms <= asOf)
    .sort((a, b) => a.ms - b.ms || (a.ix.id < b.ix.id ? -1 : 1));
}

/** The status the facts imply as of `asOf`: facts dated later are ignored. */
export function statusAsOf(app: Application, asOf: number): ApplicationStatus {
  return effectiveStatus(app, interactionsAsOf(app, asOf));
}

export interface StatusCounts {
  byStatus: Record<ApplicationStatus, number>;
  /** Applications whose status is in ACTIVE_STATUSES. */
  active: number;
}

/** How many applications have each effective status as of `asOf`. */
export function countStatuses(applications: readonly Application[], asOf: number): StatusCounts {
  const byStatus = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<
    ApplicationStatus,
    number
  >;
  for (const app of applications) byStatus[statusAsOf(app, asOf)] += 1;
  return { byStatus, active: ACTIVE_STATUSES.reduce((n, s) => n + byStatus[s], 0) };
}
