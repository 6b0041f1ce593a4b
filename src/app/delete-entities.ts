// Delete and the Trash. A deleted record keeps its row (reads no longer see it) until it is
// restored, which is the undo of the delete: byte for byte what was there. Deleting an
// application takes its interviews, interactions and the step events of its steps with it;
// deleting a contact removes them from every list that names them (those records stay).
import { DomainError } from '../core/errors.js';
import type { Application, Facts } from '../core/types.js';
import {
  applicationLabel,
  countList,
  interactionSummary,
  interviewLabel,
  names,
  oneLine,
} from './activity-labels.js';
import { undoRefused } from './activity.js';
import type { Activity, EntityType, FactsRepository, TrashEntry, UnitOfWork } from './ports.js';

export const ENTITY_TYPES: readonly EntityType[] = [
  'contact',
  'application',
  'interview',
  'interaction',
];

export interface DeletePreview {
  entity: EntityType;
  id: string;
  /** The record in words: "Northwind Analytics — Senior Data Analyst", "Priya Raman". */
  label: string;
  /** The application it belongs to (its own id for an application; null for a contact). */
  applicationId: string | null;
  /** What goes to the Trash with it. */
  goesWith: { interviews: number; interactions: number; stepEvents: number };
  /** For a contact: the records that name them (they stay, without them). */
  namedIn: { applications: number; interviews: number; interactions: number };
  /** "Delete Northwind Analytics — Senior Data Analyst with 2 interviews and 5 interactions?" */
  question: string;
}

export interface DeleteResult {
  preview: DeletePreview;
  /** The activity that holds the delete (restore = undo of it). */
  activityId: number;
  summary: string;
}

export interface TrashView {
  activity: Activity;
  items: { entity: EntityType; id: string; applicationId: string | null; label: string }[];
}

function stepApplication(stepId: string): string {
  const colon = stepId.indexOf(':');
  return colon < 0 ? stepId : stepId.slice(0, colon);
}

// As the document's ids: typable, and safe in any database query (no NUL, no lone surrogate).
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function assertId(id: string): void {
  if (!ID_PATTERN.test(id)) {
    throw new DomainError(
      'invalid_input',
      'ID: an id uses only letters, digits, "_" and "-" (at most 64)',
    );
  }
}

function notLive(id: string): DomainError {
  return new DomainError('not_found', `no contact, application, interview or interaction "${id}"`);
}

function ambiguous(id: string, entities: EntityType[]): DomainError {
  return new DomainError(
    'invalid_input',
    `"${id}" names a ${entities.join(' and a ')}: say which (--type ${entities.join('|')})`,
  );
}

/** Finds a live record by id, across entity types unless one is given. */
function preview(facts: Facts, id: string, entity?: EntityType): DeletePreview {
  const found: DeletePreview[] = [];
  const want = (e: EntityType) => entity === undefined || entity === e;
  const none = { interviews: 0, interactions: 0, stepEvents: 0 };
  if (want('contact')) {
    const contact = facts.contacts.find((c) => c.id === id);
    if (contact) {
      const namedIn = {
        applications: facts.applications.filter((a) => a.agent === id || a.references.includes(id))
          .length,
        interviews: facts.applications.flatMap((a) =>
          a.interviews.filter(
            (v) =>
              v.interviewers.includes(id) ||
              (v.notes.byInterviewer ?? []).some((n) => n.contact === id),
          ),
        ).length,
        interactions: facts.applications.flatMap((a) =>
          a.interactions.filter((x) => x.contacts.includes(id)),
        ).length,
      };
      const named = countList([
        [namedIn.applications, 'application'],
        [namedIn.interviews, 'interview'],
        [namedIn.interactions, 'interaction'],
      ]);
      found.push({
        entity: 'contact',
        id,
        label: oneLine(contact.name),
        applicationId: null,
        goesWith: none,
        namedIn,
        question: oneLine(
          `Delete ${contact.name}?${named ? ` They are named in ${named}, which stay without them.` : ''}`,
        ),
      });
    }
  }
  const noNames = { applications: 0, interviews: 0, interactions: 0 };
  for (const a of facts.applications) {
    if (want('application') && a.id === id) {
      const goesWith = {
        interviews: a.interviews.length,
        interactions: a.interactions.length,
        stepEvents: facts.stepEvents.filter((e) => stepApplication(e.stepId) === id).length,
      };
      const extra = countList([
        [goesWith.interviews, 'interview'],
        [goesWith.interactions, 'interaction'],
      ]);
      found.push({
        entity: 'application',
        id,
        label: oneLine(applicationLabel(a)),
        applicationId: id,
        goesWith,
        namedIn: noNames,
        question: oneLine(`Delete ${applicationLabel(a)}${extra ? ` with ${extra}` : ''}?`),
      });
    }
    const interview = want('interview') ? a.interviews.find((v) => v.id === id) : undefined;
    if (interview) {
      const who = names(interview.interviewers, facts.contacts);
      found.push({
        entity: 'interview',
        id,
        label: interviewLabel(interview, a),
        applicationId: a.id,
        goesWith: none,
        namedIn: noNames,
        question: oneLine(
          `Delete interview ${interviewLabel(interview, a)} (${interview.start.slice(0, 10)}${who ? ` with ${who}` : ''})?`,
        ),
      });
    }
    const interaction = want('interaction') ? a.interactions.find((x) => x.id === id) : undefined;
    if (interaction) {
      const label = `${interactionSummary(interaction, a, facts.contacts)} on ${interaction.at.slice(0, 10)}`;
      found.push({
        entity: 'interaction',
        id,
        label,
        applicationId: a.id,
        goesWith: none,
        namedIn: noNames,
        question: oneLine(`Delete the ${label}?`),
      });
    }
  }
  if (found.length === 0) throw notLive(id);
  if (found.length > 1)
    throw ambiguous(
      id,
      found.map((f) => f.entity),
    );
  return found[0]!;
}

