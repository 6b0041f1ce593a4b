// A typed client for the /api contract. Every failure becomes an ApiError carrying the
// server's `{ code, message, field? }`, so pages can show the message next to the field.
import type { Agenda } from '../../src/core/agenda.js';
import type { Finding } from '../../src/core/checker/finding.js';
import type { Activity } from '../../src/app/ports.js';
import type { ConfirmedInbox, ConfirmInboxInput, InboxMessageView } from '../../src/app/inbox.js';
import type { AgendaApplication } from '../../src/core/agenda.js';
import type { DeletePreview, DeleteResult, TrashView } from '../../src/app/delete-entities.js';
import type { PurgeResult } from '../../src/app/purge-trash.js';
import { forgetActivity, recordActivity } from './activity-signal.js';
import type { RegionName } from '../../src/core/regions.js';
import type { BoardCard, BoardColumn } from '../../src/core/board.js';
import type {
  Application,
  ApplicationStatus,
  Channel,
  Contact,
  DraftVariant,
  Interaction,
  Interview,
  Plan,
  PlanWarning,
  Settings,
  Step,
  StepKind,
} from '../../src/core/types.js';

export type { Finding };
export type { ConfirmedInbox, ConfirmInboxInput, InboxMessageView };
export type { RegionName };
export type { BoardCard, BoardColumn };
export type { Agenda, AgendaApplication, AgendaContact } from '../../src/core/agenda.js';

/** `?formal=true&variant=decline` as needed (answer_offer has an accept and a decline draft). */
function draftQuery(formal: boolean, variant?: DraftVariant): string {
  const q = new URLSearchParams();
  if (formal) q.set('formal', 'true');
  if (variant) q.set('variant', variant);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface AppWithStatus extends Application {
  effectiveStatus: ApplicationStatus;
}

export interface ApplicationDetail extends AppWithStatus {
  steps: Step[];
}

export interface Recipient {
  id: string;
  name: string;
  email: string | null;
}

export interface Draft {
  kind: StepKind;
  channel: Channel;
  to: Recipient[];
  subject: string | null;
  body: string;
  findings: Finding[];
  /** answer_offer: which draft this is (accept or decline). */
  variant?: DraftVariant | null;
}

/** The seeker's saved edit of a step's draft (`edited` false: the suggested text is in use). */
export interface DraftEditState {
  stepId: string;
  edited: boolean;
  subject: string | null;
  body: string | null;
  /** The stored revision (0: never edited); a next save must be above it. */
  revision: number;
  updatedAt: string | null;
}

export interface DraftEditSaved extends DraftEditState {
  /** False when a newer revision was already stored: this save changed nothing. */
  applied: boolean;
}

/** GET /steps/:id/draft: the text as it goes out (the edit, if any) and the suggestion. */
export interface StepDraft extends Draft {
  suggested: { subject: string | null; body: string };
  edit: DraftEditState;
}

export interface SourceInsight {
  source: string;
  applications: number;
  responded: number;
  responseRate: number | null;
  medianResponseDays: number | null;
}

export interface Insights {
  pipeline: Partial<Record<ApplicationStatus, number>>;
  bySource: SourceInsight[];
  thankYouOnTimeRate: number | null;
  activeCount: number;
  activeTarget: number;
}

export type SmtpTls = 'implicit' | 'starttls' | 'none';

/** The stored SMTP settings as the server shows them: the password is write-only. */
export interface SmtpView {
  host: string;
  port: number;
  tls: SmtpTls;
  username: string | null;
  fromAddress: string;
  fromName: string | null;
  passwordSet: boolean;
}

/** `password` omitted keeps the stored one; null removes it. */
export interface SmtpInput extends Omit<SmtpView, 'passwordSet'> {
  password?: string | null;
}

/** The mailbox (IMAP, read-only) as the server shows it: the password is write-only. */
export interface InboxView {
  host: string;
  port: number;
  tls: SmtpTls;
  user: string;
  /** INBOX first. */
  folders: string[];
  lookBackDays: number;
  passwordSet: boolean;
}

/** `password` omitted keeps the stored one (forgotten when host, port, TLS or user change). */
export interface InboxInput extends Omit<InboxView, 'passwordSet'> {
  password?: string | null;
}

export interface InboxTestAnswer {
  connected: boolean;
  detail: string;
  folders: { folder: string; messages: number }[];
  idle: boolean;
}

export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'uncertain', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
export type Resolution = 'mark_sent' | 'send_again' | 'drop';

export interface OutboxItem {
  id: string;
  kind: 'digest' | 'follow_up';
  state: OutboxState;
  stepId: string | null;
  applicationId: string | null;
  to: string[];
  subject: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  /** Lets the request finish after the page is gone (a save on pagehide). */
  keepalive = false,
): Promise<T> {
  const init: RequestInit = {
    method,
    headers: { accept: 'application/json', ...headers },
    ...(keepalive ? { keepalive } : {}),
  };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`api${path}`, init);
  } catch {
    throw new ApiError(
      0,
      'network',
      'The tactful server is not reachable. Is `tactful serve` running?',
    );
  }
  const text = await response.text();
  const data: unknown = text === '' ? null : safeJson(text);
  // A write names the activity it recorded: the next notice offers to undo it.
  const activity = Number(response.headers.get('tactful-activity'));
  if (response.ok && activity > 0) recordActivity(activity);
  else if (method !== 'GET') forgetActivity();
  if (!response.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; field?: string };
    throw new ApiError(
      response.status,
      e.code ?? 'error',
      e.message ?? `HTTP ${response.status}`,
      e.field,
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}

