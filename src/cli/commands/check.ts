// `tactful check FILE --application ID [--json]`: the message checker on the seeker's own text.
// A first line `Subject: …` is checked as the subject; the rest is the body.
import { Option, type Command } from 'commander';
import type { Finding } from '../../core/checker/index.js';
import {
  CHANNELS,
  STEP_KINDS,
  SEEKER_STEP_KINDS,
  type Channel,
  type StepKind,
} from '../../core/types.js';
import type { CommandContext } from '../context.js';
import { EXIT_FINDINGS } from '../errors.js';
import { safeText } from '../style.js';

const MESSAGE_KINDS = STEP_KINDS.filter((k) => !SEEKER_STEP_KINDS.includes(k));

interface CheckFlags {
  application: string;
  json?: boolean;
  kind?: StepKind;
  channel?: Channel;
  to?: string[];
}

/** Splits an optional `Subject:` first line from the body. */
export function splitMessage(text: string): { subject: string | null; body: string } {
  // A BOM and Windows line endings are how editors save, not part of the message.
  const clean = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n/g, '\n');
  const m = /^subject:[ \t]*([^\r\n]*)(?:\r?\n)+/i.exec(clean);
  if (!m) return { subject: null, body: clean.replace(/\s+$/, '') };
  return { subject: m[1] ?? '', body: clean.slice(m[0].length).replace(/\s+$/, '') };
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, col ${before[before.length - 1]!.length + 1}`;
}

/** One line per finding: severity, where, rule, advice and the flagged words. */
export function formatFindings(
  ctx: CommandContext,
  findings: Finding[],
  subject: string | null,
  body: string,
): string[] {
  if (findings.length === 0) return [ctx.style.green('Checker: no problems found.')];
  return findings.map((f) => {
    const where =
      f.in === 'body'
        ? position(body, f.start)
        : f.in === 'subject'
          ? 'subject'
          : `recipient ${f.start + 1}`;
    const text = f.in === 'body' ? body : f.in === 'subject' ? (subject ?? '') : '';
    const excerpt = text
      ? ` ("${safeText(text.slice(f.start, Math.min(f.end, f.start + 60)))}")`
      : '';
    const tag =
      f.severity === 'error'
        ? ctx.style.red('error')
        : f.severity === 'warning'
          ? ctx.style.yellow('warning')
          : 'info';
    return `${tag} ${where} ${f.rule}: ${safeText(f.message)}${excerpt}`;
  });
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check')
    .description('run the message checker on your own text before you send it (exit 3 when a finding is an error)')
    .argument('<file>', 'the message; a first line "Subject: …" is checked as the subject')
    .requiredOption('--application <id>', 'the application the message is about')
    .option('--json', 'print { application, subject, findings }')
    .addOption(
      new Option('--kind <kind>', 'the kind of message (enables its length rules)').choices(
        MESSAGE_KINDS,
      ),
    )
    .addOption(new Option('--channel <channel>', 'how it is sent').choices([...CHANNELS]))
    .option('--to <contact...>', 'recipient contact ids (checks the greeting and addresses)')
    .action(async (file: string, flags: CheckFlags) => {
      const { subject, body } = splitMessage(await ctx.deps.readTextFile(file));
      const facts = await (await ctx.services()).exportDocument();
      const { checkMessage } = await import('../../core/checker/index.js');
      const findings = checkMessage(
        {
          kind: flags.kind ?? null,
          channel: flags.channel ?? (subject !== null ? 'email' : null),
          subject,
          body,
          to: flags.to ?? [],
          applicationId: flags.application,
        },
        facts,
      );
      const errors = findings.filter((f) => f.severity === 'error').length;
      if (errors > 0) ctx.exitCode = EXIT_FINDINGS;
      if (flags.json) {
        ctx.print(JSON.stringify({ application: flags.application, subject, findings }, null, 2));
        return;
      }
      ctx.print(
        [
          ...formatFindings(ctx, findings, subject, body),
          `${errors} error(s), ${findings.length - errors} other finding(s).`,
        ].join('\n'),
      );
    });
}
