// The command tree. Commands are registered eagerly (commander is small) but everything heavy
// they need is behind `ctx.services()`, loaded on first use.
import { Command } from 'commander';
import { UserError } from './errors.js';
import type { CommandContext } from './context.js';
import { registerAdd } from './commands/add.js';
import { registerBackup } from './commands/backup.js';
import { registerDemo } from './commands/demo.js';
import { registerDraft } from './commands/draft.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerLog } from './commands/log.js';
import { registerPlan } from './commands/plan.js';
import { registerStepActions } from './commands/step-actions.js';
import { registerToday } from './commands/today.js';
import { registerServe } from './commands/serve.js';
import { registerWorker } from './commands/worker.js';
import { registerSmtp } from './commands/smtp.js';
import { registerInbox } from './commands/inbox.js';
import { registerSettings } from './commands/settings.js';
import { registerList } from './commands/list.js';
import { registerShow } from './commands/show.js';
import { registerEdit } from './commands/edit.js';
import { registerUndo } from './commands/undo.js';

/** Commands that never work on the sample: mail is never sent from it, and serve shows it by itself. */
const NOT_ON_SAMPLE: Record<string, string> = {
  serve: '`tactful serve` shows the sample by itself while there is one: run it without --sample',
  worker: '--sample cannot be used with `tactful worker`: mail is never sent from the sample data',
  smtp: '--sample cannot be used with `tactful smtp`: mail is never sent from the sample data',
  inbox: '--sample cannot be used with `tactful inbox`: the mailbox belongs to your own data',
};

function refuseSample(command: Command): void {
  let top = command;
  while (top.parent && top.parent.parent) top = top.parent;
  const reason = NOT_ON_SAMPLE[top.name()];
  if (reason) throw new UserError(reason);
}

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('tactful')
    .description("a job seeker's follow-up assistant: whom to contact after an interview, when and how")
    .version(ctx.deps.version, '-V, --version')
    .option('--db <path>', 'SQLite database file (default: $TACTFUL_DB, else ~/.local/share/tactful/tactful.db)')
    .option('--sample', 'work on the sample data (see `tactful demo`) instead of your own')
    .showSuggestionAfterError(true)
    .hook('preAction', (thisCommand, actionCommand) => {
      ctx.setDbFlag(thisCommand.opts<{ db?: string }>().db);
      ctx.setSampleFlag(thisCommand.opts<{ sample?: boolean }>().sample === true);
      if (ctx.sample) refuseSample(actionCommand);
    });

  registerToday(program, ctx);
  registerPlan(program, ctx);
  registerAdd(program, ctx);
  registerLog(program, ctx);
  registerStepActions(program, ctx);
  registerImport(program, ctx);
  registerExport(program, ctx);
  registerDemo(program, ctx);
  registerBackup(program, ctx);
  registerDraft(program, ctx); // also registers `check`
  registerServe(program, ctx);
  registerWorker(program, ctx);
  registerSmtp(program, ctx);
  registerInbox(program, ctx);
  registerSettings(program, ctx);
  registerList(program, ctx);
  registerShow(program, ctx);
  registerEdit(program, ctx);
  registerUndo(program, ctx);

  // Every (sub)command reports errors through runCli, never by exiting itself.
  const quiet = (command: Command): void => {
    command.exitOverride().configureOutput({
      writeOut: (text) => ctx.deps.stdout(text),
      writeErr: (text) => ctx.deps.stderr(text),
      outputError: () => undefined,
    });
    command.commands.forEach(quiet);
  };
  quiet(program);
  return program;
}
