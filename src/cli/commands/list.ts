// `tactful list applications|contacts|steps [--json] [--as-of …]`: readable tables that fit
// the terminal (80 columns when piped), or the records as JSON.
import type { Command } from 'commander';
import type { Application, Contact, Step } from '../../core/types.js';
import type { CommandContext } from '../context.js';
import { KIND_WORDS, shortDate } from '../agenda-view.js';
import { UserError } from '../errors.js';
import { renderTable, type Column } from '../table.js';

const WHAT = ['applications', 'contacts', 'steps'] as const;

interface ListFlags {
  json?: boolean;
  asOf?: string;
}

export function registerList(program: Command, ctx: CommandContext): void {
  program
    .command('list')
    .description('list your applications, contacts or open steps')
    .argument('<what>', WHAT.join('|'))
    .option('--json', 'print the records as JSON')
    .option('--as-of <when>', 'steps and statuses as of YYYY-MM-DD or an instant (default: now)')
    .action(async (what: string, flags: ListFlags) => {
      if (!(WHAT as readonly string[]).includes(what)) {
        throw new UserError(`list what? ${WHAT.join(', ')} (got "${what}")`);
      }
      const services = await ctx.services();
      const overview = await services.overview(flags.asOf);
      const { facts, plan } = overview;
      const { statusOf } = await import('../../app/browse.js');
      const asOf = Date.parse(plan.asOf);
      const names = new Map(facts.contacts.map((c) => [c.id, c.name]));
      const organisations = new Map(facts.applications.map((a) => [a.id, a.organization]));
      const nextStep = new Map<string, Step>();
      for (const step of plan.steps) if (!nextStep.has(step.application)) nextStep.set(step.application, step);

      if (what === 'applications') {
        const rows = facts.applications.map((a) => ({ ...a, status: statusOf(a, asOf) }));
        if (flags.json) return ctx.print(JSON.stringify(rows.map(({ interviews: _v, interactions: _x, ...a }) => a), null, 2));
        const columns: Column<Application>[] = [
          { title: 'ID', cell: (a) => a.id },
          { title: 'ORGANISATION', cell: (a) => a.organization, flexible: true },
          { title: 'ROLE', cell: (a) => a.role, flexible: true },
          { title: 'STATUS', cell: (a) => a.status },
          { title: 'ROUNDS', cell: (a) => String(a.interviews.length) },
          {
            title: 'NEXT STEP',
            cell: (a) => {
              const step = nextStep.get(a.id);
              return step ? `${shortDate(step.due)} ${KIND_WORDS[step.kind]}` : '';
            },
            flexible: true,
          },
        ];
        return ctx.print(rows.length === 0 ? 'No applications yet: tactful add application' : renderTable(rows, columns, ctx.width));
      }
      if (what === 'contacts') {
        if (flags.json) return ctx.print(JSON.stringify(facts.contacts, null, 2));
        const columns: Column<Contact>[] = [
          { title: 'ID', cell: (c) => c.id },
          { title: 'NAME', cell: (c) => c.name + (c.isReference ? ' (reference)' : ''), flexible: true },
          { title: 'ORGANISATION', cell: (c) => c.organization ?? '', flexible: true },
          { title: 'E-MAIL', cell: (c) => c.email ?? '', flexible: true },
        ];
        return ctx.print(facts.contacts.length === 0 ? 'No contacts yet: tactful add contact' : renderTable(facts.contacts, columns, ctx.width));
      }
      if (flags.json) return ctx.print(JSON.stringify(plan.steps, null, 2));
      const columns: Column<Step>[] = [
        { title: 'DUE', cell: (s) => shortDate(s.due) + (s.overdue ? ' !' : '') },
        { title: 'WHAT', cell: (s) => KIND_WORDS[s.kind], flexible: true },
        { title: 'WHERE', cell: (s) => organisations.get(s.application) ?? s.application, flexible: true },
        { title: 'TO', cell: (s) => s.to.map((id) => names.get(id) ?? id).join(', '), flexible: true },
        { title: 'ID', cell: (s) => s.id },
      ];
      return ctx.print(plan.steps.length === 0 ? 'No open steps.' : renderTable(plan.steps, columns, ctx.width));
    });
}
