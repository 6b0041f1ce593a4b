// `--note-for c2="peak season staffing"`: a key point discussed with one interviewer, for the
// thank-you to that person (the debrief's per-interviewer notes). Repeat it for more points.
import type { InterviewerNotes } from '../core/types.js';
import { UserError } from './errors.js';

/** Groups `CONTACT=TEXT` values by contact, in the order given; undefined when the flag is absent. */
export function parseNoteFor(values: string[] | undefined): InterviewerNotes[] | undefined {
  if (values === undefined) return undefined;
  const notes: InterviewerNotes[] = [];
  for (const value of values) {
    const at = value.indexOf('=');
    const contact = value.slice(0, at).trim();
    const point = value.slice(at + 1).trim();
    if (at < 0 || contact === '' || point === '') {
      throw new UserError(
        `--note-for takes CONTACT=TEXT, e.g. --note-for c2="peak season staffing" (got "${value}")`,
      );
    }
    const entry = notes.find((n) => n.contact === contact);
    if (entry) entry.keyPoints.push(point);
    else notes.push({ contact, keyPoints: [point] });
  }
  return notes;
}
