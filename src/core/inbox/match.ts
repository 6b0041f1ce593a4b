// Which application an incoming message is about (issue 10 §2), from its headers only: a reply
// in a thread tactful sent, a message from a contact of an application, or from an
// organisation's domain when only one active application has it. Automatic mail (mailing
// lists, auto-replies, the seeker's own mail) is never a reply. Pure.
import { effectiveStatus } from '../policy/context.js';
import { organisationKey } from '../policy/ids.js';
import type { Application, Facts, IsoDate } from '../types.js';
import { findDate } from './dates.js';

/** The headers matching reads (the app's MailHeaders has these and more). */
export interface InboundHeaders {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: { address: string; name: string | null } | null;
  subject: string;
  autoSubmitted: string | null;
  listId: string | null;
  precedence: string | null;
  xAutoreply: string | null;
}

/** What matching knows beyond the facts: who the seeker is and what tactful sent. */
export interface MatchIndex {
  /** Lower-cased addresses of the seeker (the settings' own address, the SMTP from-address). */
  seeker: ReadonlySet<string>;
  /** Message-ID (brackets kept) of each message tactful sent → its application. */
  sent: ReadonlyMap<string, string>;
  /** Lower-cased address → contact id. */
  contactByAddress: ReadonlyMap<string, string>;
  /** Contact id → the applications it takes part in (interviewer, agent, named on an interaction). */
  applicationsOfContact: ReadonlyMap<string, string[]>;
  /** Lower-cased domain → the active applications whose people write from it. */
  activeByDomain: ReadonlyMap<string, string[]>;
  /** Organisation key → active applications (a contact's organisation names its application). */
  activeByOrganisation: ReadonlyMap<string, string[]>;
  /** Applications that are active (`active` or `offer`, outcomes considered). */
  active: ReadonlySet<string>;
}

export type MatchBy = 'thread' | 'contact' | 'domain';

export type MatchOutcome =
  /** About one application. `auto`: an auto-reply (never holds anything). */
  | {
      kind: 'matched';
      applicationId: string;
      contactId: string | null;
      by: MatchBy;
      why: string;
      auto: AutoReply | null;
    }
  /** From an organisation's domain shared by several active applications: "which application?" */
  | {
      kind: 'ambiguous';
      candidates: string[];
      contactId: string | null;
      why: string;
      auto: AutoReply | null;
    }
  /** Not about any application, or not a person's reply: nothing of it is kept. */
  | { kind: 'ignored'; reason: 'own' | 'list' | 'unmatched' | 'auto_reply'; why: string };

export interface AutoReply {
  why: string;
  /** An out-of-office's "back on 5 January", when it says so. */
  unavailableUntil: IsoDate | null;
}

// Common free-mail domains: a recruiter writing from one of them says nothing about the employer.
const PUBLIC_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'yandex.com',
  'mail.com',
  'fastmail.com',
  'zoho.com',
]);

export function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  const domain = address
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return domain === '' ? null : domain;
}

const lower = (s: string) => s.trim().toLowerCase();

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function isActive(app: Application): boolean {
  const status = effectiveStatus(
    app,
    app.interactions.map((ix) => ({ ix, ms: 0, date: '' })),
  );
  return status === 'active' || status === 'offer';
}

/** The people of an application: its interviewers, its agent, the contacts named on its interactions. */
function peopleOf(app: Application): string[] {
  const ids = new Set<string>();
  if (app.agent !== null) ids.add(app.agent);
  for (const iv of app.interviews) for (const c of iv.interviewers) ids.add(c);
  for (const ix of app.interactions) for (const c of ix.contacts) ids.add(c);
  return [...ids];
}

/**
 * The lookup tables matching needs, built once per pass. `sent` maps the Message-IDs of the
 * outbox's follow-ups to their applications.
 */
export function buildMatchIndex(
  facts: Facts,
  sent: Iterable<readonly [string, string]>,
  seekerAddresses: readonly string[],
): MatchIndex {
  const contactByAddress = new Map<string, string>();
  const emailOf = new Map<string, string>();
  for (const c of facts.contacts) {
    if (c.email === null || c.email.trim() === '') continue;
    contactByAddress.set(lower(c.email), c.id);
    emailOf.set(c.id, lower(c.email));
  }
  const applicationsOfContact = new Map<string, string[]>();
  const activeByDomain = new Map<string, string[]>();
  const activeByOrganisation = new Map<string, string[]>();
  const seekerSet = new Set(seekerAddresses.filter((a) => a.trim() !== '').map(lower));
  const activeIds = new Set<string>();
  for (const app of facts.applications) {
    const active = isActive(app);
    if (active) activeIds.add(app.id);
    if (active) push(activeByOrganisation, organisationKey(app.organization), app.id);
    for (const id of peopleOf(app)) {
      push(applicationsOfContact, id, app.id);
      const email = emailOf.get(id);
      const domain = email === undefined ? null : domainOf(email);
      if (active && domain !== null && !PUBLIC_DOMAINS.has(domain) && !seekerSet.has(email!))
        push(activeByDomain, domain, app.id);
    }
  }
  // Contacts not yet on any application still tell their organisation's domain.
  for (const c of facts.contacts) {
    const email = emailOf.get(c.id);
    const domain = email === undefined ? null : domainOf(email);
    if (c.organization === null || domain === null || PUBLIC_DOMAINS.has(domain)) continue;
    for (const appId of activeByOrganisation.get(organisationKey(c.organization)) ?? [])
      push(activeByDomain, domain, appId);
  }
  return {
    seeker: seekerSet,
    sent: new Map(sent),
    contactByAddress,
    applicationsOfContact,
    activeByDomain,
    activeByOrganisation,
    active: activeIds,
  };
}

