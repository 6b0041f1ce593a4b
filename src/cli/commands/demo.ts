// `tactful demo`: the sample search in its own dataset beside the seeker's (never in theirs);
// `tactful demo --leave` removes it. Any command looks at it with the global `--sample`.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { summarize } from './import.js';

export function registerDemo(program: Command, ctx: CommandContext): void {
  program
    .command('demo')
    .description(
      'load sample data (six applications) beside your own, never into it; look with `tactful today --sample`',
    )
    .option('--leave', 'remove the sample data (your own data stays as it is)')
    .action(async (options: { leave?: boolean }) => {
      const sample = await ctx.deps.sampleCommands(ctx.config);
      const db = ctx.dbFlagText;
      if (options.leave) {
        const removed = await sample.leave();
        ctx.print(
          removed
            ? `Removed the sample data (${sample.where}). Your own data is unchanged.`
            : `There is no sample data to remove (${sample.where}).`,
        );
        return;
      }
      const document = await sample.load();
      ctx.print(
        [
          `Loaded the sample into ${sample.where}: ${summarize(document)}.`,
          'Your own data and settings are unchanged.',
          `Look at it with --sample on any command: tactful ${db}today --sample`,
          `In the web app (tactful ${db}serve) it shows under a "Sample data" band until you leave it.`,
          `Remove it with: tactful ${db}demo --leave`,
        ].join('\n'),
      );
    });
}
