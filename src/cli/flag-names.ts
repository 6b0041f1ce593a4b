// The one place that names an input field as the CLI user sees it: the flag they typed.
// Use cases report `contacts[0]` or `decisionExpectedBy`; the terminal says `--to` and
// `--decision-by`. A field with no flag is not named at all (never an internal path).
import { fieldRoot } from '../core/errors.js';

/** Fields whose flag is not simply their name in kebab-case. */
const RENAMED: Record<string, string> = {
  contacts: '--to',
  durationMinutes: '--duration',
  decisionExpectedBy: '--decision-by',
  isReference: '--reference',
  username: '--user',
  fromAddress: '--from',
  folders: '--folder',
  lookBackDays: '--look-back',
};

/** Fields that are flags of some command under their own (kebab-case) name. */
const FLAGS = new Set([
  'until',
  'asOf',
  'at',
  'application',
  'id',
  'name',
  'title',
  'organization',
  'email',
  'phone',
  'linkedin',
  'notes',
  'role',
  'source',
  'region',
  'createdOn',
  'agent',
  'references',
  'pros',
  'cons',
  'strengths',
  'round',
  'start',
  'timezone',
  'format',
  'interviewers',
  'quickDecision',
  'unavailableUntil',
  'final',
  'chance',
  'keyPoints',
  'forgot',
  'promises',
  'kind',
  'direction',
  'channel',
  'summary',
  'newDecisionDate',
  'onHold',
  'offerDeadline',
  'preset',
  'signature',
  'activeTarget',
  'host',
  'port',
  'tls',
  'fromName',
  'user',
]);

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `decisionExpectedBy` → `--decision-by`, `interviewers[1]` → `--interviewers`; unknown → undefined. */
export function flagOf(field: string): string | undefined {
  const root = fieldRoot(field);
  const renamed = RENAMED[root];
  if (renamed !== undefined) return renamed;
  return FLAGS.has(root) ? `--${kebab(root)}` : undefined;
}
