// The human agenda of `tactful today`: warnings, then overdue / today / next 7 days, each
// step with its date, what to do in words, where, to whom, why and its id. Pure: returns text.
import type { Channel, Facts, IsoDate, Plan, Step, StepKind } from '../core/types.js';
import { groupSteps } from '../core/agenda.js';
import { safeText, wrap, type Style } from './style.js';

export const KIND_WORDS: Record<StepKind, string> = {
  thank_you: 'Send a thank-you note',
  offer_update: 'Mention your offer (in passing, no ultimatum)',
  withdraw: 'Withdraw on good terms',
  answer_offer: 'Answer the offer: accept, or decline gracefully',
  final_thanks: 'Thank them and ask for feedback',
  status_check: 'Ask for an update',
  check_in: 'Check in with something of value',
  keep_warm: 'Keep in touch',
  connect: 'Connect on LinkedIn',
  references_heads_up: 'Give your reference a heads-up',
  debrief: 'Write down who interviewed you and what was said',
  reflect: 'Reflect: pros, cons, where you would excel',
  move_on: 'Move on: close it as no response',
};

const CHANNEL_WORDS: Record<Channel, string> = {
  email: 'e-mail',
  phone: 'phone',
  voicemail: 'voicemail',
  letter: 'handwritten letter',
  linkedin: 'LinkedIn',
  in_person: 'in person',
};

const WARNING_WORDS: Record<string, string> = {
  keep_searching: 'keep searching',
  pacing: 'pacing',
  late_thank_you: 'late thank-you',
  missing_round: 'missing round',
  missing_detail: 'missing detail',
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-11-23` → `Mon 23 Nov`. */
export function shortDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${d} ${MONTHS[m - 1]}`;
}

// Building an Intl formatter costs far more than using one: one per zone.
const timeFormatters = new Map<string, Intl.DateTimeFormat>();

function timeIn(epochMs: number, zone: string): string {
  let fmt = timeFormatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormatters.set(zone, fmt);
  }
  return fmt.format(epochMs);
}

export interface AgendaOptions {
  style: Style;
  /** Columns; long lines wrap to it. */
  width: number;
}

/** Steps are indented under a date column: `  Thu 12 Nov  Ask for an update`. */
const DATE_COLUMN = 14;

/** The whole agenda as lines of text (no trailing newline). */
export function renderAgenda(plan: Plan, facts: Facts, options: AgendaOptions): string {
  const { style } = options;
  const width = Math.max(40, options.width);
  const zone = facts.settings.timezone;
  const groups = groupSteps(plan, zone);
  const contacts = new Map(facts.contacts.map((c) => [c.id, c]));
  const applications = new Map(facts.applications.map((a) => [a.id, a]));
  const out: string[] = [];

  out.push(style.bold(`Today, ${shortDate(groups.asOfDate)} ${groups.asOfDate.slice(0, 4)}`) + style.dim(` · ${zone}`));
  if (plan.warnings.length > 0) {
    out.push('');
    for (const warning of plan.warnings) {
      const app = warning.application ? applications.get(warning.application) : undefined;
      const where = app ? ` (${safeText(app.organization)})` : '';
      const label = WARNING_WORDS[warning.kind] ?? warning.kind;
      const text = `${label}${where}: ${safeText(warning.message)}`;
      for (const line of wrap(text, width, '   ', ' ! ')) out.push(style.yellow(line));
    }
  }

  const renderStep = (step: Step, showDate: boolean): void => {
    const app = applications.get(step.application);
    const pad = ' '.repeat(DATE_COLUMN);
    const dueWords = step.dueAt ? `by ${timeIn(Date.parse(step.dueAt), zone)}` : '';
    const dateLabel = showDate ? shortDate(step.due) : dueWords || 'today';
    const head = `  ${dateLabel.padEnd(DATE_COLUMN - 2)}`;
    const title = KIND_WORDS[step.kind];
    out.push(head + style.bold(title));
    if (showDate && dueWords) out.push(pad + style.dim(dueWords));
    if (app) out.push(...wrap(`${safeText(app.organization)} · ${safeText(app.role)}`, width, pad, pad));
    const names = step.to.map((id) => safeText(contacts.get(id)?.name ?? id));
    const who = names.length === 0 ? 'for you' : `to ${names.join(', ')}`;
    const how = step.channel ? ` · ${CHANNEL_WORDS[step.channel]}` : '';
    out.push(...wrap(who + how, width, pad, pad));
    out.push(...wrap(safeText(step.why), width, pad, pad).map(style.dim));
    out.push(...wrap(`id ${step.id}`, width, pad, pad).map(style.cyan));
  };

  const section = (title: string, steps: Step[], showDate: boolean, paint: (s: string) => string): void => {
    if (steps.length === 0) return;
    out.push('', paint(style.bold(`${title} (${steps.length})`)));
    steps.forEach((step, i) => {
      if (i > 0) out.push('');
      renderStep(step, showDate);
    });
  };

  section('Overdue', groups.overdue, true, style.red);
  section('Today', groups.today, false, style.green);
  section('Next 7 days', groups.upcoming, true, (s) => s);
  // Held by an unread reply (SPEC §3): listed apart, with what releases them.
  if (groups.held.length > 0) {
    out.push('', style.yellow(style.bold(`Waiting for you to read a reply (${groups.held.length})`)));
    for (const step of groups.held) {
      const app = applications.get(step.application);
      const where = app ? ` (${safeText(app.organization)})` : '';
      out.push(...wrap(`${KIND_WORDS[step.kind]}${where}: held by message ${step.heldBy}`, width, '  ', '  '));
    }
    out.push(...wrap('Confirm or set the reply aside on Today in the web app to release them.', width, '  ', '  ').map(style.dim));
  }

  const shown = groups.overdue.length + groups.today.length + groups.upcoming.length;
  out.push('');
  if (shown > 0) {
    out.push(style.dim('Done: tactful done <id> · not doing it: tactful skip <id>'));
    out.push(style.dim('Later: tactful snooze <id> [--until YYYY-MM-DD]'));
  } else if (facts.applications.length === 0) {
    out.push(...wrap('Nothing to follow up yet. Add an application with `tactful add application`, import your data with `tactful import FILE`, or explore with `tactful demo`.', width));
  } else if (groups.later.next) {
    const next = groups.later.next;
    const app = applications.get(next.application);
    const where = app ? ` (${safeText(app.organization)})` : '';
    out.push(...wrap(`Nothing due in the next 7 days. Next: ${KIND_WORDS[next.kind].toLowerCase()}${where} on ${shortDate(next.due)}. Meanwhile, keep your search going: \`tactful add application\`.`, width));
  } else {
    out.push(...wrap('No open follow-ups. Keep your search going: add new applications with `tactful add application`, and log interviews with `tactful add interview`.', width));
  }
  return out.join('\n');
}
