import type { Chance, DebriefNotes, Interview } from '../core/types.js';
import { fromJson, toJson } from './json-column.js';

/** Every column but seeker_id: bulk reads skip the constant (a measurable share of 100,000 rows). */
export const INTERVIEW_COLUMNS = [
  'id',
  'application_id',
  'round',
  'start',
  'timezone',
  'duration_minutes',
  'format',
  'interviewers_json',
  'decision_expected_by',
  'quick_decision',
  'unavailable_until',
  'final',
  'chance',
  'notes_json',
] as const;

export interface InterviewRow {
  seeker_id: string;
  id: string;
  application_id: string;
  round: number;
  start: string;
  timezone: string | null;
  duration_minutes: number;
  format: string | null;
  interviewers_json: string;
  decision_expected_by: string | null;
  quick_decision: number;
  unavailable_until: string | null;
  final: number;
  chance: string;
  notes_json: string;
  /**
   * The SEQUENCE of the invitation the interview was imported from (2026-12-02T12-00-00):
   * not a fact of the plan, so not read with the interview; written only by the import.
   */
  ics_sequence?: number | null;
}

/** Rows written before per-interviewer notes existed have no `byInterviewer`: none. */
function notesFromJson(json: string): DebriefNotes {
  const notes = fromJson<DebriefNotes>(json);
  return { ...notes, byInterviewer: notes.byInterviewer ?? [] };
}

export function interviewFromRow(row: Omit<InterviewRow, 'seeker_id'>): Interview {
  return {
    id: row.id,
    round: Number(row.round),
    start: row.start,
    timezone: row.timezone,
    durationMinutes: Number(row.duration_minutes),
    format: row.format,
    interviewers: fromJson<string[]>(row.interviewers_json),
    decisionExpectedBy: row.decision_expected_by,
    quickDecision: Number(row.quick_decision) === 1,
    unavailableUntil: row.unavailable_until,
    final: Number(row.final) === 1,
    chance: row.chance as Chance,
    notes: notesFromJson(row.notes_json),
  };
}

export function interviewToRow(
  seekerId: string,
  applicationId: string,
  v: Interview,
): InterviewRow {
  return {
    seeker_id: seekerId,
    id: v.id,
    application_id: applicationId,
    round: v.round,
    start: v.start,
    timezone: v.timezone,
    duration_minutes: v.durationMinutes,
    format: v.format,
    interviewers_json: toJson(v.interviewers),
    decision_expected_by: v.decisionExpectedBy,
    quick_decision: v.quickDecision ? 1 : 0,
    unavailable_until: v.unavailableUntil,
    final: v.final ? 1 : 0,
    chance: v.chance,
    notes_json: toJson({
      keyPoints: v.notes.keyPoints,
      forgot: v.notes.forgot,
      promises: v.notes.promises,
      byInterviewer: v.notes.byInterviewer ?? [],
    }),
  };
}
