// done / skip / snooze on a step of the current plan (SPEC §3.1 "Steps, ids and user actions").
import { dateInZone, formatInstant, maxDate, parseInstant } from '../core/calendar.js';
import { dateProblem, dayLabel } from '../core/date-input.js';
import type { BusinessCalendar } from '../core/calendar.js';
import { DomainError } from '../core/errors.js';
import {
  SEEKER_STEP_KINDS,
  STEP_ACTIONS,
  type Facts,
  type Interaction,
  type IsoDate,
  type PlanWarning,
  type Step,
  type StepAction,
  type StepEvent,
} from '../core/types.js';
import { stepActionSummary } from './activity-labels.js';
import { storeInteraction } from './log-interaction.js';
import { planOf } from './plan-for.js';
import type { Clock, UnitOfWork } from './ports.js';

/** The summary of the outbound message that `done` logs. */
export const DONE_SUMMARY = 'Marked done in tactful';

export interface StepActionInput {
  stepId: string;
  action: StepAction;
  until?: IsoDate | undefined;
}

export interface StepActionResult {
  step: Step;
  event: StepEvent;
  /** The outbound interaction `done` logged (null for skip, snooze and the seeker's own steps). */
  interaction: Interaction | null;
  warnings: PlanWarning[];
}

/**
 * Stores the step event; `done` also logs the step's outbound message now, and `done` on
 * `move_on` closes the application. Unknown step → `not_found`.
 */
export async function recordStepAction(
  uow: UnitOfWork,
  calendar: BusinessCalendar,
  clock: Clock,
  input: StepActionInput,
): Promise<StepActionResult> {
  if (!(STEP_ACTIONS as readonly string[]).includes(input.action)) {
    throw new DomainError(
      'invalid_input',
      `action must be one of ${STEP_ACTIONS.join(', ')}`,
      'action',
    );
  }
  if (input.until !== undefined) {
    if (input.action !== 'snooze') {
      throw new DomainError('invalid_input', 'can only be given with snooze', 'until');
    }
    const problem = dateProblem(input.until);
    if (problem) throw new DomainError('invalid_date', problem, 'until');
  }
  const now = clock.now();
  return uow.transaction(async (repo) => {
    const facts = await repo.loadFacts();
    const step = planOf(facts, calendar, now).steps.find((s) => s.id === input.stepId);
    // A double click (or a retried request) is one fact: the same action again answers the
    // first one's result and writes nothing.
    const replay = replayOf(facts, calendar, input, step);
    if (replay) return replay;
    if (!step)
      throw new DomainError('not_found', `no open step with id "${input.stepId}"`, 'stepId');
    const application = facts.applications.find((a) => a.id === step.application)!;

    let until: IsoDate | null = null;
    if (input.action === 'snooze') {
      const bounds = snoozeBoundsOf(facts, calendar, step, now);
      until = input.until ?? bounds.suggested;
      if (until <= bounds.after) {
        const what = bounds.after === step.due ? "the step's due date" : 'today';
        throw new DomainError(
          'invalid_input',
          `must be after ${what}, ${dayLabel(bounds.after)}`,
          'until',
        );
      }
    }
    const at = eventInstant(facts, step.id, input.action, now);
    const event: StepEvent = { stepId: step.id, action: input.action, at, until };
    await repo.addStepEvent(event);

    let interaction: Interaction | null = null;
    let warnings: PlanWarning[] = [];
    if (input.action === 'done') {
      if (!SEEKER_STEP_KINDS.includes(step.kind)) {
        ({ interaction, warnings } = await storeInteraction(repo, step.application, {
          at: formatInstant(now),
          direction: 'out',
          kind: step.kind,
          channel: step.channel,
          contacts: step.to,
          // Words, not the step id: the timeline, the CLI and exports show it to the seeker.
          summary: DONE_SUMMARY,
        }));
      }
      if (step.kind === 'move_on') {
        const { interviews: _v, interactions: _x, ...fields } = application;
        await repo.upsertApplication({ ...fields, status: 'closed' });
      }
    }
    // Named last: storeInteraction names its own write "Logged …".
    repo.describeActivity({
      kind: input.action === 'done' && step.kind === 'move_on' ? 'close' : input.action,
      summary: stepActionSummary(
        input.action,
        step.kind,
        step.to,
        application,
        facts.contacts,
        until,
      ),
    });
    return { step, event, interaction, warnings };
  });
}

