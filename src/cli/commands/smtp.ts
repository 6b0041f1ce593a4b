// `tactful smtp set|show|test`: the SMTP account the worker sends through. The password is read
// from stdin (never a flag: flags land in shell history and `ps`), stored encrypted, never shown.
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CommandContext } from '../context.js';

interface SetFlags {
  host: string;
  port: number;
  tls: 'implicit' | 'starttls' | 'none';
  user?: string;
  from: string;
  fromName?: string;
  passwordStdin?: boolean;
}

function port(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65_535)
    throw new InvalidArgumentError('a port number 1–65535');
  return Number(value);
}

export function registerSmtp(program: Command, ctx: CommandContext): void {
  const smtp = program
    .command('smtp')
    .description('the SMTP account for the morning digest and for sending follow-ups');

  smtp
    .command('set')
    .description('save the SMTP settings (the password from stdin with --password-stdin)')
    .requiredOption('--host <host>', 'SMTP server')
    .addOption(
      new Option('--port <port>', 'port (465 implicit TLS, 587 STARTTLS)')
        .argParser(port)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--tls <mode>', 'TLS mode')
        .choices(['implicit', 'starttls', 'none'])
        .default('starttls'),
    )
    .option('--user <name>', 'user name to log in with')
    .requiredOption('--from <address>', 'your address: the sender, and where the digest goes')
    .option('--from-name <name>', 'your name on outgoing mail')
    .option('--password-stdin', 'read the password from stdin (first line)')
    .action(async (flags: SetFlags) => {
      const password = flags.passwordStdin
        ? (readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '')
        : undefined;
      const { withMail } = await import('../../main/cli-mail.js');
      const view = await withMail(ctx.config, (mail) =>
        mail.save({
          host: flags.host,
          port: flags.port,
          tls: flags.tls,
          username: flags.user ?? null,
          ...(password === undefined ? {} : { password }),
          fromAddress: flags.from,
          fromName: flags.fromName ?? null,
        }),
      );
      ctx.print(
        `SMTP saved: ${view.host}:${view.port} (${view.tls}), from ${view.fromAddress}, password ${view.passwordSet ? 'set' : 'not set'}.`,
      );
    });

  smtp
    .command('show')
    .description('print the SMTP settings (never the password)')
    .action(async () => {
      const { withMail } = await import('../../main/cli-mail.js');
      const view = await withMail(ctx.config, (mail) => mail.show());
      ctx.print(
        view ? JSON.stringify(view, null, 2) : 'SMTP is not set up (tactful smtp set --help).',
      );
    });

  smtp
    .command('test')
    .description('send a test message to your own address now')
    .action(async () => {
      const { withMail } = await import('../../main/cli-mail.js');
      const outcome = await withMail(ctx.config, (mail) => mail.test());
      if (outcome.status !== 'sent')
        throw new (await import('../errors.js')).UserError(
          `test message not sent: ${outcome.error}`,
        );
      ctx.print(`Test message sent (${outcome.response}).`);
    });
}
