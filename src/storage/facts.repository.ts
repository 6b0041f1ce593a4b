// The FactsRepository port over Kysely, bound to one transaction and one seeker.
import type { InboxRepository } from '../app/inbox-store.js';
import type { FactsBatch, FactsRepository } from '../app/ports.js';
import type { Application, Facts, Interaction, Interview } from '../core/types.js';
import {
  getActivity,
  listActivities,
  listTrash,
  purgedIds,
  purgeTrash,
  TABLE_OF,
  trashedIn,
  trashRecords,
  undoActivity,
} from './activity.repository.js';
import {
  selectApplication,
  selectApplications,
  upsertApplication,
} from './application.repository.js';
import { selectContact, selectContacts, upsertContact } from './contact.repository.js';
import { selectInteractions, upsertInteraction } from './interaction.repository.js';
import { selectInterviews, upsertInterview } from './interview.repository.js';
import { applicationToRow } from './application.table.js';
import { upsertAll } from './bulk-upsert.js';
import { contactToRow } from './contact.table.js';
import { saveDraftEdit, selectDraftEdit } from './draft-edit.repository.js';
import { createInboxRepository, selectHolds } from './inbox.repository.js';
import { insertNew } from './insert-new.js';
import { interactionToRow } from './interaction.table.js';
import { interviewToRow } from './interview.table.js';
import { compareIds } from './json-column.js';
import { saveSettings, selectSettings } from './settings.repository.js';
import { insertStepEvent, selectStepEvents } from './step-event.repository.js';
import { applicationOfStep, chunks, Journal, stepEventKey, type RowRef } from './journal.js';
import type { Db } from './tables.js';

/** Interviews by round then start, interactions by instant; ids break ties so the order is stable. */
function byStart(a: Interview, b: Interview): number {
  if (a.round !== b.round) return a.round - b.round;
  return a.start < b.start ? -1 : a.start > b.start ? 1 : compareIds(a.id, b.id);
}

function byAt(a: Interaction, b: Interaction): number {
  return Date.parse(a.at) - Date.parse(b.at) || compareIds(a.id, b.id);
}

/**
 * Drops references to contacts in the Trash: no step may point at nothing. Nothing to do (and
 * nothing copied) when the Trash holds no contact; lists are copied only when one is dropped.
 */
function withoutTrashed(app: Application, trashed: ReadonlySet<string>): void {
  if (trashed.size === 0) return;
  const keep = (ids: string[]) =>
    ids.some((id) => trashed.has(id)) ? ids.filter((id) => !trashed.has(id)) : ids;
  if (app.agent !== null && trashed.has(app.agent)) app.agent = null;
  app.references = keep(app.references);
  for (const v of app.interviews) {
    v.interviewers = keep(v.interviewers);
    const notes = v.notes.byInterviewer;
    if (notes?.some((n) => trashed.has(n.contact))) {
      v.notes = { ...v.notes, byInterviewer: notes.filter((n) => !trashed.has(n.contact)) };
    }
  }
  for (const x of app.interactions) x.contacts = keep(x.contacts);
}

/** The keys and owners of a batch's rows, for the journal. */
function batchRefs(batch: FactsBatch) {
  return {
    contacts: (batch.contacts ?? []).map((c) => ({ key: c.id, applicationId: null })),
    applications: (batch.applications ?? []).map((a) => ({ key: a.id, applicationId: a.id })),
    interviews: (batch.interviews ?? []).map((o) => ({
      key: o.interview.id,
      applicationId: o.applicationId,
    })),
    interactions: (batch.interactions ?? []).map((o) => ({
      key: o.interaction.id,
      applicationId: o.applicationId,
    })),
    stepEvents: (batch.stepEvents ?? []).map((e) => ({
      key: stepEventKey({ step_id: e.stepId, action: e.action, at: e.at }),
      applicationId: applicationOfStep(e.stepId),
    })),
  } satisfies Record<string, RowRef[]>;
}

/**
 * Every write first hands the journal the keys of the rows it is about to change, so each
 * transaction that changes facts records one activity that undo can take back.
 */
