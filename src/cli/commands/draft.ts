// `tactful draft STEP_ID [--format text|eml|mailto] [--json] [--suggested]`: the message for
// one open step, checked by the message checker: the seeker's own edit of it when they saved
// one (in the web app), else the suggested text. Also registers `tactful check` (see check.ts).
import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import type { Draft } from '../../core/drafts/index.js';
import { DomainError } from '../../core/errors.js';
import { ANSWER_OFFER_VARIANTS, type DraftVariant } from '../../core/types.js';
import { KIND_WORDS } from '../agenda-view.js';
import type { CommandContext } from '../context.js';
import { safeText } from '../style.js';
import { formatFindings, registerCheck } from './check.js';

interface DraftFlags {
  format: 'text' | 'eml' | 'mailto';
  json?: boolean;
  formal?: boolean;
  value?: string;
  variant?: DraftVariant;
  asOf?: string;
  locale: string;
  suggested?: boolean;
}

/** Templates: built-in, overridden by `templates/<locale>/` beside the SQLite database file. */
export function templateDataDir(ctx: CommandContext): string | null {
  const storage = ctx.config.storage;
  return storage.kind === 'sqlite' ? dirname(storage.path) : null;
}

function asText(ctx: CommandContext, draft: Draft, edited: boolean): string {
  const channel = draft.channel === 'letter' ? 'handwritten card' : draft.channel;
  const to = draft.to.map((r) =>
    safeText(r.email && draft.channel === 'email' ? `${r.name} <${r.email}>` : r.name),
  );
  const what = draft.variant
    ? `${KIND_WORDS[draft.kind]} (${draft.variant})`
    : KIND_WORDS[draft.kind];
  const lines = [ctx.style.bold(`${what} — ${channel}`)];
  if (edited) lines.push(ctx.style.dim('Your edited text (the suggested one: --suggested)'));
  lines.push(`To: ${to.join(', ')}`);
  if (draft.subject !== null) lines.push(`Subject: ${safeText(draft.subject)}`);
  lines.push('', ...draft.body.split('\n').map(safeText), '');
  lines.push(...formatFindings(ctx, draft.findings, draft.subject, draft.body));
  return lines.join('\n');
}

/** A Message-ID from the step id: stable, so re-exporting the same draft gives the same id. */
function messageIdFor(stepId: string): string {
  return `${stepId.replace(/[^A-Za-z0-9._-]+/g, '.')}@tactful.invalid`;
}

export function registerDraft(program: Command, ctx: CommandContext): void {
  program
    .command('draft')
    .description(
      'the message for a step: e-mail, phone or voicemail script, card text or LinkedIn note',
    )
    .argument('<step-id>', 'the id shown by `tactful today`')
    .addOption(
      new Option('--format <format>', 'text, an .eml file, or a mailto: link')
        .choices(['text', 'eml', 'mailto'])
        .default('text'),
    )
    .option('--json', 'print { kind, channel, to, subject, body, findings, edited }')
    .option('--suggested', 'the suggested text, not your saved edit of it')
    .option('--formal', 'greet by full name ("Dear Dana Reyes,")')
    .option(
      '--value <text>',
      'check-in: the something of value to offer (an article link, congratulations)',
    )
    .addOption(
      new Option(
        '--variant <variant>',
        'answering an offer: accept it, or decline gracefully',
      ).choices(ANSWER_OFFER_VARIANTS),
    )
    .option('--as-of <when>', 'find the step in the plan as of YYYY-MM-DD or an RFC 3339 instant')
    .option('--locale <locale>', 'template folder to use', 'en')
    .action(async (stepId: string, flags: DraftFlags) => {
      // Loaded here, not at startup: nodemailer and the templates would slow every command.
      const [{ renderDraft, parseSignature }, { toEml, mailtoLink, loadTemplates }, { withDraftEdit }] =
        await Promise.all([
          import('../../core/drafts/index.js'),
          import('../../main/draft-files.js'),
          import('../../app/draft-edits.js'),
        ]);
      const templates = await loadTemplates({
        locale: flags.locale,
        dataDir: templateDataDir(ctx),
      });
      const services = await ctx.services();
      const { plan, facts } = await services.agenda(flags.asOf);
      const step = plan.steps.find((s) => s.id === stepId);
      if (!step)
        throw new DomainError(
          'not_found',
          `no open step "${stepId}" (see tactful today or tactful plan)`,
          'step',
        );
      const suggested = renderDraft(step, facts, templates, {
        formal: flags.formal === true,
        value: flags.value,
        variant: flags.variant,
      });
      // The seeker's saved edit wins, as it does for copy, .eml and Send in the web app.
      const edit = flags.suggested ? null : await services.draftEdit(step.id);
      const edited = edit !== null && edit.edited;
      const draft = edit ? withDraftEdit(suggested, edit, step, facts) : suggested;
      if (flags.json) {
        ctx.print(JSON.stringify({ ...draft, edited }, null, 2));
      } else if (flags.format === 'eml') {
        const seeker = parseSignature(facts.settings.signature);
        const from = seeker.email ? { name: seeker.name, email: seeker.email } : null;
        ctx.deps.stdout(await toEml(draft, { from, messageId: messageIdFor(step.id) }));
      } else if (flags.format === 'mailto') {
        ctx.print(mailtoLink(draft));
      } else {
        ctx.print(asText(ctx, draft, edited));
      }
    });
  registerCheck(program, ctx);
}
