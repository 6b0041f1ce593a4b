// `tactful backup FILE [--force]`: a consistent copy of the SQLite database. The folder must
// exist; an existing file is replaced only after a yes at the terminal, or with --force.
import type { Command } from 'commander';
import { isDomainError } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import { UserError } from '../errors.js';
import { confirm } from '../prompt.js';

export function registerBackup(program: Command, ctx: CommandContext): void {
  program
    .command('backup')
    .description('copy the database to FILE (SQLite; safe while tactful runs)')
    .argument('<file>', 'destination file (its folder must exist)')
    .option('--force', 'replace FILE if it exists, without asking')
    .action(async (file: string, flags: { force?: boolean }) => {
      const services = await ctx.services();
      try {
        await services.backup(file, { overwrite: flags.force === true });
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'conflict') throw error;
        if (!ctx.deps.stdinIsTty) {
          throw new UserError(`${file} already exists; add --force to replace it`);
        }
        if (!(await confirm(`${file} already exists. Replace it?`))) {
          throw new UserError(`kept ${file} as it was`);
        }
        await services.backup(file, { overwrite: true });
      }
      ctx.print(`Backed up to ${file}.`);
    });
}
