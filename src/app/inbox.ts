// The inbox use cases: one read-only pass over the seeker's mailbox, matching replies and
// invitations to applications. (Signature agreed between the inbox lanes; the body lands
// with the matching core.)
import { DomainError } from '../core/errors.js';
import type { Mailbox } from './inbox-ports.js';
import type { Clock, UnitOfWork } from './ports.js';

export interface InboxCheckOptions {
  /** Folders to read, INBOX first. */
  folders: string[];
  /** How far back the first pass of a folder looks (days). */
  lookBackDays: number;
  /** Bodies over this size are skipped with a warning. */
  maxBodyBytes: number;
}

export const DEFAULT_INBOX_OPTIONS: InboxCheckOptions = {
  folders: ['INBOX'],
  lookBackDays: 30,
  maxBodyBytes: 10 * 1024 * 1024,
};

/** A matched message as the seeker sees it (CLI list, API, Today's card). */
export interface InboxMessageView {
  id: string;
  applicationId: string | null;
  from: string;
  subject: string;
  receivedAt: string | null;
  excerpt: string;
  /** reply | update | invitation | offer | rejection | auto_reply */
  suggestion: string;
  why: string;
  state: 'unconfirmed' | 'confirmed' | 'dismissed';
}

export interface InboxCheckReport {
  folders: { folder: string; scanned: number; matched: number }[];
  matched: InboxMessageView[];
  skipped: { folder: string; uid: number; reason: string }[];
}

export async function checkInbox(deps: {
  uow: UnitOfWork;
  mailbox: Mailbox;
  clock: Clock;
  options?: Partial<InboxCheckOptions>;
}): Promise<InboxCheckReport> {
  void deps;
  throw new DomainError('invalid_input', 'The inbox is not available yet.');
}
