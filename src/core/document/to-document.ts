// Facts → the SPEC §6 document, keys in the order §6 lists them (export is read by people
// and diffed; the same facts always give the same bytes).
import type {
  Application,
  Contact,
  Facts,
  Interaction,
  Interview,
  StepEvent,
  TactfulDocument,
} from '../types.js';

export function contactToDocument(c: Contact): Contact {
  return {
    id: c.id,
    name: c.name,
    title: c.title,
    organization: c.organization,
    email: c.email,
    phone: c.phone,
    linkedin: c.linkedin,
    isReference: c.isReference,
    notes: c.notes,
  };
}

export function stepEventToDocument(e: StepEvent): StepEvent {
  return { stepId: e.stepId, action: e.action, at: e.at, until: e.until };
}

export function interviewToDocument(v: Interview): Interview {
  return {
    id: v.id,
    round: v.round,
    start: v.start,
    timezone: v.timezone,
    durationMinutes: v.durationMinutes,
    format: v.format,
    interviewers: [...v.interviewers],
    decisionExpectedBy: v.decisionExpectedBy,
    quickDecision: v.quickDecision,
    unavailableUntil: v.unavailableUntil,
    final: v.final,
    chance: v.chance,
    notes: {
      keyPoints: [...v.notes.keyPoints],
      forgot: [...v.notes.forgot],
      promises: [...v.notes.promises],
      byInterviewer: (v.notes.byInterviewer ?? []).map((n) => ({
        contact: n.contact,
        keyPoints: [...n.keyPoints],
      })),
    },
  };
}

export function interactionToDocument(x: Interaction): Interaction {
  return {
    id: x.id,
    at: x.at,
    direction: x.direction,
    kind: x.kind,
    channel: x.channel,
    contacts: [...x.contacts],
    summary: x.summary,
    newDecisionDate: x.newDecisionDate,
    onHold: x.onHold,
    offerDeadline: x.offerDeadline,
  };
}

export function applicationToDocument(a: Application): Application {
  return {
    id: a.id,
    organization: a.organization,
    role: a.role,
    source: a.source,
    region: a.region,
    status: a.status,
    createdOn: a.createdOn,
    agent: a.agent,
    references: [...a.references],
    policy: a.policy === null ? null : { ...a.policy },
    prosCons: {
      pros: [...a.prosCons.pros],
      cons: [...a.prosCons.cons],
      strengths: [...a.prosCons.strengths],
    },
    interviews: a.interviews.map(interviewToDocument),
    interactions: a.interactions.map(interactionToDocument),
  };
}

export function toDocument(facts: Facts): TactfulDocument {
  const s = facts.settings;
  return {
    format: 'tactful/v1',
    settings: {
      timezone: s.timezone,
      region: s.region,
      preset: s.preset,
      activeTarget: s.activeTarget,
      signature: s.signature,
      email: s.email,
    },
    contacts: facts.contacts.map(contactToDocument),
    stepEvents: facts.stepEvents.map(stepEventToDocument),
    applications: facts.applications.map(applicationToDocument),
  };
}

/** Deep equality of JSON-like values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameJson(ra[k], rb[k]));
}
