// Looking around the stored facts: the lists behind `tactful list …` and the one record behind
// `tactful show ID` (a contact, an application with its rounds, messages and open steps, an
// interview, or a step), each with the plan as of `asOf`.
import { parseInstant } from '../core/calendar.js';
import { DomainError } from '../core/errors.js';
import { effectiveStatus } from '../core/policy/context.js';
import type {
  Application,
  ApplicationStatus,
  Contact,
  Facts,
  Interview,
  Plan,
  Step,
} from '../core/types.js';
import type { BusinessCalendar } from '../core/calendar.js';
import { planOf } from './plan-for.js';
import type { UnitOfWork } from './ports.js';

export interface Overview {
  facts: Facts;
  plan: Plan;
}

export type FoundRecord =
  | { kind: 'application'; application: Application; status: ApplicationStatus; steps: Step[] }
  | { kind: 'contact'; contact: Contact; applications: Application[]; steps: Step[] }
  | { kind: 'interview'; interview: Interview; application: Application; steps: Step[] }
  | { kind: 'step'; step: Step; application: Application };

/** The facts and the plan as of `asOf`, from one consistent read. */
export async function overview(
  uow: UnitOfWork,
  calendar: BusinessCalendar,
  asOf: number,
): Promise<Overview> {
  const facts = await uow.read((repo) => repo.loadFacts());
  return { facts, plan: planOf(facts, calendar, asOf) };
}

/** The status the facts imply as of the plan's date (an offer logged makes it `offer`). */
export function statusOf(application: Application, asOf: number): ApplicationStatus {
  const timed = application.interactions
    .map((ix) => ({ ix, ms: parseInstant(ix.at), date: ix.at.slice(0, 10) }))
    .filter((t) => t.ms <= asOf)
    .sort((a, b) => a.ms - b.ms || (a.ix.id < b.ix.id ? -1 : 1));
  return effectiveStatus(application, timed);
}

/** The record with this id: an application, a contact, an interview or an open step. */
export function findRecord({ facts, plan }: Overview, id: string): FoundRecord {
  const asOf = Date.parse(plan.asOf);
  const application = facts.applications.find((a) => a.id === id);
  if (application) {
    const steps = plan.steps.filter((s) => s.application === id);
    return { kind: 'application', application, status: statusOf(application, asOf), steps };
  }
  const contact = facts.contacts.find((c) => c.id === id);
  if (contact) {
    const involved = (a: Application) =>
      a.agent === id ||
      a.references.includes(id) ||
      a.interviews.some((v) => v.interviewers.includes(id)) ||
      a.interactions.some((x) => x.contacts.includes(id));
    const steps = plan.steps.filter((s) => s.to.includes(id));
    return { kind: 'contact', contact, applications: facts.applications.filter(involved), steps };
  }
  for (const app of facts.applications) {
    const interview = app.interviews.find((v) => v.id === id);
    if (interview) {
      const steps = plan.steps.filter(
        (s) => s.application === app.id && s.id.split(':')[2] === interview.id,
      );
      return { kind: 'interview', interview, application: app, steps };
    }
  }
  const step = plan.steps.find((s) => s.id === id);
  if (step) {
    return {
      kind: 'step',
      step,
      application: facts.applications.find((a) => a.id === step.application)!,
    };
  }
  throw new DomainError(
    'not_found',
    `no application, contact, interview or open step has the id "${id}"`,
  );
}
