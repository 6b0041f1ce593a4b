// `tactful backup FILE`: a consistent copy of the SQLite database.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

export function registerBackup(program: Command, ctx: CommandContext): void {
  program
    .command('backup')
    .description('copy the database to FILE (SQLite; safe while tactful runs)')
    .argument('<file>', 'destination file')
    .action(async (file: string) => {
      await (await ctx.services()).backup(file);
      ctx.print(`Backed up to ${file}.`);
    });
}
