// Rows of the issue-5 tables and their mapping to the app's types. Row types stay in storage.
import type { Kysely } from 'kysely';
import type { OutboxKind, OutboxMessage, OutboxState } from '../app/outbox.js';
import type { Tables } from './tables.js';

export interface OutboxRow {
  seeker_id: string;
  id: string;
  kind: string;
  state: string;
  idempotency_key: string;
  step_id: string | null;
  application_id: string | null;
  organization_key: string | null;
  interaction_kind: string | null;
  contacts_json: string;
  local_date: string;
  to_json: string;
  subject: string;
  body: string;
  attempts: number;
  next_attempt_at: string;
  claimed_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface SmtpSettingsRow {
  seeker_id: string;
  host: string;
  port: number;
  tls: string;
  username: string | null;
  password_secret: string | null;
  from_address: string;
  from_name: string | null;
  updated_at: string;
}

export interface FeedTokenRow {
  seeker_id: string;
  token_hash: string;
  created_at: string;
}

export type MailTables = {
  outbox: OutboxRow;
  smtp_settings: SmtpSettingsRow;
  feed_tokens: FeedTokenRow;
};

export type MailDb = Kysely<Tables & MailTables>;

/** The same handle (or transaction) seeing the issue-5 tables too. */
export function mailDb(db: Kysely<Tables>): MailDb {
  return db.withTables<MailTables>();
}

export function outboxFromRow(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    seekerId: row.seeker_id,
    kind: row.kind as OutboxKind,
    state: row.state as OutboxState,
    idempotencyKey: row.idempotency_key,
    stepId: row.step_id,
    applicationId: row.application_id,
    organizationKey: row.organization_key,
    interactionKind: row.interaction_kind,
    contacts: JSON.parse(row.contacts_json) as string[],
    localDate: row.local_date,
    to: JSON.parse(row.to_json) as string[],
    subject: row.subject,
    body: row.body,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    claimedAt: row.claimed_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function outboxToRow(m: OutboxMessage): OutboxRow {
  return {
    seeker_id: m.seekerId,
    id: m.id,
    kind: m.kind,
    state: m.state,
    idempotency_key: m.idempotencyKey,
    step_id: m.stepId,
    application_id: m.applicationId,
    organization_key: m.organizationKey,
    interaction_kind: m.interactionKind,
    contacts_json: JSON.stringify(m.contacts),
    local_date: m.localDate,
    to_json: JSON.stringify(m.to),
    subject: m.subject,
    body: m.body,
    attempts: m.attempts,
    next_attempt_at: m.nextAttemptAt,
    claimed_at: m.claimedAt,
    sent_at: m.sentAt,
    last_error: m.lastError,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}
