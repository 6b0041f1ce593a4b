// importDocument / exportDocument: the SPEC §6 document in and out, each one transaction.
import type { BusinessCalendar } from '../core/calendar.js';
import {
  checkInteraction,
  mergeApplication,
  mergeContact,
  mergeInteraction,
  mergeInterview,
  mergeSettings,
  parseDocument,
  sameJson,
  toDocument,
  type ApplicationFields,
} from '../core/document/index.js';
import { DomainError } from '../core/errors.js';
import type { Application, Facts, TactfulDocument } from '../core/types.js';
import { joinAnd, plural } from './activity-labels.js';
import type { FactsBatch, UnitOfWork } from './ports.js';

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  settings: EntityCounts;
  contacts: EntityCounts;
  applications: EntityCounts;
  interviews: EntityCounts;
  interactions: EntityCounts;
  stepEvents: EntityCounts;
}

function counts(): EntityCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}

/**
 * Upserts a document by id (SPEC §6): omitted keeps, null resets, lists replace, nothing is
 * deleted. Validated completely before the first write; a rejected document changes nothing.
 */
export async function importDocument(
  uow: UnitOfWork,
  calendar: BusinessCalendar,
  input: unknown,
): Promise<ImportSummary> {
  return uow.transaction(async (repo) => {
    const { summary, batch } = mergeDocument(await repo.loadFacts(), calendar, input);
    repo.describeActivity({ kind: 'import', summary: importSummaryText(summary) });
    await repo.upsertAll(batch);
    return summary;
  });
}

/**
 * What importing `input` over `facts` would write, and the counts by outcome; throws
 * DomainError for a bad document. Writes nothing (the file importers preview with it).
 */
export function mergeDocument(
  facts: Facts,
  calendar: BusinessCalendar,
  input: unknown,
  /** Built from records the importer already checked (see parseDocument). */
  prevalidated = false,
): { summary: ImportSummary; batch: FactsBatch } {
  {
    const storedContacts = new Map(facts.contacts.map((c) => [c.id, c]));
    const doc = parseDocument(input, calendar, new Set(storedContacts.keys()), prevalidated);

    const storedApps = new Map(facts.applications.map((a) => [a.id, a]));
    const interviewOwner = new Map<string, string>();
    const interactionOwner = new Map<string, string>();
    const storedInterviews = new Map(
      facts.applications.flatMap((a) => a.interviews.map((v) => [v.id, v] as const)),
    );
    const storedInteractions = new Map(
      facts.applications.flatMap((a) => a.interactions.map((x) => [x.id, x] as const)),
    );
    for (const a of facts.applications) {
      for (const v of a.interviews) interviewOwner.set(v.id, a.id);
      for (const x of a.interactions) interactionOwner.set(x.id, a.id);
    }

    const summary: ImportSummary = {
      settings: counts(),
      contacts: counts(),
      applications: counts(),
      interviews: counts(),
      interactions: counts(),
      stepEvents: counts(),
    };
    // Everything is merged and checked before the first write; then one batch writes it all.
    const batch: FactsBatch & Required<Omit<FactsBatch, 'settings'>> = {
      contacts: [],
      applications: [],
      interviews: [],
      interactions: [],
      stepEvents: [],
    };

    if (doc.settings) {
      const merged = mergeSettings(facts.settings, doc.settings);
      if (record(summary.settings, facts.settings, merged)) batch.settings = merged;
    }
    for (const patch of doc.contacts) {
      const stored = storedContacts.get(patch.id);
      const merged = mergeContact(stored, patch);
      if (record(summary.contacts, stored, merged)) batch.contacts.push(merged);
    }
    doc.applications.forEach((patch, i) => {
      const path = `applications[${i}]`;
      const storedApp = storedApps.get(patch.id);
      const stored = storedApp ? fieldsOf(storedApp) : undefined;
      const merged = mergeApplication(stored, patch);
      if (record(summary.applications, stored, merged)) batch.applications.push(merged);

      patch.interviews?.forEach((vPatch, j) => {
        assertOwner(
          interviewOwner,
          vPatch.id,
          patch.id,
          `${path}.interviews[${j}].id`,
          'interview',
        );
        const storedV = storedInterviews.get(vPatch.id);
        const mergedV = mergeInterview(storedV, vPatch);
        if (record(summary.interviews, storedV, mergedV)) {
          batch.interviews.push({ applicationId: patch.id, interview: mergedV });
        }
      });
      patch.interactions?.forEach((xPatch, j) => {
        const xPath = `${path}.interactions[${j}]`;
        assertOwner(interactionOwner, xPatch.id, patch.id, `${xPath}.id`, 'interaction');
        const storedX = storedInteractions.get(xPatch.id);
        const mergedX = mergeInteraction(storedX, xPatch);
        // A kept payload field may no longer fit a changed kind: check the merged fact.
        checkInteraction(mergedX, xPath);
        if (record(summary.interactions, storedX, mergedX)) {
          batch.interactions.push({ applicationId: patch.id, interaction: mergedX });
        }
      });
    });
    const storedEvents = new Set(
      facts.stepEvents.map((e) => `${e.stepId}\u0000${e.action}\u0000${e.at}`),
    );
    for (const e of doc.stepEvents) {
      const event = { stepId: e.stepId, action: e.action, at: e.at, until: e.until ?? null };
      const key = `${e.stepId}\u0000${e.action}\u0000${e.at}`;
      if (storedEvents.has(key)) summary.stepEvents.unchanged += 1;
      else {
        storedEvents.add(key);
        summary.stepEvents.created += 1;
        batch.stepEvents.push(event);
      }
    }

    return { summary, batch };
  }
}

/** "Imported 42 applications, 10 contacts and 3 step events" (created or updated). */
export function importSummaryText(s: ImportSummary): string {
  const n = (c: EntityCounts) => c.created + c.updated;
  const parts: [number, string][] = [
    [n(s.applications), 'application'],
    [n(s.contacts), 'contact'],
    [n(s.interviews), 'interview'],
    [n(s.interactions), 'interaction'],
    [n(s.stepEvents), 'step event'],
  ];
  const what = parts.filter(([count]) => count > 0).map(([count, w]) => plural(count, w));
  if (n(s.settings) > 0) what.push('the settings');
  return `Imported ${joinAnd(what) || 'nothing new'}`;
}

/** Counts one merged record; true when it must be written (new or changed). */
function record(c: EntityCounts, stored: unknown, merged: unknown): boolean {
  if (stored === undefined) {
    c.created += 1;
    return true;
  }
  if (sameJson(stored, merged)) {
    c.unchanged += 1;
    return false;
  }
  c.updated += 1;
  return true;
}

function fieldsOf(application: Application): ApplicationFields {
  const { interviews: _v, interactions: _x, ...fields } = application;
  return fields;
}

/** Ids are unique per entity type: an interview cannot silently move to another application. */
function assertOwner(
  owners: Map<string, string>,
  id: string,
  applicationId: string,
  field: string,
  entity: string,
) {
  const owner = owners.get(id);
  if (owner !== undefined && owner !== applicationId) {
    throw new DomainError(
      'invalid_input',
      `${field}: ${entity} "${id}" belongs to application "${owner}"`,
      field,
      { namesField: true },
    );
  }
  owners.set(id, applicationId);
}

/** The whole of one seeker's data as the SPEC §6 document (lossless: import gives it back). */
export async function exportDocument(uow: UnitOfWork): Promise<TactfulDocument> {
  return uow.read(async (repo) => toDocument(await repo.loadFacts()));
}
