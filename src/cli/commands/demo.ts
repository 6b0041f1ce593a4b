// `tactful demo`: load the sample search (idempotent: running it again refreshes the same ids).
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { summarize } from './import.js';

export function registerDemo(program: Command, ctx: CommandContext): void {
  program
    .command('demo')
    .description('load sample data (six applications) to try tactful; then run `tactful today`')
    .action(async () => {
      const document = await (await ctx.services()).loadDemo();
      ctx.print(`Loaded the demo: ${summarize(document)}. Now run: tactful today`);
    });
}
