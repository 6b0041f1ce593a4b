// Search-health figures for the Insights page, computed from the facts as of an instant
// (facts dated after it are ignored, as in the plan). Pure.
import { localToEpochMs } from '../core/calendar.js';
import type { TimedInteraction } from '../core/policy/context.js';
import { countStatuses, interactionsAsOf } from '../core/status.js';
import { SOURCES, type ApplicationStatus, type Facts, type Source } from '../core/types.js';

export interface SourceInsight {
  source: Source;
  applications: number;
  /** Applications with an inbound interaction after an outbound one. */
  responded: number;
  /** responded / applications; null without applications. */
  responseRate: number | null;
  /** Median days from the first outbound message to the first inbound one after it. */
  medianResponseDays: number | null;
}

export interface Insights {
  pipeline: Record<ApplicationStatus, number>;
  bySource: SourceInsight[];
  /** Share of interviews thanked within 24 h of their end; null when none can be judged yet. */
  thankYouOnTimeRate: number | null;
  activeCount: number;
  activeTarget: number;
}

const DAY_MS = 86_400_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Days from the first outbound message to the first inbound one after it; null if none. */
function responseDays(interactions: TimedInteraction[]): number | null {
  const firstOut = interactions.find((t) => t.ix.direction === 'out');
  if (!firstOut) return null;
  const reply = interactions.find((t) => t.ix.direction === 'in' && t.ms > firstOut.ms);
  return reply ? (reply.ms - firstOut.ms) / DAY_MS : null;
}

export function computeInsights(facts: Facts, asOf: number): Insights {
  // The board counts with the same function: its columns and these bars always agree.
  const counts = countStatuses(facts.applications, asOf);
  const perSource = new Map<Source, { applications: number; days: number[] }>(
    SOURCES.map((s) => [s, { applications: 0, days: [] }]),
  );
  let thanked = 0;
  let judged = 0;
  for (const app of facts.applications) {
    const interactions = interactionsAsOf(app, asOf);
    const bucket = perSource.get(app.source)!;
    bucket.applications += 1;
    const days = responseDays(interactions);
    if (days !== null) bucket.days.push(days);

    const thankYous = interactions.filter(
      (t) => t.ix.direction === 'out' && t.ix.kind === 'thank_you',
    );
    for (const interview of app.interviews) {
      if (interview.interviewers.length === 0) continue;
      const end =
        localToEpochMs(interview.start, interview.timezone ?? facts.settings.timezone) +
        interview.durationMinutes * 60_000;
      if (end > asOf) continue;
      const onTime = thankYous.some((t) => t.ms >= end && t.ms <= end + DAY_MS);
      // An interview still inside its 24 hours is judged only once it has been thanked.
      if (!onTime && end + DAY_MS > asOf) continue;
      judged += 1;
      if (onTime) thanked += 1;
    }
  }
  return {
    pipeline: counts.byStatus,
    bySource: SOURCES.map((source) => {
      const { applications, days } = perSource.get(source)!;
      const m = median(days);
      return {
        source,
        applications,
        responded: days.length,
        responseRate: applications === 0 ? null : round2(days.length / applications),
        medianResponseDays: m === null ? null : Math.round(m * 10) / 10,
      };
    }),
    thankYouOnTimeRate: judged === 0 ? null : round2(thanked / judged),
    activeCount: counts.active,
    activeTarget: facts.settings.activeTarget,
  };
}
