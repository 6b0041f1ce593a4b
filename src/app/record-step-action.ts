// done / skip / snooze on a step of the current plan (SPEC §3.1 "Steps, ids and user actions").
import { dateInZone, formatInstant, isIsoDate } from '../core/calendar.js';
import type { BusinessCalendar } from '../core/calendar.js';
import { DomainError } from '../core/errors.js';
import {
  SEEKER_STEP_KINDS,
  STEP_ACTIONS,
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
  if (input.until !== undefined && (input.action !== 'snooze' || !isIsoDate(input.until))) {
    throw new DomainError(
      'invalid_input',
      'until: a snooze date YYYY-MM-DD (snooze only)',
      'until',
    );
  }
  const now = clock.now();
  const at = formatInstant(now);
  return uow.transaction(async (repo) => {
    const facts = await repo.loadFacts();
    const step = planOf(facts, calendar, now).steps.find((s) => s.id === input.stepId);
    if (!step)
      throw new DomainError('not_found', `no open step with id "${input.stepId}"`, 'stepId');
    const application = facts.applications.find((a) => a.id === step.application)!;

    let until: IsoDate | null = null;
    if (input.action === 'snooze') {
      const region = application.region ?? facts.settings.region;
      until =
        input.until ??
        calendar.addBusinessDays(region, dateInZone(now, facts.settings.timezone), 1);
    }
    const event: StepEvent = { stepId: step.id, action: input.action, at, until };
    await repo.addStepEvent(event);

    let interaction: Interaction | null = null;
    let warnings: PlanWarning[] = [];
    if (input.action === 'done') {
      if (!SEEKER_STEP_KINDS.includes(step.kind)) {
        ({ interaction, warnings } = await storeInteraction(repo, step.application, {
          at,
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
