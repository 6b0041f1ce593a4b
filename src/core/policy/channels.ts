// Channel choice (SPEC §3.1 "People and channels"): the first channel of a rule the recipient
// has details for. A letter goes to the organisation's office, so it is always possible.
import type { Channel, Contact } from '../types.js';

export type ChannelRule = readonly Channel[];

export const THANK_YOU_CHANNELS: ChannelRule = ['email', 'linkedin', 'letter'];
export const ORGANISATION_CHANNELS: ChannelRule = ['email', 'phone', 'letter'];
export const REFERENCE_CHANNELS: ChannelRule = ['email', 'phone'];
export const ANSWER_OFFER_CHANNELS: ChannelRule = ['email', 'phone'];
export const CONNECT_CHANNELS: ChannelRule = ['linkedin'];
export const LETTER_ONLY: ChannelRule = ['letter'];
export const EMAIL_ONLY: ChannelRule = ['email'];
// Status-check rows name their own channels (SPEC §3 table).
export const STATUS_CHECK_CHANNELS = {
  employer: ['email'],
  recruiter: ['email', 'phone'],
  agency: ['email', 'voicemail'],
} as const satisfies Record<string, ChannelRule>;

/** The contact field a channel needs, or null when it needs none. */
export function fieldOf(channel: Channel): keyof Contact | null {
  switch (channel) {
    case 'email':
      return 'email';
    case 'phone':
    case 'voicemail':
      return 'phone';
    case 'linkedin':
      return 'linkedin';
    default:
      return null;
  }
}

function has(contact: Contact | undefined, channel: Channel): boolean {
  const field = fieldOf(channel);
  if (field === null) return true;
  const value = contact?.[field];
  return typeof value === 'string' && value.trim() !== '';
}

/** The first channel of `rule` usable for `contact`, or null. */
export function pickChannel(contact: Contact | undefined, rule: ChannelRule): Channel | null {
  for (const channel of rule) if (has(contact, channel)) return channel;
  return null;
}
