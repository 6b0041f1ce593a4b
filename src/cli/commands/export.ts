// `tactful export [--format json|csv|ics]`: everything, to stdout. JSON round-trips through import;
// ics is the calendar feed (open steps).
import { Option, type Command } from 'commander';
import type { CommandContext } from '../context.js';

export function registerExport(program: Command, ctx: CommandContext): void {
  program
    .command('export')
    .description('write all your data to stdout (json round-trips through `tactful import`)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['json', 'csv', 'ics'])
        .default('json'),
    )
    .option('--as-of <date>', 'csv, ics: plan the next steps as of this date or instant')
    .action(async (options: { format: 'json' | 'csv' | 'ics'; asOf?: string }) => {
      const services = await ctx.services();
      if (options.format === 'ics') {
        const { plan, facts } = await services.agenda(options.asOf);
        const { planToIcs } = await import('../../feed/ics.js');
        ctx.deps.stdout(planToIcs(plan, facts, Date.parse(plan.asOf)));
      } else if (options.format === 'csv') {
        ctx.print(await services.exportCsv(options.asOf));
      } else {
        ctx.print(JSON.stringify(await services.exportDocument(), null, 2));
      }
    });
}
