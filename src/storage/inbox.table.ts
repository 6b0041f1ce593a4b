// Rows of the issue-10 tables and their mapping to the app's inbox types.
import type {
  InboxDetails,
  InboxState,
  MatchBy,
  StoredInboxMessage,
  Suggestion,
} from '../app/inbox-store.js';

export interface InboxFolderRow {
  seeker_id: string;
  folder: string;
  uid_validity: string;
  /** bigint: PostgreSQL hands it back as a string. */
  last_uid: number | string;
  updated_at: string;
}

export interface InboxMessageRow {
  seeker_id: string;
  id: string;
  message_key: string;
  folder: string;
  uid_validity: string;
  uid: number | string;
  from_address: string;
  from_name: string | null;
  subject: string;
  received_at: string | null;
  excerpt: string;
  suggestion: string;
  why: string;
  details_json: string;
  application_id: string | null;
  candidates_json: string;
  contact_id: string | null;
  matched_by: string;
  match_why: string;
  state: string;
  interaction_id: string | null;
  created_at: string;
  updated_at: string;
}

export function inboxMessageFromRow(row: InboxMessageRow): StoredInboxMessage {
  return {
    id: row.id,
    key: row.message_key,
    folder: row.folder,
    uidValidity: row.uid_validity,
    uid: Number(row.uid),
    fromAddress: row.from_address,
    fromName: row.from_name,
    subject: row.subject,
    receivedAt: row.received_at,
    excerpt: row.excerpt,
    suggestion: row.suggestion as Suggestion,
    why: row.why,
    details: JSON.parse(row.details_json) as InboxDetails,
    applicationId: row.application_id,
    candidates: JSON.parse(row.candidates_json) as string[],
    contactId: row.contact_id,
    matchedBy: row.matched_by as MatchBy,
    matchWhy: row.match_why,
    state: row.state as InboxState,
    interactionId: row.interaction_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function inboxMessageToRow(seekerId: string, m: StoredInboxMessage): InboxMessageRow {
  return {
    seeker_id: seekerId,
    id: m.id,
    message_key: m.key,
    folder: m.folder,
    uid_validity: m.uidValidity,
    uid: m.uid,
    from_address: m.fromAddress,
    from_name: m.fromName,
    subject: m.subject,
    received_at: m.receivedAt,
    excerpt: m.excerpt,
    suggestion: m.suggestion,
    why: m.why,
    details_json: JSON.stringify(m.details),
    application_id: m.applicationId,
    candidates_json: JSON.stringify(m.candidates),
    contact_id: m.contactId,
    matched_by: m.matchedBy,
    match_why: m.matchWhy,
    state: m.state,
    interaction_id: m.interactionId,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}
