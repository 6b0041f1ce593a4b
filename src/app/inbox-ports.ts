// The contract between the inbox use cases (src/app/inbox*.ts) and the IMAP adapter
// (src/inbox/): the adapter only reads a mailbox, the use cases decide what a message means.

/** One message's headers, as the adapter hands them over (no body). */
export interface MailHeaders {
  folder: string;
  /** The folder's UIDVALIDITY when this message was read (a decimal string). */
  uidValidity: string;
  uid: number;
  /** Angle brackets kept, as in the header: `<abc@mail.example>`; null when absent. */
  messageId: string | null;
  inReplyTo: string | null;
  /** Every Message-ID in References, in order, brackets kept. */
  references: string[];
  from: { address: string; name: string | null } | null;
  to: string[];
  cc: string[];
  subject: string;
  /** RFC 3339 instant of the Date header (else the server's INTERNALDATE); null when neither. */
  date: string | null;
  sizeBytes: number;
  /** Headers that tell a person's reply from automatic mail (lower-cased names, raw values). */
  autoSubmitted: string | null;
  listId: string | null;
  precedence: string | null;
  xAutoreply: string | null;
  /** True when the message carries a `text/calendar` part or an `.ics` attachment (from BODYSTRUCTURE). */
  hasCalendar: boolean;
}

/** What the use cases need of a matched message's body. */
export interface MailBody {
  /** The decoded text (text/plain, else text/html stripped), quoted history removed where
   * recognisable; the caller keeps at most the first 500 characters. */
  text: string;
  /** Each `text/calendar` part or `.ics` attachment, decoded to a string. */
  calendars: string[];
}

/** Where the reading of one folder stopped. */
export interface FolderState {
  folder: string;
  uidValidity: string;
  /** The highest UID already looked at (0: none). */
  lastUid: number;
}

export interface FolderStatus {
  folder: string;
  uidValidity: string;
  /** UIDNEXT: every message with a lower UID already exists. */
  uidNext: number;
}

/**
 * A read-only session on the seeker's mailbox (IMAP `EXAMINE`: never sets a flag, never moves
 * or deletes). Errors are DomainError with a seeker-readable message (wrong password, server
 * unreachable, TLS refused); `close` always succeeds.
 */
export interface MailboxSession {
  status(folder: string): Promise<FolderStatus>;
  /**
   * Headers of the messages with UID > `afterUid` (and, when `since` is given, an internal
   * date on or after that day: the look-back of a first connection), in UID order.
   */
  headers(folder: string, afterUid: number, since: Date | null): AsyncIterable<MailHeaders>;
  /** One message's body; 'too_large' when it is over `maxBytes` (it is then skipped). */
  body(folder: string, uid: number, maxBytes: number): Promise<MailBody | 'too_large'>;
  close(): Promise<void>;
}

/** Opens sessions on the configured mailbox (the adapter owns host, port, TLS and the password). */
export interface Mailbox {
  open(): Promise<MailboxSession>;
}
