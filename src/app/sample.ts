// The sample data: a realistic search to look around in, kept in a dataset of its own beside
// the seeker's (never mixed with theirs, never e-mailed from). Loading it replaces any earlier
// sample whole; leaving removes it whole. The seeker's data and settings are never touched.
import { dateInZone, type BusinessCalendar } from '../core/calendar.js';
import { DomainError } from '../core/errors.js';
import type { TactfulDocument } from '../core/types.js';
import { demoDocument } from './demo.js';
import { importDocument, type ImportSummary } from './import-document.js';
import type { MailStore, MailTx } from './outbox.js';
import type { Clock, UnitOfWork } from './ports.js';

/** The sample's own zone decides its "today", so its dates line up with its settings. */
export const SAMPLE_TIMEZONE = 'America/New_York';

/** Said wherever mail would go out from the sample (API 409, CLI, the web's band). */
export const SAMPLE_NO_MAIL =
  'mail is never sent from the sample data: leave the sample to set up e-mail or send';

/** An opened dataset (the seeker's or the sample's). */
export interface Dataset {
  uow: UnitOfWork;
  close(): Promise<void>;
}

/** Where the sample lives: a SQLite file beside the seeker's, or a PostgreSQL schema. */
export interface SampleStore<D extends Dataset = Dataset> {
  /** For people: the file path, or "PostgreSQL schema tactful_sample". */
  readonly where: string;
  exists(): Promise<boolean>;
  /** Opens the sample's dataset, creating it when missing. */
  open(): Promise<D>;
  /** Removes the sample whole (its handles closed first); true when there was one. */
  remove(): Promise<boolean>;
}

/** The sample search dated around now. */
export function sampleDocument(clock: Clock): TactfulDocument {
  return demoDocument(dateInZone(clock.now(), SAMPLE_TIMEZONE));
}

export interface LoadedSample<D extends Dataset = Dataset> {
  dataset: D;
  document: TactfulDocument;
  summary: ImportSummary;
}

/**
 * Replaces any earlier sample with a fresh one (nothing from an earlier visit survives) and
 * returns it open; the caller closes it. On failure no half-loaded sample is left behind.
 */
export async function loadSample<D extends Dataset>(
  store: SampleStore<D>,
  calendar: BusinessCalendar,
  clock: Clock,
): Promise<LoadedSample<D>> {
  await store.remove();
  const dataset = await store.open();
  try {
    const document = sampleDocument(clock);
    const summary = await importDocument(dataset.uow, calendar, document);
    return { dataset, document, summary };
  } catch (error) {
    await dataset.close().catch(() => undefined);
    await store.remove().catch(() => undefined);
    throw error;
  }
}

/** Closes the open sample (if any) and removes it; true when there was one. */
export async function leaveSample<D extends Dataset>(
  store: SampleStore<D>,
  open: D | null,
): Promise<boolean> {
  await open?.close();
  return store.remove();
}

function refuse(): never {
  throw new DomainError('conflict', SAMPLE_NO_MAIL);
}

/**
 * The sample's mail store: it reads as empty and refuses every write that would lead to mail
 * or a feed (SMTP settings, a queued message, a feed token). A sample never sends.
 */
export function sampleMailStore(store: MailStore): MailStore {
  const guard = (tx: MailTx): MailTx => ({
    facts: tx.facts,
    outbox: { ...tx.outbox, insert: refuse },
    smtp: { ...tx.smtp, save: refuse },
    feed: { ...tx.feed, replace: refuse },
  });
  return {
    transaction: (seekerId, work) => store.transaction(seekerId, (tx) => work(guard(tx))),
    claimDue: async () => [],
    staleSending: async () => [],
    seekersWithSmtp: async () => [],
    seekerOfFeedToken: async () => undefined,
  };
}
