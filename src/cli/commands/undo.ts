// `tactful undo [ACTIVITY_ID]`, `tactful activity`, `tactful delete ID`, `tactful restore ID`,
// `tactful trash [--empty]`: the activity history, undo, and the Trash.
import { Option, type Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UserError } from '../errors.js';
import type { RecordType } from '../services.js';
import { safeText } from '../style.js';

const RECORD_TYPES: RecordType[] = ['contact', 'application', 'interview', 'interaction'];

function typeOption(): Option {
  return new Option('--type <type>', 'when the id names records of two kinds').choices(
    RECORD_TYPES,
  );
}

/** "2026-12-02 09:14" in the seeker's zone (UTC when the zone is unknown). */
function when(instant: string, timeZone: string): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(new Date(instant))
      .replace(',', '');
  try {
    return format(timeZone);
  } catch {
    return format('UTC');
  }
}

async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  const prompts = await import('@clack/prompts');
  const answer = await prompts.confirm({ message: question, initialValue: false });
  return !prompts.isCancel(answer) && answer === true;
}

export function registerUndo(program: Command, ctx: CommandContext): void {
  program
    .command('undo')
    .description('undo the last action (or the activity ACTIVITY_ID from `tactful activity`)')
    .argument('[activity-id]', 'the number shown by `tactful activity`')
    .action(async (id: string | undefined) => {
      const undone = await (await ctx.services()).undo(id);
      ctx.print(`Undone: ${safeText(undone.summary)}`);
    });

  program
    .command('activity')
    .description('what you did, newest first, with the numbers `tactful undo` takes')
    .option('--limit <n>', 'how many (default 20)', '20')
    .action(async (options: { limit: string }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
        throw new UserError(`--limit: "${options.limit}" is not a whole number from 1 to 500`);
      }
      const { activities, timezone } = await (await ctx.services()).activity(limit);
      if (activities.length === 0) {
        ctx.print('Nothing done yet.');
        return;
      }
      const width = String(activities[0]!.id).length;
      for (const a of activities) {
        const id = String(a.id).padStart(width);
        const undone = a.undoneAt === null ? '' : ctx.style.dim('  (undone)');
        ctx.print(
          `${ctx.style.bold(id)}  ${when(a.at, timezone)}  ${safeText(a.summary)}${undone}`,
        );
      }
      ctx.print(
        ctx.style.dim(
          'Undo one: tactful undo NUMBER (the newest first if others changed the same records)',
        ),
      );
    });

  program
    .command('delete')
    .description('move a contact, application, interview or interaction to the Trash')
    .argument(
      '<id>',
      'the record id (an application takes its interviews and interactions with it)',
    )
    .option('-y, --yes', 'do not ask (needed when not run from a terminal)')
    .addOption(typeOption())
    .action(async (id: string, options: { yes?: boolean; type?: RecordType }) => {
      const services = await ctx.services();
      const preview = await services.previewDelete(id, options.type);
      if (!options.yes) {
        if (!ctx.deps.stdinIsTty) {
          throw new UserError(`not deleted: add --yes to confirm "${safeText(preview.question)}"`);
        }
        if (!(await confirm(ctx, safeText(preview.question)))) throw new UserError('not deleted');
      }
      const result = await services.deleteRecord(id, preview.entity);
      ctx.print(`${safeText(result.summary)}: in the Trash (restore: tactful restore ${id})`);
    });

  program
    .command('restore')
    .description('bring a record back from the Trash, exactly as it was')
    .argument('<id>', 'the id shown by `tactful trash`')
    .addOption(typeOption())
    .action(async (id: string, options: { type?: RecordType }) => {
      const { activity, restored } = await (await ctx.services()).restore(id, options.type);
      const others = restored.length - 1;
      const more =
        others > 0
          ? ` (with ${others} more record${others === 1 ? '' : 's'} deleted together)`
          : '';
      ctx.print(`Restored: ${safeText(activity.summary.replace(/^Deleted /, ''))}${more}`);
    });

  program
    .command('trash')
    .description('what is in the Trash (--empty: delete it all for good)')
    .option('--empty', 'delete everything in the Trash for good (cannot be undone)')
    .option('-y, --yes', 'with --empty: do not ask (needed when not run from a terminal)')
    .action(async (options: { empty?: boolean; yes?: boolean }) => {
      if (options.yes && !options.empty) throw new UserError('--yes: only with --empty');
      if (options.empty) return emptyTrash(ctx, options.yes === true);
      const { entries, timezone } = await (await ctx.services()).trash();
      if (entries.length === 0) {
        ctx.print('The Trash is empty.');
        return;
      }
      for (const entry of entries) {
        ctx.print(
          `${when(entry.activity.at, timezone)}  ${ctx.style.bold(safeText(entry.activity.summary))}`,
        );
        for (const item of entry.items) {
          ctx.print(
            `  ${item.entity.padEnd(12)} ${ctx.style.cyan(safeText(item.id))}  ${safeText(item.label)}`,
          );
        }
      }
      ctx.print(
        ctx.style.dim(
          'Restore one: tactful restore ID · delete all for good: tactful trash --empty',
        ),
      );
    });
}

/** `tactful trash --empty`: asks on a terminal, wants --yes otherwise. */
async function emptyTrash(ctx: CommandContext, yes: boolean): Promise<void> {
  const services = await ctx.services();
  const preview = await services.previewPurge();
  if (Object.values(preview.counts).every((n) => n === 0)) {
    ctx.print('The Trash is empty: nothing to delete.');
    return;
  }
  if (!yes) {
    if (!ctx.deps.stdinIsTty) {
      throw new UserError(`not emptied: add --yes to confirm "${safeText(preview.question)}"`);
    }
    if (!(await confirm(ctx, safeText(preview.question)))) throw new UserError('not emptied');
  }
  const result = await services.purgeTrash();
  ctx.print(safeText(result.summary));
}
