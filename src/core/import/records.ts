// What the format readers (src/import) hand to the pure import builder: rows and cards already
// decoded and parsed, each with the row number the seeker sees in their own program.
import type { LocalDateTime } from '../types.js';

export const IMPORT_FORMATS = ['json', 'csv', 'linkedin', 'vcard', 'ics', 'huntr', 'teal'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One spreadsheet row: `row` counts the header as row 1, as spreadsheet programs do. */
export interface SheetRow {
  row: number;
  values: string[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

/** A person from a vCard: every e-mail and phone of the card, the preferred one first. */
export interface PersonCard {
  row: number;
  name: string;
  emails: string[];
  phones: string[];
  title: string | undefined;
  organization: string | undefined;
  linkedin: string | undefined;
  notes: string | undefined;
}

export interface Attendee {
  email: string;
  name: string | undefined;
}

/** One VEVENT of an invitation (the highest SEQUENCE of its UID when a file holds several). */
export interface Invitation {
  row: number;
  uid: string;
  /** Stable interview id derived from the UID (the same invitation always lands on the same interview). */
  interviewId: string;
  sequence: number;
  cancelled: boolean;
  summary: string | undefined;
  /** Wall-clock start and its IANA zone, when the invitation names one tactful knows. */
  local: LocalDateTime | undefined;
  zone: string | undefined;
  /** The start as an instant (for zones given only as VTIMEZONE rules or in UTC). */
  epochMs: number | undefined;
  allDay: boolean;
  durationMinutes: number | undefined;
  video: boolean;
  organizer: Attendee | undefined;
  attendees: Attendee[];
}

export interface RowProblem {
  /** Row (spreadsheet), card or event number, 1-based; 0 for the file as a whole. */
  row: number;
  /** The column, vCard property or iCalendar property as the seeker sees it; '' when none. */
  column: string;
  reason: string;
}
