// `tactful done|skip|snooze STEP_ID [--until DATE]`: stored as step events (facts too).
import type { Command } from 'commander';
import type { StepAction } from '../../core/types.js';
import type { CommandContext } from '../context.js';
import { safeText } from '../style.js';
import { UNDO_HINT } from '../undo-hint.js';

async function act(ctx: CommandContext, stepId: string, action: StepAction, until?: string): Promise<string | null> {
  const result = await (await ctx.services()).recordStepAction(stepId, action, until);
  for (const warning of result.warnings) ctx.print(ctx.style.yellow(`! ${warning.kind}: ${safeText(warning.message)}`));
  return result.until;
}

export function registerStepActions(program: Command, ctx: CommandContext): void {
  program
    .command('done')
    .description('mark a step done (logs its outbound message now)')
    .argument('<step-id>', 'the id shown by `tactful today`')
    .action(async (stepId: string) => {
      await act(ctx, stepId, 'done');
      ctx.print(`Done: ${stepId} ${UNDO_HINT}`);
    });

  program
    .command('skip')
    .description('skip a step for good')
    .argument('<step-id>', 'the id shown by `tactful today`')
    .action(async (stepId: string) => {
      await act(ctx, stepId, 'skip');
      ctx.print(`Skipped: ${stepId} ${UNDO_HINT}`);
    });

  program
    .command('snooze')
    .description('move a step later (default: the next business day)')
    .argument('<step-id>', 'the id shown by `tactful today`')
    .option('--until <date>', 'not before YYYY-MM-DD')
    .action(async (stepId: string, options: { until?: string }) => {
      const { checkDate } = await import('../date-options.js');
      const until = await act(ctx, stepId, 'snooze', checkDate('--until', options.until));
      ctx.print(`Snoozed until ${until ?? 'the next business day'}: ${stepId} ${UNDO_HINT}`);
    });
}