// Subjects of out-of-office notices and automatic answers, in English, German and French.
const AUTO_SUBJECT =
  /^\s*(?:(?:re|aw|wg|fw|fwd|tr)\s*:\s*)*(?:out of (?:the )?office|ooo\b|automatic reply|auto(?:matic)?[- ]?(?:reply|response)|autoreply|away from (?:the )?office|on (?:vacation|holiday|leave|annual leave)|abwesenheit(?:snotiz)?|abwesend|automatische antwort|au(?:ß|ss)er haus|nicht im büro|urlaub|réponse automatique|reponse automatique|absence du bureau|absent du bureau|message d'absence|absence\b)/iu;

// Where an out-of-office says when its writer is back.
const BACK_ON =
  /(?:back(?: in the office)?(?: on| from)?|return(?:ing)?(?: to the office)?(?: on)?|returns? on|until|through|till|bis(?: zum| einschließlich)?|zurück am|wieder am|ab dem|jusqu'au|de retour le|à partir du)\s+/giu;

/** Whether the headers and subject say a machine wrote it, and why. */
export function autoReplyOf(
  headers: InboundHeaders,
  messageDate: IsoDate | null,
): AutoReply | null {
  const auto = headers.autoSubmitted?.trim().toLowerCase();
  let why: string | null = null;
  if (auto && auto !== 'no') why = `its Auto-Submitted header says "${auto}"`;
  else if (headers.xAutoreply !== null && headers.xAutoreply.trim() !== '')
    why = 'it carries an X-Autoreply header';
  else if (headers.precedence?.trim().toLowerCase() === 'auto_reply')
    why = 'its Precedence header says "auto_reply"';
  else if (AUTO_SUBJECT.test(headers.subject))
    why = `its subject reads like an automatic answer ("${headers.subject.trim()}")`;
  if (why === null) return null;
  return {
    why,
    unavailableUntil: messageDate === null ? null : backOn(headers.subject, messageDate),
  };
}

/**
 * The day an out-of-office's writer is back ("back on 5 January", "until Friday 9 January",
 * "zurück am 5. Januar", "de retour le 5 janvier"), read on or after the message's date; null
 * when it does not say.
 */
export function backOn(text: string, messageDate: IsoDate): IsoDate | null {
  BACK_ON.lastIndex = 0;
  for (let m = BACK_ON.exec(text); m !== null; m = BACK_ON.exec(text)) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const found = findDate(rest, messageDate);
    if (found !== null && found.index <= 12) return found.date;
  }
  return null;
}

function isList(headers: InboundHeaders): string | null {
  if (headers.listId !== null && headers.listId.trim() !== '')
    return 'it comes from a mailing list (List-Id)';
  const p = headers.precedence?.trim().toLowerCase();
  if (p === 'list' || p === 'bulk' || p === 'junk') return `its Precedence header says "${p}"`;
  return null;
}

function nameOf(headers: InboundHeaders): string {
  return headers.from?.name?.trim() || headers.from?.address || 'someone';
}

/**
 * What an incoming message is about. Order: the seeker's own mail and list mail are ignored;
 * then the thread (In-Reply-To, References) against what tactful sent, the sender's address
 * against the contacts, the sender's domain against the active applications. An auto-reply
 * that matches is kept (it may say when someone is back) but never holds anything; one that
 * does not is ignored.
 */
export function matchMessage(
  headers: InboundHeaders,
  index: MatchIndex,
  messageDate: IsoDate | null,
): MatchOutcome {
  const sender = headers.from === null ? null : lower(headers.from.address);
  if (sender !== null && index.seeker.has(sender))
    return { kind: 'ignored', reason: 'own', why: 'the seeker sent it' };
  const list = isList(headers);
  if (list !== null) return { kind: 'ignored', reason: 'list', why: list };
  const auto = autoReplyOf(headers, messageDate);
  const contactId = sender === null ? null : (index.contactByAddress.get(sender) ?? null);
  const who = nameOf(headers);

  for (const id of [headers.inReplyTo, ...[...headers.references].reverse()]) {
    const app = id === null ? undefined : index.sent.get(id.trim());
    if (app !== undefined)
      return {
        kind: 'matched',
        applicationId: app,
        contactId,
        by: 'thread',
        why: `${who} answered a message tactful sent`,
        auto,
      };
  }
  if (contactId !== null) {
    const apps = index.applicationsOfContact.get(contactId) ?? [];
    const active = apps.filter((a) => index.active.has(a));
    const pick = active.length > 0 ? active : apps;
    if (pick.length === 1)
      return {
        kind: 'matched',
        applicationId: pick[0]!,
        contactId,
        by: 'contact',
        why: `${who} is a contact of this application`,
        auto,
      };
    if (pick.length > 1)
      return {
        kind: 'ambiguous',
        candidates: [...pick].sort(),
        contactId,
        why: `${who} is a contact of ${pick.length} applications: which one is it about?`,
        auto,
      };
  }
  const domain = sender === null ? null : domainOf(sender);
  const byDomain =
    domain === null || PUBLIC_DOMAINS.has(domain) ? [] : (index.activeByDomain.get(domain) ?? []);
  if (byDomain.length === 1)
    return {
      kind: 'matched',
      applicationId: byDomain[0]!,
      contactId,
      by: 'domain',
      why: `${who} writes from ${domain}, the domain of this application's people`,
      auto,
    };
  if (byDomain.length > 1)
    return {
      kind: 'ambiguous',
      candidates: [...byDomain].sort(),
      contactId,
      why: `${who} writes from ${domain}, shared by ${byDomain.length} active applications: which one is it about?`,
      auto,
    };
  if (auto !== null) return { kind: 'ignored', reason: 'auto_reply', why: auto.why };
  return { kind: 'ignored', reason: 'unmatched', why: 'not from anyone of an application' };
}
