import type { Channel, Direction, Interaction, InteractionKind } from '../core/types.js';
import { fromJson, toJson } from './json-column.js';

/** Every column but seeker_id: bulk reads skip the constant (a measurable share of 100,000 rows). */
export const INTERACTION_COLUMNS = [
  'id',
  'application_id',
  'at',
  'direction',
  'kind',
  'channel',
  'contacts_json',
  'summary',
  'new_decision_date',
  'on_hold',
  'offer_deadline',
] as const;

export interface InteractionRow {
  seeker_id: string;
  id: string;
  application_id: string;
  at: string;
  direction: string;
  kind: string;
  channel: string | null;
  contacts_json: string;
  summary: string | null;
  new_decision_date: string | null;
  on_hold: number;
  offer_deadline: string | null;
}

export function interactionFromRow(row: Omit<InteractionRow, 'seeker_id'>): Interaction {
  return {
    id: row.id,
    at: row.at,
    direction: row.direction as Direction,
    kind: row.kind as InteractionKind,
    channel: row.channel as Channel | null,
    contacts: fromJson<string[]>(row.contacts_json),
    summary: row.summary,
    newDecisionDate: row.new_decision_date,
    onHold: Number(row.on_hold) === 1,
    offerDeadline: row.offer_deadline,
  };
}

export function interactionToRow(
  seekerId: string,
  applicationId: string,
  x: Interaction,
): InteractionRow {
  return {
    seeker_id: seekerId,
    id: x.id,
    application_id: applicationId,
    at: x.at,
    direction: x.direction,
    kind: x.kind,
    channel: x.channel,
    contacts_json: toJson(x.contacts),
    summary: x.summary,
    new_decision_date: x.newDecisionDate,
    on_hold: x.onHold ? 1 : 0,
    offer_deadline: x.offerDeadline,
  };
}
