// The fields a spreadsheet column can feed, the header spellings that name them, and the
// presets for trackers' exports. A column maps to at most one field; unknown columns are
// listed in the preview and ignored.

export const SHEET_FIELDS = [
  'id',
  'organization',
  'role',
  'status',
  'source',
  'region',
  'createdOn',
  'interviewDate',
  'preset',
  'pros',
  'cons',
  'strengths',
  'contactName',
  'contactEmail',
  'contactPhone',
  'name',
  'firstName',
  'lastName',
  'title',
  'email',
  'phone',
  'linkedin',
  'isReference',
  'notes',
  'application',
  'at',
  'direction',
  'kind',
  'channel',
  'contacts',
  'summary',
  'newDecisionDate',
  'onHold',
  'offerDeadline',
  // Recognised but not kept: tactful has no place for them yet (the preview says so).
  'link',
  'location',
  'salary',
  'remarks',
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

export const NOT_KEPT: ReadonlySet<SheetField> = new Set(['link', 'location', 'salary', 'remarks']);

/** How the seeker reads each field (web mapping list, messages). */
export const FIELD_LABELS: Record<SheetField, string> = {
  id: 'Id',
  organization: 'Organisation',
  role: 'Role',
  status: 'Status',
  source: 'Source (employer, recruiter, agency)',
  region: 'Holiday region',
  createdOn: 'Date applied',
  interviewDate: 'Interview date',
  preset: 'Policy preset',
  pros: 'Pros',
  cons: 'Cons',
  strengths: 'Strengths',
  contactName: 'Contact name',
  contactEmail: 'Contact e-mail',
  contactPhone: 'Contact phone',
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  title: 'Job title (of a contact)',
  email: 'E-mail',
  phone: 'Phone',
  linkedin: 'LinkedIn URL',
  isReference: 'Reference',
  notes: 'Notes',
  application: 'Application id',
  at: 'When',
  direction: 'Direction',
  kind: 'Kind',
  channel: 'Channel',
  contacts: 'Contact ids',
  summary: 'Summary',
  newDecisionDate: 'New decision date',
  onHold: 'On hold',
  offerDeadline: 'Offer deadline',
  link: 'Link (not kept)',
  location: 'Location (not kept)',
  salary: 'Salary (not kept)',
  remarks: 'Notes (not kept)',
};

/** Lower case, letters and digits only: "Date Applied" = "date_applied" = "DateApplied". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// The usual spellings, normalised. Ambiguous words (title, email) are read by context in
// `mapHeaders`: in a sheet of applications "title" is the role and "email" the contact's.
const SYNONYMS: Record<string, SheetField> = {};
function spell(field: SheetField, ...headers: string[]) {
  for (const h of headers) SYNONYMS[normalizeHeader(h)] = field;
}
spell('id', 'id', 'application id');
spell(
  'organization',
  'organization',
  'organisation',
  'company',
  'company name',
  'employer',
  'org',
  'firm',
  'business',
);
spell(
  'role',
  'role',
  'position',
  'job title',
  'job position',
  'job',
  'position title',
  'role title',
  'job role',
  'vacancy',
);
spell('status', 'status', 'stage', 'state', 'list', 'list name', 'outcome', 'application status');
spell('source', 'source', 'via', 'applied via', 'through', 'recruiter or employer', 'dealing with');
spell('region', 'region', 'holiday region');
spell(
  'createdOn',
  'created on',
  'date applied',
  'applied',
  'applied on',
  'applied date',
  'application date',
  'date of application',
  'date submitted',
  'submitted',
  'date',
);
spell(
  'interviewDate',
  'interview',
  'interview date',
  'interview on',
  'date of interview',
  'interview date time',
  'next interview',
  'interview time',
);
spell('preset', 'preset', 'policy', 'policy preset');
spell('pros', 'pros');
spell('cons', 'cons');
spell('strengths', 'strengths');
spell(
  'contactName',
  'contact',
  'contact name',
  'contact person',
  'recruiter',
  'recruiter name',
  'hiring manager',
  'interviewer',
  'agent',
  'agent name',
);
spell(
  'contactEmail',
  'contact email',
  'contact e-mail',
  'recruiter email',
  'agent email',
  'hiring manager email',
);
spell('contactPhone', 'contact phone', 'recruiter phone', 'agent phone');
spell('name', 'name', 'full name', 'display name');
spell('firstName', 'first name', 'given name', 'firstname');
spell('lastName', 'last name', 'family name', 'surname', 'lastname');
spell('email', 'email', 'e-mail', 'email address', 'e-mail address', 'mail');
spell('phone', 'phone', 'phone number', 'telephone', 'mobile');
spell('linkedin', 'linkedin', 'linkedin url', 'profile url', 'url', 'profile');
spell('isReference', 'is reference', 'reference');
spell('notes', 'notes', 'note', 'comments', 'comment', 'remarks');
spell('application', 'application');
spell('at', 'at', 'when', 'time');
spell('direction', 'direction');
spell('kind', 'kind');
spell('channel', 'channel');
spell('contacts', 'contacts', 'contact ids');
spell('summary', 'summary');
spell('newDecisionDate', 'new decision date');
spell('onHold', 'on hold');
spell('offerDeadline', 'offer deadline');
spell('link', 'link', 'job link', 'job url', 'posting', 'posting url', 'job posting');
spell('location', 'location', 'city', 'place', 'remote');
spell('salary', 'salary', 'pay', 'compensation', 'min salary', 'max salary', 'salary range');
spell('title', 'title');

export type SheetTable = 'applications' | 'contacts' | 'interactions';

export const PRESET_NAMES = ['huntr', 'teal', 'linkedin'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface Preset {
  name: PresetName;
  table: SheetTable;
  /** Exact headers of the tracker's export → field (null: a column of theirs we ignore on purpose). */
  columns: Record<string, SheetField | null>;
  /** Headers whose presence together identifies the export. */
  signature: string[];
}