const step = (id: string): string => `/steps/${encodeURIComponent(id)}`;
const app = (id: string): string => `/applications/${encodeURIComponent(id)}`;

export type ApplicationInput = Partial<
  Pick<
    Application,
    | 'organization'
    | 'role'
    | 'source'
    | 'region'
    | 'status'
    | 'agent'
    | 'references'
    | 'prosCons'
    | 'createdOn'
  >
>;
export type ContactInput = Partial<Omit<Contact, 'id'>>;
export type InterviewInput = Partial<Omit<Interview, 'id'>>;
export type InteractionInput = Partial<Omit<Interaction, 'id'>>;

export type { Activity, DeletePreview, DeleteResult, TrashView };
export type RecordType = DeletePreview['entity'];

export const api = {
  /** Today's agenda window with the names it shows (not the whole plan). */
  today: () => request<Agenda>('GET', '/today'),
  plan: (asOf?: string) =>
    request<Plan>('GET', `/plan${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`),
  settings: () => request<Settings>('GET', '/settings'),
  saveSettings: (s: Partial<Settings>) => request<Settings>('PUT', '/settings', s),
  contacts: () => request<Contact[]>('GET', '/contacts'),
  addContact: (c: ContactInput) => request<Contact>('POST', '/contacts', c),
  saveContact: (id: string, c: ContactInput) =>
    request<Contact>('PUT', `/contacts/${encodeURIComponent(id)}`, c),
  applications: () => request<AppWithStatus[]>('GET', '/applications'),
  /** The board: every column's total and its first `limit` cards; or one column from `offset`. */
  board: (query: { limit?: number; status?: ApplicationStatus; offset?: number } = {}) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
    const s = q.toString();
    return request<{ columns: BoardColumn[] }>('GET', `/applications/board${s ? `?${s}` : ''}`);
  },
  application: (id: string) => request<ApplicationDetail>('GET', app(id)),
  addApplication: (a: ApplicationInput) => request<Application>('POST', '/applications', a),
  patchApplication: (id: string, a: ApplicationInput) => request<Application>('PATCH', app(id), a),
  addInterview: (appId: string, i: InterviewInput) =>
    request<Interview>('POST', `${app(appId)}/interviews`, i),
  saveInterview: (appId: string, id: string, i: InterviewInput) =>
    request<Interview>('PUT', `${app(appId)}/interviews/${encodeURIComponent(id)}`, i),
  logInteraction: (appId: string, x: InteractionInput) =>
    request<{ interaction: Interaction; warnings: PlanWarning[] }>(
      'POST',
      `${app(appId)}/interactions`,
      x,
    ),
  snoozeBounds: (id: string) =>
    request<{ after: string; suggested: string }>('GET', `${step(id)}/snooze`),
  stepAction: (id: string, action: 'done' | 'skip' | 'snooze', until?: string) =>
    request<{ ok: true }>('POST', `${step(id)}/${action}`, until ? { until } : {}),
  draft: (id: string, formal = false, variant?: DraftVariant) =>
    request<StepDraft>('GET', `${step(id)}/draft${draftQuery(formal, variant)}`),
  emlHref: (id: string, variant?: DraftVariant) =>
    `api${step(id)}/draft.eml${draftQuery(false, variant)}`,
  /** Saved only if `revision` is above the stored one: a late, older save never wins. */
  saveDraftEdit: (
    id: string,
    edit: { revision: number; subject: string | null; body: string },
    keepalive = false,
  ) => request<DraftEditSaved>('PUT', `${step(id)}/draft-edit`, edit, {}, keepalive),
  resetDraftEdit: (id: string, revision: number) =>
    request<DraftEditSaved>('DELETE', `${step(id)}/draft-edit?revision=${revision}`),
  check: (body: {
    applicationId: string;
    kind: StepKind;
    channel: Channel;
    subject: string | null;
    body: string;
    to: string[];
  }) => request<{ findings: Finding[] }>('POST', '/check', body),
  sample: () => request<{ active: boolean; where: string }>('GET', '/sample'),
  loadSample: () => request<{ active: boolean; where: string }>('POST', '/sample', {}),
  leaveSample: () => request<{ active: boolean; removed: boolean }>('DELETE', '/sample'),
  insights: () => request<Insights>('GET', '/insights'),
  regions: () => request<{ regions: RegionName[] }>('GET', '/regions'),
  calendar: () => request<{ subscribed: boolean }>('GET', '/calendar'),
  newCalendarToken: () => request<{ token: string; path: string }>('POST', '/calendar/token', {}),
  smtp: () => request<{ smtp: SmtpView | null }>('GET', '/smtp'),
  saveSmtp: (s: SmtpInput) => request<{ smtp: SmtpView }>('PUT', '/smtp', s),
  testSmtp: () => request<{ sent: boolean; detail: string }>('POST', '/smtp/test', {}),
  inbox: () => request<{ inbox: InboxView | null }>('GET', '/inbox/settings'),
  saveInbox: (s: InboxInput) => request<{ inbox: InboxView }>('PUT', '/inbox/settings', s),
  disconnectInbox: () => request<{ removed: boolean }>('DELETE', '/inbox/settings'),
  testInbox: () => request<InboxTestAnswer>('POST', '/inbox/test', {}),
  /** The same `idempotencyKey` always answers with the same outbox row: a retry never sends twice. */
  send: (
    id: string,
    idempotencyKey: string,
    message: { subject: string; body: string; force?: boolean },
  ) =>
    request<{ created: boolean; message: OutboxItem }>('POST', `${step(id)}/send`, message, {
      'idempotency-key': idempotencyKey,
    }),
  outbox: () => request<{ messages: OutboxItem[] }>('GET', '/outbox'),
  activity: (before?: number) =>
    request<{ activities: Activity[] }>('GET', `/activity${before ? `?before=${before}` : ''}`),
  undo: (activityId: number) =>
    request<{ undone: Activity }>('POST', `/activity/${activityId}/undo`, {}),
  deletePreview: (entity: RecordType, id: string) =>
    request<DeletePreview>('GET', `/delete-preview/${entity}/${encodeURIComponent(id)}`),
  /** Interviews and interactions are deleted through their application. */
  deleteRecord: (entity: RecordType, id: string, applicationId?: string | null) =>
    request<DeleteResult>(
      'DELETE',
      entity === 'contact'
        ? `/contacts/${encodeURIComponent(id)}`
        : entity === 'application'
          ? app(id)
          : `${app(applicationId ?? '')}/${entity}s/${encodeURIComponent(id)}`,
    ),
  trash: () => request<{ entries: TrashView[] }>('GET', '/trash'),
  emptyTrash: () => request<PurgeResult>('DELETE', '/trash'),
  restore: (entity: RecordType, id: string) =>
    request<{ activity: Activity; restored: TrashView['items'] }>(
      'POST',
      `/trash/${entity}/${encodeURIComponent(id)}/restore`,
      {},
    ),
  /** Matched messages (unconfirmed first) and the applications they name. */
  inboxMessages: (query: { state?: InboxMessageView['state']; application?: string } = {}) =>
    request<{ messages: InboxMessageView[]; applications: AgendaApplication[] }>(
      'GET',
      `/inbox${inboxQuery(query)}`,
    ),
  confirmInbox: (id: string, input: ConfirmInboxInput) =>
    request<ConfirmedInbox>('POST', `/inbox/${encodeURIComponent(id)}/confirm`, input),
  dismissInbox: (id: string) =>
    request<InboxMessageView>('POST', `/inbox/${encodeURIComponent(id)}/dismiss`, {}),
  assignInbox: (id: string, application: string) =>
    request<InboxMessageView>('POST', `/inbox/${encodeURIComponent(id)}/assign`, { application }),
  resolveOutbox: (id: string, resolution: Resolution) =>
    request<OutboxItem>('POST', `/outbox/${encodeURIComponent(id)}/resolve`, { resolution }),
  /** What importing the file would do; writes nothing. */
  importPreview: (input: FileImportInput) =>
    request<FileImportPreview>('POST', '/import/preview', input),
  /** Imports the file in one undoable activity. */
  importFile: (input: FileImportInput) => request<FileImportPreview>('POST', '/import/file', input),
};

