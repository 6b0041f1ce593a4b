// `tactful export [--format json|csv|ics|vcf] [--what applications|contacts|interactions|steps]`:
// to stdout. JSON round-trips through import; the CSV tables and vCards import back; ics is the
// calendar feed (open steps); the steps CSV is the plan as a spreadsheet.
import { Option, type Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UserError } from '../errors.js';

type Format = 'json' | 'csv' | 'ics' | 'vcf';
type What = 'applications' | 'contacts' | 'interactions' | 'steps';

/** Spreadsheet programs read UTF-8 only when the file says so. */
const BOM = '\ufeff';

export function registerExport(program: Command, ctx: CommandContext): void {
  program
    .command('export')
    .description(
      'write your data to stdout (json round-trips through `tactful import`; csv tables and vcf import back too)',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['json', 'csv', 'ics', 'vcf'])
        .default('json'),
    )
    .addOption(
      new Option('--what <table>', 'csv: which table (steps is the plan)').choices([
        'applications',
        'contacts',
        'interactions',
        'steps',
      ]),
    )
    .option('--as-of <date>', 'csv steps, ics: plan the next steps as of this date or instant')
    .action(async (options: { format: Format; what?: What; asOf?: string }) => {
      if (options.what !== undefined && options.format !== 'csv') {
        throw new UserError(`--what goes with --format csv (got --format ${options.format})`);
      }
      const services = await ctx.services();
      if (options.format === 'ics') {
        const { plan, facts } = await services.agenda(options.asOf);
        const { planToIcs } = await import('../../main/calendar-file.js');
        ctx.deps.stdout(planToIcs(plan, facts, Date.parse(plan.asOf)));
      } else if (options.format === 'vcf') {
        ctx.deps.stdout(await services.exportVcf());
      } else if (options.format === 'csv') {
        const what = options.what ?? 'steps';
        const csv =
          what === 'steps'
            ? await services.exportCsv(options.asOf)
            : await services.exportTable(what);
        ctx.deps.stdout(BOM + csv);
      } else {
        ctx.print(JSON.stringify(await services.exportDocument(), null, 2));
      }
    });
}
