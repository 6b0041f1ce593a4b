// What the inbox use cases keep (issue 10): where each folder's reading stopped and the messages
// matched to applications. Storage implements it, bound to the caller's transaction (reached
// through `FactsRepository.inbox()`, so a confirmation and the facts it logs commit together and
// are undone together).
import type { Invitation } from '../core/import/index.js';
import type { MatchBy, Suggestion } from '../core/inbox/index.js';
import type { IsoDate } from '../core/types.js';
import type { FolderState } from './inbox-ports.js';

export type { MatchBy, Suggestion };

export const INBOX_STATES = ['unconfirmed', 'confirmed', 'dismissed'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

/** What the suggestion read in the message (dates in the seeker's zone). */
export interface InboxDetails {
  newDecisionDate: IsoDate | null;
  onHold: boolean;
  offerDeadline: IsoDate | null;
  /** An out-of-office's "back on …". */
  unavailableUntil: IsoDate | null;
  /** The calendar invitations it carried, as read by the iCalendar reader. */
  invitations: Invitation[];
}

export interface StoredInboxMessage {
  id: string;
  /** Its Message-ID (or a key made of sender, date and subject when it has none). */
  key: string;
  folder: string;
  uidValidity: string;
  uid: number;
  fromAddress: string;
  fromName: string | null;
  subject: string;
  /** RFC 3339 instant; null when the message had no date. */
  receivedAt: string | null;
  /** The first 500 characters of its text. */
  excerpt: string;
  suggestion: Suggestion;
  why: string;
  details: InboxDetails;
  /** Null while it is not known which application it is about ("which application?"). */
  applicationId: string | null;
  /** The applications it may be about, when ambiguous. */
  candidates: string[];
  contactId: string | null;
  matchedBy: MatchBy;
  matchWhy: string;
  state: InboxState;
  /** The inbound interaction logged when the seeker confirmed it. */
  interactionId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type InboxMessagePatch = Partial<
  Pick<StoredInboxMessage, 'state' | 'applicationId' | 'interactionId' | 'candidates'>
>;

export interface InboxRepository {
  folderState(folder: string): Promise<FolderState | undefined>;
  saveFolderState(state: FolderState, at: string): Promise<void>;
  /**
   * Stores a matched message unless one with the same key is stored (then only where it now
   * lives — folder, UIDVALIDITY, UID — is updated); true when it was new.
   */
  insertMessage(message: StoredInboxMessage): Promise<boolean>;
  getMessage(id: string): Promise<StoredInboxMessage | undefined>;
  /** Newest first; `states` and `application` filter (default: all). */
  listMessages(options: {
    states?: readonly InboxState[] | undefined;
    application?: string | undefined;
    limit: number;
  }): Promise<StoredInboxMessage[]>;
  /** The seeker's verdict: journaled like a fact, so undo takes it back with what it logged. */
  updateMessage(id: string, patch: InboxMessagePatch, at: string): Promise<StoredInboxMessage>;
  /** Outbox row id → its application, for the given ids that tactful sent for an application. */
  sentApplications(outboxIds: readonly string[]): Promise<Map<string, string>>;
  /** Deletes every folder state and stored message (the mailbox is disconnected). */
  forget(): Promise<void>;
}