function inboxQuery(query: { state?: string; application?: string }): string {
  const params = new URLSearchParams();
  if (query.state) params.set('state', query.state);
  if (query.application) params.set('application', query.application);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** A file for the Import page: its bytes in base64 (the server detects encoding and format). */
/** A field a spreadsheet column can feed (`organization`, `role` …): the server lists them. */
export type SheetField = string;

export interface FileImportInput {
  name: string;
  content: string;
  columns?: Record<string, SheetField | null>;
  dateOrder?: 'dmy' | 'mdy';
  /** Invitations: the application they belong to (else matched by the organiser's address). */
  application?: string;
  skipBadRows?: boolean;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportProblem {
  row: number;
  column?: string;
  reason: string;
}

export interface FileImportPreview {
  name: string;
  format: string;
  encoding: string;
  table?: 'applications' | 'contacts' | 'interactions';
  columns?: { header: string; field: SheetField | null; label: string; samples: string[] }[];
  counts: {
    contacts: ImportCounts;
    applications: ImportCounts;
    interviews: ImportCounts;
    interactions: ImportCounts;
    removedInterviews: number;
  };
  refused: ImportProblem[];
  skipped: ImportProblem[];
  notes: string[];
  written: boolean;
  /** Spreadsheets: every field a column can feed, with its label. */
  fields?: { field: SheetField; label: string }[];
}
