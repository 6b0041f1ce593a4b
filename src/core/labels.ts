// The words the seeker reads for the vocabulary's codes: step and interaction kinds, channels,
// statuses and sources. One map shared by the web app's pages (and anything else that shows
// a code to a person), so "linkedin" is "LinkedIn" everywhere. Pure.

/** Kinds of steps and interactions, as a title ("Thank-you", "Status check"). */
const KIND_LABELS: Readonly<Record<string, string>> = {
  thank_you: 'Thank-you',
  offer_update: 'Offer update',
  withdraw: 'Withdrawal',
  answer_offer: 'Answer to the offer',
  final_thanks: 'Final thanks',
  status_check: 'Status check',
  check_in: 'Check-in',
  keep_warm: 'Keep warm',
  connect: 'Connection request',
  references_heads_up: 'References heads-up',
  debrief: 'Debrief',
  reflect: 'Reflect',
  move_on: 'Move on',
  accept: 'Acceptance',
  decline: 'Offer declined',
  other: 'Message',
  reply: 'Reply',
  update: 'Update',
  invitation: 'Invitation',
  offer: 'Offer',
  rejection: 'Rejection',
};

/** Channels in the middle of a sentence ("by e-mail"); `channelLabel` capitalises. */
const CHANNEL_NAMES: Readonly<Record<string, string>> = {
  email: 'e-mail',
  phone: 'phone call',
  voicemail: 'voicemail',
  letter: 'letter',
  linkedin: 'LinkedIn',
  in_person: 'in person',
};

/** How a message went, after its verb: "by e-mail", "on LinkedIn", "in person". */
const CHANNEL_PHRASES: Readonly<Record<string, string>> = {
  email: 'by e-mail',
  phone: 'by phone call',
  voicemail: 'by voicemail',
  letter: 'by letter',
  linkedin: 'on LinkedIn',
  in_person: 'in person',
};

const STATUS_LABELS: Readonly<Record<string, string>> = {
  // "Active" is the sum of in progress and offer (SPEC §3.1): the status gets its own word.
  active: 'In progress',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
};

const SOURCE_LABELS: Readonly<Record<string, string>> = {
  employer: 'Employer',
  recruiter: 'Recruiter',
  agency: 'Agency',
};

/** "in_person" → "In person": the fallback for a code no map knows yet. */
export function humanize(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? humanize(kind);
}

/** "E-mail", "LinkedIn", "Phone call". */
export function channelLabel(channel: string): string {
  return capitalise(CHANNEL_NAMES[channel] ?? humanize(channel).toLowerCase());
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? humanize(status);
}

export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? humanize(source);
}

/** "Priya Raman", "Priya Raman and Tom Ng", "A, B and C". */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export interface InteractionFacts {
  direction: 'in' | 'out';
  kind: string;
  channel: string | null;
  /** The people named on it, already as names. */
  people: readonly string[];
}

/**
 * One line a person reads for an interaction: "Thank-you sent to Priya Raman by e-mail",
 * "Reply from Tom Ng by phone call", "Status check to Ana Silva by phone call".
 */
export function interactionSentence({
  direction,
  kind,
  channel,
  people,
}: InteractionFacts): string {
  const parts = [kindLabel(kind)];
  const names = nameList(people);
  if (direction === 'in') {
    if (names) parts.push(`from ${names}`);
  } else {
    // A call or a meeting is not "sent".
    const sent = channel !== 'phone' && channel !== 'in_person';
    if (names) parts.push(sent ? `sent to ${names}` : `to ${names}`);
    else if (sent) parts.push('sent');
  }
  if (channel) parts.push(CHANNEL_PHRASES[channel] ?? `by ${channelLabel(channel).toLowerCase()}`);
  return parts.join(' ');
}

/** "3 active: 2 in progress, 1 with an offer" — the same words on the board and on Insights. */
export function activeSummary(counts: { active: number; offer: number }): string {
  const total = counts.active + counts.offer;
  if (total === 0) return 'No active application';
  const parts = [
    counts.active > 0 ? `${counts.active} in progress` : '',
    counts.offer > 0 ? `${counts.offer} with an offer` : '',
  ].filter(Boolean);
  return `${total} active: ${parts.join(', ')}`;
}
