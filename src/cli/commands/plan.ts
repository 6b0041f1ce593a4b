// `tactful plan [--json] [--as-of DATE|INSTANT]`: every open step and warning.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { KIND_WORDS } from '../agenda-view.js';
import { safeText } from '../style.js';

export function registerPlan(program: Command, ctx: CommandContext): void {
  program
    .command('plan')
    .description('every open step and warning across your applications')
    .option('--json', 'print the plan object (SPEC §5) as JSON')
    .option('--as-of <when>', 'plan as of YYYY-MM-DD (start of that day in your zone) or an RFC 3339 instant')
    .action(async (options: { json?: boolean; asOf?: string }) => {
      const services = await ctx.services();
      const plan = await services.plan(options.asOf);
      if (options.json) {
        ctx.print(JSON.stringify(plan, null, 2));
        return;
      }
      const style = ctx.style;
      const lines = [`Plan as of ${plan.asOf}: ${plan.steps.length} open step(s)`];
      for (const w of plan.warnings) lines.push(style.yellow(`! ${w.kind}: ${safeText(w.message)}`));
      for (const s of plan.steps) {
        const flag = s.heldBy !== undefined
          ? style.yellow(` held by unread reply ${s.heldBy}`)
          : s.overdue
            ? style.red(' overdue')
            : '';
        lines.push(`${s.due}${flag}  ${KIND_WORDS[s.kind]}  ${style.cyan(s.id)}`);
      }
      ctx.print(lines.join('\n'));
    });
}
