// The pacing guard (SPEC §3.1 "Pacing order"): at most one outbound message to the same
// organisation per calendar day. Runs per organisation, day by day, on the computed dates.
import type { BusinessCalendar } from '../calendar.js';
import { STEP_KINDS, type IsoDate, type PlanWarning, type StepKind } from '../types.js';
import type { AppContext, Draft } from './context.js';

/** Kinds that are not messages to the organisation: to the seeker or to references. */
export const UNPACED_KINDS = new Set<StepKind>(['debrief', 'reflect', 'move_on', 'references_heads_up']);
/** Outbound interactions that are not messages to the organisation (`accept` and `other` are). */
const UNPACED_LOGS = new Set<string>(['debrief', 'reflect', 'move_on', 'references_heads_up']);

const RANK = new Map<StepKind, number>(STEP_KINDS.map((k, i) => [k, i]));

/** One message: the same-kind steps of one application planned for one day. */
interface Message {
  steps: Draft[];
  kind: StepKind;
  application: string;
  region: string;
  fixed: boolean;
  originalDue: IsoDate;
  firstId: string;
  date: IsoDate;
}

function compareMessages(a: Message, b: Message): number {
  return (
    RANK.get(a.kind)! - RANK.get(b.kind)! ||
    (a.originalDue < b.originalDue ? -1 : a.originalDue > b.originalDue ? 1 : 0) ||
    (a.firstId < b.firstId ? -1 : a.firstId > b.firstId ? 1 : 0)
  );
}

/** Per organisation and day (seeker's zone), the logged outbound messages as `application|kind`. */
export type LoggedDays = Map<string, Map<IsoDate, Set<string>>>;

/** Only for the organisations in `wanted` (those with planned messages): the rest cannot collide. */
function loggedDays(actxs: AppContext[], wanted: Map<string, unknown>, names: Map<string, string>): LoggedDays {
  const days: LoggedDays = new Map();
  for (const actx of actxs) {
    if (!wanted.has(actx.orgKey)) continue;
    if (!names.has(actx.orgKey)) names.set(actx.orgKey, actx.app.organization.trim());
    for (const t of actx.interactions) {
      if (t.ix.direction !== 'out' || UNPACED_LOGS.has(t.ix.kind)) continue;
      let byDay = days.get(actx.orgKey);
      if (!byDay) days.set(actx.orgKey, (byDay = new Map()));
      let set = byDay.get(t.date);
      if (!set) byDay.set(t.date, (set = new Set()));
      set.add(`${actx.app.id}|${t.ix.kind}`);
    }
  }
  return days;
}

/** A day is full for a message when it holds a logged message other than the message itself. */
function fullFor(logged: Set<string> | undefined, m: Message): boolean {
  if (!logged) return false;
  return logged.size > 1 || !logged.has(`${m.application}|${m.kind}`);
}

/** Moves drafts in place (`due`) so no organisation gets two messages on one day. */
export function pace(
  drafts: Draft[],
  actxs: AppContext[],
  calendar: BusinessCalendar,
  warnings: PlanWarning[],
): void {
  const byOrg = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (UNPACED_KINDS.has(d.kind)) continue;
    const list = byOrg.get(d.orgKey);
    if (list) list.push(d);
    else byOrg.set(d.orgKey, [d]);
  }
  const organisationNames = new Map<string, string>();
  const logged = loggedDays(actxs, byOrg, organisationNames);
  for (const [org, list] of byOrg) {
    const full = logged.get(org);
    if (list.length === 1 && !full) continue;
    paceOrganisation(list, full ?? new Map(), calendar, organisationNames.get(org) ?? org, warnings);
  }
}

function paceOrganisation(
  drafts: Draft[],
  full: Map<IsoDate, Set<string>>,
  calendar: BusinessCalendar,
  name: string,
  warnings: PlanWarning[],
): void {
  let pending = drafts.map((d): Message => ({
    steps: [d],
    kind: d.kind,
    application: d.application,
    region: d.region,
    fixed: d.fixed,
    originalDue: d.due,
    firstId: d.id,
    date: d.due,
  }));
  while (pending.length > 0) {
    let day = pending[0]!.date;
    for (const m of pending) if (m.date < day) day = m.date;
    const today = mergeSameKind(pending.filter((m) => m.date === day));
    pending = pending.filter((m) => m.date !== day);
    const logged = full.get(day);
    const fixed = today.filter((m) => m.fixed);
    const movable = today.filter((m) => !m.fixed).sort(compareMessages);
    let stays: Message[];
    if (fixed.length > 0) {
      stays = fixed;
      const alreadyContacted = fixed.some((m) => fullFor(logged, m));
      if (fixed.length > 1 || alreadyContacted) {
        const kinds = fixed.map((m) => m.kind.replace(/_/g, ' ')).join(' and ');
        warnings.push({
          kind: 'pacing',
          application: fixed[fixed.length - 1]!.application,
          message: `${kinds} to ${name} fall on ${day}${alreadyContacted ? ', a day you already contacted them' : ''}: they cannot wait, so send them together or keep them short.`,
        });
      }
    } else {
      stays = movable.filter((m) => !fullFor(logged, m)).slice(0, 1);
    }
    for (const m of movable) {
      if (stays.includes(m)) continue;
      m.date = calendar.addBusinessDays(m.region, day, 1);
      pending.push(m);
    }
    for (const m of stays) for (const s of m.steps) s.due = day;
  }
}

/** Same-kind steps of one application on one day are one message. */
function mergeSameKind(messages: Message[]): Message[] {
  const byKey = new Map<string, Message>();
  for (const m of messages) {
    const key = `${m.application}|${m.kind}`;
    const into = byKey.get(key);
    if (!into) {
      byKey.set(key, m);
      continue;
    }
    into.steps.push(...m.steps);
    into.fixed ||= m.fixed;
    if (m.originalDue < into.originalDue) into.originalDue = m.originalDue;
    if (m.firstId < into.firstId) into.firstId = m.firstId;
  }
  return [...byKey.values()];
}
