// `tactful done|skip|snooze STEP_ID [--until DATE]`: stored as step events (facts too).
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { checkDate } from '../options.js';

export function registerStepActions(program: Command, ctx: CommandContext): void {
  program
    .command('done')
    .description('mark a step done (logs its outbound interaction now)')
    .argument('<step-id>', 'the id shown by `tactful today`')
    .action(async (stepId: string) => {
      await (await ctx.services()).recordStepAction(stepId, 'done');
      ctx.print(`Done: ${stepId}`);
    });

  program
    .command('skip')
    .description('skip a step for good')
    .argument('<step-id>', 'the id shown by `tactful today`')
    .action(async (stepId: string) => {
      await (await ctx.services()).recordStepAction(stepId, 'skip');
      ctx.print(`Skipped: ${stepId}`);
    });

  program
    .command('snooze')
    .description('move a step later (default: the next business day)')
    .argument('<step-id>', 'the id shown by `tactful today`')
    .option('--until <date>', 'not before YYYY-MM-DD')
    .action(async (stepId: string, options: { until?: string }) => {
      const until = checkDate('--until', options.until);
      await (await ctx.services()).recordStepAction(stepId, 'snooze', until);
      ctx.print(until ? `Snoozed until ${until}: ${stepId}` : `Snoozed to the next business day: ${stepId}`);
    });
}