/**
 * Huntr's board export (Settings → Export jobs to CSV): one row per job card; `listName` is the
 * column of the board the card sits in (Wishlist, Applied, Interview, Offer, Rejected).
 */
const HUNTR: Preset = {
  name: 'huntr',
  table: 'applications',
  signature: ['companyName', 'listName', 'title'],
  columns: {
    id: null,
    createdAt: 'createdOn',
    title: 'role',
    salary: 'salary',
    location: 'location',
    url: 'link',
    rootDomain: null,
    htmlDescription: null,
    deadline: null,
    color: null,
    lastMovedAt: null,
    boardId: null,
    boardName: null,
    listId: null,
    listName: 'status',
    companyId: null,
    companyName: 'organization',
    companyDomain: null,
    creatorUserId: null,
    creatorUserFirstName: null,
    creatorUserLastName: null,
    creatorUserEmail: null,
  },
};

/** Teal's Job Tracker export: the tracker's own columns (Job Position, Company, Status, …). */
const TEAL: Preset = {
  name: 'teal',
  table: 'applications',
  signature: ['Job Position', 'Company', 'Status', 'Date Saved'],
  columns: {
    'Job Position': 'role',
    Company: 'organization',
    Status: 'status',
    'Date Saved': null,
    'Date Applied': 'createdOn',
    Deadline: null,
    'Follow Up': null,
    Excitement: null,
    Location: 'location',
    'Min. Salary': 'salary',
    'Max. Salary': 'salary',
    'Job URL': 'link',
    Notes: 'remarks',
  },
};

/** LinkedIn's data export, Connections.csv (after its "Notes:" preamble). */
const LINKEDIN: Preset = {
  name: 'linkedin',
  table: 'contacts',
  signature: ['First Name', 'Last Name', 'URL', 'Connected On'],
  columns: {
    'First Name': 'firstName',
    'Last Name': 'lastName',
    URL: 'linkedin',
    'Email Address': 'email',
    Company: 'organization',
    Position: 'title',
    'Connected On': null,
  },
};

