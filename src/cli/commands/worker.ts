// `tactful worker [--once]`: the outbox loop (claim → send → mark) and the 08:00 digest
// scheduler. Any number of workers may run against one PostgreSQL database.
import { InvalidArgumentError, type Command } from 'commander';
import type { CommandContext } from '../context.js';

interface WorkerFlags {
  once?: boolean;
  poll: number;
  staleAfter: number;
  inboxPoll: number;
}

function seconds(value: string): number {
  if (!/^\d{1,6}$/.test(value)) throw new InvalidArgumentError('a whole number of seconds');
  return Number(value);
}

export function registerWorker(program: Command, ctx: CommandContext): void {
  program
    .command('worker')
    .description('send queued e-mail and the 08:00 digest, read the mailbox (runs until stopped; --once: one pass)')
    .option('--once', 'one pass, then exit')
    .option('--poll <seconds>', 'seconds between passes', seconds, 30)
    .option(
      '--stale-after <seconds>',
      'a message left "sending" this long was cut off by a crash',
      seconds,
      600,
    )
    .option(
      '--inbox-poll <seconds>',
      'seconds between two reads of the mailbox (new mail wakes it sooner where the server offers IDLE)',
      seconds,
      300,
    )
    .action(async (flags: WorkerFlags) => {
      const { runWorkerCommand } = await import('../../main/worker-command.js');
      await runWorkerCommand(ctx.config, {
        once: flags.once === true,
        pollMs: Math.max(1, flags.poll) * 1000,
        staleAfterMs: flags.staleAfter * 1000,
        inboxIntervalMs: Math.max(1, flags.inboxPoll) * 1000,
        print: (line) => ctx.print(line),
      });
    });
}
