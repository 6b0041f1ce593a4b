// How an activity is named in the history, in the seeker's words: "Marked done: thank-you to
// Priya Raman (Northwind Analytics)", "Imported 42 applications". Plain text, one line.
import type {
  Application,
  Contact,
  Interaction,
  Interview,
  StepAction,
  StepKind,
} from '../core/types.js';
import type { ApplicationRecord } from './ports.js';

const STEP_WORDS: Record<StepKind, string> = {
  thank_you: 'thank-you',
  offer_update: 'offer update',
  withdraw: 'withdrawal',
  answer_offer: 'answer to the offer',
  final_thanks: 'final thanks',
  status_check: 'status check',
  check_in: 'check-in',
  keep_warm: 'keep-in-touch note',
  connect: 'LinkedIn connect',
  references_heads_up: 'reference heads-up',
  debrief: 'debrief',
  reflect: 'reflection',
  move_on: 'move on',
};

const INTERACTION_WORDS: Record<string, string> = {
  ...STEP_WORDS,
  accept: 'offer accepted',
  other: 'message',
  reply: 'reply',
  update: 'update',
  invitation: 'invitation',
  offer: 'offer',
  rejection: 'rejection',
};

/** One line, no control characters, bounded. */
export function oneLine(text: string): string {
  const flat = text
    // eslint-disable-next-line no-control-regex -- flattening control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}

export function applicationLabel(a: Pick<ApplicationRecord, 'organization' | 'role'>): string {
  return `${a.organization} — ${a.role}`;
}

export function names(ids: readonly string[], contacts: readonly Contact[]): string {
  const byId = new Map(contacts.map((c) => [c.id, c.name]));
  return ids.map((id) => byId.get(id) ?? id).join(', ');
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "a, b and c"; empty items are left out. */
export function joinAnd(items: readonly string[]): string {
  const named = items.filter((i) => i !== '');
  if (named.length <= 1) return named.join('');
  return `${named.slice(0, -1).join(', ')} and ${named.at(-1)!}`;
}

/** "2 interviews and 5 interactions"; empty when every count is 0. */
export function countList(parts: [number, string][]): string {
  return joinAnd(parts.filter(([n]) => n > 0).map(([n, w]) => plural(n, w)));
}

export function stepActionSummary(
  action: StepAction,
  kind: StepKind,
  to: readonly string[],
  application: Application | undefined,
  contacts: readonly Contact[],
  until: string | null,
): string {
  if (action === 'done' && kind === 'move_on' && application) {
    return oneLine(`Closed as no response: ${applicationLabel(application)}`);
  }
  const who = to.length > 0 ? ` to ${names(to, contacts)}` : '';
  const where = application ? ` (${application.organization})` : '';
  const verb =
    action === 'done' ? 'Marked done' : action === 'skip' ? 'Skipped' : `Snoozed until ${until}`;
  return oneLine(`${verb}: ${STEP_WORDS[kind]}${who}${where}`);
}

export function interactionSummary(
  interaction: Interaction,
  application: Pick<ApplicationRecord, 'organization' | 'role'> | undefined,
  contacts: readonly Contact[],
): string {
  const word = INTERACTION_WORDS[interaction.kind] ?? interaction.kind;
  const people = names(interaction.contacts, contacts);
  const who = people ? (interaction.direction === 'in' ? ` from ${people}` : ` to ${people}`) : '';
  const where = application ? ` (${application.organization})` : '';
  return oneLine(`${word}${who}${where}`);
}

export function interviewLabel(
  interview: Pick<Interview, 'round'>,
  application: Pick<ApplicationRecord, 'organization' | 'role'> | undefined,
): string {
  return oneLine(
    `round ${interview.round}${application ? ` at ${applicationLabel(application)}` : ''}`,
  );
}
