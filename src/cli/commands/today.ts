// `tactful today [--as-of …]`: the human agenda (overdue, today, next 7 days).
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { renderAgenda } from '../agenda-view.js';

export function registerToday(program: Command, ctx: CommandContext): void {
  program
    .command('today')
    .description('what to do today: overdue steps, today\'s and the next 7 days\'')
    .option('--as-of <when>', 'as of YYYY-MM-DD (start of that day in your zone) or an RFC 3339 instant')
    .action(async (options: { asOf?: string }) => {
      const services = await ctx.services();
      const { plan, facts } = await services.agenda(options.asOf);
      ctx.print(renderAgenda(plan, facts, { style: ctx.style, width: ctx.width }));
    });
}