/** What deleting `id` would take with it, and the question to ask before. */
export async function previewDelete(
  uow: UnitOfWork,
  id: string,
  entity?: EntityType,
): Promise<DeletePreview> {
  assertId(id);
  return uow.read(async (repo) => preview(await repo.loadFacts(), id, entity));
}

/** Moves the record (and what goes with it) to the Trash, in one transaction. */
export async function deleteEntity(
  uow: UnitOfWork,
  id: string,
  entity?: EntityType,
  /** When given, the record must belong to this application (the API's nested routes). */
  withinApplication?: string,
): Promise<DeleteResult> {
  assertId(id);
  return uow.transaction(async (repo) => {
    const facts = await repo.loadFacts();
    const found = preview(facts, id, entity);
    if (withinApplication !== undefined && found.applicationId !== withinApplication) {
      throw new DomainError(
        'not_found',
        `no ${found.entity} "${id}" in application "${withinApplication}"`,
      );
    }
    const extra = countList([
      [found.goesWith.interviews, 'interview'],
      [found.goesWith.interactions, 'interaction'],
    ]);
    const summary = oneLine(`Deleted ${found.label}${extra ? ` with ${extra}` : ''}`);
    repo.describeActivity({ kind: 'delete', summary });
    if (found.entity === 'application') {
      const app = facts.applications.find((a) => a.id === id) as Application;
      await repo.trash({
        applications: [id],
        interviews: app.interviews.map((v) => v.id),
        interactions: app.interactions.map((x) => x.id),
        stepEvents: facts.stepEvents.filter((e) => stepApplication(e.stepId) === id),
      });
    } else {
      await repo.trash({ [`${found.entity}s`]: [id] });
    }
    return { preview: found, activityId: repo.activityId()!, summary };
  });
}

async function trashView(repo: FactsRepository, entries: TrashEntry[]): Promise<TrashView[]> {
  if (entries.length === 0) return [];
  const facts = await repo.loadFacts();
  const apps = new Map<string, Pick<Application, 'organization' | 'role'>>(
    facts.applications.map((a) => [a.id, a]),
  );
  for (const e of entries) {
    for (const item of e.items) if (item.entity === 'application') apps.set(item.id, item.record);
  }
  const contacts = [
    ...facts.contacts,
    ...entries.flatMap((e) => e.items.flatMap((i) => (i.entity === 'contact' ? [i.record] : []))),
  ];
  return entries.map((e) => ({
    activity: e.activity,
    items: e.items.map((item) => {
      const app = item.applicationId === null ? undefined : apps.get(item.applicationId);
      const label =
        item.entity === 'contact'
          ? item.record.name
          : item.entity === 'application'
            ? applicationLabel(item.record)
            : item.entity === 'interview'
              ? `interview ${interviewLabel(item.record, app)}`
              : `${interactionSummary(item.record, app, contacts)} on ${item.record.at.slice(0, 10)}`;
      return {
        entity: item.entity,
        id: item.id,
        applicationId: item.applicationId,
        label: oneLine(label),
      };
    }),
  }));
}

/** What is in the Trash, newest deletion first. */
export async function listTrash(uow: UnitOfWork): Promise<TrashView[]> {
  return uow.read(async (repo) => trashView(repo, await repo.listTrash()));
}

/**
 * Brings a deleted record back exactly as it was, with everything deleted together with it
 * (restoring an interview that went with its application restores the application).
 */
export async function restore(
  uow: UnitOfWork,
  id: string,
  entity?: EntityType,
): Promise<{ activity: Activity; restored: TrashView['items'] }> {
  assertId(id);
  return uow.transaction(async (repo) => {
    const hits: { entity: EntityType; activityId: number }[] = [];
    for (const e of ENTITY_TYPES) {
      if (entity !== undefined && entity !== e) continue;
      const activityId = await repo.trashedIn(e, id);
      if (activityId !== undefined) hits.push({ entity: e, activityId });
    }
    if (hits.length === 0) {
      throw new DomainError('not_found', `"${id}" is not in the Trash (see tactful trash)`);
    }
    if (hits.length > 1)
      throw ambiguous(
        id,
        hits.map((h) => h.entity),
      );
    const { activityId } = hits[0]!;
    const view = await trashView(repo, await repo.listTrash());
    const entry = view.find((v) => v.activity.id === activityId)!;
    // A record whose application went to the Trash later comes back only with it.
    const item = entry.items.find((i) => i.id === id && i.entity === hits[0]!.entity)!;
    const parent =
      item.entity === 'interview' || item.entity === 'interaction'
        ? view.find((v) =>
            v.items.some((i) => i.entity === 'application' && i.id === item.applicationId),
          )
        : undefined;
    if (parent && parent.activity.id !== activityId) {
      throw new DomainError(
        'conflict',
        `its application "${item.applicationId}" is in the Trash: restore it first (tactful restore ${item.applicationId})`,
      );
    }
    const outcome = await repo.undoActivity(activityId);
    if (!('undone' in outcome)) throw undoRefused(entry.activity, outcome);
    return { activity: outcome.undone, restored: entry.items };
  });
}
