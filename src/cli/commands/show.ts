// `tactful show ID [--json]`: one record in full — a contact, an application with its rounds,
// messages and open steps, an interview, or a step with its reason.
import type { Command } from 'commander';
import type { FoundRecord } from '../../app/browse.js';
import type { Facts, Interview, Step } from '../../core/types.js';
import type { CommandContext } from '../context.js';
import { KIND_WORDS, shortDate } from '../agenda-view.js';
import { safeText, wrap } from '../style.js';

function stepLine(step: Step, names: Map<string, string>): string {
  const to = step.to.length > 0 ? ` to ${step.to.map((id) => names.get(id) ?? id).join(', ')}` : '';
  return `${shortDate(step.due)}${step.overdue ? ' (overdue)' : ''}  ${KIND_WORDS[step.kind]}${to}  [${step.id}]`;
}

function interviewLine(v: Interview, names: Map<string, string>): string {
  const who = v.interviewers.map((id) => names.get(id) ?? id).join(', ');
  const when = `${shortDate(v.start.slice(0, 10))} ${v.start.slice(0, 4)} at ${v.start.slice(11, 16)}`;
  return `round ${v.round}${v.final ? ' (final)' : ''}, ${when}${who ? ` with ${who}` : ''}  [${v.id}]`;
}

function render(found: FoundRecord, facts: Facts, width: number): string[] {
  const names = new Map(facts.contacts.map((c) => [c.id, c.name]));
  const out: string[] = [];
  const field = (label: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') out.push(...wrap(`${label}: ${value}`, width, '    ', '  '));
  };
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push('', `${title}:`);
    for (const line of lines) out.push(...wrap(line, width, '    ', '  '));
  };
  switch (found.kind) {
    case 'application': {
      const a = found.application;
      out.push(`Application ${a.id}: ${a.organization} · ${a.role}`);
      field('status', found.status);
      field('who you deal with', a.source);
      field('applied on', a.createdOn);
      field('holiday region', a.region);
      field('agent', a.agent ? (names.get(a.agent) ?? a.agent) : null);
      field('references', a.references.map((id) => names.get(id) ?? id).join(', '));
      field('pros', a.prosCons.pros.join('; '));
      field('cons', a.prosCons.cons.join('; '));
      field('where you would excel', a.prosCons.strengths.join('; '));
      section('Interviews', a.interviews.map((v) => interviewLine(v, names)));
      section(
        'Messages',
        a.interactions.map((x) => {
          const who = x.contacts.map((id) => names.get(id) ?? id).join(', ');
          const dir = x.direction === 'in' ? 'from' : 'to';
          return `${x.at.slice(0, 10)}  ${x.kind}${who ? ` ${dir} ${who}` : ''}${x.summary ? `: ${x.summary}` : ''}  [${x.id}]`;
        }),
      );
      section('Open steps', found.steps.map((s) => stepLine(s, names)));
      break;
    }
    case 'contact': {
      const c = found.contact;
      out.push(`Contact ${c.id}: ${c.name}${c.isReference ? ' (one of your references)' : ''}`);
      field('title', c.title);
      field('organisation', c.organization);
      field('e-mail', c.email);
      field('phone', c.phone);
      field('LinkedIn', c.linkedin);
      field('notes', c.notes);
      section('Applications', found.applications.map((a) => `${a.organization} · ${a.role}  [${a.id}]`));
      section('Open steps', found.steps.map((s) => stepLine(s, names)));
      break;
    }
    case 'interview': {
      const v = found.interview;
      out.push(`Interview ${v.id}: ${found.application.organization} · ${found.application.role}, round ${v.round}`);
      field('start', `${v.start.replace('T', ' ')}${v.timezone ? ` (${v.timezone})` : ''}, ${v.durationMinutes} minutes`);
      field('format', v.format);
      field('interviewers', v.interviewers.map((id) => names.get(id) ?? id).join(', '));
      field('they expect to decide by', v.decisionExpectedBy);
      field('they are away until', v.unavailableUntil);
      field('your chances', v.chance);
      field('key points', v.notes.keyPoints.join('; '));
      field('what you forgot', v.notes.forgot.join('; '));
      field('promises', v.notes.promises.join('; '));
      section('Open steps', found.steps.map((s) => stepLine(s, names)));
      break;
    }
    case 'step': {
      const s = found.step;
      out.push(`Step ${s.id}: ${KIND_WORDS[s.kind]}`);
      field('application', `${found.application.organization} · ${found.application.role} [${found.application.id}]`);
      field('to', s.to.map((id) => names.get(id) ?? id).join(', ') || 'you');
      field('channel', s.channel);
      field('due', `${shortDate(s.due)} ${s.due.slice(0, 4)}${s.overdue ? ' (overdue)' : ''}`);
      field('why', s.why);
      out.push('', `  Draft: tactful draft ${s.id} · done: tactful done ${s.id}`);
      break;
    }
  }
  return out.map(safeText);
}

export function registerShow(program: Command, ctx: CommandContext): void {
  program
    .command('show')
    .description('show one record: an application, a contact, an interview or a step')
    .argument('<id>', 'its id, as `tactful list …` shows it')
    .option('--json', 'print the record as JSON')
    .option('--as-of <when>', 'open steps as of YYYY-MM-DD or an instant (default: now)')
    .action(async (id: string, flags: { json?: boolean; asOf?: string }) => {
      const services = await ctx.services();
      const overview = await services.overview(flags.asOf);
      const { findRecord } = await import('../../app/browse.js');
      const found = findRecord(overview, id);
      if (flags.json) return ctx.print(JSON.stringify(found, null, 2));
      ctx.print(render(found, overview.facts, ctx.width).join('\n'));
    });
}