/**
 * The result of the step's latest event when this request repeats it: `done` or `skip` of a
 * step that is no longer open, or `snooze` to the date the step is already snoozed to.
 * (A snooze without a date means "one more business day" each time, so it is never a repeat.)
 */
function replayOf(
  facts: Facts,
  calendar: BusinessCalendar,
  input: StepActionInput,
  open: Step | undefined,
): StepActionResult | null {
  const own = facts.stepEvents.filter((e) => e.stepId === input.stepId);
  const last = own.reduce<StepEvent | undefined>(
    (latest, e) => (latest === undefined || e.at >= latest.at ? e : latest),
    undefined,
  );
  if (!last || last.action !== input.action) return null;
  if (input.action === 'snooze' ? input.until !== last.until : open !== undefined) return null;
  // The step as it was planned just before that event: the facts without it (and without the
  // message `done` logged with it), as of the event's instant.
  const at = parseInstant(last.at);
  const logged = (x: Interaction) =>
    last.action === 'done' &&
    x.direction === 'out' &&
    x.summary === DONE_SUMMARY &&
    Math.abs(parseInstant(x.at) - at) < 1000;
  const before: Facts = {
    ...facts,
    stepEvents: facts.stepEvents.filter((e) => e !== last),
    applications: facts.applications.map((a) => ({
      ...a,
      interactions: a.interactions.filter((x) => !logged(x)),
    })),
  };
  const step = planOf(before, calendar, at).steps.find((s) => s.id === input.stepId);
  if (!step) return null;
  const interaction =
    facts.applications
      .find((a) => a.id === step.application)
      ?.interactions.find((x) => logged(x) && x.kind === step.kind) ?? null;
  return { step, event: last, interaction, warnings: [] };
}

export interface SnoozeBounds {
  /** A snooze date must be later than this: the step's due date, or today when it is overdue. */
  after: IsoDate;
  /** The default: the next business day after `after` in the application's region. */
  suggested: IsoDate;
}

function snoozeBoundsOf(
  facts: Facts,
  calendar: BusinessCalendar,
  step: Step,
  now: number,
): SnoozeBounds {
  const application = facts.applications.find((a) => a.id === step.application);
  const region = application?.region ?? facts.settings.region;
  const after = maxDate(step.due, dateInZone(now, facts.settings.timezone))!;
  return { after, suggested: calendar.addBusinessDays(region, after, 1) };
}

/** The snooze dates a step accepts now (the web's date picker starts at `suggested`). */
export async function snoozeBounds(
  uow: UnitOfWork,
  calendar: BusinessCalendar,
  clock: Clock,
  stepId: string,
): Promise<SnoozeBounds & { step: Step }> {
  const now = clock.now();
  const facts = await uow.read((repo) => repo.loadFacts());
  const step = planOf(facts, calendar, now).steps.find((s) => s.id === stepId);
  if (!step) throw new DomainError('not_found', `no open step with id "${stepId}"`, 'stepId');
  return { ...snoozeBoundsOf(facts, calendar, step, now), step };
}

/**
 * Now to the second (SPEC §3.1), or 1 ms after the latest event of the same step and action
 * when that one is not earlier: two snoozes in one second are both stored, in order, instead
 * of the second colliding with the first on the key (step, action, at).
 */
function eventInstant(facts: Facts, stepId: string, action: StepAction, now: number): string {
  let ms = Math.floor(now / 1000) * 1000;
  for (const e of facts.stepEvents) {
    if (e.stepId === stepId && e.action === action) ms = Math.max(ms, parseInstant(e.at) + 1);
  }
  return ms % 1000 === 0 ? formatInstant(ms) : new Date(ms).toISOString();
}
