// The FactsRepository port over Kysely, bound to one transaction and one seeker.
import type { EntityType, FactsRepository } from '../app/ports.js';
import type { Application, Facts, Interaction, Interview } from '../core/types.js';
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
import { insertNew } from './insert-new.js';
import { interactionToRow } from './interaction.table.js';
import { interviewToRow } from './interview.table.js';
import { compareIds } from './json-column.js';
import { saveSettings, selectSettings } from './settings.repository.js';
import { insertStepEvent, selectStepEvents } from './step-event.repository.js';
import type { Db } from './tables.js';

const TABLE_OF: Record<EntityType, 'contacts' | 'applications' | 'interviews' | 'interactions'> = {
  contact: 'contacts',
  application: 'applications',
  interview: 'interviews',
  interaction: 'interactions',
};

/** Interviews by round then start, interactions by instant; ids break ties so the order is stable. */
function byStart(a: Interview, b: Interview): number {
  if (a.round !== b.round) return a.round - b.round;
  return a.start < b.start ? -1 : a.start > b.start ? 1 : compareIds(a.id, b.id);
}

function byAt(a: Interaction, b: Interaction): number {
  return Date.parse(a.at) - Date.parse(b.at) || compareIds(a.id, b.id);
}

export function createFactsRepository(db: Db, seekerId: string): FactsRepository {
  return {
    /** Six queries whatever the size: children are grouped by application in memory. */
    async loadFacts(): Promise<Facts> {
      const [settings, contacts, records, interviews, interactions, stepEvents] = await Promise.all(
        [
          selectSettings(db, seekerId),
          selectContacts(db, seekerId),
          selectApplications(db, seekerId),
          selectInterviews(db, seekerId),
          selectInteractions(db, seekerId),
          selectStepEvents(db, seekerId),
        ],
      );
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
      }
      return { settings, contacts, applications, stepEvents };
    },
    getSettings: () => selectSettings(db, seekerId),
    saveSettings: (settings) => saveSettings(db, seekerId, settings),
    getContact: (id) => selectContact(db, seekerId, id),
    upsertContact: (contact) => upsertContact(db, seekerId, contact),
    async getApplication(id) {
      const record = await selectApplication(db, seekerId, id);
      if (!record) return undefined;
      const [interviews, interactions] = await Promise.all([
        selectInterviews(db, seekerId, id),
        selectInteractions(db, seekerId, id),
      ]);
      return {
        ...record,
        interviews: interviews.map((o) => o.interview).sort(byStart),
        interactions: interactions.map((o) => o.interaction).sort(byAt),
      };
    },
    upsertApplication: (application) => upsertApplication(db, seekerId, application),
    upsertInterview: (applicationId, interview) =>
      upsertInterview(db, seekerId, applicationId, interview),
    upsertInteraction: (applicationId, interaction) =>
      upsertInteraction(db, seekerId, applicationId, interaction),
    addStepEvent: (event) => insertStepEvent(db, seekerId, event),
    async deleteInterview(id) {
      await db
        .deleteFrom('interviews')
        .where('seeker_id', '=', seekerId)
        .where('id', '=', id)
        .execute();
    },
    insertContact: (c) =>
      insertNew('contact', c.id, () =>
        db.insertInto('contacts').values(contactToRow(seekerId, c)).execute(),
      ),
    insertApplication: (a) =>
      insertNew('application', a.id, () =>
        db.insertInto('applications').values(applicationToRow(seekerId, a)).execute(),
      ),
    insertInterview: (applicationId, v) =>
      insertNew('interview', v.id, () =>
        db
          .insertInto('interviews')
          .values(interviewToRow(seekerId, applicationId, v))
          .execute(),
      ),
    insertInteraction: (applicationId, x) =>
      insertNew('interaction', x.id, () =>
        db
          .insertInto('interactions')
          .values(interactionToRow(seekerId, applicationId, x))
          .execute(),
      ),
    upsertAll: (batch) => upsertAll(db, seekerId, batch),
    async listIds(entity) {
      const rows = await db
        .selectFrom(TABLE_OF[entity])
        .select('id')
        .where('seeker_id', '=', seekerId)
        .execute();
      return rows.map((r) => r.id);
    },
    getDraftEdit: (stepId) => selectDraftEdit(db, seekerId, stepId),
    saveDraftEdit: (edit) => saveDraftEdit(db, seekerId, edit),
  };
}
