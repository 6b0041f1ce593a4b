// The outbox of outgoing e-mail (RELIABILITY.md): one row per message with states
// pending → sending → sent | uncertain | failed. The ports the send use case and the worker
// need, and the pure rules that turn an SMTP outcome into the row's next state.
import type { FactsRepository } from './ports.js';

export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'uncertain', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
/** `digest`: to the seeker, at least once. `follow_up`: to an interviewer, at most once. */
export type OutboxKind = 'digest' | 'follow_up';

export interface OutboxMessage {
  id: string;
  seekerId: string;
  kind: OutboxKind;
  state: OutboxState;
  idempotencyKey: string;
  stepId: string | null;
  applicationId: string | null;
  /** Normalised organisation (pacing guard), null for digests. */
  organizationKey: string | null;
  /** The interaction kind logged once it is sent (the step's kind). */
  interactionKind: string | null;
  contacts: string[];
  /** Digest: the day it is for; follow-up: the day it was requested (seeker's zone). */
  localDate: string;
  to: string[];
  subject: string;
  body: string;
  attempts: number;
  nextAttemptAt: string;
  claimedAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NewOutboxMessage = Omit<
  OutboxMessage,
  'id' | 'seekerId' | 'state' | 'attempts' | 'claimedAt' | 'sentAt' | 'lastError' | 'updatedAt'
>;

/** The Message-ID header of a row: derived from its id, so every attempt carries the same one. */
export function messageIdOf(id: string): string {
  return `<outbox-${id}@tactful.local>`;
}

/** One seeker's outbox inside the caller's transaction. */
export interface OutboxRepository {
  /** Inserts unless the idempotency key exists; returns the stored row either way. */
  insert(message: NewOutboxMessage): Promise<{ message: OutboxMessage; created: boolean }>;
  get(id: string): Promise<OutboxMessage | undefined>;
  findByKey(idempotencyKey: string): Promise<OutboxMessage | undefined>;
  list(limit: number): Promise<OutboxMessage[]>;
  /** Follow-ups not failed (pending, sending, sent, uncertain) for one step. */
  liveForStep(stepId: string): Promise<OutboxMessage[]>;
  /** Follow-ups not failed on one local date (for the pacing guard). */
  liveFollowUpsOn(localDate: string): Promise<OutboxMessage[]>;
  update(
    id: string,
    patch: Partial<
      Pick<OutboxMessage, 'state' | 'nextAttemptAt' | 'lastError' | 'sentAt' | 'attempts'>
    >,
    at: string,
  ): Promise<OutboxMessage>;
}

export interface SmtpSettings {
  host: string;
  port: number;
  /** `implicit`: TLS from the first byte (465); `starttls`: upgrade required; `none`: plain (tests, local relays). */
  tls: 'implicit' | 'starttls' | 'none';
  username: string | null;
  /** Decrypted only in memory, only for the mailer. */
  password: string | null;
  fromAddress: string;
  fromName: string | null;
}

export interface SmtpSettingsRepository {
  get(): Promise<SmtpSettings | undefined>;
  save(settings: SmtpSettings, at: string): Promise<void>;
}

export interface FeedTokenRepository {
  /** Replaces the seeker's token hash (the old URL stops working). */
  replace(tokenHash: string, at: string): Promise<void>;
  exists(): Promise<boolean>;
}

/** Everything one seeker's mail use cases touch, bound to one transaction. */
export interface MailTx {
  facts: FactsRepository;
  outbox: OutboxRepository;
  smtp: SmtpSettingsRepository;
  feed: FeedTokenRepository;
}

/** Cross-seeker access for the worker and the calendar feed. */
export interface MailStore {
  transaction<T>(seekerId: string, work: (tx: MailTx) => Promise<T>): Promise<T>;
  /** Claims up to `limit` due pending rows and stamps them `sending`, in ONE transaction. */
  claimDue(now: string, limit: number): Promise<OutboxMessage[]>;
  /** Rows left in `sending` since before `before` (a crashed worker). */
  staleSending(before: string): Promise<OutboxMessage[]>;
  /** Seekers with SMTP configured (they get digests). */
  seekersWithSmtp(): Promise<string[]>;
  /** The seeker whose feed token hashes to `tokenHash`, if any. */
  seekerOfFeedToken(tokenHash: string): Promise<string | undefined>;
}

/** What an SMTP attempt told us. `uncertain`: the final "." went out and no reply came back. */
export type SendOutcome =
  | { status: 'sent'; response: string }
  | { status: 'retry'; error: string }
  | { status: 'failed'; error: string }
  | { status: 'uncertain'; error: string };

export interface OutgoingMail {
  messageId: string;
  from: { name: string | null; address: string };
  to: string[];
  subject: string;
  text: string;
  date: Date;
}

export interface Mailer {
  /** Never throws: every failure is an outcome. */
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): void;
}

export const MAX_ATTEMPTS = 8;

/** Retry delay after the n-th failed attempt: 1 min, 2, 4 … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export type NextState =
  | { state: 'sent' }
  | { state: 'pending'; delayMs: number; error: string }
  | { state: 'uncertain'; error: string }
  | { state: 'failed'; error: string };

/**
 * The rule of RELIABILITY.md: 5xx and authentication failures are final; a 4xx or a
 * failure before the message went out is retried with backoff (up to MAX_ATTEMPTS); an
 * unknown outcome is retried for a digest (at least once to the seeker) and becomes
 * `uncertain` for a follow-up (at most once to an interviewer: the seeker decides).
 */
export function nextStateAfter(
  kind: OutboxKind,
  attempts: number,
  outcome: SendOutcome,
): NextState {
  switch (outcome.status) {
    case 'sent':
      return { state: 'sent' };
    case 'failed':
      return { state: 'failed', error: outcome.error };
    case 'uncertain':
      if (kind === 'follow_up') return { state: 'uncertain', error: outcome.error };
      return retryOrFail(attempts, outcome.error);
    case 'retry':
      return retryOrFail(attempts, outcome.error);
  }
}

function retryOrFail(attempts: number, error: string): NextState {
  if (attempts >= MAX_ATTEMPTS)
    return { state: 'failed', error: `${error} (gave up after ${attempts} attempts)` };
  return { state: 'pending', delayMs: backoffMs(attempts), error };
}

/** A row found in `sending` after a crash: the same rule as an unknown outcome. */
export function recoverStale(kind: OutboxKind): OutboxState {
  return kind === 'follow_up' ? 'uncertain' : 'pending';
}
