// Finding, in the facts, what a step is about: its application, interview, recipients, offer.
import { localToEpochMs, parseInstant } from '../calendar.js';
import { DomainError } from '../errors.js';
import type { Application, Contact, Facts, Interaction, Interview, Step } from '../types.js';
import { cleanInline, namesInTexts } from './text.js';

export function findApplication(facts: Facts, id: string): Application {
  const application = facts.applications.find((a) => a.id === id);
  if (!application) throw new DomainError('not_found', `no application "${id}"`, 'application');
  return application;
}

export function findContact(facts: Facts, id: string): Contact | undefined {
  return facts.contacts.find((c) => c.id === id);
}

/** What follows `<application>:<kind>:` in a step id: the anchor and any further segments. */
export function stepAnchor(step: Step): string {
  const prefix = `${step.application}:${step.kind}:`;
  return step.id.startsWith(prefix) ? step.id.slice(prefix.length) : '';
}

/** The longest id among `ids` that the anchor is, or starts with followed by ":". */
function matchAnchor(anchor: string, ids: string[]): string | undefined {
  return ids
    .filter((id) => anchor === id || anchor.startsWith(`${id}:`))
    .sort((a, b) => b.length - a.length)[0];
}

function endOf(interview: Interview, seekerZone: string): number {
  return (
    localToEpochMs(interview.start, interview.timezone ?? seekerZone) +
    interview.durationMinutes * 60_000
  );
}

/**
 * The interview a step refers to: for thank_you/debrief/reflect the anchor is its id;
 * otherwise the application's latest interview (latest end). Null when none is recorded.
 */
export function interviewOf(step: Step, application: Application, facts: Facts): Interview | null {
  if (['thank_you', 'debrief', 'reflect'].includes(step.kind)) {
    const id = matchAnchor(
      stepAnchor(step),
      application.interviews.map((i) => i.id),
    );
    const anchored = application.interviews.find((i) => i.id === id);
    if (anchored) return anchored;
  }
  let latest: Interview | null = null;
  for (const interview of application.interviews) {
    if (
      !latest ||
      endOf(interview, facts.settings.timezone) > endOf(latest, facts.settings.timezone)
    ) {
      latest = interview;
    }
  }
  return latest;
}

/** The interaction (on any application) a step's anchor names, e.g. the offer behind an offer_update. */
export function anchorInteraction(step: Step, facts: Facts): Interaction | null {
  const all = facts.applications.flatMap((a) => a.interactions);
  const id = matchAnchor(
    stepAnchor(step),
    all.map((x) => x.id),
  );
  return all.find((x) => x.id === id) ?? null;
}

/** The decision date the organisation gave last: a newer one from a reply/update wins. */
export function statedDecisionDate(
  application: Application,
  interview: Interview | null,
  seekerZone: string,
): string | null {
  const since = interview ? endOf(interview, seekerZone) : -Infinity;
  const updates = application.interactions
    .filter(
      (x) =>
        x.direction === 'in' && (x.kind === 'reply' || x.kind === 'update') && x.newDecisionDate,
    )
    .filter((x) => parseInstant(x.at) >= since)
    .sort((a, b) => parseInstant(a.at) - parseInstant(b.at));
  const latest = updates[updates.length - 1];
  return latest?.newDecisionDate ?? interview?.decisionExpectedBy ?? null;
}

/** Contact ids that belong to an application: its people, and contacts at its organisation. */
export function contactsOf(application: Application, facts: Facts): Set<string> {
  const ids = new Set<string>(application.references);
  if (application.agent) ids.add(application.agent);
  for (const interview of application.interviews)
    for (const id of interview.interviewers) ids.add(id);
  for (const interaction of application.interactions)
    for (const id of interaction.contacts) ids.add(id);
  const org = application.organization.trim().toLowerCase();
  for (const c of facts.contacts) {
    if (c.isReference || (c.organization && c.organization.trim().toLowerCase() === org))
      ids.add(c.id);
  }
  return ids;
}

/** Every note the seeker wrote on an application: debrief notes (per interviewer too), pros/cons. */
export function notesOf(application: Application): string[] {
  return [
    ...application.prosCons.pros,
    ...application.prosCons.cons,
    ...application.prosCons.strengths,
    ...application.interviews.flatMap((i) => [
      ...i.notes.keyPoints,
      ...i.notes.forgot,
      ...i.notes.promises,
      ...(i.notes.byInterviewer ?? []).flatMap((n) => n.keyPoints),
    ]),
  ];
}

/**
 * The names a draft keeps capitalised when it quotes a note mid-sentence: the words of the
 * organisation and of its people's names, and words the seeker capitalised inside their notes.
 */
export function namesOf(application: Application, facts: Facts): Set<string> {
  const names = namesInTexts(notesOf(application));
  const people = [...contactsOf(application, facts)].map((id) => findContact(facts, id));
  for (const text of [
    application.organization,
    ...people.flatMap((c) => (c ? [c.name, c.organization ?? ''] : [])),
  ]) {
    for (const word of cleanInline(text).split(' ')) {
      const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (/^\p{Lu}/u.test(bare)) names.add(bare);
    }
  }
  return names;
}