export const PRESETS: Record<PresetName, Preset> = { huntr: HUNTR, teal: TEAL, linkedin: LINKEDIN };

/** The preset whose signature headers are all present (compared normalised), if any. */
export function detectPreset(headers: readonly string[]): Preset | undefined {
  const have = new Set(headers.map(normalizeHeader));
  return Object.values(PRESETS).find((p) => p.signature.every((h) => have.has(normalizeHeader(h))));
}

export interface ColumnMapping {
  /** Index in the row → field; unmapped columns are absent. */
  fields: (SheetField | null)[];
  table: SheetTable;
  /** "Company" and "Employer" both name the organisation: the first is used. */
  duplicates: { field: SheetField; used: string; ignored: string }[];
}

/** Which kind of records a sheet holds, from the fields its columns feed. */
export function tableOf(fields: readonly (SheetField | null)[]): SheetTable {
  const has = (f: SheetField) => fields.includes(f);
  if (has('direction') && has('kind') && has('at')) return 'interactions';
  if (has('organization') && has('role')) return 'applications';
  return 'contacts';
}

/**
 * Maps headers to fields: a preset's exact columns, else the usual spellings, then the
 * seeker's overrides (`{ "Firma": "organization", "Notes": null }`, from a saved mapping or
 * the web form). In a sheet of applications, "title" is the role and a bare "email"/"phone"
 * is the contact's.
 */
export function mapHeaders(
  headers: readonly string[],
  preset: Preset | undefined,
  overrides: Readonly<Record<string, SheetField | null>> = {},
): ColumnMapping {
  const presetColumns = new Map(
    Object.entries(preset?.columns ?? {}).map(([h, f]) => [normalizeHeader(h), f] as const),
  );
  let fields = headers.map((h): SheetField | null => {
    const key = normalizeHeader(h);
    if (presetColumns.has(key)) return presetColumns.get(key) ?? null;
    return SYNONYMS[key] ?? null;
  });
  const overrideByKey = new Map(Object.entries(overrides).map(([h, f]) => [normalizeHeader(h), f]));
  fields = fields.map((f, i) => {
    const key = normalizeHeader(headers[i]!);
    return overrideByKey.has(key) ? (overrideByKey.get(key) ?? null) : f;
  });
  const table = preset?.table ?? tableOf(fields);
  if (table === 'applications' && !preset) {
    const overridden = (i: number) => overrideByKey.has(normalizeHeader(headers[i]!));
    fields = fields.map((f, i) => {
      if (overridden(i)) return f;
      if (f === 'title') return fields.includes('role') ? null : 'role';
      if (f === 'email') return fields.includes('contactEmail') ? null : 'contactEmail';
      if (f === 'phone') return fields.includes('contactPhone') ? null : 'contactPhone';
      if (f === 'name') return fields.includes('contactName') ? null : 'contactName';
      if (f === 'linkedin') return 'link';
      // Applications have no notes of their own yet.
      if (f === 'notes') return 'remarks';
      return f;
    });
  }
  const duplicates: ColumnMapping['duplicates'] = [];
  const firstOf = new Map<SheetField, number>();
  fields = fields.map((f, i) => {
    // Two salary columns (minimum, maximum) are both "not kept": no need to choose.
    if (f === null || NOT_KEPT.has(f)) return f;
    const first = firstOf.get(f);
    if (first === undefined) {
      firstOf.set(f, i);
      return f;
    }
    duplicates.push({ field: f, used: headers[first]!, ignored: headers[i]! });
    return null;
  });
  return { fields, table, duplicates };
}

/** Whether a field name typed by the seeker (`--column "Firma=organization"`) exists. */
export function isSheetField(name: string): name is SheetField {
  return (SHEET_FIELDS as readonly string[]).includes(name);
}
