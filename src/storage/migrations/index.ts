// The static list of migrations, in order. A static provider works from dist/ and from a
// bundle alike (no directory scanning).
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-23T06-00-00-initial.js';
import * as outbox from './2026-11-23T07-00-00-outbox.js';
import * as outboxLiveStep from './2026-11-23T07-30-00-outbox-live-step.js';
import * as activityJournal from './2026-12-02T09-00-00-activity-journal.js';
import * as draftEdits from './2026-12-02T09-10-00-draft-edits.js';
import * as ownEmailAndSequence from './2026-12-02T12-00-00-own-email-and-sequence.js';
import * as inbox from './2026-12-02T12-10-00-inbox.js';
import * as inboxAccount from './2026-12-02T12-20-00-inbox-account.js';

export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '2026-11-23T06-00-00-initial': initial,
      '2026-11-23T07-00-00-outbox': outbox,
      '2026-11-23T07-30-00-outbox-live-step': outboxLiveStep,
      '2026-12-02T09-00-00-activity-journal': activityJournal,
      '2026-12-02T09-10-00-draft-edits': draftEdits,
      '2026-12-02T12-00-00-own-email-and-sequence': ownEmailAndSequence,
      '2026-12-02T12-10-00-inbox': inbox,
      '2026-12-02T12-20-00-inbox-account': inboxAccount,
    };
  },
};
