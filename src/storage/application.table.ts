import type {
  Application,
  ApplicationPolicy,
  ApplicationStatus,
  ProsCons,
  Source,
} from '../core/types.js';
import { fromJson, toJson } from './json-column.js';

export type ApplicationFields = Omit<Application, 'interviews' | 'interactions'>;

/** Every column but seeker_id: bulk reads skip the constant (a measurable share of 100,000 rows). */
export const APPLICATION_COLUMNS = [
  'id',
  'organization',
  'role',
  'source',
  'region',
  'status',
  'created_on',
  'agent',
  'references_json',
  'policy_json',
  'pros_cons_json',
] as const;

export interface ApplicationRow {
  seeker_id: string;
  id: string;
  organization: string;
  role: string;
  source: string;
  region: string | null;
  status: string;
  created_on: string | null;
  agent: string | null;
  references_json: string;
  policy_json: string | null;
  pros_cons_json: string;
}

export function applicationFromRow(row: Omit<ApplicationRow, 'seeker_id'>): ApplicationFields {
  return {
    id: row.id,
    organization: row.organization,
    role: row.role,
    source: row.source as Source,
    region: row.region,
    status: row.status as ApplicationStatus,
    createdOn: row.created_on,
    agent: row.agent,
    references: fromJson<string[]>(row.references_json),
    policy: row.policy_json === null ? null : fromJson<ApplicationPolicy>(row.policy_json),
    prosCons: fromJson<ProsCons>(row.pros_cons_json),
  };
}

export function applicationToRow(seekerId: string, a: ApplicationFields): ApplicationRow {
  return {
    seeker_id: seekerId,
    id: a.id,
    organization: a.organization,
    role: a.role,
    source: a.source,
    region: a.region,
    status: a.status,
    created_on: a.createdOn,
    agent: a.agent,
    references_json: toJson(a.references),
    policy_json: a.policy === null ? null : toJson(a.policy),
    pros_cons_json: toJson({
      pros: a.prosCons.pros,
      cons: a.prosCons.cons,
      strengths: a.prosCons.strengths,
    }),
  };
}
