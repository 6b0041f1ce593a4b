// A step as a short title for the calendar and the digest: what to do, for whom, where.
// Names and the organisation only: never notes, e-mail addresses or phone numbers.
import { cleanInline } from '../core/drafts/text.js';
import type { Facts, Step, StepKind } from '../core/types.js';

const KIND_TITLES: Record<StepKind, string> = {
  thank_you: 'Thank-you note',
  offer_update: 'Mention your offer',
  withdraw: 'Withdraw on good terms',
  answer_offer: 'Answer the offer',
  final_thanks: 'Final thanks, ask for feedback',
  status_check: 'Ask for an update',
  check_in: 'Check in with something of value',
  keep_warm: 'Keep in touch',
  connect: 'Connect on LinkedIn',
  references_heads_up: 'Reference heads-up',
  debrief: 'Debrief the interview',
  reflect: 'Reflect: pros, cons, strengths',
  move_on: 'Move on (close as no response)',
};

export function stepTitle(step: Step, facts: Facts): string {
  const application = facts.applications.find((a) => a.id === step.application);
  const names = step.to
    .map((id) => facts.contacts.find((c) => c.id === id)?.name ?? '')
    .filter((n) => n !== '');
  const who = names.length > 0 ? ` to ${names.join(', ')}` : '';
  const where = application ? ` (${application.organization})` : '';
  return cleanInline(`${KIND_TITLES[step.kind]}${who}${where}`).slice(0, 200);
}
