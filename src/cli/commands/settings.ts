// `tactful settings` shows the seeker's settings; `tactful settings set --timezone … --region …
// --preset … --signature … --active-target … --email …` changes them (validated like the document's).
import type { Command } from 'commander';
import type { Settings } from '../../core/types.js';
import type { CommandContext } from '../context.js';
import { UserError } from '../errors.js';
import { checkInteger } from '../options.js';
import { safeText } from '../style.js';

interface SetFlags {
  timezone?: string;
  region?: string;
  preset?: string;
  signature?: string;
  activeTarget?: string;
  email?: string;
}

function describe(settings: Settings): string {
  const signature = settings.signature.trim() === '' ? '(none)' : settings.signature.split('\n').map(safeText).join('\n                 ');
  return [
    `time zone        ${settings.timezone}`,
    `holiday region   ${settings.region}`,
    `follow-up pace   ${settings.preset}`,
    `active target    ${settings.activeTarget} applications`,
    `signature        ${signature}`,
    `your e-mail      ${settings.email === null ? '(none)' : safeText(settings.email)}`,
  ].join('\n');
}

export function registerSettings(program: Command, ctx: CommandContext): void {
  const settings = program
    .command('settings')
    .description('show your settings (time zone, holiday region, pace, target, signature)')
    .action(async () => {
      ctx.print(describe(await (await ctx.services()).settings()));
      ctx.print(ctx.style.dim('Change them with: tactful settings set --timezone Europe/London --region GB-ENG …'));
    });

  settings
    .command('set')
    .description('change your settings; omitted flags keep their value')
    .option('--timezone <zone>', 'your time zone, e.g. America/New_York, Europe/London')
    .option('--region <region>', 'your public holidays, e.g. US, GB-ENG, IE, DE-BY')
    .option('--preset <preset>', 'follow-up pace: gentle|standard|persistent')
    .option('--signature <text>', 'how your messages end (use \\n for a new line)')
    .option('--active-target <n>', 'how many active applications to aim for')
    .option('--email <address>', 'your own address, never taken for an interviewer ("" to forget it)')
    .action(async (flags: SetFlags) => {
      const patch = {
        timezone: flags.timezone,
        region: flags.region,
        preset: flags.preset,
        signature: flags.signature?.replace(/\\n/g, '\n'),
        activeTarget: checkInteger('--active-target', flags.activeTarget, 0, 1000),
        email: flags.email === undefined ? undefined : flags.email.trim() === '' ? null : flags.email,
      };
      if (Object.values(patch).every((v) => v === undefined)) {
        throw new UserError('settings set what? --timezone, --region, --preset, --signature, --active-target or --email');
      }
      const saved = await (await ctx.services()).updateSettings(patch);
      ctx.print(`Saved.\n${describe(saved)}`);
    });
}
