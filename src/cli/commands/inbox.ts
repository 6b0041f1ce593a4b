// `tactful inbox set|show|test|check|off`: the mailbox (IMAP, read-only) whose replies and
// invitations are matched to applications. The password is read from stdin (never a flag:
// flags land in shell history and `ps`), stored sealed, never shown.
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { InboxCheckReport } from '../../app/inbox.js';
import type { InboxSettingsView } from '../../app/inbox-settings.js';
import type { CommandContext } from '../context.js';
import { UserError } from '../errors.js';

interface SetFlags {
  host: string;
  port?: number;
  tls: 'implicit' | 'starttls' | 'none';
  user: string;
  passwordStdin?: boolean;
  folder?: string[];
  lookBack?: number;
}

function port(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65_535)
    throw new InvalidArgumentError('a port number 1–65535');
  return Number(value);
}

function days(value: string): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 365)
    throw new InvalidArgumentError('a number of days, 1–365');
  return Number(value);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The usual port of each TLS mode when none is given. */
const DEFAULT_PORT = { implicit: 993, starttls: 143, none: 143 } as const;

function describeView(view: InboxSettingsView): string {
  return (
    `Mailbox saved: ${view.user} at ${view.host}:${view.port} (${view.tls}); ` +
    `folders ${view.folders.join(', ')}; first check looks back ${view.lookBackDays} days; ` +
    `password ${view.passwordSet ? 'set' : 'not set (add --password-stdin)'}.`
  );
}

export function describeReport(report: InboxCheckReport): string {
  const lines = report.folders.map(
    (f) => `${f.folder}: ${f.scanned} read, ${f.matched} matched`,
  );
  for (const m of report.matched) {
    const when = m.receivedAt ? ` (${m.receivedAt})` : '';
    const application = m.applicationId ? ` → ${m.applicationId}` : ' → which application?';
    lines.push(`- ${m.from}: ${m.subject}${when}${application}: ${m.suggestion} — ${m.why}`);
  }
  for (const s of report.skipped) lines.push(`skipped ${s.folder} #${s.uid}: ${s.reason}`);
  if (report.matched.length === 0) lines.push('Nothing new from your applications.');
  return lines.join('\n');
}

export function registerInbox(program: Command, ctx: CommandContext): void {
  const inbox = program
    .command('inbox')
    .description('the mailbox (IMAP, read-only) whose replies and invitations tactful matches');

  inbox
    .command('set')
    .description('connect a mailbox (the password from stdin with --password-stdin)')
    .requiredOption('--host <host>', 'IMAP server')
    .addOption(new Option('--port <port>', 'port (993 implicit TLS, 143 STARTTLS)').argParser(port))
    .addOption(
      new Option('--tls <mode>', 'TLS mode (none: only for a server on this computer)')
        .choices(['implicit', 'starttls', 'none'])
        .default('implicit'),
    )
    .requiredOption('--user <name>', 'user name to log in with (often your address)')
    .option('--password-stdin', 'read the password (an app password) from stdin (first line)')
    .option('--folder <name>', 'a folder to read besides INBOX (repeatable)', collect)
    .option('--look-back <days>', 'how far back the first check looks (default 30)', days)
    .action(async (flags: SetFlags) => {
      const password = flags.passwordStdin
        ? (readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '')
        : undefined;
      if (password === '') throw new UserError('--password-stdin: stdin had no password on its first line');
      const { withInbox } = await import('../../main/inbox.js');
      const view = await withInbox(ctx.config, (service) =>
        service.save({
          host: flags.host,
          port: flags.port ?? DEFAULT_PORT[flags.tls],
          tls: flags.tls,
          user: flags.user,
          ...(password === undefined ? {} : { password }),
          ...(flags.folder ? { folders: flags.folder } : {}),
          ...(flags.lookBack ? { lookBackDays: flags.lookBack } : {}),
        }),
      );
      ctx.print(describeView(view));
    });

  inbox
    .command('show')
    .description('print the mailbox settings (never the password)')
    .action(async () => {
      const { withInbox } = await import('../../main/inbox.js');
      const view = await withInbox(ctx.config, (service) => service.show());
      ctx.print(
        view ? JSON.stringify(view, null, 2) : 'No mailbox connected (tactful inbox set --help).',
      );
    });

  inbox
    .command('test')
    .description('connect, log in and count the messages of each folder (reads nothing else)')
    .action(async () => {
      const { withInbox } = await import('../../main/inbox.js');
      const report = await withInbox(ctx.config, (service) => service.test());
      const folders = report.folders
        .map((f) => `${f.folder} ${f.messages} message${f.messages === 1 ? '' : 's'}`)
        .join(', ');
      ctx.print(
        `Connected to ${report.server}: ${folders}${report.idle ? ' (new mail is noticed at once: IDLE)' : ''}.`,
      );
    });

  inbox
    .command('check')
    .description('one read-only pass now: list the replies and invitations matched')
    .option('--json', 'print the report as JSON')
    .action(async (flags: { json?: boolean }) => {
      const { withInbox } = await import('../../main/inbox.js');
      const report = await withInbox(ctx.config, (service) => service.check());
      ctx.print(flags.json ? JSON.stringify(report, null, 2) : describeReport(report));
    });

  inbox
    .command('off')
    .description('disconnect the mailbox: forget its settings, password and what was read')
    .option('--yes', 'do not ask')
    .action(async (flags: { yes?: boolean }) => {
      if (!flags.yes) {
        if (!ctx.deps.stdinIsTty) throw new UserError('add --yes to disconnect the mailbox');
        const { confirm } = await import('../prompt.js');
        if (!(await confirm('Disconnect the mailbox and forget what was read?'))) {
          ctx.print('Nothing changed.');
          return;
        }
      }
      const { withInbox } = await import('../../main/inbox.js');
      const removed = await withInbox(ctx.config, (service) => service.off());
      ctx.print(removed ? 'Mailbox disconnected: its settings and password are deleted.' : 'No mailbox was connected.');
    });
}