export function createFactsRepository(
  db: Db,
  seekerId: string,
  journal: Journal = new Journal(db, seekerId, () => Date.now()),
  now: () => number = () => Date.now(),
): FactsRepository {
  const one = (
    table: Parameters<Journal['capture']>[0],
    key: string,
    applicationId: string | null,
  ) => journal.capture(table, [{ key, applicationId }]);
  const trashedContactIds = async () =>
    new Set(
      (
        await db
          .selectFrom('contacts')
          .select('id')
          .where('seeker_id', '=', seekerId)
          .where('deleted_in', 'is not', null)
          .execute()
      ).map((r) => r.id),
    );
  let inbox: InboxRepository | undefined;
  return {
    /** Six queries whatever the size: children are grouped by application in memory. */
    async loadFacts(): Promise<Facts> {
      const [settings, contacts, records, interviews, interactions, stepEvents, trashed, holds] =
        await Promise.all([
          selectSettings(db, seekerId),
          selectContacts(db, seekerId),
          selectApplications(db, seekerId),
          selectInterviews(db, seekerId),
          selectInteractions(db, seekerId),
          selectStepEvents(db, seekerId),
          trashedContactIds(),
          selectHolds(db, seekerId),
        ]);
      const applications: Application[] = records.map((r) => ({
        ...r,
        interviews: [],
        interactions: [],
      }));
      const byId = new Map(applications.map((a) => [a.id, a]));
      for (const { applicationId, interview } of interviews)
        byId.get(applicationId)?.interviews.push(interview);
      for (const { applicationId, interaction } of interactions)
        byId.get(applicationId)?.interactions.push(interaction);
      for (const a of applications) {
        a.interviews.sort(byStart);
        a.interactions.sort(byAt);
        withoutTrashed(a, trashed);
      }
      // Holds only when there are any: facts without mail compare equal to documents.
      return holds.length > 0
        ? { settings, contacts, applications, stepEvents, holds }
        : { settings, contacts, applications, stepEvents };
    },
    inbox: () => (inbox ??= createInboxRepository(db, seekerId, journal)),
    getSettings: () => selectSettings(db, seekerId),
    async saveSettings(settings) {
      await one('settings', '', null);
      await saveSettings(db, seekerId, settings);
    },
    getContact: (id) => selectContact(db, seekerId, id),
    async upsertContact(contact) {
      await one('contacts', contact.id, null);
      await upsertContact(db, seekerId, contact);
    },
    async getApplication(id) {
      const record = await selectApplication(db, seekerId, id);
      if (!record) return undefined;
      const [interviews, interactions, trashed] = await Promise.all([
        selectInterviews(db, seekerId, id),
        selectInteractions(db, seekerId, id),
        trashedContactIds(),
      ]);
      const application: Application = {
        ...record,
        interviews: interviews.map((o) => o.interview).sort(byStart),
        interactions: interactions.map((o) => o.interaction).sort(byAt),
      };
      withoutTrashed(application, trashed);
      return application;
    },
    async upsertApplication(application) {
      await one('applications', application.id, application.id);
      await upsertApplication(db, seekerId, application);
    },
    async upsertInterview(applicationId, interview) {
      await one('interviews', interview.id, applicationId);
      await upsertInterview(db, seekerId, applicationId, interview);
    },
    async upsertInteraction(applicationId, interaction) {
      await one('interactions', interaction.id, applicationId);
      await upsertInteraction(db, seekerId, applicationId, interaction);
    },
    async addStepEvent(event) {
      const key = stepEventKey({ step_id: event.stepId, action: event.action, at: event.at });
      await one('step_events', key, applicationOfStep(event.stepId));
      await insertStepEvent(db, seekerId, event);
    },
    /** A hard delete (an import replacing a placeholder round), journaled: undo puts it back. */
    async deleteInterview(id) {
      const owner = await db
        .selectFrom('interviews')
        .select('application_id')
        .where('seeker_id', '=', seekerId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!owner) return;
      await one('interviews', id, owner.application_id);
      await db
        .deleteFrom('interviews')
        .where('seeker_id', '=', seekerId)
        .where('id', '=', id)
        .execute();
    },
    async invitationSequences(interviewIds) {
      const found = new Map<string, number>();
      for (const part of chunks([...new Set(interviewIds)], 1_000)) {
        const rows = await db
          .selectFrom('interviews')
          .select(['id', 'ics_sequence'])
          .where('seeker_id', '=', seekerId)
          .where('id', 'in', part)
          .where('ics_sequence', 'is not', null)
          .execute();
        for (const r of rows) found.set(r.id, Number(r.ics_sequence));
      }
      return found;
    },
    async setInvitationSequence(id, sequence) {
      const owner = await db
        .selectFrom('interviews')
        .select('application_id')
        .where('seeker_id', '=', seekerId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!owner) return;
      await one('interviews', id, owner.application_id);
      await db
        .updateTable('interviews')
        .set({ ics_sequence: sequence })
        .where('seeker_id', '=', seekerId)
        .where('id', '=', id)
        .execute();
    },
    async insertContact(c) {
      await one('contacts', c.id, null);
      await insertNew('contact', c.id, () =>
        db.insertInto('contacts').values(contactToRow(seekerId, c)).execute(),
      );
    },
    async insertApplication(a) {
      await one('applications', a.id, a.id);
      await insertNew('application', a.id, () =>
        db.insertInto('applications').values(applicationToRow(seekerId, a)).execute(),
      );
    },
    async insertInterview(applicationId, v) {
      await one('interviews', v.id, applicationId);
      await insertNew('interview', v.id, () =>
        db
          .insertInto('interviews')
          .values(interviewToRow(seekerId, applicationId, v))
          .execute(),
      );
    },
    async insertInteraction(applicationId, x) {
      await one('interactions', x.id, applicationId);
      await insertNew('interaction', x.id, () =>
        db
          .insertInto('interactions')
          .values(interactionToRow(seekerId, applicationId, x))
          .execute(),
      );
    },
    async upsertAll(batch) {
      const refs = batchRefs(batch);
      if (batch.settings) await one('settings', '', null);
      await journal.capture('contacts', refs.contacts);
      await journal.capture('applications', refs.applications);
      await journal.capture('interviews', refs.interviews);
      await journal.capture('interactions', refs.interactions);
      await journal.capture('step_events', refs.stepEvents);
      await upsertAll(db, seekerId, batch);
    },
    async listIds(entity, which = 'all') {
      let query = db.selectFrom(TABLE_OF[entity]).select('id').where('seeker_id', '=', seekerId);
      if (which === 'live') query = query.where('deleted_in', 'is', null);
      const rows = (await query.execute()).map((r) => r.id);
      return which === 'live' ? rows : [...rows, ...(await purgedIds(db, seekerId, entity))];
    },
    describeActivity: (description) => journal.describe(description),
    activityId: () => journal.activityId(),
    async trash(batch) {
      const owners = async (table: 'interviews' | 'interactions', ids: string[] | undefined) => {
        const map = new Map<string, string>();
        if (!ids || ids.length === 0) return map;
        const rows = await db
          .selectFrom(table)
          .select(['id', 'application_id'])
          .where('seeker_id', '=', seekerId)
          .where('id', 'in', ids)
          .execute();
        for (const r of rows) map.set(r.id, r.application_id);
        return map;
      };
      await trashRecords(db, seekerId, journal, batch, {
        interviews: await owners('interviews', batch.interviews),
        interactions: await owners('interactions', batch.interactions),
      });
    },
    listActivities: (options) => listActivities(db, seekerId, options),
    getActivity: (id) => getActivity(db, seekerId, id),
    undoActivity: (id) => undoActivity(db, seekerId, id, now()),
    listTrash: () => listTrash(db, seekerId),
    purgeTrash: () => purgeTrash(db, seekerId, journal),
    trashedIn: (entity, id) => trashedIn(db, seekerId, entity, id),
    getDraftEdit: (stepId) => selectDraftEdit(db, seekerId, stepId),
    saveDraftEdit: (edit) => saveDraftEdit(db, seekerId, edit),
  };
}
