// Calendar feed tokens: 256 random bits, base64url; stored as SHA-256 only.
import { createHash, randomBytes } from 'node:crypto';
import type { FeedTokens } from '../app/calendar-feed.js';

export const feedTokens: FeedTokens = {
  generate: () => randomBytes(32).toString('base64url'),
  hash: (token) => createHash('sha256').update(token, 'utf8').digest('hex'),
};
