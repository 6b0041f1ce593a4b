import type { Contact } from '../core/types.js';

/** Every column but seeker_id: bulk reads skip the constant (a measurable share of 100,000 rows). */
export const CONTACT_COLUMNS = [
  'id',
  'name',
  'title',
  'organization',
  'email',
  'phone',
  'linkedin',
  'is_reference',
  'notes',
] as const;

export interface ContactRow {
  seeker_id: string;
  id: string;
  name: string;
  title: string | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
  linkedin: string | null;
  is_reference: number;
  notes: string | null;
}

export function contactFromRow(row: Omit<ContactRow, 'seeker_id'>): Contact {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    organization: row.organization,
    email: row.email,
    phone: row.phone,
    linkedin: row.linkedin,
    isReference: Number(row.is_reference) === 1,
    notes: row.notes,
  };
}

export function contactToRow(seekerId: string, c: Contact): ContactRow {
  return {
    seeker_id: seekerId,
    id: c.id,
    name: c.name,
    title: c.title,
    organization: c.organization,
    email: c.email,
    phone: c.phone,
    linkedin: c.linkedin,
    is_reference: c.isReference ? 1 : 0,
    notes: c.notes,
  };
}
