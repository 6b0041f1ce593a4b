// `tactful log`: record something that happened (you contacted them, or they contacted you).
import type { Command } from 'commander';
import { CHANNELS, INBOUND_KINDS, OUTBOUND_KINDS, type Direction, type InteractionKind } from '../../core/types.js';
import type { CommandContext } from '../context.js';
import { UNDO_HINT } from '../undo-hint.js';
import { UserError } from '../errors.js';
import { checkChoice, list } from '../options.js';
import { required } from '../prompt.js';
import { safeText } from '../style.js';

const KINDS: readonly InteractionKind[] = [...OUTBOUND_KINDS, ...INBOUND_KINDS];

interface LogFlags {
  application?: string;
  kind?: string;
  direction?: string;
  to?: string[];
  channel?: string;
  at?: string;
  summary?: string;
  newDecisionDate?: string;
  onHold?: boolean;
  offerDeadline?: string;
}

/** Inbound kinds (reply, update, invitation, offer, rejection) come in; everything else goes out. */
export function directionOf(kind: InteractionKind, given: string | undefined): Direction {
  const implied: Direction = (INBOUND_KINDS as readonly string[]).includes(kind) ? 'in' : 'out';
  const direction = checkChoice('--direction', given, ['in', 'out'] as const) ?? implied;
  if (direction !== implied) {
    throw new UserError(`--direction ${direction} does not fit --kind ${kind} (it is ${implied === 'in' ? 'inbound' : 'outbound'})`);
  }
  return direction;
}

export function registerLog(program: Command, ctx: CommandContext): void {
  program
    .command('log')
    .description('log an interaction: a message you sent, or one you received')
    .option('--application <id>', 'application id (required)')
    .option('--kind <kind>', `what happened: ${KINDS.join('|')} (required)`)
    .option('--direction <direction>', 'in|out (default: from the kind)')
    .option('--to <contact...>', 'contact ids involved (default: the lead contact)')
    .option('--channel <channel>', CHANNELS.join('|'))
    .option('--at <when>', 'when: YYYY-MM-DD (today: now; another day: its noon), YYYY-MM-DD HH:mm in your zone, or an instant with an offset (default: now)')
    .option('--summary <text>', 'a line about what was said')
    .option('--new-decision-date <date>', 'reply/update: the new decision date, YYYY-MM-DD')
    .option('--on-hold', 'update: the process is on hold')
    .option('--offer-deadline <date>', 'offer: answer needed by YYYY-MM-DD')
    .action(async (flags: LogFlags) => {
      const application = await required(ctx, '--application', 'Application id', flags.application);
      const { checkDate } = await import('../date-options.js');
      const kind = checkChoice('--kind', await required(ctx, '--kind', 'Kind', flags.kind), KINDS)!;
      const input = {
        application,
        kind,
        direction: directionOf(kind, flags.direction),
        contacts: list(flags.to) ?? [],
        channel: checkChoice('--channel', flags.channel, CHANNELS),
        at: flags.at,
        summary: flags.summary,
        newDecisionDate: checkDate('--new-decision-date', flags.newDecisionDate),
        onHold: flags.onHold,
        offerDeadline: checkDate('--offer-deadline', flags.offerDeadline),
      };
      const services = await ctx.services();
      const { interaction, warnings } = await services.logInteraction(input);
      ctx.print(`Logged ${interaction.direction === 'in' ? 'inbound' : 'outbound'} ${interaction.kind} ${interaction.id} on ${application}. ${UNDO_HINT}`);
      for (const warning of warnings) ctx.print(ctx.style.yellow(`! ${warning.kind}: ${safeText(warning.message)}`));
    });
}
