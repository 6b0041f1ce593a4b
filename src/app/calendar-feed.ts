// The private calendar feed: a random token (≥ 128 bits) whose hash is stored; regenerating it
// replaces the hash, so the old URL stops working at once.
import { formatInstant } from '../core/calendar.js';
import type { BusinessCalendar } from '../core/calendar.js';
import type { Facts, Plan } from '../core/types.js';
import { planOf } from './plan-for.js';
import type { Clock } from './ports.js';
import type { MailStore } from './outbox.js';

/** Token generation and hashing (node:crypto in main). */
export interface FeedTokens {
  generate(): string;
  hash(token: string): string;
}

/** A new token for the seeker; the only time it is visible. */
export async function regenerateFeedToken(
  store: MailStore,
  clock: Clock,
  tokens: FeedTokens,
  seekerId: string,
): Promise<string> {
  const token = tokens.generate();
  await store.transaction(seekerId, (tx) =>
    tx.feed.replace(tokens.hash(token), formatInstant(clock.now())),
  );
  return token;
}

/** The plan behind a feed URL, or undefined for an unknown or revoked token. */
export async function feedPlan(
  store: MailStore,
  calendar: BusinessCalendar,
  clock: Clock,
  tokens: FeedTokens,
  token: string,
): Promise<{ plan: Plan; facts: Facts } | undefined> {
  // The shape is checked before hashing so junk never reaches the database.
  if (!/^[A-Za-z0-9_-]{22,128}$/.test(token)) return undefined;
  const seekerId = await store.seekerOfFeedToken(tokens.hash(token));
  if (seekerId === undefined) return undefined;
  const facts = await store.transaction(seekerId, (tx) => tx.facts.loadFacts());
  return { plan: planOf(facts, calendar, clock.now()), facts };
}
