// A sent follow-up is a fact: an outbound interaction of the step's kind, which completes the step.
import type { InteractionKind } from '../core/types.js';
import { storeInteraction } from './log-interaction.js';
import type { OutboxMessage } from './outbox.js';
import type { FactsRepository } from './ports.js';

export async function logSentMessage(
  facts: FactsRepository,
  message: OutboxMessage,
  at: string,
): Promise<void> {
  if (
    message.kind !== 'follow_up' ||
    message.applicationId === null ||
    message.interactionKind === null
  )
    return;
  await storeInteraction(facts, message.applicationId, {
    at,
    direction: 'out',
    kind: message.interactionKind as InteractionKind,
    channel: 'email',
    contacts: message.contacts,
    summary: `sent by e-mail: ${message.subject}`.slice(0, 500),
  });
}
